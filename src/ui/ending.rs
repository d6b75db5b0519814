//! The ending screen: the ending's title and text, then what shaped it (the memories
//! Kathy held and their tones, her keepsakes, where she stood with each person), so a
//! reader can see why the story came out as it did.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{draw_lines, hint, hint_pair, more_below, paint, status};
use crate::app::layout::ending::{areas, rows};
use crate::app::layout::scroll_limit;
use crate::app::{App, Command};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (body, status_area) = areas(app, area);
    let all = paint(app.theme(), rows(app, body.width));
    let scroll = app.ending_scroll.min(scroll_limit(all.len(), body.height));
    draw_lines(&all, scroll, body, buf);
    more_below(app, Command::Down, scroll, all.len(), body, buf);
    let hints = [
        hint(app, Command::Select, "return to the title"),
        hint_pair(app, (Command::Up, Command::Down), "", "scroll"),
        hint(app, Command::Recollections, "recollections"),
        hint(app, Command::Relationships, "people"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, status_area, buf, "The end", &hints);
}
