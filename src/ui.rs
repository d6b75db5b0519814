//! Drawing: `impl Widget for &App` and one file per view. Nothing here changes the
//! game; every function reads an [`App`] and writes cells into a buffer, so each view
//! can be drawn from a state built in a test. Where things go, and the rows a view
//! shows, are [`crate::app::layout`]'s; here they are given the theme's styles.
//!
//! The drawing shared by views lives here: the status line, popups, rows in their
//! styles, and the notice shown when the terminal is too small.

pub mod card;
pub mod diagnostics;
pub mod emphasis;
pub mod ending;
pub mod endings;
pub mod help;
pub mod history;
pub mod inspector;
pub mod journal;
pub mod people;
pub mod play;
pub mod replay;
pub mod settings;
pub mod slots;
pub mod timeline;
pub mod title;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH, Piece, Role, Row, centred, wrap};
use crate::app::theme::Theme;
use crate::app::{App, Command, Overlay, View};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme().text);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        match self.view() {
            View::Title => title::draw(self, area, buf),
            View::Play => play::draw(self, area, buf),
            View::Recollections => journal::draw(self, area, buf),
            View::Relationships => people::draw(self, area, buf),
            View::Ending => ending::draw(self, area, buf),
            View::Save | View::Load => slots::draw(self, area, buf),
            View::Timeline => timeline::draw(self, area, buf),
            View::History => history::draw(self, area, buf),
            View::Replay => replay::draw(self, area, buf),
            View::Inspector => inspector::draw(self, area, buf),
            View::Settings => settings::draw(self, area, buf),
            View::Endings => endings::draw(self, area, buf),
        }
        match self.overlay() {
            Some(Overlay::Help) => help::draw(self, area, buf),
            Some(Overlay::ConfirmQuit) => help::draw_confirm(self, area, buf),
            Some(Overlay::ConfirmNewGame) => title::draw_confirm_new_game(self, area, buf),
            Some(Overlay::ConfirmOverwrite(slot)) => slots::draw_confirm(self, slot, area, buf),
            Some(Overlay::Diagnostics) => diagnostics::draw(self, area, buf),
            None => {}
        }
    }
}

/// The status line: where we are on the left, the keys that matter on the right.
/// Hints that do not fit are left out from the end, so list the important first.
/// A message (a save, an undo, a failure) takes the place of where we are until the
/// next key, and as much of the line as it needs.
pub fn status(app: &App, area: Rect, buf: &mut Buffer, place: &str, hints: &[(String, &str)]) {
    let theme = app.theme();
    buf.set_style(area, theme.status);
    if let Some(flash) = app.flash() {
        let style = if flash.warning {
            theme.warning
        } else {
            theme.status_key
        };
        let text = wrap::truncate(&format!(" {} ", flash.text), usize::from(area.width));
        let room = usize::from(area.width).saturating_sub(wrap::width(&text));
        Line::from(Span::styled(text, style)).render(area, buf);
        hint_spans(app, &hints[..hints.len().min(1)], room, area, buf);
        return;
    }
    let place = format!(" {place} ");
    let room = usize::from(area.width).saturating_sub(wrap::width(&place));
    Line::from(Span::styled(place, theme.status)).render(area, buf);
    hint_spans(app, hints, room, area, buf);
}

/// The hints that fit in `room` cells, right-aligned in the status line. When some do
/// not fit, the line ends in "…" and, unless the help's key is showing, "? all keys",
/// so a key left out is never left out silently.
fn hint_spans(app: &App, hints: &[(String, &str)], room: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let cost = |(key, word): &(String, &str)| wrap::width(key) + wrap::width(word) + 3;
    let mut shown: Vec<&(String, &str)> = Vec::new();
    let mut used = 0;
    for h in hints {
        if used + cost(h) > room {
            break;
        }
        used += cost(h);
        shown.push(h);
    }
    let help = app.keymap().label(Command::Help);
    let mut spans = Vec::new();
    if shown.len() < hints.len() {
        // "…" alone when the help's key is showing (it lists them all), else "… ? all keys".
        loop {
            let has_help = shown.iter().any(|(k, _)| *k == help);
            let marker = if has_help { 2 } else { wrap::width(&help) + 13 };
            if used + marker <= room || shown.is_empty() {
                for (key, word) in &shown {
                    spans.push(Span::styled(format!(" {key}"), theme.status_key));
                    spans.push(Span::styled(format!(" {word} "), theme.status));
                }
                spans.push(Span::styled(" …", theme.status));
                if !has_help {
                    spans.push(Span::styled(format!(" {help}"), theme.status_key));
                    spans.push(Span::styled(" all keys ", theme.status));
                }
                break;
            }
            if let Some(last) = shown.pop() {
                used -= cost(last);
            }
        }
    } else {
        for (key, word) in shown {
            spans.push(Span::styled(format!(" {key}"), theme.status_key));
            spans.push(Span::styled(format!(" {word} "), theme.status));
        }
    }
    Line::from(spans).right_aligned().render(area, buf);
}

