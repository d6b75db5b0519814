//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use hailsham::cli::{CheckArgs, Cli, Command, PlayArgs};
use hailsham::error::Error;
use hailsham::session::Session;
use hailsham::story::{self, Loaded, Report};
use hailsham::ui::theme::ThemeChoice;
use hailsham::{app, check, plain};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Play(args)) => play(&args),
        Some(Command::Check(args)) => run_check(&args),
        None => play(&cli.play),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Story(report)) => {
            eprint!("{}", report.render());
            ExitCode::FAILURE
        }
        // Stopped by a signal: the conventional 128 + its number, and nothing to say.
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

fn play(args: &PlayArgs) -> Result<(), Error> {
    let loaded = load(args.story.as_deref())?;
    warn(&loaded.report);
    let seed = args.seed.unwrap_or_else(clock_seed);
    if full_screen(args) {
        return play_full_screen(loaded.story, seed);
    }
    let session = Session::new(loaded.story, seed)?;
    let mut player = plain::Player::new(session, io::stdout().lock());
    player.run(io::stdin().lock())?;
    Ok(())
}

/// The full-screen game, unless asked for plain mode or the terminal cannot show it:
/// output or input redirected, or `TERM=dumb`. Plain mode is also the way in for
/// screen readers, which cannot read a full-screen program.
fn full_screen(args: &PlayArgs) -> bool {
    !args.plain
        && io::stdout().is_terminal()
        && io::stdin().is_terminal()
        && std::env::var("TERM").is_ok_and(|t| t != "dumb")
}

fn play_full_screen(story: story::Story, seed: u64) -> Result<(), Error> {
    let options = app::Options {
        seed,
        theme: std::env::var_os("NO_COLOR")
            .is_some_and(|v| !v.is_empty())
            .then_some(ThemeChoice::NoColor),
        ..Default::default()
    };
    let mut game = app::App::new(story, options);
    match app::terminal::play(&mut game)? {
        app::terminal::Exit::Quit => Ok(()),
        app::terminal::Exit::Signal(signal) => Err(Error::Signal(signal)),
    }
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
