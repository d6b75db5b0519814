//! Rendering a string's inline forms against a state: conditions, `seq`, `cycle`,
//! `once` (by the visits of the scene), `shuffle` (the pick drawn on entering the
//! scene), and emphasis, which comes out as byte ranges of plain text so that every
//! front end gets the words without asterisks and the full-screen game can set the
//! ranges in italic.

use std::ops::Range;

use crate::story::Story;
use crate::story::compiled::SceneIx;
use crate::story::text::{IfForm, Piece, Text, Vary, VaryForm};

use super::core::{State, holds};

/// A string as the player reads it now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// The words, without emphasis marks.
    pub text: String,
    /// Byte ranges of `text` in emphasis.
    pub emphasis: Vec<Range<usize>>,
}

/// Renders `text` for a reader in `scene` (whose visits decide `seq`, `cycle` and
/// `once`); spaces left doubled by a form that showed nothing are closed up.
pub fn render(story: &Story, text: &Text, state: &State, scene: SceneIx) -> Shown {
    let mut out = Builder {
        story,
        shown: Shown::default(),
        open: None,
    };
    out.pieces(text, state, state.visits(scene));
    out.finish()
}

struct Builder<'s> {
    story: &'s Story,
    shown: Shown,
    open: Option<usize>,
}

impl Builder<'_> {
    fn pieces(&mut self, text: &Text, state: &State, visits: u32) {
        for piece in text.pieces() {
            match piece {
                Piece::Lit(s) => self.push(s),
                Piece::Star => match self.open.take() {
                    Some(start) => {
                        let end = self.shown.text.len();
                        if end > start {
                            self.shown.emphasis.push(start..end);
                        }
                    }
                    None => self.open = Some(self.shown.text.len()),
                },
                Piece::If(form) => {
                    let IfForm {
                        negate,
                        when,
                        then,
                        otherwise,
                        ..
                    } = &**form;
                    let branch = if holds(&self.story.plan().test(when), state) ^ *negate {
                        then
                    } else {
                        otherwise
                    };
                    self.pieces(branch, state, visits);
                }
                Piece::Vary(form) => {
                    let VaryForm { kind, alts, .. } = &**form;
                    if let Some(alt) = pick(*kind, alts.len(), state, visits).and_then(|i| alts.get(i)) {
                        self.pieces(alt, state, visits);
                    }
                }
            }
        }
    }

    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c == ' ' && (self.shown.text.is_empty() || self.shown.text.ends_with(' ')) {
                continue;
            }
            self.shown.text.push(c);
        }
    }

    fn finish(mut self) -> Shown {
        if let Some(start) = self.open.take()
            && self.shown.text.len() > start
        {
            self.shown.emphasis.push(start..self.shown.text.len());
        }
        let trimmed = self.shown.text.trim_end().len();
        self.shown.text.truncate(trimmed);
        for r in &mut self.shown.emphasis {
            r.end = r.end.min(trimmed);
            r.start = r.start.min(r.end);
        }
        self.shown.emphasis.retain(|r| !r.is_empty());
        self.shown
    }
}

/// Which alternative shows on the `visits`-th entry into the scene (or by its pick).
fn pick(kind: Vary, count: usize, state: &State, visits: u32) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let n = usize::try_from(visits.saturating_sub(1)).unwrap_or(usize::MAX);
    match kind {
        Vary::Seq => Some(n.min(count - 1)),
        Vary::Cycle => Some(n % count),
        Vary::Once => (n < count).then_some(n),
        Vary::Shuffle { slot } => state.picks.get(slot).map(|&p| usize::from(p) % count),
    }
}
