//! The author's inspector: for the current scene, every choice with its condition
//! evaluated part by part against the current state (so an author sees why a choice
//! is offered or hidden), the conditional paragraphs and whether they show, and what
//! the scene reads and writes.
//!
//! [`inspect`] returns plain data that any view can draw; [`Inspection`]'s `Display`
//! is the plain player's text form, and [`Trace::rows`] flattens a condition tree into
//! indented rows for a full-screen view.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use crate::engine::{self, GameState, holds};
use crate::story::text::{IfForm, Piece, Text};
use crate::story::{Condition, Effect, Scene, Story};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub scene: String,
    pub title: String,
    /// The file the scene was written in.
    pub file: String,
    pub era: String,
    pub choices: Vec<ChoiceReport>,
    /// Only the paragraphs that have a condition, then each inline `{name ? …}` of
    /// the scene's paragraphs and labels.
    pub paragraphs: Vec<ParagraphReport>,
    /// What the scene's conditions (text and choices) read.
    pub reads: Uses,
    /// What its effects (on entering, and of its choices) write.
    pub writes: Uses,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceReport {
    pub id: String,
    pub label: String,
    pub to: String,
    /// Offered now: its condition holds and, if `once`, it has not been taken.
    pub offered: bool,
    /// A `once` choice already taken, so hidden whatever its condition.
    pub once_taken: bool,
    pub condition: Option<Trace>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphReport {
    /// The opening words of the paragraph.
    pub excerpt: String,
    pub shown: bool,
    pub condition: Trace,
}

/// A condition evaluated against the state, with its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// As the author wrote it (`All`, `Any` and `Not` name only themselves; their
    /// parts follow).
    pub text: String,
    pub holds: bool,
    /// What the state holds that decided it, e.g. "ruth.trust is 2".
    pub detail: Option<String>,
    pub parts: Vec<Trace>,
}

/// Ids grouped by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uses {
    pub flags: BTreeSet<String>,
    pub knowledge: BTreeSet<String>,
    pub keepsakes: BTreeSet<String>,
    pub memories: BTreeSet<String>,
    /// `character.axis`
    pub relationships: BTreeSet<String>,
    /// Scenes whose visits are read.
    pub visits: BTreeSet<String>,
    pub eras: BTreeSet<String>,
}

/// Inspects the state's current scene; `None` if the state is not in a scene of the story.
pub fn inspect(story: &Story, state: &GameState) -> Option<Inspection> {
    let scene = story.scene(&state.scene)?;
    let now = engine::record::read(story, state)?;
    let offered: Vec<&str> = engine::offered(story, scene, &now)
        .map(|c| c.id.as_str())
        .collect();
    let mut reads = Uses::default();
    let mut writes = Uses::default();
    let choices = scene
        .choices
        .iter()
        .map(|c| {
            if let Some(w) = &c.when {
                reads.read(w);
            }
            c.effects.iter().for_each(|e| writes.write(e));
            let once_taken = c.once && state.has_chosen(&scene.id, &c.id);
            let condition = c.when.as_ref().map(|w| trace(story, w, state));
            ChoiceReport {
                id: c.id.clone(),
                label: c.label().to_owned(),
                to: c.to.clone(),
                // The engine's own rule, so the inspector can never disagree with play.
                offered: offered.contains(&c.id.as_str()),
                once_taken,
                condition,
            }
        })
        .collect();
    scene.effects.iter().for_each(|e| writes.write(e));
    let paragraphs = paragraph_reports(story, scene, state, &mut reads);
    Some(Inspection {
        scene: scene.id.clone(),
        title: scene.title.clone(),
        file: scene.file.to_string(),
        era: era_of(story, scene),
        choices,
        paragraphs,
        reads,
        writes,
    })
}

