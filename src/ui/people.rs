//! The relationships view: each person in the narrator's story, a gauge for every
//! axis of how they stand with them, and the last change that moved them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, more_below, paint, status};
use crate::app::layout::people::{areas, rows};
use crate::app::layout::scroll_limit;
use crate::app::{App, Command};
use crate::words::narrator::stands_with;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (header, body, status_area) = areas(area);
    Line::from(Span::styled("Relationships", theme.heading)).render(header, buf);
    Line::styled(stands_with(&app.story().narrator), theme.dim)
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
    let all = paint(theme, rows(app, body.width));
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
