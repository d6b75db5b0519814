//! Save files: a playthrough written as RON a person can read, and read back without
//! ever trusting it.
//!
//! A [`SaveFile`] holds a format version, the story's id and content hash, the seed,
//! the log of choices, the timeline of every branch, the whole state, and what a slot
//! list shows (time saved, play time, scene title, an excerpt). [`parse`] turns any
//! text into a save or one [`SaveError`] saying what is wrong with it: it never
//! panics. [`slots`] keeps the files in a folder, written atomically with a backup.

pub mod atomic;
pub mod autosaves;
pub mod clock;
pub mod gallery;
pub mod slots;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::engine::{GameState, Step};
use crate::session::timeline::Timeline;
use crate::story::Story;

pub use slots::{SaveDir, Slot, SlotEntry, SlotStatus};

/// The format this version writes and the newest it reads.
pub const FORMAT: u32 = 1;

/// The largest save file read. A long playthrough of the built-in story, with many
/// branches, takes well under 100 KB.
pub const MAX_BYTES: u64 = 4 << 20;

/// The most choices a save's log (and its state's log) may hold. Restoring a save made
/// with another version of the story replays it, in time that grows with its length
/// (the state is stepped in place); the longest golden playthrough of the built-in
/// story is 133 choices.
pub const MAX_STEPS: usize = 5_000;

/// The most points a save's timeline may hold (every choice taken, undone or not).
pub const MAX_NODES: usize = 10_000;

/// A saved playthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Save")]
pub struct SaveFile {
    pub format: u32,
    pub story: StoryStamp,
    /// Seconds since 1970-01-01 UTC.
    pub saved_at: u64,
    /// Seconds of play, over every sitting.
    pub play_time: u64,
    /// The title of the scene the player was reading, and the start of its text.
    pub scene_title: String,
    pub excerpt: String,
    pub seed: u64,
    /// The choices from the start to where the player is: what a replay plays.
    pub log: Vec<Step>,
    /// Every branch taken, undone or not. Optional so a hand-written save still loads.
    #[serde(default)]
    pub timeline: Option<Timeline>,
    /// The state the playthrough began from, only when it was not the story's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<GameState>,
    /// The whole state where the player is.
    pub state: GameState,
    /// Where in the scene the player was reading, so that Continue and Load open there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bookmark: Option<Bookmark>,
}

/// A place in the scene being read, as letters of its text (not lines, so it holds at
/// any width): the letters above the first line in view, and how many had appeared
/// (`None`: all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bookmark {
    pub above: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<usize>,
}

/// Which story a save belongs to, and which version of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Story")]
pub struct StoryStamp {
    pub id: String,
    pub title: String,
    /// The story's content hash when saved; a different hash means it was edited since.
    pub hash: u64,
    /// The ids of the packs it was played with, in order (none: left out of the file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<String>,
}

impl StoryStamp {
    pub fn of(story: &Story) -> Self {
        Self {
            id: story.id.clone(),
            title: story.title.clone(),
            hash: story.content_hash,
            packs: story.packs.clone(),
        }
    }

    /// The packs the save was played with that `story` does not have.
    pub fn missing_packs(&self, story: &Story) -> Vec<String> {
        self.packs
            .iter()
            .filter(|p| !story.packs.contains(p))
            .cloned()
            .collect()
    }
}

impl SaveFile {
    /// Whether the save was made with exactly this version of the story.
    pub fn same_story_version(&self, story: &Story) -> bool {
        self.story.id == story.id && self.story.hash == story.content_hash
    }

    /// How many choices lead to where the player is.
    pub fn step(&self) -> usize {
        self.log.len()
    }
}

/// Why a save cannot be used. Each variant is one kind of damage, with its own message.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot read '{}': {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write '{}': {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    /// A slot that is a link: saves are never read or written through one.
    #[error("'{}' is a link; a save slot must be a file of its own, so it is left alone", path.display())]
    Link { path: PathBuf },
    #[error("'{}' is not a file (a folder, a FIFO or a device)", path.display())]
    NotAFile { path: PathBuf },
    #[error("the file is larger than {} MB, far more than any save", MAX_BYTES >> 20)]
    TooBig,
    #[error("the save holds {count} {what}, more than the {limit} a save may hold")]
    TooLong {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    #[error("the game cannot be written as a save: {0}")]
    Unwritable(String),
    #[error("there is no save here")]
    Missing,
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (it is not valid UTF-8)")]
    NotText,
    #[error("the file is not a hailsham save")]
    NotASave,
    #[error("the file is cut short after line {lines}: it was not written completely")]
    Truncated { lines: usize },
    #[error("the file is damaged at line {line}, column {col}: {message}")]
    Corrupt {
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "the save is from a newer version of the game (format {found}; this version reads format {FORMAT})"
    )]
    FutureFormat { found: u32 },
    #[error("the save is in format {found}, which no version of the game wrote")]
    UnknownFormat { found: u32 },
    #[error("the save belongs to another story, '{found}' (this one is '{expected}')")]
    OtherStory { found: String, expected: String },
}

