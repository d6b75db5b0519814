//! The built binary in plain mode, driven by piped input as a script would.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (bool, String, String) {
    // A save folder of its own, so that tests never write to the player's.
    let saves = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(args)
        .env("HAILSHAM_SAVE_DIR", saves.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let out = child.wait_with_output().expect("the binary finishes");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_scripted_playthrough_of_the_example_reaches_its_ending() {
    let dir = common::example_dir();
    let dir = dir.to_str().expect("utf-8 path");
    let (ok, out, err) = run(
        &["play", "--plain", "--seed", "1", "--story", dir],
        "1\nr\n1\n1\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("== A lay-by =="));
    assert!(out.contains("* Remembered: The lay-by (warm)"));
    assert!(out.contains("Recollections"));
    assert!(out.contains("THE END: Home Before Dark"), "{out}");
    assert!(!out.contains('\u{1b}'), "plain mode prints no escape codes");
}

#[test]
fn bad_input_is_answered_and_end_of_input_exits_cleanly() {
    let dir = common::example_dir();
    let (ok, out, _) = run(
        &["play", "--plain", "--story", dir.to_str().expect("utf-8")],
        "9\nhello\n0\n",
    );
    assert!(ok);
    assert_eq!(
        out.matches("Type a number from 1 to 2, or 'help'.").count(),
        3,
        "{out}"
    );
    assert!(out.contains("(End of input.)"));
}

#[test]
fn the_default_story_plays_from_start_to_an_ending() {
    // Always take the first choice offered; the story must end within 500 steps.
    let (ok, out, err) = run(&["--plain", "--seed", "7"], &"1\n".repeat(500));
    assert!(ok, "{err}");
    assert!(out.contains("THE END: "), "no ending reached:\n{out}");
}

#[test]
fn check_passes_on_the_default_story_and_fails_on_a_broken_one() {
    let (ok, out, _) = run(&["check"], "");
    assert!(ok);
    assert!(out.contains(" scenes, "));

    let dir = common::TempDir::new("broken").with_example();
    let scenes = std::fs::read_to_string(dir.path().join("carer/drive.ron")).expect("read");
    dir.write(
        "carer/drive.ron",
        &scenes.replacen("to: \"home\"", "to: \"hme\"", 1),
    );
    let story = dir.path().to_str().expect("utf-8");
    let (ok, _, err) = run(&["check", "--story", story], "");
    assert!(!ok);
    assert!(err.contains("error: unknown scene 'hme'"), "{err}");
    assert!(err.contains("carer/drive.ron:"), "{err}");
    assert!(err.contains("help: did you mean 'home'?"), "{err}");
}