/// A hint naming the first key of a command.
pub fn hint<'a>(app: &App, command: Command, word: &'a str) -> (String, &'a str) {
    (app.keymap().label(command), word)
}

/// A hint for a pair of keys, such as `↑↓ scroll` or `PgUp/PgDn page`; `joiner`
/// goes between the two keys' labels.
pub fn hint_pair<'a>(app: &App, pair: (Command, Command), joiner: &str, word: &'a str) -> (String, &'a str) {
    let keys = app.keymap();
    (
        format!("{}{joiner}{}", keys.label(pair.0), keys.label(pair.1)),
        word,
    )
}

/// A box centred in `area`, cleared, with a rounded border and a title.
pub fn popup(app: &App, area: Rect, width: u16, height: u16, title: &str, buf: &mut Buffer) -> Rect {
    let rect = centred(area, width, height);
    Clear.render(rect, buf);
    let theme = app.theme();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .style(theme.popup)
        .title(Line::from(Span::styled(format!(" {title} "), theme.heading)).centered());
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let size = format!(
        "The story needs {MIN_WIDTH} × {MIN_HEIGHT}; this window is {} × {}.",
        area.width, area.height
    );
    let mut lines = styled_lines(wrap::wrap("Please enlarge the terminal", width), theme.heading, 0);
    lines.push(Line::raw(""));
    lines.extend(styled_lines(wrap::wrap(&size, width), theme.text, 0));
    if app.overlay() == Some(Overlay::ConfirmQuit) {
        lines.push(Line::raw(""));
        let ask = "Leave the story? y to leave, any other key to stay.";
        lines.extend(styled_lines(wrap::wrap(ask, width), theme.warning, 0));
    }
    let lines: Vec<Line<'_>> = lines.into_iter().map(Line::centered).collect();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(height) / 2;
    draw_lines(
        &lines,
        0,
        Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        },
        buf,
    );
}

/// Lines of styled text from wrapped plain lines, each with one style.
pub fn styled_lines(lines: Vec<String>, style: Style, indent: usize) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("{pad}{l}"), style)))
        .collect()
}

/// Draws `lines` into `area`, starting `scroll` lines down.
pub fn draw_lines(lines: &[Line<'_>], scroll: usize, area: Rect, buf: &mut Buffer) {
    for (row, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
        line.render(Rect { y, height: 1, ..area }, buf);
    }
}

/// On the row under `body`, says that lines remain below the page scrolled to
/// `scroll`, and names the key (`command`) that shows them.
pub fn more_below(app: &App, command: Command, scroll: usize, len: usize, body: Rect, buf: &mut Buffer) {
    if scroll + usize::from(body.height) >= len {
        return;
    }
    let row = Rect {
        y: body.bottom(),
        height: 1,
        ..body
    };
    Line::styled(
        format!("↓ more below ({})", app.keymap().label(command)),
        app.theme().dim,
    )
    .right_aligned()
    .render(row, buf);
}

/// The style the theme gives a role.
pub fn style(theme: &Theme, role: &Role) -> Style {
    match role {
        Role::Text => theme.text,
        Role::Dim => theme.dim,
        Role::Heading => theme.heading,
        Role::Place => theme.place,
        Role::Title => theme.title,
        Role::Accent => theme.accent,
        Role::Choice => theme.choice,
        Role::Selected => theme.selected,
        Role::Note => theme.note,
        Role::Reflection => theme.reflection,
        Role::Mark => theme.mark,
        Role::Border => theme.border,
        Role::Warning => theme.warning,
        Role::Gauge => theme.gauge,
        Role::Track => theme.track,
        Role::Tone(tone) => theme.tone(tone),
    }
}

/// A piece of text in its role's style.
pub fn span(theme: &Theme, piece: Piece) -> Span<'static> {
    let style = style(theme, &piece.role);
    Span::styled(piece.text, style)
}

/// Rows from the layout, in the theme's styles.
pub fn paint(theme: &Theme, rows: Vec<Row>) -> Vec<Line<'static>> {
    rows.into_iter()
        .map(|row| {
            let line = Line::from(row.pieces.into_iter().map(|p| span(theme, p)).collect::<Vec<_>>());
            if row.centred { line.centered() } else { line }
        })
        .collect()
}
