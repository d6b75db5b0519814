//! examples/every-form: a small story with every form of the language, written from
//! the guide alone. It loads clean, every walk finds nothing wrong and every piece of
//! its text shows somewhere, its shuffle replays exactly, and plain mode reads it as
//! in tests/transcripts/every-form-seed-5.txt.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use hailsham::replay::{self, Migrations};
use hailsham::session::Session;
use hailsham::story::{self, Story};
use hailsham::walk::{self, ExploreOptions, WalkOptions};

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/every-form")
}

fn story() -> Story {
    let loaded =
        story::load(story::read_dir(&dir()).expect("readable")).unwrap_or_else(|r| panic!("{}", r.render()));
    assert!(loaded.report.diagnostics.is_empty(), "{}", loaded.report.render());
    loaded.story
}

#[test]
fn it_loads_without_a_warning_and_every_walk_finds_nothing_wrong() {
    let story = story();
    let explored = walk::explore(
        &story,
        &ExploreOptions {
            seed: 0,
            max_states: 100_000,
            max_steps: 200,
        },
    );
    assert_eq!(explored.problem_total(), 0, "{explored}");
    assert!(explored.texts_never_shown.is_empty(), "{explored}");
    assert!(!explored.truncated);
    let random = walk::random(
        &story,
        WalkOptions {
            runs: 300,
            seed: 1,
            max_steps: 200,
            threads: 1,
        },
    );
    assert_eq!(random.problem_total(), 0, "{random}");
    assert!(random.scenes.values().all(|c| c.runs > 0), "{random}");
}

#[test]
fn a_save_with_shuffles_and_back_verifies_exactly() {
    let story = story();
    let mut session = Session::new(story.clone(), 11).expect("starts");
    for c in [
        "joke",
        "ask",
        "thank_him",
        "pier",
        "ask_from_pier",
        "thank_him",
        "sore",
    ] {
        session.choose(c).unwrap_or_else(|e| panic!("{c}: {e}"));
    }
    let save = session.to_save(0);
    let verified = replay::verify(&story, &save, &Migrations::default()).expect("fits");
    assert_eq!(verified.state, save.state);
    let restored = Session::from_save(story, &save, &Migrations::default()).expect("restores");
    assert!(restored.notice.is_none());
    assert_eq!(restored.session.state(), session.state());
}

#[test]
fn plain_mode_reads_it_as_the_transcript_says() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(["play", "--plain", "--no-save", "--story"])
        .arg(dir())
        .args(["--seed", "5"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let _ = child.stdin.take().expect("stdin").write_all(b"1\n2\n1\n1\n2\n");
    let out = child.wait_with_output().expect("finishes");
    let text = String::from_utf8_lossy(&out.stdout);
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts/every-form-seed-5.txt"),
    )
    .expect("the transcript");
    assert_eq!(text, expected);
    // Emphasis is read as the words alone, and the escapes as the characters.
    assert!(text.contains("the sea is right there, grey"));
    assert!(!text.contains("*right"));
    assert!(text.contains("* like that, and someone has added { and } either side."));
}
