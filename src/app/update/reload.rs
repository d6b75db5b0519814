//! `play --watch` in the full-screen game: a story file changed, so the loop was woken
//! with [`Action::Reload`]; ask the reload source for the story as it is now and move
//! the game onto it (see [`watch::apply`]).
//!
//! A good edit redraws the scene from the new story at once (no reveal), with a notice
//! in the status line. A story without the current scene, or one that cannot be read,
//! is said in the status line and the old story plays on. A broken edit opens the
//! diagnostics over the game, and the old story plays on until a later save fixes it.

use std::sync::Arc;

use super::{Action, scrolled};
use crate::app::layout;
use crate::app::{App, DiagnosticsState, Flash, Overlay};
use crate::watch::{self, Reload, ReloadNote};

const NOT_RELOADED: &str = "The story was not reloaded; the page says why.";

/// Reloads the story if its files really changed; a wake with nothing new does nothing.
pub(super) fn reload(app: &mut App) {
    let Some(reload) = app.reloads.as_mut().and_then(|r| r.poll()) else {
        return;
    };
    let note = match &mut app.session {
        Some(session) => watch::apply(session, reload),
        None => apply_at_title(app, reload),
    };
    // Whatever came of this save, what was said of an earlier one no longer applies.
    if app.overlay == Some(Overlay::Diagnostics) {
        app.overlay = None;
    }
    if let Some(old) = app.diagnostics.note.take() {
        app.play.notes.retain(|n| *n != old);
    }
    let message = note.message();
    match note {
        ReloadNote::Reloaded { .. } => {
            reloaded(app);
            app.flash = Some(Flash::info(message));
        }
        ReloadNote::SceneGone { .. } | ReloadNote::Unreadable(_) => {
            // Too long for the status line of a narrow terminal: the whole of it goes
            // above the scene, with the notes of what the last choice changed.
            app.flash = Some(Flash::warning(NOT_RELOADED));
            app.play.notes.push(message.clone());
            app.diagnostics.note = Some(message);
        }
        ReloadNote::Broken(report) => {
            app.diagnostics = DiagnosticsState {
                text: report.render(),
                scroll: 0,
                note: None,
            };
            // A question asked (leave? overwrite?) waits for its answer first.
            if !matches!(
                app.overlay,
                Some(Overlay::ConfirmQuit | Overlay::ConfirmNewGame | Overlay::ConfirmOverwrite(_))
            ) {
                app.overlay = Some(Overlay::Diagnostics);
            }
            app.flash = Some(Flash::warning(format!("{}.", message.trim_end_matches(':'))));
        }
    }
}

/// Without a game in progress (at the title), only the story new games begin from,
/// and the game "Continue" resumes, change.
fn apply_at_title(app: &mut App, reload: Reload) -> ReloadNote {
    match reload {
        Reload::Loaded(loaded) => {
            let warnings = loaded.report.warnings().count();
            app.story = Arc::new(loaded.story);
            ReloadNote::Reloaded { warnings }
        }
        Reload::Broken(report) => ReloadNote::Broken(report),
        Reload::Unreadable(e) => ReloadNote::Unreadable(e),
    }
}

/// The game is on the new story: new games and loads use it too, and the scene is
/// drawn again from it as it stands, without revealing the text again.
fn reloaded(app: &mut App) {
    if let Some(session) = &app.session {
        app.story = session.shared_story();
    }
    if let Some(resume) = &mut app.resume {
        // A game to continue whose scene is gone goes on in the story it was saved in.
        let _ = resume.session.replace_story(app.story.clone());
    }
    app.play.reveal = None;
    let offered = app.session.as_ref().map_or(0, |s| s.offered().len());
    app.play.selected = app.play.selected.min(offered.saturating_sub(1));
    super::clamp_scrolls(app);
}

/// Keys while the diagnostics show: scrolling; anything else closes them.
pub(super) fn diagnostics(app: &mut App, action: Action) {
    let max = layout::diagnostics::max_scroll(app);
    let page = layout::diagnostics::page(app);
    app.diagnostics.scroll = scrolled(app.diagnostics.scroll, action, max, page);
}
