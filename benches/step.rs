//! One step of the engine, alone: on the built-in story, and deep into a playthrough
//! that never ends, to show that a step costs the same at choice 10 and at choice
//! 100,000 (the state is stepped in place and holds no log). Also a player's choice
//! through a `Session`, which adds the timeline and the state's fingerprint.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use hailsham::engine::{self, core};
use hailsham::session::Session;
use hailsham::story::{self, SourceFile, Story, StorySources};

/// Two scenes that lead to each other for ever, with a flag, a memory, a relationship
/// and a visit count changing on the way.
fn endless() -> Story {
    let manifest = r#"Story(id: "loop", title: "Loop", start: "a",
        eras: [Era(id: "e", title: "E")],
        characters: [Character(id: "ruth", name: "Ruth", axes: [Axis(id: "trust", min: -5, max: 5)])],
        tones: ["warm", "sore"],
        memories: [Memory(id: "m", title: "M", era: "e", summary: "S")],
        endings: [Ending(id: "end", title: "End")])"#;
    let scenes = r#"[
        Scene(id: "a", era: "e", title: "A", text: ["Here.", If(Flag("f"), "Again.")],
            choices: [
                Choice(id: "on", label: "On", effects: [Set("f"), Remember("m", "warm"), Adjust("ruth", "trust", 1)], to: "b"),
                Choice(id: "stop", label: "Stop", when: Visits("a", Gt, 1000000000), to: "z"),
            ]),
        Scene(id: "b", era: "e", title: "B", text: ["There."],
            choices: [
                Choice(id: "back", label: "Back", effects: [Clear("f"), Remember("m", "sore"), Adjust("ruth", "trust", -1)], to: "a"),
            ]),
        Scene(id: "z", era: "e", title: "Z", text: ["End."], ending: "end"),
    ]"#;
    let sources = StorySources {
        manifest: SourceFile {
            name: "loop/story.ron".into(),
            text: manifest.into(),
        },
        scene_files: vec![SourceFile {
            name: "loop/scenes.ron".into(),
            text: scenes.into(),
        }],
        packs: Vec::new(),
    };
    match story::load(sources) {
        Ok(loaded) => loaded.story,
        Err(report) => panic!("the endless story loads: {}", report.render()),
    }
}

fn bench(c: &mut Criterion) {
    let Ok(builtin) = story::load_embedded() else {
        panic!("the built-in story loads");
    };
    let builtin = builtin.story;
    let Ok(start) = engine::begin_at(&builtin, 1, &builtin.start, &mut ()) else {
        panic!("the built-in story starts");
    };
    c.bench_function("step: one choice, built-in story", |b| {
        let mut state = start.clone();
        b.iter(|| {
            if state.ending.is_some() {
                state.copy_from(&start);
            }
            let position = core::offered(builtin.plan(), &state).last().unwrap_or(0);
            black_box(core::step(&builtin, &mut state, position, &mut ())).ok();
        });
    });
    let endless = endless();
    for depth in [10u32, 100_000] {
        let Ok(mut state) = engine::begin_at(&endless, 1, "a", &mut ()) else {
            panic!("the endless story starts");
        };
        while state.step < depth {
            core::step(&endless, &mut state, 0, &mut ()).ok();
        }
        c.bench_function(&format!("step: one choice at choice {depth}"), |b| {
            b.iter(|| black_box(core::step(&endless, &mut state, 0, &mut ())).ok());
        });
    }
    c.bench_function("session: one player's choice, built-in story", |b| {
        let fresh = || Session::new(builtin.clone(), 1).ok();
        let mut session = fresh();
        b.iter(|| {
            let Some(s) = session.as_mut() else { return };
            if s.ending().is_some() {
                session = fresh();
                return;
            }
            let last = s.offered().len().saturating_sub(1);
            black_box(s.choose_offered(last)).ok();
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
/// The binary's allocator, so that the figures are the ones a player and an author see.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

criterion_main!(benches);
