//! Key bindings as data: `assets/keybindings.ron` maps each [`Command`] to its keys.
//!
//! A key's meaning depends on the view (Up moves between choices in the play view and
//! between memories in the recollections); the keymap only says which command a key
//! gives, and `update` decides what the command does where. The replay view has a few
//! commands of its own ([`Command::REPLAY`]), looked up there before the game's, so
//! they may reuse the game's keys.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// The shipped bindings, compiled in.
pub const KEYBINDINGS_RON: &str = include_str!("../../assets/keybindings.ron");

/// What a bound key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Command {
    Up,
    Down,
    Select,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Back,
    Recollections,
    Relationships,
    Arrange,
    Undo,
    History,
    Timeline,
    Save,
    Load,
    Quicksave,
    Quickload,
    Inspect,
    Settings,
    Help,
    Quit,
    ForceQuit,
    Pause,
    Step,
    StepBack,
    Faster,
    Slower,
}

impl Command {
    /// Every command, in the order the help lists them.
    pub const ALL: [Command; 28] = [
        Self::Up,
        Self::Down,
        Self::Select,
        Self::PageUp,
        Self::PageDown,
        Self::Top,
        Self::Bottom,
        Self::Back,
        Self::Recollections,
        Self::Relationships,
        Self::Arrange,
        Self::Undo,
        Self::History,
        Self::Timeline,
        Self::Save,
        Self::Load,
        Self::Quicksave,
        Self::Quickload,
        Self::Inspect,
        Self::Settings,
        Self::Help,
        Self::Quit,
        Self::ForceQuit,
        Self::Pause,
        Self::Step,
        Self::StepBack,
        Self::Faster,
        Self::Slower,
    ];

    /// The replay view's own commands, which it looks up before the game's.
    pub const REPLAY: [Command; 5] = [
        Self::Pause,
        Self::Step,
        Self::StepBack,
        Self::Faster,
        Self::Slower,
    ];

    /// What the command does, for the help overlay; `narrator` tells the story.
    pub fn describe(self, narrator: &crate::story::Narrator) -> String {
        if self == Self::Relationships {
            return crate::words::narrator::people_in_story(narrator);
        }
        match self {
            Self::Up => "move up: the previous choice, memory or line",
            Self::Down => "move down: the next choice, memory or line",
            Self::Select => "take the chosen path; open what is selected",
            Self::PageUp => "scroll back a page",
            Self::PageDown => "scroll on a page",
            Self::Top => "go to the top",
            Self::Bottom => "go to the bottom",
            Self::Back => "close this page; from the story, back to the title (saved first)",
            Self::Recollections => "the recollections: memories and keepsakes",
            Self::Relationships => "the people in the story",
            Self::Arrange => "recollections: list the memories by era, or in the order remembered",
            Self::Undo => "take back the last choice (the path stays on the timeline)",
            Self::History => "the history: every passage read so far",
            Self::Timeline => "the timeline: every path taken; return to any point",
            Self::Save => "save to a slot",
            Self::Load => "load a saved game",
            Self::Quicksave => "quicksave",
            Self::Quickload => "load the quicksave",
            Self::Inspect => "for authors: why each choice shows or hides",
            Self::Settings => "the settings: text speed, colours, effects, column width",
            Self::Help => "this list of keys",
            Self::Quit => "leave the game (asks first; the game is saved)",
            Self::ForceQuit => "leave at once (the game is saved)",
            Self::Pause => "replay: pause or play on",
            Self::Step => "replay: the next step",
            Self::StepBack => "replay: the step before",
            Self::Faster => "replay: faster",
            Self::Slower => "replay: slower",
        }
        .to_owned()
    }
}

