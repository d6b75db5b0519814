//! The inspector, for authors: the current scene's choices, offered or hidden, each
//! with its condition as a tree whose parts are marked ✓ holds or ✗ fails with what
//! the state holds that decided them; the conditional paragraphs, shown or hidden;
//! and what the scene reads and writes. Marks are symbols and words, never colour
//! alone. It is worked out from the session at each draw (see [`crate::inspect`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, more_below, paint, status};
use crate::app::layout::inspector::{areas, rows};
use crate::app::layout::scroll_limit;
use crate::app::{App, Command};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let all = paint(theme, rows(app, a.body.width));
    let scroll = app
        .inspector_state()
        .scroll
        .min(scroll_limit(all.len(), a.body.height));
    let rule = Rect {
        y: a.header.y + 1,
        height: 1,
        ..a.header
    };
    Line::from(Span::styled("Inspector", theme.heading)).render(a.header, buf);
    Line::styled("✓ holds  ✗ fails", theme.dim)
        .right_aligned()
        .render(a.header, buf);
    Line::styled("─".repeat(usize::from(a.header.width)), theme.border).render(rule, buf);
    draw_lines(&all, scroll, a.body, buf);
    if scroll > 0 {
        Line::styled("↑ more above", theme.dim)
            .right_aligned()
            .render(rule, buf);
    }
    more_below(app, Command::PageDown, scroll, all.len(), a.body, buf);
    let hints = [
        hint(app, Command::Back, "back to the story"),
        hint_pair(app, (Command::PageUp, Command::PageDown), "/", "page"),
        hint(app, Command::Help, "help"),
    ];
    let place = app.session().map_or_else(
        || "Inspector".to_owned(),
        |s| format!("Inspector · scene '{}'", s.state().scene),
    );
    status(app, a.status, buf, &place, &hints);
}
