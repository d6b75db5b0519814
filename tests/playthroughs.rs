//! Golden playthroughs: every save kept under `tests/playthroughs/` is replayed with
//! `hailsham replay --verify` against the story it belongs to, so an edit that breaks
//! an old save, or changes where a known path leads, fails here. Every branch of each
//! save's timeline must still fit too. See `tests/playthroughs/README.md` to record one.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use hailsham::replay::Migrations;
use hailsham::save;
use hailsham::session::Session;
use hailsham::story::{self, Story};

fn goldens() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/playthroughs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The story a golden belongs to: the example's id means `docs/example`, anything else
/// the story built into the binary.
fn story_for(save: &save::SaveFile) -> (Story, Option<PathBuf>) {
    if save.story.id == "example" {
        (common::example().story, Some(common::example_dir()))
    } else {
        (story::load_embedded().unwrap().story, None)
    }
}

#[test]
fn every_golden_playthrough_verifies_with_the_binary() {
    let files = goldens();
    assert!(files.len() >= 2, "keep a few golden playthroughs");
    for file in files {
        let save = save::slots::read_file(&file, None).unwrap();
        let (_, dir) = story_for(&save);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hailsham"));
        cmd.arg("replay").arg(&file).arg("--verify");
        if let Some(dir) = dir {
            cmd.arg("--story").arg(dir);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{} no longer replays to its saved state:\n{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn every_branch_of_every_golden_timeline_still_fits() {
    for file in goldens() {
        let mut save = save::slots::read_file(&file, None).unwrap();
        let (story, _) = story_for(&save);
        let nodes = save.timeline.as_ref().map_or(0, |t| t.nodes().len());
        // As if the story had been edited: every node is replayed afresh.
        save.story.hash ^= 1;
        let restored = Session::from_save(story, &save, &Migrations::default()).unwrap();
        assert_eq!(restored.notice, None, "{}", file.display());
        assert_eq!(
            restored.session.timeline().nodes().len(),
            nodes,
            "{}",
            file.display()
        );
    }
}
