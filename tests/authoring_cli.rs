//! The authoring commands through the real binary, as an author types them.

mod common;

use std::process::{Command, Stdio};

use common::*;

fn run(args: &[&str], input: &str) -> (bool, String, String) {
    use std::io::Write;
    // Plays never write to the player's save folder.
    let mut args = args.to_vec();
    if args.first() == Some(&"play") {
        args.insert(1, "--no-save");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let _ = child.stdin.take().expect("stdin").write_all(input.as_bytes());
    let out = child.wait_with_output().expect("finishes");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const PACK: &str = "examples/service-station";
const MISTAKE: &str = "examples/phone-box";

#[test]
fn check_shows_the_pack_s_warnings_and_deny_warnings_fails_on_them() {
    let (ok, out, err) = run(&["check", "--story", PACK], "");
    assert!(ok, "{err}");
    assert!(out.contains("ok: no problems found"), "{out}");
    assert!(
        err.contains("warnings in the built-in story not shown") || err.is_empty(),
        "{err}"
    );

    let (ok, _, err) = run(&["check", "--story", PACK, "--story", MISTAKE], "");
    assert!(ok, "warnings alone do not fail: {err}");
    assert!(
        err.contains("warning: flag 'rang_the_centre' is read but never set"),
        "{err}"
    );
    assert!(err.contains("examples/phone-box/phone_box.ron:16:28"), "{err}");
    assert!(err.contains("help: did you mean 'rang_centre'?"), "{err}");

    let (ok, _, err) = run(
        &["check", "--deny-warnings", "--story", PACK, "--story", MISTAKE],
        "",
    );
    assert!(!ok);
    assert!(
        err.contains("error: flag 'rang_the_centre' is read but never set"),
        "{err}"
    );
}

#[test]
fn walk_and_graph_find_the_planted_mistake() {
    let (ok, out, err) = run(&["walk", "--explore", "--story", PACK, "--story", MISTAKE], "");
    assert!(ok, "{err}");
    assert!(out.contains("Scenes never reached (1): second_call"), "{out}");
    assert!(out.contains("phone_box/ring_again"), "{out}");

    let dir = TempDir::new("cov");
    let (ok, json, err) = run(
        &[
            "walk", "--runs", "200", "--json", "--story", PACK, "--story", MISTAKE,
        ],
        "",
    );
    assert!(ok, "{err}");
    let cov = dir.path().join("cov.json");
    std::fs::write(&cov, json).expect("write");
    let cov = cov.to_str().expect("utf-8");
    let (ok, dot, err) = run(
        &["graph", "--story", PACK, "--story", MISTAKE, "--coverage", cov],
        "",
    );
    assert!(ok, "{err}");
    assert!(
        dot.contains("\"second_call\" [label=\"A second call\\n(second_call)\\nnever reached\""),
        "{dot}"
    );
    let (ok, mermaid, _) = run(&["graph", "--format", "mermaid", "--story", PACK], "");
    assert!(ok && mermaid.starts_with("flowchart TD"));
}

#[test]
fn walk_exits_non_zero_on_problems_and_says_how_to_repeat_them() {
    let dir = TempDir::new("stuck").with_example();
    let scenes = std::fs::read_to_string(dir.path().join("carer/drive.ron")).expect("read");
    dir.write(
        "carer/drive.ron",
        &scenes.replacen(
            "Choice(id: \"go\", label: \"Start the engine\", to: \"home\")",
            "Choice(id: \"go\", label: \"Start the engine\", when: Flag(\"nope\"), to: \"home\")",
            1,
        ),
    );
    let story = dir.path().to_str().expect("utf-8");
    let (ok, out, err) = run(&["walk", "--runs", "50", "--seed", "4", "--story", story], "");
    assert!(!ok);
    assert!(err.contains("the walk found"), "{err}");
    assert!(out.contains("stuck in scene 'talk'"), "{out}");
    assert!(
        out.contains(&format!(
            "repeat it: hailsham walk --story {story} --runs 1 --seed "
        )),
        "{out}"
    );
    let (ok, _, _) = run(&["walk", "--runs", "50", "--story", "docs/example"], "");
    assert!(ok);
}

#[test]
fn play_warps_to_a_scene_with_a_state_and_inspects_it() {
    let args = [
        "play",
        "--plain",
        "--story",
        "docs/example",
        "--scene",
        "talk",
        "--set",
        "flag.asked=true",
        "--set",
        "tommy.closeness=2",
    ];
    let (ok, out, err) = run(&args, "i\n");
    assert!(ok, "{err}");
    assert!(out.contains("== Talk =="), "{out}");
    assert!(out.contains("He laughs at something I say"), "{out}");
    assert!(out.contains("  1. Start the engine\n"), "{out}");
    assert!(!out.contains("2. "), "'again' is hidden: {out}");
    assert!(out.contains("[hidden: its condition fails]"), "{out}");

    let (ok, _, err) = run(
        &[
            "play",
            "--plain",
            "--story",
            "docs/example",
            "--set",
            "ruth.trust=1",
        ],
        "",
    );
    assert!(!ok);
    assert!(err.contains("unknown name 'ruth.trust'"), "{err}");
    let (ok, _, err) = run(&["play", "--plain", "--watch"], "");
    assert!(!ok);
    assert!(err.contains("--watch needs --story DIR"), "{err}");
}

#[test]
fn play_layers_the_example_pack_on_the_built_in_story() {
    let (ok, out, err) = run(
        &["play", "--plain", "--story", PACK, "--scene", "carer_frame_open"],
        "2\n1\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("Pull in at the services first"), "{out}");
    assert!(out.contains("== The services =="), "{out}");
    assert!(out.contains("* Remembered: Tea at the services (warm)"), "{out}");
}
