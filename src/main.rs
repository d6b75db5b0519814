//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use hailsham::cli::{CheckArgs, Cli, Command, PlayArgs, ReplayArgs, SavesArgs};
use hailsham::error::Error;
use hailsham::replay::{self, Migrations, Replay};
use hailsham::save::{self, SaveDir, SaveFile};
use hailsham::session::Session;
use hailsham::story::{self, Loaded, Report, Story};
use hailsham::ui::theme::ThemeChoice;
use hailsham::{app, check, plain};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Play(args)) => play(&args),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Saves(args)) => list_saves(&args),
        Some(Command::Replay(args)) => run_replay(&args),
        None => play(&cli.play),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Story(report)) => {
            eprint!("{}", report.render());
            ExitCode::FAILURE
        }
        Err(Error::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(dir: Option<&std::path::Path>) -> Result<Loaded, Error> {
    let sources = match dir {
        Some(dir) => story::read_dir(dir)?,
        None => story::embedded_sources(),
    };
    story::load(sources).map_err(Error::Story)
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
    let loaded = load(args.story.as_deref())?;
    warn(&loaded.report);
    let migrations = migrations(args.story.as_deref())?;
    let saves = if args.no_save {
        None
    } else {
        SaveDir::locate(args.save_dir.as_deref())
    };
    let mut notes = Vec::new();
    let seed = args.seed.unwrap_or_else(clock_seed);
    let restored = match &args.load {
        Some(target) => {
            let save = read_save(target, saves.as_ref(), &loaded.story)?;
            Some(Session::from_save(loaded.story.clone(), &save, &migrations)?)
        }
        None => None,
    };
    if full_screen(args) {
        let options = app::Options {
            seed,
            resume: restored,
            saves,
            migrations,
            ..app::Options::default()
        };
        return play_full_screen(app::App::new(loaded.story, with_theme(options)));
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
    let mut player = plain::Player::new(session, io::stdout().lock()).with_saves(saves, migrations);
    for note in notes {
        player.note(note);
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
    io::stdout().is_terminal()
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

fn play_full_screen(mut game: app::App) -> Result<(), Error> {
    match app::terminal::play(&mut game)? {
        app::terminal::Exit::Quit => Ok(()),
        app::terminal::Exit::Signal(signal) => Err(Error::Signal(signal)),
    }
}

fn list_saves(args: &SavesArgs) -> Result<(), Error> {
    let loaded = load(args.story.as_deref())?;
    let dir = SaveDir::locate(args.save_dir.as_deref()).ok_or_else(|| {
        Error::Usage("there is no save folder here; give one with --save-dir DIR".to_owned())
    })?;
    print!(
        "{}",
        save::slots::listing(&dir, &dir.list(Some(&loaded.story.id)))
    );
    Ok(())
}

fn run_replay(args: &ReplayArgs) -> Result<(), Error> {
    let story = load(args.story.as_deref())?.story;
    let migrations = migrations(args.story.as_deref())?;
    let saves = SaveDir::locate(args.save_dir.as_deref());
    let save = read_save(&args.save, saves.as_ref(), &story)?;
    if args.verify {
        let verified = replay::verify(&story, &save, &migrations)?;
        let plural = if verified.steps == 1 { "" } else { "s" };
        println!(
            "ok: {} choice{plural} replayed from seed {} lead to exactly the saved state",
            verified.steps, save.seed
        );
        return Ok(());
    }
    let save = migrations.save(&save);
    let frames = match &save.root {
        Some(root) => Replay::new(&story, root.clone(), save.log.clone(), Vec::new()),
        None => Replay::from_seed(&story, save.seed, save.log.clone())?,
    };
    if !args.plain && terminal_can_show() {
        let replay = app::ReplayState::new(save.seed, frames);
        return play_full_screen(app::App::replay(
            story,
            replay,
            with_theme(app::Options::default()),
        ));
    }
    let mut out = io::stdout().lock();
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
    let loaded = load(args.story.as_deref())?;
    eprint!("{}", loaded.report.render());
    print!("{}", check::summary(&loaded));
    Ok(())
}

/// Warnings do not stop play, but an author running their own story should see them.
fn warn(report: &Report) {
    if report.warnings().next().is_some() && io::stderr().is_terminal() {
        eprint!("{}", report.render());
    }
}

/// A seed for a new game when none is given: the clock, recorded in the state.
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
}
