//! The narrator's name and pronoun come from the story's manifest: every view that
//! names them reads right for a story told by someone else.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use hailsham::app::{Action, App, Command, Options, update};
use hailsham::plain::Player;
use hailsham::session::Session;
use hailsham::story::{self, Pronoun, Story};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KATHY: &str = r#"narrator: Narrator(name: "Kathy", pronoun: She),"#;

fn told_by(narrator: &str) -> Story {
    story::load(common::edited("story.ron", KATHY, narrator))
        .unwrap()
        .story
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The full-screen game's people, empty recollections, help, and the plain help and
/// history, as a story's narrator makes them.
fn views(story: Story) -> String {
    let mut app = App::new(
        story.clone(),
        Options {
            instant_text: true,
            ..Options::default()
        },
    );
    update(&mut app, Action::Resize(ratatui::layout::Size::new(100, 30)));
    update(&mut app, Action::Command(Command::Select));
    let mut out = String::new();
    for c in [Command::Relationships, Command::Recollections, Command::Help] {
        update(&mut app, Action::Command(c));
        out.push_str(&screen(&app));
        update(&mut app, Action::Command(Command::Back));
    }
    let mut written = Vec::new();
    let mut player = Player::new(Session::new(story, 1).unwrap(), &mut written);
    player.run("help\nhistory\nquit\n".as_bytes()).unwrap();
    drop(player);
    out.push_str(&String::from_utf8_lossy(&written));
    // Spaces and line breaks aside, so a wrapped sentence reads as one.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_built_in_story_is_told_by_kathy() {
    let story = story::load_embedded().unwrap().story;
    assert_eq!(story.narrator.name, "Kathy");
    assert_eq!(story.narrator.pronoun, Pronoun::She);
}

#[test]
fn a_story_told_by_someone_else_reads_right() {
    let text = views(told_by(r#"narrator: Narrator(name: "Tommy", pronoun: He),"#));
    for said in [
        "how Tommy stands with them",
        "Memories gather here as Tommy tells his story: what happened, how he holds it, and what he makes of it now.",
        "the people in Tommy's story",
        "the memories Tommy holds, and his keepsakes",
        "how he stands with the people in his story",
        "History: what Tommy has read so far",
    ] {
        assert!(text.contains(said), "'{said}' not in:\n{text}");
    }
    assert!(!text.contains("Kathy"), "{text}");
    assert!(!text.contains(" she ") && !text.contains(" her "), "{text}");
}

#[test]
fn without_a_narrator_the_game_says_the_narrator_and_they() {
    let text = views(told_by(""));
    for said in [
        "how the narrator stands with them",
        "as the narrator tells their story: what happened, how they hold it, and what they make of it now.",
        "the people in the narrator's story",
        "the memories the narrator holds, and their keepsakes",
        "how they stand with the people in their story",
    ] {
        assert!(text.contains(said), "'{said}' not in:\n{text}");
    }
    assert!(!text.contains("Kathy"), "{text}");
}
