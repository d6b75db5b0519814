//! The save folder: nine numbered slots, a quicksave and an autosave, each a RON file
//! with the previous version kept beside it as `<slot>.ron.bak`.
//!
//! The folder is `--save-dir DIR`, else `$HAILSHAM_SAVE_DIR`, else the platform's data
//! folder (`directories`). Listing reads every slot on its own: a damaged one is listed
//! with its reason and the others are unaffected. A slot is only ever written by an
//! explicit save into it; the only files ever deleted are the temporary files a write
//! killed part-way left behind ([`atomic::remove_stale`]). A slot or backup that is a
//! link is neither read nor written: it is reported as a link and left alone.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{MAX_BYTES, SaveError, SaveFile, atomic, parse, to_text};

/// The environment variable that moves the save folder.
pub const ENV: &str = "HAILSHAM_SAVE_DIR";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// Written after every choice and on quitting.
    Auto,
    /// The autosave of an earlier game, 1 the most recent ([`super::autosaves`]).
    Earlier(u8),
    /// The quicksave key's slot.
    Quick,
    /// Slots 1 to [`Slot::NUMBERED`].
    Numbered(u8),
}

impl Slot {
    pub const NUMBERED: u8 = 9;

    /// How many earlier games' autosaves are kept.
    pub const EARLIER: u8 = 4;

    /// Every slot the player writes, in the order a list shows them: auto, quick,
    /// then 1 to 9. (The earlier autosaves are listed after auto when they exist.)
    pub fn all() -> Vec<Slot> {
        let mut slots = vec![Slot::Auto, Slot::Quick];
        slots.extend((1..=Self::NUMBERED).map(Slot::Numbered));
        slots
    }

    /// Whether only the game writes this slot (the autosave and the earlier ones).
    pub fn is_autosave(self) -> bool {
        matches!(self, Slot::Auto | Slot::Earlier(_))
    }

    /// "auto", "quick" or a number from 1 to 9.
    pub fn parse(text: &str) -> Option<Slot> {
        match text.trim().to_lowercase().as_str() {
            "auto" | "autosave" | "a" => Some(Slot::Auto),
            "quick" | "quicksave" => Some(Slot::Quick),
            n if n.starts_with("auto-") => n["auto-".len()..]
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=Self::EARLIER).contains(n))
                .map(Slot::Earlier),
            n => n
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=Self::NUMBERED).contains(n))
                .map(Slot::Numbered),
        }
    }

    pub fn file_name(self) -> String {
        match self {
            Slot::Auto => "auto.ron".to_owned(),
            Slot::Earlier(n) => format!("auto-{n}.ron"),
            Slot::Quick => "quick.ron".to_owned(),
            Slot::Numbered(n) => format!("slot{n}.ron"),
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Auto => write!(f, "auto"),
            Slot::Earlier(n) => write!(f, "auto-{n}"),
            Slot::Quick => write!(f, "quick"),
            Slot::Numbered(n) => write!(f, "{n}"),
        }
    }
}

/// What a slot holds, as a slot list shows it.
#[derive(Debug)]
pub enum SlotStatus {
    Empty,
    Ready(Box<SaveFile>),
    Unreadable(SaveError),
}

#[derive(Debug)]
pub struct SlotEntry {
    pub slot: Slot,
    pub path: PathBuf,
    pub status: SlotStatus,
    /// Whether a previous version is kept at `<slot>.ron.bak`.
    pub has_backup: bool,
}

/// A folder of the game's: `arg` (a command-line flag) if given, else the environment
/// variable `env` if set and not empty, else `platform` of the platform's folders for
/// the game; `None` only when the platform has no home folder.
pub fn locate_folder(
    arg: Option<&Path>,
    env: &str,
    platform: impl FnOnce(&directories::ProjectDirs) -> PathBuf,
) -> Option<PathBuf> {
    if let Some(dir) = arg {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(env).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "hailsham").map(|p| platform(&p))
}

/// A folder of save slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveDir {
    root: PathBuf,
}

