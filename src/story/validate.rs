//! Raw RON → validated [`Story`], reporting every problem at once.
//!
//! The validator keeps going after an error so that an author sees the whole list in
//! one run: a file that does not parse is reported and skipped, an unknown id is
//! reported and the rest of its scene is still checked.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Report, Severity, SourceFile, offset_of};
use super::layers::{self, Merged, PackLayer, SceneItem};
use super::lint;
use super::model::{
    Axis, Character, Choice, Condition, Effect, Ending, Era, Keepsake, Knowledge, Memory, Paragraph,
    Reflection, Scene, Story,
};
use super::raw::{Cmp, RawCharacter, RawCondition, RawEffect, RawManifest, RawMemory, RawPack, RawScene};
use super::source::{Spanned, with_spans};

/// The files of one story: the manifest (`story.ron`), the scene files, and the packs
/// layered on them, in order.
#[derive(Debug, Clone)]
pub struct StorySources {
    pub manifest: SourceFile,
    pub scene_files: Vec<SourceFile>,
    pub packs: Vec<PackSources>,
}

impl StorySources {
    /// How many files the base story has (its manifest and scene files); in a
    /// [`Report`] of these sources, they come first.
    pub fn base_files(&self) -> usize {
        1 + self.scene_files.len()
    }
}

/// The files of one pack: its `pack.ron` and its scene files.
#[derive(Debug, Clone)]
pub struct PackSources {
    pub manifest: SourceFile,
    pub scene_files: Vec<SourceFile>,
}

/// A story that loaded, with any warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub story: Story,
    pub report: Report,
}

/// Parses and validates a story and its packs. `Err` carries every error and warning found.
pub fn load(sources: StorySources) -> Result<Loaded, Report> {
    let mut files = vec![sources.manifest];
    files.extend(sources.scene_files);
    let base_end = files.len();
    let mut pack_files = Vec::new();
    for pack in sources.packs {
        let manifest = files.len();
        files.push(pack.manifest);
        files.extend(pack.scene_files);
        pack_files.push((manifest, manifest + 1..files.len()));
    }
    let mut v = Validator::new(&files);
    let manifest = v.parse::<RawManifest>(0);
    let base_scenes = v.parse_scene_files(1..base_end);
    let packs: Vec<PackLayer> = pack_files
        .into_iter()
        .map(|(m, range)| {
            let pack = v.parse::<RawPack>(m);
            v.scenes_incomplete |= pack.is_none();
            PackLayer {
                manifest_file: m,
                pack,
                scene_lists: v.parse_scene_files(range),
            }
        })
        .collect();
    let story = manifest.map(|m| {
        let (merged, problems) = layers::merge(&files, m, base_scenes, packs);
        v.diagnostics.extend(problems);
        v.build(&merged, &files)
    });
    let report = v.finish();
    let report = Report {
        sources: files,
        ..report
    };
    match story {
        Some(story) if !report.has_errors() => Ok(Loaded { story, report }),
        _ => Err(report),
    }
}

/// Where an id was declared, for "first defined here" notes.
type Declared = HashMap<String, (usize, Option<Range<usize>>)>;

struct Validator<'f> {
    files: &'f [SourceFile],
    diagnostics: Vec<Diagnostic>,
    /// Files whose literal spans did not line up; their diagnostics lose the span.
    unaligned: HashSet<usize>,
    /// Some scene file did not parse, so its scenes are unknown: references to scenes
    /// cannot be judged, and are not, rather than burying the real error in noise.
    scenes_incomplete: bool,
    eras: Declared,
    era_order: Vec<String>,
    tones: Declared,
    knowledge: Declared,
    memories: Declared,
    keepsakes: Declared,
    endings: Declared,
    characters: Declared,
    axes: HashMap<String, Declared>,
    scenes: Declared,
}

/// What a condition is being read for: chance rolls are only meaningful in scenes.
struct ConditionPlace<'a> {
    file: usize,
    chance_slots: Option<&'a mut usize>,
    /// What a diagnostic about a chance roll points at (chance rolls carry no span).
    anchor: &'a Spanned,
}

