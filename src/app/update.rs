//! [`Action`]s and [`update`]: the only place the full-screen game's state changes.
//!
//! [`App::action`] turns raw [`Input`] into an action (which depends on the view and
//! any overlay); `update` applies it, one handler per view.

use crossterm::event::{KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Size};

use super::{App, Command, Input, Mark, MenuItem, Overlay, PlayState, Reveal, View, journal};
use crate::engine::Event;
use crate::plain::describe_events;
use crate::session::Session;
use crate::ui;

/// Characters of text revealed on each tick of the animation.
pub const REVEAL_STEP: usize = 6;

/// Something to do to the game, whatever key or click asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// Take the choice of this (0-based) number.
    Pick(usize),
    Click(Position),
    /// Scroll by this many lines (negative: up).
    Scroll(i32),
    Resize(Size),
    /// Advance the text reveal.
    Tick,
    /// Show the rest of the text at once.
    RevealAll,
    /// "Yes" in the confirmation.
    Confirm,
    /// Close the overlay.
    Dismiss,
    /// Leave at once (Ctrl-C, a signal, the end of input).
    Quit,
}

impl App {
    /// The action an input asks for here, if any.
    pub fn action(&self, input: &Input) -> Option<Action> {
        match input {
            Input::Key(key) => {
                if key.kind != KeyEventKind::Press {
                    return None;
                }
                let command = self.keymap.command(key);
                if command == Some(Command::ForceQuit) {
                    return Some(Action::Quit);
                }
                match self.overlay {
                    Some(Overlay::ConfirmQuit) => {
                        return Some(match key.code {
                            KeyCode::Char('y' | 'Y') => Action::Confirm,
                            _ => Action::Dismiss,
                        });
                    }
                    Some(Overlay::Help) => {
                        return Some(match command {
                            Some(
                                c @ (Command::Up
                                | Command::Down
                                | Command::PageUp
                                | Command::PageDown
                                | Command::Quit),
                            ) => Action::Command(c),
                            _ => Action::Dismiss,
                        });
                    }
                    None => {}
                }
                if self.animating() {
                    return Some(Action::RevealAll);
                }
                if let KeyCode::Char(c @ '1'..='9') = key.code
                    && self.view == View::Play
                {
                    return Some(Action::Pick(c as usize - '1' as usize));
                }
                command.map(Action::Command)
            }
            Input::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) if self.animating() => Some(Action::RevealAll),
                MouseEventKind::Down(MouseButton::Left) if self.overlay.is_none() => {
                    Some(Action::Click(Position::new(mouse.column, mouse.row)))
                }
                MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
                MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
                _ => None,
            },
            Input::Resize { width, height } => Some(Action::Resize(Size::new(*width, *height))),
            Input::Signal(_) | Input::Closed => Some(Action::Quit),
        }
    }
}

/// Applies an action.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Resize(size) => {
            app.size = size;
            clamp_scrolls(app);
        }
        Action::Tick => tick(app),
        Action::RevealAll => {
            app.play.reveal = None;
        }
        Action::Confirm => {
            if app.overlay == Some(Overlay::ConfirmQuit) {
                app.quit = true;
            }
        }
        Action::Dismiss => app.overlay = None,
        Action::Command(Command::Help) if app.overlay != Some(Overlay::Help) => {
            app.overlay = Some(Overlay::Help);
            app.help_scroll = 0;
        }
        Action::Command(Command::Quit) => app.overlay = Some(Overlay::ConfirmQuit),
        _ if app.overlay == Some(Overlay::Help) => help(app, action),
        _ => match app.view {
            View::Title => title(app, action),
            View::Play => play(app, action),
            View::Recollections => recollections(app, action),
            View::Relationships => relationships(app, action),
            View::Ending => ending(app, action),
        },
    }
}

fn help(app: &mut App, action: Action) {
    let max = ui::help::max_scroll(app);
    app.help_scroll = scrolled(app.help_scroll, action, max, 5);
}

fn title(app: &mut App, action: Action) {
    let menu = app.menu();
    match action {
        Action::Command(Command::Up) => app.menu_selected = app.menu_selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.menu_selected = (app.menu_selected + 1).min(menu.len().saturating_sub(1));
        }
        Action::Command(Command::Select) => {
            if let Some(&item) = menu.get(app.menu_selected) {
                activate(app, item);
            }
        }
        Action::Click(at) => {
            if let Some(i) = ui::title::item_at(app, at) {
                app.menu_selected = i;
                if let Some(&item) = menu.get(i) {
                    activate(app, item);
                }
            }
        }
        _ => {}
    }
}

