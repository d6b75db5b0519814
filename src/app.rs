//! The full-screen game's state and glue: [`App`] holds everything a view needs (the
//! [`Session`] and the view-only state around it), [`update`] changes it in answer to
//! an [`Action`], and [`run`] is the event loop, generic over the ratatui backend and
//! the source of input so that tests drive the real loop with a `TestBackend`.
//!
//! Drawing lives in [`crate::ui`] and only reads an `App`. Nothing here is saved:
//! scroll offsets, selections, the reveal and "new since you last looked" marks are
//! the front end's, while the game itself is the `Session`'s.

pub mod input;
pub mod journal;
pub mod keymap;
pub mod run;
pub mod terminal;
pub mod update;

use std::collections::{BTreeMap, BTreeSet};

use ratatui::layout::Size;

use crate::engine::GameState;
use crate::session::Session;
use crate::story::Story;
use crate::ui::theme::{Theme, ThemeChoice};

pub use input::{Input, InputSource};
pub use keymap::{Command, Keymap};
pub use run::run;
pub use update::{Action, update};

/// Which screen is showing. New screens (save slots, the timeline, an inspector) are
/// further variants with their own handler in [`update`] and their own file in `ui/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Title,
    Play,
    Recollections,
    Relationships,
    Ending,
}

/// A small window drawn over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

/// What the caller hands the game at start.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The seed of the first new game; later new games derive theirs from it.
    pub seed: u64,
    /// A game to continue from the title screen (the latest autosave, once saves
    /// exist). The title screen offers "Continue" only when this is given.
    pub resume: Option<GameState>,
    /// Show each scene's text at once instead of revealing it.
    pub instant_text: bool,
    /// The theme to start with (`NO_COLOR` chooses [`ThemeChoice::NoColor`]).
    pub theme: Option<ThemeChoice>,
}

/// The entries of the title screen's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Continue,
    NewGame,
    TextSpeed,
    Theme,
    Quit,
}

/// How a memory or keepsake changed since the player last opened the recollections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    New,
    Revised,
}

/// The text reveal: how many characters of the scene show so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    pub shown: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default)]
pub struct PlayState {
    pub selected: usize,
    pub scroll: usize,
    pub reveal: Option<Reveal>,
    /// What the last choice changed, in words, shown under the heading.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct JournalState {
    /// The index of the selected entry among the list's entries (memories, then keepsakes).
    pub selected: usize,
    /// The memories and keepsakes marked new or revised since the journal was last open.
    pub marks: BTreeMap<String, Mark>,
    /// Marks of the visit in progress, cleared when the journal is closed.
    pub showing: BTreeMap<String, Mark>,
}

#[derive(Debug, Clone, Default)]
pub struct PeopleState {
    pub scroll: usize,
    /// Characters moved by the last choice.
    pub moved: BTreeSet<String>,
}

pub struct App {
    pub(crate) story: Story,
    pub(crate) session: Option<Session>,
    pub(crate) resume: Option<GameState>,
    pub(crate) seed: u64,
    pub(crate) games_started: u64,
    pub(crate) view: View,
    /// Where the recollections, relationships and help return to.
    pub(crate) behind: View,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) menu_selected: usize,
    pub(crate) instant_text: bool,
    pub(crate) theme_choice: ThemeChoice,
    pub(crate) theme: Theme,
    pub(crate) keymap: Keymap,
    pub(crate) size: Size,
    pub(crate) play: PlayState,
    pub(crate) journal: JournalState,
    pub(crate) people: PeopleState,
    pub(crate) ending_scroll: usize,
    pub(crate) help_scroll: usize,
    pub(crate) quit: bool,
}

impl App {
    pub fn new(story: Story, options: Options) -> Self {
        let theme_choice = options.theme.unwrap_or(ThemeChoice::Default);
        Self {
            story,
            session: None,
            resume: options.resume,
            seed: options.seed,
            games_started: 0,
            view: View::Title,
            behind: View::Title,
            overlay: None,
            menu_selected: 0,
            instant_text: options.instant_text,
            theme_choice,
            theme: Theme::shipped(theme_choice),
            keymap: Keymap::shipped(),
            size: Size::new(80, 24),
            play: PlayState::default(),
            journal: JournalState::default(),
            people: PeopleState::default(),
            ending_scroll: 0,
            help_scroll: 0,
            quit: false,
        }
    }

    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The game in progress, if one has been started or continued.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Offers (or withdraws) a game to continue from the title screen.
    pub fn set_resume(&mut self, state: Option<GameState>) {
        self.resume = state;
        self.menu_selected = 0;
    }

    /// Whether the text reveal is running, so the loop should wake to advance it.
    pub fn animating(&self) -> bool {
        self.view == View::Play && self.overlay.is_none() && self.play.reveal.is_some()
    }

    /// The title menu's entries; "Continue" only when there is something to continue.
    pub fn menu(&self) -> Vec<MenuItem> {
        let mut items = Vec::with_capacity(5);
        if self.resume.is_some() {
            items.push(MenuItem::Continue);
        }
        items.extend([
            MenuItem::NewGame,
            MenuItem::TextSpeed,
            MenuItem::Theme,
            MenuItem::Quit,
        ]);
        items
    }

    pub fn menu_selected(&self) -> usize {
        self.menu_selected
    }

    pub fn instant_text(&self) -> bool {
        self.instant_text
    }

    pub fn play_state(&self) -> &PlayState {
        &self.play
    }

    pub fn journal_state(&self) -> &JournalState {
        &self.journal
    }

    pub fn people_state(&self) -> &PeopleState {
        &self.people
    }

    pub fn size(&self) -> Size {
        self.size
    }
}
