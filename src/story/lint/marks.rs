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
use super::super::source::{Place, Spanned};

/// The marks of every scene, in flat lists: a few large allocations, not several
/// small ones a scene, so that they go back to the allocator whole when the checks
/// are done (scattered among the model's, their space would stay unused).
#[derive(Default)]
pub(in crate::story) struct Marks {
    scenes: Vec<SceneEntry>,
    choices: Vec<ChoiceMarks>,
    paragraphs: Vec<Place>,
    /// Each scene's flags set, then its flags read.
    flags: Vec<FlagMark>,
    /// The flags' names, end to end.
    names: String,
}

/// One scene's place in [`Marks`]: its id, and where its runs in the lists end.
struct SceneEntry {
    file: usize,
    id: Place,
    choices_end: usize,
    paragraphs_end: usize,
    sets_end: usize,
    reads_end: usize,
}

/// A flag named in a condition or an effect: where, and its name in [`Marks::names`].
struct FlagMark {
    file: usize,
    at: Place,
    name: Range<u32>,
}

/// One scene's marks: see the module's documentation.
pub(in crate::story) struct SceneMarks<'m> {
    pub file: usize,
    /// Where the scene's id is written.
    pub id: Place,
    /// Every choice, the scene's own first, then those packs added: the model scene's
    /// choices, in order.
    pub choices: &'m [ChoiceMarks],
    /// Where each paragraph's string is written, in order.
    pub paragraphs: &'m [Place],
    /// The flags the scene's effects set, then those its choices' effects set.
    pub sets: Flags<'m>,
    /// The flags its paragraphs' conditions read, then those its choices' conditions read.
    pub reads: Flags<'m>,
}

/// Flags named in a scene.
#[derive(Clone, Copy)]
pub(in crate::story) struct Flags<'m> {
    marks: &'m [FlagMark],
    names: &'m str,
}

/// A flag where it is named.
pub(in crate::story) struct FlagAt<'m> {
    pub file: usize,
    pub name: &'m str,
    pub span: Option<Range<usize>>,
}

impl<'m> Flags<'m> {
    pub(in crate::story) fn iter(self) -> impl Iterator<Item = FlagAt<'m>> {
        self.marks.iter().map(move |f| FlagAt {
            file: f.file,
            name: self
                .names
                .get(f.name.start as usize..f.name.end as usize)
                .unwrap_or_default(),
            span: f.at.span(),
        })
    }
}

impl<'m> FlagAt<'m> {
    /// A flag named in a raw condition.
    pub(in crate::story) fn of(file: usize, x: &'m Spanned) -> Self {
        Self {
            file,
            name: x.as_str(),
            span: x.span(),
        }
    }
}

/// One choice's marks.
pub(in crate::story) struct ChoiceMarks {
    pub file: usize,
    /// Where its id is written.
    pub id: Place,
    /// Where its target is written (the word `Back` for `to: Back`).
    pub to: Place,
}

impl Marks {
    /// Room for `scenes` scenes of `choices` choices and `paragraphs` paragraphs in all.
    pub(in crate::story) fn with_capacity(scenes: usize, choices: usize, paragraphs: usize) -> Self {
        Self {
            scenes: Vec::with_capacity(scenes),
            choices: Vec::with_capacity(choices),
            paragraphs: Vec::with_capacity(paragraphs),
            ..Self::default()
        }
    }

    /// Takes the marks out of a scene whose model scene has been built (and has taken
    /// its strings); the rest of the raw scene is dropped.
    pub(in crate::story) fn push(&mut self, item: SceneItem) {
        let SceneItem { file, raw, added, .. } = item;
        let choices = std::iter::repeat(file)
            .zip(&raw.choices)
            .chain(added.iter().map(|(f, c)| (*f, c)));
        for (f, c) in choices.clone() {
            self.choices.push(ChoiceMarks {
                file: f,
                id: c.id.place(),
                to: c.to.scene.place(),
            });
        }
        self.paragraphs.extend(raw.text.iter().map(|p| p.text.place()));
        for e in &raw.effects {
            self.set(file, e);
        }
        for (f, c) in choices.clone() {
            c.effects.iter().for_each(|e| self.set(f, e));
        }
        let sets_end = self.flags.len();
        for p in &raw.text {
            if let Some(c) = &p.when {
                self.reads(file, c);
            }
        }
        for (f, c) in choices {
            if let Some(w) = &c.when {
                self.reads(f, w);
            }
        }
        self.scenes.push(SceneEntry {
            file,
            id: raw.id.place(),
            choices_end: self.choices.len(),
            paragraphs_end: self.paragraphs.len(),
            sets_end,
            reads_end: self.flags.len(),
        });
    }

    fn set(&mut self, file: usize, e: &RawEffect) {
        if let RawEffect::Set(x) = e {
            self.flag(file, x);
        }
    }

    /// The flags a condition reads, in the order written.
    fn reads(&mut self, file: usize, c: &RawCondition) {
        let mut found = Vec::new();
        super::flag_reads(c, file, &mut found);
        for (f, x) in found {
            self.flag(f, x);
        }
    }

    fn flag(&mut self, file: usize, x: &Spanned) {
        let start = self.names.len();
        self.names.push_str(x.as_str());
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.flags.push(FlagMark {
            file,
            at: x.place(),
            name: at(start)..at(self.names.len()),
        });
    }

    /// Each scene's marks, in order: those of `story.scenes[i]` come `i`th.
    pub(in crate::story) fn iter(&self) -> impl Iterator<Item = SceneMarks<'_>> {
        let mut from = (0, 0, 0);
        self.scenes.iter().map(move |s| {
            let (choices, paragraphs, first_flag) = from;
            from = (s.choices_end, s.paragraphs_end, s.reads_end);
            let flags = |run: Range<usize>| Flags {
                marks: self.flags.get(run).unwrap_or_default(),
                names: &self.names,
            };
            SceneMarks {
                file: s.file,
                id: s.id,
                choices: self.choices.get(choices..s.choices_end).unwrap_or_default(),
                paragraphs: self
                    .paragraphs
                    .get(paragraphs..s.paragraphs_end)
                    .unwrap_or_default(),
                sets: flags(first_flag..s.sets_end),
                reads: flags(s.sets_end..s.reads_end),
            }
        })
    }
}
