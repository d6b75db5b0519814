//! The help's layout: a row for every key, from the key bindings themselves (so it
//! cannot drift from them), the box it sits in, and how far it scrolls.

use ratatui::layout::Rect;

use super::{Piece, Role, Row, screen, wrap};
use crate::app::{App, Command};

/// The widest the box grows.
pub const WIDTH: u16 = 70;

pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let keys_width = 18;
    let text_width = usize::from(width).saturating_sub(keys_width + 1);
    let mut rows: Vec<(String, String)> =
        vec![("1 … 9".to_owned(), "take the choice of that number".to_owned())];
    for command in Command::ALL {
        let keys: Vec<String> = app.keymap().keys(command).iter().map(|k| k.label()).collect();
        rows.push((keys.join("  "), command.describe(&app.story().narrator)));
    }
    rows.push((
        "mouse".to_owned(),
        "click a choice, a memory, a setting or a title entry; while the text appears, a click shows the page; the wheel scrolls".to_owned(),
    ));
    rows.push((
        "Ctrl-Z".to_owned(),
        "give the terminal back to the shell for a while; fg returns to the game".to_owned(),
    ));
    rows.push((
        "title".to_owned(),
        "Continue resumes the latest game; Settings sets how text appears, the colours, what a choice did, and the column's width, each explained there".to_owned(),
    ));
    rows.push((
        "Space  Enter".to_owned(),
        "while the text appears: show the rest of the page, then turn to the next; every other key acts at once".to_owned(),
    ));
    let mut out = Vec::new();
    for (keys, what) in rows {
        for (n, l) in wrap::wrap(&what, text_width).into_iter().enumerate() {
            let k = if n == 0 { keys.clone() } else { String::new() };
            out.push(Row::new(vec![
                Piece::new(format!("{k:<keys_width$} "), Role::Accent),
                Piece::new(l, Role::Text),
            ]));
        }
    }
    out
}

/// The inner area of the help box for a screen.
pub fn inner(area: Rect) -> Rect {
    let height = area.height.saturating_sub(2);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    Rect::new(x + 2, y + 1, width.saturating_sub(4), height.saturating_sub(2))
}

/// How far the help can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let area = inner(screen(app));
    (rows(app, area.width).len() + 2).saturating_sub(usize::from(area.height))
}
