//! The save and load screens' layout: the list of slots and the selected one's detail,
//! how far the list scrolls to show the selected slot, and which slot a click hit.

use ratatui::layout::{Position, Rect};

use super::{list_index, page_layout, screen, split_list};
use crate::app::App;

pub struct Areas {
    pub header: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
}

const LIST_WIDTH: u16 = 28;

pub fn areas(area: Rect) -> Areas {
    let page = page_layout(area, 100);
    let (list, detail) = split_list(page.body, LIST_WIDTH.min(page.body.width / 2));
    Areas {
        header: page.header,
        list,
        detail,
        status: page.status,
    }
}

/// How far the list scrolls so that the selected slot shows.
pub fn list_offset(app: &App, height: u16) -> usize {
    (app.slots_state().selected + 1).saturating_sub(usize::from(height).max(1))
}

/// The slot drawn at a position on the screen, if any.
pub fn entry_at(app: &App, at: Position) -> Option<usize> {
    let a = areas(screen(app));
    if !a.list.contains(at) {
        return None;
    }
    list_index(
        at.y,
        a.list.y,
        list_offset(app, a.list.height),
        app.slots_state().entries.len(),
    )
}
