//! From input to [`Action`]: what a key, a click, a resize or a signal asks for, which
//! depends on the view and any overlay. [`update`](super::update) then applies it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Size};

use crate::app::{App, Command, Input, Overlay, View};

/// Something to do to the game, whatever key or click asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// Take the choice of this (0-based) number.
    Pick(usize),
    Click(Position),
    /// Scroll by this many lines (negative: up).
    Scroll(i32),
    Resize(Size),
    /// Advance the text reveal.
    Tick,
    /// Space, Enter or a click while the text is appearing: show the rest of the page
    /// at once, or, at the bottom of a full page, turn to the next.
    Advance,
    /// "Yes" in the confirmation.
    Confirm,
    /// Close the overlay.
    Dismiss,
    /// ← or → on the settings screen: the setting's value before, or after.
    Adjust(bool),
    /// Leave at once (Ctrl-C, a signal, the end of input).
    Quit,
    /// A story file changed: reload the story if it really did (`--watch`).
    Reload,
}

impl App {
    /// The action an input asks for here, if any.
    pub fn action(&self, input: &Input) -> Option<Action> {
        match input {
            Input::Key(key) => self.key_action(key),
            Input::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) if self.revealing() => Some(Action::Advance),
                MouseEventKind::Down(MouseButton::Left) if self.overlay.is_none() => {
                    Some(Action::Click(Position::new(mouse.column, mouse.row)))
                }
                MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
                MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
                _ => None,
            },
            Input::Resize { width, height } => Some(Action::Resize(Size::new(*width, *height))),
            Input::Signal(_) | Input::Closed => Some(Action::Quit),
            Input::StoryChanged => Some(Action::Reload),
            Input::Redraw => Some(Action::Resize(self.size)),
        }
    }

    /// The action a key asks for: an overlay's answer first, then the reveal's, then
    /// the view's.
    fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        let command = if self.view == View::Replay && self.overlay.is_none() {
            self.keymap.replay_command(key)
        } else {
            self.keymap.command(key)
        };
        if command == Some(Command::ForceQuit) {
            return Some(Action::Quit);
        }
        if let Some(overlay) = self.overlay {
            return Some(overlay_action(overlay, key, command));
        }
        if self.revealing() {
            // Every other key acts at once; the choices are not showing yet.
            return match command {
                Some(Command::Select | Command::PageDown) => Some(Action::Advance),
                _ if matches!(key.code, KeyCode::Char('1'..='9')) => None,
                other => other.map(Action::Command),
            };
        }
        if self.view == View::Settings
            && let KeyCode::Left | KeyCode::Right = key.code
        {
            return Some(Action::Adjust(key.code == KeyCode::Right));
        }
        if let KeyCode::Char(c @ '1'..='9') = key.code
            && matches!(self.view, View::Play | View::Save | View::Load | View::Settings)
        {
            return Some(Action::Pick(c as usize - '1' as usize));
        }
        command.map(Action::Command)
    }
}

/// A key over `overlay`: a confirmation takes `y` for yes and anything else for no; help
/// and the diagnostics scroll, quit, or close.
fn overlay_action(overlay: Overlay, key: &KeyEvent, command: Option<Command>) -> Action {
    match overlay {
        Overlay::ConfirmQuit | Overlay::ConfirmNewGame | Overlay::ConfirmOverwrite(_) => match key.code {
            KeyCode::Char('y' | 'Y') => Action::Confirm,
            _ => Action::Dismiss,
        },
        Overlay::Help | Overlay::Diagnostics => match command {
            Some(c @ (Command::Up | Command::Down | Command::PageUp | Command::PageDown | Command::Quit)) => {
                Action::Command(c)
            }
            _ => Action::Dismiss,
        },
    }
}
