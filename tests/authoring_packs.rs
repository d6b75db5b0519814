//! Story packs: layering, additions, Extend, override, conflicts, and the shipped example.

mod common;

use common::*;
use hailsham::story::{self, Severity};
use hailsham::walk::{self, WalkOptions};

const SIDE_SCENE: &str = r#"[
    Scene(id: "verge", era: "carer", title: "The verge", text: ["Cow parsley."],
        choices: [Choice(id: "on", label: "On", effects: [Remember("the_verge", "warm")], to: "home")]),
]"#;

const SIDE_PACK: &str = r#"Pack(
    id: "verge",
    memories: [Memory(id: "the_verge", title: "The verge", era: "carer", summary: "We stopped.")],
    extend: [Extend(scene: "lay_by", choices: [Choice(id: "to_verge", label: "Walk on the verge", to: "verge")])],
)"#;

#[test]
fn a_pack_adds_a_scene_a_memory_and_a_choice_to_an_existing_scene() {
    let mut sources = example_sources();
    sources.packs.push(pack(SIDE_PACK, &[SIDE_SCENE]));
    let loaded = story::load(sources).unwrap_or_else(|r| panic!("{}", r.render()));
    assert!(loaded.report.diagnostics.is_empty(), "{}", loaded.report.render());
    let s = &loaded.story;
    assert!(s.scene("verge").is_some());
    assert!(s.memory("the_verge").is_some());
    let lay_by = s.scene("lay_by").expect("lay_by");
    assert_eq!(lay_by.choices.last().map(|c| c.id.as_str()), Some("to_verge"));
    assert_eq!(s.packs, vec!["verge".to_owned()]);
}

#[test]
fn the_content_hash_covers_every_layer() {
    let base = story::load(example_sources()).expect("loads").story.content_hash;
    let mut sources = example_sources();
    sources.packs.push(pack(SIDE_PACK, &[SIDE_SCENE]));
    let layered = story::load(sources).expect("loads").story.content_hash;
    let mut sources = example_sources();
    sources.packs.push(pack(
        SIDE_PACK,
        &[&SIDE_SCENE.replace("Cow parsley.", "Nettles.")],
    ));
    let edited = story::load(sources).expect("loads").story.content_hash;
    assert_ne!(base, layered);
    assert_ne!(layered, edited);
}

#[test]
fn defining_an_id_again_without_override_names_both_places() {
    let clash = r#"[Scene(id: "talk", era: "carer", title: "Again", text: ["x"], ending: "home")]"#;
    let mut sources = example_sources();
    sources.packs.push(pack(r#"Pack(id: "p")"#, &[clash]));
    let report = load_err(sources);
    assert_at(
        &report,
        "scene 'talk' is already defined",
        "pack/scenes0.ron",
        1,
        12,
    );
    let d = report.errors().next().expect("error");
    let help = d.help.clone().unwrap_or_default();
    assert!(help.contains("drive.ron:29:13"), "{help}");
    assert!(help.contains("override: true"), "{help}");
}

#[test]
fn override_replaces_a_scene_and_keeps_choices_added_by_packs() {
    let replaced = r#"[Scene(id: "lay_by", era: "carer", title: "A lay-by, rewritten", text: ["Rain."],
        choices: [Choice(id: "go", label: "Go", effects: [Remember("the_lay_by", "warm"), Gain("flask")], to: "talk")],
        override: true)]"#;
    let mut sources = example_sources();
    sources.packs.push(pack(SIDE_PACK, &[SIDE_SCENE]));
    sources.packs.push(pack(r#"Pack(id: "rewrite")"#, &[replaced]));
    let loaded = story::load(sources).unwrap_or_else(|r| panic!("{}", r.render()));
    let lay_by = loaded.story.scene("lay_by").expect("lay_by");
    assert_eq!(lay_by.title, "A lay-by, rewritten");
    assert!(lay_by.file.starts_with("pack/"));
    let ids: Vec<_> = lay_by.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["go", "to_verge"]);
    assert_eq!(loaded.story.scenes.len(), 4);
}

#[test]
fn override_of_nothing_is_a_warning_and_extend_of_an_unknown_scene_an_error() {
    let lonely =
        r#"Pack(id: "p", keepsakes: [Keepsake(id: "new", name: "N", description: "D", override: true)])"#;
    let mut sources = example_sources();
    sources.packs.push(pack(lonely, &[]));
    let report = match story::load(sources) {
        Ok(l) => l.report,
        Err(r) => r,
    };
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message == "keepsake 'new' overrides nothing")
        .expect("warning");
    assert_eq!(d.severity, Severity::Warning);

    let typo = r#"Pack(id: "p", extend: [Extend(scene: "tlak", choices: [Choice(id: "x", label: "X", to: "home")])])"#;
    let mut sources = example_sources();
    sources.packs.push(pack(typo, &[]));
    let report = load_err(sources);
    assert_at(&report, "unknown scene 'tlak' to extend", "pack/pack.ron", 1, 38);
    assert_eq!(
        report.errors().next().and_then(|d| d.help.as_deref()),
        Some("did you mean 'talk'?")
    );
}

#[test]
fn errors_in_a_pack_point_into_the_pack() {
    let bad = r#"[Scene(id: "verge", era: "carer", title: "V", text: ["x"], choices: [Choice(id: "c", label: "C", effects: [Gain("thermos")], to: "home")])]"#;
    let mut sources = example_sources();
    sources.packs.push(pack(r#"Pack(id: "p")"#, &[bad]));
    let report = load_err(sources);
    let col = bad.find("\"thermos\"").expect("literal") + 1;
    assert_at(&report, "unknown keepsake 'thermos'", "pack/scenes0.ron", 1, col);
}

#[test]
fn read_layers_puts_a_lone_pack_on_the_built_in_story_and_refuses_a_second_story() {
    let dir = examples_dir().join("service-station");
    assert!(story::implies_builtin(std::slice::from_ref(&dir)));
    let sources = story::read_layers(std::slice::from_ref(&dir)).expect("reads");
    assert_eq!(sources.packs.len(), 1);
    assert!(sources.manifest.name.starts_with("story/"));

    let err = story::read_layers(&[example_dir(), example_dir()]).expect_err("two stories");
    assert!(
        err.to_string().contains("only the first --story may be one"),
        "{err}"
    );
}

#[test]
fn the_example_pack_loads_on_the_built_in_story_and_its_scene_is_reachable() {
    let dir = examples_dir().join("service-station");
    let sources = story::read_layers(&[dir]).expect("reads");
    let base_files = sources.base_files();
    let loaded = story::load(sources).unwrap_or_else(|r| panic!("{}", r.render()));
    let in_pack: Vec<_> = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.file >= base_files)
        .collect();
    assert!(in_pack.is_empty(), "{}", loaded.report.render());
    // The full story has far more distinct states than an exhaustive search can visit,
    // so random playthroughs: the pack's way in is one of two choices in its scene.
    let report = walk::random(
        &loaded.story,
        WalkOptions {
            runs: 400,
            seed: 1,
            max_steps: 1000,
            threads: 2,
        },
    );
    assert!(
        report.scenes["services"].visits > 0,
        "the pack's scene is never reached"
    );
    assert!(report.choices["carer_frame_open/stop_at_the_services"].visits > 0);
    assert!(report.problems.is_empty(), "{report}");
}
