//! Reading in the full-screen game, as a player does it: a scene opens at its top and
//! stays there while its text appears at a reading pace; a full page waits with a
//! "more" marker; Space, Enter or a click completes the page or turns it; every other
//! key acts at once. The long scene is a fixture, not the story's prose.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::{
    Action, App, Command, Input, InputSource, Options, Settings, TextSpeed, View, run, update,
};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

/// The example story with a first scene of thirty numbered paragraphs.
fn long_story() -> hailsham::story::Story {
    let paragraphs: Vec<String> = (1..=30)
        .map(|n| format!("\"Paragraph {n} begins here and runs on for a while, so that it wraps.\""))
        .collect();
    let sources = common::edited(
        "drive.ron",
        "\"The rain has stopped by the time I pull in. Tommy has the flask between his knees.\"",
        &paragraphs.join(",\n"),
    );
    hailsham::story::load(sources).unwrap().story
}

fn app_at(story: hailsham::story::Story, speed: TextSpeed, w: u16, h: u16) -> App {
    let mut app = App::new(
        story,
        Options {
            seed: 1,
            settings: Settings {
                text_speed: speed,
                ..Settings::default()
            },
            ..Options::default()
        },
    );
    update(&mut app, Action::Resize(Size::new(w, h)));
    app
}

fn begin(app: &mut App) {
    update(app, Action::Command(Command::Select));
}

/// Ticks until the reveal stops (the page is full or the text all shows); returns how many.
fn tick_out(app: &mut App) -> usize {
    let mut ticks = 0;
    while app.animating() {
        update(app, Action::Tick);
        ticks += 1;
        assert!(ticks < 100_000, "the reveal never stops");
    }
    ticks
}

fn screen(app: &App) -> String {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn key(app: &mut App, code: KeyCode) {
    let input = Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = app.action(&input) {
        update(app, action);
    }
}

#[test]
fn a_long_scene_opens_at_its_top_and_waits_when_the_page_is_full() {
    let mut app = app_at(long_story(), TextSpeed::Normal, 80, 24);
    begin(&mut app);
    assert!(app.animating());
    tick_out(&mut app);
    assert_eq!(app.play_state().scroll, 0, "the scene stays at its top");
    assert!(app.play_state().reveal.is_some(), "the rest waits");
    assert_eq!(app.wake_after(), None, "waiting at the page's end takes no ticks");
    let text = screen(&app);
    assert!(text.contains("Paragraph 1 begins"), "{text}");
    assert!(text.contains("▼ more (Space)"), "{text}");
    assert!(
        !text.contains("1. Pour him a cup"),
        "no choices before the text is read"
    );
    assert_snapshot!("reading_page_full_80x24", text);

    // Space turns the page: the next unread line comes to the top, and appears.
    key(&mut app, KeyCode::Char(' '));
    let scroll = app.play_state().scroll;
    assert!(scroll > 0);
    assert!(app.animating());
    let text = screen(&app);
    assert!(!text.contains("Paragraph 1 begins"), "{text}");
    assert!(text.contains("↑ more above"), "{text}");
    // Enter completes the page at once.
    key(&mut app, KeyCode::Enter);
    assert!(!app.animating());
    assert_eq!(app.play_state().scroll, scroll);
    // Turning pages to the end shows the choices, and no choice was taken on the way.
    let mut pages = 0;
    while app.play_state().reveal.is_some() {
        key(&mut app, KeyCode::Enter);
        tick_out(&mut app);
        pages += 1;
        assert!(pages < 50, "the pages never end");
    }
    assert!(app.session().is_some_and(|s| s.state().log.is_empty()));
    let text = screen(&app);
    assert!(text.contains("Paragraph 30 begins"), "{text}");
    assert!(text.contains("1. Pour him a cup"), "{text}");
}

#[test]
fn every_scene_of_the_example_opens_at_its_first_line_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40), (60, 18)] {
        let mut app = app_at(long_story(), TextSpeed::Fast, w, h);
        begin(&mut app);
        let mut seen = 0;
        while app.session().is_some_and(|s| s.ending().is_none()) && seen < 10 {
            tick_out(&mut app);
            let first = app.session().unwrap().passage()[0].text.clone();
            let first_words: String = first.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            let text = screen(&app);
            assert!(
                text.contains(&first_words),
                "{w}×{h}: '{first_words}' not on\n{text}"
            );
            while app.play_state().reveal.is_some() {
                key(&mut app, KeyCode::Char(' '));
                tick_out(&mut app);
            }
            key(&mut app, KeyCode::Char('1'));
            seen += 1;
        }
        assert!(seen >= 2, "{w}×{h}: {seen} scenes");
    }
}

