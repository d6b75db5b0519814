//! The title screen: the story's name, a quiet picture, and the menu (continue the
//! latest save, a new game, load a save, the two settings, and leaving).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::{column, draw_lines, hint, hint_pair, popup, screen, split_status, status, styled_lines, wrap};
use crate::app::{App, Command, MenuItem};

/// The picture above the title, as data.
const ART: &str = include_str!("../../assets/title.txt");

/// The lines above the menu, and where the menu starts.
fn layout(app: &App, area: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let theme = app.theme();
    let story = app.story();
    let (main, _) = split_status(area);
    let col = column(main, 60);
    let width = usize::from(col.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let art: Vec<&str> = ART.lines().collect();
    let art_fits = art.iter().all(|l| wrap::width(l) <= width) && main.height >= 22;
    if art_fits {
        lines.extend(
            art.iter()
                .map(|l| Line::styled((*l).to_owned(), theme.border).centered()),
        );
        lines.push(Line::raw(""));
    }
    let spaced: String = story
        .title
        .to_uppercase()
        .chars()
        .map(|c| {
            if c == ' ' {
                "   ".to_owned()
            } else {
                format!("{c} ")
            }
        })
        .collect();
    let title = if wrap::width(spaced.trim_end()) <= width {
        spaced.trim_end().to_owned()
    } else {
        story.title.clone()
    };
    if wrap::width(&title) <= width {
        lines.push(Line::styled(title, theme.title).centered());
    } else {
        for l in wrap::wrap(&title, width) {
            lines.push(Line::styled(l, theme.title).centered());
        }
    }
    if let Some(sub) = &story.subtitle {
        lines.push(Line::raw(""));
        for l in wrap::wrap(sub, width) {
            lines.push(Line::styled(l, theme.place).centered());
        }
    }
    if let Some(author) = &story.author {
        lines.push(Line::styled(author.clone(), theme.dim).centered());
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("·  ·  ·", theme.border).centered());
    lines.push(Line::raw(""));
    let menu_height = u16::try_from(app.menu().len()).unwrap_or(0);
    let header_height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let total = header_height.saturating_add(menu_height);
    let top = main.y + main.height.saturating_sub(total) / 2;
    let header = Rect {
        y: top,
        height: header_height.min(main.bottom().saturating_sub(top)),
        ..col
    };
    let menu_top = header.bottom();
    let menu = Rect {
        y: menu_top,
        height: menu_height.min(main.bottom().saturating_sub(menu_top)),
        ..col
    };
    (lines, header, menu)
}

fn label(app: &App, item: MenuItem) -> String {
    match item {
        MenuItem::Continue => match app.resume().and_then(|s| s.scene().ok().map(|sc| (s, sc))) {
            Some((session, scene)) => {
                let steps = session.state().log.len();
                let how_far = match steps {
                    0 => "at the start".to_owned(),
                    1 => "1 choice in".to_owned(),
                    n => format!("{n} choices in"),
                };
                format!("Continue: {} ({how_far})", scene.title)
            }
            None => "Continue".to_owned(),
        },
        MenuItem::NewGame => "Begin the story".to_owned(),
        MenuItem::Load => "Load a saved game".to_owned(),
        MenuItem::Settings => "Settings".to_owned(),
        MenuItem::Endings => {
            let story = app.story();
            let reached = app
                .gallery()
                .of(&story.id)
                .filter(|r| story.ending(&r.ending).is_some())
                .count();
            format!("Endings reached: {reached} of {}", story.endings.len())
        }
        MenuItem::Quit => "Leave".to_owned(),
    }
}

/// The menu entry at a position on the screen, if any.
pub fn item_at(app: &App, at: Position) -> Option<usize> {
    let (_, _, menu) = layout(app, screen(app));
    menu.contains(at).then(|| usize::from(at.y - menu.y))
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let (lines, header, menu) = layout(app, area);
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
        let plural = if steps == 1 { "" } else { "s" };
        format!(" is {steps} choice{plural} in{at}")
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
