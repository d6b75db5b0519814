//! An act's title card: when a scene of an era not yet read begins (the frame between
//! an act's scenes does not count), its number and title stand alone on the page
//! until Space, Enter or a click.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{draw_lines, hint, status};
use crate::app::layout::{column, split_status, wrap};
use crate::app::{App, Command};

/// "Act One" in words, for the title card of the story's first era.
fn act_name(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    WORDS
        .get(n)
        .map_or_else(|| format!("Act {}", n + 1), |w| format!("Act {w}"))
}

/// An act's title card: the act's number and its era's title, centred on the page.
pub fn draw(app: &App, era_id: &str, status_area: Rect, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let story = app.story();
    let n = story.eras.iter().position(|e| e.id == era_id).unwrap_or(0);
    let title = story.era(era_id).map_or(era_id, |e| e.title.as_str());
    let (main, _) = split_status(area);
    let col = column(main, app.settings().column.width());
    let mut lines = vec![Line::styled(act_name(n), theme.dim).centered(), Line::raw("")];
    lines.extend(
        wrap::wrap(title, usize::from(col.width))
            .into_iter()
            .map(|l| Line::styled(l, theme.title).centered()),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled("·  ·  ·", theme.border).centered());
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = main.y + main.height.saturating_sub(height) / 2;
    draw_lines(
        &lines,
        0,
        Rect {
            y: top,
            height: main.bottom().saturating_sub(top),
            ..col
        },
        buf,
    );
    let hints = [
        (super::play::advance_label(app), "begin"),
        hint(app, Command::Recollections, "recollections"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, status_area, buf, title, &hints);
}
