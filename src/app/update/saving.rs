//! Saving and loading in the full-screen game: the autosave (after every move, on
//! going back to the title and on leaving), the quicksave and quickload keys, and the
//! save and load screens.
//!
//! Nothing here can end the game: a save that fails, or a slot that cannot be read,
//! becomes a message in the status line, and a slot whose file cannot be read is only
//! written over when the player says so (the save layer keeps it as the backup).

use super::{Action, pages};
use crate::app::layout;
use crate::app::{App, Command, Flash, Overlay, View};
use crate::replay::Migrations;
use crate::save::{self, Bookmark, SaveDir, SaveError, SaveFile, Slot, SlotStatus};
use crate::session::{Restored, Session};
use crate::story::Story;
use crate::words::saving::{self, SAVING_OFF, slot_name};

/// The latest readable save in `saves` and its slot, restored for "Continue".
pub(crate) fn latest_save(
    story: &Story,
    saves: Option<&SaveDir>,
    migrations: &Migrations,
) -> Option<(Slot, Restored, Option<Bookmark>)> {
    let (slot, save) = saves?.latest(Some(&story.id))?;
    Session::from_save(story.clone(), &save, migrations)
        .ok()
        .map(|r| (slot, r, save.bookmark))
}

/// Writes the autosave if the player has moved since it was last written (so that
/// loading a save and leaving leaves the autosave alone). Every failure is told.
pub(super) fn autosave(app: &mut App) {
    let bookmark = layout::play::bookmark(app);
    // Having read on is a reason to write the autosave (another game's is moved along
    // first, never written over); loading a save and leaving at once writes nothing.
    let read_on = app.session.is_some() && app.autosave.bookmark != Some(bookmark);
    if !std::mem::take(&mut app.autosave.due) && !read_on {
        return;
    }
    let (Some(dir), Some(session)) = (&app.saves, &app.session) else {
        return;
    };
    let save = SaveFile {
        bookmark: Some(bookmark),
        ..session.to_save(save::clock::now())
    };
    let written = dir.write_autosave(&save, app.autosave.owned);
    if written.is_ok() {
        app.autosave.owned = true;
        app.autosave.bookmark = Some(bookmark);
    }
    let again = std::mem::replace(&mut app.autosave.failed, written.is_err());
    if let Err(e) = written {
        let key = app.keymap.label(Command::Save);
        let how = format!("{key} saves to a slot");
        app.flash = Some(Flash::warning(saving::autosave_failed(again, &e, &how)));
    }
}

/// Leaves the game, writing the autosave first.
pub(super) fn leave(app: &mut App) {
    autosave(app);
    app.quit = true;
}

/// Back to the title, writing the autosave first; "Continue" resumes this game.
pub(super) fn to_title(app: &mut App) {
    autosave(app);
    if let Some(session) = app.session.take() {
        app.resume = Some(Restored {
            session,
            notice: None,
        });
        app.resume_owned = app.autosave.owned;
        // Continue comes back to this very page: scroll, reveal, marks and all.
        app.resume_view = Some(super::Reading {
            play: std::mem::take(&mut app.play),
            journal: std::mem::take(&mut app.journal),
            people: std::mem::take(&mut app.people),
        });
    }
    app.overlay = None;
    app.view = View::Title;
    app.menu_selected = 0;
}

