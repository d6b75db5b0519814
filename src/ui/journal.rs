//! The recollections view, Kathy's journal: on the left the memories she holds,
//! grouped by era, and her keepsakes; on the right the selected one in full, with its
//! tone and the reflection that applies now. Entries new or revised since the journal
//! was last open are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, hint_pair, more_below, paint, status, styled_lines};
use crate::app::journal::{Entry, entries};
use crate::app::layout::journal::{Areas, areas, detail_rows, list_offset, list_rows};
use crate::app::layout::{scroll_limit, wrap};
use crate::app::{App, Command};
use crate::session::Session;
use crate::words::count::count;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let a = areas(app, area);
    let session = app.session();
    let journal = app.journal_state();
    let entries = session.map(|s| entries(s.story(), s.state(), &journal.past, journal.order));
    draw_header(app, entries.as_deref().unwrap_or(&[]), a.header, buf);
    match (session, entries) {
        (Some(session), Some(entries)) if !entries.is_empty() => {
            draw_entries(app, session, &entries, &a, buf);
        }
        _ => draw_nothing_held(app, &a, buf),
    }
    status(app, a.status, buf, "Recollections", &hints(app, journal.open));
}

/// "Recollections", how many memories and keepsakes are held, and a rule beneath.
fn draw_header(app: &App, entries: &[Entry<'_>], header: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let memories = entries.iter().filter(|e| matches!(e, Entry::Memory(_))).count();
    let keepsakes = entries.iter().filter(|e| matches!(e, Entry::Keepsake(_))).count();
    let count = match (memories, keepsakes) {
        (0, 0) => String::new(),
        (m, 0) => count(m, "memory", "memories"),
        (m, k) => format!(
            "{} · {}",
            count(m, "memory", "memories"),
            count(k, "keepsake", "keepsakes")
        ),
    };
    Line::from(Span::styled("Recollections", theme.heading)).render(header, buf);
    Line::styled(count, theme.dim).right_aligned().render(header, buf);
    Line::styled("─".repeat(usize::from(header.width)), theme.border).render(
        Rect {
            y: header.y + 1,
            height: 1,
            ..header
        },
        buf,
    );
}

/// The list (unless the selected entry is open on the whole page) and the selected
/// entry in full.
fn draw_entries(app: &App, session: &Session, entries: &[Entry<'_>], a: &Areas, buf: &mut Buffer) {
    let theme = app.theme();
    let journal = app.journal_state();
    if !journal.open {
        let rows = list_rows(app, session, a.list.width);
        let offset = list_offset(&rows, journal.selected, a.list.height);
        let only = paint(theme, rows.into_iter().map(|(l, _)| l).collect());
        draw_lines(&only, offset, a.list, buf);
        for y in a.list.top()..a.list.bottom() {
            buf[(a.list.right() + 1, y)]
                .set_symbol("│")
                .set_style(theme.border);
        }
    }
    if let Some(entry) = entries.get(journal.selected) {
        let lines = paint(theme, detail_rows(app, session, *entry, a.detail.width));
        let scroll = journal
            .detail_scroll
            .min(scroll_limit(lines.len(), a.detail.height));
        draw_lines(&lines, scroll, a.detail, buf);
        more_below(app, Command::PageDown, scroll, lines.len(), a.detail, buf);
    }
}

/// "Nothing is held yet", and how memories gather, across the page.
fn draw_nothing_held(app: &App, a: &Areas, buf: &mut Buffer) {
    let theme = app.theme();
    let width = usize::from(a.detail.width + a.list.width);
    let mut lines = styled_lines(wrap::wrap("Nothing is held yet.", width), theme.heading, 0);
    lines.push(Line::raw(""));
    let more = crate::words::narrator::memories_gather(&app.story().narrator);
    lines.extend(styled_lines(wrap::wrap(&more, width.min(60)), theme.dim, 0));
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

/// The status line's keys: for the open entry, or for the list.
fn hints(app: &App, open: bool) -> Vec<(String, &'static str)> {
    if open {
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
    }
}
