//! Property tests over hostile input: story files, saves and plain-mode input lines,
//! each made by mutating real ones (the example story, the built-in story, saves of
//! real games). Whatever the input, nothing panics, and what a command would print
//! holds no control character.
//!
//! CI runs a short budget (`PROPTEST_CASES`, 64 cases by default). For a long run, set
//! `HAILSHAM_FUZZ_SECS`: each property then runs batches of cases until that many
//! seconds have passed, and prints how many it tried:
//!
//! ```sh
//! HAILSHAM_FUZZ_SECS=600 PROPTEST_CASES=500 cargo test --release --test fuzz -- --nocapture
//! ```
#![allow(clippy::unwrap_used)] // a failed step should fail the property at once

mod common;
mod hostile;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use hailsham::plain::Player;
use hailsham::replay::Migrations;
use hailsham::save::{self, SaveFile};
use hailsham::session::Session;
use hailsham::story::{self, SourceFile, StorySources};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// One change to a file's bytes; positions wrap around the file's length.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, String),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

/// Pieces worth inserting: RON syntax, story forms, escapes, numbers at the edges.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "'",
    "r#\"",
    "/*",
    "*/",
    "//",
    "\\",
    "\\u{1b}",
    "\\x9b",
    "\u{1b}]52;c;SGk=\u{7}",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\t",
    "\r",
    "\0",
    "Scene(",
    "Choice(",
    "If(Chance(50), \"x\")",
    "Not(",
    "All([])",
    "Any([])",
    "once: true,",
    "ending: \"home\",",
    "override: true,",
    "to: \"lay_by\",",
    "to: \"nowhere\",",
    "Some(",
    "None",
    "-2147483648",
    "2147483648",
    "18446744073709551616",
    "-1",
    "0",
    "1e309",
    "Roll(\"r\", 50)",
    "Adjust(\"tommy\", \"closeness\", 2147483647)",
    "Visits(\"talk\", Gt, 4294967295)",
    "Step(scene: \"talk\", choice: \"again\"),",
    "Node(parent: Some(0), step: None, scene: \"x\", state_hash: 0),",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => proptest::collection::vec(any::<char>(), 0..6).prop_map(String::from_iter),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Set(at, b)),
        (any::<usize>(), fragment()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 0..48usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 0..400usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(at, b) => {
                if let Some(x) = bytes.get_mut(at % len) {
                    *x = *b;
                }
            }
            Mutation::Insert(at, s) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Mutation::Delete(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(end..end, piece);
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64)
}

