//! The author's tools from issue 16: `hailsham scenes`, walk's repeat commands with
//! their `--story` arguments, saves that record their packs, and `--set` naming the
//! character's axes.

mod common;

use std::process::Command;

use common::*;
use hailsham::replay::Migrations;
use hailsham::session::Session;
use hailsham::story;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn scenes_lists_every_scene_with_its_place_and_choices() {
    let (ok, out, err) = run(&["scenes", "--story", "docs/example"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("lay_by  [carer, now]  \"A lay-by\"  docs/example/carer/drive.ron:3"),
        "{out}"
    );
    assert!(
        out.contains("    again -> talk  \"Ask him about the rumour\"  (conditional)  (once)"),
        "{out}"
    );
    assert!(out.contains("    ends: home"), "{out}");
    let (ok, out, _) = run(&["scenes", "--story", "examples/service-station"]);
    assert!(ok);
    assert!(
        out.contains("    stop_at_the_services -> services"),
        "a pack's Extend shows: {out}"
    );
}

#[test]
fn walk_repeat_commands_carry_the_story_arguments() {
    let dir = TempDir::new("walk-repro").with_example();
    let text = std::fs::read_to_string(dir.path().join("carer/drive.ron")).expect("read");
    dir.write(
        "carer/drive.ron",
        &text
            .replacen(
                r#"Choice(id: "go", label: "Start the engine", to: "home"),"#,
                r#"Choice(id: "go", label: "Start the engine", to: "home"),
            Choice(id: "stall", label: "Stall", to: "stalled"),"#,
                1,
            )
            .replacen(
                "\n]",
                r#"
    Scene(id: "stalled", era: "carer", frame: true, title: "Stalled", text: ["The engine dies."],
        choices: [Choice(id: "wait", label: "Wait", when: Flag("never"), to: "home")]),
]"#,
                1,
            ),
    );
    let story_dir = dir.path().display().to_string();
    let (ok, out, _) = run(&["walk", "--story", &story_dir, "--runs", "20"]);
    assert!(!ok, "a stuck run is a problem");
    assert!(
        out.contains(&format!(
            "repeat it: hailsham walk --story {story_dir} --runs 1 --seed"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "or play it: hailsham play --story {story_dir} --plain --seed"
        )),
        "{out}"
    );
}

#[test]
fn a_save_records_its_packs_and_loading_it_without_them_names_the_pack() {
    let mut sources = example_sources();
    sources.packs.push(pack(
        r#"Pack(id: "detour", extend: [Extend(scene: "lay_by", choices: [Choice(id: "detour", label: "Take the long way", to: "long_way")])])"#,
        &[r#"[Scene(id: "long_way", era: "carer", frame: true, title: "The long way", text: ["Fields."], choices: [Choice(id: "on", label: "On", to: "talk")])]"#],
    ));
    let with_pack = story::load(sources).expect("loads").story;
    let mut session = Session::new(with_pack, 3).expect("starts");
    session.choose("detour").expect("the pack's choice");
    let save = session.to_save(0);
    assert_eq!(save.story.packs, vec!["detour".to_owned()]);
    let text = hailsham::save::to_text(&save).expect("serialises");
    assert!(
        text.contains("packs: [\n            \"detour\",\n        ],"),
        "{text}"
    );
    let restored = Session::from_save(example().story, &save, &Migrations::default()).expect("restores");
    let message = restored.notice.expect("a notice").message();
    assert!(
        message.starts_with("This save was played with the pack 'detour', not loaded now"),
        "{message}"
    );
    assert!(message.contains("--story"), "{message}");
    // A save of the story alone writes no packs field, as before.
    let plain = Session::new(example().story, 3).expect("starts").to_save(0);
    assert!(
        !hailsham::save::to_text(&plain)
            .expect("serialises")
            .contains("packs")
    );
}

#[test]
fn set_with_an_unknown_axis_lists_the_character_s_axes() {
    let (ok, _, err) = run(&[
        "play",
        "--plain",
        "--no-save",
        "--story",
        "docs/example",
        "--scene",
        "talk",
        "--set",
        "tommy.trust=1",
    ]);
    assert!(!ok);
    assert!(err.contains("the axes of 'tommy' are: closeness"), "{err}");
}

#[test]
fn walk_explore_lists_unshown_text_and_deny_warnings_fails_on_it() {
    let (ok, out, err) = run(&["walk", "--explore", "--story", "docs/forms"]);
    assert!(ok, "{err}");
    assert!(out.contains("Text never shown (1):"), "{out}");
    assert!(
        out.contains("docs/forms/school/art_room.ron:22:47: {close_to_ruth ? …} when it holds"),
        "{out}"
    );
    let (ok, _, err) = run(&["walk", "--explore", "--deny-warnings", "--story", "docs/forms"]);
    assert!(!ok);
    assert!(err.contains("the walk found 1 problem"), "{err}");
    let (ok, out, _) = run(&[
        "walk",
        "--explore",
        "--deny-warnings",
        "--story",
        "examples/every-form",
    ]);
    assert!(ok, "{out}");
    assert!(out.contains("Text never shown: none"), "{out}");
}
