//! The replay view: a recorded playthrough played again scene by scene, each with its
//! heading, its text, what changed, and the choices it offered with the one taken
//! marked; beneath, how far it has gone and how fast it plays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, hint, more_below, paint, status};
use crate::app::layout::replay::{areas, rows};
use crate::app::layout::{scroll_limit, wrap};
use crate::app::{App, Command, ReplayState};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let a = areas(area);
    let Some(replay) = app.replay_state() else { return };
    if let Some(frame) = replay.frame() {
        let title = wrap::truncate(&frame.title, usize::from(a.heading.width));
        draw_lines(
            &[
                Line::from(Span::styled(title, theme.heading)),
                Line::styled(frame.heading.clone(), theme.place),
                Line::styled("─".repeat(usize::from(a.heading.width)), theme.border),
            ],
            0,
            a.heading,
            buf,
        );
    }
    let all = paint(theme, rows(app, replay, a.text.width));
    let scroll = replay.scroll.min(scroll_limit(all.len(), a.text.height));
    draw_lines(&all, scroll, a.text, buf);
    more_below(app, Command::PageDown, scroll, all.len(), a.text, buf);
    if let Some(chosen) = replay.frame().and_then(|f| f.chosen.as_ref()) {
        let label = wrap::truncate(
            &format!("“{}”", chosen.label),
            usize::from(a.chosen.width).saturating_sub(8),
        );
        Line::from(vec![
            Span::styled("Chosen  ", theme.dim),
            Span::styled(label, theme.accent),
        ])
        .render(a.chosen, buf);
    }
    draw_progress(app, replay, a.progress, buf);
    let playing = !replay.pace.paused() && !replay.at_end();
    let hints = [
        hint(app, Command::Pause, if playing { "pause" } else { "play" }),
        hint(app, Command::Step, "step"),
        hint(app, Command::StepBack, "back"),
        hint(app, Command::Faster, "faster"),
        hint(app, Command::Slower, "slower"),
        hint(app, Command::Quit, "leave"),
        hint(app, Command::Help, "help"),
    ];
    status(app, a.status, buf, "Replay", &hints);
}

/// "step 3 of 12  ━━━━━━──────  playing at 200%", the bar filled as far as it has gone.
fn draw_progress(app: &App, replay: &ReplayState, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let step = replay.frame().map_or(0, |f| f.step);
    let how = if replay.at_end() {
        "at the end".to_owned()
    } else if replay.pace.paused() {
        "paused".to_owned()
    } else {
        format!("playing at {}%", replay.pace.percent())
    };
    let left = format!("step {step} of {}  ", replay.choices());
    let right = format!("  {how}");
    let bar = usize::from(area.width).saturating_sub(wrap::width(&left) + wrap::width(&right));
    let total = replay.choices().max(1);
    let filled = (bar * step.min(total) + total / 2) / total;
    Line::from(vec![
        Span::styled(left, theme.dim),
        Span::styled("━".repeat(filled), theme.gauge),
        Span::styled("─".repeat(bar - filled), theme.track),
        Span::styled(
            right,
            if replay.pace.paused() {
                theme.mark
            } else {
                theme.dim
            },
        ),
    ])
    .render(area, buf);
}
