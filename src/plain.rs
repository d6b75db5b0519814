//! The plain player: scenes as plain lines, choices as numbers, one command per line.
//!
//! It reads from any `BufRead` and writes to any `Write`, so a whole playthrough can be
//! piped in and tested. No colour codes and no cursor movement: this is also the way in
//! for screen readers, and it keeps every view the game has as a typed command.

use std::io::{BufRead, Write};

use crate::engine::{self, Event, GameState};
use crate::error::Error;
use crate::session::Session;
use crate::story::{Scene, Story};
use crate::watch::{self, ReloadNote, ReloadSource};

/// How a plain session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// An ending was reached.
    Ending(String),
    /// The input ran out, or the player quit.
    Stopped,
}

const HELP: &str = "\
Type the number of a choice and press Enter. Other commands:
  recollections (r)   the memories Kathy holds, and her keepsakes
  relationships (p)   how she stands with the people in her story
  look (l)            read the current scene again
  inspect (i)         for authors: why each choice is offered or hidden, and what
                      this scene reads and writes
  help (?)            this list
  quit (q)            stop playing";

pub struct Player<W: Write> {
    session: Session,
    out: W,
    /// Where story reloads come from (`--watch`), checked before each command.
    reloads: Option<Box<dyn ReloadSource>>,
}

impl<W: Write> Player<W> {
    pub fn new(session: Session, out: W) -> Self {
        Self {
            session,
            out,
            reloads: None,
        }
    }

    /// Checks `source` for an edited story before each command (`--watch`).
    #[must_use]
    pub fn watching(mut self, source: Box<dyn ReloadSource>) -> Self {
        self.reloads = Some(source);
        self
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Plays until an ending, `quit`, or the end of `input`.
    pub fn run(&mut self, input: impl BufRead) -> Result<Exit, Error> {
        let story = self.session.story();
        let subtitle = story
            .subtitle
            .as_deref()
            .map(|s| format!(": {s}"))
            .unwrap_or_default();
        writeln!(self.out, "{}{subtitle}", story.title)?;
        writeln!(self.out, "Type the number of a choice, or 'help'.\n")?;
        self.show_scene()?;
        let opening = self.session.last_events().to_vec();
        self.show_events(&opening)?;
        if let Some(ending) = self.session.ending().map(str::to_owned) {
            self.show_ending(&ending)?;
            return Ok(Exit::Ending(ending));
        }
        self.prompt()?;
        for line in input.lines() {
            let line = line?;
            if self.reload()? && line.trim().parse::<usize>().is_ok() {
                writeln!(
                    self.out,
                    "(The story changed under you, so that choice was not taken: choose again.)"
                )?;
                self.prompt()?;
                continue;
            }
            if let Some(exit) = self.command(line.trim())? {
                return Ok(exit);
            }
            self.prompt()?;
        }
        writeln!(self.out, "\n(End of input.)")?;
        Ok(Exit::Stopped)
    }

    fn command(&mut self, line: &str) -> Result<Option<Exit>, Error> {
        match line.to_lowercase().as_str() {
            "" => {}
            "help" | "?" | "h" => writeln!(self.out, "{HELP}")?,
            "quit" | "q" | "exit" => {
                writeln!(self.out, "Goodbye.")?;
                return Ok(Some(Exit::Stopped));
            }
            "look" | "l" => self.show_scene()?,
            "inspect" | "i" => self.show_inspection()?,
            "recollections" | "r" | "journal" => self.show_recollections()?,
            "relationships" | "p" | "people" => self.show_relationships()?,
            other => return self.pick(other),
        }
        Ok(None)
    }

    fn pick(&mut self, typed: &str) -> Result<Option<Exit>, Error> {
        let count = self.session.offered().len();
        let Some(index) = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < count)
        else {
            writeln!(self.out, "Type a number from 1 to {count}, or 'help'.")?;
            return Ok(None);
        };
        let events = self.session.choose_offered(index)?.to_vec();
        writeln!(self.out)?;
        self.show_events(&events)?;
        self.show_scene()?;
        if let Some(ending) = self.session.ending().map(str::to_owned) {
            self.show_ending(&ending)?;
            return Ok(Some(Exit::Ending(ending)));
        }
        Ok(None)
    }

    /// Applies a pending story reload, if any, and says what happened.
    fn reload(&mut self) -> Result<bool, Error> {
        let Some(reload) = self.reloads.as_mut().and_then(|r| r.poll()) else {
            return Ok(false);
        };
        let note = watch::apply(&mut self.session, reload);
        writeln!(self.out, "\n{}", note.message())?;
        match &note {
            ReloadNote::Broken(report) => writeln!(self.out, "{}", report.render())?,
            ReloadNote::Reloaded { .. } => {
                writeln!(self.out)?;
                self.show_scene()?;
            }
            ReloadNote::SceneGone { .. } | ReloadNote::Unreadable(_) => {}
        }
        Ok(true)
    }

    fn show_inspection(&mut self) -> Result<(), Error> {
        match crate::inspect::inspect(self.session.story(), self.session.state()) {
            Some(inspection) => write!(self.out, "{inspection}")?,
            None => writeln!(self.out, "There is no scene to inspect.")?,
        }
        Ok(())
    }

