//! Replay frames as plain text: the history, `replay --plain`'s transcript, and the
//! line-by-line stepper (the full-screen replay view is `ui::replay`).

use std::io::{BufRead, Write};

use crate::error::Error;
use crate::replay::{Divergence, Frame};
use crate::story::Story;

use crate::words::events::describe_events;

/// One frame as a reader sees it: event notes, heading, passage, then "> choice".
pub fn frame_text(story: &Story, frame: &Frame) -> String {
    let mut out = String::new();
    let notes = describe_events(story, &frame.events);
    for note in &notes {
        out.push_str(&format!("* {note}\n"));
    }
    if !notes.is_empty() {
        out.push('\n');
    }
    out.push_str(&format!("== {} ==\n{}\n\n", frame.title, frame.heading));
    for p in &frame.passage {
        out.push_str(&format!("{p}\n\n"));
    }
    if let Some(chosen) = &frame.chosen {
        out.push_str(&format!("> {}\n\n", chosen.label));
    }
    if let Some(ending) = &frame.ending {
        out.push_str(&format!("{}\n\n", crate::words::the_end_heading(ending)));
    }
    out
}

/// Several frames, one after another.
pub fn frames_text(story: &Story, frames: &[Frame]) -> String {
    frames.iter().map(|f| frame_text(story, f)).collect()
}

/// Writes a whole replay as a transcript. A divergence is written where it happens and
/// returned, so the caller can exit non-zero.
pub fn transcript(
    story: &Story,
    frames: impl Iterator<Item = Result<Frame, Divergence>>,
    out: &mut impl Write,
) -> Result<(), Error> {
    for frame in frames {
        match frame {
            Ok(frame) => write!(out, "{}", frame_text(story, &frame))?,
            Err(divergence) => {
                writeln!(out, "(The recorded playthrough stops fitting the story here.)")?;
                return Err(divergence.into());
            }
        }
    }
    writeln!(out, "(End of the recorded playthrough.)")?;
    Ok(())
}

/// Shows a replay one frame at a time: Enter for the next, `c` to run to the end, `q`
/// to stop.
pub fn step_through(
    story: &Story,
    frames: impl Iterator<Item = Result<Frame, Divergence>>,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> Result<(), Error> {
    let mut running = false;
    for frame in frames {
        let frame = match frame {
            Ok(frame) => frame,
            Err(divergence) => {
                writeln!(out, "(The recorded playthrough stops fitting the story here.)")?;
                return Err(divergence.into());
            }
        };
        write!(out, "{}", frame_text(story, &frame))?;
        if running || frame.chosen.is_none() {
            continue;
        }
        write!(out, "[Enter: next step, c: play to the end, q: stop] ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            running = true;
        }
        match line.trim() {
            "q" | "quit" => return Ok(()),
            "c" => running = true,
            _ => {}
        }
        writeln!(out)?;
    }
    writeln!(out, "(End of the recorded playthrough.)")?;
    Ok(())
}
