//! Save files: round trips, slots, backups, and every kind of damaged file.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;

use hailsham::replay::Migrations;
use hailsham::save::{self, SaveDir, SaveError, Slot, SlotStatus};
use hailsham::session::Session;
use hailsham::story::Story;

fn example() -> Story {
    common::example().story
}

/// The example played along a path that touches every part of the state: a memory, a
/// relationship and its last move, knowledge, a flag, a keepsake, visits, chance rolls,
/// the log and the ending.
fn full_session(seed: u64) -> Session {
    let mut s = Session::new(example(), seed).unwrap();
    s.choose("pour").unwrap();
    s.choose("again").unwrap();
    s.choose("go").unwrap();
    s
}

#[test]
fn a_save_round_trips_through_its_text_with_every_part_of_the_state() {
    let session = full_session(3);
    let state = session.state();
    assert!(state.ending.is_some() && !state.flags.is_empty() && !state.keepsakes.is_empty());
    assert!(!state.knowledge.is_empty() && !state.last_moves.is_empty() && state.rng.position > 0);
    let mut saved = session.to_save(1_700_000_000);
    // Parts this path does not reach: a revised memory and a pending roll.
    saved.state.memories.get_mut("the_lay_by").unwrap().revised_at = Some(2);
    saved.state.rolls = vec![7, 99];
    let text = save::to_text(&saved).unwrap();
    let read = save::parse(text.as_bytes(), Some("example")).unwrap();
    assert_eq!(read, saved);
    assert!(text.starts_with("// A hailsham save of \"The Long Drive\", step 3"));
    assert!(text.contains("format: 1,") && text.contains("scene_title: \"Home before dark\""));
}

#[test]
fn saves_with_chance_rolls_replay_to_the_identical_state() {
    let story = example();
    for seed in 0..200 {
        let session = full_session(seed);
        let mut saved = session.to_save(0);
        // Pretend the story was edited, so that loading re-derives the state by replay.
        saved.story.hash ^= 1;
        let restored = Session::from_save(story.clone(), &saved, &Migrations::default()).unwrap();
        assert_eq!(restored.session.state(), session.state(), "seed {seed}");
        assert_eq!(restored.notice, None, "seed {seed}");
        assert_eq!(restored.session.timeline(), session.timeline(), "seed {seed}");
    }
}

#[test]
fn the_timeline_survives_a_save_with_every_branch() {
    let mut s = Session::new(example(), 9).unwrap();
    s.choose("pour").unwrap();
    s.choose("again").unwrap();
    assert!(s.undo().unwrap());
    assert!(s.undo().unwrap());
    assert!(!s.undo().unwrap(), "undo stops at the start");
    s.choose("drive_on").unwrap();
    assert_eq!(s.timeline().nodes().len(), 4);
    let text = save::to_text(&s.to_save(5)).unwrap();
    let save = save::parse(text.as_bytes(), Some("example")).unwrap();
    let restored = Session::from_save(example(), &save, &Migrations::default()).unwrap();
    let mut back = restored.session;
    assert_eq!(back.timeline(), s.timeline());
    assert_eq!(back.state(), s.state());
    // Return to the old branch, two choices deep.
    let old = back
        .timeline_rows()
        .into_iter()
        .find(|r| r.row.depth == 2)
        .unwrap();
    back.goto(old.row.node).unwrap();
    assert_eq!(back.state().log.len(), 2);
    assert_eq!(back.state().log[0].choice, "pour");
    let history = back.history();
    assert_eq!(history.len(), 3);
    assert_eq!(history[0].chosen.as_ref().unwrap().label, "Pour him a cup");
    assert_eq!(history[2].scene, "talk");
    assert!(history[2].chosen.is_none());
}

#[test]
fn each_kind_of_damage_has_its_own_error() {
    let good = save::to_text(&full_session(1).to_save(0)).unwrap();
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (Vec::new(), "the file is empty"),
        (vec![0xff, 0xfe, 0x00], "not text"),
        (b"hello, world".to_vec(), "not a hailsham save"),
        (good.as_bytes()[..good.len() / 2].to_vec(), "cut short after line"),
        (
            good.replace("format: 1", "format: 2").into_bytes(),
            "newer version of the game (format 2",
        ),
        (
            good.replace("format: 1", "format: 0").into_bytes(),
            "format 0, which no version",
        ),
        (
            good.replace("\"example\"", "\"other\"").into_bytes(),
            "another story, 'other'",
        ),
        (
            good.replace("seed: 1,", "seed: \"one\",").into_bytes(),
            "damaged at line",
        ),
        (
            good.replace("nodes: [", "nodes: {").into_bytes(),
            "damaged at line",
        ),
    ];
    for (bytes, expected) in cases {
        let err = save::parse(&bytes, Some("example")).unwrap_err();
        assert!(err.to_string().contains(expected), "'{err}' lacks '{expected}'");
    }
    let err = save::parse(good.replace("seed: 1,", "seed: -1,").as_bytes(), None).unwrap_err();
    let SaveError::Corrupt { line, col, .. } = err else {
        panic!("{err}")
    };
    let (want_line, _) = common::position_of(&good, "seed: 1,", 0);
    assert_eq!(line, want_line, "col {col}");
}

