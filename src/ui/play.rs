//! The play view: the scene's heading, its text (revealed a little at a time, and
//! scrollable when long), the choices beneath, and the status line. Where each goes is
//! [`crate::app::layout::play`]'s, which `update` also uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, more_below, status};
use crate::app::layout::play::{
    Areas, CHOICE_INDENT, TextLine, areas, choice_lines, letters, page_end, take_letters, text_lines,
};
use crate::app::layout::{scroll_limit, wrap};
use crate::app::{App, Command};
use crate::session::Session;
use crate::story::Scene;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
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
    draw_heading(app, scene, when, a.heading, buf);
    draw_text(app, session, &a, buf);
    draw_choices(app, session, &a, buf);
    draw_status(app, session, when, a.status, buf);
}

/// The scene's title, when and where it is, and a rule beneath.
fn draw_heading(app: &App, scene: &Scene, when: &str, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let mut heading = vec![Span::styled(when.to_owned(), theme.accent)];
    if let Some(place) = &scene.place {
        heading.push(Span::styled(" · ", theme.dim));
        heading.push(Span::styled(place.clone(), theme.place));
    }
    let rule = "─".repeat(usize::from(area.width));
    let title = wrap::wrap(&scene.title, usize::from(area.width)).swap_remove(0);
    draw_lines(
        &[
            Line::from(Span::styled(title, theme.heading)),
            Line::from(heading),
            Line::styled(rule, theme.border),
        ],
        0,
        area,
        buf,
    );
}

/// The scene's text as far as it is revealed, scrolled, with "more above" and "more
/// below" (or the reveal's "more") marks.
fn draw_text(app: &App, session: &Session, a: &Areas, buf: &mut Buffer) {
    let theme = app.theme();
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
