//! The save and load screens: the slots on the left (the autosave, the quicksave and
//! 1 to 9), the selected one in full on the right: when it was saved, how long was
//! played, how far, the scene and the start of its text, and whether the previous
//! version is kept. A slot that cannot be read says why, in the save layer's words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, popup, status, styled_lines};
use crate::app::layout::slots::{areas, list_offset};
use crate::app::layout::wrap;
use crate::app::{App, Command, View};
use crate::save::{SaveError, SaveFile, Slot, SlotEntry, SlotStatus, clock};
use crate::words::saving::slot_name;

/// The slot's name in the list: "auto", "quick", "1" … "9".
fn short(slot: Slot) -> String {
    match slot {
        Slot::Auto => "auto".to_owned(),
        Slot::Earlier(n) => format!("auto-{n}"),
        Slot::Quick => "quick".to_owned(),
        Slot::Numbered(n) => n.to_string(),
    }
}

fn list_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width);
    let state = app.slots_state();
    state
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let selected = i == state.selected;
            let base = if selected { theme.selected } else { theme.text };
            let (what, style) = match &entry.status {
                SlotStatus::Empty => ("empty".to_owned(), theme.dim),
                SlotStatus::Ready(save) => (save.scene_title.clone(), theme.text),
                SlotStatus::Unreadable(_) => ("cannot be read".to_owned(), theme.warning),
            };
            let head = format!("{} {:>5}  ", if selected { "›" } else { " " }, short(entry.slot));
            let room = width.saturating_sub(wrap::width(&head));
            let what = wrap::truncate(&what, room);
            let pad = " ".repeat(room.saturating_sub(wrap::width(&what)));
            Line::from(vec![
                Span::styled(head, if selected { base } else { theme.accent }),
                Span::styled(format!("{what}{pad}"), if selected { base } else { style }),
            ])
        })
        .collect()
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let saving = app.view() == View::Save;
    let heading = if saving {
        "Save the game"
    } else {
        "Load a saved game"
    };
    Line::from(Span::styled(heading, theme.heading)).render(a.header, buf);
    let story = &app.story().title;
    Line::styled(wrap::truncate(story, usize::from(a.header.width / 2)), theme.dim)
        .right_aligned()
        .render(a.header, buf);
    Line::styled("─".repeat(usize::from(a.header.width)), theme.border).render(
        Rect {
            y: a.header.y + 1,
            height: 1,
            ..a.header
        },
        buf,
    );
    let lines = list_lines(app, a.list.width);
    draw_lines(&lines, list_offset(app, a.list.height), a.list, buf);
    for y in a.list.top()..a.list.bottom() {
        buf[(a.list.right() + 1, y)]
            .set_symbol("│")
            .set_style(theme.border);
    }
    if let Some(entry) = app.slots_state().entries.get(app.slots_state().selected) {
        draw_lines(&detail(app, entry, a.detail.width), 0, a.detail, buf);
    }
    let action = if saving { "save here" } else { "load" };
    let hints = [
        hint(app, Command::Select, action),
        ("1–9".to_owned(), "slot"),
        hint(app, Command::Back, "back"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, a.status, buf, if saving { "Save" } else { "Load" }, &hints);
}

fn detail(app: &App, entry: &SlotEntry, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width);
    let saving = app.view() == View::Save;
    let mut lines = vec![Line::from(Span::styled(slot_name(entry.slot), theme.heading))];
    match &entry.status {
        SlotStatus::Empty => {
            lines.push(Line::raw(""));
            lines.push(Line::styled("Nothing is saved here yet.", theme.dim));
            if saving {
                lines.push(Line::raw(""));
                lines.push(enter_line(app, "save the game here"));
            }
        }
        SlotStatus::Ready(save) => {
            lines.extend(ready(app, save, width));
            if entry.has_backup {
                lines.push(Line::raw(""));
                lines.extend(styled_lines(
                    wrap::wrap("The save before this one is kept as a backup.", width),
                    theme.dim,
                    0,
                ));
            }
            lines.push(Line::raw(""));
            lines.push(enter_line(
                app,
                if saving {
                    "save over it (it is kept as the backup)"
                } else {
                    "play on from here"
                },
            ));
        }
        SlotStatus::Unreadable(e) => lines.extend(unreadable(app, entry, e, width)),
    }
    lines
}