#[test]
fn the_speeds_reveal_no_faster_than_a_reading_pace() {
    let mut ticks = Vec::new();
    for speed in [TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast] {
        let per_second = speed.letters_per_second().unwrap();
        assert!(
            (15..=100).contains(&per_second),
            "{speed:?}: {per_second} letters a second"
        );
        let mut app = app_at(long_story(), speed, 80, 24);
        begin(&mut app);
        ticks.push(tick_out(&mut app));
    }
    assert!(ticks[0] > ticks[1] && ticks[1] > ticks[2], "{ticks:?}");
    let mut app = app_at(long_story(), TextSpeed::Instant, 80, 24);
    begin(&mut app);
    assert!(!app.animating(), "all at once: the page shows at once");
    assert!(app.play_state().reveal.is_some(), "and still waits at its end");
    assert!(screen(&app).contains("▼ more"));
}

#[test]
fn keys_act_at_once_while_the_text_appears() {
    let mut app = app_at(long_story(), TextSpeed::Slow, 80, 24);
    begin(&mut app);
    update(&mut app, Action::Tick);
    assert!(app.animating());
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.view(), View::Recollections);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Play);
    assert!(app.animating(), "the reveal goes on where it was");
    key(&mut app, KeyCode::Char('1'));
    assert!(app.session().unwrap().state().log.is_empty());
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit(), "q then y quits, even mid-reveal");
}

#[test]
fn a_click_completes_the_page() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = app_at(long_story(), TextSpeed::Slow, 80, 24);
    begin(&mut app);
    let click = Input::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.action(&click), Some(Action::Advance));
    update(&mut app, Action::Advance);
    assert!(!app.animating());
    assert!(screen(&app).contains("▼ more"));
}

/// Input that counts the loop's timed waits (ticks) and hands out scripted keys
/// only when the loop blocks.
struct Counting {
    ticks: usize,
    inputs: std::collections::VecDeque<Input>,
}

impl InputSource for Counting {
    fn next(&mut self, timeout: Option<Duration>) -> Option<Input> {
        if timeout.is_some() {
            self.ticks += 1;
            return None;
        }
        Some(self.inputs.pop_front().unwrap_or(Input::Closed))
    }
}

#[test]
fn the_loop_ticks_only_while_text_appears_and_blocks_at_a_full_page() {
    let mut app = app_at(long_story(), TextSpeed::Normal, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let enter = Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let mut inputs = Counting {
        ticks: 0,
        inputs: [enter].into_iter().collect(),
    };
    run(&mut terminal, &mut app, &mut inputs).unwrap();
    // The first page at two letters a tick, then the loop blocked: the input ran out.
    let page = app.play_state().reveal.unwrap().shown;
    assert_eq!(inputs.ticks, page.div_ceil(2), "{page} letters");
    assert_eq!(app.play_state().scroll, 0);
}

/// The row of the screen that holds `needle`, if any.
fn row_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle))
}

#[test]
fn what_a_choice_did_comes_after_the_text_it_refers_to() {
    use hailsham::app::settings::Effects;
    let story = common::example().story;
    let mut app = app_at(story.clone(), TextSpeed::Normal, 80, 24);
    begin(&mut app);
    let text = screen(&app);
    assert!(
        !text.contains("Learned:"),
        "nothing before the text is read:\n{text}"
    );
    tick_out(&mut app);
    let text = screen(&app);
    let learned = row_of(&text, "Learned: Someone said").expect("shown once read");
    assert!(learned > row_of(&text, "The rain has stopped").unwrap(), "{text}");

    key(&mut app, KeyCode::Char('1'));
    tick_out(&mut app);
    let text = screen(&app);
    let first = row_of(&text, "Then it is time to go.").expect("the scene's text");
    for effect in [
        "Remembered: The lay-by (warm)",
        "Tommy: closeness up (0 to 1)",
        "Kept: The tartan flask",
    ] {
        let row = row_of(&text, effect).unwrap_or_else(|| panic!("{effect} not on\n{text}"));
        assert!(row > first, "{effect} above the text:\n{text}");
    }

    for (how, expected) in [(Effects::Brief, 1), (Effects::None, 0)] {
        let mut app = App::new(
            story.clone(),
            Options {
                seed: 1,
                settings: Settings {
                    effects: how,
                    text_speed: TextSpeed::Instant,
                    ..Settings::default()
                },
                ..Options::default()
            },
        );
        begin(&mut app);
        key(&mut app, KeyCode::Char('1'));
        let text = screen(&app);
        let lines = text.lines().filter(|l| l.contains("· ")).count();
        assert_eq!(lines, expected, "{how:?}:\n{text}");
        if how == Effects::Brief {
            assert!(
                text.contains("· The lay-by · kept The tartan flask · Tommy: closeness ↑"),
                "{text}"
            );
        }
    }
}

