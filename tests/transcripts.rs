//! Golden transcripts of the built-in story in plain mode: a seed and a file of choices
//! in (`tests/transcripts/NAME.in`, one line each, as a player would type them), and the
//! exact text out (`NAME.txt`). A change to the story, the engine or what the plain
//! player says shows here as a diff, line by line.
//!
//! To record them again after an intended change:
//! `HAILSHAM_RECORD=1 cargo test --test transcripts`, then read `git diff tests/transcripts`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts")
}

/// What `hailsham play --plain --no-save --seed SEED` says to the choices in `NAME.in`.
fn play(name: &str, seed: u64) -> String {
    let input = std::fs::read(folder().join(format!("{name}.in"))).expect("the choices");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(["play", "--plain", "--no-save", "--seed", &seed.to_string()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HAILSHAM_CONFIG_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // The game may stop reading at the ending, before the last line is taken.
    let _ = child.stdin.take().expect("stdin").write_all(&input);
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("plain mode writes UTF-8")
}

/// The first line where `got` parts from `want`, with a few lines around it, or `None`
/// when they are the same.
fn first_difference(want: &str, got: &str) -> Option<String> {
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let at = (0..w.len().max(g.len()))
        .find(|&i| w.get(i) != g.get(i))
        .unwrap_or(w.len().min(g.len()));
    let around = |lines: &[&str], mark: char| {
        (at.saturating_sub(3)..(at + 4).min(lines.len()))
            .map(|i| format!("{}{:>5} | {}", if i == at { mark } else { ' ' }, i + 1, lines[i]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(format!(
        "the transcript parts at line {} ({} lines recorded, {} now)\n--- recorded\n{}\n+++ now\n{}",
        at + 1,
        w.len(),
        g.len(),
        around(&w, '-'),
        around(&g, '+')
    ))
}

fn check(name: &str, seed: u64, ending: &str) {
    let got = play(name, seed);
    let path = folder().join(format!("{name}.txt"));
    if std::env::var_os("HAILSHAM_RECORD").is_some() {
        std::fs::write(&path, &got).expect("recorded");
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if let Some(diff) = first_difference(&want, &got) {
        panic!(
            "{name}: {diff}\n\nIf the change is intended, record again with \
             HAILSHAM_RECORD=1 cargo test --test transcripts"
        );
    }
    assert!(
        got.contains(&format!("THE END: {ending}")),
        "{name} no longer ends in {ending}"
    );
}

#[test]
fn seed_1_always_the_first_choice() {
    check("hailsham-seed-1-first-choices", 1, "Never Let Me Go");
}

#[test]
fn seed_7_always_the_last_choice() {
    check("hailsham-seed-7-last-choices", 7, "What I Keep");
}

#[test]
fn a_difference_is_shown_where_it_starts() {
    let diff = first_difference("a\nb\nc\n", "a\nB\nc\n").expect("they differ");
    assert!(diff.contains("parts at line 2"), "{diff}");
    assert!(
        diff.contains("-    2 | b") && diff.contains("+    2 | B"),
        "{diff}"
    );
    assert_eq!(first_difference("same", "same"), None);
}
