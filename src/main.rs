//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else. Everything it prints goes through
//! `term_safe`, so nothing from a story or a save can drive the terminal.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use hailsham::app::theme::ThemeChoice;
use hailsham::cli::{
    CheckArgs, Cli, Command, GraphArgs, GraphFormat, PlayArgs, ReplayArgs, SavesArgs, ScenesArgs, StoryArgs,
    WalkArgs,
};
use hailsham::error::Error;
use hailsham::replay::{self, Migrations, Replay};
use hailsham::save::{self, SaveDir, SaveFile};
use hailsham::session::{Restored, Session};
use hailsham::story::{self, Loaded, Report, Severity, Story};
use hailsham::walk::{self, WalkOptions, WalkReport};
use hailsham::watch::Reloader;
use hailsham::{app, check, graph, plain, scenes, term_safe, warp};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Play(args)) => play(&args),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Walk(args)) => run_walk(&args),
        Some(Command::Graph(args)) => run_graph(&args),
        Some(Command::Scenes(args)) => run_scenes(&args),
        Some(Command::Saves(args)) => list_saves(&args),
        Some(Command::Replay(args)) => run_replay(&args),
        None => play(&cli.play),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Story(report)) => {
            let _ = write!(term_safe::stderr(), "{}", report.render());
            ExitCode::FAILURE
        }
        Err(Error::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            let _ = writeln!(term_safe::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the layers; under packs, the built-in story's own warnings are left out (a
/// pack's author cannot act on them) and counted in a note on standard error.
fn load(story: &StoryArgs) -> Result<Loaded, Error> {
    let sources = story::read_layers(&story.dirs)?;
    let below = if story::implies_builtin(&story.dirs) {
        sources.base_files()
    } else {
        0
    };
    let mut loaded = story::load(sources).map_err(Error::Story)?;
    let hidden = check::hide_warnings_below(&mut loaded.report, below);
    if hidden > 0 {
        let _ = writeln!(
            term_safe::stderr(),
            "({hidden} warning{} in the built-in story not shown; `hailsham check` shows them)",
            if hidden == 1 { "" } else { "s" }
        );
    }
    Ok(loaded)
}

/// The folder of the base story, if it is not the built-in one (its migrations live there).
fn base_dir(story: &StoryArgs) -> Option<&Path> {
    story
        .dirs
        .first()
        .filter(|_| !story::implies_builtin(&story.dirs))
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

fn play(args: &PlayArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    if !args.story.dirs.is_empty() {
        warn(&loaded.report);
    }
    if args.watch && args.story.dirs.is_empty() {
        return Err(Error::Usage(
            "--watch needs --story DIR: the built-in story is compiled in and cannot change".into(),
        ));
    }
    let migrations = migrations(base_dir(&args.story))?;
    let saves = if args.no_save {
        None
    } else {
        SaveDir::locate(args.save_dir.as_deref())
    };
    let mut notes = Vec::new();
    let seed = args.seed.unwrap_or_else(clock_seed);
    let warped = args.scene.is_some() || !args.set.is_empty();
    let mut bookmark = None;
    let restored = if let Some(target) = &args.load {
        let save = read_save(target, saves.as_ref(), &loaded.story)?;
        bookmark = save.bookmark;
        Some(Session::from_save(loaded.story.clone(), &save, &migrations)?)
    } else if warped {
        let state = warp::start(&loaded.story, seed, args.scene.as_deref(), &args.set)?;
        Some(Restored {
            session: Session::resume(loaded.story.clone(), state)?,
            notice: None,
        })
    } else {
        None
    };
    if full_screen(args) {
        let config = app::ConfigDir::locate(args.config_dir.as_deref());
        let (settings, settings_problem) = config.as_ref().map(app::ConfigDir::read).unwrap_or_default();
        let options = app::Options {
            seed,
            settings,
            config,
            settings_problem,
            resume: restored,
            bookmark,
            saves,
            migrations,
            ..app::Options::default()
        };
        let watch = if args.watch {
            args.story.dirs.as_slice()
        } else {
            &[]
        };
        return play_full_screen(app::App::new(loaded.story, with_theme(options)), watch);
    }
    let session = match restored {
        Some(restored) => {
            notes.extend(restored.notice.map(|n| n.message()));
            restored.session
        }
        None => Session::new(loaded.story, seed)?,
    };
    if saves.is_none() && !args.no_save {
        notes.push("(There is no folder to keep saves in; give one with --save-dir DIR.)".to_owned());
    }
    let mut player = plain::Player::new(session, term_safe::stdout())
        .with_saves(saves, migrations)
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

fn list_saves(args: &SavesArgs) -> Result<(), Error> {
    let loaded = load(&one_story(args.story.as_ref()))?;
    let dir = SaveDir::locate(args.save_dir.as_deref()).ok_or_else(|| {
        Error::Usage("there is no save folder here; give one with --save-dir DIR".to_owned())
    })?;
    let zone = hailsham::words::clock::local_zone();
    emit(&hailsham::words::saves::listing(
        &dir,
        &dir.list(Some(&loaded.story.id)),
        &zone,
    ))
}

fn run_replay(args: &ReplayArgs) -> Result<(), Error> {
    let story = load(&one_story(args.story.as_ref()))?.story;
    let migrations = migrations(args.story.as_deref())?;
    let saves = SaveDir::locate(args.save_dir.as_deref());
    let save = read_save(&args.save, saves.as_ref(), &story)?;
    if args.verify {
        let verified = replay::verify(&story, &save, &migrations)?;
        let plural = if verified.steps == 1 { "" } else { "s" };
        return emit(&format!(
            "ok: {} choice{plural} replayed from seed {} lead to exactly the saved state\n",
            verified.steps, save.seed
        ));
    }
    let save = migrations.save(&save);
    let frames = match &save.root {
        Some(root) => Replay::new(&story, root, save.log.clone(), Vec::new()),
        None => Replay::from_seed(&story, save.seed, save.log.clone())?,
    };
    if !args.plain && terminal_can_show() {
        let replay = app::ReplayState::new(save.seed, frames);
        return play_full_screen(
            app::App::replay(story, replay, with_theme(app::Options::default())),
            &[],
        );
    }
    let mut out = term_safe::stdout();
    writeln!(
        out,
        "{}: a recorded playthrough (seed {}, {} choices)\n",
        story.title,
        save.seed,
        save.step()
    )?;
    plain::transcript(&story, frames, &mut out)
}

fn run_check(args: &CheckArgs) -> Result<(), Error> {
    let mut loaded = load(&args.story)?;
    let controls = check::control_warnings(&loaded.report);
    loaded.report.diagnostics.extend(controls);
    if args.deny_warnings && loaded.report.warnings().next().is_some() {
        for d in &mut loaded.report.diagnostics {
            d.severity = Severity::Error;
        }
        return Err(Error::Story(loaded.report));
    }
    let _ = write!(term_safe::stderr(), "{}", loaded.report.render());
    emit(&check::summary(&loaded))
}

fn run_walk(args: &WalkArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    let mut report = if args.explore {
        let options = walk::ExploreOptions {
            seed: args.seed,
            max_states: args.max_states,
            max_steps: args.max_steps,
        };
        walk::explore(&loaded.story, &options)
    } else {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let options = WalkOptions {
            runs: args.runs,
            seed: args.seed,
            max_steps: args.max_steps,
            threads,
        };
        walk::random(&loaded.story, options)
    };
    report.story_args = args.story.dirs.iter().fold(String::new(), |mut out, d| {
        out.push_str(" --story ");
        out.push_str(&shell_word(&d.display().to_string()));
        out
    });
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| Error::Usage(e.to_string()))?;
        emit(&format!("{json}\n"))?;
    } else {
        emit(&report.to_string())?;
    }
    let unshown = if args.deny_warnings {
        report.texts_never_shown.len() as u64
    } else {
        0
    };
    match report.problem_total() + unshown {
        0 => Ok(()),
        n => Err(Error::WalkProblems(n)),
    }
}

/// A path as one shell word: quoted when it holds anything but plain characters.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "/._-+=:,@".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn run_scenes(args: &ScenesArgs) -> Result<(), Error> {
    emit(&scenes::listing(&load(&args.story)?.story))
}

fn run_graph(args: &GraphArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    let coverage = match &args.coverage {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::Usage(format!("cannot read '{}': {e}", path.display())))?;
            let report: WalkReport = serde_json::from_str(&text).map_err(|e| {
                Error::Usage(format!("'{}' is not a `walk --json` report: {e}", path.display()))
            })?;
            Some(report)
        }
        None => None,
    };
    let text = match args.format {
        GraphFormat::Dot => graph::dot(&loaded.story, coverage.as_ref()),
        GraphFormat::Mermaid => graph::mermaid(&loaded.story, coverage.as_ref()),
    };
    emit(&text)
}

/// Prints to standard output; a reader that went away (`| head`) is not an error.
fn emit(text: &str) -> Result<(), Error> {
    match term_safe::stdout().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Io(e)),
        _ => Ok(()),
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
