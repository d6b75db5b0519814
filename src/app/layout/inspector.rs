//! The inspector's layout: the scene's choices, offered or hidden, each with its
//! condition as a tree marked ✓ holds or ✗ fails; the conditional paragraphs; what
//! the scene reads and writes; and how far it scrolls.

use ratatui::layout::Rect;

use super::{PageLayout, Piece, READING_WIDTH, Role, Row, page_layout, screen, wrap};
use crate::app::App;
use crate::inspect::{self, Inspection, Trace, Uses};
use crate::words::inspector;

pub fn areas(area: Rect) -> PageLayout {
    // A little wider than the reading column: condition trees nest.
    page_layout(area, READING_WIDTH + 16)
}

fn inspection(app: &App) -> Option<Inspection> {
    let session = app.session()?;
    inspect::inspect(session.story(), session.state())
}

/// Lines of `text` wrapped to `width` after `indent` cells, the first line led by
/// `lead` (a mark such as "✓ ") and the rest by as many spaces.
fn row(text: &str, indent: usize, lead: Option<Piece>, role: &Role, width: usize) -> Vec<Row> {
    let lead_width = lead.as_ref().map_or(0, |l| wrap::width(&l.text));
    let room = width.saturating_sub(indent + lead_width).max(8);
    let pad = " ".repeat(indent);
    let mut lead = lead;
    wrap::wrap(text, room)
        .into_iter()
        .map(|l| {
            let first = lead
                .take()
                .unwrap_or_else(|| Piece::new(" ".repeat(lead_width), Role::Text));
            Row::new(vec![
                Piece::new(pad.clone(), Role::Text),
                first,
                Piece::new(l, role.clone()),
            ])
        })
        .collect()
}

fn mark(holds: bool) -> Piece {
    if holds {
        Piece::new("✓ ", Role::Accent)
    } else {
        Piece::new("✗ ", Role::Warning)
    }
}

fn trace_rows(trace: &Trace, indent: usize, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    for (depth, t) in trace.rows() {
        let verdict = inspector::holds(t.holds);
        let text = match &t.detail {
            Some(d) => format!("{}  {verdict}: {d}", t.text),
            None => format!("{}  {verdict}", t.text),
        };
        out.extend(row(
            &text,
            indent + depth * 2,
            Some(mark(t.holds)),
            &Role::Text,
            width,
        ));
    }
    out
}

fn uses_rows(heading: &str, uses: &Uses, width: usize) -> Vec<Row> {
    let groups = uses.groups();
    if groups.is_empty() {
        return vec![Row::new(vec![
            Piece::new(heading.to_owned(), Role::Heading),
            Piece::new(": nothing", Role::Dim),
        ])];
    }
    let mut out = vec![Row::styled(heading, Role::Heading)];
    for (kind, ids) in groups {
        out.extend(row(&format!("{kind}: {ids}"), 2, None, &Role::Text, width));
    }
    out
}

/// The page's lines for a text column `width` cells wide.
pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let width = usize::from(width);
    let Some(ins) = inspection(app) else {
        return vec![Row::styled(inspector::NO_SCENE, Role::Dim)];
    };
    let mut out = Vec::new();
    let about = format!("'{}' “{}” · {} · {}", ins.scene, ins.title, ins.era, ins.file);
    out.extend(row(&about, 0, None, &Role::Place, width));
    out.push(Row::blank());
    out.push(Row::styled("Choices", Role::Heading));
    for c in &ins.choices {
        let verdict = inspector::choice_verdict(
            c.offered,
            c.once_taken,
            c.condition.as_ref().is_none_or(|t| t.holds),
        );
        let text = format!("{verdict} · {} → {}: “{}”", c.id, c.to, c.label);
        let role = if c.offered { Role::Choice } else { Role::Dim };
        out.extend(row(&text, 0, Some(mark(c.offered)), &role, width));
        match &c.condition {
            Some(t) => out.extend(trace_rows(t, 4, width)),
            None => out.push(Row::styled("    (no condition)", Role::Dim)),
        }
    }
    if !ins.paragraphs.is_empty() {
        out.push(Row::blank());
        out.push(Row::styled("Conditional paragraphs", Role::Heading));
        for p in &ins.paragraphs {
            let verdict = inspector::shown(p.shown);
            let text = format!("{verdict} · “{}”", p.excerpt);
            out.extend(row(&text, 0, Some(mark(p.shown)), &Role::Text, width));
            out.extend(trace_rows(&p.condition, 4, width));
        }
    }
    out.push(Row::blank());
    out.extend(uses_rows("Reads", &ins.reads, width));
    out.extend(uses_rows("Writes", &ins.writes, width));
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let a = areas(screen(app));
    rows(app, a.body.width)
        .len()
        .saturating_sub(usize::from(a.body.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    super::page_of(areas(screen(app)).body.height)
}
