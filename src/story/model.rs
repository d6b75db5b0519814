//! The validated, immutable story graph that the engine runs on.
//!
//! Everything here has been checked by `validate`: every id a condition or effect names
//! exists, every choice leads to a scene, every scene has choices or an ending. The
//! engine may therefore index these maps without fear of a missing key turning into a
//! panic; it still returns errors rather than assuming.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::compiled::{Names, Plan};

pub use super::raw::{Cmp, Pronoun};
pub use super::text::{Pos, Text};

mod written;

#[derive(Debug, Clone)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    /// Who tells the story (the manifest's `narrator`), for the game's own words.
    pub narrator: Narrator,
    pub start: String,
    pub eras: Vec<Era>,
    pub characters: Vec<Character>,
    pub tones: Vec<String>,
    pub knowledge: Vec<Knowledge>,
    pub memories: Vec<Memory>,
    pub keepsakes: Vec<Keepsake>,
    pub endings: Vec<Ending>,
    pub scenes: Vec<Scene>,
    /// The ids of the packs layered on the base story, in order.
    pub packs: Vec<String>,
    /// A stable hash of every source file of every layer, for saves to tell which story they belong to.
    pub content_hash: u64,
    /// Each scene's id and index, shared with the plan.
    pub(crate) scene_names: Arc<Names>,
    /// The story compiled for the engine (see [`compiled`](super::compiled)), shared by
    /// every copy of the story.
    pub(crate) plan: Arc<Plan>,
    /// The words of each scene's paragraphs, counted when first asked for
    /// ([`Story::paragraph_words`]).
    pub(crate) paragraph_words: OnceLock<Box<[Box<[u32]>]>>,
}

/// Who tells the story: a name and a pronoun. Without one in the manifest, "the
/// narrator", "they".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrator {
    pub name: String,
    pub pronoun: Pronoun,
}

