//! Saves, undo, the timeline, the history and the replay in the full-screen game,
//! through the real event loop with scripted keys on a `TestBackend`. Every game saves
//! into its own temporary folder.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::input::Script;
use hailsham::app::{App, Input, MenuItem, Options, Overlay, ReplayState, View, run};
use hailsham::replay::Replay;
use hailsham::save::{SaveDir, Slot, slots::read_file};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn press(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Input {
    press(KeyCode::Char(c))
}

const ENTER: KeyCode = KeyCode::Enter;
const ESC: KeyCode = KeyCode::Esc;

/// Plays `inputs` from the title with saves in `saves` (or none); the script's end
/// closes the input, which leaves as Ctrl-C would.
fn play_in(saves: Option<&Path>, inputs: Vec<Input>) -> (App, String) {
    let mut app = App::new(
        common::example().story,
        Options {
            seed: 1,
            instant_text: true,
            saves: saves.map(SaveDir::new),
            ..Options::default()
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(&mut terminal, &mut app, &mut Script::new(inputs)).unwrap();
    let screen = terminal.backend().to_string();
    (app, screen)
}

fn steps(app: &App) -> usize {
    app.session().map_or(0, |s| s.state().log.len())
}

fn saved_steps(path: &Path) -> usize {
    read_file(path, None).unwrap().step()
}

#[test]
fn undo_goes_back_to_the_start_and_no_further() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, screen) = play_in(Some(tmp.path()), vec![press(ENTER), ch('1'), ch('1'), ch('u')]);
    assert_eq!(steps(&app), 1);
    assert!(
        screen.contains("Taken back: “Ask him about the rumour”"),
        "{screen}"
    );
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(ENTER),
            ch('y'),
            ch('1'),
            ch('u'),
            ch('u'),
        ],
    );
    assert_eq!(steps(&app), 0);
    assert!(
        screen.contains("Nothing to take back: this is the start."),
        "{screen}"
    );
    // Every move was autosaved, the undo too.
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 0);
}

#[test]
fn the_timeline_returns_to_the_branch_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(ENTER),
            ch('1'), // pour him a cup
            ch('u'),
            ch('2'), // say we should get on
            ch('t'),
            press(KeyCode::Up), // the branch of the cup of tea
            press(ENTER),
        ],
    );
    assert_eq!(app.view(), View::Play);
    let session = app.session().unwrap();
    assert_eq!(session.state().log[0].choice, "pour");
    assert_eq!(session.timeline().nodes().len(), 3, "both branches are kept");
    assert!(
        screen.contains("Back to the point after 1 choice: Talk."),
        "{screen}"
    );
    let auto = read_file(&tmp.path().join("auto.ron"), None).unwrap();
    assert_eq!(auto.log[0].choice, "pour");
    assert_eq!(auto.timeline.unwrap().nodes().len(), 3);
}

#[test]
fn the_history_shows_every_passage_and_choice() {
    let (app, screen) = play_in(None, vec![press(ENTER), ch('1'), ch('h'), press(KeyCode::Home)]);
    assert_eq!(app.view(), View::History);
    assert!(screen.contains("The rain has stopped"), "{screen}");
    assert!(screen.contains("› Pour him a cup"), "{screen}");
    let (app, _) = play_in(None, vec![press(ENTER), ch('1'), ch('h'), press(ESC)]);
    assert_eq!(app.view(), View::Play);
}

#[test]
fn save_to_a_slot_and_load_it_through_the_screens() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(ENTER),
            ch('1'),
            ch('s'),
            ch('4'),
            press(ENTER),
            ch('u'),
            ch('l'),
            ch('4'),
            press(ENTER),
        ],
    );
    assert_eq!(saved_steps(&tmp.path().join("slot4.ron")), 1);
    assert_eq!(app.view(), View::Play);
    assert_eq!(steps(&app), 1, "loaded slot 4, after the undo");
    assert!(screen.contains("Loaded slot 4."), "{screen}");
    // The slot's timeline came back with it: undo works after loading.
    assert!(app.session().unwrap().can_undo());
}

#[test]
fn continue_on_the_title_is_the_latest_autosave() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, _) = play_in(
        Some(tmp.path()),
        vec![press(ENTER), ch('1'), ch('1'), ch('q'), ch('y')],
    );
    assert!(app.should_quit());
    let (app, screen) = play_in(Some(tmp.path()), vec![]);
    assert_eq!(app.menu()[0], MenuItem::Continue);
    assert!(screen.contains("Continue: Talk"), "{screen}");
    let (app, _) = play_in(Some(tmp.path()), vec![press(ENTER), ch('u')]);
    assert_eq!(steps(&app), 1, "continued after two choices, then took one back");
}

