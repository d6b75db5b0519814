//! The recollections view, Kathy's journal: on the left the memories she holds,
//! grouped by era, and her keepsakes; on the right the selected one in full, with its
//! tone and the reflection that applies now. Entries new or revised since the journal
//! was last open are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    draw_lines, hint, hint_pair, more_below, page_layout, screen, scroll_limit, split_list, status,
    styled_lines, wrap,
};
use crate::app::journal::{Entry, arranged, entries};
use crate::app::{App, Command, Mark};
use crate::engine;
use crate::session::Session;

/// The glyph beside a memory, coloured by its tone.
const MEMORY_GLYPH: &str = "●";
const KEEPSAKE_GLYPH: &str = "◆";
const LOST_GLYPH: &str = "◇";

struct Areas {
    header: Rect,
    list: Rect,
    detail: Rect,
    status: Rect,
}

fn areas(app: &App, area: Rect) -> Areas {
    let page = page_layout(area, 110);
    let (list, mut detail) = split_list(page.body, (page.body.width / 3).clamp(24, 34));
    // An entry opened with Enter has the whole page, at a reading width.
    if app.journal_state().open {
        detail = super::column(page.body, app.settings().column.width());
    }
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
    let journal = app.journal_state();
    for (n, group) in arranged(session.story(), state, &journal.past, journal.order)
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            lines.push((Line::raw(""), None));
        }
        lines.push((Line::styled(group.heading.to_owned(), theme.accent), None));
        for entry in group.entries {
            let (glyph, glyph_style, name) = match entry {
                Entry::Memory(m) => {
                    let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
                    (MEMORY_GLYPH, theme.tone(tone), m.title.as_str())
                }
                Entry::Keepsake(k) => (KEEPSAKE_GLYPH, theme.accent, k.name.as_str()),
                Entry::Lost(k) => (LOST_GLYPH, theme.dim, k.name.as_str()),
            };
            let mark = match (entry, marks.get(entry.id())) {
                (Entry::Lost(_), _) => " lost",
                (_, Some(Mark::New)) => " new",
                (_, Some(Mark::Revised)) => " revised",
                (_, None) => "",
            };
            let selected = index == app.journal_state().selected;
            // Two cells at least between a title and its mark, so a wrapped title never
            // reads on into "new".
            let gap = usize::from(!mark.is_empty());
            let room = usize::from(width).saturating_sub(4 + gap + wrap::width(mark));
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
                        Span::styled(" ".repeat(gap), base),
                        Span::styled(mark, if selected { base } else { theme.mark }),
                    ])
                } else {
                    Line::from(vec![
                        Span::styled("    ", base),
                        Span::styled(part, base),
                        Span::styled(" ".repeat(gap + wrap::width(mark)), base),
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
    let a = areas(app, screen(app));
    if !a.list.contains(at) || app.journal_state().open {
        return None;
    }
    let lines = list_lines(app, session, a.list.width);
    let offset = list_offset(&lines, app.journal_state().selected, a.list.height);
    lines.get(offset + usize::from(at.y - a.list.y))?.1
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(app, area);
    let session = app.session();
    let journal = app.journal_state();
    let entries = session.map(|s| entries(s.story(), s.state(), &journal.past, journal.order));
    let memories = entries
        .iter()
        .flatten()
        .filter(|e| matches!(e, Entry::Memory(_)))
        .count();
    let keepsakes = entries
        .iter()
        .flatten()
        .filter(|e| matches!(e, Entry::Keepsake(_)))
        .count();

    let count = match (memories, keepsakes) {
        (0, 0) => String::new(),
        (m, 0) => plural(m, "memory", "memories"),
        (m, k) => format!(
            "{} · {}",
            plural(m, "memory", "memories"),
            plural(k, "keepsake", "keepsakes")
        ),
    };
    Line::from(Span::styled("Recollections", theme.heading)).render(a.header, buf);
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
        if !journal.open {
            let lines = list_lines(app, session, a.list.width);
            let offset = list_offset(&lines, journal.selected, a.list.height);
            let only: Vec<Line<'_>> = lines.into_iter().map(|(l, _)| l).collect();
            draw_lines(&only, offset, a.list, buf);
            for y in a.list.top()..a.list.bottom() {
                buf[(a.list.right() + 1, y)]
                    .set_symbol("│")
                    .set_style(theme.border);
            }
        }
        let selected = entries.as_ref().and_then(|e| e.get(journal.selected));
        if let Some(entry) = selected {
            let lines = detail_lines(app, session, *entry, a.detail.width);
            let scroll = journal
                .detail_scroll
                .min(scroll_limit(lines.len(), a.detail.height));
            draw_lines(&lines, scroll, a.detail, buf);
            more_below(app, Command::PageDown, scroll, lines.len(), a.detail, buf);
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

    let hints = if journal.open {
        vec![
            hint(app, Command::Back, "back to the list"),
            hint_pair(app, (Command::PageUp, Command::PageDown), "/", "scroll"),
            hint(app, Command::Help, "help"),
        ]
    } else {
        vec![
            hint_pair(app, (Command::Up, Command::Down), "", "browse"),
            hint(app, Command::Select, "open"),
            hint(app, Command::Back, "back to the story"),
            hint(app, Command::Arrange, "reorder"),
            hint(app, Command::Relationships, "people"),
            hint(app, Command::Help, "help"),
            hint(app, Command::Quit, "quit"),
        ]
    };
    status(app, a.status, buf, "Recollections", &hints);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// How far the selected entry's text can scroll in its pane.
pub fn max_detail_scroll(app: &App) -> usize {
    let Some(session) = app.session() else { return 0 };
    let journal = app.journal_state();
    let a = areas(app, screen(app));
    let list = entries(session.story(), session.state(), &journal.past, journal.order);
    list.get(journal.selected).map_or(0, |entry| {
        scroll_limit(
            detail_lines(app, session, *entry, a.detail.width).len(),
            a.detail.height,
        )
    })
}

/// The lines a page key scrolls the entry's text by.
pub fn detail_page(app: &App) -> usize {
    usize::from(areas(app, screen(app)).detail.height.saturating_sub(2)).max(1)
}

fn detail_lines<'a>(app: &'a App, session: &'a Session, entry: Entry<'a>, width: u16) -> Vec<Line<'a>> {
    let theme = app.theme();
    let story = session.story();
    let state = session.state();
    let width = usize::from(width);
    let mark = app.journal_state().showing.get(entry.id()).copied();
    let mut lines: Vec<Line<'_>> = Vec::new();
    let (title, body) = match entry {
        Entry::Memory(m) => (m.title.as_str(), m.summary.as_str()),
        Entry::Keepsake(k) | Entry::Lost(k) => (k.name.as_str(), k.description.as_str()),
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
        Entry::Lost(_) => lines.push(Line::styled("A keepsake, lost along the way", theme.dim)),
    }
    if let Some(earlier) = app.journal_state().past.earlier_tones.get(entry.id()) {
        let was = format!("held before as {}", earlier.join(", then "));
        lines.extend(styled_lines(wrap::wrap(&was, width), theme.dim, 0));
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
    lines
}
