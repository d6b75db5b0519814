//! The settings screen's layout: each setting's row with its value and what it does,
//! where they are kept, how far the page scrolls to show the selected one, and which
//! setting a click landed on.

use ratatui::layout::{Position, Rect};

use super::{Piece, READING_WIDTH, Role, Row, page_layout, screen, wrap};
use crate::app::App;
use crate::app::settings::Setting;

const LABEL_WIDTH: usize = 20;

/// The screen's lines, and for each setting the index of its row among them.
pub fn rows(app: &App, width: u16) -> (Vec<Row>, Vec<usize>) {
    let width = usize::from(width);
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for (i, setting) in Setting::ALL.into_iter().enumerate() {
        if i > 0 {
            out.push(Row::blank());
        }
        let selected = i == app.settings_selected();
        rows.push(out.len());
        // The colours in use, which NO_COLOR may have chosen for this run.
        let shown = crate::app::Settings {
            theme: app.theme_choice(),
            ..*app.settings()
        };
        let value = setting.value(&shown);
        let (mark, label_style, value_style) = if selected {
            ("›", Role::Selected, Role::Selected)
        } else {
            (" ", Role::Choice, Role::Accent)
        };
        out.push(Row::new(vec![
            Piece::new(format!("{mark} {:<LABEL_WIDTH$}", setting.label()), label_style),
            Piece::new(format!(" ‹ {value} › "), value_style),
        ]));
        for l in wrap::wrap(setting.explain(), width.saturating_sub(4)) {
            out.push(Row::styled(format!("    {l}"), Role::Dim));
        }
    }
    out.push(Row::blank());
    let kept = match app.config() {
        Some(config) => format!("Kept between games in {}.", config.path().display()),
        None => "These settings last until you leave (there is no folder to keep them in).".to_owned(),
    };
    for l in wrap::wrap(&kept, width) {
        out.push(Row::styled(l, Role::Dim));
    }
    (out, rows)
}

/// How far the page scrolls so that the selected setting and its explanation show.
pub fn offset(app: &App, body: Rect) -> usize {
    let (all, starts) = rows(app, body.width);
    let next = starts
        .get(app.settings_selected() + 1)
        .copied()
        .unwrap_or(all.len());
    next.saturating_sub(usize::from(body.height))
}

/// The setting whose row (or explanation) is at a position on the screen, if any.
pub fn row_at(app: &App, at: Position) -> Option<usize> {
    let page = page_layout(screen(app), READING_WIDTH);
    if !page.body.contains(at) {
        return None;
    }
    let line = usize::from(at.y - page.body.y) + offset(app, page.body);
    let (all, starts) = rows(app, page.body.width);
    if line >= all.len() {
        return None;
    }
    starts.iter().rposition(|&r| r <= line)
}
