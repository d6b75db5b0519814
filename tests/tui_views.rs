//! Every view of the full-screen game, drawn with ratatui's `TestBackend` from states
//! built here, at 80×24 and 120×40, and compared with the snapshots beside this file.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::theme::ThemeChoice;
use hailsham::app::{Action, App, Command, Input, Options, ReplayState, update};
use hailsham::replay::Replay;
use hailsham::save::{SaveDir, Slot};
use hailsham::session::{Restored, Session};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Dates show in UTC here, whatever this machine's zone, so the snapshots hold anywhere.
fn app_with(options: Options) -> App {
    let time_zone = options.time_zone.clone().or(Some(jiff::tz::TimeZone::UTC));
    App::new(common::example().story, Options { time_zone, ..options })
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
    snapshots(name, &mut app);
}

fn snapshots(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let terminal = draw(app, w, h);
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
        resume: Some(Restored {
            session,
            notice: None,
        }),
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
fn settings_from_the_title_and_in_the_game() {
    let mut app = app();
    key(&mut app, KeyCode::Char('o'));
    command(&mut app, Command::Down);
    snapshot_at_both_sizes("settings", app);
    let mut app = playing();
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Right);
    assert_eq!(
        app.settings().text_speed,
        hailsham::app::TextSpeed::Slow,
        "→ from all at once"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), hailsham::app::View::Play);
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
fn high_contrast_underlines_a_heading_only_under_its_words() {
    let mut app = app_with(Options {
        seed: 1,
        instant_text: true,
        theme: Some(ThemeChoice::HighContrast),
        ..Options::default()
    });
    command(&mut app, Command::Select);
    for open in [
        None,
        Some(Command::Recollections),
        Some(Command::Relationships),
        Some(Command::History),
    ] {
        if let Some(c) = open {
            command(&mut app, c);
        }
        let terminal = draw(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        for y in 0..24 {
            let underlined: Vec<u16> = (0..80)
                .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::UNDERLINED))
                .collect();
            if let (Some(&first), Some(&last)) = (underlined.first(), underlined.last()) {
                let words: String = (first..=last).map(|x| buffer[(x, y)].symbol()).collect();
                assert!(!words.ends_with(' '), "{open:?}, row {y}: '{words}' underlined");
            }
        }
        command(&mut app, Command::Back);
    }
}

/// A save folder holding: slot 1 (saved twice, so with a backup), the quicksave, an
/// autosave further on, and a damaged slot 2; every time fixed, so the screens are too.
fn save_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = SaveDir::new(tmp.path());
    let story = common::example().story;
    let mut session = Session::new(story, 1).unwrap();
    let mut save = session.to_save(1_700_000_000);
    save.play_time = 40;
    dir.write(Slot::Numbered(1), &save).unwrap();
    session.choose_offered(0).unwrap();
    let mut save = session.to_save(1_700_000_600);
    save.play_time = 754;
    dir.write(Slot::Numbered(1), &save).unwrap();
    save.saved_at = 1_700_000_300;
    dir.write(Slot::Quick, &save).unwrap();
    session.choose_offered(0).unwrap();
    let mut save = session.to_save(1_700_003_600);
    save.play_time = 3_700;
    dir.write(Slot::Auto, &save).unwrap();
    std::fs::write(
        dir.path(Slot::Numbered(2)),
        "// A hailsham save\nSave(format: 1, story: Story(id: \"exa",
    )
    .unwrap();
    tmp
}

fn with_saves(dir: &tempfile::TempDir) -> App {
    app_with(Options {
        seed: 1,
        instant_text: true,
        saves: Some(SaveDir::new(dir.path())),
        ..Options::default()
    })
}

#[test]
fn title_offers_the_latest_save_and_loading() {
    let dir = save_folder();
    snapshot_at_both_sizes("title_saves", with_saves(&dir));
}

#[test]
fn save_screen() {
    let dir = save_folder();
    let mut app = with_saves(&dir);
    command(&mut app, Command::Select); // continue the autosave
    command(&mut app, Command::Save);
    snapshot_at_both_sizes("save", app);
}

