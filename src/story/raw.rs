//! The raw RON schema: serde structs that mirror what an author writes, field for field.
//!
//! Nothing here is checked beyond its shape. `validate` turns these into the immutable
//! [`Story`](super::Story) graph and reports every problem it finds. Every string an
//! author writes is a [`Spanned`], so a diagnostic can point at the exact literal.

use serde::Deserialize;

use super::source::Spanned;

mod visitors;

/// A list read without spare capacity: serde grows a list by doubling (RON gives no
/// length first), and a large story holds hundreds of thousands of short ones.
fn tight<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let list = Vec::<T>::deserialize(d)?;
    Ok(crate::story::exact(list).into_vec())
}

/// `story.ron`: the manifest of a story.
#[derive(Debug, Deserialize)]
#[serde(rename = "Story", deny_unknown_fields)]
pub struct RawManifest {
    pub id: Spanned,
    pub title: Spanned,
    #[serde(default)]
    pub subtitle: Option<Spanned>,
    #[serde(default)]
    pub author: Option<Spanned>,
    /// `narrator: Narrator(name: "Kathy", pronoun: She)`: who tells the story.
    #[serde(default)]
    pub narrator: Option<RawNarrator>,
    pub start: Spanned,
    pub eras: Vec<RawEra>,
    #[serde(default)]
    pub characters: Vec<RawCharacter>,
    #[serde(default)]
    pub tones: Vec<Spanned>,
    #[serde(default)]
    pub knowledge: Vec<RawKnowledge>,
    #[serde(default)]
    pub memories: Vec<RawMemory>,
    #[serde(default)]
    pub keepsakes: Vec<RawKeepsake>,
    #[serde(default)]
    pub endings: Vec<RawEnding>,
    /// `conditions: { "name": COND, … }`, usable as `Is("name")` and inline.
    #[serde(default)]
    pub conditions: RawConditions,
}

/// Who tells the story, as the game's own words name them.
#[derive(Debug, Deserialize)]
#[serde(rename = "Narrator", deny_unknown_fields)]
pub struct RawNarrator {
    pub name: Spanned,
    #[serde(default)]
    pub pronoun: Pronoun,
}

/// The pronoun the game's own words use for the narrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Pronoun {
    She,
    He,
    #[default]
    They,
}

/// Named conditions, in the order written.
#[derive(Debug, Default)]
pub struct RawConditions(pub Vec<(Spanned, RawCondition)>);

