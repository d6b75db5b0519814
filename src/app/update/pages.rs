//! The pages over the story (recollections, relationships, the ending, the help, and
//! the authors' inspector) and the keys that open any page from the story, so every
//! page opens the same way and returns to where it was opened from.

use super::{Action, saving, scrolled, travel};
use crate::app::layout;
use crate::app::{App, Command, Flash, View, journal};

/// Opens the page a command asks for, from the story or another page; false when the
/// command opens no page (the caller handles it).
pub(super) fn open(app: &mut App, command: Command) -> bool {
    match command {
        Command::Recollections => open_journal(app),
        Command::Relationships => open_people(app),
        Command::History => travel::open_history(app),
        Command::Timeline => travel::open_timeline(app),
        Command::Save => saving::open_slots(app, View::Save),
        Command::Load => saving::open_slots(app, View::Load),
        Command::Quicksave => saving::quicksave(app),
        Command::Quickload => saving::quickload(app),
        Command::Inspect => open_inspector(app),
        Command::Settings => super::preferences::open(app),
        _ => return false,
    }
    true
}

pub(super) fn help(app: &mut App, action: Action) {
    let max = layout::help::max_scroll(app);
    app.help_scroll = scrolled(app.help_scroll, action, max, 5);
}

fn open_journal(app: &mut App) {
    if app.view != View::Recollections {
        app.behind = back_view(app);
        app.journal.showing = std::mem::take(&mut app.journal.marks);
        app.journal.past = app
            .session
            .as_ref()
            .map(|s| journal::Past::of(&s.history(), s.state()))
            .unwrap_or_default();
        app.journal.open = false;
        app.journal.detail_scroll = 0;
        // Start at the first new or revised entry, if there is one.
        app.journal.selected = journal_position(app, |id| app.journal.showing.contains_key(id)).unwrap_or(0);
    }
    app.view = View::Recollections;
}

/// Where the first journal entry whose id satisfies `wanted` stands in the
/// recollections as they are listed now.
fn journal_position(app: &App, wanted: impl Fn(&str) -> bool) -> Option<usize> {
    let s = app.session.as_ref()?;
    journal::entries(s.story(), s.state(), &app.journal.past, app.journal.order)
        .iter()
        .position(|e| wanted(e.id()))
}

fn open_people(app: &mut App) {
    if app.view != View::Relationships {
        app.behind = back_view(app);
        app.people.scroll = 0;
    }
    app.view = View::Relationships;
}

/// Whether a view is a page over the story, which returns to [`App::behind`].
pub(super) fn is_page(view: View) -> bool {
    matches!(
        view,
        View::Recollections
            | View::Relationships
            | View::Timeline
            | View::History
            | View::Save
            | View::Load
            | View::Inspector
            | View::Settings
            | View::Endings
    )
}

/// The view that a page opened now returns to.
pub(super) fn back_view(app: &App) -> View {
    if is_page(app.view) { app.behind } else { app.view }
}

pub(super) fn close_page(app: &mut App) {
    app.journal.showing.clear();
    app.view = app.behind;
}

pub(super) fn recollections(app: &mut App, action: Action) {
    let count = app.session.as_ref().map_or(0, |s| {
        journal::entries(s.story(), s.state(), &app.journal.past, app.journal.order).len()
    });
    let last = count.saturating_sub(1);
    let before = app.journal.selected;
    let sel = &mut app.journal.selected;
    match action {
        Action::Command(Command::Up) | Action::Scroll(..=-1) if !app.journal.open => {
            *sel = sel.saturating_sub(1);
        }
        Action::Command(Command::Down) | Action::Scroll(1..) if !app.journal.open => {
            *sel = (*sel + 1).min(last);
        }
        Action::Command(Command::Top) => *sel = 0,
        Action::Command(Command::Bottom) => *sel = last,
        // The page keys read the selected entry's text when it is longer than its pane.
        Action::Command(Command::PageUp | Command::PageDown | Command::Up | Command::Down)
        | Action::Scroll(_) => {
            let max = layout::journal::max_detail_scroll(app);
            let page = layout::journal::detail_page(app);
            app.journal.detail_scroll = scrolled(app.journal.detail_scroll, action, max, page);
        }
        Action::Click(at) => {
            if let Some(i) = layout::journal::entry_at(app, at) {
                app.journal.selected = i;
            }
        }
        Action::Command(Command::Select) => {
            app.journal.open = !app.journal.open && count > 0;
            app.journal.detail_scroll = 0;
        }
        Action::Command(Command::Back) if app.journal.open => app.journal.open = false,
        Action::Command(Command::Arrange) => {
            let id = app.session.as_ref().and_then(|s| {
                journal::entries(s.story(), s.state(), &app.journal.past, app.journal.order)
                    .get(app.journal.selected)
                    .map(|e| e.id().to_owned())
            });
            app.journal.order = app.journal.order.other();
            // The same entry stays selected in the other order.
            app.journal.selected = journal_position(app, |e| Some(e) == id.as_deref()).unwrap_or(0);
        }
        Action::Command(Command::Back | Command::Recollections) => close_page(app),
        Action::Command(c) if open(app, c) && app.view != View::Recollections => {
            app.journal.showing.clear();
        }
        _ => {}
    }
    if app.journal.selected != before {
        app.journal.detail_scroll = 0;
    }
}

pub(super) fn relationships(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Back | Command::Relationships | Command::Select) => close_page(app),
        Action::Command(c) if open(app, c) => {}
        other => {
            let max = layout::people::max_scroll(app);
            app.people.scroll = scrolled(app.people.scroll, other, max, 5);
        }
    }
}

pub(super) fn ending(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Select | Command::Back) => saving::to_title(app),
        Action::Command(c) if open(app, c) => {}
        other => {
            let max = layout::ending::max_scroll(app);
            app.ending_scroll = scrolled(app.ending_scroll, other, max, 5);
        }
    }
}

/// Opens the endings reached, read afresh (from the title).
pub(super) fn open_endings(app: &mut App) {
    if let Some(dir) = &app.saves {
        match dir.gallery() {
            Ok(gallery) => app.gallery = gallery,
            Err(e) => {
                app.flash = Some(Flash::warning(format!(
                    "The endings reached cannot be read: {e}."
                )));
            }
        }
    }
    app.gallery_scroll = 0;
    app.behind = View::Title;
    app.view = View::Endings;
}

/// The endings reached, from the title.
pub(super) fn endings(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Back | Command::Select) => close_page(app),
        other => {
            let max = layout::endings::max_scroll(app);
            app.gallery_scroll = scrolled(app.gallery_scroll, other, max, 5);
        }
    }
}

fn open_inspector(app: &mut App) {
    if app.session.is_none() {
        return;
    }
    if app.view != View::Inspector {
        app.behind = back_view(app);
        app.inspector.scroll = 0;
    }
    app.view = View::Inspector;
}

pub(super) fn inspector(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Back | Command::Inspect | Command::Select) => close_page(app),
        Action::Command(c) if open(app, c) => {}
        other => {
            let max = layout::inspector::max_scroll(app);
            let page = layout::inspector::page(app);
            app.inspector.scroll = scrolled(app.inspector.scroll, other, max, page);
        }
    }
}
