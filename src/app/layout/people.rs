//! The relationships' layout: each person, a gauge for every axis of how the narrator
//! stands with them, and the last change that moved them; and how far it scrolls.

use ratatui::layout::Rect;

use super::{Piece, READING_WIDTH, Role, Row, page_layout, screen, wrap};
use crate::app::App;
use crate::engine::GameState;
use crate::story::{Axis, Character, Story};

/// The header, the scrolling body, and the status line.
pub fn areas(area: Rect) -> (Rect, Rect, Rect) {
    let page = page_layout(area, READING_WIDTH);
    (page.header, page.body, page.status)
}

/// An axis's name as a reader sees it: "closeness" → "Closeness".
pub fn axis_name(id: &str) -> String {
    let words = id.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A bar from the axis's minimum to its maximum: filled from zero (or the minimum) to
/// the value, with a knob at the value, so it reads without colour.
pub fn gauge(axis: &Axis, value: i32, width: usize) -> Vec<Piece> {
    let width = width.max(3);
    let span = i64::from(axis.max - axis.min).max(1);
    let cell = |v: i32| -> usize {
        let steps = i64::try_from(width - 1).unwrap_or(0);
        let at = (i64::from(v - axis.min) * steps + span / 2) / span;
        usize::try_from(at.clamp(0, steps)).unwrap_or(0)
    };
    let zero = cell(0.clamp(axis.min, axis.max));
    let here = cell(value.clamp(axis.min, axis.max));
    let (lo, hi) = (zero.min(here), zero.max(here));
    (0..width)
        .map(|i| {
            if i == here {
                Piece::new("●", Role::Gauge)
            } else if (lo..=hi).contains(&i) {
                Piece::new("━", Role::Gauge)
            } else if i == zero && axis.min < 0 {
                Piece::new("┼", Role::Track)
            } else {
                Piece::new("─", Role::Track)
            }
        })
        .collect()
}

pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let Some(session) = app.session() else {
        return Vec::new();
    };
    let (story, state) = (session.story(), session.state());
    let width = usize::from(width);
    let label_width = story
        .characters
        .iter()
        .flat_map(|c| &c.axes)
        .map(|a| wrap::width(&axis_name(&a.id)))
        .max()
        .unwrap_or(0)
        + 2;
    let bar_width = width.saturating_sub(label_width + 2 + 6).min(40);
    let mut out = Vec::new();
    for (n, character) in story.characters.iter().enumerate() {
        if n > 0 {
            out.push(Row::blank());
        }
        let mut name = vec![Piece::new(character.name.clone(), Role::Heading)];
        if app.people_state().moved.contains(&character.id) {
            name.push(Piece::new("  moved by your last choice", Role::Mark));
        }
        out.push(Row::new(name));
        for axis in &character.axes {
            let value = state
                .relationship(&character.id, &axis.id)
                .unwrap_or(axis.initial);
            let label = axis_name(&axis.id);
            let mut spans = vec![Piece::new(format!("  {label:<label_width$}"), Role::Text)];
            spans.extend(gauge(axis, value, bar_width));
            let shown = if value == 0 {
                "0".to_owned()
            } else {
                format!("{value:+}")
            };
            spans.push(Piece::new(format!(" {shown:>3}"), Role::Accent));
            out.push(Row::new(spans));
        }
        let last = last_move(story, state, character);
        for l in wrap::wrap(&last, width.saturating_sub(2)) {
            out.push(Row::styled(format!("  {l}"), Role::Dim));
        }
    }
    out
}

/// What last moved one of `character`'s axes, and where, in a sentence.
fn last_move(story: &Story, state: &GameState, character: &Character) -> String {
    match state.last_moves.get(&character.id) {
        Some(m) => {
            let scene = story
                .scene(&m.scene)
                .map_or(m.scene.as_str(), |s| s.title.as_str());
            let verb = if m.to > m.from { "rose" } else { "fell" };
            format!(
                "{} {verb} from {} to {}, in “{scene}”.",
                axis_name(&m.axis),
                m.from,
                m.to
            )
        }
        None => "Unchanged so far.".to_owned(),
    }
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (_, body, _) = areas(screen(app));
    rows(app, body.width)
        .len()
        .saturating_sub(usize::from(body.height))
}