impl Default for Narrator {
    fn default() -> Self {
        Self {
            name: "the narrator".to_owned(),
            pronoun: Pronoun::They,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Era {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Character {
    pub id: String,
    pub name: String,
    pub axes: Vec<Axis>,
}

#[derive(Debug, Clone)]
pub struct Axis {
    pub id: String,
    pub min: i32,
    pub max: i32,
    pub initial: i32,
}

#[derive(Debug, Clone)]
pub struct Knowledge {
    pub id: String,
    pub summary: String,
}

#[derive(Debug, Clone)]
pub struct Memory {
    pub id: String,
    pub title: String,
    pub era: String,
    pub summary: String,
    pub reflections: Vec<Reflection>,
    /// The file the memory was declared in.
    pub file: String,
}

#[derive(Debug, Clone)]
pub struct Reflection {
    pub when: Option<Condition>,
    /// The string as written (line breaks folded), for tools that name it.
    pub text: String,
    /// The string parsed: what the engine renders.
    pub parts: Text,
    /// Where the string is written.
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Keepsake {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Ending {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Scene {
    pub id: String,
    pub era: String,
    pub frame: bool,
    pub title: String,
    pub place: Option<String>,
    pub text: Vec<Paragraph>,
    pub effects: Vec<Effect>,
    pub choices: Vec<Choice>,
    pub ending: Option<String>,
    /// How many chance rolls this scene's conditions use; drawn on entering it.
    pub chance_slots: usize,
    /// The number of alternatives of each `{shuffle: …}` in the scene, by slot; one
    /// pick per slot is drawn on entering it, after the rolls.
    pub shuffles: Vec<usize>,
    /// Whether a choice of this scene goes `Back`: entering it records where from.
    pub returns: bool,
    /// The file the scene was defined in, for tools that point back at the source
    /// (shared by every scene of that file).
    pub file: Arc<str>,
    /// Where its id is written in that file.
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    /// When it shows; an `ElseIf` or `Else` holds the conditions before it, negated.
    /// Boxed, as most paragraphs have none.
    pub when: Option<Box<Condition>>,
    /// The string parsed: what the engine renders, and (written back, with
    /// [`Paragraph::text`]) what the tools quote. The string as written is not kept: a
    /// large story would hold its prose twice.
    pub parts: Text,
    /// Where the string is written.
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    /// The label as written (line breaks folded), kept only where it differs from the
    /// text of `label_parts`, as a paragraph's is; read it with [`Choice::label`].
    written_label: Option<Box<str>>,
    /// The label parsed; `engine::label` renders it.
    pub label_parts: Text,
    /// Boxed, as most choices have none.
    pub when: Option<Box<Condition>>,
    pub effects: Vec<Effect>,
    /// The next scene; "Back" when `back` is set.
    pub to: String,
    /// `to: Back`: the scene the player came from.
    pub back: bool,
    pub once: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Flag(String),
    Knows(String),
    Has(String),
    Remembers(String),
    RemembersAs(String, String),
    Visits(String, Cmp, u32),
    Rel(String, String, Cmp, i32),
    Era(String),
    /// Holds when this scene visit's roll in `slot` (0 to 99) is below `percent`.
    /// `name` is set for a named roll (`Roll("rain", 50)`), which shares its slot with
    /// every other mention of that name in the scene.
    Chance {
        percent: u32,
        slot: usize,
        name: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Set(String),
    Clear(String),
    Learn(String),
    Remember(String, String),
    Adjust(String, String, i32),
    Gain(String),
    Lose(String),
}

impl Story {
    /// The story as the engine runs it: ids interned, conditions and effects compiled.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Sets the story as compiled for the engine ([`Plan::compile`]); validation
    /// compiles it once it has built the story.
    pub(crate) fn set_plan(&mut self, plan: Plan) {
        self.plan = Arc::new(plan);
    }

    /// The words of each paragraph (every alternative of its inline forms counted), by
    /// scene and paragraph: counted the first time they are asked for, as the scenes
    /// were loaded. A walk reads them on every step; play never does.
    pub fn paragraph_words(&self) -> &[Box<[u32]>] {
        self.paragraph_words.get_or_init(|| {
            let count = |p: &Paragraph| u32::try_from(p.parts.word_count()).unwrap_or(u32::MAX);
            self.scenes
                .iter()
                .map(|scene| scene.text.iter().map(count).collect())
                .collect()
        })
    }

    pub fn scene(&self, id: &str) -> Option<&Scene> {
        let i = self.scene_names.get(id)?;
        self.scenes.get(i as usize)
    }

    /// Where a choice can lead: its scene, or for `to: Back` every scene that leads
    /// into this one by another choice.
    pub fn targets<'s>(&'s self, scene: &'s Scene, choice: &'s Choice) -> Vec<&'s str> {
        if !choice.back {
            return vec![choice.to.as_str()];
        }
        self.scenes
            .iter()
            .filter(|s| s.choices.iter().any(|c| !c.back && c.to == scene.id))
            .map(|s| s.id.as_str())
            .collect()
    }

    pub fn memory(&self, id: &str) -> Option<&Memory> {
        self.memories.iter().find(|m| m.id == id)
    }

    pub fn character(&self, id: &str) -> Option<&Character> {
        self.characters.iter().find(|c| c.id == id)
    }

    pub fn axis(&self, character: &str, axis: &str) -> Option<&Axis> {
        self.character(character)?.axes.iter().find(|a| a.id == axis)
    }

    pub fn keepsake(&self, id: &str) -> Option<&Keepsake> {
        self.keepsakes.iter().find(|k| k.id == id)
    }

    pub fn ending(&self, id: &str) -> Option<&Ending> {
        self.endings.iter().find(|e| e.id == id)
    }

    pub fn era(&self, id: &str) -> Option<&Era> {
        self.eras.iter().find(|e| e.id == id)
    }

    /// The position of an era in the story's order; eras only move forward.
    pub fn era_rank(&self, id: &str) -> Option<usize> {
        self.eras.iter().position(|e| e.id == id)
    }

    /// A memory's title, or its id when the story has no such memory (a save's events
    /// read against an edited story).
    pub fn memory_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.memory(id).map_or(id, |m| m.title.as_str())
    }

    /// A character's name, or the id when the story has no such character.
    pub fn character_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.character(id).map_or(id, |c| c.name.as_str())
    }

    /// A keepsake's name, or the id when the story has no such keepsake.
    pub fn keepsake_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.keepsake(id).map_or(id, |k| k.name.as_str())
    }

    pub fn knowledge_summary(&self, id: &str) -> Option<&str> {
        self.knowledge
            .iter()
            .find(|k| k.id == id)
            .map(|k| k.summary.as_str())
    }
}

impl Cmp {
    pub fn holds<T: PartialOrd + Copy>(self, left: T, right: T) -> bool {
        match self {
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Eq => left == right,
            Cmp::Ne => left != right,
            Cmp::Ge => left >= right,
            Cmp::Gt => left > right,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
        }
    }
}

/// Conditions print as an author writes them, e.g. `Rel("tommy", "closeness", Ge, 2)`.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |l: &[Condition]| l.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        match self {
            Condition::All(l) => write!(f, "All([{}])", list(l)),
            Condition::Any(l) => write!(f, "Any([{}])", list(l)),
            Condition::Not(c) => write!(f, "Not({c})"),
            Condition::Flag(x) => write!(f, "Flag({x:?})"),
            Condition::Knows(x) => write!(f, "Knows({x:?})"),
            Condition::Has(x) => write!(f, "Has({x:?})"),
            Condition::Remembers(x) => write!(f, "Remembers({x:?})"),
            Condition::RemembersAs(m, t) => write!(f, "RemembersAs({m:?}, {t:?})"),
            Condition::Visits(s, Cmp::Ge, 1) => write!(f, "Visited({s:?})"),
            Condition::Visits(s, cmp, n) => write!(f, "Visits({s:?}, {cmp:?}, {n})"),
            Condition::Rel(c, a, cmp, n) => write!(f, "Rel({c:?}, {a:?}, {cmp:?}, {n})"),
            Condition::Era(e) => write!(f, "Era({e:?})"),
            Condition::Chance {
                percent, name: None, ..
            } => write!(f, "Chance({percent})"),
            Condition::Chance {
                percent,
                name: Some(name),
                ..
            } => write!(f, "Roll({name:?}, {percent})"),
        }
    }
}

/// Words in a passage, counted the way a reader would: runs of letters and digits.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
