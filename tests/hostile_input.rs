//! Hostile input and endless stories: lines that are not UTF-8 or far too long, piped
//! input that never stops, and a loop that never reaches an ending under `walk`.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;
mod hostile;

use hostile::{looping_story, run};

#[test]
fn a_line_that_is_not_utf8_or_far_too_long_is_a_bad_line_not_the_end_of_the_game() {
    let tmp = tempfile::tempdir().unwrap();
    let story = common::example_dir();
    let mut input = b"\xff\xfe\x80 not text\n".to_vec();
    input.extend(std::iter::repeat_n(b'9', 100_000));
    input.extend(b"\n\xc3\n1\nquit\n");
    let result = run(
        &tmp.path().join("saves"),
        &["play", "--plain", "--story", story.to_str().unwrap()],
        &input,
    );
    let out = String::from_utf8_lossy(&result.out).into_owned();
    assert_eq!(result.code, Some(0), "{}", result.text());
    assert_eq!(
        out.matches("That line is not text (not UTF-8)").count(),
        2,
        "{out}"
    );
    assert_eq!(out.matches("That line is too long").count(), 1, "{out}");
    assert!(
        out.contains("== Talk =="),
        "the choice after the bad lines was not taken: {out}"
    );
    assert!(out.contains("Goodbye."), "{out}");
}

/// `yes 1 | hailsham play --plain`: at the ending, with input from a pipe, the game
/// ends by itself with status 0 instead of reading for ever.
#[test]
fn at_an_ending_with_input_from_a_pipe_the_game_ends_by_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let saves = tmp.path().join("saves");
    let story = common::example_dir();
    let input = "1\n".repeat(1_000_000);
    let result = run(
        &saves,
        &["play", "--plain", "--story", story.to_str().unwrap()],
        input.as_bytes(),
    );
    let out = String::from_utf8_lossy(&result.out).into_owned();
    assert_eq!(result.code, Some(0), "{}", result.text());
    assert!(out.contains("THE END: Home Before Dark"), "{out}");
    assert!(
        out.trim_end().ends_with(
            "(The story has ended. Played at a terminal, it would offer undo, the timeline and the history here.)"
        ),
        "{out}"
    );
    assert!(
        !out.contains("(End of input.)"),
        "the game read all its input: {out}"
    );
    // The ending is in the autosave.
    let save = hailsham::save::SaveDir::new(&saves)
        .read(hailsham::save::Slot::Auto, None)
        .unwrap();
    assert!(save.state.ending.is_some());
}

/// A story whose loop never reaches an ending: every run is reported as a loop, and a
/// run's cost grows with its length, not its square (100,000 steps a run here; the
/// times are in issue 12's report).
#[test]
fn walk_reports_a_loop_that_never_ends_without_slowing_down_as_it_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = looping_story(tmp.path());
    let path = dir.join("carer/drive.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("to: \"home\"", "to: \"lay_by\"")).unwrap();
    let story = hailsham::story::load(hailsham::story::read_dir(&dir).unwrap())
        .unwrap()
        .story;
    let options = hailsham::walk::WalkOptions {
        runs: 2,
        seed: 1,
        max_steps: 100_000,
        threads: 2,
    };
    let report = hailsham::walk::random(&story, options);
    assert_eq!(
        report.problem_counts.get("loop"),
        Some(&2),
        "{:?}",
        report.problem_counts
    );
    assert!(report.endings.values().all(|&n| n == 0));
    let talk = report.scenes.get("talk").unwrap();
    assert!(talk.visits >= 100_000, "{talk:?}");

    let walk = run(
        tmp.path(),
        &[
            "walk",
            "--runs",
            "1000",
            "--seed",
            "1",
            "--story",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(walk.code, Some(1), "{}", walk.text());
    assert!(
        String::from_utf8_lossy(&walk.out).contains("still going after 1000 choices"),
        "{}",
        walk.text()
    );
}
