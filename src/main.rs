//! The `hailsham` binary: parse the command line, dispatch, and print any fatal error
//! once, choosing the exit code here and nowhere else.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use hailsham::cli::{CheckArgs, Cli, Command, GraphArgs, GraphFormat, PlayArgs, StoryArgs, WalkArgs};
use hailsham::error::Error;
use hailsham::session::Session;
use hailsham::story::{self, Loaded, Report, Severity};
use hailsham::walk::{self, WalkOptions, WalkReport};
use hailsham::watch::Reloader;
use hailsham::{check, graph, plain, warp};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Play(args)) => play(&args),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Walk(args)) => run_walk(&args),
        Some(Command::Graph(args)) => run_graph(&args),
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
        eprintln!(
            "({hidden} warning{} in the built-in story not shown; `hailsham check` shows them)",
            if hidden == 1 { "" } else { "s" }
        );
    }
    Ok(loaded)
}

fn play(args: &PlayArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    if !args.story.dirs.is_empty() {
        warn(&loaded.report);
    }
    let seed = args.seed.unwrap_or_else(clock_seed);
    let session = if args.scene.is_some() || !args.set.is_empty() {
        let state = warp::start(&loaded.story, seed, args.scene.as_deref(), &args.set)?;
        Session::resume(loaded.story, state)?
    } else {
        Session::new(loaded.story, seed)?
    };
    let mut player = plain::Player::new(session, io::stdout().lock());
    if args.watch {
        if args.story.dirs.is_empty() {
            return Err(Error::Usage(
                "--watch needs --story DIR: the built-in story is compiled in and cannot change".into(),
            ));
        }
        player = player.watching(Box::new(Reloader::new(&args.story.dirs)?));
    }
    player.run(io::stdin().lock())?;
    Ok(())
}

fn run_check(args: &CheckArgs) -> Result<(), Error> {
    let mut loaded = load(&args.story)?;
    if args.deny_warnings && loaded.report.warnings().next().is_some() {
        for d in &mut loaded.report.diagnostics {
            d.severity = Severity::Error;
        }
        return Err(Error::Story(loaded.report));
    }
    eprint!("{}", loaded.report.render());
    emit(&check::summary(&loaded))
}

fn run_walk(args: &WalkArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    let report = if args.explore {
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
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| Error::Usage(e.to_string()))?;
        emit(&format!("{json}\n"))?;
    } else {
        emit(&report.to_string())?;
    }
    match report.problem_total() {
        0 => Ok(()),
        n => Err(Error::WalkProblems(n)),
    }
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
    use std::io::Write;
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Io(e)),
        _ => Ok(()),
    }
}

/// Warnings do not stop play, but an author running their own story should see them.
fn warn(report: &Report) {
    let count = report.warnings().count();
    if count > 0 && io::stderr().is_terminal() {
        eprintln!(
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
