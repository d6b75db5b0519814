//! The title screen's layout: the picture, the story's name, the menu's entries and
//! where they go, and which entry a click landed on.

use ratatui::layout::{Position, Rect};

use super::{Role, Row, column, screen, split_status, wrap};
use crate::app::{App, MenuItem};

/// The picture above the title, as data.
const ART: &str = include_str!("../../../assets/title.txt");

/// The lines above the menu, and where the menu starts.
pub fn layout(app: &App, area: Rect) -> (Vec<Row>, Rect, Rect) {
    let story = app.story();
    let (main, _) = split_status(area);
    let col = column(main, 60);
    let width = usize::from(col.width);
    let mut lines: Vec<Row> = Vec::new();
    let art: Vec<&str> = ART.lines().collect();
    let art_fits = art.iter().all(|l| wrap::width(l) <= width) && main.height >= 22;
    if art_fits {
        lines.extend(
            art.iter()
                .map(|l| Row::styled((*l).to_owned(), Role::Border).centred()),
        );
        lines.push(Row::blank());
    }
    lines.extend(title_rows(&story.title, width));
    if let Some(sub) = &story.subtitle {
        lines.push(Row::blank());
        for l in wrap::wrap(sub, width) {
            lines.push(Row::styled(l, Role::Place).centred());
        }
    }
    if let Some(author) = &story.author {
        lines.push(Row::styled(author.clone(), Role::Dim).centred());
    }
    lines.push(Row::blank());
    lines.push(Row::styled("·  ·  ·", Role::Border).centred());
    lines.push(Row::blank());
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

/// The story's title, centred: in spaced capitals when they fit, else as written
/// (wrapped if it must be).
fn title_rows(title: &str, width: usize) -> Vec<Row> {
    let spaced: String = title
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
        title.to_owned()
    };
    if wrap::width(&title) <= width {
        vec![Row::styled(title, Role::Title).centred()]
    } else {
        wrap::wrap(&title, width)
            .into_iter()
            .map(|l| Row::styled(l, Role::Title).centred())
            .collect()
    }
}

pub fn label(app: &App, item: MenuItem) -> String {
    match item {
        MenuItem::Continue => match app.resume().and_then(|s| s.scene().ok().map(|sc| (s, sc))) {
            Some((session, scene)) => {
                let steps = session.state().log.len();
                let how_far = match steps {
                    0 => "at the start".to_owned(),
                    n => format!("{} in", crate::words::count::choices(n)),
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
