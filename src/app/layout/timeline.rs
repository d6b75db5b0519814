//! The timeline's layout: the list of points, the legend under it, how far a page
//! moves, how far the list scrolls to show the selected point, and which a click hit.

use ratatui::layout::{Position, Rect};

use super::{READING_WIDTH, list_index, page_layout, screen};
use crate::app::App;

pub struct Areas {
    pub header: Rect,
    pub list: Rect,
    pub legend: Rect,
    pub status: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let page = page_layout(area, READING_WIDTH + 16);
    let body = page.body;
    // The legend sits on the body's last row; the list stops a row above it.
    let legend = Rect {
        y: body.bottom().saturating_sub(1).max(body.y),
        height: 1,
        ..body
    };
    Areas {
        header: page.header,
        list: Rect {
            height: legend.y.saturating_sub(body.y + 1),
            ..body
        },
        legend,
        status: page.status,
    }
}

/// The rows a page of the list holds.
pub fn page(app: &App) -> usize {
    usize::from(areas(screen(app)).list.height).max(1)
}

/// How far the list scrolls so that the selected row shows.
pub fn offset(app: &App, height: u16) -> usize {
    (app.timeline_state().selected + 1).saturating_sub(usize::from(height).max(1))
}

/// The row drawn at a position on the screen, if any.
pub fn row_at(app: &App, at: Position) -> Option<usize> {
    let session = app.session()?;
    let a = areas(screen(app));
    if !a.list.contains(at) {
        return None;
    }
    list_index(
        at.y,
        a.list.y,
        offset(app, a.list.height),
        session.timeline().nodes().len(),
    )
}
