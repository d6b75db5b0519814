//! What the checks on the graph read of a scene's source once its model scene is
//! built: where its id, choices and paragraphs are written, and the flags it sets and
//! reads. The validator turns each raw scene into these as soon as it has built the
//! model scene, so the raw scene (most of a large story's memory) is dropped then
//! rather than kept to the end.

use std::ops::Range;

use super::super::layers::SceneItem;
use super::super::raw::{RawCondition, RawEffect};
use super::super::source::Spanned;

/// One scene's marks: see the module's documentation.
pub(in crate::story) struct SceneMarks {
    pub file: usize,
    pub id: Spanned,
    pub era: Spanned,
    /// Every choice, the scene's own first, then those packs added.
    pub choices: Vec<ChoiceMarks>,
    /// Where each paragraph's string is written, in order.
    pub paragraphs: Vec<Option<Range<usize>>>,
    /// The flags the scene's effects set, then those its choices' effects set, each
    /// with the file it is written in.
    pub sets: Vec<(usize, Spanned)>,
    /// The flags its paragraphs' conditions read, then those its choices' conditions read.
    pub reads: Vec<(usize, Spanned)>,
}

/// One choice's marks.
pub(in crate::story) struct ChoiceMarks {
    pub file: usize,
    pub id: Spanned,
    /// The target as written (`Back` when `back`).
    pub to: Spanned,
    pub back: bool,
    /// Whether it has a condition.
    pub conditional: bool,
}

impl SceneMarks {
    /// Takes the marks out of a scene whose model scene has been built; the rest of
    /// the raw scene is dropped.
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
        SceneMarks {
            file,
            id: raw.id,
            era: raw.era,
            paragraphs: raw.text.into_iter().map(|p| p.text.span).collect(),
            choices: choices
                .into_iter()
                .map(|(file, c)| ChoiceMarks {
                    file,
                    id: c.id,
                    back: c.to.back,
                    to: c.to.scene,
                    conditional: c.when.is_some(),
                })
                .collect(),
            sets,
            reads,
        }
    }

    pub(in crate::story) fn has_choices(&self) -> bool {
        !self.choices.is_empty()
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
