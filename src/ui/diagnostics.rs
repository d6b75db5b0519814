//! The diagnostics overlay of `play --watch`: an edit broke the story, so its errors
//! (file, line, column and the source, as `hailsham check` prints them) show over the
//! game, which plays on with the story as it was. Long reports scroll; Esc closes it.

use super::{draw_lines, paint, popup};
use crate::app::layout::diagnostics::{boxes, rows, visible_rows};
use crate::app::{App, Command};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (outer, _) = boxes(app, area);
    let inner = popup(app, area, outer.width, outer.height, "The story has errors", buf);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let all = paint(theme, rows(app, text.width));
    let rows = visible_rows(text);
    let scroll = app.diagnostics_state().scroll.min(all.len().saturating_sub(rows));
    draw_lines(
        &all,
        scroll,
        Rect {
            height: u16::try_from(rows).unwrap_or(u16::MAX),
            ..text
        },
        buf,
    );
    let more = if scroll + rows < all.len() {
        format!("  ·  ↓ more ({})", app.keymap().label(Command::PageDown))
    } else {
        String::new()
    };
    let keys = format!(
        "{} closes this; the game goes on{more}",
        app.keymap().label(Command::Back)
    );
    let bottom = Rect {
        y: text.bottom().saturating_sub(1),
        height: 1,
        ..text
    };
    Line::styled(keys, theme.dim).centered().render(bottom, buf);
}
