//! The authoring tools in the full-screen game: the inspector (drawn from a state built
//! here, at 80×24 and 120×40, and opened and closed through the real loop), and hot
//! reload (`--watch`) through the real loop with a scripted reload source: a good
//! edit, a story without the current scene, a broken edit with its diagnostics, then
//! the fix.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use std::collections::VecDeque;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::input::Script;
use hailsham::app::{Action, App, Command, Input, Options, Overlay, View, run, update};
use hailsham::save::{SaveDir, Slot};
use hailsham::session::{Restored, Session};
use hailsham::story::{Story, StorySources};
use hailsham::watch::{Reload, ReloadSource};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

/// A choice that needs more closeness than pouring the tea gives: hidden after it.
const CONFIDE: &str = r#"Choice(id: "confide", label: "Tell him what I heard", when: All([Knows("heard_rumour"), Rel("tommy", "closeness", Ge, 2)]), to: "home"),
            Choice(id: "go", label: "Start the engine", to: "home"),"#;

/// The sources named as from the crate's folder, so the screens are the same anywhere.
fn relative(mut sources: StorySources) -> StorySources {
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    for f in std::iter::once(&mut sources.manifest).chain(&mut sources.scene_files) {
        f.name = f.name.trim_start_matches(&root).to_owned();
    }
    sources
}

fn story() -> Story {
    let sources = common::edited(
        "drive.ron",
        r#"Choice(id: "go", label: "Start the engine", to: "home"),"#,
        CONFIDE,
    );
    hailsham::story::load(relative(sources)).unwrap().story
}

/// The game on "Talk" after pouring the tea (closeness 1), continued from the title.
fn at_talk(saves: Option<SaveDir>) -> App {
    let story = story();
    let mut session = Session::new(story.clone(), 1).unwrap();
    session.choose("pour").unwrap();
    let mut app = App::new(
        story,
        Options {
            seed: 1,
            instant_text: true,
            resume: Some(Restored {
                session,
                notice: None,
            }),
            saves,
            ..Options::default()
        },
    );
    update(&mut app, Action::Command(Command::Select));
    app
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(Size::new(width, height)));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal
}

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn the_inspector_shows_why_a_choice_is_hidden() {
    let mut app = at_talk(None);
    update(&mut app, Action::Command(Command::Inspect));
    assert_eq!(app.view(), View::Inspector);
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&mut app, w, h);
        let text = terminal.backend().to_string();
        assert!(text.contains("✗ hidden: its condition fails"), "{text}");
        assert_snapshot!(format!("inspector_{w}x{h}"), terminal.backend());
    }
    // Scrolled to the end: what the scene reads and writes.
    draw(&mut app, 80, 24);
    update(&mut app, Action::Command(Command::Bottom));
    let text = draw(&mut app, 80, 24).backend().to_string();
    assert!(text.contains("relationships: tommy.closeness"), "{text}");
    assert!(text.contains("Writes"), "{text}");
}

#[test]
fn the_inspector_opens_and_closes_in_the_loop() {
    let run_keys = |inputs: Vec<Input>| {
        let mut app = at_talk(None);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        run(&mut terminal, &mut app, &mut Script::new(inputs)).unwrap();
        (app.view(), terminal.backend().to_string())
    };
    let (view, text) = run_keys(vec![key(KeyCode::Char('i'))]);
    assert_eq!(view, View::Inspector);
    assert!(text.contains("✓ holds  ✗ fails"), "{text}");
    assert!(
        text.contains("Rel(\"tommy\", \"closeness\", Ge, 2) fails: tommy.closeness is 1"),
        "{text}"
    );
    let (view, _) = run_keys(vec![key(KeyCode::Char('i')), key(KeyCode::Esc)]);
    assert_eq!(view, View::Play);
    let (view, _) = run_keys(vec![
        key(KeyCode::F(2)),
        key(KeyCode::PageDown),
        key(KeyCode::F(2)),
    ]);
    assert_eq!(view, View::Play);
    // From another page, and back to the story from there.
    let (view, _) = run_keys(vec![
        key(KeyCode::Char('r')),
        key(KeyCode::Char('i')),
        key(KeyCode::Esc),
    ]);
    assert_eq!(view, View::Play);
}

/// Reloads handed out one per poll, as a file watcher would after each save.
struct Scripted(VecDeque<Option<Reload>>);

impl ReloadSource for Scripted {
    fn poll(&mut self) -> Option<Reload> {
        self.0.pop_front().flatten()
    }
}

fn loaded(file: &str, from: &str, to: &str) -> Reload {
    let loaded = hailsham::story::load(common::edited(file, from, to)).unwrap();
    Reload::Loaded(Box::new(loaded))
}

fn broken() -> Reload {
    let sources = common::edited("drive.ron", "to: \"home\"", "to: \"hme\"");
    Reload::Broken(common::load_err(relative(sources)))
}

/// The example story with its scene "talk" renamed "chat" throughout.
fn without_talk() -> Reload {
    let mut sources = common::example_sources();
    for f in &mut sources.scene_files {
        f.text = f.text.replace("\"talk\"", "\"chat\"");
    }
    let loaded = hailsham::story::load(sources).unwrap();
    Reload::Loaded(Box::new(loaded))
}

/// Plays the example story with `reloads` coming in where the script says
/// [`Input::StoryChanged`]; returns the game as the script left it and its screen.
/// Each game saves into a folder of its own (a shared one would offer to continue).
fn watched(reloads: Vec<Option<Reload>>, inputs: Vec<Input>) -> (App, String, tempfile::TempDir) {
    let saves = tempfile::tempdir().unwrap();
    let mut app = App::new(
        common::example().story,
        Options {
            seed: 1,
            instant_text: false,
            saves: Some(SaveDir::new(saves.path())),
            ..Options::default()
        },
    );
    app.watch(Box::new(Scripted(reloads.into())));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // The loop draws after each input, so the screen is the one the last input left.
    run(&mut terminal, &mut app, &mut Script::new(inputs)).unwrap();
    (app, terminal.backend().to_string(), saves)
}

