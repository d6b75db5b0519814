//! The play view: the scene's heading, its text (revealed a little at a time, and
//! scrollable when long), the choices beneath, and the status line.
//!
//! The layout is computed by pure functions of the `App`, which `update` also uses
//! to know where a click landed and how far the text can scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{column, draw_lines, hint, more_below, screen, scroll_limit, split_status, status, wrap};
use crate::app::{App, Command};
use crate::save::Bookmark;
use crate::session::Session;

/// Where each part of the play view goes.
struct Areas {
    heading: Rect,
    text: Rect,
    choices: Rect,
    status: Rect,
}

/// A line of the scrolling text.
enum TextLine {
    Note(String),
    /// A wrapped line of a paragraph, with its byte ranges in emphasis.
    Para(String, Vec<std::ops::Range<usize>>),
    /// What the last choice did, after the text; drawn once the text has all appeared.
    Effect(String),
    Blank,
}

/// A line of the choices: which choice it belongs to, and whether it is its first.
struct ChoiceLine {
    index: usize,
    first: bool,
    text: String,
}

const CHOICE_INDENT: usize = 5;

fn areas(app: &App, area: Rect) -> Areas {
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

fn text_lines(app: &App, session: &Session, width: u16) -> Vec<TextLine> {
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
            super::emphasis::wrap_shown(paragraph, width)
                .into_iter()
                .map(|(l, e)| TextLine::Para(l, e)),
        );
    }
    let play = app.play_state();
    let effects = super::effects::lines(session.story(), &play.effects, app.settings().effects);
    if !effects.is_empty() {
        lines.push(TextLine::Blank);
    }
    for effect in effects {
        lines.extend(bulleted(&effect, width).into_iter().map(TextLine::Effect));
    }
    lines
}