fn activate(app: &mut App, item: MenuItem) {
    match item {
        MenuItem::Continue => {
            if let Some(state) = app.resume.clone() {
                match Session::resume(app.story.clone(), state) {
                    Ok(session) => begin(app, session),
                    Err(e) => app.play.notes = vec![format!("That game cannot be continued: {e}.")],
                }
            }
        }
        MenuItem::NewGame => {
            // The first game keeps the seed it was given, so `--seed` replays exactly.
            let seed = app
                .seed
                .wrapping_add(app.games_started.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            match Session::new(app.story.clone(), seed) {
                Ok(session) => begin(app, session),
                Err(e) => app.play.notes = vec![format!("The story cannot begin: {e}.")],
            }
        }
        MenuItem::TextSpeed => app.instant_text = !app.instant_text,
        MenuItem::Theme => {
            app.theme_choice = app.theme_choice.next();
            app.theme = crate::ui::theme::Theme::shipped(app.theme_choice);
        }
        MenuItem::Quit => app.quit = true,
    }
}

fn begin(app: &mut App, session: Session) {
    app.games_started += 1;
    app.journal = Default::default();
    app.people = Default::default();
    app.ending_scroll = 0;
    let events = session.last_events().to_vec();
    app.session = Some(session);
    app.view = View::Play;
    after_step(app, &events);
}

/// Sets the play view up for the scene just entered, and notes what changed.
fn after_step(app: &mut App, events: &[Event]) {
    let Some(session) = &app.session else { return };
    let notes = describe_events(session.story(), events);
    let total = session.passage().iter().map(|p| p.text.chars().count()).sum();
    app.play = PlayState {
        selected: 0,
        scroll: 0,
        reveal: (!app.instant_text && total > 0).then_some(Reveal { shown: 0, total }),
        notes,
    };
    app.people.moved.clear();
    for event in events {
        match event {
            Event::MemoryRecorded {
                memory,
                previous_tone,
                ..
            } => {
                let mark = if previous_tone.is_some() {
                    Mark::Revised
                } else {
                    Mark::New
                };
                let entry = app.journal.marks.entry(memory.clone()).or_insert(mark);
                if *entry != Mark::New {
                    *entry = mark;
                }
            }
            Event::KeepsakeGained { keepsake } => {
                app.journal.marks.insert(keepsake.clone(), Mark::New);
            }
            Event::KeepsakeLost { keepsake } => {
                app.journal.marks.remove(keepsake);
            }
            Event::RelationshipMoved { character, .. } => {
                app.people.moved.insert(character.clone());
            }
            _ => {}
        }
    }
}

fn tick(app: &mut App) {
    if let Some(reveal) = &mut app.play.reveal {
        reveal.shown += REVEAL_STEP;
        if reveal.shown >= reveal.total {
            app.play.reveal = None;
        }
    }
    // Keep the newest revealed line in sight.
    if app.play.reveal.is_some() {
        let follow = ui::play::reveal_follow_scroll(app);
        app.play.scroll = app.play.scroll.max(follow);
    }
}

fn play(app: &mut App, action: Action) {
    let Some(session) = &app.session else {
        app.view = View::Title;
        return;
    };
    let count = session.offered().len();
    let ended = session.ending().is_some();
    match action {
        Action::Command(Command::Up) => app.play.selected = app.play.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            app.play.selected = (app.play.selected + 1).min(count.saturating_sub(1));
        }
        Action::Command(Command::Select) if ended => {
            app.view = View::Ending;
            app.ending_scroll = 0;
        }
        Action::Command(Command::Select) => choose(app, app.play.selected),
        Action::Pick(i) if i < count => choose(app, i),
        Action::Click(at) => match ui::play::choice_at(app, at) {
            Some(i) => choose(app, i),
            None if ended && ui::play::in_choices(app, at) => app.view = View::Ending,
            None => {}
        },
        Action::Command(Command::Recollections) => open_journal(app),
        Action::Command(Command::Relationships) => open_people(app),
        other => {
            let max = ui::play::max_scroll(app);
            let page = ui::play::page(app);
            app.play.scroll = scrolled(app.play.scroll, other, max, page);
        }
    }
}