/// Each conditional paragraph of the scene, then each `{name ? …}` form in its text
/// and its choices' labels, with what they read noted in `reads`.
fn paragraph_reports(
    story: &Story,
    scene: &Scene,
    state: &GameState,
    reads: &mut Uses,
) -> Vec<ParagraphReport> {
    let mut paragraphs: Vec<ParagraphReport> = scene
        .text
        .iter()
        .filter_map(|p| {
            let w = p.when.as_ref()?;
            reads.read(w);
            let condition = trace(story, w, state);
            Some(ParagraphReport {
                excerpt: excerpt(&p.text()),
                shown: condition.holds,
                condition,
            })
        })
        .collect();
    let texts = scene.text.iter().map(|p| (&p.parts, p.text()));
    let labels = scene
        .choices
        .iter()
        .map(|c| (&c.label_parts, Cow::Borrowed(c.label())));
    for (parts, source) in texts.chain(labels) {
        let mut inline = Vec::new();
        inline_conditions(parts, &mut inline);
        for (name, negate, when) in inline {
            reads.read(when);
            let condition = trace(story, when, state);
            let bang = if negate { "!" } else { "" };
            paragraphs.push(ParagraphReport {
                excerpt: format!("{{{bang}{name} ? …}} in “{}”", excerpt(&source)),
                shown: condition.holds != negate,
                condition,
            });
        }
    }
    paragraphs
}

/// The `{name ? …}` forms of a text, nested ones included.
fn inline_conditions<'t>(text: &'t Text, out: &mut Vec<(&'t str, bool, &'t Condition)>) {
    for piece in text.pieces() {
        match piece {
            Piece::If(form) => {
                let IfForm {
                    name,
                    negate,
                    when,
                    then,
                    otherwise,
                    ..
                } = &**form;
                out.push((name, *negate, when));
                inline_conditions(then, out);
                inline_conditions(otherwise, out);
            }
            Piece::Vary(form) => form.alts.iter().for_each(|a| inline_conditions(a, out)),
            Piece::Lit(_) | Piece::Star => {}
        }
    }
}

fn era_of(story: &Story, scene: &Scene) -> String {
    story
        .era(&scene.era)
        .map_or_else(|| scene.era.clone(), |e| e.title.clone())
}

fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{}…", words[..8].join(" "))
    }
}

/// Evaluates `c` against `state`, part by part.
pub fn trace(story: &Story, c: &Condition, state: &GameState) -> Trace {
    let holds = holds(story, c, state);
    let (text, parts) = match c {
        Condition::All(list) => (
            "All".to_owned(),
            list.iter().map(|c| trace(story, c, state)).collect(),
        ),
        Condition::Any(list) => (
            "Any".to_owned(),
            list.iter().map(|c| trace(story, c, state)).collect(),
        ),
        Condition::Not(inner) => ("Not".to_owned(), vec![trace(story, inner, state)]),
        leaf => (leaf.to_string(), Vec::new()),
    };
    Trace {
        text,
        holds,
        detail: detail(c, state),
        parts,
    }
}

fn detail(c: &Condition, state: &GameState) -> Option<String> {
    let yes_no = |b: bool, yes: &str, no: &str| Some(if b { yes } else { no }.to_owned());
    match c {
        Condition::All(_) | Condition::Any(_) | Condition::Not(_) => None,
        Condition::Flag(f) => yes_no(state.flags.contains(f), "set", "not set"),
        Condition::Knows(k) => yes_no(state.knowledge.contains(k), "known", "not known"),
        Condition::Has(k) => yes_no(state.keepsakes.contains(k), "kept", "not kept"),
        Condition::Remembers(m) | Condition::RemembersAs(m, _) => Some(
            state
                .memories
                .get(m)
                .map_or_else(|| "not held".to_owned(), |h| format!("held as {}", h.tone)),
        ),
        Condition::Visits(s, _, _) => Some(match state.visits(s) {
            1 => "visited once".to_owned(),
            n => format!("visited {n} times"),
        }),
        Condition::Rel(ch, a, _, _) => Some(match state.relationship(ch, a) {
            Some(v) => format!("{ch}.{a} is {v}"),
            None => format!("{ch}.{a} is not set"),
        }),
        Condition::Era(_) => Some(format!("the era is {}", state.era)),
        Condition::Chance { slot, .. } => Some(match state.rolls.get(*slot) {
            Some(roll) => format!("rolled {roll} of 0..99"),
            None => "no roll drawn".to_owned(),
        }),
    }
}

impl Trace {
    /// The tree as rows of (depth, trace), parents before their parts.
    pub fn rows(&self) -> Vec<(usize, &Trace)> {
        let mut out = Vec::new();
        self.collect_rows(0, &mut out);
        out
    }

