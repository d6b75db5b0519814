//! The relationships view: each person in Kathy's story, a gauge for every axis of
//! how she stands with them, and the last change that moved them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    READING_WIDTH, draw_lines, hint, hint_pair, more_below, page_layout, screen, scroll_limit, status, wrap,
};
use crate::app::{App, Command};
use crate::story::Axis;
use crate::ui::theme::Theme;

/// The header, the scrolling body, and the status line.
fn areas(area: Rect) -> (Rect, Rect, Rect) {
    let page = page_layout(area, READING_WIDTH);
    (page.header, page.body, page.status)
}

/// An axis's name as a reader sees it: "closeness" → "Closeness".
fn axis_name(id: &str) -> String {
    let words = id.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A bar from the axis's minimum to its maximum: filled from zero (or the minimum) to
/// the value, with a knob at the value, so it reads without colour.
pub fn gauge(theme: &Theme, axis: &Axis, value: i32, width: usize) -> Vec<Span<'static>> {
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
                Span::styled("●", theme.gauge)
            } else if (lo..=hi).contains(&i) {
                Span::styled("━", theme.gauge)
            } else if i == zero && axis.min < 0 {
                Span::styled("┼", theme.track)
            } else {
                Span::styled("─", theme.track)
            }
        })
        .collect()
}

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
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
            out.push(Line::raw(""));
        }
        let mut name = vec![Span::styled(character.name.clone(), theme.heading)];
        if app.people_state().moved.contains(&character.id) {
            name.push(Span::styled("  moved by your last choice", theme.mark));
        }
        out.push(Line::from(name));
        for axis in &character.axes {
            let value = state
                .relationship(&character.id, &axis.id)
                .unwrap_or(axis.initial);
            let label = axis_name(&axis.id);
            let mut spans = vec![Span::styled(format!("  {label:<label_width$}"), theme.text)];
            spans.extend(gauge(theme, axis, value, bar_width));
            let shown = if value == 0 {
                "0".to_owned()
            } else {
                format!("{value:+}")
            };
            spans.push(Span::styled(format!(" {shown:>3}"), theme.accent));
            out.push(Line::from(spans));
        }
        let last = match state.last_moves.get(&character.id) {
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
        };
        for l in wrap::wrap(&last, width.saturating_sub(2)) {
            out.push(Line::styled(format!("  {l}"), theme.dim));
        }
    }
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (_, body, _) = areas(screen(app));
    lines(app, body.width)
        .len()
        .saturating_sub(usize::from(body.height))
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (header, body, status_area) = areas(area);
    Line::from(Span::styled("Relationships", theme.heading)).render(header, buf);
    Line::styled("how Kathy stands with them", theme.dim)
        .right_aligned()
        .render(header, buf);
    Line::styled("─".repeat(usize::from(header.width)), theme.border).render(
        Rect {
            y: header.y + 1,
            height: 1,
            ..header
        },
        buf,
    );
    let all = lines(app, body.width);
    if all.is_empty() {
        Line::styled("No one yet.", theme.dim)
            .centered()
            .render(body, buf);
    }
    let scroll = app
        .people_state()
        .scroll
        .min(scroll_limit(all.len(), body.height));
    draw_lines(&all, scroll, body, buf);
    more_below(app, Command::Down, scroll, all.len(), body, buf);
    let hints = [
        hint(app, Command::Back, "back to the story"),
        hint_pair(app, (Command::Up, Command::Down), "", "scroll"),
        hint(app, Command::Recollections, "recollections"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, status_area, buf, "Relationships", &hints);
}