/// Opens the save or load screen with the slots as they are on disk now.
pub(super) fn open_slots(app: &mut App, view: View) {
    let Some(dir) = &app.saves else {
        app.flash = Some(Flash::warning(SAVING_OFF));
        return;
    };
    if view == View::Save && app.session.is_none() {
        return;
    }
    let mut entries = dir.list(Some(&app.story.id));
    if view == View::Save {
        entries.retain(|e| !e.slot.is_autosave());
    }
    let selected = if view == View::Save {
        entries
            .iter()
            .position(|e| matches!(e.slot, Slot::Numbered(_)) && matches!(e.status, SlotStatus::Empty))
    } else {
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.status {
                SlotStatus::Ready(save) => Some((i, save.saved_at)),
                _ => None,
            })
            .max_by_key(|&(i, at)| (at, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    };
    app.slots.entries = entries;
    app.slots.selected = selected.unwrap_or(0);
    if !pages::is_page(app.view) {
        app.behind = app.view;
    }
    app.view = view;
}

/// The save and load screens.
pub(super) fn slots(app: &mut App, action: Action) {
    let last = app.slots.entries.len().saturating_sub(1);
    let sel = &mut app.slots.selected;
    match action {
        Action::Command(Command::Up) | Action::Scroll(..=-1) => *sel = sel.saturating_sub(1),
        Action::Command(Command::Down) | Action::Scroll(1..) => *sel = (*sel + 1).min(last),
        Action::Command(Command::PageUp | Command::Top) => *sel = 0,
        Action::Command(Command::PageDown | Command::Bottom) => *sel = last,
        Action::Pick(i) => {
            let number = u8::try_from(i + 1).unwrap_or(0);
            if let Some(at) = app
                .slots
                .entries
                .iter()
                .position(|e| e.slot == Slot::Numbered(number))
            {
                *sel = at;
            }
        }
        Action::Click(at) => {
            if let Some(i) = layout::slots::entry_at(app, at) {
                if i == app.slots.selected {
                    use_selected(app);
                } else {
                    app.slots.selected = i;
                }
            }
        }
        Action::Command(Command::Select) => use_selected(app),
        Action::Command(Command::Back) => pages::close_page(app),
        Action::Command(Command::Save) if app.view == View::Save => pages::close_page(app),
        Action::Command(Command::Load) if app.view == View::Load => pages::close_page(app),
        Action::Command(Command::Save) if app.session.is_some() => open_slots(app, View::Save),
        Action::Command(Command::Load) => open_slots(app, View::Load),
        Action::Command(c @ (Command::Quicksave | Command::Quickload)) => {
            pages::open(app, c);
        }
        _ => {}
    }
}

fn use_selected(app: &mut App) {
    let Some(entry) = app.slots.entries.get(app.slots.selected) else {
        return;
    };
    let slot = entry.slot;
    match (app.view, &entry.status) {
        (View::Save, SlotStatus::Unreadable(_)) => app.overlay = Some(Overlay::ConfirmOverwrite(slot)),
        (View::Save, _) => save_into(app, slot),
        (View::Load, SlotStatus::Ready(save)) => {
            let save = save.as_ref().clone();
            load_from(app, slot, &save);
        }
        (View::Load, SlotStatus::Empty) => {
            app.flash = Some(Flash::info(format!("{} is empty.", slot_name(slot))));
        }
        (View::Load, SlotStatus::Unreadable(_)) => {
            app.flash = Some(Flash::warning(format!(
                "{} cannot be loaded; the file is left as it is.",
                slot_name(slot)
            )));
        }
        _ => {}
    }
}

/// "Yes" to saving over a slot that cannot be read.
pub(super) fn confirm_overwrite(app: &mut App, slot: Slot) {
    app.overlay = None;
    save_into(app, slot);
}

/// Saves the game into a slot and returns to it, or says why it could not.
fn save_into(app: &mut App, slot: Slot) {
    let (Some(dir), Some(session)) = (&app.saves, &app.session) else {
        return;
    };
    let save = SaveFile {
        bookmark: Some(layout::play::bookmark(app)),
        ..session.to_save(save::clock::now())
    };
    let held = dir.path(slot).is_file();
    match dir.write(slot, &save) {
        Ok(()) => {
            app.flash = Some(Flash::info(saving::saved(
                slot,
                save.step(),
                &save.scene_title,
                held,
            )));
            if pages::is_page(app.view) {
                pages::close_page(app);
            }
        }
        Err(e) => {
            app.flash = Some(Flash::warning(saving::could_not_save(slot, &e)));
        }
    }
}

/// Restores a save and plays on from it, telling the player what changed if the
/// story has been edited since.
fn load_from(app: &mut App, slot: Slot, save: &SaveFile) {
    match Session::from_save(app.story.clone(), save, &app.migrations) {
        Ok(restored) => {
            super::begin_restored(app, restored.session, save.bookmark);
            app.play.notes.extend(restored.notice.map(|n| n.message()));
            app.autosave.due = false;
            app.autosave.owned = slot == Slot::Auto;
            app.autosave.bookmark = save.bookmark;
            app.flash = Some(Flash::info(saving::loaded(slot)));
        }
        Err(divergence) => {
            let why = format!("the story cannot begin ({divergence})");
            app.flash = Some(Flash::warning(saving::cannot_load(slot, &why)));
        }
    }
}

pub(super) fn quicksave(app: &mut App) {
    if app.saves.is_none() {
        app.flash = Some(Flash::warning(SAVING_OFF));
    } else {
        save_into(app, Slot::Quick);
    }
}

pub(super) fn quickload(app: &mut App) {
    let Some(dir) = &app.saves else {
        app.flash = Some(Flash::warning(SAVING_OFF));
        return;
    };
    match dir.read(Slot::Quick, Some(&app.story.id)) {
        Ok(save) => load_from(app, Slot::Quick, &save),
        Err(SaveError::Missing) => {
            let key = app.keymap.label(Command::Quicksave);
            app.flash = Some(Flash::info(format!(
                "There is no quicksave yet; {key} makes one."
            )));
        }
        Err(e) => {
            app.flash = Some(Flash::warning(format!(
                "{} {}",
                saving::cannot_load(Slot::Quick, &e),
                saving::LEFT_AS_IT_IS
            )));
        }
    }
}
