//! Every view of the full-screen game, drawn with ratatui's `TestBackend` from states
//! built here, at 80×24 and 120×40, and compared with the snapshots beside this file.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::{Action, App, Command, Input, Options, update};
use hailsham::session::Session;
use hailsham::ui::theme::ThemeChoice;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app_with(options: Options) -> App {
    App::new(common::example().story, options)
}

fn app() -> App {
    app_with(Options {
        seed: 1,
        instant_text: true,
        ..Options::default()
    })
}

fn key(app: &mut App, code: KeyCode) {
    let input = Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = app.action(&input) {
        update(app, action);
    }
}

fn command(app: &mut App, c: Command) {
    update(app, Action::Command(c));
}

/// A game begun from the title screen.
fn playing() -> App {
    let mut app = app();
    command(&mut app, Command::Select);
    app
}

/// A game after the first choice (pour the tea).
fn after_a_choice() -> App {
    let mut app = playing();
    key(&mut app, KeyCode::Char('1'));
    app
}

fn ended() -> App {
    let mut app = after_a_choice();
    key(&mut app, KeyCode::Char('2'));
    app
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(Size::new(width, height)));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal
}

fn snapshot_at_both_sizes(name: &str, mut app: App) {
    for (w, h) in SIZES {
        let terminal = draw(&mut app, w, h);
        assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn title() {
    snapshot_at_both_sizes("title", app());
}

#[test]
fn title_with_a_game_to_continue() {
    let story = common::example().story;
    let mut session = Session::new(story, 1).unwrap();
    session.choose_offered(0).unwrap();
    let app = app_with(Options {
        seed: 1,
        resume: Some(session.state().clone()),
        ..Options::default()
    });
    snapshot_at_both_sizes("title_continue", app);
}

#[test]
fn play_first_scene() {
    snapshot_at_both_sizes("play_start", playing());
}

#[test]
fn play_after_a_choice_notes_what_changed() {
    let mut app = after_a_choice();
    command(&mut app, Command::Down);
    snapshot_at_both_sizes("play_after_choice", app);
}

#[test]
fn play_mid_reveal() {
    let mut app = app_with(Options {
        seed: 1,
        ..Options::default()
    });
    command(&mut app, Command::Select);
    assert!(app.animating());
    for _ in 0..5 {
        update(&mut app, Action::Tick);
    }
    snapshot_at_both_sizes("play_reveal", app);
}

#[test]
fn recollections_with_new_entries() {
    let mut app = after_a_choice();
    command(&mut app, Command::Recollections);
    snapshot_at_both_sizes("recollections", app);
}

#[test]
fn recollections_with_a_keepsake_selected() {
    let mut app = after_a_choice();
    command(&mut app, Command::Recollections);
    command(&mut app, Command::Down);
    snapshot_at_both_sizes("recollections_keepsake", app);
}

#[test]
fn recollections_empty() {
    let mut app = playing();
    command(&mut app, Command::Recollections);
    snapshot_at_both_sizes("recollections_empty", app);
}

#[test]
fn relationships() {
    let mut app = after_a_choice();
    command(&mut app, Command::Relationships);
    snapshot_at_both_sizes("relationships", app);
}

#[test]
fn help_overlay() {
    let mut app = playing();
    command(&mut app, Command::Help);
    snapshot_at_both_sizes("help", app);
}

#[test]
fn quit_confirmation() {
    let mut app = playing();
    command(&mut app, Command::Quit);
    snapshot_at_both_sizes("confirm_quit", app);
}

#[test]
fn ending_scene_then_ending_screen() {
    let app = ended();
    snapshot_at_both_sizes("play_ending_scene", app);
    let mut app = ended();
    command(&mut app, Command::Select);
    snapshot_at_both_sizes("ending", app);
}

#[test]
fn too_small() {
    let mut app = playing();
    let terminal = draw(&mut app, 40, 12);
    assert_snapshot!("too_small_40x12", terminal.backend());
    command(&mut app, Command::Quit);
    let terminal = draw(&mut app, 30, 10);
    assert_snapshot!("too_small_confirm_30x10", terminal.backend());
}

#[test]
fn the_selected_choice_shows_without_colour() {
    let mut app = app_with(Options {
        seed: 1,
        instant_text: true,
        theme: Some(ThemeChoice::NoColor),
        ..Options::default()
    });
    command(&mut app, Command::Select);
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("Pour him a cup")
        })
        .expect("the first choice is drawn");
    let reversed = (0..80).any(|x| {
        let cell = &buffer[(x, row)];
        cell.symbol() == "P" && cell.modifier.contains(Modifier::REVERSED)
    });
    assert!(reversed, "the selected choice is reversed");
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset),
        "no colour anywhere"
    );
}

#[test]
fn every_view_draws_at_every_size_without_panicking() {
    let views: Vec<fn() -> App> = vec![
        app,
        playing,
        after_a_choice,
        ended,
        || {
            let mut a = after_a_choice();
            command(&mut a, Command::Recollections);
            a
        },
        || {
            let mut a = after_a_choice();
            command(&mut a, Command::Relationships);
            a
        },
        || {
            let mut a = playing();
            command(&mut a, Command::Help);
            a
        },
        || {
            let mut a = ended();
            command(&mut a, Command::Select);
            a
        },
    ];
    for make in views {
        let mut app = make();
        for (w, h) in [(1, 1), (2, 40), (59, 17), (60, 18), (61, 19), (75, 30), (250, 80)] {
            draw(&mut app, w, h);
        }
    }
}
