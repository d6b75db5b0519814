//! The overlays: the help (every key, from the key bindings themselves, so it cannot
//! drift from them) and the question asked before leaving.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, paint, popup};
use crate::app::layout::help::{WIDTH, rows};
use crate::app::layout::scroll_limit;
use crate::app::{App, Command};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let text = crate::app::layout::help::inner(area);
    let mut all = paint(theme, rows(app, text.width));
    all.push(Line::raw(""));
    all.push(Line::styled("Esc or any other key closes this list.", theme.dim).centered());
    let height = u16::try_from(all.len()).unwrap_or(u16::MAX).saturating_add(4);
    let body = popup(app, area, WIDTH, height, "Keys", buf);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        y: body.y + 1,
        height: body.height.saturating_sub(2),
    };
    let scroll = app.help_scroll.min(scroll_limit(all.len(), body.height));
    draw_lines(&all, scroll, body, buf);
    // On the box's bottom border: that the list goes on, and how to see it.
    let border = Rect {
        y: body.bottom() + 1,
        height: 1,
        x: body.x + 1,
        width: body.width.saturating_sub(2),
    };
    if scroll + usize::from(body.height) < all.len() {
        let keys = app.keymap();
        let label = format!(
            " ↓ more ({}/{}) ",
            keys.label(Command::Down),
            keys.label(Command::PageDown)
        );
        Line::styled(label, theme.accent)
            .right_aligned()
            .render(border, buf);
    }
    if scroll > 0 {
        let top = Rect {
            y: body.y.saturating_sub(2),
            ..border
        };
        Line::styled(" ↑ more above ", theme.accent).render(top, buf);
    }
}

pub fn draw_confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let body = popup(app, area, 44, 6, "Leave?", buf);
    let lines = [
        Line::styled("Close the book and leave the game?", theme.text).centered(),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", theme.accent),
            Span::styled(" leave    ", theme.text),
            Span::styled("any other key", theme.accent),
            Span::styled(" stay", theme.text),
        ])
        .centered(),
    ];
    draw_lines(
        &lines,
        0,
        Rect {
            y: body.y + 1,
            ..body
        },
        buf,
    );
}
