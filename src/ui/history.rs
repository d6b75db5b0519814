//! The history (backlog): every passage read on the path to where the player is, in
//! order, with the choice taken between them, as one long page to scroll back through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    PageLayout, draw_lines, hint, hint_pair, page_layout, screen, scroll_limit, status, styled_lines, wrap,
};
use crate::app::{App, Command};

fn areas(app: &App, area: Rect) -> PageLayout {
    page_layout(area, app.settings().column.width())
}

/// The page's lines, each with the number of the scene it belongs to.
fn lines(app: &App, width: u16) -> Vec<(Line<'static>, usize)> {
    let theme = app.theme();
    let width = usize::from(width);
    let frames = &app.history_state().frames;
    let mut out = Vec::new();
    for (n, frame) in frames.iter().enumerate() {
        let mut part = Vec::new();
        if n > 0 {
            part.push(Line::styled("·  ·  ·", theme.border).centered());
            part.push(Line::raw(""));
        }
        part.extend(styled_lines(wrap::wrap(&frame.title, width), theme.heading, 0));
        part.extend(styled_lines(wrap::wrap(&frame.heading, width), theme.place, 0));
        part.push(Line::raw(""));
        for p in &frame.passage {
            part.extend(styled_lines(wrap::wrap(p, width), theme.text, 0));
            part.push(Line::raw(""));
        }
        if let Some(chosen) = &frame.chosen {
            for (i, l) in wrap::wrap(&chosen.label, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                part.push(Line::from(vec![
                    Span::styled(if i == 0 { "› " } else { "  " }, theme.accent),
                    Span::styled(l, theme.choice),
                ]));
            }
            part.push(Line::raw(""));
        } else if let Some(ending) = &frame.ending {
            part.push(Line::styled(format!("The end: {ending}"), theme.title));
            part.push(Line::raw(""));
        } else {
            part.push(Line::styled("You are reading this now.", theme.dim));
            part.push(Line::raw(""));
        }
        out.extend(part.into_iter().map(|l| (l, n)));
    }
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let a = areas(app, screen(app));
    lines(app, a.body.width)
        .len()
        .saturating_sub(usize::from(a.body.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    usize::from(areas(app, screen(app)).body.height.saturating_sub(2)).max(1)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(app, area);
    let all = lines(app, a.body.width);
    let scroll = app
        .history_state()
        .scroll
        .min(scroll_limit(all.len(), a.body.height));
    let total = app.history_state().frames.len();
    let at = all.get(scroll).map_or(0, |(_, n)| *n) + 1;
    Line::from(Span::styled("History", theme.heading)).render(a.header, buf);
    Line::styled(format!("scene {at} of {total}"), theme.dim)
        .right_aligned()
        .render(a.header, buf);
    Line::styled("─".repeat(usize::from(a.header.width)), theme.border).render(
        Rect {
            y: a.header.y + 1,
            height: 1,
            ..a.header
        },
        buf,
    );
    let only: Vec<Line<'_>> = all.iter().map(|(l, _)| l.clone()).collect();
    draw_lines(&only, scroll, a.body, buf);
    if scroll > 0 {
        // On the blank row under the rule, not over it.
        Line::styled("↑ earlier", theme.dim).right_aligned().render(
            Rect {
                y: a.header.bottom(),
                height: 1,
                ..a.header
            },
            buf,
        );
    }
    if scroll + usize::from(a.body.height) < all.len() {
        Line::styled("↓ later", theme.dim).right_aligned().render(
            Rect {
                y: a.body.bottom(),
                height: 1,
                ..a.body
            },
            buf,
        );
    }
    let hints = [
        hint_pair(app, (Command::PageUp, Command::PageDown), "/", "page"),
        hint(app, Command::Top, "first"),
        hint(app, Command::Bottom, "last"),
        hint(app, Command::Back, "back to the story"),
        hint(app, Command::Help, "help"),
    ];
    status(app, a.status, buf, "History", &hints);
}