    fn prompt(&mut self) -> Result<(), Error> {
        write!(self.out, "> ")?;
        self.out.flush()?;
        Ok(())
    }

    fn show_scene(&mut self) -> Result<(), Error> {
        let (story, state) = (self.session.story(), self.session.state());
        let scene: &Scene = engine::current_scene(story, state)?;
        writeln!(self.out, "== {} ==", scene.title)?;
        let when = if scene.frame {
            "Now".to_owned()
        } else {
            story
                .era(&scene.era)
                .map_or_else(|| scene.era.clone(), |e| e.title.clone())
        };
        match &scene.place {
            Some(place) => writeln!(self.out, "{when}, {place}\n")?,
            None => writeln!(self.out, "{when}\n")?,
        }
        for p in engine::passage(scene, state) {
            writeln!(self.out, "{}\n", p.text)?;
        }
        for (i, c) in engine::offered(scene, state).enumerate() {
            writeln!(self.out, "  {}. {}", i + 1, c.label)?;
        }
        Ok(())
    }

    fn show_events(&mut self, events: &[Event]) -> Result<(), Error> {
        let notes = describe_events(self.session.story(), events);
        for note in &notes {
            writeln!(self.out, "* {note}")?;
        }
        if !notes.is_empty() {
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn show_ending(&mut self, ending: &str) -> Result<(), Error> {
        let title = self
            .session
            .story()
            .ending(ending)
            .map_or(ending, |e| e.title.as_str());
        writeln!(self.out, "THE END: {title}\n")?;
        writeln!(self.out, "What shaped this ending:")?;
        self.show_recollections()?;
        self.show_relationships()?;
        Ok(())
    }

    fn show_recollections(&mut self) -> Result<(), Error> {
        let text = recollections_text(self.session.story(), self.session.state());
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    fn show_relationships(&mut self) -> Result<(), Error> {
        let text = relationships_text(self.session.story(), self.session.state());
        writeln!(self.out, "{text}")?;
        Ok(())
    }
}

/// One line per event worth telling a reader about.
pub fn describe_events(story: &Story, events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::MemoryRecorded {
                memory,
                tone,
                previous_tone,
            } => {
                let title = story.memory(memory).map_or(memory.as_str(), |m| m.title.as_str());
                Some(match previous_tone {
                    None => format!("Remembered: {title} ({tone})"),
                    Some(old) => format!("Remembered differently: {title} ({old}, now {tone})"),
                })
            }
            Event::RelationshipMoved {
                character,
                axis,
                from,
                to,
            } => {
                let name = story
                    .character(character)
                    .map_or(character.as_str(), |c| c.name.as_str());
                let dir = if to > from { "up" } else { "down" };
                Some(format!("{name}: {axis} {dir} ({from} to {to})"))
            }
            Event::Learned { knowledge } => Some(format!(
                "Learned: {}",
                story.knowledge_summary(knowledge).unwrap_or(knowledge)
            )),
            Event::KeepsakeGained { keepsake } => Some(format!(
                "Kept: {}",
                story
                    .keepsake(keepsake)
                    .map_or(keepsake.as_str(), |k| k.name.as_str())
            )),
            Event::KeepsakeLost { keepsake } => Some(format!(
                "Lost: {}",
                story
                    .keepsake(keepsake)
                    .map_or(keepsake.as_str(), |k| k.name.as_str())
            )),
            _ => None,
        })
        .collect()
}

/// The recollections as plain text: memories by era, each with tone and reflection.
pub fn recollections_text(story: &Story, state: &GameState) -> String {
    let mut out = String::from("Recollections\n");
    if state.memories.is_empty() {
        out.push_str("  Nothing yet.\n");
    }
    for era in &story.eras {
        let held: Vec<_> = story
            .memories
            .iter()
            .filter(|m| m.era == era.id && state.memories.contains_key(&m.id))
            .collect();
        if held.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}\n", era.title));
        for m in held {
            let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
            out.push_str(&format!("    {} ({tone}): {}\n", m.title, m.summary));
            if let Some(r) = engine::reflection(story, state, &m.id) {
                out.push_str(&format!("      {r}\n"));
            }
        }
    }
    if !state.keepsakes.is_empty() {
        out.push_str("  Keepsakes\n");
        for k in story.keepsakes.iter().filter(|k| state.keepsakes.contains(&k.id)) {
            out.push_str(&format!("    {}: {}\n", k.name, k.description));
        }
    }
    out
}

/// Each character's axes as plain text, with the last change that moved them.
pub fn relationships_text(story: &Story, state: &GameState) -> String {
    let mut out = String::from("Relationships\n");
    for c in &story.characters {
        let axes: Vec<String> = c
            .axes
            .iter()
            .map(|a| {
                format!(
                    "{} {} of {}..{}",
                    a.id,
                    state.relationship(&c.id, &a.id).unwrap_or(a.initial),
                    a.min,
                    a.max
                )
            })
            .collect();
        out.push_str(&format!("  {}: {}\n", c.name, axes.join(", ")));
        if let Some(m) = state.last_moves.get(&c.id) {
            let scene = story
                .scene(&m.scene)
                .map_or(m.scene.as_str(), |s| s.title.as_str());
            out.push_str(&format!(
                "    last moved: {} {} to {} in \"{scene}\"\n",
                m.axis, m.from, m.to
            ));
        }
    }
    out
}
