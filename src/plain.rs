//! The plain player: scenes as plain lines, choices as numbers, one command per line.
//!
//! It reads from any `BufRead` and writes to any `Write`, so a whole playthrough can be
//! piped in and tested. No colour codes and no cursor movement: this is also the way in
//! for screen readers, and it keeps every view the game has as a typed command.

mod input;
mod saves;
mod text;
pub mod transcript;
mod travel;

pub use input::MAX_LINE;
pub use text::{recollections_text, relationships_text};

use std::io::{BufRead, Write};

use crate::engine::{self, Event};
use crate::error::Error;
use crate::replay::Migrations;
use crate::save::SaveDir;
use crate::session::Session;
use crate::story::Scene;
use crate::term_safe::SafeWriter;
use crate::watch::{self, ReloadNote, ReloadSource};
use crate::words::events::describe_events;
use input::{Line, next_line};

pub use transcript::{step_through, transcript};

/// How a plain session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// An ending was reached.
    Ending(String),
    /// The input ran out, or the player quit.
    Stopped,
}

/// The commands, for `help`; `narrator` tells the story.
fn help(narrator: &crate::story::Narrator) -> String {
    use crate::words::narrator::{possessive, subject, verb};
    let (name, she, her) = (&narrator.name, subject(narrator), possessive(narrator));
    let stands = verb(narrator, "stands", "stand");
    format!(
        "\
Type the number of a choice and press Enter. Other commands:
  recollections (r)   the memories {name} holds, and {her} keepsakes
  relationships (p)   how {she} {stands} with the people in {her} story
  look (l)            read the current scene again
  inspect (i)         for authors: why each choice is offered or hidden, and what
                      this scene reads and writes
  history (b)         every passage read so far, in order
  undo (u)            take back the last choice (the old path stays on the timeline)
  timeline (t)        every path taken, branch by branch; 'goto N' returns to point N
  save [N]            save to slot N (1-9); without N, the quicksave
  load [N]            load slot N, 'auto' or 'quick'; without N, list the saves
  saves               list the saves
  help (?)            this list
  quit (q)            stop playing (the game is autosaved)"
    )
}

const AFTER_THE_END: &str = "The story has ended. 'undo' takes back the last choice, 'timeline' \
shows every path taken, 'history' rereads it all; 'quit' stops.";

// Four independent facts about the session (moved, autosave failed, autosave owned,
// stop at the ending), not a state machine that an enum would name better.
#[allow(clippy::struct_excessive_bools)]
pub struct Player<W: Write> {
    session: Session,
    /// Everything the player writes passes through [`term_safe`](crate::term_safe).
    out: SafeWriter<W>,
    /// Where story reloads come from (`--watch`), checked before each command.
    reloads: Option<Box<dyn ReloadSource>>,
    /// Where saves go; `None` when saving is off.
    saves: Option<SaveDir>,
    /// Applied to saves of an older version of the story when they are loaded.
    migrations: Migrations,
    /// Notes to show once the title has been printed (e.g. about a loaded save).
    notes: Vec<String>,
    /// Whether the player has moved (chosen, undone, jumped) since the last autosave.
    moved: bool,
    /// Whether the last autosave failed (every failure is told; a recovery too).
    autosave_failed: bool,
    /// The autosave file holds this game; until it does, another game's autosave
    /// there is moved along before the first write, never written over.
    owns_autosave: bool,
    /// The step at which the player was last told the story has ended.
    reminded_of_end: Option<usize>,
    /// Stop at an ending instead of offering undo and the rest (input from a pipe).
    stop_at_ending: bool,
}

impl<W: Write> Player<W> {
    pub fn new(session: Session, out: W) -> Self {
        Self {
            session,
            out: SafeWriter::new(out),
            reloads: None,
            saves: None,
            migrations: Migrations::default(),
            notes: Vec::new(),
            moved: false,
            autosave_failed: false,
            owns_autosave: false,
            reminded_of_end: None,
            stop_at_ending: false,
        }
    }

    /// Ends the game when it reaches an ending, as when input is not a terminal: a
    /// script or `yes 1 |` has no one to offer undo to, and must not go on for ever.
    #[must_use]
    pub fn stopping_at_ending(mut self, stop: bool) -> Self {
        self.stop_at_ending = stop;
        self
    }

    /// The game was continued from the autosave file, so its autosaves go there.
    #[must_use]
    pub fn continuing_autosave(mut self) -> Self {
        self.owns_autosave = true;
        self
    }

    /// Checks `source` for an edited story before each command (`--watch`).
    #[must_use]
    pub fn watching(mut self, source: Box<dyn ReloadSource>) -> Self {
        self.reloads = Some(source);
        self
    }

    /// Saves into `saves` (autosave after every choice and on quitting), and loads from
    /// it with `migrations` applied.
    #[must_use]
    pub fn with_saves(mut self, saves: Option<SaveDir>, migrations: Migrations) -> Self {
        self.saves = saves;
        self.migrations = migrations;
        self
    }

