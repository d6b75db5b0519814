//! `hailsham walk` on the command line: the walk the arguments ask for, its report as
//! text or JSON, and the exit status from the problems it found.

use super::{ExploreOptions, WalkOptions, explore, random};
use crate::author::common::{emit, load};
use crate::cli::WalkArgs;
use crate::error::Error;

/// Walks (or explores) the story, prints the report, and fails with the number of
/// problems found (with `--deny-warnings`, texts never shown count as problems).
pub fn run(args: &WalkArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    let mut report = if args.explore {
        let options = ExploreOptions {
            seed: args.seed,
            max_states: args.max_states,
            max_steps: args.max_steps,
        };
        explore(&loaded.story, &options)
    } else {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let options = WalkOptions {
            runs: args.runs,
            seed: args.seed,
            max_steps: args.max_steps,
            threads,
        };
        random(&loaded.story, options)
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
