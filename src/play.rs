//! `hailsham play` (and the bare `hailsham`): the game started from the command line.
//! A save, a warp or a new game makes the session; the full-screen game takes it when
//! the terminal can show it, the line-by-line player otherwise. The commands over saves
//! (`saves`, `replay`) are in [`records`].

pub mod records;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::app::theme::ThemeChoice;
use crate::author::common::load;
use crate::author::warp;
use crate::author::watch::Reloader;
use crate::cli::{PlayArgs, StoryArgs};
use crate::error::Error;
use crate::replay::Migrations;
use crate::save::{self, SaveDir, SaveFile};
use crate::session::{Restored, Session};
use crate::story::{Report, Story};
use crate::{app, plain, term_safe};

/// What the command line asked for, read before either front end starts.
struct Start {
    seed: u64,
    saves: Option<SaveDir>,
    migrations: Migrations,
    restored: Option<Restored>,
    bookmark: Option<save::Bookmark>,
}

/// Plays the story named by `args`, in the full-screen game or the plain player.
pub fn run(args: &PlayArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    if !args.story.dirs.is_empty() {
        warn(&loaded.report);
    }
    if args.watch && args.story.dirs.is_empty() {
        return Err(Error::Usage(
            "--watch needs --story DIR: the built-in story is compiled in and cannot change".into(),
        ));
    }
    let start = start(args, &loaded.story)?;
    if full_screen(args) {
        full_screen_game(args, loaded.story, start)
    } else {
        plain_game(args, loaded.story, start)
    }
}

/// The seed, the save folder and the session to resume (from `--load`, or warped by
/// `--scene` and `--set`), if any.
fn start(args: &PlayArgs, story: &Story) -> Result<Start, Error> {
    let migrations = migrations(base_dir(&args.story))?;
    let saves = if args.no_save {
        None
    } else {
        SaveDir::locate(args.save_dir.as_deref())
    };
    let seed = args.seed.unwrap_or_else(clock_seed);
    let warped = args.scene.is_some() || !args.set.is_empty();
    let mut bookmark = None;
    let restored = if let Some(target) = &args.load {
        let save = read_save(target, saves.as_ref(), story)?;
        bookmark = save.bookmark;
        Some(Session::from_save(story.clone(), &save, &migrations)?)
    } else if warped {
        let state = warp::start(story, seed, args.scene.as_deref(), &args.set)?;
        Some(Restored {
            session: Session::resume(story.clone(), state)?,
            notice: None,
        })
    } else {
        None
    };
    Ok(Start {
        seed,
        saves,
        migrations,
        restored,
        bookmark,
    })
}

fn full_screen_game(args: &PlayArgs, story: Story, start: Start) -> Result<(), Error> {
    let config = app::ConfigDir::locate(args.config_dir.as_deref());
    let (settings, settings_problem) = config.as_ref().map(app::ConfigDir::read).unwrap_or_default();
    let options = app::Options {
        seed: start.seed,
        settings,
        config,
        settings_problem,
        resume: start.restored,
        bookmark: start.bookmark,
        saves: start.saves,
        migrations: start.migrations,
        ..app::Options::default()
    };
    let watch = if args.watch {
        args.story.dirs.as_slice()
    } else {
        &[]
    };
    play_full_screen(app::App::new(story, with_theme(options)), watch)
}

fn plain_game(args: &PlayArgs, story: Story, start: Start) -> Result<(), Error> {
    let mut notes = Vec::new();
    let session = match start.restored {
        Some(restored) => {
            notes.extend(restored.notice.map(|n| n.message()));
            restored.session
        }
        None => Session::new(story, start.seed)?,
    };
    if start.saves.is_none() && !args.no_save {
        notes.push("(There is no folder to keep saves in; give one with --save-dir DIR.)".to_owned());
    }
    let mut player = plain::Player::new(session, term_safe::stdout())
        .with_saves(start.saves, start.migrations)
        .stopping_at_ending(!io::stdin().is_terminal());
    if args.load.as_deref().and_then(save::Slot::parse) == Some(save::Slot::Auto) {
        player = player.continuing_autosave();
    }
    for note in notes {
        player.note(note);
    }
    if args.watch {
        player = player.watching(Box::new(Reloader::new(&args.story.dirs)?));
    }
    player.run(io::stdin().lock())?;
    Ok(())
}

/// The folder of the base story, if it is not the built-in one (its migrations live there).
fn base_dir(story: &StoryArgs) -> Option<&Path> {
    story
        .dirs
        .first()
        .filter(|_| !crate::story::implies_builtin(&story.dirs))
        .map(PathBuf::as_path)
}

/// One `--story DIR` (or none) as layers.
fn one_story(dir: Option<&PathBuf>) -> StoryArgs {
    StoryArgs {
        dirs: dir.into_iter().cloned().collect(),
    }
}

fn migrations(dir: Option<&Path>) -> Result<Migrations, Error> {
    Ok(match dir {
        Some(dir) => Migrations::from_dir(dir)?,
        None => Migrations::embedded()?,
    })
}

/// A save named on the command line (a slot or a file), read for `story`.
fn read_save(target: &str, saves: Option<&SaveDir>, story: &Story) -> Result<SaveFile, Error> {
    let (path, result) = save::slots::read_target(target, saves, Some(&story.id));
    result.map_err(|source| Error::Load { path, source })
}

/// The full-screen game, unless asked for plain mode or the terminal cannot show it:
/// output or input redirected, or `TERM=dumb`. Plain mode is also the way in for
/// screen readers, which cannot read a full-screen program.
fn full_screen(args: &PlayArgs) -> bool {
    !args.plain && terminal_can_show()
}

fn terminal_can_show() -> bool {
    term_safe::stdout_is_terminal()
        && io::stdin().is_terminal()
        && std::env::var("TERM").is_ok_and(|t| t != "dumb")
}

/// `NO_COLOR` chooses the theme without colour.
fn with_theme(options: app::Options) -> app::Options {
    app::Options {
        theme: std::env::var_os("NO_COLOR")
            .is_some_and(|v| !v.is_empty())
            .then_some(ThemeChoice::NoColor),
        ..options
    }
}

/// The full-screen game in the real terminal; with `watch`, the story reloads from
/// those folders when they change.
fn play_full_screen(mut game: app::App, watch: &[PathBuf]) -> Result<(), Error> {
    match app::terminal::play(&mut game, watch)? {
        app::terminal::Exit::Quit => Ok(()),
        app::terminal::Exit::Signal(signal) => Err(Error::Signal(signal)),
    }
}

/// Warnings do not stop play, but an author running their own story should see them.
fn warn(report: &Report) {
    let count = report.warnings().count();
    let mut err = term_safe::stderr();
    if count > 0 && err.get_ref().is_terminal() {
        let _ = writeln!(
            err,
            "(the story has {count} warning{}; `hailsham check` with the same --story shows them)",
            if count == 1 { "" } else { "s" }
        );
    }
}

/// A seed for a new game when none is given: the clock, recorded in the state.
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
}