/// A key as the bindings file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// Parses "k", "?", "enter", "ctrl-c", "f1" …
    pub fn parse(text: &str) -> Option<Self> {
        let (ctrl, name) = match text.strip_prefix("ctrl-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let code = match name {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.len() > 1 && f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(ch)
            }
        };
        Some(Self { code, ctrl })
    }

    /// The key as a player reads it in the status line and help.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) => c.to_string(),
            _ => "?".to_owned(),
        };
        if self.ctrl { format!("Ctrl-{name}") } else { name }
    }

    fn of_event(event: &KeyEvent) -> Self {
        let code = match event.code {
            // Terminals send Shift-Tab either way; treat both as one key.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Self {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("key bindings: {0}")]
    Ron(#[from] ron::error::SpannedError),
    #[error("key bindings: '{key}' (for {command:?}) is not a key")]
    BadKey { command: Command, key: String },
    #[error("key bindings: {0:?} has no key")]
    Unbound(Command),
}

#[derive(Debug, Clone)]
pub struct Keymap {
    keys: BTreeMap<Command, Vec<Key>>,
}

impl Keymap {
    pub fn parse(ron_text: &str) -> Result<Self, KeymapError> {
        let raw: BTreeMap<Command, Vec<String>> = ron::from_str(ron_text)?;
        let mut keys = BTreeMap::new();
        for (command, names) in raw {
            let parsed = names
                .iter()
                .map(|n| {
                    Key::parse(n).ok_or_else(|| KeymapError::BadKey {
                        command,
                        key: n.clone(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            keys.insert(command, parsed);
        }
        if let Some(&missing) = Command::ALL
            .iter()
            .find(|c| keys.get(c).is_none_or(Vec::is_empty))
        {
            return Err(KeymapError::Unbound(missing));
        }
        Ok(Self { keys })
    }

    /// The shipped bindings (tested to parse), or, should that ever fail, the same
    /// bindings written out in code.
    pub fn shipped() -> Self {
        Self::parse(KEYBINDINGS_RON).unwrap_or_else(|_| Self::fallback())
    }

    fn fallback() -> Self {
        let k = |code| Key { code, ctrl: false };
        let keys = [
            (Command::Up, vec![k(KeyCode::Up)]),
            (Command::Down, vec![k(KeyCode::Down)]),
            (Command::Select, vec![k(KeyCode::Enter)]),
            (Command::PageUp, vec![k(KeyCode::PageUp)]),
            (Command::PageDown, vec![k(KeyCode::PageDown)]),
            (Command::Top, vec![k(KeyCode::Home)]),
            (Command::Bottom, vec![k(KeyCode::End)]),
            (Command::Back, vec![k(KeyCode::Esc)]),
            (Command::Recollections, vec![k(KeyCode::Char('r'))]),
            (Command::Relationships, vec![k(KeyCode::Char('p'))]),
            (Command::Arrange, vec![k(KeyCode::Char('a'))]),
            (Command::Undo, vec![k(KeyCode::Char('u'))]),
            (Command::History, vec![k(KeyCode::Char('h'))]),
            (Command::Timeline, vec![k(KeyCode::Char('t'))]),
            (Command::Save, vec![k(KeyCode::Char('s'))]),
            (Command::Load, vec![k(KeyCode::Char('l'))]),
            (Command::Quicksave, vec![k(KeyCode::F(5))]),
            (Command::Quickload, vec![k(KeyCode::F(9))]),
            (Command::Inspect, vec![k(KeyCode::Char('i'))]),
            (Command::Settings, vec![k(KeyCode::Char('o'))]),
            (Command::Help, vec![k(KeyCode::Char('?'))]),
            (Command::Quit, vec![k(KeyCode::Char('q'))]),
            (
                Command::ForceQuit,
                vec![Key {
                    code: KeyCode::Char('c'),
                    ctrl: true,
                }],
            ),
            (Command::Pause, vec![k(KeyCode::Char(' '))]),
            (Command::Step, vec![k(KeyCode::Right)]),
            (Command::StepBack, vec![k(KeyCode::Left)]),
            (Command::Faster, vec![k(KeyCode::Char('+'))]),
            (Command::Slower, vec![k(KeyCode::Char('-'))]),
        ];
        Self {
            keys: keys.into_iter().collect(),
        }
    }

    /// The game's command a key press gives, if any (never one of [`Command::REPLAY`]).
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        self.lookup(event, |c| !Command::REPLAY.contains(&c))
    }

    /// The command a key press gives in the replay view: the replay's own commands
    /// first, then the game's.
    pub fn replay_command(&self, event: &KeyEvent) -> Option<Command> {
        self.lookup(event, |c| Command::REPLAY.contains(&c))
            .or_else(|| self.command(event))
    }

    fn lookup(&self, event: &KeyEvent, wanted: impl Fn(Command) -> bool) -> Option<Command> {
        let key = Key::of_event(event);
        self.keys
            .iter()
            .find(|(c, keys)| wanted(**c) && keys.contains(&key))
            .map(|(&c, _)| c)
    }

    /// Keys bound to two commands of the same group (the game's, or the replay's).
    pub fn clashes(&self) -> Vec<(Key, Command, Command)> {
        let mut out = Vec::new();
        for (&a, keys) in &self.keys {
            for (&b, other) in self.keys.range(a..).skip(1) {
                if Command::REPLAY.contains(&a) != Command::REPLAY.contains(&b) {
                    continue;
                }
                out.extend(keys.iter().filter(|k| other.contains(k)).map(|&k| (k, a, b)));
            }
        }
        out
    }

    /// Every key bound to a command.
    pub fn keys(&self, command: Command) -> &[Key] {
        self.keys.get(&command).map_or(&[], Vec::as_slice)
    }

    /// The label of the first key bound to a command.
    pub fn label(&self, command: Command) -> String {
        self.keys(command).first().map(|k| k.label()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_bindings_parse_and_bind_every_command() {
        let map = Keymap::parse(KEYBINDINGS_RON).expect("bindings parse");
        for c in Command::ALL {
            assert!(!map.keys(c).is_empty(), "{c:?}");
        }
    }

    #[test]
    fn no_key_gives_two_commands_in_one_view() {
        let map = Keymap::parse(KEYBINDINGS_RON).expect("bindings parse");
        assert_eq!(map.clashes(), Vec::new());
        assert!(Keymap::fallback().clashes().is_empty());
        assert_eq!(Keymap::fallback().keys.len(), Command::ALL.len());
    }

    #[test]
    fn the_replay_looks_up_its_own_keys_first() {
        let map = Keymap::shipped();
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(map.command(&space), Some(Command::PageDown));
        assert_eq!(map.replay_command(&space), Some(Command::Pause));
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.replay_command(&q), Some(Command::Quit));
    }

    #[test]
    fn keys_are_recognised_with_and_without_control() {
        let map = Keymap::shipped();
        let press = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            map.command(&press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Command::Down)
        );
        assert_eq!(
            map.command(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Command::ForceQuit)
        );
        assert_eq!(map.command(&press(KeyCode::Char('c'), KeyModifiers::NONE)), None);
        assert_eq!(
            map.command(&press(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Command::Relationships)
        );
    }

    #[test]
    fn a_bad_key_name_is_reported() {
        let err = Keymap::parse("{ Up: [\"upp\"] }").expect_err("fails");
        assert!(err.to_string().contains("'upp'"), "{err}");
    }
}