    /// A note shown after the title, before the scene.
    pub fn note(&mut self, text: impl Into<String>) {
        self.notes.push(text.into());
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Plays until an ending, `quit`, or the end of `input`.
    pub fn run(&mut self, mut input: impl BufRead) -> Result<Exit, Error> {
        let story = self.session.story();
        let subtitle = story
            .subtitle
            .as_deref()
            .map(|s| format!(": {s}"))
            .unwrap_or_default();
        writeln!(self.out, "{}{subtitle}", story.title)?;
        writeln!(self.out, "Type the number of a choice, or 'help'.\n")?;
        for note in std::mem::take(&mut self.notes) {
            writeln!(self.out, "{note}\n")?;
        }
        self.show_scene()?;
        let opening = self.session.last_events().to_vec();
        self.show_events(&opening)?;
        self.check_ending()?;
        if self.stopped_at_ending()? {
            return Ok(self.exit());
        }
        self.prompt()?;
        while let Some(line) = next_line(&mut input)? {
            let line = match line {
                Line::Text(line) => line,
                Line::NotText => {
                    writeln!(
                        self.out,
                        "That line is not text (not UTF-8); type a number or 'help'."
                    )?;
                    self.prompt()?;
                    continue;
                }
                Line::TooLong => {
                    writeln!(self.out, "That line is too long; type a number or 'help'.")?;
                    self.prompt()?;
                    continue;
                }
            };
            if self.reload()? && line.trim().parse::<usize>().is_ok() {
                writeln!(
                    self.out,
                    "(The story changed under you, so that choice was not taken: choose again.)"
                )?;
                self.prompt()?;
                continue;
            }
            if let Some(exit) = self.command(line.trim())? {
                self.autosave()?;
                return Ok(exit);
            }
            if self.stopped_at_ending()? {
                return Ok(self.exit());
            }
            self.prompt()?;
        }
        writeln!(self.out, "\n(End of input.)")?;
        self.autosave()?;
        Ok(self.exit())
    }

    /// At an ending, when told to stop there: saves, says so, and returns true.
    fn stopped_at_ending(&mut self) -> Result<bool, Error> {
        if !self.stop_at_ending || self.session.ending().is_none() {
            return Ok(false);
        }
        self.autosave()?;
        writeln!(
            self.out,
            "(The story has ended. Played at a terminal, it would offer undo, the timeline and the history here.)"
        )?;
        Ok(true)
    }

    /// How the session stands when the player stops.
    fn exit(&self) -> Exit {
        self.session
            .ending()
            .map_or(Exit::Stopped, |e| Exit::Ending(e.to_owned()))
    }

    fn command(&mut self, line: &str) -> Result<Option<Exit>, Error> {
        let lower = line.to_lowercase();
        let (word, arg) = lower
            .split_once(char::is_whitespace)
            .map_or((lower.as_str(), ""), |(w, a)| (w, a.trim()));
        match word {
            "" => {}
            "help" | "?" | "h" => writeln!(self.out, "{}", help(&self.session.story().narrator))?,
            "quit" | "q" | "exit" => {
                writeln!(self.out, "Goodbye.")?;
                return Ok(Some(self.exit()));
            }
            "look" | "l" => self.show_scene()?,
            "inspect" | "i" => self.show_inspection()?,
            "recollections" | "r" | "journal" => self.show_recollections()?,
            "relationships" | "p" | "people" => self.show_relationships()?,
            "history" | "b" | "backlog" => self.show_history(arg)?,
            "undo" | "u" | "back" => self.undo()?,
            "timeline" | "t" | "tree" => self.show_timeline()?,
            "goto" | "g" => self.goto(arg)?,
            "save" | "s" => self.save(arg)?,
            "load" => self.load(arg)?,
            "saves" => self.list_saves()?,
            other => self.pick(other)?,
        }
        Ok(None)
    }

    fn pick(&mut self, typed: &str) -> Result<(), Error> {
        if self.session.ending().is_some() {
            // Said once per ending reached: piped input may hold many more lines.
            let step = self.session.state().step();
            if self.reminded_of_end != Some(step) {
                writeln!(self.out, "{AFTER_THE_END}")?;
                self.reminded_of_end = Some(step);
            }
            return Ok(());
        }
        let count = self.session.offered().len();
        let Some(index) = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < count)
        else {
            writeln!(self.out, "Type a number from 1 to {count}, or 'help'.")?;
            return Ok(());
        };
        let events = self.session.choose_offered(index)?.to_vec();
        // What the choice did comes before the next scene; what entering it did
        // (something learned there, an ending) comes after its text, once it is read.
        let entered = events
            .iter()
            .position(|e| matches!(e, Event::SceneEntered { .. }))
            .unwrap_or(events.len());
        writeln!(self.out)?;
        self.show_events(&events[..entered])?;
        self.show_scene()?;
        self.show_events(&events[entered..])?;
        self.moved = true;
        self.autosave()?;
        self.check_ending()
    }

    /// After a move: the ending and what shaped it, if the story has reached one.
    fn check_ending(&mut self) -> Result<(), Error> {
        if let Some(ending) = self.session.ending().map(str::to_owned) {
            self.show_ending(&ending)?;
            if !self.stop_at_ending {
                writeln!(self.out, "{AFTER_THE_END}")?;
            }
            self.reminded_of_end = Some(self.session.state().step());
        }
        Ok(())
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
            None => writeln!(self.out, "{}", crate::words::inspector::NO_SCENE)?,
        }
        Ok(())
    }

    fn prompt(&mut self) -> Result<(), Error> {
        write!(self.out, "> ")?;
        self.out.flush()?;
        Ok(())
    }

    fn show_scene(&mut self) -> Result<(), Error> {
        let (story, state) = (self.session.story(), self.session.now());
        let scene: &Scene = engine::scene_of(story, state)?;
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
        for p in engine::passage(story, scene, state) {
            writeln!(self.out, "{}\n", p.text)?;
        }
        for (i, c) in engine::offered(story, scene, state).enumerate() {
            writeln!(self.out, "  {}. {}", i + 1, engine::label(story, c, state).text)?;
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
        writeln!(self.out, "{}\n", crate::words::the_end_heading(title))?;
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
