//! Hostile text: escape sequences in every field of a story and a save, through every
//! command, the plain player and the full-screen game. Nothing may reach the terminal.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;
mod hostile;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::{self, Action, App, Input};
use hailsham::term_safe::SafeBackend;
use hostile::{assert_clean, hostile_story, ron_payload, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every command a reader or an author runs, over a hostile story and its saves.
#[test]
fn no_control_character_from_a_story_or_a_save_reaches_the_terminal_through_any_command() {
    let tmp = tempfile::tempdir().unwrap();
    let story = hostile_story(tmp.path());
    let story = story.to_str().unwrap();
    let saves = tmp.path().join("saves");
    let input =
        "help\nr\np\nl\ni\n1\nb\nt\nsave 1\nsaves\nload\nload 1\nundo\ngoto 1\n2\n1\n2\nr\np\nb\nquit\n";
    let play = run(
        &saves,
        &["play", "--plain", "--seed", "1", "--story", story],
        input.as_bytes(),
    );
    assert_eq!(play.code, Some(0), "{}", play.text());
    assert!(
        String::from_utf8_lossy(&play.out).contains("Saved to slot 1"),
        "{}",
        play.text()
    );
    assert_clean("play --plain", &play.out);
    assert_clean("play --plain (stderr)", &play.err);

    let save = saves.join("slot1.ron");
    let save = save.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", "--story", story],
        vec!["check", "--story", story, "--deny-warnings"],
        vec!["graph", "--format", "dot", "--story", story],
        vec!["graph", "--format", "mermaid", "--story", story],
        vec!["walk", "--runs", "20", "--seed", "1", "--story", story],
        vec!["walk", "--runs", "5", "--seed", "1", "--json", "--story", story],
        vec!["walk", "--explore", "--story", story],
        vec!["saves", "--story", story],
        vec!["replay", save, "--plain", "--story", story],
        vec!["replay", save, "--verify", "--story", story],
        vec!["play", "--plain", "--load", "1", "--story", story],
    ];
    let check = run(&saves, &["check", "--story", story], b"");
    let warned = String::from_utf8_lossy(&check.err).into_owned();
    assert!(
        warned.contains("warning: control characters U+001B (ESC), U+0007 (BEL)"),
        "{warned}"
    );
    assert!(warned.contains("hostile/story.ron:4:13"), "{warned}");
    assert!(warned.contains("hostile/carer/drive.ron:"), "{warned}");
    for args in commands {
        let result = run(&saves, &args, b"r\np\nquit\n");
        assert!(result.code.is_some(), "{args:?} was killed");
        assert_clean(&format!("{args:?}"), &result.out);
        assert_clean(&format!("{args:?} (stderr)"), &result.err);
    }
}

/// A save edited by hand with the payload in every text it holds; and an error
/// message naming a hostile path.
#[test]
fn a_hostile_save_and_a_hostile_file_name_are_shown_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let saves = tmp.path().join("saves");
    let story = common::example_dir();
    let story = story.to_str().unwrap();
    let first = run(
        &saves,
        &["play", "--plain", "--seed", "1", "--story", story],
        b"1\nsave 2\nquit\n",
    );
    assert_eq!(first.code, Some(0), "{}", first.text());
    let path = saves.join("slot2.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let payload = ron_payload();
    let hostile = ["scene_title: \"", "excerpt: \"", "title: \""]
        .iter()
        .fold(text, |t, key| t.replace(key, &format!("{key}{payload}")));
    std::fs::write(&path, hostile).unwrap();
    for args in [
        vec!["saves", "--story", story],
        vec!["play", "--plain", "--story", story],
    ] {
        let result = run(&saves, &args, b"saves\nload\nload 2\nquit\n");
        let out = String::from_utf8_lossy(&result.out).into_owned();
        assert!(
            out.contains("PWNED"),
            "{args:?}: the save was not listed:\n{}",
            result.text()
        );
        assert_clean(&format!("{args:?}"), &result.out);
        assert_clean(&format!("{args:?} (stderr)"), &result.err);
    }
    let named = tmp.path().join("evil\u{1b}]0;PWNED\u{7}.ron");
    std::fs::write(&named, "not a save").unwrap();
    let result = run(
        &saves,
        &["replay", named.to_str().unwrap(), "--story", story],
        b"",
    );
    assert_eq!(result.code, Some(1), "{}", result.text());
    assert_clean("replay of a hostile file name (stderr)", &result.err);
}

/// The full-screen game draws through [`SafeBackend`]: ratatui leaves out control
/// characters itself, and the backend takes out the bidirectional controls too.
#[test]
fn the_full_screen_game_draws_no_bidirectional_or_control_character() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = hostile_story(tmp.path());
    let loaded = hailsham::story::load(hailsham::story::read_dir(&dir).unwrap()).unwrap();
    let mut game = App::new(
        loaded.story,
        app::Options {
            seed: 1,
            instant_text: true,
            ..app::Options::default()
        },
    );
    let mut terminal = Terminal::new(SafeBackend::new(TestBackend::new(100, 30))).unwrap();
    let keys = [
        KeyCode::Enter,
        KeyCode::Char('1'),
        KeyCode::Char('r'),
        KeyCode::Esc,
        KeyCode::Char('p'),
    ];
    let mut bidi_drawn = false;
    for code in keys {
        if let Some(action) = game.action(&Input::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
            app::update(&mut game, action);
        }
        terminal
            .draw(|frame| frame.render_widget(&game, frame.area()))
            .unwrap();
        let buffer = terminal.backend().inner().buffer();
        for cell in &buffer.content {
            assert!(
                !cell.symbol().chars().any(hostile::is_unsafe),
                "{:?} was drawn",
                cell.symbol()
            );
        }
        let text: String = buffer.content.iter().map(ratatui::buffer::Cell::symbol).collect();
        bidi_drawn |= text.contains("PWNED");
    }
    assert!(bidi_drawn, "the hostile text was not on screen at all");
    // Without the safe backend the same frame would hold them: the test can fail.
    let mut raw = Terminal::new(TestBackend::new(100, 30)).unwrap();
    update_and_draw(&mut game, &mut raw);
    let held = raw
        .backend()
        .buffer()
        .content
        .iter()
        .any(|c| c.symbol().chars().any(hostile::is_bidi));
    assert!(
        held,
        "the hostile story no longer puts bidirectional controls on screen"
    );
}

fn update_and_draw(game: &mut App, terminal: &mut Terminal<TestBackend>) {
    app::update(game, Action::Tick);
    terminal
        .draw(|frame| frame.render_widget(&*game, frame.area()))
        .unwrap();
}
