//! The binary with saves: play, save, quit, come back, undo, branch, read the history,
//! list the slots, replay; and a damaged save that must not crash or cost anything.
//! Every run uses a temporary save folder.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

struct Run {
    ok: bool,
    out: String,
    err: String,
}

fn run(saves: &Path, args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(args)
        .env("HAILSHAM_SAVE_DIR", saves)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        ok: out.status.success(),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn example() -> String {
    common::example_dir().to_str().unwrap().to_owned()
}

#[test]
fn save_quit_come_back_undo_branch_and_read_the_history() {
    let tmp = tempfile::tempdir().unwrap();
    let story = example();
    let play = ["play", "--plain", "--seed", "3", "--story", &story];
    let first = run(tmp.path(), &play, "1\nsave 4\nquit\n");
    assert!(first.ok, "{}", first.err);
    assert!(
        first.out.contains("Saved to slot 4 (step 1: Talk)."),
        "{}",
        first.out
    );
    assert!(tmp.path().join("slot4.ron").is_file() && tmp.path().join("auto.ron").is_file());

    let list = run(tmp.path(), &["saves", "--story", &story], "");
    assert!(list.out.contains("    4  "), "{}", list.out);
    assert!(list.out.contains("step 1: Talk"), "{}", list.out);

    let load = ["play", "--plain", "--load", "4", "--story", &story];
    let back = run(tmp.path(), &load, "undo\n2\ntimeline\nhistory\nundo\nundo\n");
    assert!(back.ok, "{}", back.err);
    assert!(
        back.out.contains("Taken back: \"Pour him a cup\""),
        "{}",
        back.out
    );
    assert!(back.out.contains("[2 branches]"), "{}", back.out);
    assert!(
        back.out
            .contains("\"Say we should get on\" -> Talk <- you are here"),
        "{}",
        back.out
    );
    assert!(
        back.out.contains("> Say we should get on"),
        "history shows the choice taken"
    );
    assert!(back.out.contains("Nothing to take back: this is the start."));

    // Go back to the old branch by its number on the timeline.
    let again = run(
        tmp.path(),
        &["play", "--plain", "--load", "auto", "--story", &story],
        "goto 1\nhistory\n",
    );
    assert!(again.out.contains("Back to point 1."), "{}", again.out);
    assert!(again.out.contains("> Pour him a cup"), "{}", again.out);
}

#[test]
fn a_damaged_save_is_reported_and_left_alone_and_the_others_still_work() {
    let tmp = tempfile::tempdir().unwrap();
    let story = example();
    run(
        tmp.path(),
        &["play", "--plain", "--story", &story],
        "1\nsave 1\nsave 2\n",
    );
    let slot2 = tmp.path().join("slot2.ron");
    let text = std::fs::read_to_string(&slot2).unwrap();
    std::fs::write(&slot2, &text[..text.len() / 3]).unwrap();
    let damaged = std::fs::read(&slot2).unwrap();

    let load = run(
        tmp.path(),
        &["play", "--plain", "--load", "2", "--story", &story],
        "",
    );
    assert!(!load.ok);
    assert!(
        load.err.contains("slot2.ron': the file is cut short after line"),
        "{}",
        load.err
    );
    assert_eq!(std::fs::read(&slot2).unwrap(), damaged);

    let inside = run(
        tmp.path(),
        &["play", "--plain", "--story", &story],
        "load 2\nload 1\n",
    );
    assert!(
        inside.out.contains("Cannot load slot 2: the file is cut short"),
        "{}",
        inside.out
    );
    assert!(inside.out.contains("Loaded slot 1."), "{}", inside.out);

    let list = run(tmp.path(), &["saves", "--story", &story], "");
    assert!(
        list.out.contains("    2  unreadable: the file is cut short"),
        "{}",
        list.out
    );
    assert!(list.out.contains("    1  "), "{}", list.out);
    assert_eq!(std::fs::read(&slot2).unwrap(), damaged);
}

#[test]
fn replay_prints_a_transcript_and_verify_names_where_an_edited_story_parts() {
    let tmp = tempfile::tempdir().unwrap();
    let story = example();
    run(
        tmp.path(),
        &["play", "--plain", "--seed", "8", "--story", &story],
        "1\n1\n1\n",
    );
    let auto = tmp.path().join("auto.ron");
    let auto = auto.to_str().unwrap();

    let plain = run(tmp.path(), &["replay", auto, "--plain", "--story", &story], "");
    assert!(plain.ok, "{}", plain.err);
    for line in [
        "== A lay-by ==",
        "> Pour him a cup",
        "> Ask him about the rumour",
        "THE END: Home Before Dark",
    ] {
        assert!(plain.out.contains(line), "{line} missing:\n{}", plain.out);
    }
    let verify = run(tmp.path(), &["replay", "auto", "--verify", "--story", &story], "");
    assert!(
        verify.ok && verify.out.starts_with("ok: 3 choices replayed from seed 8"),
        "{}",
        verify.out
    );

    let edited = tmp.path().join("edited");
    std::fs::create_dir_all(edited.join("carer")).unwrap();
    std::fs::copy(common::example_dir().join("story.ron"), edited.join("story.ron")).unwrap();
    let scenes = std::fs::read_to_string(common::example_dir().join("carer/drive.ron")).unwrap();
    std::fs::write(
        edited.join("carer/drive.ron"),
        scenes.replace("id: \"again\"", "id: \"ask\""),
    )
    .unwrap();
    let edited = edited.to_str().unwrap();
    let broken = run(tmp.path(), &["replay", auto, "--verify", "--story", edited], "");
    assert!(!broken.ok);
    assert!(
        broken
            .err
            .contains("at step 2 (scene 'talk', choice 'again'): the scene no longer has this choice"),
        "{}",
        broken.err
    );

    // A migration keeps the save working.
    std::fs::write(
        Path::new(edited).join("migrations.ron"),
        "Migrations(choices: [Choice(scene: \"talk\", from: \"again\", to: \"ask\")])",
    )
    .unwrap();
    let mended = run(tmp.path(), &["replay", auto, "--verify", "--story", edited], "");
    assert!(mended.ok, "{}", mended.err);
}

#[test]
fn no_save_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["play", "--plain", "--no-save", "--story", &example()],
        "1\nsave\n",
    );
    assert!(out.out.contains("Saving is off"), "{}", out.out);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn a_new_game_in_plain_mode_moves_the_old_autosave_along_and_continuing_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let story = example();
    let play = ["play", "--plain", "--seed", "3", "--story", &story];
    assert!(run(tmp.path(), &play, "1\n1\nquit\n").ok);
    assert!(run(tmp.path(), &play, "2\nquit\n").ok);
    let step = |name: &str| {
        hailsham::save::slots::read_file(&tmp.path().join(name), None)
            .unwrap()
            .step()
    };
    assert_eq!((step("auto.ron"), step("auto-1.ron")), (1, 2));
    let load = ["play", "--plain", "--load", "auto", "--story", &story];
    assert!(run(tmp.path(), &load, "1\nquit\n").ok);
    assert_eq!((step("auto.ron"), step("auto-1.ron")), (2, 2));
    assert!(!tmp.path().join("auto-2.ron").exists());
    let list = run(tmp.path(), &["saves", "--story", &story], "");
    assert!(list.out.contains(" auto-1  "), "{}", list.out);
}
