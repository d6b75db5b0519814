//! The engine core at scale (issue 14), on the large story of
//! `examples/large_story` (10,000 scenes, about 900,000 words, 100 files):
//!
//! - `load`: what `hailsham check` runs, from sources in memory (parse, validate, lint),
//!   and the whole command's work from disk (read, load, control warnings, summary);
//! - `naive`: the yardstick, a plain serde + ron parse of the same files with no
//!   validation, into `ron::Value` and into the raw structs;
//! - `walk`: `walk::random` on the large story, as runs/s and as choices/s;
//! - `start`: the built-in story from nothing to its first scene (goal: under 20 ms).
//!
//! `cargo bench --bench scale`; one group alone with e.g. `cargo bench --bench scale -- load`.
//! Sample sizes are small: the large story takes tens of milliseconds a load.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use hailsham::story::raw::{RawManifest, RawScene};
use hailsham::story::{self, SourceFile, StorySources};
use hailsham::walk::{self, WalkOptions};
use hailsham::{check, engine};

#[path = "../examples/large_story/generate.rs"]
mod generate;

/// The large story's files as `hailsham check` reads them: the manifest, then the scene
/// files sorted by name.
fn large_sources(root: &str) -> StorySources {
    let mut files: Vec<SourceFile> = generate::story(generate::DEFAULT_SCENES)
        .into_iter()
        .map(|f| SourceFile {
            name: format!("{root}/{}", f.path),
            text: f.text,
        })
        .collect();
    let manifest = files.remove(0);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    StorySources {
        manifest,
        scene_files: files,
        packs: Vec::new(),
    }
}

fn write_story(dir: &Path) {
    for file in generate::story(generate::DEFAULT_SCENES) {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder for the large story");
        }
        std::fs::write(&path, &file.text).expect("the large story written");
    }
}

fn load(c: &mut Criterion) {
    let sources = large_sources("large");
    let mut group = c.benchmark_group("load");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    group.bench_function("load+validate+lint 10,000 scenes, from memory", |b| {
        b.iter_batched(
            || sources.clone(),
            |s| story::load(black_box(s)),
            BatchSize::LargeInput,
        );
    });
    let tmp = tempfile::tempdir().expect("a temporary folder");
    write_story(tmp.path());
    group.bench_function(
        "check 10,000 scenes from disk (read, load, controls, summary)",
        |b| {
            b.iter(|| {
                let sources = story::read_dir(black_box(tmp.path())).expect("the large story reads");
                let mut loaded = story::load(sources).expect("the large story loads");
                let controls = check::control_warnings(&loaded.report);
                loaded.report.diagnostics.extend(controls);
                (loaded.report.render(), check::summary(&loaded))
            });
        },
    );
    group.finish();
}

fn naive(c: &mut Criterion) {
    let sources = large_sources("large");
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut group = c.benchmark_group("naive");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    group.bench_function("serde+ron parse of the same files into ron::Value", |b| {
        b.iter(|| {
            let manifest: ron::Value = options.from_str(&sources.manifest.text).expect("RON");
            let scenes: Vec<ron::Value> = sources
                .scene_files
                .iter()
                .map(|f| options.from_str(&f.text).expect("RON"))
                .collect();
            (manifest, scenes)
        });
    });
    // Not naive: the raw structs need the loader's lexer for literal spans and the
    // words serde does not pass on (If, ElseIf, Else, Back). This is the loader's parse
    // alone, without validation.
    group.bench_function("the loader's parse alone: raw structs with spans", |b| {
        b.iter(|| {
            let manifest: Result<RawManifest, _> = with_spans(&options, &sources.manifest.text);
            let scenes: Vec<Result<Vec<Box<RawScene>>, _>> = sources
                .scene_files
                .iter()
                .map(|f| with_spans(&options, &f.text))
                .collect();
            assert!(manifest.is_ok() && scenes.iter().all(Result::is_ok));
            (manifest, scenes)
        });
    });
    group.finish();
}

fn with_spans<T: serde::de::DeserializeOwned>(
    options: &ron::Options,
    text: &str,
) -> ron::error::SpannedResult<T> {
    story::source::with_spans(text, || options.from_str(text)).0
}

fn walks(c: &mut Criterion) {
    let Ok(large) = story::load(large_sources("large")) else {
        panic!("the large story loads");
    };
    let options = WalkOptions {
        runs: 1000,
        seed: 0,
        max_steps: 1000,
        threads: 1,
    };
    let report = walk::random(&large.story, options);
    let choices: u64 = report.choices.values().map(|c| c.visits).sum();
    let mut group = c.benchmark_group("walk");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(1000));
    group.bench_function("1000 random runs of 10,000 scenes, 1 thread (runs/s)", |b| {
        b.iter(|| walk::random(black_box(&large.story), options));
    });
    group.throughput(Throughput::Elements(choices));
    group.bench_function(
        format!("1000 random runs of 10,000 scenes, 1 thread ({choices} choices, choices/s)"),
        |b| b.iter(|| walk::random(black_box(&large.story), options)),
    );
    // The engine's step bench goes here: one `engine` step in place on the large
    // story, its cost flat in the length of the playthrough (issue 14).
    group.finish();
}

fn start(c: &mut Criterion) {
    c.bench_function("start: the built-in story loaded, at its first scene", |b| {
        b.iter(|| {
            let loaded = story::load_embedded().expect("the built-in story loads");
            engine::start(&loaded.story, black_box(1)).map(|_| loaded.story.scenes.len())
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = load, naive, walks, start
}
/// The binary's allocator, so that the figures are the ones a player and an author see.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

criterion_main!(benches);
