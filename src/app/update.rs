//! [`Action`]s and [`update`]: the only place the full-screen game's state changes.
//!
//! [`App::action`] (in [`action`]) turns raw [`Input`](super::Input) into an action
//! (which depends on the view and any overlay); `update` applies it, one handler per
//! view: the title and the story here, the pages over the story (and the inspector) in
//! [`pages`], saving and loading in [`saving`], undo, the timeline and the history in
//! [`travel`], the replay in [`replay`], and reloading an edited story (`--watch`) in
//! [`reload`].

mod action;
mod pages;
mod preferences;
mod reading;
mod reload;
mod replay;
mod saving;
mod travel;

pub use action::Action;
pub(crate) use reading::{Reading, begin_restored};
use reading::{advance, record_ending, settle_reveal, tick};
pub(crate) use saving::latest_save;

use super::{App, Command, Flash, Mark, MenuItem, Overlay, PlayState, Reveal, View};
use crate::app::layout;
use crate::engine::Event;
use crate::session::Session;

/// Applies an action.
pub fn update(app: &mut App, action: Action) {
    // A message in the status line lasts until the player does something else.
    if !matches!(action, Action::Tick | Action::Resize(_) | Action::Reload) {
        app.flash = None;
    }
    match action {
        Action::Quit => saving::leave(app),
        Action::Reload => reload::reload(app),
        Action::Resize(size) => {
            app.size = size;
            clamp_scrolls(app);
            settle_reveal(app);
        }
        Action::Tick if app.view == View::Replay => replay::tick(app),
        Action::Tick => tick(app),
        Action::Advance => advance(app),
        Action::Confirm => match app.overlay {
            Some(Overlay::ConfirmQuit) => saving::leave(app),
            Some(Overlay::ConfirmNewGame) => {
                app.overlay = None;
                new_game(app);
            }
            Some(Overlay::ConfirmOverwrite(slot)) => saving::confirm_overwrite(app, slot),
            _ => {}
        },
        Action::Dismiss => app.overlay = None,
        Action::Command(Command::Help) if app.overlay != Some(Overlay::Help) => {
            app.overlay = Some(Overlay::Help);
            app.help_scroll = 0;
        }
        Action::Command(Command::Quit) if app.view == View::Replay => app.quit = true,
        Action::Command(Command::Quit) => app.overlay = Some(Overlay::ConfirmQuit),
        _ if app.overlay == Some(Overlay::Help) => pages::help(app, action),
        _ if app.overlay == Some(Overlay::Diagnostics) => reload::diagnostics(app, action),
        _ => match app.view {
            View::Title => title(app, action),
            View::Play => play(app, action),
            View::Recollections => pages::recollections(app, action),
            View::Relationships => pages::relationships(app, action),
            View::Ending => pages::ending(app, action),
            View::Save | View::Load => saving::slots(app, action),
            View::Timeline => travel::timeline(app, action),
            View::History => travel::history(app, action),
            View::Replay => replay::replay(app, action),
            View::Inspector => pages::inspector(app, action),
            View::Settings => preferences::settings(app, action),
            View::Endings => pages::endings(app, action),
        },
    }
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
        Action::Command(Command::Settings) => preferences::open(app),
        Action::Click(at) => {
            if let Some(i) = layout::title::item_at(app, at) {
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
            if let Some(restored) = app.resume.take() {
                let bookmark = app.resume_bookmark.take();
                match app.resume_view.take() {
                    Some(reading) => {
                        begin(app, restored.session);
                        app.play = reading.play;
                        app.journal = reading.journal;
                        app.people = reading.people;
                        clamp_scrolls(app);
                    }
                    None => begin_restored(app, restored.session, bookmark),
                }
                app.autosave.owned = app.resume_owned;
                app.play.notes.extend(restored.notice.map(|n| n.message()));
            }
        }
        MenuItem::Load => saving::open_slots(app, View::Load),
        // A game in progress is kept in its autosave; ask all the same.
        MenuItem::NewGame if app.resume.is_some() => app.overlay = Some(Overlay::ConfirmNewGame),
        MenuItem::NewGame => new_game(app),
        MenuItem::Settings => preferences::open(app),
        MenuItem::Endings => pages::open_endings(app),
        MenuItem::Quit => saving::leave(app),
    }
}

