//! The overlays: the help (every key, from the key bindings themselves, so it cannot
//! drift from them) and the question asked before leaving.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, popup, screen, scroll_limit, wrap};
use crate::app::{App, Command};

const WIDTH: u16 = 70;

fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let keys_width = 18;
    let text_width = usize::from(width).saturating_sub(keys_width + 1);
    let mut rows: Vec<(String, &str)> = vec![("1 … 9".to_owned(), "take the choice of that number")];
    for command in Command::ALL {
        let keys: Vec<String> = app.keymap().keys(command).iter().map(|k| k.label()).collect();
        rows.push((keys.join("  "), command.describe()));
    }
    rows.push((
        "mouse".to_owned(),
        "click a choice, a memory, a setting or a title entry; while the text appears, a click shows the page; the wheel scrolls",
    ));
    rows.push((
        "Ctrl-Z".to_owned(),
        "give the terminal back to the shell for a while; fg returns to the game",
    ));
    rows.push((
        "title".to_owned(),
        "Continue resumes the latest game; Settings sets how text appears, the colours, what a choice did, and the column's width, each explained there",
    ));
    rows.push((
        "Space  Enter".to_owned(),
        "while the text appears: show the rest of the page, then turn to the next; every other key acts at once",
    ));
    let mut out = Vec::new();
    for (keys, what) in rows {
        for (n, l) in wrap::wrap(what, text_width).into_iter().enumerate() {
            let k = if n == 0 { keys.clone() } else { String::new() };
            out.push(Line::from(vec![
                Span::styled(format!("{k:<keys_width$} "), theme.accent),
                Span::styled(l, theme.text),
            ]));
        }
    }
    out
}

/// The inner area of the help box for a screen.
fn inner(area: Rect) -> Rect {
    let height = area.height.saturating_sub(2);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    Rect::new(x + 2, y + 1, width.saturating_sub(4), height.saturating_sub(2))
}

/// How far the help can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let area = inner(screen(app));
    (lines(app, area.width).len() + 2).saturating_sub(usize::from(area.height))
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let text = inner(area);
    let mut all = lines(app, text.width);
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