/// Just enough of a save to check its version and story before reading the rest, so
/// that a newer format is reported as newer rather than as damaged.
#[derive(Deserialize)]
#[serde(rename = "Save")]
struct Version {
    format: u32,
}

#[derive(Deserialize)]
#[serde(rename = "Save")]
struct Header {
    story: HeaderStory,
}

#[derive(Deserialize)]
#[serde(rename = "Story")]
struct HeaderStory {
    id: String,
}

/// Reads a save from its bytes. `story_id`, when given, must be the save's story.
pub fn parse(bytes: &[u8], story_id: Option<&str>) -> Result<SaveFile, SaveError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SaveError::TooBig);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| SaveError::NotText)?;
    if text.trim().is_empty() {
        return Err(SaveError::Empty);
    }
    if !looks_like_a_save(text) {
        return Err(SaveError::NotASave);
    }
    if !ends_complete(text) {
        return Err(SaveError::Truncated {
            lines: text.lines().count(),
        });
    }
    let version: Version = ron::from_str(text).map_err(|e| damaged(text, &e))?;
    if version.format > FORMAT {
        return Err(SaveError::FutureFormat {
            found: version.format,
        });
    }
    if version.format != FORMAT {
        return Err(SaveError::UnknownFormat {
            found: version.format,
        });
    }
    let header: Header = ron::from_str(text).map_err(|e| damaged(text, &e))?;
    if let Some(expected) = story_id.filter(|&id| id != header.story.id) {
        return Err(SaveError::OtherStory {
            found: header.story.id,
            expected: expected.to_owned(),
        });
    }
    let save: SaveFile = ron::from_str(text).map_err(|e| damaged(text, &e))?;
    within_limits(&save)?;
    Ok(save)
}

/// Refuses a save too long to restore quickly (see [`MAX_STEPS`] and [`MAX_NODES`]).
fn within_limits(save: &SaveFile) -> Result<(), SaveError> {
    let too_long = |what, count, limit| (count > limit).then_some(SaveError::TooLong { what, count, limit });
    let nodes = save.timeline.as_ref().map_or(0, |t| t.nodes().len());
    let checks = [
        too_long("choices in its log", save.log.len(), MAX_STEPS),
        too_long("choices in its state", save.state.log.len(), MAX_STEPS),
        too_long(
            "choices in its starting state",
            save.root.as_ref().map_or(0, |r| r.log.len()),
            MAX_STEPS,
        ),
        too_long("points on its timeline", nodes, MAX_NODES),
    ];
    checks.into_iter().flatten().next().map_or(Ok(()), Err)
}

/// Whether the text begins as the saves this game writes do: the comment [`to_text`]
/// puts first, or `Save(` after any comments.
fn looks_like_a_save(text: &str) -> bool {
    let body = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .unwrap_or("");
    text.trim_start().starts_with(HEADER) || body.starts_with("Save(") || body.starts_with("Save (")
}

/// The first words of every save file.
const HEADER: &str = "// A hailsham save";

/// A save always ends with the `)` that closes it (then perhaps blank lines).
fn ends_complete(text: &str) -> bool {
    text.trim_end().ends_with(')')
}

fn damaged(text: &str, error: &ron::error::SpannedError) -> SaveError {
    if error.code == ron::Error::Eof {
        return SaveError::Truncated {
            lines: text.lines().count(),
        };
    }
    SaveError::Corrupt {
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// The save as the text written to disk: a comment saying what it is, then pretty RON.
/// A save that cannot be written as RON is an error, never a file with only a header;
/// so is one longer than [`parse`] would read back.
pub fn to_text(save: &SaveFile) -> Result<String, SaveError> {
    within_limits(save)?;
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let body = ron::ser::to_string_pretty(save, config).map_err(|e| SaveError::Unwritable(e.to_string()))?;
    Ok(format!(
        "{HEADER} of \"{}\", step {}: {}.\n// Readable, but edit with care: a damaged save will not load.\n{body}\n",
        save.story.title.replace(['\n', '\r'], " "),
        save.step(),
        save.scene_title.replace(['\n', '\r'], " "),
    ))
}

/// The first paragraph of a passage, cut at a word near `max` characters.
pub fn excerpt(passage: &[&str], max: usize) -> String {
    let Some(first) = passage.iter().find(|p| !p.trim().is_empty()) else {
        return String::new();
    };
    let first = first.trim();
    if first.chars().count() <= max {
        return first.to_owned();
    }
    let cut: String = first.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}