impl<'f> Validator<'f> {
    fn new(files: &'f [SourceFile]) -> Self {
        Self {
            files,
            diagnostics: Vec::new(),
            unaligned: HashSet::new(),
            scenes_incomplete: false,
            eras: Declared::new(),
            era_order: Vec::new(),
            tones: Declared::new(),
            knowledge: Declared::new(),
            memories: Declared::new(),
            keepsakes: Declared::new(),
            endings: Declared::new(),
            characters: Declared::new(),
            axes: HashMap::new(),
            scenes: Declared::new(),
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, file: usize) -> Option<T> {
        let text = &self.files[file].text;
        let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
        let (result, aligned) = with_spans(text, || options.from_str::<T>(text));
        match result {
            Ok(value) => {
                if !aligned {
                    self.unaligned.insert(file);
                }
                Some(value)
            }
            Err(e) => {
                let start = offset_of(text, e.span.start.line, e.span.start.col);
                let end = offset_of(text, e.span.end.line, e.span.end.col).max(start);
                let (message, help) = describe_ron_error(&e.code);
                let mut d = Diagnostic::error(file, Some(start..end), message).label("here");
                if let Some(help) = help {
                    d = d.help(help);
                }
                self.diagnostics.push(d);
                None
            }
        }
    }

    fn parse_scene_files(&mut self, range: Range<usize>) -> Vec<(usize, Vec<RawScene>)> {
        let total = range.len();
        let lists: Vec<_> = range
            .filter_map(|i| self.parse::<Vec<RawScene>>(i).map(|s| (i, s)))
            .collect();
        self.scenes_incomplete |= lists.len() < total;
        lists
    }

    fn finish(mut self) -> Report {
        for d in &mut self.diagnostics {
            if self.unaligned.contains(&d.file) {
                d.span = None;
            }
        }
        Report {
            sources: Vec::new(),
            diagnostics: self.diagnostics,
        }
    }

    fn error(&mut self, file: usize, at: &Spanned, message: String, label: &str, help: Option<String>) {
        let mut d = Diagnostic::error(file, at.span.clone(), message).label(label);
        if let Some(help) = help {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    fn where_is(&self, file: usize, span: Option<&Range<usize>>) -> String {
        layers::where_is(self.files, file, span)
    }

    /// Records a declaration; reports a duplicate and returns false if the id is taken.
    fn declare(&mut self, kind: &str, table: DeclTable, file: usize, id: &Spanned) -> bool {
        if id.value.is_empty() {
            self.error(
                file,
                id,
                format!("empty {kind} id"),
                "an id cannot be empty",
                Some("give it a short snake_case name".into()),
            );
            return false;
        }
        let first = self.table(table).get(&id.value).cloned();
        if let Some((first_file, first_span)) = first {
            let at = self.where_is(first_file, first_span.as_ref());
            self.error(
                file,
                id,
                format!("duplicate {kind} id '{}'", id.value),
                "defined again here",
                Some(format!("first defined at {at}; every {kind} needs its own id")),
            );
            return false;
        }
        self.table(table)
            .insert(id.value.clone(), (file, id.span.clone()));
        true
    }

    fn table(&mut self, table: DeclTable) -> &mut Declared {
        match table {
            DeclTable::Era => &mut self.eras,
            DeclTable::Tone => &mut self.tones,
            DeclTable::Knowledge => &mut self.knowledge,
            DeclTable::Memory => &mut self.memories,
            DeclTable::Keepsake => &mut self.keepsakes,
            DeclTable::Ending => &mut self.endings,
            DeclTable::Character => &mut self.characters,
            DeclTable::Scene => &mut self.scenes,
        }
    }

    /// Checks that `id` names something declared in `table`, with a suggestion if not.
    fn known(&mut self, kind: &str, table: DeclTable, file: usize, id: &Spanned) -> bool {
        if self.table(table).contains_key(&id.value) {
            return true;
        }
        if matches!(table, DeclTable::Scene) && self.scenes_incomplete {
            return false;
        }
        let suggestion = closest(&id.value, self.table(table).keys().map(String::as_str));
        let help = match (suggestion, table) {
            (Some(s), _) => format!("did you mean '{s}'?"),
            (None, DeclTable::Scene) => {
                "add a scene with this id, or point the choice at an existing one".into()
            }
            (None, _) => format!("declare it in story.ron under `{}`", table.section()),
        };
        self.error(
            file,
            id,
            format!("unknown {kind} '{}'", id.value),
            &format!("no {kind} has this id"),
            Some(help),
        );
        false
    }

    fn known_axis(&mut self, file: usize, character: &Spanned, axis: &Spanned) -> bool {
        if !self.known("character", DeclTable::Character, file, character) {
            return false;
        }
        let declared = self.axes.get(&character.value).cloned().unwrap_or_default();
        if declared.contains_key(&axis.value) {
            return true;
        }
        let help = match closest(&axis.value, declared.keys().map(String::as_str)) {
            Some(s) => format!("did you mean '{s}'?"),
            None => format!(
                "declare the axis under the character '{}' in story.ron",
                character.value
            ),
        };
        self.error(
            file,
            axis,
            format!(
                "unknown axis '{}' for character '{}'",
                axis.value, character.value
            ),
            "no such relationship axis",
            Some(help),
        );
        false
    }

    fn build(&mut self, m: &Merged, files: &[SourceFile]) -> Story {
        self.declare_manifest(m);
        for item in &m.scenes {
            self.declare("scene", DeclTable::Scene, item.file, &item.raw.id);
        }
        let memories = m.memories.iter().map(|i| self.memory(i.file, &i.raw)).collect();
        let characters = m
            .characters
            .iter()
            .map(|i| self.character(i.file, &i.raw))
            .collect();
        let scenes: Vec<Scene> = m.scenes.iter().map(|item| self.scene(item)).collect();
        let base = &m.base;
        let scene_index = scenes
            .iter()
            .enumerate()
            .map(|(i, s): (usize, &Scene)| (s.id.clone(), i))
            .collect();
        let story = Story {
            id: base.id.value.clone(),
            title: base.title.value.clone(),
            subtitle: base.subtitle.as_ref().map(|s| s.value.clone()),
            author: base.author.as_ref().map(|s| s.value.clone()),
            start: base.start.value.clone(),
            eras: base
                .eras
                .iter()
                .map(|e| Era {
                    id: e.id.value.clone(),
                    title: e.title.value.clone(),
                })
                .collect(),
            characters,
            tones: m.tones.iter().map(|t| t.raw.value.clone()).collect(),
            knowledge: m
                .knowledge
                .iter()
                .map(|k| Knowledge {
                    id: k.raw.id.value.clone(),
                    summary: k.raw.summary.value.clone(),
                })
                .collect(),
            memories,
            keepsakes: m
                .keepsakes
                .iter()
                .map(|k| Keepsake {
                    id: k.raw.id.value.clone(),
                    name: k.raw.name.value.clone(),
                    description: k.raw.description.value.clone(),
                })
                .collect(),
            endings: m
                .endings
                .iter()
                .map(|e| Ending {
                    id: e.raw.id.value.clone(),
                    title: e.raw.title.value.clone(),
                    summary: e.raw.summary.as_ref().map(|s| s.value.clone()),
                })
                .collect(),
            scenes,
            packs: m.packs.clone(),
            content_hash: content_hash(files),
            scene_index,
        };
        if self.known("scene", DeclTable::Scene, 0, &base.start) && !self.scenes_incomplete {
            let graph = lint::check_graph(files, &self.era_order, m, &story);
            let clean = !self.diagnostics.iter().any(|d| d.severity == Severity::Error)
                && graph.iter().all(|d| d.severity != Severity::Error);
            self.diagnostics.extend(graph);
            if clean {
                self.diagnostics.extend(lint::lint(m, &story));
            }
        }
        story
    }

    fn declare_manifest(&mut self, m: &Merged) {
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
            let mut axes = Declared::new();
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
                    axes.insert(axis.id.value.clone(), (file, axis.id.span.clone()));
                }
            }
            self.axes.insert(c.id.value.clone(), axes);
        }
    }

