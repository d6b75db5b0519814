//! The settings screen: each setting on its row with its value, and under it what it
//! does, so nothing needs explaining elsewhere; where the settings are kept, at the foot.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, paint, status};
use crate::app::layout::settings::{offset, rows};
use crate::app::layout::{READING_WIDTH, page_layout};
use crate::app::{App, Command};

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
    let (all, _) = rows(app, page.body.width);
    let all = paint(theme, all);
    draw_lines(&all, offset(app, page.body), page.body, buf);
    let hints = [
        hint_pair(app, (Command::Up, Command::Down), "", "choose"),
        ("←→".to_owned(), "change"),
        hint(app, Command::Back, "back"),
        hint(app, Command::Help, "help"),
    ];
    status(app, page.status, buf, "Settings", &hints);
}
