//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else. Each command's body lives beside
//! its module (`play`, `author::check`, `author::walk`, ...). Everything printed goes
//! through `term_safe`, so nothing from a story or a save can drive the terminal.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use hailsham::author::{check, graph, scenes, walk};
use hailsham::cli::{Cli, Command};
use hailsham::error::Error;
use hailsham::{play, term_safe};

/// jemalloc rather than the system's: loading a large story makes and frees millions of
/// small strings; with glibc's allocator that churn was a third of `check`'s time and
/// the peak was 73 MiB. Built with one arena (see `.cargo/config.toml`), so that the
/// memory the parsing threads free is taken again by the model built on this one:
/// checking the 10,000-scene story peaks at about 51 MiB. (mimalloc, used before, kept
/// those pages for a second before handing them back, and peaked at 58–60 MiB.)
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Play(args)) => play::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Walk(args)) => walk::run(&args),
        Some(Command::Graph(args)) => graph::run(&args),
        Some(Command::Scenes(args)) => scenes::run(&args),
        Some(Command::Saves(args)) => play::records::saves(&args),
        Some(Command::Replay(args)) => play::records::replay(&args),
        None => play::run(&cli.play),
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
