//! The full-screen game's state and glue: [`App`] holds everything a view needs (the
//! [`Session`] and the view-only state around it), [`start`] makes it from the
//! caller's [`Options`], [`update`] changes it in answer to an [`Action`], and [`run`]
//! is the event loop, generic over the ratatui backend and the source of input so
//! that tests drive the real loop with a `TestBackend`.
//!
//! Where things go on the screen is [`layout`]'s, pure arithmetic over an `App` that
//! `update` and the drawing share. Drawing lives in `crate::ui` and only reads an `App`;
//! only the run loop ([`run`], [`terminal`]) joins the two. The game itself is the
//! `Session`'s, and the `Session` (timeline and all) is what is saved: the autosave
//! after every move and on leaving, the save slots, the quicksave. Scroll offsets,
//! selections, the reveal and "new since you last looked" marks are the front end's
//! and are never saved; they live in [`state`].

pub mod input;
pub mod journal;
pub mod keymap;
pub mod layout;
pub mod overrides;
pub mod run;
pub mod settings;
pub mod start;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;

use std::sync::Arc;

use ratatui::layout::Size;

use crate::replay::Migrations;
use crate::save::{SaveDir, Slot};
use crate::session::{Restored, Session};
use crate::story::Story;
use crate::watch::ReloadSource;
use theme::{Theme, ThemeChoice};

pub use input::{Input, InputSource};
pub use keymap::{Command, Keymap};
pub use run::run;
pub use settings::{ConfigDir, Settings, TextSpeed};
pub use start::Options;
pub use state::{
    Autosave, DiagnosticsState, Flash, HistoryState, InspectorState, JournalState, Mark, PeopleState,
    PlayState, ReplayState, Reveal, SlotsState, TimelineState,
};
pub use update::{Action, update};

/// Which screen is showing. Each has its own handler in [`update`] and its own file
/// in `ui/` (the save and load screens share `ui/slots.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Title,
    Play,
    Recollections,
    Relationships,
    Ending,
    /// The save slots, to save into.
    Save,
    /// The save slots, to load from.
    Load,
    Timeline,
    History,
    /// A recorded playthrough played again (`hailsham replay`).
    Replay,
    /// For authors: why each choice of the scene is offered or hidden.
    Inspector,
    /// The player's settings, each explained.
    Settings,
    /// The endings reached in every playthrough.
    Endings,
}

/// A small window drawn over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// "Begin the story" with a game in progress: it stays in its autosave, but ask.
    ConfirmNewGame,
    /// Saving into a slot whose file cannot be read: it is kept as the backup, but ask.
    ConfirmOverwrite(Slot),
    /// An edit broke the story (`--watch`): its diagnostics, over the old story.
    Diagnostics,
}

/// The entries of the title screen's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Continue,
    NewGame,
    Load,
    Endings,
    Settings,
    Quit,
}

pub struct App {
    /// Shared with the session: never copied.
    pub(crate) story: Arc<Story>,
    pub(crate) session: Option<Session>,
    /// The game the title's "Continue" resumes, and what to tell the player about it.
    pub(crate) resume: Option<Restored>,
    /// Whether that game came from the autosave file (so its autosaves go there).
    pub(crate) resume_owned: bool,
    /// The page that game was left on in this run, to come back to exactly.
    pub(crate) resume_view: Option<update::Reading>,
    /// Where that game's save says the player was reading.
    pub(crate) resume_bookmark: Option<crate::save::Bookmark>,
    pub(crate) saves: Option<SaveDir>,
    pub(crate) migrations: Migrations,
    pub(crate) autosave: Autosave,
    /// A message in the status line until the next key.
    pub(crate) flash: Option<Flash>,
    pub(crate) seed: u64,
    pub(crate) games_started: u64,
    pub(crate) view: View,
    /// Where the recollections, relationships and help return to.
    pub(crate) behind: View,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) menu_selected: usize,
    pub(crate) settings: Settings,
    /// The selected row of the settings screen.
    pub(crate) settings_selected: usize,
    pub(crate) config: Option<ConfigDir>,
    pub(crate) theme: Theme,
    /// A theme chosen for this run only (`NO_COLOR`), until the player picks one.
    pub(crate) theme_override: Option<ThemeChoice>,
    pub(crate) keymap: Keymap,
    /// The player's own key bindings and colours from the config folder, if any.
    pub(crate) overrides: overrides::Overrides,
    /// The time zone dates are shown in.
    pub(crate) zone: jiff::tz::TimeZone,
    pub(crate) size: Size,
    pub(crate) play: PlayState,
    /// The era of the last act whose title card was shown (or that was played into).
    pub(crate) act: Option<String>,
    pub(crate) journal: JournalState,
    pub(crate) people: PeopleState,
    pub(crate) ending_scroll: usize,
    /// The endings gallery as last read or written, and how far its page is scrolled.
    pub(crate) gallery: crate::save::gallery::Gallery,
    pub(crate) gallery_scroll: usize,
    pub(crate) help_scroll: usize,
    pub(crate) slots: SlotsState,
    pub(crate) timeline: TimelineState,
    pub(crate) history: HistoryState,
    pub(crate) replay: Option<ReplayState>,
    pub(crate) inspector: InspectorState,
    pub(crate) diagnostics: DiagnosticsState,
    /// Where reloads of the story come from (`--watch`); `None` when not watching.
    pub(crate) reloads: Option<Box<dyn ReloadSource>>,
    pub(crate) quit: bool,
}

