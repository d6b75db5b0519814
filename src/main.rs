//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use hailsham::cli::{CheckArgs, Cli, Command, PlayArgs};
use hailsham::error::Error;
use hailsham::session::Session;
use hailsham::story::{self, Loaded, Report};
use hailsham::{check, plain};

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
    let session = Session::new(loaded.story, seed)?;
    let mut player = plain::Player::new(session, io::stdout().lock());
    player.run(io::stdin().lock())?;
    Ok(())
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
