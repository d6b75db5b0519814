//! The real event loop of the full-screen game, driven by scripted input on a
//! `TestBackend`: what a player does, key by key, and where it leaves the game.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use hailsham::app::input::Script;
use hailsham::app::{App, Input, Options, View, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn press(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Input {
    press(KeyCode::Char(c))
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

fn play(inputs: Vec<Input>) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(
        common::example().story,
        Options {
            seed: 1,
            ..Options::default()
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(&mut terminal, &mut app, &mut Script::new(inputs)).unwrap();
    (app, terminal)
}

#[test]
fn a_whole_game_from_the_title_to_the_ending_and_back() {
    let (app, terminal) = play(vec![
        press(KeyCode::Enter), // begin the story
        ch('1'),               // pour him a cup
        ch('r'),               // open the recollections
        press(KeyCode::Esc),   // and close them
        press(KeyCode::Down),  // select "start the engine"
        press(KeyCode::Enter), // the ending scene
        press(KeyCode::Enter), // turn the page: the ending screen
        press(KeyCode::Enter), // back to the title
        ch('q'),
    ]);
    assert_eq!(app.view(), View::Title);
    let text = screen(&terminal);
    assert!(text.contains("Close the book and leave the game?"), "{text}");
    assert!(app.session().is_none());
}

#[test]
fn q_then_y_quits_and_anything_else_stays() {
    let (app, _) = play(vec![ch('q'), ch('n'), ch('q'), ch('y'), ch('x')]);
    assert!(app.should_quit());
    let (app, _) = play(vec![ch('q'), ch('n')]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn ctrl_c_and_signals_quit_at_once() {
    let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let (app, _) = play(vec![press(KeyCode::Enter), ctrl_c, ch('1')]);
    assert!(app.should_quit());
    assert!(app.session().is_some_and(|s| s.state().log.is_empty()));
    let (app, _) = play(vec![press(KeyCode::Enter), Input::Signal(15), ch('1')]);
    assert!(app.session().is_some_and(|s| s.state().log.is_empty()));
}

#[test]
fn a_malformed_key_bindings_override_is_told_and_the_shipped_keys_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keybindings.ron"), "{\n  Up: [\"up\",\n}").unwrap();
    let mut app = App::new(
        common::example().story,
        Options {
            config: Some(hailsham::app::ConfigDir::new(dir.path())),
            ..Options::default()
        },
    );
    let flash = app.flash().map(|f| f.text.clone()).unwrap_or_default();
    let path = dir.path().join("keybindings.ron").display().to_string();
    assert!(flash.starts_with(&format!("{path}:3:")), "{flash}");
    assert!(
        flash.ends_with("; the shipped key bindings are in use."),
        "{flash}"
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    run(&mut terminal, &mut app, &mut Script::new(vec![])).unwrap();
    assert!(
        screen(&terminal).contains("keybindings.ron:3:"),
        "{}",
        screen(&terminal)
    );
    // The shipped keys: Enter begins the story.
    let (app, _) = play(vec![press(KeyCode::Enter)]);
    assert_eq!(app.view(), View::Play);
}

#[test]
fn key_releases_are_ignored() {
    let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    let (app, _) = play(vec![Input::Key(release)]);
    assert_eq!(app.view(), View::Title);
}

#[test]
fn during_the_reveal_enter_completes_it_keys_act_and_numbers_wait() {
    use hailsham::app::{Action, Command};
    let mut app = App::new(common::example().story, Options::default());
    hailsham::app::update(&mut app, Action::Command(Command::Select));
    assert!(app.animating());
    assert_eq!(app.action(&ch('1')), None, "the choices are not showing yet");
    assert_eq!(app.action(&ch('q')), Some(Action::Command(Command::Quit)));
    assert_eq!(
        app.action(&ch('r')),
        Some(Action::Command(Command::Recollections))
    );
    assert_eq!(
        app.action(&press(KeyCode::F(5))),
        Some(Action::Command(Command::Quicksave))
    );
    assert_eq!(app.action(&ch(' ')), Some(Action::Advance));
    let action = app.action(&press(KeyCode::Enter)).unwrap();
    assert_eq!(action, Action::Advance);
    hailsham::app::update(&mut app, action);
    assert!(!app.animating());
    assert!(app.session().is_some_and(|s| s.state().log.is_empty()));
}

#[test]
fn resizing_to_any_size_at_any_moment_never_panics() {
    let mut inputs = vec![press(KeyCode::Enter)];
    for (i, (w, h)) in [(1, 1), (30, 10), (59, 17), (60, 18), (200, 60), (80, 24)]
        .into_iter()
        .enumerate()
    {
        inputs.push(Input::Resize { width: w, height: h });
        inputs.push([ch('r'), ch('p'), ch('?'), press(KeyCode::Esc), ch('1'), ch('j')][i % 6].clone());
    }
    let (app, terminal) = play(inputs);
    // Every key acted at its size: the recollections, then the people, the help
    // opened and closed over them, "1" no choice there, and j scrolled.
    assert_eq!(app.view(), View::Relationships);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.size(), ratatui::layout::Size::new(80, 24));
    assert!(
        app.session().is_some_and(|s| s.state().log.is_empty()),
        "no choice was taken"
    );
    assert!(
        screen(&terminal).contains("Relationships"),
        "{}",
        screen(&terminal)
    );
    // And the screen it ended on draws at every one of those sizes.
    for (w, h) in [(1, 1), (30, 10), (59, 17), (60, 18), (200, 60)] {
        let mut small = Terminal::new(TestBackend::new(w, h)).unwrap();
        small.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let text = small.backend().to_string();
        let expected = if w < 60 || h < 18 {
            "enlarge"
        } else {
            "Relationships"
        };
        assert!(w < 20 || text.contains(expected), "{w}×{h}:\n{text}");
    }
}

#[test]
fn the_loop_follows_the_help_and_the_relationships() {
    let (app, terminal) = play(vec![press(KeyCode::Enter), ch('1'), ch('p')]);
    assert_eq!(app.view(), View::Relationships);
    let text = screen(&terminal);
    assert!(text.contains("Closeness rose from 0 to 1"), "{text}");
    let (app, terminal) = play(vec![press(KeyCode::Enter), ch('?')]);
    assert_eq!(app.view(), View::Play);
    assert!(screen(&terminal).contains("take the choice of that number"));
}