#[derive(Debug, Deserialize)]
#[serde(rename = "Era", deny_unknown_fields)]
pub struct RawEra {
    pub id: Spanned,
    pub title: Spanned,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Character", deny_unknown_fields)]
pub struct RawCharacter {
    pub id: Spanned,
    pub name: Spanned,
    #[serde(default)]
    pub axes: Vec<RawAxis>,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Axis", deny_unknown_fields)]
pub struct RawAxis {
    pub id: Spanned,
    pub min: i32,
    pub max: i32,
    #[serde(default)]
    pub initial: i32,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Knowledge", deny_unknown_fields)]
pub struct RawKnowledge {
    pub id: Spanned,
    pub summary: Spanned,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Memory", deny_unknown_fields)]
pub struct RawMemory {
    pub id: Spanned,
    pub title: Spanned,
    pub era: Spanned,
    pub summary: Spanned,
    #[serde(default)]
    pub reflections: Vec<RawReflection>,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Reflection", deny_unknown_fields)]
pub struct RawReflection {
    #[serde(default)]
    pub when: Option<RawCondition>,
    pub text: Spanned,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Keepsake", deny_unknown_fields)]
pub struct RawKeepsake {
    pub id: Spanned,
    pub name: Spanned,
    pub description: Spanned,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Ending", deny_unknown_fields)]
pub struct RawEnding {
    pub id: Spanned,
    pub title: Spanned,
    #[serde(default)]
    pub summary: Option<Spanned>,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

/// One scene; a scene file holds a list of them: `[ Scene(...), Scene(...) ]`.
#[derive(Debug, Deserialize)]
#[serde(rename = "Scene", deny_unknown_fields)]
pub struct RawScene {
    pub id: Spanned,
    pub era: Spanned,
    /// Told in the present, from the carer frame, rather than remembered.
    #[serde(default)]
    pub frame: bool,
    pub title: Spanned,
    #[serde(default)]
    pub place: Option<Spanned>,
    #[serde(deserialize_with = "tight")]
    pub text: Vec<RawParagraph>,
    /// Applied each time the scene is entered.
    #[serde(default, deserialize_with = "tight")]
    pub effects: Vec<RawEffect>,
    #[serde(default, deserialize_with = "tight")]
    pub choices: Vec<RawChoice>,
    #[serde(default)]
    pub ending: Option<Spanned>,
    /// In a pack: replace the definition with this id from an earlier layer.
    #[serde(default, rename = "override")]
    pub overrides: bool,
}

/// A paragraph: a plain string, `If(condition, "text")`, `ElseIf(condition, "text")`
/// or `Else("text")`.
#[derive(Debug)]
pub struct RawParagraph {
    pub link: Link,
    /// Where its head (`If`, `ElseIf`, `Else`) is written, when known.
    pub head: Option<std::ops::Range<usize>>,
    /// Boxed: most paragraphs have none, and a condition is large.
    pub when: Option<Box<RawCondition>>,
    pub text: Spanned,
}

/// How a paragraph joins the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Plain,
    If,
    ElseIf,
    Else,
}

/// Where a choice leads: a scene's id, or `Back` to the scene the player came from.
#[derive(Debug)]
pub struct RawTo {
    pub scene: Spanned,
    /// `to: Back`; `scene` then holds "Back" and the word's span.
    pub back: bool,
}

impl std::ops::Deref for RawTo {
    type Target = Spanned;
    fn deref(&self) -> &Spanned {
        &self.scene
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Choice", deny_unknown_fields)]
pub struct RawChoice {
    pub id: Spanned,
    pub label: Spanned,
    /// Boxed: most choices have none, and a condition is large.
    #[serde(default)]
    pub when: Option<Box<RawCondition>>,
    #[serde(default, deserialize_with = "tight")]
    pub effects: Vec<RawEffect>,
    pub to: RawTo,
    #[serde(default)]
    pub once: bool,
}

/// `pack.ron`: the manifest of a pack, a layer on an earlier story. It declares only
/// what it adds (or, with `override: true`, replaces), and may add choices to scenes
/// of the layers below it.
#[derive(Debug, Deserialize)]
#[serde(rename = "Pack", deny_unknown_fields)]
pub struct RawPack {
    pub id: Spanned,
    #[serde(default)]
    pub title: Option<Spanned>,
    #[serde(default)]
    pub characters: Vec<RawCharacter>,
    #[serde(default)]
    pub tones: Vec<Spanned>,
    #[serde(default)]
    pub knowledge: Vec<RawKnowledge>,
    #[serde(default)]
    pub memories: Vec<RawMemory>,
    #[serde(default)]
    pub keepsakes: Vec<RawKeepsake>,
    #[serde(default)]
    pub endings: Vec<RawEnding>,
    #[serde(default)]
    pub extend: Vec<RawExtend>,
    #[serde(default)]
    pub conditions: RawConditions,
}

/// `Extend(scene: "id", choices: [...])` in a pack: more choices for an existing scene.
#[derive(Debug, Deserialize)]
#[serde(rename = "Extend", deny_unknown_fields)]
pub struct RawExtend {
    pub scene: Spanned,
    pub choices: Vec<RawChoice>,
}

/// A comparison used by `Rel` and `Visits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Ge,
    Gt,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Condition")]
pub enum RawCondition {
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
    Flag(Spanned),
    Knows(Spanned),
    Has(Spanned),
    Remembers(Spanned),
    RemembersAs(Spanned, Spanned),
    Visited(Spanned),
    Visits(Spanned, Cmp, u32),
    Rel(Spanned, Spanned, Cmp, i32),
    Era(Spanned),
    Chance(u32),
    Roll(Spanned, u32),
    /// A named condition from `conditions: { … }`.
    Is(Spanned),
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Effect")]
pub enum RawEffect {
    Set(Spanned),
    Clear(Spanned),
    Learn(Spanned),
    Remember(Spanned, Spanned),
    Adjust(Spanned, Spanned, i32),
    Gain(Spanned),
    Lose(Spanned),
}
