//! Building the validated story from the merged layers: the manifest's declarations,
//! characters and their axes, memories and their reflections.

use foldhash::HashMap;
use std::sync::Arc;

use super::super::compiled::{Names, Plan};
use super::super::lint::Marks;
use super::super::model::Narrator;
use super::super::raw::{RawEra, RawNarrator};
use super::super::text::fold;
use super::text::StringPlace;
use super::{
    Axis, Character, ConditionPlace, DeclTable, Declared, Ending, Era, Keepsake, Knowledge, Memory, Merged,
    RawCharacter, RawMemory, Reflection, Scene, Severity, SourceFile, Story, Validator, lint,
};

impl Validator<'_> {
    /// The validated story; its `content_hash` is left at 0 for the caller to set.
    pub(super) fn build(&mut self, m: &mut Merged, files: &[SourceFile]) -> Story {
        self.declare_manifest(m);
        for item in &m.scenes {
            self.declare("scene", DeclTable::Scene, item.file, &item.raw.id);
        }
        self.declare_conditions(m);
        let memories = m.memories.iter().map(|i| self.memory(i.file, &i.raw)).collect();
        let characters = m
            .characters
            .iter()
            .map(|i| self.character(i.file, &i.raw))
            .collect();
        // Each raw scene is dropped as soon as its model scene is built, but for the
        // marks the checks on the graph read.
        let items = std::mem::take(&mut m.scenes);
        let mut scenes = Vec::with_capacity(items.len());
        let choices = items.iter().map(|i| i.raw.choices.len() + i.added.len()).sum();
        let paragraphs = items.iter().map(|i| i.raw.text.len()).sum();
        let mut marks = Marks::with_capacity(items.len(), choices, paragraphs);
        for mut item in items {
            scenes.push(self.scene(&mut item));
            marks.push(item);
        }
        let m = &*m;
        self.unused_conditions(m);
        let mut story = assemble(m, characters, memories, scenes);
        let start_known = self.known("scene", DeclTable::Scene, 0, &m.base.start);
        // Every reference to a scene is checked and every string placed: the table of
        // scenes and the files' line starts go before the plan and the checks on the
        // graph, the load's peak, are made.
        self.scenes = Declared::default();
        self.line_starts = HashMap::default();
        // The checks on the graph read the model and the marks; the marks go before
        // the engine's plan is compiled (sequentially, not beside the checks: the
        // load's peak is lower by the marks, for about 15 ms).
        self.check_graph(start_known, m, &marks, files, &story);
        drop(marks);
        let plan = Plan::compile(&story);
        story.set_plan(plan);
        story
    }

    /// The checks on the whole graph, once every scene is built: era order, reachability,
    /// and (on a story without errors) the lint.
    fn check_graph(
        &mut self,
        start_known: bool,
        m: &Merged,
        marks: &Marks,
        files: &[SourceFile],
        story: &Story,
    ) {
        if start_known && !self.scenes_incomplete {
            let graph = lint::check_graph(files, &self.era_order, marks, story);
            let clean = !self.diagnostics.iter().any(|d| d.severity == Severity::Error)
                && graph.iter().all(|d| d.severity != Severity::Error);
            self.diagnostics.extend(graph);
            if clean {
                self.diagnostics.extend(lint::lint(m, marks, story));
            }
        }
    }

    pub(super) fn declare_manifest(&mut self, m: &Merged) {
        if m.base.eras.is_empty() {
            self.error(
                0,
                &m.base.id,
                "the story declares no eras".into(),
                "in this story",
                Some("add at least one Era(id: ..., title: ...) to `eras`".into()),
            );
        }
        for era in &m.base.eras {
            if self.declare("era", DeclTable::Era, 0, &era.id) {
                self.era_order.push(era.id.value.clone());
            }
        }
        for tone in &m.tones {
            self.declare("tone", DeclTable::Tone, tone.file, &tone.raw);
        }
        for k in &m.knowledge {
            self.declare("knowledge", DeclTable::Knowledge, k.file, &k.raw.id);
        }
        for mem in &m.memories {
            self.declare("memory", DeclTable::Memory, mem.file, &mem.raw.id);
        }
        for k in &m.keepsakes {
            self.declare("keepsake", DeclTable::Keepsake, k.file, &k.raw.id);
        }
        for e in &m.endings {
            self.declare("ending", DeclTable::Ending, e.file, &e.raw.id);
        }
        for item in &m.characters {
            let (file, c) = (item.file, &item.raw);
            if !self.declare("character", DeclTable::Character, file, &c.id) {
                continue;
            }
            let mut axes = Declared::default();
            for axis in &c.axes {
                if let Some((f, s)) = axes.get(&axis.id.value) {
                    let at = self.where_is(*f, s.as_ref());
                    self.error(
                        file,
                        &axis.id,
                        format!("duplicate axis id '{}' for '{}'", axis.id.value, c.id.value),
                        "defined again here",
                        Some(format!("first defined at {at}")),
                    );
                } else {
                    axes.insert(axis.id.value.clone(), (file, axis.id.span()));
                }
            }
            self.axes.insert(c.id.value.clone(), axes);
        }
    }

    pub(super) fn character(&mut self, file: usize, c: &RawCharacter) -> Character {
        let axes = c
            .axes
            .iter()
            .map(|a| {
                if a.min > a.max {
                    self.error(
                        file,
                        &a.id,
                        format!("axis '{}' has min {} above max {}", a.id.value, a.min, a.max),
                        "empty range",
                        Some("swap min and max".into()),
                    );
                } else if a.initial < a.min || a.initial > a.max {
                    self.error(
                        file,
                        &a.id,
                        format!(
                            "axis '{}' starts at {}, outside its range {}..={}",
                            a.id.value, a.initial, a.min, a.max
                        ),
                        "initial value out of range",
                        Some("set `initial` between `min` and `max`".into()),
                    );
                }
                Axis {
                    id: a.id.value.clone(),
                    min: a.min,
                    max: a.max,
                    initial: a.initial.clamp(a.min, a.max.max(a.min)),
                }
            })
            .collect();
        Character {
            id: c.id.value.clone(),
            name: c.name.value.clone(),
            axes,
        }
    }

    pub(super) fn memory(&mut self, file: usize, m: &RawMemory) -> Memory {
        self.known("era", DeclTable::Era, file, &m.era);
        let reflections = m
            .reflections
            .iter()
            .map(|r| Reflection {
                when: r.when.as_ref().map(|c| {
                    self.condition(
                        c,
                        &mut ConditionPlace {
                            file,
                            chance_slots: None,
                            anchor: &m.id,
                        },
                    )
                }),
                text: fold(&r.text.value),
                pos: self.pos(file, r.text.span().map(|s| s.start)),
                parts: self.text(StringPlace {
                    file,
                    literal: &r.text,
                    chance_slots: None,
                    shuffles: None,
                    anchor: &m.id,
                }),
            })
            .collect();
        Memory {
            id: m.id.value.clone(),
            title: m.title.value.clone(),
            era: m.era.value.clone(),
            summary: fold(&m.summary.value),
            reflections,
            file: self.files[file].name.clone(),
        }
    }
}

