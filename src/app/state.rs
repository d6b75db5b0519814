//! The view-only state of every screen: the play view's selection, scroll, reveal and
//! notes; the recollections' selection and "new since you last looked" marks; the
//! relationships' scroll; the slot lists, the timeline's selection, the history's
//! scroll, the replay's place and pace, the inspector's scroll, the diagnostics of a
//! broken edit, and the message in the status line. None of it is saved.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use crate::replay::{Divergence, Frame, Pace};
use crate::save::SlotEntry;

use super::journal;

/// A message shown in the status line until the next key: what a save, load or undo
/// did, or why it could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    /// Something went wrong (drawn in the warning style).
    pub warning: bool,
}

impl Flash {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            warning: false,
        }
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            warning: true,
        }
    }
}

/// When the autosave is due, and whether it has failed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Autosave {
    /// The player has moved (chosen, undone, jumped) since the autosave was written.
    pub due: bool,
    /// The last autosave failed (each failure is told; a repeat says "again").
    pub failed: bool,
    /// The autosave file holds this game, so writing it loses no other game; when
    /// not, the autosave there is moved along first (`SaveDir::write_autosave`).
    pub owned: bool,
    /// The reading place last written into the autosave.
    pub bookmark: Option<crate::save::Bookmark>,
}

/// The save or load screen: the slots as read when the screen opened.
#[derive(Debug, Default)]
pub struct SlotsState {
    pub entries: Vec<SlotEntry>,
    pub selected: usize,
}

/// The timeline view: which row is selected.
#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    pub selected: usize,
}

/// The history: the frames read on the path to here (worked out when it opens), and
/// how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct HistoryState {
    pub frames: Vec<Frame>,
    pub scroll: usize,
}

/// The inspector: how far it is scrolled (it is worked out afresh at each draw, so it
/// follows a reload of the story).
#[derive(Debug, Clone, Default)]
pub struct InspectorState {
    pub scroll: usize,
}

/// The diagnostics of the last edit that broke the story (`--watch`), as rendered
/// for the terminal, and how far they are scrolled.
#[derive(Debug, Clone, Default)]
pub struct DiagnosticsState {
    pub text: String,
    pub scroll: usize,
    /// Why the last reload was refused, as put among the play view's notes; the next
    /// reload takes it away again.
    pub note: Option<String>,
}

/// A recorded playthrough being played again.
#[derive(Debug, Clone)]
pub struct ReplayState {
    /// The seed the playthrough was recorded with.
    pub seed: u64,
    /// Every scene of the playthrough, as far as it fits the story.
    pub frames: Vec<Frame>,
    /// Where the log stops fitting the story, if it does.
    pub broken: Option<Divergence>,
    /// The frame showing.
    pub at: usize,
    pub pace: Pace,
    pub scroll: usize,
    /// When the frame showing was first shown: the pace counts from here.
    pub since: Instant,
}

impl ReplayState {
    /// The frames of a replay, read to the end or to where the log stops fitting.
    pub fn new(seed: u64, frames: impl IntoIterator<Item = Result<Frame, Divergence>>) -> Self {
        let mut kept = Vec::new();
        let mut broken = None;
        for frame in frames {
            match frame {
                Ok(frame) => kept.push(frame),
                Err(divergence) => {
                    broken = Some(divergence);
                    break;
                }
            }
        }
        Self {
            seed,
            frames: kept,
            broken,
            at: 0,
            pace: Pace::default(),
            scroll: 0,
            since: Instant::now(),
        }
    }

    pub fn frame(&self) -> Option<&Frame> {
        self.frames.get(self.at)
    }

    /// The number of choices replayed in all.
    pub fn choices(&self) -> usize {
        self.frames.len().saturating_sub(1)
    }

    /// Whether the last frame is showing.
    pub fn at_end(&self) -> bool {
        self.at + 1 >= self.frames.len()
    }

    /// Shows frame `at` (kept within the frames) and starts its clock; at the last
    /// frame the replay pauses, so that playing on starts it again.
    pub fn show(&mut self, at: usize) {
        self.at = at.min(self.frames.len().saturating_sub(1));
        self.scroll = 0;
        self.since = Instant::now();
        if self.at_end() && !self.pace.paused() {
            self.pace.toggle_pause();
        }
    }

    /// How long until the next frame is due; `None` while paused or at the end.
    pub fn wait(&self) -> Option<Duration> {
        if self.at_end() {
            return None;
        }
        let delay = self.pace.delay(self.frame()?)?;
        Some(delay.saturating_sub(self.since.elapsed()))
    }
}

/// How a memory or keepsake changed since the player last opened the recollections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    New,
    Revised,
}

/// The text reveal: how many letters (not spaces) of the scene show so far, of how
/// many. It stops at the bottom of the page and waits there for Space, Enter or a
/// click ([`Action::Advance`](super::Action::Advance)); it ends when the whole text
/// shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    pub shown: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default)]
pub struct PlayState {
    pub selected: usize,
    pub scroll: usize,
    pub reveal: Option<Reveal>,
    /// Messages about the game itself (an undo, a reload, a save of an edited story),
    /// shown under the heading.
    pub notes: Vec<String>,
    /// What the last choice (or the start) did, shown after the text as the settings say.
    pub effects: Vec<crate::engine::Event>,
    /// An act's title card shows before the scene: its era has just begun.
    pub card: bool,
}

#[derive(Debug, Clone, Default)]
pub struct JournalState {
    /// The index of the selected entry among the list's entries (memories, then keepsakes).
    pub selected: usize,
    /// The memories and keepsakes marked new or revised since the journal was last open.
    pub marks: BTreeMap<String, Mark>,
    /// Marks of the visit in progress, cleared when the journal is closed.
    pub showing: BTreeMap<String, Mark>,
    /// What the path says that the state does not (lost keepsakes, earlier tones),
    /// gathered when the journal opens.
    pub past: journal::Past,
    pub order: journal::Order,
    /// How far the selected entry's text is scrolled.
    pub detail_scroll: usize,
    /// The selected entry is open on the whole page.
    pub open: bool,
}

#[derive(Debug, Clone, Default)]
pub struct PeopleState {
    pub scroll: usize,
    /// Characters moved by the last choice.
    pub moved: BTreeSet<String>,
}
