//! Layering packs on a story, before validation.
//!
//! A story is a base (`story.ron` and its scene files) and any number of packs on top
//! (`pack.ron` and its scene files), each layer applied in order. A pack adds
//! characters, tones, knowledge, memories, keepsakes, endings and scenes; it replaces
//! an earlier definition only when that definition says `override: true`; and it adds
//! choices to an earlier scene with `Extend(scene: ..., choices: [...])`. Defining an
//! id that an earlier layer already has, without `override`, is an error that names
//! both places. Duplicates inside one layer are left for the validator, which reports
//! them as it always has. Every item keeps the index of its file, so diagnostics point
//! into the pack that wrote it.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use super::diagnostic::{Diagnostic, SourceFile, line_column};
use super::raw::{
    RawCharacter, RawChoice, RawCondition, RawEnding, RawExtend, RawKeepsake, RawKnowledge, RawManifest,
    RawMemory, RawPack, RawScene,
};
use super::source::Spanned;

/// A definition and where it came from.
#[derive(Debug)]
pub(super) struct Item<T> {
    pub file: usize,
    pub layer: usize,
    pub raw: T,
}

/// A scene as the layers left it: its definition, and choices packs added to it.
#[derive(Debug)]
pub(super) struct SceneItem {
    pub file: usize,
    pub layer: usize,
    /// Boxed, as parsed (see [`SceneList`]).
    pub raw: Box<RawScene>,
    /// Choices added by `Extend`, each with the file of the pack that added it.
    pub added: Vec<(usize, RawChoice)>,
}

impl SceneItem {
    pub fn has_choices(&self) -> bool {
        !self.raw.choices.is_empty() || !self.added.is_empty()
    }
}

/// One file's scenes, each boxed: each is freed as soon as its model scene is built,
/// and its memory taken again by the model (a list of them would be freed only at the
/// end, once all the model is built).
pub(super) type SceneList = Vec<Box<RawScene>>;

/// One pack as parsed: its manifest (`None` if it did not parse) and its scene files.
pub(super) struct PackLayer {
    pub manifest_file: usize,
    pub pack: Option<RawPack>,
    pub scene_lists: Vec<(usize, SceneList)>,
}

/// The story with every layer applied. `base` keeps the manifest's own fields (id,
/// title, start, eras); its sections have been moved into the lists here.
pub(super) struct Merged {
    pub base: RawManifest,
    pub characters: Vec<Item<RawCharacter>>,
    pub tones: Vec<Item<Spanned>>,
    pub knowledge: Vec<Item<RawKnowledge>>,
    pub memories: Vec<Item<RawMemory>>,
    pub keepsakes: Vec<Item<RawKeepsake>>,
    pub endings: Vec<Item<RawEnding>>,
    pub scenes: Vec<SceneItem>,
    /// Named conditions of every layer, in order.
    pub conditions: Vec<Item<(Spanned, RawCondition)>>,
    /// The ids of the packs applied, in order.
    pub packs: Vec<String>,
}

trait Defined {
    fn id(&self) -> &Spanned;
    fn overrides(&self) -> bool;
}

macro_rules! defined {
    ($($t:ty),*) => {$(
        impl Defined for $t {
            fn id(&self) -> &Spanned {
                &self.id
            }
            fn overrides(&self) -> bool {
                self.overrides
            }
        }
    )*};
}
defined!(
    RawCharacter,
    RawKnowledge,
    RawMemory,
    RawKeepsake,
    RawEnding,
    RawScene
);

fn items<T>(list: Vec<T>) -> Vec<Item<T>> {
    list.into_iter()
        .map(|raw| Item {
            file: 0,
            layer: 0,
            raw,
        })
        .collect()
}