/// The story made of the merged manifest and what was built from it; the plan and the
/// content hash are left for the caller.
fn assemble(m: &Merged, characters: Vec<Character>, memories: Vec<Memory>, scenes: Vec<Scene>) -> Story {
    let base = &m.base;
    let scene_names = Arc::new(Names::new("scene", scenes.iter().map(|s| s.id.as_str())));
    Story {
        id: base.id.value.clone(),
        title: base.title.value.clone(),
        subtitle: base.subtitle.as_ref().map(|s| fold(&s.value)),
        author: base.author.as_ref().map(|s| s.value.clone()),
        narrator: base.narrator.as_ref().map_or_else(Default::default, narrator),
        start: base.start.value.clone(),
        eras: base.eras.iter().map(era).collect(),
        characters,
        tones: m.tones.iter().map(|t| t.raw.value.clone()).collect(),
        knowledge: m
            .knowledge
            .iter()
            .map(|k| Knowledge {
                id: k.raw.id.value.clone(),
                summary: fold(&k.raw.summary.value),
            })
            .collect(),
        memories,
        keepsakes: m
            .keepsakes
            .iter()
            .map(|k| Keepsake {
                id: k.raw.id.value.clone(),
                name: k.raw.name.value.clone(),
                description: fold(&k.raw.description.value),
            })
            .collect(),
        endings: m
            .endings
            .iter()
            .map(|e| Ending {
                id: e.raw.id.value.clone(),
                title: e.raw.title.value.clone(),
                summary: e.raw.summary.as_ref().map(|s| fold(&s.value)),
            })
            .collect(),
        scenes,
        packs: m.packs.clone(),
        content_hash: 0,
        scene_names,
        plan: Default::default(),
        paragraph_words: Default::default(),
    }
}

fn narrator(n: &RawNarrator) -> Narrator {
    Narrator {
        name: n.name.value.clone(),
        pronoun: n.pronoun,
    }
}

fn era(e: &RawEra) -> Era {
    Era {
        id: e.id.value.clone(),
        title: e.title.value.clone(),
    }
}
