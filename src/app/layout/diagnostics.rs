//! The diagnostics overlay's layout: the box as tall as the report needs, the
//! report's rows (its source excerpts cut, never re-flowed), and how far it scrolls.

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::{Role, Row, as_rows, screen, wrap};
use crate::app::App;

/// The widest the box grows.
pub const WIDTH: u16 = 100;

/// The box, and the text area inside it (a margin of one cell): as tall as the
/// report needs, up to the whole screen.
pub fn boxes(app: &App, area: Rect) -> (Rect, Rect) {
    let width = WIDTH.min(area.width.saturating_sub(2));
    let wanted = rows(app, width.saturating_sub(4)).len() + 4;
    let height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let outer = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let text = Rect {
        x: outer.x + 2,
        y: outer.y + 1,
        width: outer.width.saturating_sub(4),
        height: outer.height.saturating_sub(2),
    };
    (outer, text)
}

/// The report's lines for a box `width` cells wide, after a line saying what it means.
pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let width = usize::from(width).max(1);
    let mut out = as_rows(
        wrap::wrap(
            "The edited story has errors, so the game goes on with the story as it was. Fix them and save: the story reloads.",
            width,
        ),
        &Role::Warning,
        0,
    );
    out.push(Row::blank());
    for line in app.diagnostics_state().text.replace('\t', "    ").lines() {
        out.extend(
            hard_wrap(line, width)
                .into_iter()
                .map(|l| Row::styled(l, Role::Text)),
        );
    }
    out
}

/// `line` cut into pieces at most `width` cells wide, its spaces kept (the source
/// excerpts line up their gutters and carets with them); the pieces after the first
/// are indented as the line was.
fn hard_wrap(line: &str, width: usize) -> Vec<String> {
    if wrap::width(line) <= width {
        return vec![line.to_owned()];
    }
    let indent = line.len() - line.trim_start().len();
    let indent = " ".repeat(indent.min(width / 2));
    let mut out = Vec::new();
    let mut piece = String::new();
    for grapheme in line.graphemes(true) {
        if wrap::width(&piece) + wrap::width(grapheme) > width && !piece.trim().is_empty() {
            out.push(std::mem::replace(&mut piece, indent.clone()));
        }
        piece.push_str(grapheme);
    }
    out.push(piece);
    out
}

/// The lines that fit in the box: the report, then a line of keys.
pub fn visible_rows(text: Rect) -> usize {
    usize::from(text.height.saturating_sub(2))
}

/// How far the diagnostics can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (_, text) = boxes(app, screen(app));
    rows(app, text.width).len().saturating_sub(visible_rows(text))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    let (_, text) = boxes(app, screen(app));
    visible_rows(text).saturating_sub(2).max(1)
}
