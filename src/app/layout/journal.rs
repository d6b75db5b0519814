//! The recollections' layout: the list of memories and keepsakes on the left (each
//! row with the entry it belongs to), the selected entry in full on the right, how
//! far each scrolls, and which entry a click landed on.

use ratatui::layout::{Position, Rect};

use super::{Piece, Role, Row, as_rows, column, page_layout, screen, scroll_limit, split_list, wrap};
use crate::app::journal::{Entry, arranged, entries};
use crate::app::{App, Mark};
use crate::engine;
use crate::session::Session;

/// The glyph beside a memory, coloured by its tone.
const MEMORY_GLYPH: &str = "●";
const KEEPSAKE_GLYPH: &str = "◆";
const LOST_GLYPH: &str = "◇";

pub struct Areas {
    pub header: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
}

pub fn areas(app: &App, area: Rect) -> Areas {
    let page = page_layout(area, 110);
    let (list, mut detail) = split_list(page.body, (page.body.width / 3).clamp(24, 34));
    // An entry opened with Enter has the whole page, at a reading width.
    if app.journal_state().open {
        detail = column(page.body, app.settings().column.width());
    }
    Areas {
        header: page.header,
        list,
        detail,
        status: page.status,
    }
}

/// The list's rows, and for each row the index of the entry on it.
pub fn list_rows(app: &App, session: &Session, width: u16) -> Vec<(Row, Option<usize>)> {
    let state = session.state();
    let journal = app.journal_state();
    let marks = &journal.showing;
    let mut lines = Vec::new();
    let mut index = 0;
    for (n, group) in arranged(session.story(), state, &journal.past, journal.order)
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            lines.push((Row::blank(), None));
        }
        lines.push((Row::styled(group.heading, Role::Accent), None));
        for entry in group.entries {
            let mark = match (entry, marks.get(entry.id())) {
                (Entry::Lost(_), _) => " lost",
                (_, Some(Mark::New)) => " new",
                (_, Some(Mark::Revised)) => " revised",
                (_, None) => "",
            };
            let selected = index == journal.selected;
            for row in entry_rows(state, entry, mark, selected, width) {
                lines.push((row, Some(index)));
            }
            index += 1;
        }
    }
    lines
}

/// One entry's rows: its glyph, its title (wrapped under itself) and its mark.
fn entry_rows(
    state: &engine::GameState,
    entry: Entry<'_>,
    mark: &str,
    selected: bool,
    width: u16,
) -> Vec<Row> {
    let (glyph, glyph_role, name) = match entry {
        Entry::Memory(m) => {
            let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
            (MEMORY_GLYPH, Role::Tone(tone.to_owned()), m.title.as_str())
        }
        Entry::Keepsake(k) => (KEEPSAKE_GLYPH, Role::Accent, k.name.as_str()),
        Entry::Lost(k) => (LOST_GLYPH, Role::Dim, k.name.as_str()),
    };
    // Two cells at least between a title and its mark, so a wrapped title never
    // reads on into "new".
    let gap = usize::from(!mark.is_empty());
    let room = usize::from(width).saturating_sub(4 + gap + wrap::width(mark));
    let base = if selected { Role::Selected } else { Role::Text };
    let or_base = |role: Role| if selected { base.clone() } else { role };
    // A long title wraps under itself; the mark stays on its first line.
    let mut rows = Vec::new();
    for (n, mut part) in wrap::wrap(name, room).into_iter().enumerate() {
        let pad = room.saturating_sub(wrap::width(&part));
        part.push_str(&" ".repeat(pad));
        let row = if n == 0 {
            Row::new(vec![
                Piece::new(if selected { "›" } else { " " }, base.clone()),
                Piece::new(format!(" {glyph} "), or_base(glyph_role.clone())),
                Piece::new(part, base.clone()),
                Piece::new(" ".repeat(gap), base.clone()),
                Piece::new(mark, or_base(Role::Mark)),
            ])
        } else {
            Row::new(vec![
                Piece::new("    ", base.clone()),
                Piece::new(part, base.clone()),
                Piece::new(" ".repeat(gap + wrap::width(mark)), base.clone()),
            ])
        };
        rows.push(row);
    }
    rows
}

