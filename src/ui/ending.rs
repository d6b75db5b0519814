//! The ending screen: the ending's title and text, then what shaped it (the memories
//! Kathy held and their tones, her keepsakes, where she stood with each person), so a
//! reader can see why the story came out as it did.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{
    column, draw_lines, hint, hint_pair, more_below, screen, scroll_limit, split_status, status,
    styled_lines, wrap,
};
use crate::app::journal::{Entry, groups};
use crate::app::{App, Command};
use crate::engine;

fn areas(app: &App, area: Rect) -> (Rect, Rect) {
    let (main, status) = split_status(area);
    let col = column(main, app.settings().column.width());
    let body = Rect {
        y: main.y + 1,
        height: main.height.saturating_sub(2),
        ..col
    };
    (body, status)
}

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let Some(session) = app.session() else {
        return Vec::new();
    };
    let (story, state) = (session.story(), session.state());
    let width = usize::from(width);
    let ending = session.ending().and_then(|id| story.ending(id));
    let mut out = vec![Line::styled("T H E   E N D", theme.dim).centered(), Line::raw("")];
    let title = ending.map_or("The end", |e| e.title.as_str());
    out.extend(
        styled_lines(wrap::wrap(title, width), theme.title, 0)
            .into_iter()
            .map(Line::centered),
    );
    if let Some(summary) = ending.and_then(|e| e.summary.as_deref()) {
        out.push(Line::raw(""));
        out.extend(
            styled_lines(wrap::wrap(summary, width.min(64)), theme.text, 0)
                .into_iter()
                .map(Line::centered),
        );
    }
    out.push(Line::raw(""));
    out.push(Line::styled("·  ·  ·", theme.border).centered());
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled("What shaped it", theme.heading)));
    out.push(Line::raw(""));

    let held = groups(story, state);
    if held.is_empty() {
        out.push(Line::styled("  She held on to nothing.", theme.dim));
    }
    for group in held {
        let heading = group.heading;
        out.push(Line::styled(heading.to_owned(), theme.accent));
        for entry in group.entries {
            match entry {
                Entry::Memory(m) => {
                    let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
                    out.push(Line::from(vec![
                        Span::styled("  ● ", theme.tone(tone)),
                        Span::styled(m.title.clone(), theme.text),
                        Span::styled(", held as ", theme.dim),
                        Span::styled(tone.to_owned(), theme.tone(tone)),
                    ]));
                    if let Some(r) = engine::reflection(story, state, &m.id) {
                        for l in wrap::wrap(&r, width.saturating_sub(4)) {
                            out.push(Line::styled(format!("    {l}"), theme.reflection));
                        }
                    }
                }
                Entry::Keepsake(k) | Entry::Lost(k) => out.push(Line::from(vec![
                    Span::styled("  ◆ ", theme.accent),
                    Span::styled(k.name.clone(), theme.text),
                ])),
            }
        }
        out.push(Line::raw(""));
    }
    // Only those the story moved, as the people page shows them (no "+0").
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
        out.push(Line::styled("The people", theme.accent));
        for text in moved {
            for (n, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                let pad = if n == 0 { "  " } else { "    " };
                out.push(Line::styled(format!("{pad}{l}"), theme.text));
            }
        }
        out.push(Line::raw(""));
    }
    let choices: Vec<String> = session
        .history()
        .into_iter()
        .filter_map(|f| f.chosen.map(|c| c.label))
        .collect();
    if !choices.is_empty() {
        out.push(Line::styled("The choices", theme.accent));
        for (i, choice) in choices.iter().enumerate() {
            let text = format!("{}. {choice}", i + 1);
            for (n, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                let pad = if n == 0 { "  " } else { "     " };
                out.push(Line::styled(format!("{pad}{l}"), theme.choice));
            }
        }
    }
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (body, _) = areas(app, screen(app));
    lines(app, body.width)
        .len()
        .saturating_sub(usize::from(body.height))
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (body, status_area) = areas(app, area);
    let all = lines(app, body.width);
    let scroll = app.ending_scroll.min(scroll_limit(all.len(), body.height));
    draw_lines(&all, scroll, body, buf);
    more_below(app, Command::Down, scroll, all.len(), body, buf);
    let hints = [
        hint(app, Command::Select, "return to the title"),
        hint_pair(app, (Command::Up, Command::Down), "", "scroll"),
        hint(app, Command::Recollections, "recollections"),
        hint(app, Command::Relationships, "people"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, status_area, buf, "The end", &hints);
}