fn choose(app: &mut App, index: usize) {
    let Some(session) = &mut app.session else { return };
    match session.choose_offered(index) {
        Ok(events) => {
            let events = events.to_vec();
            after_step(app, &events);
        }
        Err(e) => app.play.notes = vec![format!("That cannot be chosen now: {e}.")],
    }
}

fn open_journal(app: &mut App) {
    if app.view != View::Recollections {
        app.behind = back_view(app);
        app.journal.showing = std::mem::take(&mut app.journal.marks);
        // Start at the first new or revised entry, if there is one.
        app.journal.selected = app
            .session
            .as_ref()
            .and_then(|s| {
                journal::entries(s.story(), s.state())
                    .iter()
                    .position(|e| app.journal.showing.contains_key(e.id()))
            })
            .unwrap_or(0);
    }
    app.view = View::Recollections;
}

fn open_people(app: &mut App) {
    if app.view != View::Relationships {
        app.behind = back_view(app);
        app.people.scroll = 0;
    }
    app.view = View::Relationships;
}

/// The view that the recollections and relationships return to.
fn back_view(app: &App) -> View {
    match app.view {
        View::Recollections | View::Relationships => app.behind,
        other => other,
    }
}

fn close_page(app: &mut App) {
    app.journal.showing.clear();
    app.view = app.behind;
}

fn recollections(app: &mut App, action: Action) {
    let count = app
        .session
        .as_ref()
        .map_or(0, |s| journal::entries(s.story(), s.state()).len());
    let last = count.saturating_sub(1);
    let sel = &mut app.journal.selected;
    match action {
        Action::Command(Command::Up) | Action::Scroll(..=-1) => *sel = sel.saturating_sub(1),
        Action::Command(Command::Down) | Action::Scroll(1..) => *sel = (*sel + 1).min(last),
        Action::Command(Command::PageUp) => *sel = sel.saturating_sub(5),
        Action::Command(Command::PageDown) => *sel = (*sel + 5).min(last),
        Action::Command(Command::Top) => *sel = 0,
        Action::Command(Command::Bottom) => *sel = last,
        Action::Click(at) => {
            if let Some(i) = ui::journal::entry_at(app, at) {
                app.journal.selected = i;
            }
        }
        Action::Command(Command::Back | Command::Recollections | Command::Select) => close_page(app),
        Action::Command(Command::Relationships) => {
            app.journal.showing.clear();
            open_people(app);
        }
        _ => {}
    }
}

fn relationships(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Back | Command::Relationships | Command::Select) => close_page(app),
        Action::Command(Command::Recollections) => open_journal(app),
        other => {
            let max = ui::people::max_scroll(app);
            app.people.scroll = scrolled(app.people.scroll, other, max, 5);
        }
    }
}

fn ending(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Select | Command::Back) => {
            app.session = None;
            app.resume = None;
            app.view = View::Title;
            app.menu_selected = 0;
        }
        Action::Command(Command::Recollections) => open_journal(app),
        Action::Command(Command::Relationships) => open_people(app),
        other => {
            let max = ui::ending::max_scroll(app);
            app.ending_scroll = scrolled(app.ending_scroll, other, max, 5);
        }
    }
}

/// A scroll offset moved by a scrolling action, kept within `0..=max`.
fn scrolled(offset: usize, action: Action, max: usize, page: usize) -> usize {
    let next = match action {
        Action::Command(Command::Up) => offset.saturating_sub(1),
        Action::Command(Command::Down) => offset + 1,
        Action::Command(Command::PageUp) => offset.saturating_sub(page.max(1)),
        Action::Command(Command::PageDown) => offset + page.max(1),
        Action::Command(Command::Top) => 0,
        Action::Command(Command::Bottom) => max,
        Action::Scroll(n) => offset.saturating_add_signed(n as isize),
        _ => offset,
    };
    next.min(max)
}

fn clamp_scrolls(app: &mut App) {
    app.play.scroll = app.play.scroll.min(ui::play::max_scroll(app));
    app.people.scroll = app.people.scroll.min(ui::people::max_scroll(app));
    app.ending_scroll = app.ending_scroll.min(ui::ending::max_scroll(app));
    app.help_scroll = app.help_scroll.min(ui::help::max_scroll(app));
}