/// Runs `test` over `strategy`: one batch of [`cases`] in CI, or batches until
/// `HAILSHAM_FUZZ_SECS` have passed. Prints the count and the time taken.
/// `test` returns whether the input was accepted (loaded, restored) or refused.
fn fuzz<S: Strategy>(name: &str, strategy: &S, test: impl Fn(S::Value) -> Result<bool, TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let budget = std::env::var("HAILSHAM_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let started = Instant::now();
    let (accepted, refused) = (AtomicU64::new(0), AtomicU64::new(0));
    let mut batch = 0u64;
    loop {
        let config = Config {
            cases: cases(),
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(batch),
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        let counted = |value| {
            let count = if test(value)? { &accepted } else { &refused };
            count.fetch_add(1, Ordering::Relaxed);
            Ok(())
        };
        if let Err(e) = runner.run(strategy, counted) {
            panic!("{name}: {e}");
        }
        batch += 1;
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    let (accepted, refused) = (accepted.into_inner(), refused.into_inner());
    eprintln!(
        "{name}: {} cases in {:.1?}: {accepted} accepted, {refused} refused, none panicked",
        accepted + refused,
        started.elapsed()
    );
}

/// What a terminal would act on, in text bound for one.
fn assert_printable(text: &str) -> Result<(), TestCaseError> {
    let bad = text.chars().find(|&c| {
        c != '\n' && (c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    });
    prop_assert!(bad.is_none(), "{bad:?} would reach the terminal");
    Ok(())
}

fn source_files(sources: &StorySources) -> Vec<SourceFile> {
    std::iter::once(sources.manifest.clone())
        .chain(sources.scene_files.iter().cloned())
        .collect()
}

fn with_file(sources: &StorySources, index: usize, text: String) -> StorySources {
    let mut out = sources.clone();
    if index == 0 {
        out.manifest.text = text;
    } else if let Some(f) = out.scene_files.get_mut(index - 1) {
        f.text = text;
    }
    out
}

#[test]
fn story_files_mutated_from_real_ones_never_panic_the_loader_or_the_tools() {
    let bases = [common::example_sources(), story::embedded_sources()];
    let strategy = (
        any::<bool>(),
        any::<usize>(),
        proptest::collection::vec(mutation(), 1..6),
    );
    fuzz("story", &strategy, |(builtin, file, mutations)| {
        let base = &bases[usize::from(builtin)];
        let files = source_files(base);
        let index = file % files.len();
        let mut bytes = files[index].text.clone().into_bytes();
        mutate(&mut bytes, &mutations);
        let sources = with_file(base, index, String::from_utf8_lossy(&bytes).into_owned());
        match story::load(sources) {
            Err(report) => {
                prop_assert!(report.has_errors());
                let _ = report.render();
                Ok(false)
            }
            Ok(loaded) => {
                let mut report = loaded.report.clone();
                report
                    .diagnostics
                    .extend(hailsham::check::control_warnings(&report));
                let _ = report.render();
                let _ = hailsham::check::summary(&loaded);
                let story = &loaded.story;
                let _ = hailsham::graph::dot(story, None);
                let _ = hailsham::graph::mermaid(story, None);
                let walk = hailsham::walk::WalkOptions {
                    runs: 3,
                    seed: 1,
                    max_steps: 200,
                    threads: 1,
                };
                let _ = hailsham::walk::random(story, walk).to_string();
                let explore = hailsham::walk::ExploreOptions {
                    seed: 1,
                    max_states: 200,
                    max_steps: 200,
                };
                let _ = hailsham::walk::explore(story, &explore);
                Ok(true)
            }
        }
    });
}

/// Real saves: of the example after choices, an undo and a branch; and of the
/// built-in story a few choices in.
fn real_saves() -> &'static [(story::Story, Vec<u8>)] {
    static SAVES: OnceLock<Vec<(story::Story, Vec<u8>)>> = OnceLock::new();
    SAVES.get_or_init(|| {
        let example = common::example().story;
        let mut game = Session::new(example.clone(), 5).unwrap();
        game.choose_offered(0).unwrap();
        game.undo().unwrap();
        game.choose_offered(1).unwrap();
        game.choose_offered(0).unwrap();
        let builtin = story::load_embedded().unwrap().story;
        let mut long = Session::new(builtin.clone(), 9).unwrap();
        for _ in 0..12 {
            if long.ending().is_some() {
                break;
            }
            long.choose_offered(0).unwrap();
        }
        let text = |s: &Session| save::to_text(&s.to_save(1_700_000_000)).unwrap().into_bytes();
        vec![(example, text(&game)), (builtin, text(&long))]
    })
}

#[test]
fn saves_mutated_from_real_ones_are_read_or_refused_never_a_panic() {
    let strategy = (any::<bool>(), proptest::collection::vec(mutation(), 1..6));
    fuzz("save", &strategy, |(builtin, mutations)| {
        let (story, base) = &real_saves()[usize::from(builtin)];
        let mut bytes = base.clone();
        mutate(&mut bytes, &mutations);
        let parsed = save::parse(&bytes, Some(&story.id));
        if let Ok(save) = &parsed {
            check_restore(story, save)?;
        }
        // Listing a folder holding it shows it safely, whatever it holds.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("slot1.ron"), &bytes).unwrap();
        let saves = save::SaveDir::new(dir.path());
        assert_printable(&hailsham::term_safe::sanitise(&save::slots::listing(
            &saves,
            &saves.list(Some(&story.id)),
        )))?;
        Ok(parsed.is_ok())
    });
}

fn check_restore(story: &story::Story, save: &SaveFile) -> Result<(), TestCaseError> {
    if let Ok(restored) = Session::from_save(story.clone(), save, &Migrations::default()) {
        let session = restored.session;
        let _ = session.timeline_rows();
        let _ = session.history();
        let again = save::to_text(&session.to_save(0));
        prop_assert!(again.is_ok(), "a restored game could not be saved: {again:?}");
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "1",
    "2",
    "3",
    "0",
    "99",
    "-1",
    "18446744073709551616",
    "undo",
    "u",
    "t",
    "timeline",
    "goto 0",
    "goto 1",
    "goto 3",
    "goto 99999",
    "goto -4",
    "g",
    "b",
    "history",
    "history 2",
    "r",
    "p",
    "l",
    "i",
    "help",
    "?",
    "save",
    "save 1",
    "save 0",
    "load",
    "load 1",
    "load auto",
    "saves",
    "look",
    "\u{1b}[2J",
    "\u{202e}1",
    "1\r",
    " 2 ",
    "",
    "inspect",
    "load \u{1b}]0;x\u{7}",
    "goto \u{9b}2J",
    "save \u{202e}3",
];

fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(|w| w.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..12),
        1 => proptest::collection::vec(any::<char>(), 0..8).prop_map(|c| String::from_iter(c).into_bytes()),
    ]
}

#[test]
fn plain_mode_input_lines_never_panic_or_print_a_control_character() {
    // The example story, and the same with escape sequences in every text it shows.
    let tmp = tempfile::tempdir().unwrap();
    let hostile = story::read_dir(&hostile::hostile_story(tmp.path())).unwrap();
    let stories = [common::example().story, story::load(hostile).unwrap().story];
    let strategy = (
        any::<u64>(),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(line(), 0..40),
    );
    fuzz("plain input", &strategy, |(seed, stop, which, lines)| {
        let story = &stories[usize::from(which)];
        let mut input = lines.join(&b'\n');
        input.push(b'\n');
        let session = Session::new(story.clone(), seed).unwrap();
        let mut out = Vec::new();
        let result = Player::new(session, &mut out)
            .stopping_at_ending(stop)
            .run(input.as_slice());
        prop_assert!(result.is_ok(), "{result:?}");
        let out = String::from_utf8_lossy(&out);
        assert_printable(&out)?;
        Ok(!out.contains("That line is"))
    });
}
