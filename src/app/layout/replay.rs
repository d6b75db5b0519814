//! The replay view's layout: the heading, the scene's text with what changed and the
//! choices it offered (the one taken marked), the choice taken always in sight, the
//! progress line; and how far the scene scrolls.

use ratatui::layout::Rect;

use super::{Piece, READING_WIDTH, Role, Row, as_rows, column, screen, split_status, wrap};
use crate::app::{App, ReplayState};
use crate::words::events::describe_events;

pub struct Areas {
    pub heading: Rect,
    pub text: Rect,
    /// The choice taken, always in sight however long the scene.
    pub chosen: Rect,
    pub progress: Rect,
    pub status: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let (main, status) = split_status(area);
    let col = column(main, READING_WIDTH);
    let heading = Rect {
        y: main.y + 1 + main.height.saturating_sub(30) / 4,
        height: 3,
        ..col
    };
    let top = heading.bottom() + 1;
    let progress = Rect {
        y: main.bottom().saturating_sub(2).max(top),
        height: 1,
        ..col
    };
    let chosen = Rect {
        y: progress.y.saturating_sub(2).max(top),
        height: 1,
        ..col
    };
    Areas {
        heading,
        text: Rect {
            y: top,
            height: chosen.y.saturating_sub(top + 1),
            ..col
        },
        chosen,
        progress,
        status,
    }
}

pub fn rows(app: &App, replay: &ReplayState, width: u16) -> Vec<Row> {
    let width = usize::from(width);
    let Some(frame) = replay.frame() else {
        return as_rows(
            wrap::wrap("This recording holds nothing to play.", width),
            &Role::Dim,
            0,
        );
    };
    let mut out = Vec::new();
    let notes = describe_events(app.story(), &frame.events);
    for note in &notes {
        for (i, l) in wrap::wrap(note, width.saturating_sub(2)).into_iter().enumerate() {
            out.push(Row::styled(
                format!("{} {l}", if i == 0 { "·" } else { " " }),
                Role::Note,
            ));
        }
    }
    if !notes.is_empty() {
        out.push(Row::blank());
    }
    for p in &frame.passage {
        out.extend(as_rows(wrap::wrap(p, width), &Role::Text, 0));
        out.push(Row::blank());
    }
    let chosen = frame.chosen.as_ref().map(|c| c.index);
    for (i, label) in frame.offered.iter().enumerate() {
        let taken = chosen == Some(i);
        let style = if taken { Role::Selected } else { Role::Dim };
        for (n, l) in wrap::wrap(label, width.saturating_sub(5)).into_iter().enumerate() {
            let prefix = match (n, taken) {
                (0, true) => format!("› {}. ", i + 1),
                (0, false) => format!("  {}. ", i + 1),
                _ => "     ".to_owned(),
            };
            out.push(Row::new(vec![
                Piece::new(prefix, if taken { Role::Selected } else { Role::Accent }),
                Piece::new(format!("{l} "), style.clone()),
            ]));
        }
    }
    if let Some(ending) = &frame.ending {
        out.push(Row::styled(crate::words::the_end(ending), Role::Title));
    } else if chosen.is_none() {
        if let Some(broken) = &replay.broken {
            out.push(Row::blank());
            let text = format!("The recording stops fitting the story here: {broken}.");
            out.extend(as_rows(wrap::wrap(&text, width), &Role::Warning, 0));
        } else {
            out.push(Row::blank());
            out.push(Row::styled("The recording ends here.", Role::Dim));
        }
    }
    out
}

/// How far the scene can scroll in the current terminal.
pub fn max_scroll(app: &App) -> usize {
    let Some(replay) = app.replay_state() else {
        return 0;
    };
    let a = areas(screen(app));
    rows(app, replay, a.text.width)
        .len()
        .saturating_sub(usize::from(a.text.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    super::page_of(areas(screen(app)).text.height)
}
