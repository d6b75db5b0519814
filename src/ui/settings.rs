//! The settings screen: each setting on its row with its value, and under it what it
//! does, so nothing needs explaining elsewhere; where the settings are kept, at the foot.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{READING_WIDTH, draw_lines, hint, hint_pair, page_layout, screen, status, wrap};
use crate::app::settings::Setting;
use crate::app::{App, Command};

const LABEL_WIDTH: usize = 20;

/// The screen's lines, and for each setting the index of its row among them.
fn lines(app: &App, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = app.theme();
    let width = usize::from(width);
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for (i, setting) in Setting::ALL.into_iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        let selected = i == app.settings_selected();
        rows.push(out.len());
        // The colours in use, which NO_COLOR may have chosen for this run.
        let shown = crate::app::Settings {
            theme: app.theme_choice(),
            ..*app.settings()
        };
        let value = setting.value(&shown);
        let (mark, label_style, value_style) = if selected {
            ("›", theme.selected, theme.selected)
        } else {
            (" ", theme.choice, theme.accent)
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark} {:<LABEL_WIDTH$}", setting.label()), label_style),
            Span::styled(format!(" ‹ {value} › "), value_style),
        ]));
        for l in wrap::wrap(setting.explain(), width.saturating_sub(4)) {
            out.push(Line::styled(format!("    {l}"), theme.dim));
        }
    }
    out.push(Line::raw(""));
    let kept = match app.config() {
        Some(config) => format!("Kept between games in {}.", config.path().display()),
        None => "These settings last until you leave (there is no folder to keep them in).".to_owned(),
    };
    for l in wrap::wrap(&kept, width) {
        out.push(Line::styled(l, theme.dim));
    }
    (out, rows)
}

/// How far the page scrolls so that the selected setting and its explanation show.
fn offset(app: &App, body: Rect) -> usize {
    let (all, rows) = lines(app, body.width);
    let next = rows
        .get(app.settings_selected() + 1)
        .copied()
        .unwrap_or(all.len());
    next.saturating_sub(usize::from(body.height))
}

/// The setting whose row (or explanation) is at a position on the screen, if any.
pub fn row_at(app: &App, at: Position) -> Option<usize> {
    let page = page_layout(screen(app), READING_WIDTH);
    if !page.body.contains(at) {
        return None;
    }
    let line = usize::from(at.y - page.body.y) + offset(app, page.body);
    let (all, rows) = lines(app, page.body.width);
    if line >= all.len() {
        return None;
    }
    rows.iter().rposition(|&r| r <= line)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let page = page_layout(area, READING_WIDTH);
    Line::from(Span::styled("Settings", theme.heading)).render(page.header, buf);
    Line::styled("─".repeat(usize::from(page.header.width)), theme.border).render(
        Rect {
            y: page.header.y + 1,
            height: 1,
            ..page.header
        },
        buf,
    );
    let (all, _) = lines(app, page.body.width);
    draw_lines(&all, offset(app, page.body), page.body, buf);
    let hints = [
        hint_pair(app, (Command::Up, Command::Down), "", "choose"),
        ("←→".to_owned(), "change"),
        hint(app, Command::Back, "back"),
        hint(app, Command::Help, "help"),
    ];
    status(app, page.status, buf, "Settings", &hints);
}
