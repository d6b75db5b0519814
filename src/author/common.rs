//! What the authoring tools share: numbers written for people, warnings an author
//! cannot act on taken out of a report, and the nearest name for a "did you mean".
//! The tools reach each other's helpers only through here, and so do the commands
//! (loading the story named on the command line, printing what a command found).

use std::io::{self, Write};

use crate::cli::StoryArgs;
use crate::error::Error;
use crate::story::{self, Loaded, Report, Severity};
use crate::term_safe;

/// Takes the warnings about the first `files` files (the built-in story, under packs)
/// out of the report, and returns how many: a pack's author cannot act on them.
pub fn hide_warnings_below(report: &mut Report, files: usize) -> usize {
    let before = report.diagnostics.len();
    report
        .diagnostics
        .retain(|d| d.file >= files || d.severity == Severity::Error);
    before - report.diagnostics.len()
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The candidate closest to `wanted`, if one is close enough to suggest; the same rule
/// as the story's own diagnostics.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    crate::story::validate::closest(wanted, candidates)
}

/// Loads the layers named on the command line; under packs, the built-in story's own
/// warnings are left out (a pack's author cannot act on them) and counted in a note on
/// standard error.
pub fn load(story: &StoryArgs) -> Result<Loaded, Error> {
    let sources = story::read_layers(&story.dirs)?;
    let below = if story::implies_builtin(&story.dirs) {
        sources.base_files()
    } else {
        0
    };
    let mut loaded = story::load(sources).map_err(Error::Story)?;
    let hidden = hide_warnings_below(&mut loaded.report, below);
    if hidden > 0 {
        let _ = writeln!(
            term_safe::stderr(),
            "({hidden} warning{} in the built-in story not shown; `hailsham check` shows them)",
            if hidden == 1 { "" } else { "s" }
        );
    }
    Ok(loaded)
}

/// Prints to standard output; a reader that went away (`| head`) is not an error.
pub fn emit(text: &str) -> Result<(), Error> {
    match term_safe::stdout().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Io(e)),
        _ => Ok(()),
    }
}
