//! The timeline view: every point of the playthrough as a tree, the path to where the
//! player is as the main line and every other branch indented under the point it
//! leaves from ("what if I had told Tommy?"), each with the choice that led there and
//! the scene it reached. The player's point is marked; Enter returns to the selected.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, status};
use crate::app::layout::timeline::{areas, offset};
use crate::app::layout::wrap;
use crate::app::{App, Command};
use crate::session::{Session, TimelineRow};
use crate::words::count::count;

/// "“choice” → Scene" in `room` cells: each whole when both fit; otherwise the scene
/// keeps whatever the choice leaves, and at least a third of the room, and the choice
/// is cut first.
fn describe(row: &TimelineRow, room: usize) -> String {
    let Some(choice) = &row.choice else {
        return wrap::truncate(&format!("{} (the start)", row.scene_title), room);
    };
    let scene = format!(" → {}", row.scene_title);
    let label_width = wrap::width(choice) + 2;
    let scene_room = room.saturating_sub(label_width).max(room / 3);
    let scene = wrap::truncate(&scene, wrap::width(&scene).min(scene_room));
    let label = wrap::truncate(&format!("“{choice}”"), room.saturating_sub(wrap::width(&scene)));
    format!("{label}{scene}")
}

/// The indent of each node, to tell where a side branch begins.
fn indents(rows: &[TimelineRow]) -> Vec<usize> {
    let mut out = vec![0; rows.iter().map(|r| r.row.node + 1).max().unwrap_or(0)];
    for r in rows {
        out[r.row.node] = r.row.indent;
    }
    out
}

fn lines(app: &App, session: &Session, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width);
    let rows = session.timeline_rows();
    let indent_of = indents(&rows);
    let timeline = session.timeline();
    let selected = app.timeline_state().selected;
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let row = &r.row;
            let parent_indent = timeline
                .node(row.node)
                .and_then(|n| n.parent)
                .and_then(|p| indent_of.get(p).copied())
                .unwrap_or(0);
            let branch = if row.indent > parent_indent {
                "╰─ "
            } else if row.indent > 0 {
                "   "
            } else {
                ""
            };
            let tree = format!("{}{branch}", "   ".repeat(row.indent.saturating_sub(1)));
            let (glyph, glyph_style) = if row.current {
                ("●", theme.mark)
            } else if row.on_path {
                ("○", theme.accent)
            } else {
                ("◇", theme.dim)
            };
            let tail = if row.current {
                "  ← you are here".to_owned()
            } else if row.branches > 1 {
                format!("  {} paths from here", row.branches)
            } else {
                String::new()
            };
            let on = i == selected;
            let head = format!("{} {:>3}  {tree}", if on { "›" } else { " " }, row.depth);
            let room = width.saturating_sub(wrap::width(&head) + 2 + wrap::width(&tail));
            let what = describe(r, room);
            let pad = " ".repeat(room.saturating_sub(wrap::width(&what)));
            let text_style = match (on, row.on_path) {
                (true, _) => theme.selected,
                (false, true) => theme.text,
                (false, false) => theme.dim,
            };
            Line::from(vec![
                Span::styled(head, if on { theme.selected } else { theme.dim }),
                Span::styled(format!("{glyph} "), if on { theme.selected } else { glyph_style }),
                Span::styled(format!("{what}{pad}"), text_style),
                Span::styled(tail, if on { theme.selected } else { theme.mark }),
            ])
        })
        .collect()
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let Some(session) = app.session() else { return };
    Line::from(Span::styled("Timeline", theme.heading)).render(a.header, buf);
    let points = session.timeline().nodes().len();
    let ends = session
        .timeline_rows()
        .iter()
        .filter(|r| r.row.branches == 0)
        .count();
    let count = format!(
        "{} · {}",
        count(points, "point", "points"),
        count(ends, "path", "paths")
    );
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
    let list = a.list;
    draw_lines(
        &lines(app, session, list.width),
        offset(app, list.height),
        list,
        buf,
    );
    let note = "● where you are   ○ the way there   ◇ other paths   (numbers: choices made)";
    Line::styled(wrap::truncate(note, usize::from(a.legend.width)), theme.dim).render(a.legend, buf);
    let hints = [
        hint(app, Command::Select, "return to this point"),
        hint(app, Command::Undo, "undo"),
        hint(app, Command::Back, "back"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    status(app, a.status, buf, "Timeline", &hints);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::Row;

    fn row(choice: &str, scene: &str) -> TimelineRow {
        TimelineRow {
            row: Row {
                node: 1,
                depth: 1,
                indent: 0,
                current: false,
                on_path: true,
                branches: 1,
            },
            choice: Some(choice.to_owned()),
            scene_title: scene.to_owned(),
        }
    }

    #[test]
    fn a_row_is_cut_only_when_it_does_not_fit() {
        let long_scene = "The pavilion steps on a hot afternoon, and a map of the coast";
        assert_eq!(
            describe(&row("Ask", long_scene), 80),
            format!("“Ask” → {long_scene}")
        );
        let cut = describe(&row("Ask her plainly what she meant by it", long_scene), 40);
        assert_eq!(wrap::width(&cut), 40, "{cut}");
        assert!(cut.contains('→'), "{cut}");
    }
}
