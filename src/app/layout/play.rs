//! The play view's layout: the heading, the scrolling text (notes, the scene's
//! paragraphs, then what the last choice did), the choices beneath it, and what the
//! reveal, the bookmark and a click need to know of them.

use ratatui::layout::{Position, Rect};

use super::{column, screen, split_status, wrap};
use crate::app::App;
use crate::app::settings::Effects;
use crate::save::Bookmark;
use crate::session::Session;
use crate::words::events;

/// Where each part of the play view goes.
pub struct Areas {
    pub heading: Rect,
    pub text: Rect,
    pub choices: Rect,
    pub status: Rect,
}

/// A line of the scrolling text.
pub enum TextLine {
    Note(String),
    /// A wrapped line of a paragraph, with its byte ranges in emphasis.
    Para(String, Vec<std::ops::Range<usize>>),
    /// What the last choice did, after the text; drawn once the text has all appeared.
    Effect(String),
    Blank,
}

/// A line of the choices: which choice it belongs to, and whether it is its first.
pub struct ChoiceLine {
    pub index: usize,
    pub first: bool,
    pub text: String,
}

/// The cells before a choice's text: "› 1. ".
pub const CHOICE_INDENT: usize = 5;

pub fn areas(app: &App, area: Rect) -> Areas {
    let (main, status) = split_status(area);
    let col = column(main, app.settings().column.width());
    let choice_rows = app
        .session()
        .map_or(1, |s| choice_lines(s, col.width).len().max(1));
    let choices_height = u16::try_from(choice_rows + 1)
        .unwrap_or(u16::MAX)
        .min(main.height / 2);
    // On tall terminals the page sits a little lower, as text does on a book's page.
    let heading = Rect {
        y: main.y + 1 + main.height.saturating_sub(30) / 4,
        height: 3,
        ..col
    };
    let text_top = heading.y + 4;
    let bottom_choices = main.bottom().saturating_sub(choices_height + 1);
    // The choices follow the text when it fits, as on a page, and stay at the
    // bottom when it scrolls.
    let text_rows = app.session().map_or(0, |s| text_lines(app, s, col.width).len());
    let after_text = text_top.saturating_add(u16::try_from(text_rows).unwrap_or(u16::MAX));
    let choices_top = after_text.min(bottom_choices);
    Areas {
        heading,
        text: Rect {
            y: text_top,
            height: bottom_choices.saturating_sub(text_top),
            ..col
        },
        choices: Rect {
            y: choices_top,
            height: choices_height,
            ..col
        },
        status,
    }
}

pub fn text_lines(app: &App, session: &Session, width: u16) -> Vec<TextLine> {
    let width = usize::from(width);
    let mut lines = Vec::new();
    for note in &app.play_state().notes {
        lines.extend(bulleted(note, width).into_iter().map(TextLine::Note));
    }
    if !lines.is_empty() {
        lines.push(TextLine::Blank);
    }
    for (i, paragraph) in session.passage().iter().enumerate() {
        if i > 0 {
            lines.push(TextLine::Blank);
        }
        lines.extend(
            wrap::wrap_shown(paragraph, width)
                .into_iter()
                .map(|(l, e)| TextLine::Para(l, e)),
        );
    }
    let play = app.play_state();
    let story = session.story();
    let effects = match app.settings().effects {
        Effects::All => events::describe_events(story, &play.effects),
        Effects::Brief => events::brief(story, &play.effects).into_iter().collect(),
        Effects::None => Vec::new(),
    };
    if !effects.is_empty() {
        lines.push(TextLine::Blank);
    }
    for effect in effects {
        lines.extend(bulleted(&effect, width).into_iter().map(TextLine::Effect));
    }
    lines
}

/// A line wrapped to `width` with "· " before its first row.
pub fn bulleted(text: &str, width: usize) -> Vec<String> {
    wrap::wrap(text, width.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("· {l}")
            } else {
                format!("  {l}")
            }
        })
        .collect()
}

pub fn choice_lines(session: &Session, width: u16) -> Vec<ChoiceLine> {
    let width = usize::from(width).saturating_sub(CHOICE_INDENT);
    let mut lines = Vec::new();
    for (index, choice) in session.offered().iter().enumerate() {
        for (n, text) in wrap::wrap(choice.label(), width).into_iter().enumerate() {
            lines.push(ChoiceLine {
                index,
                first: n == 0,
                text,
            });
        }
    }
    lines
}

/// How far the text can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let Some(session) = app.session() else { return 0 };
    let a = areas(app, screen(app));
    text_lines(app, session, a.text.width)
        .len()
        .saturating_sub(usize::from(a.text.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    super::page_of(areas(app, screen(app)).text.height)
}

/// The rows of text one page shows.
pub fn text_rows(app: &App) -> usize {
    usize::from(areas(app, screen(app)).text.height)
}

/// The letters of the text down to the bottom of the page at the current scroll: as
/// far as the reveal goes before it waits for the player to turn the page.
pub fn page_end(app: &App) -> usize {
    let Some(session) = app.session() else { return 0 };
    let a = areas(app, screen(app));
    let bottom = app.play_state().scroll + usize::from(a.text.height);
    para_letters(&text_lines(app, session, a.text.width), bottom)
}

/// Where the player is reading, as a width-free bookmark for the save.
pub fn bookmark(app: &App) -> Bookmark {
    let shown = app.play_state().reveal.map(|r| r.shown);
    let Some(session) = app.session() else {
        return Bookmark { above: 0, shown };
    };
    let a = areas(app, screen(app));
    let above = para_letters(&text_lines(app, session, a.text.width), app.play_state().scroll);
    Bookmark { above, shown }
}

/// The scroll offset that puts the line a bookmark's `above` letters in at the top.
pub fn scroll_for(app: &App, above: usize) -> usize {
    let Some(session) = app.session() else { return 0 };
    let a = areas(app, screen(app));
    let lines = text_lines(app, session, a.text.width);
    let mut seen = 0;
    let mut scroll = 0;
    for (i, line) in lines.iter().enumerate() {
        if let TextLine::Para(text, _) = line {
            if seen >= above {
                break;
            }
            seen += letters(text);
            scroll = i + 1;
        }
    }
    scroll.min(max_scroll(app))
}

/// The letters of the text's lines above line `row`.
fn para_letters(lines: &[TextLine], row: usize) -> usize {
    lines
        .iter()
        .take(row)
        .map(|line| match line {
            TextLine::Para(text, _) => letters(text),
            _ => 0,
        })
        .sum()
}

/// The choice drawn at a position on the screen, if any.
pub fn choice_at(app: &App, at: Position) -> Option<usize> {
    let session = app.session()?;
    let a = areas(app, screen(app));
    if !a.choices.contains(at) {
        return None;
    }
    let row = usize::from(at.y - a.choices.y).checked_sub(1)?;
    choice_lines(session, a.choices.width).get(row).map(|l| l.index)
}

/// Whether a position falls in the choices' area.
pub fn in_choices(app: &App, at: Position) -> bool {
    areas(app, screen(app)).choices.contains(at)
}

/// Letters (not spaces) in a line: the unit the reveal counts in, so that wrapping
/// at another width never changes how long the reveal takes.
pub fn letters(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The start of `text` holding at most `n` letters.
pub fn take_letters(text: &str, n: usize) -> &str {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            if seen == n {
                return &text[..i];
            }
            seen += 1;
        }
    }
    text
}
