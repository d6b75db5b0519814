//! `hailsham saves` and `hailsham replay`: what the save folder holds, and a save's
//! choices played again (shown full-screen or as a transcript, or verified).

use std::io::Write;

use super::{migrations, one_story, play_full_screen, read_save, terminal_can_show, with_theme};
use crate::author::common::{emit, load};
use crate::cli::{ReplayArgs, SavesArgs};
use crate::error::Error;
use crate::replay::{self, Replay};
use crate::save::SaveDir;
use crate::{app, plain, term_safe};

/// Lists the save slots for the story, with what each holds.
pub fn saves(args: &SavesArgs) -> Result<(), Error> {
    let loaded = load(&one_story(args.story.as_ref()))?;
    let dir = SaveDir::locate(args.save_dir.as_deref()).ok_or_else(|| {
        Error::Usage("there is no save folder here; give one with --save-dir DIR".to_owned())
    })?;
    let zone = crate::words::clock::local_zone();
    emit(&crate::words::saves::listing(
        &dir,
        &dir.list(Some(&loaded.story.id)),
        &zone,
    ))
}

/// Replays a save: verified with `--verify`, else shown full-screen or as a transcript.
pub fn replay(args: &ReplayArgs) -> Result<(), Error> {
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
