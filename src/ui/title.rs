//! The title screen: the story's name, a quiet picture, and the menu (continue the
//! latest save, a new game, load a save, the two settings, and leaving).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_lines, hint, hint_pair, paint, popup, status, styled_lines};
use crate::app::layout::title::{label, layout};
use crate::app::layout::{split_status, wrap};
use crate::app::{App, Command};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (lines, header, menu) = layout(app, area);
    let lines = paint(theme, lines);
    draw_lines(&lines, 0, header, buf);
    let width = app
        .menu()
        .iter()
        .map(|&i| wrap::width(&label(app, i)))
        .max()
        .unwrap_or(0)
        + 4;
    let items: Vec<Line<'_>> = app
        .menu()
        .iter()
        .enumerate()
        .map(|(n, &item)| {
            let text = label(app, item);
            let pad = width.saturating_sub(wrap::width(&text) + 4);
            if n == app.menu_selected() {
                Line::from(Span::styled(
                    format!(" › {text}{} ", " ".repeat(pad)),
                    theme.selected,
                ))
                .centered()
            } else {
                Line::from(Span::styled(
                    format!("   {text}{} ", " ".repeat(pad)),
                    theme.choice,
                ))
                .centered()
            }
        })
        .collect();
    draw_lines(&items, 0, menu, buf);
    let (_, status_area) = split_status(area);
    let hints = [
        hint(app, Command::Up, ""),
        hint(app, Command::Select, "choose"),
        hint(app, Command::Help, "help"),
        hint(app, Command::Quit, "quit"),
    ];
    let mut hints = hints.to_vec();
    hints[0] = hint_pair(app, (Command::Up, Command::Down), "", "move");
    status(
        app,
        status_area,
        buf,
        &format!("hailsham {}", env!("CARGO_PKG_VERSION")),
        &hints,
    );
}

/// "Begin the story" over a game in progress: what happens to it, and y or stay.
pub fn draw_confirm_new_game(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = 56.min(area.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(4)).max(1);
    let game = app.resume().map_or_else(String::new, |s| {
        let at = s
            .scene()
            .map_or_else(|_| String::new(), |sc| format!(", at “{}”", sc.title));
        let steps = s.state().log.len();
        format!(" is {} in{at}", crate::words::count::choices(steps))
    });
    let kept = if app.saves().is_some() {
        "It stays in its autosave: “Load a saved game” returns to it."
    } else {
        "Saving is off in this game, so it will be lost."
    };
    let mut lines = vec![Line::from(Span::styled(" Begin a new story?", theme.heading))];
    lines.extend(styled_lines(
        wrap::wrap(&format!("The game in progress{game}."), inner),
        theme.text,
        1,
    ));
    lines.extend(styled_lines(wrap::wrap(kept, inner), theme.dim, 1));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.accent),
        Span::styled(" begin anew    ", theme.text),
        Span::styled("any other key", theme.accent),
        Span::styled(" stay", theme.text),
    ]));
    if let Some(keys) = lines.last_mut() {
        *keys = std::mem::take(keys).centered();
    }
    let height = u16::try_from(lines.len() + 3).unwrap_or(u16::MAX);
    let body = popup(app, area, width, height, "A game in progress", buf);
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