#[test]
fn load_screen_with_a_save_selected() {
    let dir = save_folder();
    let mut app = with_saves(&dir);
    command(&mut app, Command::Down);
    command(&mut app, Command::Down);
    command(&mut app, Command::Select); // "Load a saved game"
    key(&mut app, KeyCode::Char('1'));
    snapshot_at_both_sizes("load", app);
}

#[test]
fn load_screen_with_a_damaged_slot_selected() {
    let dir = save_folder();
    let mut app = with_saves(&dir);
    command(&mut app, Command::Select);
    command(&mut app, Command::Load);
    key(&mut app, KeyCode::Char('2'));
    snapshot_at_both_sizes("load_damaged", app);
}

#[test]
fn saving_over_a_damaged_slot_asks_first() {
    let dir = save_folder();
    let mut app = with_saves(&dir);
    command(&mut app, Command::Select);
    command(&mut app, Command::Save);
    key(&mut app, KeyCode::Char('2'));
    command(&mut app, Command::Select);
    snapshot_at_both_sizes("save_confirm_overwrite", app);
}

/// A game that went one way, was taken back, and went the other.
fn branched() -> App {
    let mut app = after_a_choice();
    command(&mut app, Command::Select); // ask about the rumour
    command(&mut app, Command::Undo);
    command(&mut app, Command::Undo);
    key(&mut app, KeyCode::Char('2')); // say we should get on
    app
}

#[test]
fn undo_says_what_was_taken_back() {
    let mut app = after_a_choice();
    command(&mut app, Command::Undo);
    snapshot_at_both_sizes("play_after_undo", app);
}

#[test]
fn timeline_with_two_branches() {
    let mut app = branched();
    command(&mut app, Command::Timeline);
    snapshot_at_both_sizes("timeline", app);
    let mut app = branched();
    command(&mut app, Command::Timeline);
    command(&mut app, Command::Up);
    command(&mut app, Command::Up);
    snapshot_at_both_sizes("timeline_other_branch", app);
}

#[test]
fn history_of_two_choices() {
    let mut app = after_a_choice();
    command(&mut app, Command::Select);
    command(&mut app, Command::History);
    snapshots("history_end", &mut app);
    command(&mut app, Command::Top);
    snapshot_at_both_sizes("history_top", app);
}

fn replaying() -> App {
    let story = common::example().story;
    let mut session = Session::new(story.clone(), 1).unwrap();
    session.choose_offered(0).unwrap();
    session.choose_offered(1).unwrap();
    let frames = Replay::from_seed(&story, 1, session.state().log.clone()).unwrap();
    let replay = ReplayState::new(1, frames);
    App::replay(story, replay, Options::default())
}

#[test]
fn replay_playing_then_paused_a_step_on() {
    snapshot_at_both_sizes("replay_start", replaying());
    let mut app = replaying();
    command(&mut app, Command::Pause);
    command(&mut app, Command::Step);
    command(&mut app, Command::Faster);
    snapshots("replay_paused", &mut app);
    command(&mut app, Command::Step);
    snapshot_at_both_sizes("replay_end", app);
}

#[test]
fn every_view_draws_at_every_size_without_panicking() {
    let views: Vec<fn() -> App> = vec![
        replaying,
        branched,
        || {
            let mut a = branched();
            command(&mut a, Command::Timeline);
            a
        },
        || {
            let mut a = branched();
            command(&mut a, Command::History);
            a
        },
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
    let dir = save_folder();
    let mut apps: Vec<App> = views.into_iter().map(|make| make()).collect();
    for (c, overwrite) in [
        (Command::Save, false),
        (Command::Load, false),
        (Command::Save, true),
    ] {
        let mut a = with_saves(&dir);
        command(&mut a, Command::Select);
        command(&mut a, c);
        if overwrite {
            key(&mut a, KeyCode::Char('2'));
            command(&mut a, Command::Select);
        }
        apps.push(a);
    }
    for mut app in apps {
        for (w, h) in [(1, 1), (2, 40), (59, 17), (60, 18), (61, 19), (75, 30), (250, 80)] {
            draw(&mut app, w, h);
        }
    }
}
