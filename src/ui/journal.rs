//! The recollections view, Kathy's journal: on the left the memories she holds,
//! grouped by era, and her keepsakes; on the right the selected one in full, with its
//! tone and the reflection that applies now. Entries new or revised since the journal
//! was last open are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, page_layout, screen, split_list, status, styled_lines, wrap};
use crate::app::journal::{Entry, groups};
use crate::app::{App, Command, Mark};
use crate::engine;
use crate::session::Session;

/// The glyph beside a memory, coloured by its tone.
const MEMORY_GLYPH: &str = "●";
const KEEPSAKE_GLYPH: &str = "◆";

struct Areas {
    header: Rect,
    list: Rect,
    detail: Rect,
    status: Rect,
}

fn areas(area: Rect) -> Areas {
    let page = page_layout(area, 110);
    let (list, detail) = split_list(page.body, (page.body.width / 3).clamp(24, 34));
    Areas {
        header: page.header,
        list,
        detail,
        status: page.status,
    }
}

/// The list's lines, and for each line the index of the entry on it.
fn list_lines<'a>(app: &'a App, session: &'a Session, width: u16) -> Vec<(Line<'a>, Option<usize>)> {
    let theme = app.theme();
    let state = session.state();
    let marks = &app.journal_state().showing;
    let mut lines = Vec::new();
    let mut index = 0;
    for (n, group) in groups(session.story(), state).into_iter().enumerate() {
        if n > 0 {
            lines.push((Line::raw(""), None));
        }
        let heading = group.era.map_or("Keepsakes", |e| e.title.as_str());
        lines.push((Line::styled(heading.to_owned(), theme.accent), None));
        for entry in group.entries {
            let (glyph, glyph_style, name) = match entry {
                Entry::Memory(m) => {
                    let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
                    (MEMORY_GLYPH, theme.tone(tone), m.title.as_str())
                }
                Entry::Keepsake(k) => (KEEPSAKE_GLYPH, theme.accent, k.name.as_str()),
            };
            let mark = match marks.get(entry.id()) {
                Some(Mark::New) => " new",
                Some(Mark::Revised) => " revised",
                None => "",
            };
            let selected = index == app.journal_state().selected;
            let room = usize::from(width).saturating_sub(4 + mark.len());
            let base = if selected { theme.selected } else { theme.text };
            // A long title wraps under itself; the mark stays on its first line.
            for (n, mut part) in wrap::wrap(name, room).into_iter().enumerate() {
                let pad = room.saturating_sub(wrap::width(&part));
                part.push_str(&" ".repeat(pad));
                let line = if n == 0 {
                    Line::from(vec![
                        Span::styled(if selected { "›" } else { " " }, base),
                        Span::styled(format!(" {glyph} "), if selected { base } else { glyph_style }),
                        Span::styled(part, base),
                        Span::styled(mark, if selected { base } else { theme.mark }),
                    ])
                } else {
                    Line::from(vec![
                        Span::styled("    ", base),
                        Span::styled(part, base),
                        Span::styled(" ".repeat(mark.len()), base),
                    ])
                };
                lines.push((line, Some(index)));
            }
            index += 1;
        }
    }
    lines
}