/// After a setting changed: the theme follows, and the settings are written (a
/// failure is a message in the status line; the setting holds for this run).
pub(crate) fn settings_changed(app: &mut App) {
    app.theme = app.overrides.theme(app.theme_choice());
    clamp_scrolls(app);
    settle_reveal(app);
    if let Some(config) = &app.config
        && let Err(e) = config.write(&app.settings)
    {
        app.flash = Some(Flash::warning(format!(
            "The settings could not be kept ({e}); they hold until you leave."
        )));
    }
}

/// A new game. The autosave of the one before it is moved along, not written over.
fn new_game(app: &mut App) {
    // The first game keeps the seed it was given, so `--seed` replays exactly.
    let seed = app
        .seed
        .wrapping_add(app.games_started.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    match Session::new(app.story.clone(), seed) {
        Ok(session) => {
            app.resume = None;
            app.resume_view = None;
            begin(app, session);
            app.autosave.owned = false;
            app.autosave.bookmark = None;
        }
        Err(e) => app.play.notes = vec![format!("The story cannot begin: {e}.")],
    }
}

/// Plays a session from where it stands: a new game, a continued or a loaded one.
fn begin(app: &mut App, session: Session) {
    app.games_started += 1;
    app.act = None;
    app.autosave.due = false;
    app.journal = Default::default();
    app.people = Default::default();
    app.ending_scroll = 0;
    let events = session.last_events().to_vec();
    app.session = Some(session);
    app.view = View::Play;
    after_step(app, &events);
}

/// Sets the play view up after undo or a jump along the timeline: the scene shows at
/// once, and the marks of what the last choice changed no longer apply.
fn after_move(app: &mut App) {
    app.play = PlayState::default();
    app.journal.marks.clear();
    app.people.moved.clear();
    app.act = act_of(app);
}

/// The era of the scene being read, when it is in an act (not the present-day frame).
fn act_of(app: &App) -> Option<String> {
    let scene = app.session.as_ref()?.scene().ok()?;
    (!scene.frame).then(|| scene.era.clone())
}

/// Sets the play view up for the scene just entered, and keeps what changed to show
/// after its text.
fn after_step(app: &mut App, events: &[Event]) {
    let Some(session) = &app.session else { return };
    let total = session
        .passage()
        .iter()
        .map(|p| layout::play::letters(&p.text))
        .sum();
    app.play = PlayState {
        selected: 0,
        scroll: 0,
        reveal: (total > 0).then_some(Reveal { shown: 0, total }),
        notes: Vec::new(),
        effects: events.to_vec(),
        card: false,
    };
    // Entering an act's era (not the frame between its scenes) shows its title card.
    let act = act_of(app);
    if act.is_some() && act != app.act {
        app.play.card = true;
        app.act = act;
    }
    settle_reveal(app);
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
        Action::Click(at) => match layout::play::choice_at(app, at) {
            Some(i) => choose(app, i),
            None if ended && layout::play::in_choices(app, at) => app.view = View::Ending,
            None => {}
        },
        Action::Command(Command::Undo) => travel::undo(app),
        Action::Command(Command::Back) => saving::to_title(app),
        Action::Command(c) if pages::open(app, c) => {}
        other => {
            let max = layout::play::max_scroll(app);
            let page = layout::play::page(app);
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
            app.autosave.due = true;
            saving::autosave(app);
            record_ending(app);
        }
        Err(e) => app.play.notes = vec![format!("That cannot be chosen now: {e}.")],
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
    app.play.scroll = app.play.scroll.min(layout::play::max_scroll(app));
    app.people.scroll = app.people.scroll.min(layout::people::max_scroll(app));
    app.ending_scroll = app.ending_scroll.min(layout::ending::max_scroll(app));
    app.gallery_scroll = app.gallery_scroll.min(layout::endings::max_scroll(app));
    app.help_scroll = app.help_scroll.min(layout::help::max_scroll(app));
    app.history.scroll = app.history.scroll.min(layout::history::max_scroll(app));
    app.inspector.scroll = app.inspector.scroll.min(layout::inspector::max_scroll(app));
    app.diagnostics.scroll = app.diagnostics.scroll.min(layout::diagnostics::max_scroll(app));
    let replay_max = layout::replay::max_scroll(app);
    if let Some(replay) = &mut app.replay {
        replay.scroll = replay.scroll.min(replay_max);
    }
}
