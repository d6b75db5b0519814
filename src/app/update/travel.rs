//! Moving in time: undo, the timeline view (return to any point on any branch) and
//! the history (every passage read on the path to here).

use super::{Action, after_move, pages, scrolled};
use crate::app::layout;
use crate::app::{App, Command, Flash, View};
use crate::words::{count, saving};

/// Takes back the last choice; the path stays on the timeline.
pub(super) fn undo(app: &mut App) {
    let Some(session) = &mut app.session else { return };
    let undone = last_choice(session);
    match session.undo() {
        Ok(true) => {
            let quoted = undone.map(|label| format!("“{label}”"));
            let key = app.keymap.label(Command::Timeline);
            moved(app);
            app.play.notes = vec![saving::taken_back(quoted.as_deref(), &key)];
        }
        Ok(false) => app.flash = Some(Flash::info(saving::NOTHING_TO_TAKE_BACK)),
        Err(e) => app.flash = Some(Flash::warning(saving::cannot_go_back(&e))),
    }
}

/// The label of the choice that led to where the player is.
fn last_choice(session: &crate::session::Session) -> Option<String> {
    let timeline = session.timeline();
    let step = timeline.node(timeline.current())?.step.as_ref()?;
    let scene = session.story().scene(&step.scene)?;
    let choice = scene.choices.iter().find(|c| c.id == step.choice)?;
    Some(crate::engine::label(session.story(), choice, session.now()).text)
}

/// After undo or a jump: the play view shows the scene reached, and it is autosaved
/// (an autosave that fails says so in the status line).
fn moved(app: &mut App) {
    after_move(app);
    app.autosave.due = true;
    super::saving::autosave(app);
}

pub(super) fn open_timeline(app: &mut App) {
    let Some(session) = &app.session else { return };
    app.timeline.selected = current_row(session);
    if app.view != View::Timeline {
        app.behind = pages::back_view(app);
    }
    app.view = View::Timeline;
}

fn current_row(session: &crate::session::Session) -> usize {
    session
        .timeline()
        .rows()
        .iter()
        .position(|r| r.current)
        .unwrap_or(0)
}

pub(super) fn timeline(app: &mut App, action: Action) {
    let Some(session) = &app.session else {
        app.view = View::Title;
        return;
    };
    let rows = session.timeline().rows();
    let last = rows.len().saturating_sub(1);
    let page = layout::timeline::page(app);
    let sel = &mut app.timeline.selected;
    match action {
        Action::Command(Command::Up) | Action::Scroll(..=-1) => *sel = sel.saturating_sub(1),
        Action::Command(Command::Down) | Action::Scroll(1..) => *sel = (*sel + 1).min(last),
        Action::Command(Command::PageUp) => *sel = sel.saturating_sub(page),
        Action::Command(Command::PageDown) => *sel = (*sel + page).min(last),
        Action::Command(Command::Top) => *sel = 0,
        Action::Command(Command::Bottom) => *sel = last,
        Action::Click(at) => {
            if let Some(i) = layout::timeline::row_at(app, at) {
                if i == app.timeline.selected {
                    go(app, rows[i].node, rows[i].depth);
                } else {
                    app.timeline.selected = i;
                }
            }
        }
        Action::Command(Command::Select) => {
            if let Some(row) = rows.get(app.timeline.selected) {
                go(app, row.node, row.depth);
            }
        }
        Action::Command(Command::Undo) => {
            undo(app);
            if let Some(session) = &app.session {
                app.timeline.selected = current_row(session);
            }
        }
        Action::Command(Command::Back | Command::Timeline) => pages::close_page(app),
        Action::Command(c) => {
            pages::open(app, c);
        }
        _ => {}
    }
}

/// Returns to a point of the timeline and plays on from there.
fn go(app: &mut App, node: usize, depth: usize) {
    let Some(session) = &mut app.session else { return };
    if session.timeline().current() == node {
        app.view = View::Play;
        return;
    }
    match session.goto(node) {
        Ok(()) => {
            let title = session
                .scene()
                .map_or_else(|_| String::new(), |s| format!(": {}", s.title));
            app.view = View::Play;
            moved(app);
            app.play.notes = vec![format!(
                "Back to the point after {}{title}.",
                count::choices(depth)
            )];
        }
        Err(e) => app.flash = Some(Flash::warning(saving::cannot_go_there(&e))),
    }
}

pub(super) fn open_history(app: &mut App) {
    let Some(session) = &app.session else { return };
    app.history.frames = session.history();
    if app.view != View::History {
        app.behind = pages::back_view(app);
    }
    app.view = View::History;
    // Open at the end, where the player is reading; earlier passages are above.
    app.history.scroll = layout::history::max_scroll(app);
}

pub(super) fn history(app: &mut App, action: Action) {
    match action {
        Action::Command(Command::Back | Command::History | Command::Select) => pages::close_page(app),
        Action::Command(c) if pages::open(app, c) => {}
        other => {
            let max = layout::history::max_scroll(app);
            let page = layout::history::page(app);
            app.history.scroll = scrolled(app.history.scroll, other, max, page);
        }
    }
}
