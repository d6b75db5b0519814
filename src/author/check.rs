//! `hailsham check`: validate a story and summarise it for its author.

mod controls;

use std::fmt::Write as _;
use std::io::Write as _;

pub use controls::control_warnings;

pub use super::common::{hide_warnings_below, thousands};

use super::common::{emit, load};
use crate::cli::CheckArgs;
use crate::error::Error;
use crate::story::{Loaded, Severity, Story};
use crate::term_safe;

/// `hailsham check`: the diagnostics on standard error, then the summary; with
/// `--deny-warnings`, any warning fails the check as an error would.
pub fn run(args: &CheckArgs) -> Result<(), Error> {
    let mut loaded = load(&args.story)?;
    let controls = control_warnings(&loaded.report);
    loaded.report.diagnostics.extend(controls);
    if args.deny_warnings && loaded.report.warnings().next().is_some() {
        for d in &mut loaded.report.diagnostics {
            d.severity = Severity::Error;
        }
        return Err(Error::Story(loaded.report));
    }
    let _ = write!(term_safe::stderr(), "{}", loaded.report.render());
    let done = emit(&summary(&loaded));
    // The process ends once `check` has printed: a large story's million small
    // allocations are handed back with it rather than freed one by one (a tenth of
    // `check`'s time on a 10,000-scene story).
    std::mem::forget(loaded);
    done
}

/// Words in a scene, counting every paragraph (whatever its condition) and choice
/// label, and every alternative of their inline forms.
pub fn scene_words(scene: &crate::story::Scene) -> usize {
    scene.text.iter().map(|p| p.parts.word_count()).sum::<usize>()
        + scene
            .choices
            .iter()
            .map(|c| c.label_parts.word_count())
            .sum::<usize>()
}

/// The summary `check` prints: totals, then scenes and words per era.
pub fn summary(loaded: &Loaded) -> String {
    let story: &Story = &loaded.story;
    // Each scene's words counted once, and added to its era's.
    let mut by_era = vec![(0usize, 0usize); story.eras.len()];
    let mut words = 0;
    let mut with_scene = vec![false; story.endings.len()];
    for scene in &story.scenes {
        let n = scene_words(scene);
        words += n;
        if let Some(era) = story.eras.iter().position(|e| e.id == scene.era) {
            by_era[era].0 += 1;
            by_era[era].1 += n;
        }
        if let Some(ending) = &scene.ending
            && let Some(i) = story.endings.iter().position(|e| &e.id == ending)
        {
            with_scene[i] = true;
        }
    }
    let endings_with_scene = with_scene.iter().filter(|&&w| w).count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}, {} words, {}, {}, {} ({endings_with_scene} with a scene)",
        story.title,
        counted(story.scenes.len(), "scene", "scenes"),
        thousands(words),
        counted(story.memories.len(), "memory", "memories"),
        counted(story.keepsakes.len(), "keepsake", "keepsakes"),
        counted(story.endings.len(), "ending", "endings"),
    );
    for (era, (scenes, words)) in story.eras.iter().zip(by_era) {
        let _ = writeln!(
            out,
            "  {:<18} {:>3} scenes {:>7} words",
            era.title,
            scenes,
            thousands(words)
        );
    }
    let warnings = loaded.report.warnings().count();
    if warnings == 0 {
        out.push_str("ok: no problems found\n");
    } else {
        let _ = writeln!(
            out,
            "ok, with {warnings} warning{}",
            if warnings == 1 { "" } else { "s" }
        );
    }
    out
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
