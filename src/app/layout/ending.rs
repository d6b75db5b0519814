//! The ending's layout: its title and text, then what shaped it (the memories held
//! and their tones, the keepsakes, the people the story moved, the choices made), and
//! how far that page scrolls.

use ratatui::layout::Rect;

use super::{Piece, Role, Row, as_rows, column, screen, split_status, wrap};
use crate::app::App;
use crate::app::journal::{Entry, groups};
use crate::engine;
use crate::session::Session;
use crate::story::Ending;
use crate::words::narrator;

pub fn areas(app: &App, area: Rect) -> (Rect, Rect) {
    let (main, status) = split_status(area);
    let col = column(main, app.settings().column.width());
    let body = Rect {
        y: main.y + 1,
        height: main.height.saturating_sub(2),
        ..col
    };
    (body, status)
}

pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let Some(session) = app.session() else {
        return Vec::new();
    };
    let (story, state) = (session.story(), session.state());
    let width = usize::from(width);
    let ending = session.ending().and_then(|id| story.ending(id));
    let mut out = title_rows(ending, width);
    out.push(Row::blank());
    out.push(Row::styled("·  ·  ·", Role::Border).centred());
    out.push(Row::blank());
    out.push(Row::styled("What shaped it", Role::Heading));
    out.push(Row::blank());
    out.extend(held_rows(session, width));
    out.extend(people(story, state, width));
    out.extend(choice_rows(session, width));
    out
}

/// "The end", the ending's title and its summary, centred.
fn title_rows(ending: Option<&Ending>, width: usize) -> Vec<Row> {
    let mut out = vec![Row::styled("T H E   E N D", Role::Dim).centred(), Row::blank()];
    let title = ending.map_or("The end", |e| e.title.as_str());
    out.extend(
        as_rows(wrap::wrap(title, width), &Role::Title, 0)
            .into_iter()
            .map(Row::centred),
    );
    if let Some(summary) = ending.and_then(|e| e.summary.as_deref()) {
        out.push(Row::blank());
        out.extend(
            as_rows(wrap::wrap(summary, width.min(64)), &Role::Text, 0)
                .into_iter()
                .map(Row::centred),
        );
    }
    out
}

/// The memories held (with their tones and reflections) and the keepsakes, in the
/// journal's groups; a line saying so when nothing is held.
fn held_rows(session: &Session, width: usize) -> Vec<Row> {
    let (story, state) = (session.story(), session.state());
    let mut out = Vec::new();
    let held = groups(story, state);
    if held.is_empty() {
        out.push(Row::styled(
            format!("  {}", narrator::held_nothing(&story.narrator)),
            Role::Dim,
        ));
    }
    for group in held {
        let heading = group.heading;
        out.push(Row::styled(heading.to_owned(), Role::Accent));
        for entry in group.entries {
            match entry {
                Entry::Memory(m) => {
                    let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
                    out.push(Row::new(vec![
                        Piece::new("  ● ", Role::Tone(tone.to_owned())),
                        Piece::new(m.title.clone(), Role::Text),
                        Piece::new(", held as ", Role::Dim),
                        Piece::new(tone.to_owned(), Role::Tone(tone.to_owned())),
                    ]));
                    if let Some(r) = engine::reflection(story, session.now(), &m.id) {
                        for l in wrap::wrap(&r, width.saturating_sub(4)) {
                            out.push(Row::styled(format!("    {l}"), Role::Reflection));
                        }
                    }
                }
                Entry::Keepsake(k) | Entry::Lost(k) => out.push(Row::new(vec![
                    Piece::new("  ◆ ", Role::Accent),
                    Piece::new(k.name.clone(), Role::Text),
                ])),
            }
        }
        out.push(Row::blank());
    }
    out
}

/// The choices made, numbered, under "The choices"; nothing when none were.
fn choice_rows(session: &Session, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let choices: Vec<String> = session
        .history()
        .into_iter()
        .filter_map(|f| f.chosen.map(|c| c.label))
        .collect();
    if !choices.is_empty() {
        out.push(Row::styled("The choices", Role::Accent));
        for (i, choice) in choices.iter().enumerate() {
            let text = format!("{}. {choice}", i + 1);
            for (n, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                let pad = if n == 0 { "  " } else { "     " };
                out.push(Row::styled(format!("{pad}{l}"), Role::Choice));
            }
        }
    }
    out
}

/// The people the story moved, as the people page shows them (no "+0"), under "The
/// people"; nothing when it moved no one.
fn people(story: &crate::story::Story, state: &engine::GameState, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let moved: Vec<String> = story
        .characters
        .iter()
        .filter_map(|c| {
            let axes: Vec<String> = c
                .axes
                .iter()
                .filter_map(|a| {
                    let v = state.relationship(&c.id, &a.id).unwrap_or(a.initial);
                    (v != a.initial).then(|| format!("{} {v:+} (from {})", a.id.replace('_', " "), a.initial))
                })
                .collect();
            (!axes.is_empty()).then(|| format!("{}: {}", c.name, axes.join(", ")))
        })
        .collect();
    if !moved.is_empty() {
        out.push(Row::styled("The people", Role::Accent));
        for text in moved {
            for (n, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                let pad = if n == 0 { "  " } else { "    " };
                out.push(Row::styled(format!("{pad}{l}"), Role::Text));
            }
        }
        out.push(Row::blank());
    }
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (body, _) = areas(app, screen(app));
    rows(app, body.width)
        .len()
        .saturating_sub(usize::from(body.height))
}