/// Why the slot's file cannot be read, what saving or loading here does about it, and
/// the backup beside it.
fn unreadable(app: &App, entry: &SlotEntry, error: &SaveError, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let saving = app.view() == View::Save;
    let mut lines = Vec::new();
    lines.push(Line::styled("This save cannot be read", theme.warning));
    lines.push(Line::raw(""));
    let reason = capitalised(&error.to_string());
    lines.extend(styled_lines(
        wrap::wrap(&format!("{reason}."), width),
        theme.text,
        0,
    ));
    lines.push(Line::raw(""));
    let left = if saving {
        "Saving here asks first, and keeps the damaged file as the backup."
    } else {
        crate::words::saving::LEFT_AS_IT_IS
    };
    lines.extend(styled_lines(wrap::wrap(left, width), theme.dim, 0));
    if entry.has_backup && !saving {
        lines.push(Line::raw(""));
        let backup = format!(
            "An earlier save is kept beside it, in {}.bak.",
            entry.slot.file_name()
        );
        lines.extend(styled_lines(wrap::wrap(&backup, width), theme.dim, 0));
    }
    lines
}

fn ready(app: &App, save: &SaveFile, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut lines = styled_lines(wrap::wrap(&save.scene_title, width), theme.title, 0);
    lines.push(Line::raw(""));
    let step = match save.step() {
        0 => "the start".to_owned(),
        n => format!("after {}", crate::words::count::choices(n)),
    };
    let ended = if save.state.ending.is_some() {
        ", at the end"
    } else {
        ""
    };
    let mut rows = vec![
        ("Saved", crate::words::clock::date_time(save.saved_at, app.zone())),
        ("Played", clock::play_time(save.play_time)),
        ("Reached", format!("{step}{ended}")),
    ];
    if !save.same_story_version(app.story()) {
        rows.push(("Story", "edited since; worked out again on loading".to_owned()));
    }
    for (label, value) in rows {
        for (n, part) in wrap::wrap(&value, width.saturating_sub(10))
            .into_iter()
            .enumerate()
        {
            let label = if n == 0 { label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<10}"), theme.dim),
                Span::styled(part, theme.text),
            ]));
        }
    }
    if !save.excerpt.is_empty() {
        lines.push(Line::raw(""));
        for l in wrap::wrap(&save.excerpt, width.saturating_sub(2)) {
            lines.push(Line::from(vec![
                Span::styled("│ ", theme.border),
                Span::styled(l, theme.reflection),
            ]));
        }
    }
    lines
}

fn enter_line(app: &App, what: &str) -> Line<'static> {
    let theme = app.theme();
    Line::from(vec![
        Span::styled(app.keymap().label(Command::Select), theme.accent),
        Span::styled(format!("  {what}"), theme.dim),
    ])
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The question before saving over a slot that cannot be read.
pub fn draw_confirm(app: &App, slot: Slot, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let body = popup(app, area, 56, 7, "Save over it?", buf);
    let width = usize::from(body.width.saturating_sub(2));
    let text = format!(
        "{} cannot be read. Save over it? The damaged file is kept as the backup.",
        slot_name(slot)
    );
    let mut lines: Vec<Line<'_>> = wrap::wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.text).centered())
        .collect();
    lines.push(Line::raw(""));
    lines.push(
        Line::from(vec![
            Span::styled("y", theme.accent),
            Span::styled(" save    ", theme.text),
            Span::styled("any other key", theme.accent),
            Span::styled(" keep it", theme.text),
        ])
        .centered(),
    );
    draw_lines(
        &lines,
        0,
        Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        },
        buf,
    );
}
