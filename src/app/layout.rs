//! Where everything goes on the screen, worked out from an [`App`] alone: the areas of
//! each view, the rows it shows (as text with a [`Role`], not yet styled), how far a
//! page can scroll, how far a page key moves, and which choice, entry or row a click
//! landed on.
//!
//! Both sides use it: [`update`](super::update) to clamp scrolls, turn pages and
//! hit-test clicks, and `ui` to draw the very same rows in the theme's styles. So
//! what is clicked is always what was drawn, and neither side calls the other. Nothing
//! here draws or changes state; every function is pure.

pub mod diagnostics;
pub mod ending;
pub mod endings;
pub mod help;
pub mod history;
pub mod inspector;
pub mod journal;
pub mod people;
pub mod play;
pub mod replay;
pub mod settings;
pub mod slots;
pub mod timeline;
pub mod title;
pub mod wrap;

use ratatui::layout::{Constraint, Layout, Rect};

use super::App;

/// The smallest terminal the game lays itself out in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// The widest the text column grows, for comfortable reading on wide terminals.
pub const READING_WIDTH: u16 = 74;

/// What a piece of text is, which the theme turns into a style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Text,
    Dim,
    Heading,
    Place,
    Title,
    Accent,
    Choice,
    Selected,
    Note,
    Reflection,
    Mark,
    Border,
    Warning,
    Gauge,
    Track,
    /// A memory's tone, each with its own colour.
    Tone(String),
}

/// A run of text in one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
}

impl Piece {
    pub fn new(text: impl Into<String>, role: Role) -> Self {
        Self {
            text: text.into(),
            role,
        }
    }
}

/// One row of a view: pieces of text, left-aligned or centred.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub pieces: Vec<Piece>,
    pub centred: bool,
}

impl Row {
    pub fn blank() -> Self {
        Self::default()
    }

    /// A row of one piece.
    pub fn styled(text: impl Into<String>, role: Role) -> Self {
        Self::new(vec![Piece::new(text, role)])
    }

    pub fn new(pieces: Vec<Piece>) -> Self {
        Self {
            pieces,
            centred: false,
        }
    }

    #[must_use]
    pub fn centred(self) -> Self {
        Self {
            centred: true,
            ..self
        }
    }
}

/// Rows of wrapped plain lines, each in one role, after `indent` spaces.
pub fn as_rows(lines: Vec<String>, role: &Role, indent: usize) -> Vec<Row> {
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .map(|l| Row::styled(format!("{pad}{l}"), role.clone()))
        .collect()
}

/// `text` wrapped to `width`, a row per line, in one role.
pub fn wrapped(text: &str, width: usize, role: &Role) -> Vec<Row> {
    as_rows(wrap::wrap(text, width), role, 0)
}

/// The screen without its status line, and the status line.
pub fn split_status(area: Rect) -> (Rect, Rect) {
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    (main, status)
}

/// A column at most `max` wide, centred, with a margin of two cells either side.
pub fn column(area: Rect, max: u16) -> Rect {
    let inner = area.width.saturating_sub(4);
    let width = inner.min(max);
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    }
}

/// A box `width` × `height` centred in `area`, leaving at least a cell around it.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2));
    let height = height.min(area.height.saturating_sub(2));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// How far a page of `len` lines can scroll in a body `height` rows tall.
pub fn scroll_limit(len: usize, height: u16) -> usize {
    len.saturating_sub(usize::from(height))
}

/// The lines a page key moves in a body `height` rows tall: all but two, at least one.
pub fn page_of(height: u16) -> usize {
    usize::from(height.saturating_sub(2)).max(1)
}

/// The whole terminal as the app last saw it, for sizing a view outside drawing
/// (scroll limits, page lengths, clicks).
pub fn screen(app: &App) -> Rect {
    Rect::new(0, 0, app.size().width, app.size().height)
}

/// The layout the full-page views share: a centred column at most `width` wide, a
/// two-line header at its top, the body under it, and the status line.
pub struct PageLayout {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn page_layout(area: Rect, width: u16) -> PageLayout {
    let (main, status) = split_status(area);
    let col = column(main, width);
    let header = Rect {
        y: main.y + 1,
        height: 2,
        ..col
    };
    let top = header.bottom() + 1;
    let body = Rect {
        y: top,
        height: main.bottom().saturating_sub(top + 1),
        ..col
    };
    PageLayout { header, body, status }
}

/// Splits a body into a list `list_width` wide and, three columns on, a detail pane.
pub fn split_list(body: Rect, list_width: u16) -> (Rect, Rect) {
    let list = Rect {
        width: list_width,
        ..body
    };
    let detail = Rect {
        x: body.x + list_width + 3,
        width: body.width.saturating_sub(list_width + 3),
        ..body
    };
    (list, detail)
}

/// The index under a click at row `y` of a list drawn from `top`, scrolled `offset`
/// rows, holding `len` items one a row.
pub fn list_index(y: u16, top: u16, offset: usize, len: usize) -> Option<usize> {
    let i = offset + usize::from(y.checked_sub(top)?);
    (i < len).then_some(i)
}