    fn character(&mut self, file: usize, c: &RawCharacter) -> Character {
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

    fn memory(&mut self, file: usize, m: &RawMemory) -> Memory {
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
                text: r.text.value.clone(),
            })
            .collect();
        Memory {
            id: m.id.value.clone(),
            title: m.title.value.clone(),
            era: m.era.value.clone(),
            summary: m.summary.value.clone(),
            reflections,
        }
    }

    fn scene(&mut self, item: &SceneItem) -> Scene {
        let (file, raw) = (item.file, &item.raw);
        self.known("era", DeclTable::Era, file, &raw.era);
        let mut slots = 0usize;
        let text = raw
            .text
            .iter()
            .map(|p| Paragraph {
                when: p.when.as_ref().map(|c| {
                    self.condition(
                        c,
                        &mut ConditionPlace {
                            file,
                            chance_slots: Some(&mut slots),
                            anchor: &raw.id,
                        },
                    )
                }),
                text: p.text.value.clone(),
            })
            .collect();
        let effects = raw.effects.iter().filter_map(|e| self.effect(file, e)).collect();
        let mut choice_ids = Declared::new();
        let mut choices = Vec::new();
        for (file, c) in item.choices() {
            if let Some((f, s)) = choice_ids.get(&c.id.value) {
                let at = self.where_is(*f, s.as_ref());
                self.error(
                    file,
                    &c.id,
                    format!("duplicate choice id '{}' in scene '{}'", c.id.value, raw.id.value),
                    "defined again here",
                    Some(format!(
                        "first defined at {at}; choice ids must be unique within their scene"
                    )),
                );
            } else {
                choice_ids.insert(c.id.value.clone(), (file, c.id.span.clone()));
            }
            self.known("scene", DeclTable::Scene, file, &c.to);
            choices.push(Choice {
                id: c.id.value.clone(),
                label: c.label.value.clone(),
                when: c.when.as_ref().map(|w| {
                    self.condition(
                        w,
                        &mut ConditionPlace {
                            file,
                            chance_slots: Some(&mut slots),
                            anchor: &c.id,
                        },
                    )
                }),
                effects: c.effects.iter().filter_map(|e| self.effect(file, e)).collect(),
                to: c.to.value.clone(),
                once: c.once,
            });
        }
        match (&raw.ending, !item.has_choices()) {
            (Some(ending), true) => {
                self.known("ending", DeclTable::Ending, file, ending);
            }
            (Some(ending), false) => self.error(
                file,
                ending,
                format!("scene '{}' has both choices and an ending", raw.id.value),
                "an ending scene ends the story",
                Some("remove the choices, or remove `ending` and let the choices lead on".into()),
            ),
            (None, true) => self.error(
                file,
                &raw.id,
                format!(
                    "scene '{}' is a dead end: it has no choices and is not an ending",
                    raw.id.value
                ),
                "the player would be stuck here",
                Some("add a choice that leads on, or mark it `ending: \"<ending id>\"`".into()),
            ),
            (None, false) => {}
        }
        Scene {
            id: raw.id.value.clone(),
            era: raw.era.value.clone(),
            frame: raw.frame,
            title: raw.title.value.clone(),
            place: raw.place.as_ref().map(|p| p.value.clone()),
            text,
            effects,
            choices,
            ending: raw.ending.as_ref().map(|e| e.value.clone()),
            chance_slots: slots,
            file: self.files[file].name.clone(),
        }
    }

    fn condition(&mut self, raw: &RawCondition, place: &mut ConditionPlace<'_>) -> Condition {
        let file = place.file;
        match raw {
            RawCondition::All(list) => {
                Condition::All(list.iter().map(|c| self.condition(c, place)).collect())
            }
            RawCondition::Any(list) => {
                Condition::Any(list.iter().map(|c| self.condition(c, place)).collect())
            }
            RawCondition::Not(inner) => Condition::Not(Box::new(self.condition(inner, place))),
            RawCondition::Flag(f) => Condition::Flag(f.value.clone()),
            RawCondition::Knows(k) => {
                self.known("knowledge", DeclTable::Knowledge, file, k);
                Condition::Knows(k.value.clone())
            }
            RawCondition::Has(k) => {
                self.known("keepsake", DeclTable::Keepsake, file, k);
                Condition::Has(k.value.clone())
            }
            RawCondition::Remembers(m) => {
                self.known("memory", DeclTable::Memory, file, m);
                Condition::Remembers(m.value.clone())
            }
            RawCondition::RemembersAs(m, t) => {
                self.known("memory", DeclTable::Memory, file, m);
                self.known("tone", DeclTable::Tone, file, t);
                Condition::RemembersAs(m.value.clone(), t.value.clone())
            }
            RawCondition::Visited(s) => {
                self.known("scene", DeclTable::Scene, file, s);
                Condition::Visits(s.value.clone(), Cmp::Ge, 1)
            }
            RawCondition::Visits(s, cmp, n) => {
                self.known("scene", DeclTable::Scene, file, s);
                Condition::Visits(s.value.clone(), *cmp, *n)
            }
            RawCondition::Rel(c, a, cmp, n) => {
                self.known_axis(file, c, a);
                Condition::Rel(c.value.clone(), a.value.clone(), *cmp, *n)
            }
            RawCondition::Era(e) => {
                self.known("era", DeclTable::Era, file, e);
                Condition::Era(e.value.clone())
            }
            RawCondition::Chance(percent) => self.chance(*percent, place),
        }
    }

    fn chance(&mut self, percent: u32, place: &mut ConditionPlace<'_>) -> Condition {
        let here = place.anchor.clone();
        if percent > 100 {
            self.error(
                place.file,
                &here,
                format!("Chance({percent}) is above 100 percent"),
                "in this scene",
                Some("use a percentage from 0 to 100".into()),
            );
        }
        if let Some(slots) = place.chance_slots.as_deref_mut() {
            *slots += 1;
            Condition::Chance {
                percent,
                slot: *slots - 1,
            }
        } else {
            self.error(
                place.file,
                &here,
                "Chance(...) cannot decide a reflection".into(),
                "in this memory",
                Some("a memory must read the same each time it is opened; use Chance in a scene's text or choices".into()),
            );
            Condition::Chance { percent, slot: 0 }
        }
    }

    fn effect(&mut self, file: usize, raw: &RawEffect) -> Option<Effect> {
        let ok = match raw {
            RawEffect::Set(_) | RawEffect::Clear(_) => true,
            RawEffect::Learn(k) => self.known("knowledge", DeclTable::Knowledge, file, k),
            RawEffect::Remember(m, t) => {
                let m_ok = self.known("memory", DeclTable::Memory, file, m);
                self.known("tone", DeclTable::Tone, file, t) && m_ok
            }
            RawEffect::Adjust(c, a, _) => self.known_axis(file, c, a),
            RawEffect::Gain(k) | RawEffect::Lose(k) => self.known("keepsake", DeclTable::Keepsake, file, k),
        };
        ok.then(|| match raw {
            RawEffect::Set(f) => Effect::Set(f.value.clone()),
            RawEffect::Clear(f) => Effect::Clear(f.value.clone()),
            RawEffect::Learn(k) => Effect::Learn(k.value.clone()),
            RawEffect::Remember(m, t) => Effect::Remember(m.value.clone(), t.value.clone()),
            RawEffect::Adjust(c, a, d) => Effect::Adjust(c.value.clone(), a.value.clone(), *d),
            RawEffect::Gain(k) => Effect::Gain(k.value.clone()),
            RawEffect::Lose(k) => Effect::Lose(k.value.clone()),
        })
    }
}