/// How far the list scrolls so that the selected entry shows.
fn list_offset(lines: &[(Line<'_>, Option<usize>)], selected: usize, height: u16) -> usize {
    let at = lines.iter().position(|(_, i)| *i == Some(selected)).unwrap_or(0);
    let end = lines
        .iter()
        .rposition(|(_, i)| *i == Some(selected))
        .unwrap_or(at);
    // Show the era heading above the first entry of a group where possible.
    let at_with_heading = if at > 0 && lines[at - 1].1.is_none() {
        at - 1
    } else {
        at
    };
    let height = usize::from(height).max(1);
    (end + 1).saturating_sub(height).min(at_with_heading)
}

/// The entry drawn at a position on the screen, if any.
pub fn entry_at(app: &App, at: Position) -> Option<usize> {
    let session = app.session()?;
    let a = areas(screen(app));
    if !a.list.contains(at) {
        return None;
    }
    let lines = list_lines(app, session, a.list.width);
    let offset = list_offset(&lines, app.journal_state().selected, a.list.height);
    lines.get(offset + usize::from(at.y - a.list.y))?.1
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let session = app.session();
    let entries = session.map(|s| crate::app::journal::entries(s.story(), s.state()));
    let memories = entries
        .iter()
        .flatten()
        .filter(|e| matches!(e, Entry::Memory(_)))
        .count();
    let keepsakes = entries.as_ref().map_or(0, Vec::len) - memories;

    let count = match (memories, keepsakes) {
        (0, 0) => String::new(),
        (m, 0) => plural(m, "memory", "memories"),
        (m, k) => format!(
            "{} · {}",
            plural(m, "memory", "memories"),
            plural(k, "keepsake", "keepsakes")
        ),
    };
    Line::styled("Recollections", theme.heading).render(a.header, buf);
    Line::styled(count, theme.dim)
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

    if let (Some(session), true) = (session, entries.as_ref().is_some_and(|e| !e.is_empty())) {
        let lines = list_lines(app, session, a.list.width);
        let offset = list_offset(&lines, app.journal_state().selected, a.list.height);
        let only: Vec<Line<'_>> = lines.into_iter().map(|(l, _)| l).collect();
        draw_lines(&only, offset, a.list, buf);
        for y in a.list.top()..a.list.bottom() {
            buf[(a.list.right() + 1, y)]
                .set_symbol("│")
                .set_style(theme.border);
        }
        let selected = entries.as_ref().and_then(|e| e.get(app.journal_state().selected));
        if let Some(entry) = selected {
            draw_detail(app, session, *entry, a.detail, buf);
        }
    } else {
        let width = usize::from(a.detail.width + a.list.width);
        let mut lines = styled_lines(wrap::wrap("Nothing is held yet.", width), theme.heading, 0);
        lines.push(Line::raw(""));
        let more = "Memories gather here as Kathy tells her story: what happened, how she holds it, and what she makes of it now.";
        lines.extend(styled_lines(wrap::wrap(more, width.min(60)), theme.dim, 0));
        let lines: Vec<Line<'_>> = lines.into_iter().map(Line::centered).collect();
        let body = a.list.union(a.detail);
        let top = body
            .height
            .saturating_sub(u16::try_from(lines.len()).unwrap_or(0))
            / 3;
        draw_lines(
            &lines,
            0,
            Rect {
                y: body.y + top,
                ..body
            },
            buf,
        );
    }

    let hints = [
        hint_pair(app, (Command::Up, Command::Down), "", "browse"),
        hint(app, Command::Back, "back to the story"),
        hint(app, Command::Relationships, "people"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, a.status, buf, "Recollections", &hints);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn draw_detail(app: &App, session: &Session, entry: Entry<'_>, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let story = session.story();
    let state = session.state();
    let width = usize::from(area.width);
    let mark = app.journal_state().showing.get(entry.id()).copied();
    let mut lines: Vec<Line<'_>> = Vec::new();
    let (title, body) = match entry {
        Entry::Memory(m) => (m.title.as_str(), m.summary.as_str()),
        Entry::Keepsake(k) => (k.name.as_str(), k.description.as_str()),
    };
    lines.extend(styled_lines(wrap::wrap(title, width), theme.heading, 0));
    match entry {
        Entry::Memory(m) => {
            let era = story.era(&m.era).map_or(m.era.as_str(), |e| e.title.as_str());
            let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
            let held = vec![
                Span::styled("held as ", theme.dim),
                Span::styled(tone.to_owned(), theme.tone(tone)),
            ];
            if wrap::width(era) + wrap::width(tone) + 11 <= width {
                let mut spans = vec![Span::styled(format!("{era} · "), theme.dim)];
                spans.extend(held);
                lines.push(Line::from(spans));
            } else {
                lines.extend(styled_lines(wrap::wrap(era, width), theme.dim, 0));
                lines.push(Line::from(held));
            }
        }
        Entry::Keepsake(_) => lines.push(Line::styled("A keepsake", theme.dim)),
    }
    match mark {
        Some(Mark::New) => lines.push(Line::styled(" new since you last looked ", theme.mark)),
        Some(Mark::Revised) => lines.push(Line::styled(" remembered differently now ", theme.mark)),
        None => {}
    }
    lines.push(Line::raw(""));
    lines.extend(styled_lines(wrap::wrap(body, width), theme.text, 0));
    if let Entry::Memory(m) = entry
        && let Some(reflection) = engine::reflection(story, state, &m.id)
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Looking back", theme.dim));
        let bar: Style = theme.border;
        for l in wrap::wrap(&reflection, width.saturating_sub(2)) {
            lines.push(Line::from(vec![
                Span::styled("│ ", bar),
                Span::styled(l, theme.reflection),
            ]));
        }
    }
    draw_lines(&lines, 0, area, buf);
}