impl SaveDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `--save-dir` if given, else `$HAILSHAM_SAVE_DIR`, else the platform's data
    /// folder; `None` only when the platform has no home folder to put one in.
    pub fn locate(arg: Option<&Path>) -> Option<Self> {
        locate_folder(arg, ENV, |p| p.data_dir().join("saves")).map(Self::new)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn path(&self, slot: Slot) -> PathBuf {
        self.root.join(slot.file_name())
    }

    pub fn backup_path(&self, slot: Slot) -> PathBuf {
        self.root.join(format!("{}.bak", slot.file_name()))
    }

    /// Reads a slot. A missing slot is [`SaveError::Missing`]; nothing is written.
    pub fn read(&self, slot: Slot, story_id: Option<&str>) -> Result<SaveFile, SaveError> {
        read_slot(&self.path(slot), story_id)
    }

    /// Reads the previous version of a slot.
    pub fn read_backup(&self, slot: Slot, story_id: Option<&str>) -> Result<SaveFile, SaveError> {
        read_slot(&self.backup_path(slot), story_id)
    }

    /// Writes a slot atomically; what it held before, readable or not, becomes its backup.
    pub fn write(&self, slot: Slot, save: &SaveFile) -> Result<(), SaveError> {
        let (path, backup) = (self.path(slot), self.backup_path(slot));
        let text = to_text(save)?;
        let failed = |source| SaveError::Write {
            path: path.clone(),
            source,
        };
        if self.root.exists() && !self.root.is_dir() {
            let message = format!(
                "the save folder '{}' is a file, not a folder",
                self.root.display()
            );
            return Err(failed(std::io::Error::other(message)));
        }
        for p in [&path, &backup] {
            match std::fs::symlink_metadata(p) {
                Ok(m) if m.file_type().is_symlink() => return Err(SaveError::Link { path: p.clone() }),
                Ok(m) if !m.is_file() => return Err(SaveError::NotAFile { path: p.clone() }),
                _ => {}
            }
        }
        self.tidy();
        atomic::write_with_backup(&path, &backup, text.as_bytes()).map_err(failed)
    }

    /// Removes the temporary files of writes that were killed part-way.
    fn tidy(&self) {
        atomic::remove_stale(&self.root, atomic::STALE_AFTER);
    }

    /// Every slot with what it holds, in the order of [`Slot::all`], with the earlier
    /// autosaves that exist after the autosave.
    pub fn list(&self, story_id: Option<&str>) -> Vec<SlotEntry> {
        self.tidy();
        let mut slots = Slot::all();
        let earlier = self.earlier_autosaves();
        slots.splice(1..1, earlier);
        slots
            .into_iter()
            .map(|slot| SlotEntry {
                slot,
                path: self.path(slot),
                status: match self.read(slot, story_id) {
                    Ok(save) => SlotStatus::Ready(Box::new(save)),
                    Err(SaveError::Missing) => SlotStatus::Empty,
                    Err(e) => SlotStatus::Unreadable(e),
                },
                has_backup: std::fs::symlink_metadata(self.backup_path(slot)).is_ok_and(|m| m.is_file()),
            })
            .collect()
    }

    /// The most recently saved readable slot, for "Continue".
    pub fn latest(&self, story_id: Option<&str>) -> Option<(Slot, SaveFile)> {
        self.list(story_id)
            .into_iter()
            .filter_map(|e| match e.status {
                SlotStatus::Ready(save) => Some((e.slot, *save)),
                _ => None,
            })
            .max_by_key(|(slot, save)| (save.saved_at, *slot == Slot::Auto))
    }
}

/// Reads and parses a save file named by the player (a link is followed: they chose
/// it). Nothing is written, whatever the file holds; a FIFO or a device is refused
/// rather than waited on, and a file too large for a save is not read.
pub fn read_file(path: &Path, story_id: Option<&str>) -> Result<SaveFile, SaveError> {
    parse(&read_bytes(path)?, story_id)
}

/// Reads and parses a slot of the save folder, which must not be a link.
fn read_slot(path: &Path, story_id: Option<&str>) -> Result<SaveFile, SaveError> {
    if is_link(path) {
        return Err(SaveError::Link {
            path: path.to_path_buf(),
        });
    }
    read_file(path, story_id)
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The bytes of a regular file, at most [`MAX_BYTES`] of them.
fn read_bytes(path: &Path) -> Result<Vec<u8>, SaveError> {
    use std::io::Read;
    let failed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => SaveError::Missing,
        _ => SaveError::Read {
            path: path.to_path_buf(),
            source: e,
        },
    };
    let not_a_file = || SaveError::NotAFile {
        path: path.to_path_buf(),
    };
    let meta = std::fs::metadata(path).map_err(failed)?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    if meta.len() > MAX_BYTES {
        return Err(SaveError::TooBig);
    }
    let file = std::fs::File::open(path).map_err(failed)?;
    if !file.metadata().map_err(failed)?.is_file() {
        return Err(not_a_file());
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(failed)?;
    Ok(bytes)
}

/// A save named on the command line: a slot ("3", "auto", "quick") in `dir`, or a path.
pub fn read_target(
    target: &str,
    dir: Option<&SaveDir>,
    story_id: Option<&str>,
) -> (PathBuf, Result<SaveFile, SaveError>) {
    let path = match (Slot::parse(target), dir) {
        (Some(slot), Some(dir)) if !Path::new(target).is_file() => dir.path(slot),
        _ => PathBuf::from(target),
    };
    let result = read_file(&path, story_id);
    (path, result)
}

/// The slot list as plain text: one line per slot, then its excerpt or its problem.
pub fn listing(dir: &SaveDir, entries: &[SlotEntry]) -> String {
    let mut out = format!("Saves in {}\n", dir.root().display());
    for entry in entries {
        let backup = if entry.has_backup { " (backup kept)" } else { "" };
        match &entry.status {
            SlotStatus::Empty => out.push_str(&format!("  {:>5}  empty\n", entry.slot.to_string())),
            SlotStatus::Ready(save) => {
                let ended = if save.state.ending.is_some() {
                    ", ended"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "  {:>5}  {}, step {}{ended}: {} ({} played){backup}\n         {}\n",
                    entry.slot.to_string(),
                    super::clock::date_time(save.saved_at),
                    save.step(),
                    save.scene_title,
                    super::clock::play_time(save.play_time),
                    save.excerpt,
                ));
            }
            SlotStatus::Unreadable(e) => out.push_str(&format!(
                "  {:>5}  unreadable: {e}{backup}\n",
                entry.slot.to_string()
            )),
        }
    }
    out
}
