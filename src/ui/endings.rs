//! The endings gallery, from the title: every ending of the story, those reached with
//! when and the choices that led there, the others unnamed until they are reached.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    draw_lines, hint, hint_pair, more_below, page_layout, screen, scroll_limit, status, styled_lines, wrap,
};
use crate::app::{App, Command};
use crate::save::clock;

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let story = app.story();
    let width = usize::from(width);
    let mut out = Vec::new();
    // The endings found first, in the story's order; those still to find, counted.
    let mut unreached = 0;
    for ending in &story.endings {
        match app.gallery().get(&story.id, &ending.id) {
            Some(reached) => {
                if !out.is_empty() {
                    out.push(Line::raw(""));
                }
                out.extend(styled_lines(wrap::wrap(&ending.title, width), theme.heading, 0));
                let when = match reached.times {
                    1 => format!("reached {}", clock::date_time(reached.last)),
                    n => format!(
                        "reached {n} times: first {}, last {}",
                        clock::date_time(reached.first),
                        clock::date_time(reached.last)
                    ),
                };
                out.extend(styled_lines(wrap::wrap(&when, width), theme.dim, 0));
                if let Some(summary) = &ending.summary {
                    out.extend(styled_lines(wrap::wrap(summary, width), theme.text, 0));
                }
                if !reached.choices.is_empty() {
                    out.push(Line::styled("The choices that led there:", theme.dim));
                    for (i, choice) in reached.choices.iter().enumerate() {
                        let text = format!("{}. {choice}", i + 1);
                        for (k, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                            let pad = if k == 0 { "  " } else { "     " };
                            out.push(Line::styled(format!("{pad}{l}"), theme.choice));
                        }
                    }
                }
            }
            None => unreached += 1,
        }
    }
    if unreached > 0 {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        let rest = match (unreached, out.is_empty()) {
            (1, true) => "One ending, not yet reached.".to_owned(),
            (n, true) => format!("{n} endings, none reached yet."),
            (1, false) => "· · ·  and one more, not yet reached.".to_owned(),
            (n, false) => format!("· · ·  and {n} more, not yet reached."),
        };
        out.extend(styled_lines(wrap::wrap(&rest, width), theme.dim, 0));
    }
    out
}

pub fn max_scroll(app: &App) -> usize {
    let page = page_layout(screen(app), app.settings().column.width());
    scroll_limit(lines(app, page.body.width).len(), page.body.height)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let story = app.story();
    let page = page_layout(area, app.settings().column.width());
    let reached = story
        .endings
        .iter()
        .filter(|e| app.gallery().get(&story.id, &e.id).is_some())
        .count();
    Line::from(Span::styled("Endings reached", theme.heading)).render(page.header, buf);
    Line::styled(format!("{reached} of {}", story.endings.len()), theme.dim)
        .right_aligned()
        .render(page.header, buf);
    Line::styled("─".repeat(usize::from(page.header.width)), theme.border).render(
        Rect {
            y: page.header.y + 1,
            height: 1,
            ..page.header
        },
        buf,
    );
    let all = lines(app, page.body.width);
    let scroll = app
        .gallery_scroll()
        .min(scroll_limit(all.len(), page.body.height));
    draw_lines(&all, scroll, page.body, buf);
    more_below(app, Command::PageDown, scroll, all.len(), page.body, buf);
    let hints = [
        hint(app, Command::Back, "back"),
        hint_pair(app, (Command::PageUp, Command::PageDown), "/", "scroll"),
        hint(app, Command::Help, "help"),
    ];
    status(app, page.status, buf, "Endings", &hints);
}
