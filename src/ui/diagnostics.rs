//! The diagnostics overlay of `play --watch`: an edit broke the story, so its errors
//! (file, line, column and the source, as `hailsham check` prints them) show over the
//! game, which plays on with the story as it was. Long reports scroll; Esc closes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::{draw_lines, popup, screen, styled_lines, wrap};
use crate::app::{App, Command};

/// The widest the box grows.
const WIDTH: u16 = 100;

/// The box, and the text area inside it (a margin of one cell): as tall as the
/// report needs, up to the whole screen.
fn boxes(app: &App, area: Rect) -> (Rect, Rect) {
    let width = WIDTH.min(area.width.saturating_sub(2));
    let wanted = report_lines(app, width.saturating_sub(4)).len() + 4;
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
fn report_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width).max(1);
    let mut out = styled_lines(
        wrap::wrap(
            "The edited story has errors, so the game goes on with the story as it was. Fix them and save: the story reloads.",
            width,
        ),
        theme.warning,
        0,
    );
    out.push(Line::raw(""));
    for line in app.diagnostics_state().text.replace('\t', "    ").lines() {
        out.extend(
            hard_wrap(line, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.text)),
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
fn visible_rows(text: Rect) -> usize {
    usize::from(text.height.saturating_sub(2))
}

/// How far the diagnostics can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let (_, text) = boxes(app, screen(app));
    report_lines(app, text.width)
        .len()
        .saturating_sub(visible_rows(text))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    let (_, text) = boxes(app, screen(app));
    visible_rows(text).saturating_sub(2).max(1)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (outer, _) = boxes(app, area);
    let inner = popup(app, area, outer.width, outer.height, "The story has errors", buf);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let all = report_lines(app, text.width);
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