/// How far the list scrolls so that the selected entry shows.
pub fn list_offset(lines: &[(Row, Option<usize>)], selected: usize, height: u16) -> usize {
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
    let lines = list_rows(app, session, a.list.width);
    let offset = list_offset(&lines, app.journal_state().selected, a.list.height);
    lines.get(offset + usize::from(at.y - a.list.y))?.1
}

/// How far the selected entry's text can scroll in its pane.
pub fn max_detail_scroll(app: &App) -> usize {
    let Some(session) = app.session() else { return 0 };
    let journal = app.journal_state();
    let a = areas(app, screen(app));
    let list = entries(session.story(), session.state(), &journal.past, journal.order);
    list.get(journal.selected).map_or(0, |entry| {
        scroll_limit(
            detail_rows(app, session, *entry, a.detail.width).len(),
            a.detail.height,
        )
    })
}

/// The lines a page key scrolls the entry's text by.
pub fn detail_page(app: &App) -> usize {
    super::page_of(areas(app, screen(app)).detail.height)
}

/// The selected entry in full: its title, era and tone (or what keepsake it is), how
/// it was held before, whether it is new, its text, and the reflection that applies.
pub fn detail_rows(app: &App, session: &Session, entry: Entry<'_>, width: u16) -> Vec<Row> {
    let story = session.story();
    let state = session.state();
    let width = usize::from(width);
    let mark = app.journal_state().showing.get(entry.id()).copied();
    let mut lines = Vec::new();
    let (title, body) = match entry {
        Entry::Memory(m) => (m.title.as_str(), m.summary.as_str()),
        Entry::Keepsake(k) | Entry::Lost(k) => (k.name.as_str(), k.description.as_str()),
    };
    lines.extend(as_rows(wrap::wrap(title, width), &Role::Heading, 0));
    match entry {
        Entry::Memory(m) => {
            let era = story.era(&m.era).map_or(m.era.as_str(), |e| e.title.as_str());
            let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
            let held = vec![
                Piece::new("held as ", Role::Dim),
                Piece::new(tone, Role::Tone(tone.to_owned())),
            ];
            if wrap::width(era) + wrap::width(tone) + 11 <= width {
                let mut pieces = vec![Piece::new(format!("{era} · "), Role::Dim)];
                pieces.extend(held);
                lines.push(Row::new(pieces));
            } else {
                lines.extend(as_rows(wrap::wrap(era, width), &Role::Dim, 0));
                lines.push(Row::new(held));
            }
        }
        Entry::Keepsake(_) => lines.push(Row::styled("A keepsake", Role::Dim)),
        Entry::Lost(_) => lines.push(Row::styled("A keepsake, lost along the way", Role::Dim)),
    }
    if let Some(earlier) = app.journal_state().past.earlier_tones.get(entry.id()) {
        let was = format!("held before as {}", earlier.join(", then "));
        lines.extend(as_rows(wrap::wrap(&was, width), &Role::Dim, 0));
    }
    match mark {
        Some(Mark::New) => lines.push(Row::styled(" new since you last looked ", Role::Mark)),
        Some(Mark::Revised) => lines.push(Row::styled(" remembered differently now ", Role::Mark)),
        None => {}
    }
    lines.push(Row::blank());
    lines.extend(as_rows(wrap::wrap(body, width), &Role::Text, 0));
    if let Entry::Memory(m) = entry
        && let Some(reflection) = engine::reflection(story, session.now(), &m.id)
    {
        lines.push(Row::blank());
        lines.push(Row::styled("Looking back", Role::Dim));
        for l in wrap::wrap(&reflection, width.saturating_sub(2)) {
            lines.push(Row::new(vec![
                Piece::new("│ ", Role::Border),
                Piece::new(l, Role::Reflection),
            ]));
        }
    }
    lines
}