/// Applies the packs, in order, on the base story.
pub(super) fn merge(
    files: &[SourceFile],
    mut base: RawManifest,
    base_scenes: Vec<(usize, SceneList)>,
    packs: Vec<PackLayer>,
) -> (Merged, Vec<Diagnostic>) {
    let mut m = Merger {
        files,
        diagnostics: Vec::new(),
        scene_at: HashMap::new(),
    };
    let mut merged = Merged {
        characters: items(std::mem::take(&mut base.characters)),
        tones: items(std::mem::take(&mut base.tones)),
        knowledge: items(std::mem::take(&mut base.knowledge)),
        memories: items(std::mem::take(&mut base.memories)),
        keepsakes: items(std::mem::take(&mut base.keepsakes)),
        endings: items(std::mem::take(&mut base.endings)),
        scenes: Vec::new(),
        conditions: items(std::mem::take(&mut base.conditions.0)),
        packs: Vec::new(),
        base,
    };
    m.base_overrides(&merged);
    let scenes = base_scenes.iter().map(|(_, l)| l.len()).sum::<usize>()
        + packs
            .iter()
            .flat_map(|p| &p.scene_lists)
            .map(|(_, l)| l.len())
            .sum::<usize>();
    merged.scenes.reserve_exact(scenes);
    m.scene_at.reserve(scenes);
    for (file, list) in base_scenes {
        for raw in list {
            m.add_scene(&mut merged.scenes, file, 0, raw);
        }
    }
    for (i, pack) in packs.into_iter().enumerate() {
        m.add_pack(&mut merged, i + 1, pack);
    }
    (merged, m.diagnostics)
}

struct Merger<'f> {
    files: &'f [SourceFile],
    diagnostics: Vec<Diagnostic>,
    /// Scene id → its first place in the merged scenes, so that adding a scene does not
    /// search them all (a story may have many thousands).
    scene_at: HashMap<String, usize>,
}