fn with_saves(story: hailsham::story::Story, saves: &std::path::Path) -> App {
    let mut app = App::new(
        story,
        Options {
            seed: 1,
            saves: Some(hailsham::save::SaveDir::new(saves)),
            ..Options::default()
        },
    );
    update(&mut app, Action::Resize(Size::new(80, 24)));
    app
}

/// A long first scene read to its second page, after a choice there and back (undo),
/// so the page has what the start did under it.
fn read_to_the_second_page(app: &mut App) {
    tick_out(app);
    key(app, KeyCode::Char(' '));
    update(app, Action::Tick);
    update(app, Action::Tick);
}

#[test]
fn continue_in_the_same_run_returns_to_the_very_page() {
    let mut app = app_at(long_story(), TextSpeed::Normal, 80, 24);
    begin(&mut app);
    read_to_the_second_page(&mut app);
    let before = (app.play_state().scroll, app.play_state().reveal);
    let page = screen(&app);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Title);
    assert!(screen(&app).contains("Continue: A lay-by (at the start)"));
    key(&mut app, KeyCode::Enter);
    assert_eq!((app.play_state().scroll, app.play_state().reveal), before);
    assert_eq!(screen(&app), page);
}

#[test]
fn continue_after_a_restart_and_load_return_to_the_place_read_to() {
    let tmp = tempfile::tempdir().unwrap();
    let story = long_story();
    let mut app = with_saves(story.clone(), tmp.path());
    begin(&mut app);
    // Read the first scene to its end and choose; the next scene shows what it did.
    while app.play_state().reveal.is_some() {
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Char('1'));
    tick_out(&mut app);
    let read = screen(&app);
    assert!(read.contains("Remembered: The lay-by (warm)"), "{read}");
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit());

    // A new run: Continue shows the scene at once, with what the choice did under it.
    let mut app = with_saves(story.clone(), tmp.path());
    assert!(
        screen(&app).contains("Continue: Talk (1 choice in)"),
        "{}",
        screen(&app)
    );
    key(&mut app, KeyCode::Enter);
    assert!(!app.animating(), "not revealed again");
    let text = screen(&app);
    assert!(text.contains("Remembered: The lay-by (warm)"), "{text}");
    assert!(text.contains("1. Ask him about the rumour"), "{text}");

    // Back in the long first scene, on its second page, saved and loaded there.
    key(&mut app, KeyCode::Char('u'));
    read_to_the_second_page(&mut app);
    assert!(app.play_state().scroll > 0);
    let top = first_paragraph(&screen(&app));
    key(&mut app, KeyCode::F(5));
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::F(9));
    let text = screen(&app);
    assert!(text.contains("Loaded the quicksave"), "{text}");
    assert_eq!(first_paragraph(&text), top, "{text}");
    // Reading on after loading is kept by the autosave.
    key(&mut app, KeyCode::Char(' '));
    tick_out(&mut app);
    let top = first_paragraph(&screen(&app));
    key(&mut app, KeyCode::Esc);

    let mut app = with_saves(story, tmp.path());
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        first_paragraph(&screen(&app)),
        top,
        "the autosave kept the place too"
    );
}

/// The first paragraph of the long scene in view.
fn first_paragraph(text: &str) -> String {
    text.lines()
        .find(|l| l.contains("Paragraph "))
        .unwrap_or_default()
        .trim_matches(|c: char| c == '"' || c.is_whitespace())
        .to_owned()
}

