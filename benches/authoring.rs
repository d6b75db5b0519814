//! Loading and walking: the built-in story, and a generated story of the real one's
//! size (75 scenes in three eras, three choices each, conditions and effects), since
//! `walk --runs 10000` on the full story must stay quick.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use hailsham::story::{self, SourceFile, StorySources};
use hailsham::walk::{self, ExploreOptions, WalkOptions};

/// A story of `n` scenes: scene i offers a step on, a conditional skip and a side
/// trip; every tenth scene sets a flag and moves a relationship.
fn generated(n: usize) -> StorySources {
    let manifest = r#"Story(id: "big", title: "Big", start: "s0",
        eras: [Era(id: "a", title: "A"), Era(id: "b", title: "B"), Era(id: "c", title: "C")],
        characters: [Character(id: "ruth", name: "Ruth", axes: [Axis(id: "trust", min: -5, max: 5)])],
        tones: ["warm", "sore"],
        memories: [Memory(id: "m", title: "M", era: "a", summary: "S")],
        endings: [Ending(id: "end", title: "End")])"#;
    let era = |i: usize| ["a", "b", "c"][i * 3 / n];
    let text = "A paragraph of some forty words, roughly the length a scene of the story has, \
                repeated so that counting words costs what it would in the real thing. "
        .repeat(3);
    let mut scenes = String::from("[\n");
    for i in 0..n {
        let next = i + 1;
        if next >= n {
            scenes.push_str(&format!(
                "Scene(id: \"s{i}\", era: \"{}\", title: \"S\", text: [\"{text}\"], ending: \"end\"),\n",
                era(i)
            ));
            continue;
        }
        let skip = (i + 2).min(n - 1);
        let side = if era(i) == era(next) { next } else { i };
        scenes.push_str(&format!(
            "Scene(id: \"s{i}\", era: \"{}\", title: \"S\", text: [\"{text}\", If(Flag(\"f\"), \"{text}\")],
               effects: [{}],
               choices: [
                 Choice(id: \"on\", label: \"On\", effects: [Remember(\"m\", \"warm\")], to: \"s{next}\"),
                 Choice(id: \"skip\", label: \"Skip\", when: Rel(\"ruth\", \"trust\", Ge, 1), to: \"s{skip}\"),
                 Choice(id: \"side\", label: \"Side\", when: Not(Flag(\"g{i}\")), effects: [Set(\"g{i}\")], to: \"s{side}\"),
               ]),\n",
            era(i),
            if i % 10 == 0 { "Set(\"f\"), Adjust(\"ruth\", \"trust\", 1)" } else { "" },
        ));
    }
    scenes.push(']');
    StorySources {
        manifest: SourceFile {
            name: "big/story.ron".into(),
            text: manifest.into(),
        },
        scene_files: vec![SourceFile {
            name: "big/scenes.ron".into(),
            text: scenes,
        }],
        packs: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let big = generated(75);
    let Ok(big_story) = story::load(big.clone()) else {
        panic!("the generated story loads");
    };
    let Ok(builtin) = story::load_embedded() else {
        panic!("the built-in story loads");
    };
    c.bench_function("load the built-in story", |b| {
        b.iter(|| story::load(black_box(story::embedded_sources())));
    });
    c.bench_function("load a 75-scene story", |b| {
        b.iter(|| story::load(black_box(big.clone())));
    });
    let walk = |runs| WalkOptions {
        runs,
        seed: 0,
        max_steps: 1000,
        threads: 1,
    };
    c.bench_function("walk 1000 runs, built-in story, 1 thread", |b| {
        b.iter(|| walk::random(black_box(&builtin.story), walk(1000)));
    });
    c.bench_function("walk 1000 runs, 75 scenes, 1 thread", |b| {
        b.iter(|| walk::random(black_box(&big_story.story), walk(1000)));
    });
    let explore = ExploreOptions {
        seed: 0,
        max_states: 200_000,
        max_steps: 1000,
    };
    c.bench_function("explore the built-in story", |b| {
        b.iter(|| walk::explore(black_box(&builtin.story), &explore));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
/// The binary's allocator, so that the figures are the ones a player and an author see.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

criterion_main!(benches);