impl Merger<'_> {
    /// One pack's declarations, scenes, conditions and extensions, on top of the layers
    /// below it.
    fn add_pack(&mut self, merged: &mut Merged, layer: usize, pack: PackLayer) {
        let file = pack.manifest_file;
        let Some(p) = pack.pack else { return };
        merged.packs.push(p.id.value.clone());
        for raw in p.characters {
            self.add("character", &mut merged.characters, Item { file, layer, raw });
        }
        for tone in p.tones {
            if !merged.tones.iter().any(|t| t.raw.value == tone.value) {
                merged.tones.push(Item {
                    file,
                    layer,
                    raw: tone,
                });
            }
        }
        for raw in p.knowledge {
            self.add("knowledge", &mut merged.knowledge, Item { file, layer, raw });
        }
        for raw in p.memories {
            self.add("memory", &mut merged.memories, Item { file, layer, raw });
        }
        for raw in p.keepsakes {
            self.add("keepsake", &mut merged.keepsakes, Item { file, layer, raw });
        }
        for raw in p.endings {
            self.add("ending", &mut merged.endings, Item { file, layer, raw });
        }
        for (scene_file, list) in pack.scene_lists {
            for raw in list {
                self.add_scene(&mut merged.scenes, scene_file, layer, raw);
            }
        }
        for raw in p.conditions.0 {
            self.add_condition(&mut merged.conditions, Item { file, layer, raw });
        }
        for extend in p.extend {
            self.extend(&mut merged.scenes, file, extend);
        }
    }

    /// `override: true` in the base story has nothing beneath it to replace.
    fn base_overrides(&mut self, merged: &Merged) {
        let flagged = merged
            .characters
            .iter()
            .map(|i| (i.file, &i.raw as &dyn Defined, "character"))
            .chain(
                merged
                    .knowledge
                    .iter()
                    .map(|i| (i.file, &i.raw as &dyn Defined, "knowledge")),
            )
            .chain(
                merged
                    .memories
                    .iter()
                    .map(|i| (i.file, &i.raw as &dyn Defined, "memory")),
            )
            .chain(
                merged
                    .keepsakes
                    .iter()
                    .map(|i| (i.file, &i.raw as &dyn Defined, "keepsake")),
            )
            .chain(
                merged
                    .endings
                    .iter()
                    .map(|i| (i.file, &i.raw as &dyn Defined, "ending")),
            )
            .filter(|(_, d, _)| d.overrides())
            .map(|(f, d, kind)| (f, d.id().clone(), kind))
            .collect::<Vec<_>>();
        for (file, id, kind) in flagged {
            self.nothing_to_override(kind, file, &id);
        }
    }

    fn add<T: Defined>(&mut self, kind: &str, section: &mut Vec<Item<T>>, item: Item<T>) {
        let existing = section
            .iter()
            .position(|e| e.raw.id().value == item.raw.id().value);
        match existing {
            Some(i) if section[i].layer < item.layer => {
                if item.raw.overrides() {
                    section[i] = item;
                } else {
                    let (f, s) = (section[i].file, section[i].raw.id().span());
                    self.conflict(kind, item.file, item.raw.id(), f, s.as_ref());
                }
            }
            _ => {
                if item.raw.overrides() {
                    self.nothing_to_override(kind, item.file, item.raw.id());
                }
                section.push(item);
            }
        }
    }

    fn add_condition(
        &mut self,
        section: &mut Vec<Item<(Spanned, RawCondition)>>,
        item: Item<(Spanned, RawCondition)>,
    ) {
        let name = &item.raw.0;
        if let Some(first) = section.iter().find(|e| e.raw.0.value == name.value) {
            let at = where_is(self.files, first.file, first.raw.0.span().as_ref());
            self.diagnostics.push(
                Diagnostic::error(
                    item.file,
                    name.span(),
                    format!("condition '{}' is already named", name.value),
                )
                .label("named again here")
                .help(format!("first named at {at}; give this condition its own name")),
            );
            return;
        }
        section.push(item);
    }

    fn add_scene(&mut self, scenes: &mut Vec<SceneItem>, file: usize, layer: usize, raw: Box<RawScene>) {
        let existing = self.scene_at.get(&raw.id.value).copied();
        match existing {
            Some(i) if scenes[i].layer < layer => {
                if raw.overrides {
                    let added = std::mem::take(&mut scenes[i].added);
                    scenes[i] = SceneItem {
                        file,
                        layer,
                        raw,
                        added,
                    };
                } else {
                    let (f, s) = (scenes[i].file, scenes[i].raw.id.span());
                    self.conflict("scene", file, &raw.id, f, s.as_ref());
                }
            }
            _ => {
                if raw.overrides {
                    self.nothing_to_override("scene", file, &raw.id);
                }
                self.scene_at.entry(raw.id.value.clone()).or_insert(scenes.len());
                scenes.push(SceneItem {
                    file,
                    layer,
                    raw,
                    added: Vec::new(),
                });
            }
        }
    }

    fn extend(&mut self, scenes: &mut [SceneItem], file: usize, extend: RawExtend) {
        if let Some(scene) = scenes.iter_mut().find(|s| s.raw.id.value == extend.scene.value) {
            scene.added.extend(extend.choices.into_iter().map(|c| (file, c)));
            return;
        }
        let help = match super::validate::closest(&extend.scene, scenes.iter().map(|s| s.raw.id.as_str())) {
            Some(s) => format!("did you mean '{s}'?"),
            None => "name a scene of the story this pack is layered on".into(),
        };
        self.diagnostics.push(
            Diagnostic::error(
                file,
                extend.scene.span(),
                format!("unknown scene '{}' to extend", extend.scene.value),
            )
            .label("no scene in the layers below has this id")
            .help(help),
        );
    }

    fn conflict(
        &mut self,
        kind: &str,
        file: usize,
        id: &Spanned,
        first: usize,
        first_span: Option<&Range<usize>>,
    ) {
        let at = where_is(self.files, first, first_span);
        self.diagnostics.push(
            Diagnostic::error(file, id.span(), format!("{kind} '{}' is already defined", id.value))
                .label("defined again here")
                .help(format!(
                    "first defined at {at}; give this {kind} its own id, or write `override: true` in it to replace that one"
                )),
        );
    }

    fn nothing_to_override(&mut self, kind: &str, file: usize, id: &Spanned) {
        self.diagnostics.push(
            Diagnostic::warning(
                file,
                id.span(),
                format!("{kind} '{}' overrides nothing", id.value),
            )
            .label("no earlier layer defines this id")
            .help("remove `override: true`, or check the id against the story this pack extends"),
        );
    }
}

/// `file:line:column` of a span, for notes that point at a second place.
pub(super) fn where_is(files: &[SourceFile], file: usize, span: Option<&Range<usize>>) -> String {
    let Some(source) = files.get(file) else {
        return String::from("?");
    };
    let (line, col) = line_column(&source.text, span.map_or(0, |s| s.start));
    format!("{}:{line}:{col}", source.name)
}