#[test]
fn no_truncation_or_corruption_of_a_save_panics() {
    let good = save::to_text(&full_session(2).to_save(0)).unwrap();
    let story = example();
    let bytes = good.as_bytes();
    for cut in 0..good.trim_end().len() {
        let result = save::parse(&bytes[..cut], Some("example"));
        assert!(result.is_err(), "a save cut at byte {cut} loaded");
    }
    for at in (0..bytes.len()).step_by(7) {
        for replacement in [b'x', b'"', b')', b'9'] {
            let mut damaged = bytes.to_vec();
            damaged[at] = replacement;
            if let Ok(save) = save::parse(&damaged, Some("example")) {
                // Whatever loads must also restore (or refuse) without panicking.
                let _ = Session::from_save(story.clone(), &save, &Migrations::default());
            }
        }
    }
}

#[test]
fn slots_list_each_on_its_own_and_a_damaged_one_is_never_overwritten_silently() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = SaveDir::new(tmp.path());
    let session = full_session(4);
    dir.write(Slot::Numbered(1), &session.to_save(10)).unwrap();
    dir.write(Slot::Quick, &session.to_save(20)).unwrap();
    std::fs::write(
        dir.path(Slot::Numbered(2)),
        "Save(format: 1, story: Story(id: \"exa",
    )
    .unwrap();
    std::fs::write(dir.path(Slot::Numbered(3)), "// A hailsham save\nSave(format: 9)").unwrap();

    let entries = dir.list(Some("example"));
    assert_eq!(entries.len(), 11);
    let status = |slot| &entries.iter().find(|e| e.slot == slot).unwrap().status;
    assert!(matches!(status(Slot::Numbered(1)), SlotStatus::Ready(_)));
    assert!(matches!(
        status(Slot::Numbered(2)),
        SlotStatus::Unreadable(SaveError::Truncated { .. })
    ));
    assert!(matches!(
        status(Slot::Numbered(3)),
        SlotStatus::Unreadable(SaveError::FutureFormat { found: 9 })
    ));
    assert!(matches!(status(Slot::Auto), SlotStatus::Empty));
    let listing = save::slots::listing(&dir, &entries);
    assert!(
        listing.contains("    2  unreadable: the file is cut short"),
        "{listing}"
    );
    assert!(listing.contains("Home before dark"), "{listing}");

    // Reading a damaged slot changes nothing on disk.
    let before = std::fs::read(dir.path(Slot::Numbered(2))).unwrap();
    assert!(dir.read(Slot::Numbered(2), Some("example")).is_err());
    assert_eq!(std::fs::read(dir.path(Slot::Numbered(2))).unwrap(), before);

    // Saving over it keeps the damaged content as the backup.
    dir.write(Slot::Numbered(2), &session.to_save(30)).unwrap();
    assert!(dir.read(Slot::Numbered(2), Some("example")).is_ok());
    assert_eq!(std::fs::read(dir.backup_path(Slot::Numbered(2))).unwrap(), before);

    // The latest readable save is the one to continue.
    let (slot, latest) = dir.latest(Some("example")).unwrap();
    assert_eq!((slot, latest.saved_at), (Slot::Numbered(2), 30));
}

#[test]
fn slots_are_named_as_players_type_them() {
    assert_eq!(Slot::parse("3"), Some(Slot::Numbered(3)));
    assert_eq!(Slot::parse(" Auto "), Some(Slot::Auto));
    assert_eq!(Slot::parse("quick"), Some(Slot::Quick));
    assert_eq!(Slot::parse("0"), None);
    assert_eq!(Slot::parse("10"), None);
    assert_eq!(Slot::all().len(), 11);
}

#[test]
fn an_excerpt_is_cut_at_a_word() {
    let long = "The rain has stopped by the time I pull in, and Tommy has the flask between his knees.";
    assert_eq!(save::excerpt(&[long], 30), "The rain has stopped by the…");
    assert_eq!(save::excerpt(&["", "Short."], 30), "Short.");
}