/// A line wrapped to `width` with "· " before its first row.
fn bulleted(text: &str, width: usize) -> Vec<String> {
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

fn choice_lines(session: &Session, width: u16) -> Vec<ChoiceLine> {
    let width = usize::from(width).saturating_sub(CHOICE_INDENT);
    let mut lines = Vec::new();
    for (index, choice) in session.offered().iter().enumerate() {
        for (n, text) in wrap::wrap(&choice.label, width).into_iter().enumerate() {
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
    usize::from(areas(app, screen(app)).text.height.saturating_sub(2)).max(1)
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
fn take_letters(text: &str, n: usize) -> &str {
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

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(app, area);
    let Some(session) = app.session() else { return };
    let Ok(scene) = session.scene() else { return };
    let story = session.story();
    let era = story
        .era(&scene.era)
        .map_or(scene.era.as_str(), |e| e.title.as_str());
    let when = if scene.frame { "Now" } else { era };
    if app.play_state().card {
        super::card::draw(app, &scene.era, a.status, area, buf);
        return;
    }

    let mut heading = vec![Span::styled(when.to_owned(), theme.accent)];
    if let Some(place) = &scene.place {
        heading.push(Span::styled(" · ", theme.dim));
        heading.push(Span::styled(place.clone(), theme.place));
    }
    let rule = "─".repeat(usize::from(a.heading.width));
    let title = wrap::wrap(&scene.title, usize::from(a.heading.width)).swap_remove(0);
    draw_lines(
        &[
            Line::from(Span::styled(title, theme.heading)),
            Line::from(heading),
            Line::styled(rule, theme.border),
        ],
        0,
        a.heading,
        buf,
    );

    let play = app.play_state();
    let mut budget = play.reveal.map(|r| r.shown);
    let lines: Vec<Line<'_>> = text_lines(app, session, a.text.width)
        .into_iter()
        .map(|l| match l {
            TextLine::Note(t) => Line::styled(t, theme.note),
            TextLine::Effect(t) if play.reveal.is_none() => Line::styled(t, theme.note),
            TextLine::Effect(_) | TextLine::Blank => Line::raw(""),
            TextLine::Para(t, italic) => match &mut budget {
                None => super::emphasis::styled(t, &italic, theme.text),
                Some(left) => {
                    let shown = take_letters(&t, *left).to_owned();
                    *left = left.saturating_sub(letters(&t));
                    super::emphasis::styled(shown, &italic, theme.text)
                }
            },
        })
        .collect();
    let scroll = play.scroll.min(scroll_limit(lines.len(), a.text.height));
    draw_lines(&lines, scroll, a.text, buf);
    if scroll > 0 {
        Line::styled("↑ more above", theme.dim).right_aligned().render(
            Rect {
                height: 1,
                y: a.text.y.saturating_sub(1),
                ..a.text
            },
            buf,
        );
    }
    match play.reveal {
        None => more_below(app, Command::PageDown, scroll, lines.len(), a.text, buf),
        Some(reveal) if reveal.shown >= page_end(app) => {
            let row = Rect {
                y: a.text.bottom(),
                height: 1,
                ..a.text
            };
            Line::styled(format!("▼ more ({})", advance_label(app)), theme.accent)
                .right_aligned()
                .render(row, buf);
        }
        Some(_) => {}
    }

    draw_choices(app, session, &a, buf);
    draw_status(app, session, when, a.status, buf);
}

/// The key that completes or turns the page, as the player knows it: Space, when it
/// is bound (it is in the shipped bindings), else the first key of "page down".
pub(super) fn advance_label(app: &App) -> String {
    let space = crate::app::keymap::Key::parse("space");
    if space.is_some_and(|k| app.keymap().keys(Command::PageDown).contains(&k)) {
        "Space".to_owned()
    } else {
        app.keymap().label(Command::PageDown)
    }
}

fn draw_choices(app: &App, session: &Session, a: &Areas, buf: &mut Buffer) {
    let theme = app.theme();
    let play = app.play_state();
    let inner = Rect {
        y: a.choices.y + 1,
        height: a.choices.height.saturating_sub(1),
        ..a.choices
    };
    if play.reveal.is_some() {
        return;
    }
    if session.ending().is_some() {
        let line = Line::from(vec![
            Span::styled(app.keymap().label(Command::Select), theme.accent),
            Span::styled("  turn the page", theme.dim),
        ]);
        draw_lines(&[line], 0, inner, buf);
        return;
    }
    let lines: Vec<Line<'_>> = choice_lines(session, a.choices.width)
        .into_iter()
        .map(|l| {
            let chosen = l.index == play.selected;
            let style = if chosen { theme.selected } else { theme.choice };
            let prefix = match (l.first, chosen) {
                (true, true) => format!("› {}. ", l.index + 1),
                (true, false) => format!("  {}. ", l.index + 1),
                (false, _) => " ".repeat(CHOICE_INDENT),
            };
            let number = if chosen { theme.selected } else { theme.accent };
            Line::from(vec![
                Span::styled(prefix, number),
                Span::styled(format!("{} ", l.text), style),
            ])
        })
        .collect();
    draw_lines(&lines, 0, inner, buf);
}

fn draw_status(app: &App, session: &Session, era: &str, area: Rect, buf: &mut Buffer) {
    let new = app.journal_state().marks.len();
    let journal_word = if new > 0 {
        format!("recollections ({new} new)")
    } else {
        "recollections".to_owned()
    };
    let count = session.offered().len();
    let mut hints = Vec::new();
    if let Some(reveal) = app.play_state().reveal {
        let what = if reveal.shown >= page_end(app) {
            "read on"
        } else {
            "show the page"
        };
        hints.push((advance_label(app), what));
    } else if session.ending().is_some() {
        hints.push(hint(app, Command::Select, "turn the page"));
    } else if count == 1 {
        hints.push(("1".to_owned(), "choose"));
    } else if count > 1 {
        hints.push((format!("1–{count}"), "choose"));
    }
    hints.push(hint(app, Command::Recollections, &journal_word));
    hints.push(hint(app, Command::Relationships, "people"));
    if session.can_undo() {
        hints.push(hint(app, Command::Undo, "undo"));
    }
    // An author watching their story wants the inspector at hand; a player, hardly.
    if app.watching() {
        hints.push(hint(app, Command::Inspect, "inspect"));
    }
    hints.push(hint(app, Command::Help, "help"));
    hints.push(hint(app, Command::Quit, "quit"));
    hints.push(hint(app, Command::Timeline, "timeline"));
    hints.push(hint(app, Command::History, "history"));
    hints.push(hint(app, Command::Save, "save"));
    if !app.watching() {
        hints.push(hint(app, Command::Inspect, "inspect"));
    }
    status(app, area, buf, era, &hints);
}
