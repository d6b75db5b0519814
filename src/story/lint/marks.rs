//! What the checks on the graph read of a scene's source once its model scene is
//! built: where its id, choices and paragraphs are written, and the flags it sets and
//! reads. The validator turns each raw scene into these as soon as it has built the
//! model scene, so the raw scene (most of a large story's memory) is dropped then
//! rather than kept to the end. The marks hold places, not names: the names are the
//! model scene's, which the marks of `story.scenes[i]` are `marks[i]` of, choice for
//! choice.

use std::ops::Range;

use super::super::layers::SceneItem;
use super::super::raw::{RawCondition, RawEffect};
use super::super::source::Spanned;

/// One scene's marks: see the module's documentation.
pub(in crate::story) struct SceneMarks {
    pub file: usize,
    /// Where the scene's id is written.
    pub id: Place,
    /// Every choice, the scene's own first, then those packs added: the model scene's
    /// choices, in order.
    pub choices: Vec<ChoiceMarks>,
    /// Where each paragraph's string is written, in order.
    pub paragraphs: Vec<Place>,
    /// The flags the scene's effects set, then those its choices' effects set, each
    /// with the file it is written in.
    pub sets: Vec<(usize, Spanned)>,
    /// The flags its paragraphs' conditions read, then those its choices' conditions read.
    pub reads: Vec<(usize, Spanned)>,
}

/// One choice's marks.
pub(in crate::story) struct ChoiceMarks {
    pub file: usize,
    /// Where its id is written.
    pub id: Place,
    /// Where its target is written (the word `Back` for `to: Back`).
    pub to: Place,
}

/// Where something is written: a byte range in its file, when known, in 8 bytes (a
/// large story has a hundred thousand of them). A range past 4 GiB is not kept.
#[derive(Clone, Copy)]
pub(in crate::story) struct Place {
    start: u32,
    end: u32,
}

impl Place {
    const UNKNOWN: u32 = u32::MAX;

    fn of(span: Option<Range<usize>>) -> Self {
        let kept = span.and_then(|s| Some((u32::try_from(s.start).ok()?, u32::try_from(s.end).ok()?)));
        match kept {
            Some((start, end)) if start != Self::UNKNOWN => Self { start, end },
            _ => Self {
                start: Self::UNKNOWN,
                end: Self::UNKNOWN,
            },
        }
    }

    /// The byte range, for a diagnostic.
    pub(in crate::story) fn span(self) -> Option<Range<usize>> {
        (self.start != Self::UNKNOWN).then_some(self.start as usize..self.end as usize)
    }
}

impl SceneMarks {
    /// Takes the marks out of a scene whose model scene has been built (and has taken
    /// its strings); the rest of the raw scene is dropped.
    pub(in crate::story) fn new(item: SceneItem) -> Self {
        let SceneItem { file, raw, added, .. } = item;
        let mut sets = Vec::new();
        let mut reads = Vec::new();
        for p in &raw.text {
            if let Some(c) = &p.when {
                flag_reads(c, file, &mut reads);
            }
        }
        let choices: Vec<_> = std::iter::repeat(file).zip(raw.choices).chain(added).collect();
        set_flags(&raw.effects, file, &mut sets);
        for (f, c) in &choices {
            set_flags(&c.effects, *f, &mut sets);
        }
        for (f, c) in &choices {
            if let Some(w) = &c.when {
                flag_reads(w, *f, &mut reads);
            }
        }
        // Into lists of their own: collected from the raw lists, they would keep those
        // lists' far larger allocations alive.
        let mut paragraphs = Vec::with_capacity(raw.text.len());
        paragraphs.extend(raw.text.into_iter().map(|p| Place::of(p.text.span)));
        let mut marks = Vec::with_capacity(choices.len());
        marks.extend(choices.into_iter().map(|(file, c)| ChoiceMarks {
            file,
            id: Place::of(c.id.span),
            to: Place::of(c.to.scene.span),
        }));
        SceneMarks {
            file,
            id: Place::of(raw.id.span),
            paragraphs,
            choices: marks,
            sets,
            reads,
        }
    }
}

fn set_flags<'e>(
    effects: impl IntoIterator<Item = &'e RawEffect>,
    file: usize,
    out: &mut Vec<(usize, Spanned)>,
) {
    for e in effects {
        if let RawEffect::Set(x) = e {
            out.push((file, x.clone()));
        }
    }
}

/// The flags a condition reads, in the order written.
fn flag_reads(c: &RawCondition, file: usize, out: &mut Vec<(usize, Spanned)>) {
    let mut found = Vec::new();
    super::flag_reads(c, file, &mut found);
    out.extend(found.into_iter().map(|(f, x)| (f, x.clone())));
}
