//! The plain player's save commands: `save [N]`, `load [N]`, `saves`, and the autosave.

use std::io::Write;

use crate::error::Error;
use crate::save::{self, SaveError, Slot};
use crate::session::Session;
use crate::words::saving::{self, LEFT_AS_IT_IS, SAVING_OFF};

use super::Player;

impl<W: Write> Player<W> {
    /// `save [N]`: into slot N, or the quicksave.
    pub(super) fn save(&mut self, arg: &str) -> Result<(), Error> {
        let Some(dir) = self.saves.clone() else {
            writeln!(self.out, "{SAVING_OFF}")?;
            return Ok(());
        };
        let slot = if arg.is_empty() {
            Some(Slot::Quick)
        } else {
            Slot::parse(arg).filter(|s| !s.is_autosave())
        };
        let Some(slot) = slot else {
            writeln!(
                self.out,
                "Save to a slot from 1 to {}, or 'save' alone for the quicksave.",
                Slot::NUMBERED
            )?;
            return Ok(());
        };
        let save = self.session.to_save(save::clock::now());
        let held = dir.path(slot).is_file();
        match dir.write(slot, &save) {
            Ok(()) => writeln!(
                self.out,
                "{}",
                saving::saved(slot, save.step(), &save.scene_title, held)
            )?,
            Err(e) => writeln!(self.out, "{}", saving::could_not_save(slot, &e))?,
        }
        Ok(())
    }

    /// `load [N]`: a slot, or the list of slots when none is named.
    pub(super) fn load(&mut self, arg: &str) -> Result<(), Error> {
        let Some(dir) = self.saves.clone() else {
            writeln!(self.out, "{SAVING_OFF}")?;
            return Ok(());
        };
        if arg.is_empty() {
            self.list_saves()?;
            return writeln!(self.out, "Type 'load N' (or 'load auto', 'load quick').").map_err(Error::from);
        }
        let Some(slot) = Slot::parse(arg) else {
            writeln!(
                self.out,
                "There is no slot '{arg}': slots are 1 to {}, auto and quick.",
                Slot::NUMBERED
            )?;
            return Ok(());
        };
        let story = self.session.story();
        let save = match dir.read(slot, Some(&story.id)) {
            Ok(save) => save,
            Err(e) => {
                writeln!(self.out, "{}", saving::cannot_load(slot, &e))?;
                if matches!(e, SaveError::Missing) {
                    return Ok(());
                }
                return writeln!(self.out, "{LEFT_AS_IT_IS}").map_err(Error::from);
            }
        };
        match Session::from_save(story.clone(), &save, &self.migrations) {
            Ok(restored) => {
                self.owns_autosave = slot == Slot::Auto;
                self.session = restored.session;
                writeln!(self.out, "{}\n", saving::loaded(slot))?;
                if let Some(notice) = restored.notice {
                    writeln!(self.out, "{}\n", notice.message())?;
                }
                self.show_scene()?;
                self.check_ending()?;
            }
            Err(divergence) => writeln!(self.out, "{}", saving::cannot_load(slot, &divergence))?,
        }
        Ok(())
    }

    /// `saves`: every slot, with what it holds or why it cannot be read.
    pub(super) fn list_saves(&mut self) -> Result<(), Error> {
        let Some(dir) = &self.saves else {
            writeln!(self.out, "{SAVING_OFF}")?;
            return Ok(());
        };
        let entries = dir.list(Some(&self.session.story().id));
        let zone = crate::words::clock::local_zone();
        write!(self.out, "{}", crate::words::saves::listing(dir, &entries, &zone))?;
        Ok(())
    }

    /// Writes the autosave if the player has moved since it was last written (so that
    /// loading a save and quitting leaves the autosave alone); every failure is
    /// reported and play goes on.
    pub(super) fn autosave(&mut self) -> Result<(), Error> {
        let Some(dir) = &self.saves else {
            return Ok(());
        };
        if !std::mem::take(&mut self.moved) {
            return Ok(());
        }
        let written = dir.write_autosave(&self.session.to_save(save::clock::now()), self.owns_autosave);
        if written.is_ok() {
            self.owns_autosave = true;
        }
        let again = std::mem::replace(&mut self.autosave_failed, written.is_err());
        match written {
            Err(e) => writeln!(
                self.out,
                "({})",
                saving::autosave_failed(again, &e, "try 'save N'")
            )?,
            Ok(()) if again => writeln!(self.out, "(Autosave works again.)")?,
            Ok(()) => {}
        }
        Ok(())
    }
}
