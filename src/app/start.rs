//! What the caller hands the game at start ([`Options`]), and the [`App`] made of it:
//! at the title screen, with the settings, the player's overrides, the endings gallery
//! and the game to continue read in; or in the replay view.

use std::sync::Arc;

use ratatui::layout::Size;

use super::overrides::Overrides;
use super::theme::ThemeChoice;
use super::{
    App, Autosave, ConfigDir, DiagnosticsState, Flash, HistoryState, InspectorState, JournalState, Keymap,
    PeopleState, PlayState, ReplayState, Settings, SlotsState, TextSpeed, TimelineState, View, update,
};
use crate::replay::Migrations;
use crate::save::gallery::Gallery;
use crate::save::{Bookmark, SaveDir, Slot};
use crate::session::Restored;
use crate::story::Story;

/// What the caller hands the game at start.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The seed of the first new game; later new games derive theirs from it.
    pub seed: u64,
    /// A game to continue from the title screen (`--load`). Without it, the title
    /// offers the latest save in `saves`, if there is one.
    pub resume: Option<Restored>,
    /// Where in its scene that game was being read (from its save).
    pub bookmark: Option<Bookmark>,
    /// Where saves go; `None` when saving is off (`--no-save`).
    pub saves: Option<SaveDir>,
    /// Applied to saves of an older version of the story when they are loaded.
    pub migrations: Migrations,
    /// The settings to start with (as read from the config folder).
    pub settings: Settings,
    /// Where changed settings are written; `None`: they last for this run only.
    pub config: Option<ConfigDir>,
    /// Why the settings file could not be read, if it could not (said at the title).
    pub settings_problem: Option<String>,
    /// Show each page of text at once, whatever the settings say.
    pub instant_text: bool,
    /// The theme to use whatever the settings say (`NO_COLOR` chooses
    /// [`ThemeChoice::NoColor`]).
    pub theme: Option<ThemeChoice>,
    /// The time zone dates are shown in; `None`: the player's own (the system's).
    pub time_zone: Option<jiff::tz::TimeZone>,
}

impl App {
    /// The game at its title screen. Without `options.resume`, the latest readable save
    /// in `options.saves` (if any) is what "Continue" resumes.
    pub fn new(story: impl Into<Arc<Story>>, mut options: Options) -> Self {
        let story = story.into();
        let mut settings = options.settings;
        if options.instant_text {
            settings.text_speed = TextSpeed::Instant;
        }
        let theme_override = options.theme;
        let overrides = options.config.as_ref().map(Overrides::read).unwrap_or_default();
        let flash = first_flash(options.settings_problem.take(), &overrides);
        let gallery = gallery(options.saves.as_ref());
        let (resume, resume_owned, resume_bookmark) = resumed(&story, &mut options);
        Self {
            story,
            session: None,
            resume,
            saves: options.saves,
            migrations: options.migrations,
            autosave: Autosave {
                bookmark: resume_bookmark,
                ..Autosave::default()
            },
            resume_owned,
            resume_view: None,
            resume_bookmark,
            flash,
            seed: options.seed,
            games_started: 0,
            view: View::Title,
            behind: View::Title,
            overlay: None,
            menu_selected: 0,
            settings,
            settings_selected: 0,
            config: options.config,
            theme: overrides.theme(theme_override.unwrap_or(settings.theme)),
            theme_override,
            keymap: overrides.keymap.clone().unwrap_or_else(Keymap::shipped),
            overrides,
            zone: options.time_zone.unwrap_or_else(crate::words::clock::local_zone),
            size: Size::new(80, 24),
            play: PlayState::default(),
            act: None,
            journal: JournalState::default(),
            people: PeopleState::default(),
            ending_scroll: 0,
            gallery,
            gallery_scroll: 0,
            help_scroll: 0,
            slots: SlotsState::default(),
            timeline: TimelineState::default(),
            history: HistoryState::default(),
            replay: None,
            inspector: InspectorState::default(),
            diagnostics: DiagnosticsState::default(),
            reloads: None,
            quit: false,
        }
    }

    /// The replay view of a recorded playthrough, which plays at once; leaving it
    /// leaves the program.
    pub fn replay(story: impl Into<Arc<Story>>, replay: ReplayState, options: Options) -> Self {
        let mut app = Self::new(
            story,
            Options {
                saves: None,
                resume: None,
                ..options
            },
        );
        app.replay = Some(replay);
        app.view = View::Replay;
        app
    }
}

/// What to say in the status line at the title: why the settings or the player's
/// overrides could not be read, if they could not.
fn first_flash(settings_problem: Option<String>, overrides: &Overrides) -> Option<Flash> {
    [settings_problem, overrides.message()]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a} {b}"))
        .map(Flash::warning)
}

/// The endings gallery in the save folder, empty when there is none or it is unreadable.
fn gallery(saves: Option<&SaveDir>) -> Gallery {
    saves.and_then(|d| d.gallery().ok()).unwrap_or_default()
}

/// The game "Continue" resumes, whether it is the autosave's, and where its player was
/// reading: the one handed in, or else the latest readable save.
fn resumed(story: &Story, options: &mut Options) -> (Option<Restored>, bool, Option<Bookmark>) {
    match options.resume.take() {
        Some(resume) => (Some(resume), false, options.bookmark.take()),
        None => update::latest_save(story, options.saves.as_ref(), &options.migrations)
            .map_or((None, false, None), |(slot, r, bookmark)| {
                (Some(r), slot == Slot::Auto, bookmark)
            }),
    }
}
