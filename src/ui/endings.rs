//! The endings gallery, from the title: every ending of the story, those reached with
//! when and the choices that led there, the others unnamed until they are reached.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, more_below, paint, status};
use crate::app::layout::endings::rows;
use crate::app::layout::{page_layout, scroll_limit};
use crate::app::{App, Command};

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
    let all = paint(theme, rows(app, page.body.width));
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