#[test]
fn esc_goes_back_to_the_title_saving_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, screen) = play_in(Some(tmp.path()), vec![press(ENTER), ch('1'), press(ESC)]);
    assert_eq!(app.view(), View::Title);
    assert!(screen.contains("Continue: Talk"), "{screen}");
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 1);
}

#[test]
fn quicksave_and_quickload() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, screen) = play_in(Some(tmp.path()), vec![press(ENTER), press(KeyCode::F(9))]);
    assert!(
        screen.contains("There is no quicksave yet; F5 makes one."),
        "{screen}"
    );
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(ENTER),
            ch('1'),
            press(KeyCode::F(5)),
            ch('u'),
            press(KeyCode::F(9)),
        ],
    );
    assert_eq!(steps(&app), 1);
    assert!(screen.contains("Loaded the quicksave."), "{screen}");
}

#[test]
fn a_damaged_slot_is_listed_and_only_saved_over_when_the_player_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let damaged = tmp.path().join("slot2.ron");
    std::fs::write(&damaged, "not a save at all").unwrap();
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![press(ENTER), ch('1'), ch('l'), ch('2'), press(ENTER)],
    );
    assert_eq!(app.view(), View::Load);
    assert!(screen.contains("The file is not a hailsham save."), "{screen}");
    assert!(screen.contains("Slot 2 cannot be loaded"), "{screen}");

    let (app, _) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(ENTER),
            ch('y'), // begin anew over the game in progress
            ch('1'),
            ch('s'),
            ch('2'),
            press(ENTER),
        ],
    );
    assert_eq!(app.overlay(), Some(Overlay::ConfirmOverwrite(Slot::Numbered(2))));
    let (_, _) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(ENTER),
            ch('y'), // begin anew over the game in progress
            ch('1'),
            ch('s'),
            ch('2'),
            press(ENTER),
            ch('n'),
        ],
    );
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), "not a save at all");
    let (_, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(ENTER),
            ch('y'), // begin anew over the game in progress
            ch('1'),
            ch('s'),
            ch('2'),
            press(ENTER),
            ch('y'),
        ],
    );
    assert!(screen.contains("Saved to slot 2"), "{screen}");
    assert_eq!(saved_steps(&damaged), 1);
    let backup = tmp.path().join("slot2.ron.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), "not a save at all");
}

#[test]
fn a_save_that_cannot_be_written_is_a_message_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    // A file where the save folder should be: nothing can be written into it.
    let blocked = tmp.path().join("saves");
    std::fs::write(&blocked, "").unwrap();
    let (app, screen) = play_in(Some(&blocked), vec![press(ENTER), ch('1')]);
    assert_eq!(steps(&app), 1);
    assert!(screen.contains("Autosave failed"), "{screen}");
    let (_, screen) = play_in(Some(&blocked), vec![press(ENTER), press(KeyCode::F(5))]);
    assert!(screen.contains("Could not save to the quicksave"), "{screen}");
}

#[test]
fn with_saving_off_the_save_keys_say_so() {
    let (app, screen) = play_in(None, vec![press(ENTER), ch('s')]);
    assert_eq!(app.view(), View::Play);
    assert!(screen.contains("Saving is off"), "{screen}");
    assert!(!app.menu().contains(&MenuItem::Load));
}

#[test]
fn the_replay_plays_to_the_end_on_its_own_and_waits_there() {
    let story = common::example().story;
    let log = {
        let mut s = hailsham::session::Session::new(story.clone(), 1).unwrap();
        s.choose_offered(0).unwrap();
        s.choose_offered(1).unwrap();
        s.state().log.clone()
    };
    let replay = ReplayState::new(1, Replay::from_seed(&story, 1, log).unwrap());
    let mut app = App::replay(story, replay, Options::default());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // The script's timeouts pass at once, so the replay runs through before 'q'.
    run(&mut terminal, &mut app, &mut Script::new(vec![ch('q')])).unwrap();
    let replay = app.replay_state().unwrap();
    assert!(replay.at_end());
    assert!(replay.pace.paused(), "it stops at the end");
    assert_eq!(app.wake_after(), None, "and then uses no time at all");
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("The end: Home Before Dark")
    );
}