#[derive(Clone, Copy)]
enum DeclTable {
    Era,
    Tone,
    Knowledge,
    Memory,
    Keepsake,
    Ending,
    Character,
    Scene,
}

impl DeclTable {
    fn section(self) -> &'static str {
        match self {
            DeclTable::Era => "eras",
            DeclTable::Tone => "tones",
            DeclTable::Knowledge => "knowledge",
            DeclTable::Memory => "memories",
            DeclTable::Keepsake => "keepsakes",
            DeclTable::Ending => "endings",
            DeclTable::Character => "characters",
            DeclTable::Scene => "scenes",
        }
    }
}

/// The declared id most like `wanted`, if any is close enough to be a likely typo.
pub(crate) fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn describe_ron_error(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { expected, found, .. } => (
            format!("unknown field '{found}'"),
            Some(format!("the fields here are: {}", expected.join(", "))),
        ),
        E::MissingStructField { field, outer } => (
            format!(
                "missing field '{field}'{}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {}", o.trim_start_matches("Raw")))
                    .unwrap_or_default()
            ),
            Some(format!("add `{field}: ...`")),
        ),
        E::NoSuchEnumVariant { expected, found, .. } => (
            format!("unknown name '{found}'"),
            Some(format!("expected one of: {}", expected.join(", "))),
        ),
        other => (
            format!("cannot read this RON: {}", other.to_string().replace("Raw", "")),
            None,
        ),
    }
}

/// FNV-1a over every file's name and text: stable across machines and Rust versions.
fn content_hash(files: &[SourceFile]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for byte in f.name.bytes().chain([0]).chain(f.text.bytes()).chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