    fn collect_rows<'t>(&'t self, depth: usize, out: &mut Vec<(usize, &'t Trace)>) {
        out.push((depth, self));
        for p in &self.parts {
            p.collect_rows(depth + 1, out);
        }
    }
}

impl Uses {
    fn read(&mut self, c: &Condition) {
        match c {
            Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| self.read(c)),
            Condition::Not(inner) => self.read(inner),
            Condition::Flag(x) => _ = self.flags.insert(x.clone()),
            Condition::Knows(x) => _ = self.knowledge.insert(x.clone()),
            Condition::Has(x) => _ = self.keepsakes.insert(x.clone()),
            Condition::Remembers(m) | Condition::RemembersAs(m, _) => _ = self.memories.insert(m.clone()),
            Condition::Visits(s, _, _) => _ = self.visits.insert(s.clone()),
            Condition::Rel(c, a, _, _) => _ = self.relationships.insert(format!("{c}.{a}")),
            Condition::Era(e) => _ = self.eras.insert(e.clone()),
            Condition::Chance { .. } => {}
        }
    }

    fn write(&mut self, e: &Effect) {
        match e {
            Effect::Set(x) | Effect::Clear(x) => _ = self.flags.insert(x.clone()),
            Effect::Learn(x) => _ = self.knowledge.insert(x.clone()),
            Effect::Gain(x) | Effect::Lose(x) => _ = self.keepsakes.insert(x.clone()),
            Effect::Remember(m, _) => _ = self.memories.insert(m.clone()),
            Effect::Adjust(c, a, _) => _ = self.relationships.insert(format!("{c}.{a}")),
        }
    }

    /// Kind and ids, for each kind that has any: ("flags", "asked, told").
    pub fn groups(&self) -> Vec<(&'static str, String)> {
        let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(", ");
        [
            ("flags", &self.flags),
            ("knowledge", &self.knowledge),
            ("keepsakes", &self.keepsakes),
            ("memories", &self.memories),
            ("relationships", &self.relationships),
            ("visits", &self.visits),
            ("eras", &self.eras),
        ]
        .into_iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(k, s)| (k, join(s)))
        .collect()
    }
}

fn mark(holds: bool) -> &'static str {
    if holds { "yes" } else { "no " }
}

fn write_trace(f: &mut fmt::Formatter<'_>, trace: &Trace, indent: usize) -> fmt::Result {
    for (depth, t) in trace.rows() {
        let detail = t.detail.as_ref().map(|d| format!("  ({d})")).unwrap_or_default();
        writeln!(
            f,
            "{:indent$}{} {:depth$}{}{detail}",
            "",
            mark(t.holds),
            "",
            t.text,
            depth = depth * 2
        )?;
    }
    Ok(())
}

impl fmt::Display for Inspection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Inspector: scene '{}' \"{}\" ({}; {})",
            self.scene, self.title, self.era, self.file
        )?;
        writeln!(f, "Choices")?;
        for c in &self.choices {
            let status = crate::words::inspector::choice_verdict(
                c.offered,
                c.once_taken,
                c.condition.as_ref().is_none_or(|t| t.holds),
            );
            writeln!(f, "  {} \"{}\" -> {}  [{status}]", c.id, c.label, c.to)?;
            match &c.condition {
                Some(t) => write_trace(f, t, 4)?,
                None => writeln!(f, "    (no condition)")?,
            }
        }
        if !self.paragraphs.is_empty() {
            writeln!(f, "Conditional paragraphs")?;
            for p in &self.paragraphs {
                let status = crate::words::inspector::shown(p.shown);
                writeln!(f, "  \"{}\"  [{status}]", p.excerpt)?;
                write_trace(f, &p.condition, 4)?;
            }
        }
        for (heading, uses) in [("Reads", &self.reads), ("Writes", &self.writes)] {
            let groups = uses.groups();
            if groups.is_empty() {
                writeln!(f, "{heading}: nothing")?;
            } else {
                writeln!(f, "{heading}:")?;
                for (kind, ids) in groups {
                    writeln!(f, "  {kind}: {ids}")?;
                }
            }
        }
        Ok(())
    }
}
