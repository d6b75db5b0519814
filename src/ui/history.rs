//! The history (backlog): every passage read on the path to where the player is, in
//! order, with the choice taken between them, as one long page to scroll back through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, paint, status};
use crate::app::layout::history::{areas, rows};
use crate::app::layout::scroll_limit;
use crate::app::{App, Command};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(app, area);
    let all = rows(app, a.body.width);
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
    let only = paint(theme, all.into_iter().map(|(l, _)| l).collect());
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
    if scroll + usize::from(a.body.height) < only.len() {
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