#[test]
fn a_watched_story_reloads_in_place_and_shows_a_broken_edit() {
    let begin = key(KeyCode::Enter);
    let changed = Input::StoryChanged;

    // A good edit: the scene is drawn again from the new story, at once.
    let (app, text, _saves) = watched(
        vec![Some(loaded("drive.ron", "Pour him a cup", "Pour him tea"))],
        vec![begin.clone(), changed.clone()],
    );
    assert!(text.contains("Story reloaded."), "{text}");
    assert!(text.contains("1. Pour him tea"), "{text}");
    assert!(text.contains("The rain has stopped"), "{text}");
    assert_eq!(app.view(), View::Play);

    // A wake with nothing new changes nothing (and keeps the notice).
    let (_, text, _) = watched(
        vec![Some(loaded("drive.ron", "Pour him a cup", "Pour him tea")), None],
        vec![begin.clone(), changed.clone(), changed.clone()],
    );
    assert!(text.contains("Story reloaded."), "{text}");

    // On "Talk", a story that has no "talk": the old story plays on.
    let (app, text, _saves) = watched(
        vec![Some(without_talk())],
        vec![begin.clone(), key(KeyCode::Char('1')), changed.clone()],
    );
    assert!(text.contains("The story was not reloaded"), "{text}");
    assert!(
        text.contains("no scene 'talk', the one you are reading"),
        "{text}"
    );
    assert!(text.contains("1. Ask him about the rumour"), "{text}");
    assert_eq!(app.session().unwrap().state().scene, "talk");

    // Put back, it reloads, and the scene no longer says it was not.
    let (_, text, _saves) = watched(
        vec![
            Some(without_talk()),
            Some(loaded("drive.ron", "Start the engine", "Drive home")),
        ],
        vec![
            begin.clone(),
            key(KeyCode::Char('1')),
            changed.clone(),
            changed.clone(),
        ],
    );
    assert!(text.contains("Story reloaded."), "{text}");
    assert!(text.contains("2. Drive home"), "{text}");
    assert!(!text.contains("no scene 'talk'"), "{text}");

    // A broken edit: its diagnostics over the game, which goes on.
    let (app, text, _saves) = watched(vec![Some(broken())], vec![begin.clone(), changed.clone()]);
    assert_eq!(app.overlay(), Some(Overlay::Diagnostics));
    assert!(text.contains("The story has errors"), "{text}");
    assert!(text.contains("unknown scene 'hme'"), "{text}");
    assert!(text.contains("drive.ron"), "{text}");

    // Esc closes them; the old story plays on, and the autosave still follows.
    let (app, text, saves) = watched(
        vec![Some(broken())],
        vec![
            begin.clone(),
            changed.clone(),
            key(KeyCode::Esc),
            key(KeyCode::Char('1')),
        ],
    );
    assert_eq!(app.overlay(), None);
    assert_eq!(app.session().unwrap().state().scene, "talk");
    assert!(!text.contains("unknown scene"), "{text}");
    let auto = std::fs::read_to_string(SaveDir::new(saves.path()).path(Slot::Auto)).unwrap();
    assert!(auto.contains("step 1: Talk"), "{auto}");

    // Then the fix: reloaded, the diagnostics gone.
    let (app, text, _saves) = watched(
        vec![
            Some(broken()),
            Some(loaded("drive.ron", "Pour him a cup", "Pour him tea")),
        ],
        vec![begin, changed.clone(), changed],
    );
    assert_eq!(app.overlay(), None);
    assert!(text.contains("Story reloaded."), "{text}");
    assert!(text.contains("1. Pour him tea"), "{text}");
}

#[test]
fn the_diagnostics_overlay_at_both_sizes() {
    let saves = tempfile::tempdir().unwrap();
    let mut app = App::new(
        common::example().story,
        Options {
            seed: 1,
            instant_text: true,
            saves: Some(SaveDir::new(saves.path())),
            ..Options::default()
        },
    );
    app.watch(Box::new(Scripted(vec![Some(broken())].into())));
    update(&mut app, Action::Command(Command::Select));
    update(&mut app, Action::Reload);
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&mut app, w, h);
        assert_snapshot!(format!("diagnostics_{w}x{h}"), terminal.backend());
    }
    // It scrolls, and any other key closes it.
    for code in [KeyCode::PageDown, KeyCode::Esc] {
        if let Some(action) = app.action(&key(code)) {
            update(&mut app, action);
        }
    }
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_inspector_and_the_diagnostics_draw_at_every_size_without_panicking() {
    let mut inspecting = at_talk(None);
    update(&mut inspecting, Action::Command(Command::Inspect));
    let saves = tempfile::tempdir().unwrap();
    let mut broken_edit = at_talk(Some(SaveDir::new(saves.path())));
    broken_edit.watch(Box::new(Scripted(vec![Some(broken())].into())));
    update(&mut broken_edit, Action::Reload);
    assert_eq!(broken_edit.overlay(), Some(Overlay::Diagnostics));
    for app in [&mut inspecting, &mut broken_edit] {
        for (w, h) in [(1, 1), (2, 40), (59, 17), (60, 18), (61, 19), (75, 30), (250, 80)] {
            draw(app, w, h);
            update(app, Action::Command(Command::Bottom));
            draw(app, w, h);
        }
    }
}
