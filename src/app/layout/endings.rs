//! The endings gallery's layout: every ending of the story, those reached with when
//! and the choices that led there, the others counted; and how far it scrolls.

use super::{Role, Row, as_rows, page_layout, screen, scroll_limit, wrap};
use crate::app::App;
use crate::words::clock;

pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let story = app.story();
    let width = usize::from(width);
    let mut out = Vec::new();
    // The endings found first, in the story's order; those still to find, counted.
    let mut unreached = 0;
    for ending in &story.endings {
        match app.gallery().get(&story.id, &ending.id) {
            Some(reached) => {
                if !out.is_empty() {
                    out.push(Row::blank());
                }
                out.extend(as_rows(wrap::wrap(&ending.title, width), &Role::Heading, 0));
                let when = match reached.times {
                    1 => format!("reached {}", clock::date_time(reached.last, app.zone())),
                    n => format!(
                        "reached {n} times: first {}, last {}",
                        clock::date_time(reached.first, app.zone()),
                        clock::date_time(reached.last, app.zone())
                    ),
                };
                out.extend(as_rows(wrap::wrap(&when, width), &Role::Dim, 0));
                if let Some(summary) = &ending.summary {
                    out.extend(as_rows(wrap::wrap(summary, width), &Role::Text, 0));
                }
                if !reached.choices.is_empty() {
                    out.push(Row::styled("The choices that led there:", Role::Dim));
                    for (i, choice) in reached.choices.iter().enumerate() {
                        let text = format!("{}. {choice}", i + 1);
                        for (k, l) in wrap::wrap(&text, width.saturating_sub(4)).into_iter().enumerate() {
                            let pad = if k == 0 { "  " } else { "     " };
                            out.push(Row::styled(format!("{pad}{l}"), Role::Choice));
                        }
                    }
                }
            }
            None => unreached += 1,
        }
    }
    if unreached > 0 {
        if !out.is_empty() {
            out.push(Row::blank());
        }
        let rest = match (unreached, out.is_empty()) {
            (1, true) => "One ending, not yet reached.".to_owned(),
            (n, true) => format!("{n} endings, none reached yet."),
            (1, false) => "· · ·  and one more, not yet reached.".to_owned(),
            (n, false) => format!("· · ·  and {n} more, not yet reached."),
        };
        out.extend(as_rows(wrap::wrap(&rest, width), &Role::Dim, 0));
    }
    out
}

pub fn max_scroll(app: &App) -> usize {
    let page = page_layout(screen(app), app.settings().column.width());
    scroll_limit(rows(app, page.body.width).len(), page.body.height)
}
