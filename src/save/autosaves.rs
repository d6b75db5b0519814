//! More than one autosave: the newest of each of the last few playthroughs. The
//! autosave (`auto.ron`) belongs to the game being played; when another game first
//! autosaves (a new game, or one loaded from a slot), what `auto.ron` held moves along
//! to `auto-1.ron`, `auto-1` to `auto-2`, and so on, each with its backup, so starting
//! a game never writes over another one. Only the oldest, past [`Slot::EARLIER`],
//! falls away, and even that is kept as `auto-N.ron.bak` until the next move.

use std::fs;
use std::io;
use std::path::Path;

use super::{SaveDir, SaveError, SaveFile, Slot};

impl SaveDir {
    /// Moves the autosave (and its backup) along to make room for another game's:
    /// `auto` to `auto-1`, `auto-1` to `auto-2` …; what the last held becomes its
    /// backup. True when there was an autosave to move.
    pub fn keep_autosave(&self) -> io::Result<bool> {
        if !self.path(Slot::Auto).exists() && !self.backup_path(Slot::Auto).exists() {
            return Ok(false);
        }
        let last = Slot::Earlier(Slot::EARLIER);
        if self.path(last).exists() {
            fs::rename(self.path(last), self.backup_path(last))?;
        }
        for n in (1..=Slot::EARLIER).rev() {
            let from = if n == 1 { Slot::Auto } else { Slot::Earlier(n - 1) };
            let to = Slot::Earlier(n);
            move_if_there(&self.path(from), &self.path(to))?;
            // The last keeps the oldest game as its backup; the backup of the game
            // moving in (an older point of it) is written over by the next move.
            if n < Slot::EARLIER {
                move_if_there(&self.backup_path(from), &self.backup_path(to))?;
            }
        }
        Ok(true)
    }

    /// The earlier games' autosaves there are (a file or its backup), newest first.
    pub fn earlier_autosaves(&self) -> Vec<Slot> {
        (1..=Slot::EARLIER)
            .map(Slot::Earlier)
            .filter(|&s| self.path(s).exists() || self.backup_path(s).exists())
            .collect()
    }

    /// Writes the autosave of a game. Unless `auto.ron` already holds this game's
    /// (`owned`), the autosave there is first moved along ([`SaveDir::keep_autosave`]).
    pub fn write_autosave(&self, save: &SaveFile, owned: bool) -> Result<(), SaveError> {
        if !owned {
            self.keep_autosave().map_err(|source| SaveError::Write {
                path: self.path(Slot::Auto),
                source,
            })?;
        }
        self.write(Slot::Auto, save)
    }
}

fn move_if_there(from: &Path, to: &Path) -> io::Result<()> {
    match fs::rename(from, to) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
