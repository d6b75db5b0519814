//! The history's layout: every passage read on the path to here, with the choice
//! taken between them, each row with the number of its scene; and how far it scrolls.

use ratatui::layout::Rect;

use super::{PageLayout, Piece, Role, Row, as_rows, page_layout, screen, wrap};
use crate::app::App;

pub fn areas(app: &App, area: Rect) -> PageLayout {
    page_layout(area, app.settings().column.width())
}

/// The page's lines, each with the number of the scene it belongs to.
pub fn rows(app: &App, width: u16) -> Vec<(Row, usize)> {
    let width = usize::from(width);
    let frames = &app.history_state().frames;
    let mut out = Vec::new();
    for (n, frame) in frames.iter().enumerate() {
        let mut part = Vec::new();
        if n > 0 {
            part.push(Row::styled("·  ·  ·", Role::Border).centred());
            part.push(Row::blank());
        }
        part.extend(as_rows(wrap::wrap(&frame.title, width), &Role::Heading, 0));
        part.extend(as_rows(wrap::wrap(&frame.heading, width), &Role::Place, 0));
        part.push(Row::blank());
        for p in &frame.passage {
            part.extend(as_rows(wrap::wrap(p, width), &Role::Text, 0));
            part.push(Row::blank());
        }
        if let Some(chosen) = &frame.chosen {
            for (i, l) in wrap::wrap(&chosen.label, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                part.push(Row::new(vec![
                    Piece::new(if i == 0 { "› " } else { "  " }, Role::Accent),
                    Piece::new(l, Role::Choice),
                ]));
            }
            part.push(Row::blank());
        } else if let Some(ending) = &frame.ending {
            part.push(Row::styled(crate::words::the_end(ending), Role::Title));
            part.push(Row::blank());
        } else {
            part.push(Row::styled("You are reading this now.", Role::Dim));
            part.push(Row::blank());
        }
        out.extend(part.into_iter().map(|l| (l, n)));
    }
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let a = areas(app, screen(app));
    rows(app, a.body.width)
        .len()
        .saturating_sub(usize::from(a.body.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    super::page_of(areas(app, screen(app)).body.height)
}
