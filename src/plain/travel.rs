//! The plain player's commands for moving in time: `undo`, `timeline`, `goto N` and
//! `history`.

use std::io::Write;

use crate::error::Error;
use crate::words::saving;

use super::{Player, transcript};

impl<W: Write> Player<W> {
    /// `undo`: back to the node before the last choice; the undone path stays.
    pub(super) fn undo(&mut self) -> Result<(), Error> {
        let undone = self
            .session
            .history()
            .iter()
            .rev()
            .nth(1)
            .and_then(|f| f.chosen.clone());
        match self.session.undo() {
            Ok(true) => {
                let quoted = undone.map(|c| format!("\"{}\"", c.label));
                let said = saving::taken_back(quoted.as_deref(), "'timeline' to see it");
                writeln!(self.out, "{said}\n")?;
                self.show_scene()?;
                self.moved = true;
                self.autosave()?;
            }
            Ok(false) => writeln!(self.out, "{}", saving::NOTHING_TO_TAKE_BACK)?,
            Err(e) => writeln!(self.out, "{}", saving::cannot_go_back(&e))?,
        }
        Ok(())
    }

    /// `timeline`: every point of every path, numbered for `goto`.
    pub(super) fn show_timeline(&mut self) -> Result<(), Error> {
        writeln!(self.out, "Timeline (type 'goto N' to return to point N)")?;
        for line in self.session.timeline_rows() {
            let row = &line.row;
            let marker = if row.current { " <- you are here" } else { "" };
            let branches = if row.branches > 1 {
                format!(" [{} branches]", row.branches)
            } else {
                String::new()
            };
            let what = match &line.choice {
                Some(choice) => format!("\"{choice}\" -> {}", line.scene_title),
                None => format!("start: {}", line.scene_title),
            };
            writeln!(
                self.out,
                "  {}{:>3}. step {}: {what}{branches}{marker}",
                "    ".repeat(row.indent),
                row.node,
                row.depth
            )?;
        }
        Ok(())
    }

    /// `goto N`: to point N of the timeline.
    pub(super) fn goto(&mut self, arg: &str) -> Result<(), Error> {
        let Ok(node) = arg.parse::<usize>() else {
            writeln!(self.out, "Type 'goto N' with a point's number from 'timeline'.")?;
            return Ok(());
        };
        match self.session.goto(node) {
            Ok(()) => {
                writeln!(self.out, "Back to point {node}.\n")?;
                self.show_scene()?;
                self.moved = true;
                self.autosave()?;
                self.check_ending()?;
            }
            Err(e) => writeln!(self.out, "{}", saving::cannot_go_there(&e))?,
        }
        Ok(())
    }

    /// `history [N]`: every passage read on this path (or the last N scenes).
    pub(super) fn show_history(&mut self, arg: &str) -> Result<(), Error> {
        let frames = self.session.history();
        let skip = arg
            .parse::<usize>()
            .ok()
            .map_or(0, |n| frames.len().saturating_sub(n));
        let heading = crate::words::narrator::history_heading(&self.session.story().narrator);
        writeln!(self.out, "{heading}\n")?;
        let text = transcript::frames_text(self.session.story(), &frames[skip..]);
        writeln!(
            self.out,
            "{text}(End of history; you are reading the last scene.)"
        )?;
        Ok(())
    }
}