#[test]
fn beginning_again_over_a_game_asks_first_and_keeps_the_old_autosave() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, _) = play_in(Some(tmp.path()), vec![press(ENTER), ch('1'), ch('1')]);
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 2);

    // "Begin the story" with that game to continue: asked, and any key but y stays.
    let (app, screen) = play_in(Some(tmp.path()), vec![press(KeyCode::Down), press(ENTER)]);
    assert_eq!(app.overlay(), Some(Overlay::ConfirmNewGame));
    assert!(screen.contains("Begin a new story?"), "{screen}");
    assert!(screen.contains("is 2 choices in, at “Talk”."), "{screen}");
    assert!(screen.contains("It stays in its autosave"), "{screen}");
    let (app, _) = play_in(
        Some(tmp.path()),
        vec![press(KeyCode::Down), press(ENTER), ch('n')],
    );
    assert_eq!(app.view(), View::Title);
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 2);

    // y begins anew; the first autosave moves the old game to auto-1, not over it.
    let (app, _) = play_in(
        Some(tmp.path()),
        vec![press(KeyCode::Down), press(ENTER), ch('y'), ch('2')],
    );
    assert_eq!(steps(&app), 1);
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 1);
    assert_eq!(saved_steps(&tmp.path().join("auto-1.ron")), 2);
    // Its backup went with it.
    assert!(tmp.path().join("auto-1.ron.bak").is_file());

    // Continuing the newest game writes its own autosave, and moves nothing.
    let (app, _) = play_in(Some(tmp.path()), vec![press(ENTER), ch('1')]);
    assert_eq!(steps(&app), 2);
    assert_eq!(saved_steps(&tmp.path().join("auto.ron")), 2);
    assert_eq!(saved_steps(&tmp.path().join("auto-1.ron")), 2);
    assert!(!tmp.path().join("auto-2.ron").exists());

    // The load screen lists the earlier game's autosave.
    let (_, screen) = play_in(
        Some(tmp.path()),
        vec![ch('l'), press(KeyCode::Down), press(KeyCode::Down), press(ENTER)],
    );
    assert!(screen.contains("auto-1"), "{screen}");
}

#[test]
fn many_new_games_keep_the_newest_of_each() {
    let tmp = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        let mut inputs = Vec::new();
        if tmp.path().join("auto.ron").exists() {
            inputs.extend([press(KeyCode::Down), press(ENTER), ch('y')]);
        } else {
            inputs.push(press(ENTER));
        }
        inputs.push(ch('1'));
        play_in(Some(tmp.path()), inputs);
    }
    for name in ["auto.ron", "auto-1.ron", "auto-2.ron"] {
        assert_eq!(saved_steps(&tmp.path().join(name)), 1, "{name}");
    }
    let dir = SaveDir::new(tmp.path());
    assert!(dir.keep_autosave().unwrap());
    assert!(!dir.keep_autosave().unwrap(), "nothing left to move");
    assert!(!tmp.path().join("auto.ron").exists());
    for n in 1..=3 {
        assert_eq!(dir.read(Slot::Earlier(n), None).unwrap().step(), 1, "auto-{n}");
    }
}

#[test]
fn endings_reached_are_kept_across_playthroughs_with_the_choices_that_led_there() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, screen) = play_in(Some(tmp.path()), vec![press(ENTER), ch('1'), ch('2')]);
    assert!(screen.contains("Home before dark"), "{screen}");
    let kept = std::fs::read_to_string(tmp.path().join("endings.ron")).unwrap();
    assert!(
        kept.contains("ending: \"home\"") && kept.contains("\"Pour him a cup\""),
        "{kept}"
    );

    // The ending page lists the choices as well as the memories, and no "+0".
    let (_, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(ENTER),
            ch('y'),
            ch('2'),
            ch('2'),
            press(ENTER),
        ],
    );
    assert!(screen.contains("The choices"), "{screen}");
    assert!(screen.contains("1. Say we should get on"), "{screen}");
    assert!(!screen.contains("+0"), "{screen}");

    // A new run: the title counts them, and the gallery shows when and how.
    let (app, screen) = play_in(Some(tmp.path()), vec![]);
    assert_eq!(app.view(), View::Title);
    assert!(screen.contains("Endings reached: 1 of 1"), "{screen}");
    let (app, screen) = play_in(
        Some(tmp.path()),
        vec![
            press(KeyCode::Down),
            press(KeyCode::Down),
            press(KeyCode::Down),
            press(ENTER),
        ],
    );
    assert_eq!(app.view(), View::Endings);
    assert!(screen.contains("Home Before Dark"), "{screen}");
    assert!(screen.contains("reached 2 times"), "{screen}");
    assert!(
        screen.contains("1. Say we should get on"),
        "the latest way there:\n{screen}"
    );
}
