//! The replay view: a recorded playthrough played again scene by scene, each with its
//! heading, its text, what changed, and the choices it offered with the one taken
//! marked; beneath, how far it has gone and how fast it plays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{
    READING_WIDTH, column, draw_lines, hint, more_below, screen, scroll_limit, split_status, status,
    styled_lines, wrap,
};
use crate::app::{App, Command, ReplayState};
use crate::plain::describe_events;

struct Areas {
    heading: Rect,
    text: Rect,
    /// The choice taken, always in sight however long the scene.
    chosen: Rect,
    progress: Rect,
    status: Rect,
}

fn areas(area: Rect) -> Areas {
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

fn lines(app: &App, replay: &ReplayState, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(width);
    let Some(frame) = replay.frame() else {
        return styled_lines(
            wrap::wrap("This recording holds nothing to play.", width),
            theme.dim,
            0,
        );
    };
    let mut out = Vec::new();
    let notes = describe_events(app.story(), &frame.events);
    for note in &notes {
        for (i, l) in wrap::wrap(note, width.saturating_sub(2)).into_iter().enumerate() {
            out.push(Line::styled(
                format!("{} {l}", if i == 0 { "·" } else { " " }),
                theme.note,
            ));
        }
    }
    if !notes.is_empty() {
        out.push(Line::raw(""));
    }
    for p in &frame.passage {
        out.extend(styled_lines(wrap::wrap(p, width), theme.text, 0));
        out.push(Line::raw(""));
    }
    let chosen = frame.chosen.as_ref().map(|c| c.index);
    for (i, label) in frame.offered.iter().enumerate() {
        let taken = chosen == Some(i);
        let style = if taken { theme.selected } else { theme.dim };
        for (n, l) in wrap::wrap(label, width.saturating_sub(5)).into_iter().enumerate() {
            let prefix = match (n, taken) {
                (0, true) => format!("› {}. ", i + 1),
                (0, false) => format!("  {}. ", i + 1),
                _ => "     ".to_owned(),
            };
            out.push(Line::from(vec![
                Span::styled(prefix, if taken { theme.selected } else { theme.accent }),
                Span::styled(format!("{l} "), style),
            ]));
        }
    }
    if let Some(ending) = &frame.ending {
        out.push(Line::styled(format!("The end: {ending}"), theme.title));
    } else if chosen.is_none() {
        if let Some(broken) = &replay.broken {
            out.push(Line::raw(""));
            let text = format!("The recording stops fitting the story here: {broken}.");
            out.extend(styled_lines(wrap::wrap(&text, width), theme.warning, 0));
        } else {
            out.push(Line::raw(""));
            out.push(Line::styled("The recording ends here.", theme.dim));
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
    lines(app, replay, a.text.width)
        .len()
        .saturating_sub(usize::from(a.text.height))
}

/// The lines one page of scrolling moves.
pub fn page(app: &App) -> usize {
    usize::from(areas(screen(app)).text.height.saturating_sub(2)).max(1)
}

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
    let all = lines(app, replay, a.text.width);
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