impl App {
    /// Reloads the story from `source` whenever [`Input::StoryChanged`] wakes the loop
    /// (`play --watch`).
    pub fn watch(&mut self, source: Box<dyn ReloadSource>) {
        self.reloads = Some(source);
    }

    /// Whether the story reloads when its files change.
    pub fn watching(&self) -> bool {
        self.reloads.is_some()
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

    /// The time zone dates are shown in.
    pub fn zone(&self) -> &jiff::tz::TimeZone {
        &self.zone
    }

    /// Offers (or withdraws) a game to continue from the title screen.
    pub fn set_resume(&mut self, resume: Option<Restored>) {
        self.resume = resume;
        self.resume_view = None;
        self.resume_bookmark = None;
        self.menu_selected = 0;
    }

    /// The game "Continue" resumes, if any.
    pub fn resume(&self) -> Option<&Session> {
        self.resume.as_ref().map(|r| &r.session)
    }

    /// The save folder, unless saving is off.
    pub fn saves(&self) -> Option<&SaveDir> {
        self.saves.as_ref()
    }

    /// The message in the status line, if any.
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// Whether some of the scene's text is still to show: Space, Enter and a click
    /// then complete the page (or turn to the next) instead of choosing.
    pub fn revealing(&self) -> bool {
        self.view == View::Play && self.overlay.is_none() && (self.play.reveal.is_some() || self.play.card)
    }

    /// Whether the text reveal is running on this page, so the loop should wake to
    /// advance it. Waiting at the bottom of a full page is not animating.
    pub fn animating(&self) -> bool {
        self.revealing()
            && !self.play.card
            && self
                .play
                .reveal
                .is_some_and(|r| r.shown < layout::play::page_end(self))
    }

    /// How long the loop may sleep before it must wake without input: while the text
    /// reveals, and while a replay plays on its own. `None`: wait for input.
    pub fn wake_after(&self) -> Option<std::time::Duration> {
        if self.animating() {
            return Some(run::TICK);
        }
        match (&self.replay, self.view, self.overlay) {
            (Some(replay), View::Replay, None) => replay.wait(),
            _ => None,
        }
    }

    /// The title menu's entries; "Continue" only when there is something to continue,
    /// "Load" only when there is a save folder.
    pub fn menu(&self) -> Vec<MenuItem> {
        let mut items = Vec::with_capacity(6);
        if self.resume.is_some() {
            items.push(MenuItem::Continue);
        }
        items.push(MenuItem::NewGame);
        if self.saves.is_some() {
            items.push(MenuItem::Load);
            items.push(MenuItem::Endings);
        }
        items.extend([MenuItem::Settings, MenuItem::Quit]);
        items
    }

    pub fn menu_selected(&self) -> usize {
        self.menu_selected
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the settings are kept, unless only for this run.
    pub fn config(&self) -> Option<&ConfigDir> {
        self.config.as_ref()
    }

    pub fn settings_selected(&self) -> usize {
        self.settings_selected
    }

    /// The theme in use: the settings', unless this run chose another (`NO_COLOR`).
    pub fn theme_choice(&self) -> ThemeChoice {
        self.theme_override.unwrap_or(self.settings.theme)
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

    pub fn slots_state(&self) -> &SlotsState {
        &self.slots
    }

    pub fn timeline_state(&self) -> &TimelineState {
        &self.timeline
    }

    pub fn history_state(&self) -> &HistoryState {
        &self.history
    }

    pub fn replay_state(&self) -> Option<&ReplayState> {
        self.replay.as_ref()
    }

    pub fn inspector_state(&self) -> &InspectorState {
        &self.inspector
    }

    pub fn diagnostics_state(&self) -> &DiagnosticsState {
        &self.diagnostics
    }

    pub fn gallery(&self) -> &crate::save::gallery::Gallery {
        &self.gallery
    }

    pub fn gallery_scroll(&self) -> usize {
        self.gallery_scroll
    }

    pub fn size(&self) -> Size {
        self.size
    }
}
