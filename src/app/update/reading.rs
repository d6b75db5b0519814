//! Reading a scene: the reveal (a few letters a tick, stopping at the bottom of a full
//! page until Space, Enter or a click), coming back to a saved reading place, and
//! noting an ending reached in the gallery.

use super::begin;
use crate::app::layout;
use crate::app::{App, Flash, PlayState, Reveal};
use crate::session::Session;

/// The page a game was left on in this run, kept while it waits on the title.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub(crate) play: PlayState,
    pub(crate) journal: crate::app::JournalState,
    pub(crate) people: crate::app::PeopleState,
}

/// Plays a session restored from a save, at the saved reading place: the text read
/// is shown, not revealed again, and what the last choice did shows after it. A save
/// without a bookmark opens at the top, its first page shown at once.
pub(crate) fn begin_restored(app: &mut App, mut session: Session, bookmark: Option<crate::save::Bookmark>) {
    session.recall_last_events();
    begin(app, session);
    app.play.card = false;
    let Some(reveal) = app.play.reveal else { return };
    match bookmark {
        Some(mark) => {
            app.play.scroll = layout::play::scroll_for(app, mark.above);
            app.play.reveal = mark.shown.map(|shown| Reveal { shown, ..reveal });
        }
        None => app.play.reveal = Some(reveal),
    }
    let end = layout::play::page_end(app);
    if let Some(reveal) = &mut app.play.reveal {
        reveal.shown = reveal.shown.max(end);
    }
    settle_reveal(app);
}

/// One step of the reveal: a few more letters, never past the bottom of the page.
pub(super) fn tick(app: &mut App) {
    let end = layout::play::page_end(app);
    let step = app.settings.text_speed.letters_per_tick().unwrap_or(usize::MAX);
    if let Some(reveal) = &mut app.play.reveal
        && reveal.shown < end
    {
        reveal.shown = reveal.shown.saturating_add(step).min(end);
    }
    settle_reveal(app);
}

/// Space, Enter or a click while the text appears: the rest of the page at once, or,
/// when the page is full and waiting, the next page (read lines scroll away only now).
pub(super) fn advance(app: &mut App) {
    if std::mem::take(&mut app.play.card) {
        return;
    }
    let Some(reveal) = app.play.reveal else { return };
    let end = layout::play::page_end(app);
    if reveal.shown < end {
        app.play.reveal = Some(Reveal { shown: end, ..reveal });
    } else {
        let max = layout::play::max_scroll(app);
        let rows = layout::play::text_rows(app).max(1);
        app.play.scroll = (app.play.scroll + rows).min(max);
        if layout::play::page_end(app) <= reveal.shown {
            // Nothing more fits (the terminal is too small to tell): show it all.
            app.play.reveal = None;
        }
    }
    settle_reveal(app);
}

/// Ends the reveal when all the text shows; with text "all at once", shows the page.
pub(crate) fn settle_reveal(app: &mut App) {
    let instant = app.settings.text_speed.letters_per_tick().is_none();
    let end = layout::play::page_end(app);
    if let Some(reveal) = &mut app.play.reveal {
        if instant {
            reveal.shown = reveal.shown.max(end);
        }
        if reveal.shown >= reveal.total {
            app.play.reveal = None;
        }
    }
}

/// An ending reached goes into the gallery, with the choices that led there.
pub(super) fn record_ending(app: &mut App) {
    let (Some(dir), Some(session)) = (&app.saves, &app.session) else {
        return;
    };
    let Some(ending) = session.ending() else { return };
    let choices: Vec<String> = session
        .history()
        .into_iter()
        .filter_map(|f| f.chosen.map(|c| c.label))
        .collect();
    let story = session.story().id.clone();
    match dir.record_ending(&story, ending, crate::save::clock::now(), choices) {
        Ok(()) => {
            if let Ok(gallery) = dir.gallery() {
                app.gallery = gallery;
            }
        }
        Err(e) => {
            app.flash = Some(Flash::warning(format!(
                "The ending could not be added to the endings reached: {e}."
            )));
        }
    }
}