#[test]
fn an_act_opens_with_its_title_card_and_the_footer_names_the_era_being_read() {
    let sources = common::edited(
        "drive.ron",
        "frame: true,\n        title: \"Talk\"",
        "frame: false,\n        title: \"Talk\"",
    );
    let story = hailsham::story::load(sources).unwrap().story;
    let mut app = app_at(story, TextSpeed::Instant, 80, 24);
    begin(&mut app);
    let text = screen(&app);
    let footer = text.lines().last().unwrap().to_owned();
    assert!(footer.starts_with("\" Now "), "the frame is now: {footer}");

    key(&mut app, KeyCode::Char('1'));
    assert!(app.play_state().card);
    let text = screen(&app);
    assert!(
        text.contains("Act One") && text.contains("The carer years"),
        "{text}"
    );
    assert!(!text.contains("He laughs"), "the card comes first:\n{text}");
    assert_snapshot!("reading_act_card_80x24", text);
    key(&mut app, KeyCode::Char(' '));
    let text = screen(&app);
    assert!(text.contains("He laughs"), "{text}");
    let footer = text.lines().last().unwrap().to_owned();
    assert!(footer.starts_with("\" The carer years "), "{footer}");

    // The same act again (a scene of it chosen again) has no second card.
    key(&mut app, KeyCode::Char('1'));
    assert!(!app.play_state().card);
    // Nor does taking a choice back into it.
    key(&mut app, KeyCode::Char('u'));
    assert!(!app.play_state().card);
}

/// The example with a second choice that remembers the lay-by differently, loses the
/// flask, and a reflection long enough to scroll.
fn changing_story() -> hailsham::story::Story {
    let long: Vec<&str> = std::iter::repeat_n("The tea was hot and the windows ran with it.", 30).collect();
    let sources = common::edited(
        "drive.ron",
        "effects: [Set(\"asked\")]",
        "effects: [Set(\"asked\"), Remember(\"the_lay_by\", \"sore\"), Lose(\"flask\")]",
    );
    let mut sources = sources;
    let manifest = &mut sources.manifest;
    manifest.text = manifest.text.replacen(
        "We talked about the rumour as if it were the weather.",
        &long.join(" "),
        1,
    );
    hailsham::story::load(sources).unwrap().story
}

#[test]
fn the_recollections_scroll_open_reorder_and_remember_what_was_lost() {
    let mut app = app_at(changing_story(), TextSpeed::Instant, 80, 24);
    begin(&mut app);
    key(&mut app, KeyCode::Char('1')); // pour: warm, and the flask
    key(&mut app, KeyCode::Char('1')); // ask: remembered as sore, the flask lost
    key(&mut app, KeyCode::Char('r'));
    let text = screen(&app);
    assert!(text.contains("held before as warm"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("◇ The tartan") && l.contains(" lost │")),
        "lost, still listed:\n{text}"
    );
    assert!(text.contains("↓ more below (PgDn)"), "{text}");
    assert_snapshot!("reading_recollections_80x24", text);
    // PgDn scrolls the long reflection, not the list.
    key(&mut app, KeyCode::PageDown);
    assert!(app.journal_state().detail_scroll > 0);
    assert_eq!(app.journal_state().selected, 0);
    // Enter opens the memory on the whole page; Esc goes back to the list.
    key(&mut app, KeyCode::Enter);
    assert!(app.journal_state().open);
    let text = screen(&app);
    assert!(
        !text.contains("As remembered") && !text.contains("The carer years   "),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.journal_state().open);
    assert_eq!(app.view(), View::Recollections);
    // a: in the order remembered, and back.
    key(&mut app, KeyCode::Char('a'));
    assert!(screen(&app).contains("As remembered"));
    key(&mut app, KeyCode::Char('a'));
    assert!(!screen(&app).contains("As remembered"));
    // The lost keepsake opens too.
    key(&mut app, KeyCode::Down);
    assert!(
        screen(&app).contains("A keepsake, lost along the way"),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_new_mark_never_runs_into_a_long_title() {
    let sources = common::edited(
        "story.ron",
        "title: \"The lay-by\"",
        "title: \"The lay-by on the A-road where the lorries went past all afternoon\"",
    );
    let story = hailsham::story::load(sources).unwrap().story;
    for (w, h) in [(60, 18), (80, 24), (120, 40)] {
        let mut app = app_at(story.clone(), TextSpeed::Instant, w, h);
        begin(&mut app);
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Char('r'));
        let text = screen(&app);
        let row = text.lines().find(|l| l.contains(" new")).expect("marked new");
        let before = row.split(" new").next().unwrap();
        assert!(before.ends_with(' ') || before.ends_with('›'), "{w}×{h}: '{row}'");
        assert!(!row.contains("new│"), "{w}×{h}: '{row}'");
    }
}
