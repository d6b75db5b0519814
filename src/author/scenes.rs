//! `hailsham scenes`: every scene with its era, title and place in the files, and its
//! choices, for finding where a pack can hook in with `Extend`.

use std::fmt::Write as _;

use super::common::{emit, load};
use crate::cli::ScenesArgs;
use crate::error::Error;
use crate::story::Story;

/// `hailsham scenes`: the listing on standard output.
pub fn run(args: &ScenesArgs) -> Result<(), Error> {
    emit(&listing(&load(&args.story)?.story))
}

/// The listing, one scene per paragraph, in the order the story defines them.
pub fn listing(story: &Story) -> String {
    let mut out = String::new();
    for scene in &story.scenes {
        let _ = writeln!(
            out,
            "{}  [{}{}]  \"{}\"  {}:{}",
            scene.id,
            scene.era,
            if scene.frame { ", now" } else { "" },
            scene.title,
            scene.file,
            scene.pos.line
        );
        for c in &scene.choices {
            let mut notes = String::new();
            if c.when.is_some() {
                notes.push_str("  (conditional)");
            }
            if c.once {
                notes.push_str("  (once)");
            }
            let _ = writeln!(out, "    {} -> {}  \"{}\"{notes}", c.id, c.to, c.label());
        }
        if let Some(ending) = &scene.ending {
            let _ = writeln!(out, "    ends: {ending}");
        }
    }
    let _ = writeln!(
        out,
        "{} scenes. A pack adds choices to one with Extend(scene: \"id\", choices: [...]).",
        story.scenes.len()
    );
    out
}
