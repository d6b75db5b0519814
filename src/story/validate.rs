//! Raw RON → validated [`Story`], reporting every problem at once.
//!
//! The validator keeps going after an error so that an author sees the whole list in
//! one run: a file that does not parse is reported and skipped, an unknown id is
//! reported and the rest of its scene is still checked.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::ops::Range;
use std::sync::Arc;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Report, Severity, SourceFile, offset_of};
use super::layers::{self, Merged, PackLayer, SceneItem, SceneList};
use super::lint;
use super::model::{
    Axis, Character, Choice, Condition, Effect, Ending, Era, Keepsake, Knowledge, Memory, Paragraph,
    Reflection, Scene, Story,
};
use super::raw::{Cmp, RawCharacter, RawCondition, RawEffect, RawManifest, RawMemory, RawPack};
use super::source::{Spanned, with_spans};

mod build;
mod scene;
mod slips;
mod symbols;
mod text;

use symbols::DeclTable;
pub(crate) use symbols::closest;

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
    v.base_files = base_end;
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
        // The hash reads every byte of every file: done beside the validation.
        let (hash, mut story) = alongside(
            || content_hash(&files),
            || {
                let (mut merged, problems) = layers::merge(&files, m, base_scenes, packs);
                v.diagnostics.extend(problems);
                v.build(&mut merged, &files)
            },
        );
        story.content_hash = hash;
        story
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
    /// Each file's name, shared by the scenes defined in it.
    file_names: Vec<Arc<str>>,
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
    /// Named conditions: name → (file, name as written, definition).
    named: HashMap<String, (usize, Spanned, RawCondition)>,
    /// The named conditions being expanded, outermost first (to catch cycles).
    expanding: Vec<String>,
    /// A cycle met while expanding quietly, reported by the definition being checked.
    cycle: Option<String>,
    /// How many files the base story has; later files belong to packs.
    base_files: usize,
    /// Byte offsets of the starts of lines, per file, built when first needed.
    line_starts: HashMap<usize, Vec<usize>>,
    /// Named conditions some scene, choice or reflection uses.
    used_conditions: HashSet<String>,
}

/// The chance rolls of one scene: one slot per `Chance`, and one per roll name.
#[derive(Default)]
struct ChanceSlots {
    count: usize,
    named: HashMap<String, usize>,
}

/// What a condition is being read for: chance rolls are only meaningful in scenes.
struct ConditionPlace<'a> {
    file: usize,
    chance_slots: Option<&'a mut ChanceSlots>,
    /// What a diagnostic about a chance roll points at (chance rolls carry no span).
    anchor: &'a Spanned,
}

impl<'f> Validator<'f> {
    fn new(files: &'f [SourceFile]) -> Self {
        Self {
            files,
            file_names: files.iter().map(|f| Arc::from(f.name.as_str())).collect(),
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
            named: HashMap::new(),
            expanding: Vec::new(),
            cycle: None,
            base_files: usize::MAX,
            line_starts: HashMap::new(),
            used_conditions: HashSet::new(),
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, file: usize) -> Option<T> {
        let parsed = parse_file(&self.files[file].text);
        self.parsed(file, parsed)
    }

    /// Takes in what [`parse_file`] made of `file`: the value, or its error reported.
    fn parsed<T>(&mut self, file: usize, parsed: Result<(T, bool), ron::error::SpannedError>) -> Option<T> {
        match parsed {
            Ok((value, aligned)) => {
                if !aligned {
                    self.unaligned.insert(file);
                }
                Some(value)
            }
            Err(e) => {
                let text = &self.files[file].text;
                let start = offset_of(text, e.span.start.line, e.span.start.col);
                let end = offset_of(text, e.span.end.line, e.span.end.col).max(start);
                self.diagnostics
                    .push(slips::describe(file, text, start..end, &e.code));
                None
            }
        }
    }

    /// Parses scene files, on several threads when there are many (each file is parsed
    /// on its own, and the results are taken in file order, so the report is the same).
    fn parse_scene_files(&mut self, range: Range<usize>) -> Vec<(usize, SceneList)> {
        let total = range.len();
        let files = &self.files[range.clone()];
        let parsed = parse_in_parallel(files);
        let lists: Vec<_> = range
            .zip(parsed)
            .filter_map(|(i, p)| self.parsed(i, p).map(|s| (i, s)))
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
        let mut d = Diagnostic::error(file, at.span(), message).label(label);
        if let Some(help) = help {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    fn where_is(&self, file: usize, span: Option<&Range<usize>>) -> String {
        layers::where_is(self.files, file, span)
    }
}

type Parsed<T> = Result<(T, bool), ron::error::SpannedError>;

/// Parses one file with literal spans: the value and whether the spans lined up.
fn parse_file<T: DeserializeOwned>(text: &str) -> Parsed<T> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let (result, aligned) = with_spans(text, || options.from_str::<T>(text));
    result.map(|value| (value, aligned))
}

/// Below this many bytes of scene files, one thread parses them all.
const PARALLEL_BYTES: usize = 256 * 1024;

/// Parses scene files, in order, on up to [`std::thread::available_parallelism`]
/// threads, each taking a run of consecutive files of about the same size.
fn parse_in_parallel(files: &[SourceFile]) -> Vec<Parsed<SceneList>> {
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len())
        .min(8);
    if threads < 2 || bytes < PARALLEL_BYTES {
        return files.iter().map(|f| parse_file(&f.text)).collect();
    }
    // Split into runs of about bytes / threads each.
    let per = bytes.div_ceil(threads);
    let mut runs: Vec<&[SourceFile]> = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, f) in files.iter().enumerate() {
        size += f.text.len();
        if size >= per {
            runs.push(&files[start..=i]);
            (start, size) = (i + 1, 0);
        }
    }
    if start < files.len() {
        runs.push(&files[start..]);
    }
    let parse_run =
        |run: &[SourceFile]| -> Vec<Parsed<SceneList>> { run.iter().map(|f| parse_file(&f.text)).collect() };
    std::thread::scope(|scope| {
        let workers: Vec<_> = runs
            .into_iter()
            .map(|run| {
                // The main thread's stack size, so a file parses alike on either.
                let worker = std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, move || parse_run(run));
                (run, worker)
            })
            .collect();
        workers
            .into_iter()
            .flat_map(
                |(run, worker)| match worker.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(parsed)) => parsed,
                    Ok(Err(panic)) => std::panic::resume_unwind(panic),
                    // No thread to be had: parse the run here.
                    Err(_) => parse_run(run),
                },
            )
            .collect()
    })
}

/// The stack of a loading thread (parsing, compiling): as much as a main thread has.
const WORKER_STACK: usize = 8 << 20;

/// Runs `side` on a thread of its own while `main` runs on this one, and returns what
/// both made; with no thread to be had, `side` runs here after `main`. A panic in
/// `side` goes on here.
fn alongside<A: Send, B>(side: impl Fn() -> A + Sync, main: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(WORKER_STACK)
            .spawn_scoped(scope, &side);
        let b = main();
        let a = match handle.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(a)) => a,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => side(),
        };
        (a, b)
    })
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

/// FNV-1a over every file's text, in load order: stable across machines and Rust
/// versions. Names are left out, so the same story read from another folder (or the
/// copy built into the binary) hashes the same.
fn content_hash(files: &[SourceFile]) -> u64 {
    super::compiled::fnv1a(files.iter().flat_map(|f| f.text.bytes().chain([0])))
}
