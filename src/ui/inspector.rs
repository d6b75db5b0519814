//! The inspector, for authors: the current scene's choices, offered or hidden, each
//! with its condition as a tree whose parts are marked ✓ holds or ✗ fails with what
//! the state holds that decided them; the conditional paragraphs, shown or hidden;
//! and what the scene reads and writes. Marks are symbols and words, never colour
//! alone. It is worked out from the session at each draw (see [`crate::inspect`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    PageLayout, READING_WIDTH, draw_lines, hint, hint_pair, more_below, page_layout, screen, scroll_limit,
    status, wrap,
};
use crate::app::{App, Command};
use crate::inspect::{self, Inspection, Trace, Uses};
use crate::ui::theme::Theme;

fn areas(area: Rect) -> PageLayout {
    // A little wider than the reading column: condition trees nest.
    page_layout(area, READING_WIDTH + 16)
}

fn inspection(app: &App) -> Option<Inspection> {
    let session = app.session()?;
    inspect::inspect(session.story(), session.state())
}

/// Lines of `text` wrapped to `width` after `indent` cells, the first line led by
/// `lead` (a mark such as "✓ ") and the rest by as many spaces.
fn row(
    text: &str,
    indent: usize,
    lead: Option<Span<'static>>,
    style: Style,
    width: usize,
) -> Vec<Line<'static>> {
    let lead_width = lead.as_ref().map_or(0, |l| wrap::width(&l.content));
    let room = width.saturating_sub(indent + lead_width).max(8);
    let pad = " ".repeat(indent);
    let mut lead = lead;
    wrap::wrap(text, room)
        .into_iter()
        .map(|l| {
            let first = lead.take().unwrap_or_else(|| Span::raw(" ".repeat(lead_width)));
            Line::from(vec![Span::raw(pad.clone()), first, Span::styled(l, style)])
        })
        .collect()
}

fn mark(holds: bool, theme: &Theme) -> Span<'static> {
    if holds {
        Span::styled("✓ ", theme.accent)
    } else {
        Span::styled("✗ ", theme.warning)
    }
}

fn trace_lines(trace: &Trace, indent: usize, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (depth, t) in trace.rows() {
        let verdict = if t.holds { "holds" } else { "fails" };
        let text = match &t.detail {
            Some(d) => format!("{}  {verdict}: {d}", t.text),
            None => format!("{}  {verdict}", t.text),
        };
        out.extend(row(
            &text,
            indent + depth * 2,
            Some(mark(t.holds, theme)),
            theme.text,
            width,
        ));
    }
    out
}

fn uses_lines(heading: &str, uses: &Uses, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let groups = uses.groups();
    if groups.is_empty() {
        return vec![Line::from(vec![
            Span::styled(heading.to_owned(), theme.heading),
            Span::styled(": nothing", theme.dim),
        ])];
    }
    let mut out = vec![Line::from(Span::styled(heading.to_owned(), theme.heading))];
    for (kind, ids) in groups {
        out.extend(row(&format!("{kind}: {ids}"), 2, None, theme.text, width));
    }
    out
}

/// The page's lines for a text column `width` cells wide.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width);
    let Some(ins) = inspection(app) else {
        return vec![Line::styled("There is no scene to inspect.", theme.dim)];
    };
    let mut out = Vec::new();
    let about = format!("'{}' “{}” · {} · {}", ins.scene, ins.title, ins.era, ins.file);
    out.extend(row(&about, 0, None, theme.place, width));
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled("Choices", theme.heading)));
    for c in &ins.choices {
        let verdict = if c.once_taken {
            "hidden: taken once already"
        } else if c.offered {
            "offered"
        } else {
            "hidden: its condition fails"
        };
        let text = format!("{verdict} · {} → {}: “{}”", c.id, c.to, c.label);
        let style = if c.offered { theme.choice } else { theme.dim };
        out.extend(row(&text, 0, Some(mark(c.offered, theme)), style, width));
        match &c.condition {
            Some(t) => out.extend(trace_lines(t, 4, theme, width)),
            None => out.push(Line::styled("    (no condition)", theme.dim)),
        }
    }
    if !ins.paragraphs.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled("Conditional paragraphs", theme.heading)));
        for p in &ins.paragraphs {
            let verdict = if p.shown { "shown" } else { "hidden" };
            let text = format!("{verdict} · “{}”", p.excerpt);
            out.extend(row(&text, 0, Some(mark(p.shown, theme)), theme.text, width));
            out.extend(trace_lines(&p.condition, 4, theme, width));
        }
    }
    out.push(Line::raw(""));
    out.extend(uses_lines("Reads", &ins.reads, theme, width));
    out.extend(uses_lines("Writes", &ins.writes, theme, width));
    out
}

/// How far the page can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let a = areas(screen(app));
    lines(app, a.body.width)
        .len()
        .saturating_sub(usize::from(a.body.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    usize::from(areas(screen(app)).body.height.saturating_sub(2)).max(1)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let all = lines(app, a.body.width);
    let scroll = app
        .inspector_state()
        .scroll
        .min(scroll_limit(all.len(), a.body.height));
    let rule = Rect {
        y: a.header.y + 1,
        height: 1,
        ..a.header
    };
    Line::from(Span::styled("Inspector", theme.heading)).render(a.header, buf);
    Line::styled("✓ holds  ✗ fails", theme.dim)
        .right_aligned()
        .render(a.header, buf);
    Line::styled("─".repeat(usize::from(a.header.width)), theme.border).render(rule, buf);
    draw_lines(&all, scroll, a.body, buf);
    if scroll > 0 {
        Line::styled("↑ more above", theme.dim)
            .right_aligned()
            .render(rule, buf);
    }
    more_below(app, Command::PageDown, scroll, all.len(), a.body, buf);
    let hints = [
        hint(app, Command::Back, "back to the story"),
        hint_pair(app, (Command::PageUp, Command::PageDown), "/", "page"),
        hint(app, Command::Help, "help"),
    ];
    let place = app.session().map_or_else(
        || "Inspector".to_owned(),
        |s| format!("Inspector · scene '{}'", s.state().scene),
    );
    status(app, a.status, buf, &place, &hints);
}
