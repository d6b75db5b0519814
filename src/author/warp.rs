//! Warp: `play --scene ID --set NAME=VALUE`, to test one scene without playing up to it.
//!
//! The game starts at the scene as usual (its entry effects apply and its chance rolls
//! are drawn), then each `--set` is applied on top, so what you set is what the scene's
//! conditions see. The forms are:
//!
//! | NAME=VALUE | sets |
//! | --- | --- |
//! | `flag.NAME=true` (or `false`) | a flag (flags need no declaration) |
//! | `knows.ID=true` | a piece of knowledge |
//! | `has.ID=true` | a keepsake |
//! | `memory.ID=TONE` (or `none`) | a memory, held in that tone |
//! | `visits.SCENE=N` | how many times a scene has been entered |
//! | `CHARACTER.AXIS=N` | a relationship axis, within its range |

use crate::author::common::closest;
use crate::engine::{self, GameState, HeldMemory};
use crate::story::Story;

/// One `--set`, checked against the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Flag(String, bool),
    Knows(String, bool),
    Has(String, bool),
    Memory(String, Option<String>),
    Visits(String, u32),
    Rel(String, String, i32),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarpError {
    #[error("--set '{0}' needs the form NAME=VALUE, e.g. flag.asked=true or ruth.trust=3")]
    Malformed(String),
    #[error("--set: unknown name '{name}'; {help}")]
    UnknownName { name: String, help: String },
    #[error("--set {name}: '{value}' is not {expected}")]
    BadValue {
        name: String,
        value: String,
        expected: String,
    },
    #[error("--scene: the story has no scene '{scene}'{help}")]
    UnknownScene { scene: String, help: String },
}

impl From<WarpError> for crate::error::Error {
    fn from(e: WarpError) -> Self {
        Self::Tool(Box::new(e))
    }
}

const FORMS: &str = "the names are flag.NAME, knows.ID, has.ID, memory.ID, visits.SCENE and CHARACTER.AXIS";

/// Parses `NAME=VALUE` against the story's ids.
pub fn parse_setting(story: &Story, text: &str) -> Result<Setting, WarpError> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| WarpError::Malformed(text.to_owned()))?;
    let (name, value) = (name.trim(), value.trim());
    let (head, id) = name
        .split_once('.')
        .ok_or_else(|| WarpError::Malformed(text.to_owned()))?;
    let boolean = || match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(bad_value(name, value, "true or false")),
    };
    match head {
        "flag" => Ok(Setting::Flag(id.to_owned(), boolean()?)),
        "knows" => {
            known(name, id, story.knowledge.iter().map(|k| k.id.as_str()))?;
            Ok(Setting::Knows(id.to_owned(), boolean()?))
        }
        "has" => {
            known(name, id, story.keepsakes.iter().map(|k| k.id.as_str()))?;
            Ok(Setting::Has(id.to_owned(), boolean()?))
        }
        "memory" => {
            known(name, id, story.memories.iter().map(|m| m.id.as_str()))?;
            if value == "none" {
                return Ok(Setting::Memory(id.to_owned(), None));
            }
            if !story.tones.iter().any(|t| t == value) {
                let expected = format!("a tone ({}) or none", story.tones.join(", "));
                return Err(bad_value(name, value, &expected));
            }
            Ok(Setting::Memory(id.to_owned(), Some(value.to_owned())))
        }
        "visits" => {
            known(name, id, story.scenes.iter().map(|s| s.id.as_str()))?;
            let n = value
                .parse()
                .map_err(|_| bad_value(name, value, "a whole number from 0"))?;
            Ok(Setting::Visits(id.to_owned(), n))
        }
        character => parse_axis(story, name, (character, id), value),
    }
}

/// `CHARACTER.AXIS=VALUE` (written `name`): a known character's axis, set to a value
/// in its range.
fn parse_axis(
    story: &Story,
    name: &str,
    (character, id): (&str, &str),
    value: &str,
) -> Result<Setting, WarpError> {
    let Some(c) = story.character(character) else {
        let ids = story.characters.iter().map(|c| c.id.as_str());
        let help = match closest(character, ids) {
            Some(s) => format!("did you mean '{s}.{id}'?"),
            None => FORMS.to_owned(),
        };
        return Err(WarpError::UnknownName {
            name: name.to_owned(),
            help,
        });
    };
    if !c.axes.iter().any(|a| a.id == id) {
        let ids = c.axes.iter().map(|a| a.id.as_str());
        let axes = ids.clone().collect::<Vec<_>>().join(", ");
        let help = match closest(id, ids) {
            Some(s) => {
                format!("did you mean '{character}.{s}'? The axes of '{character}' are: {axes}")
            }
            None if axes.is_empty() => format!("'{character}' has no axes"),
            None => format!("the axes of '{character}' are: {axes}"),
        };
        return Err(WarpError::UnknownName {
            name: name.to_owned(),
            help,
        });
    }
    let axis = story
        .axis(character, id)
        .ok_or_else(|| bad_value(name, value, "an axis"))?;
    let expected = format!("a whole number from {} to {}", axis.min, axis.max);
    let n: i32 = value.parse().map_err(|_| bad_value(name, value, &expected))?;
    if n < axis.min || n > axis.max {
        return Err(bad_value(name, value, &expected));
    }
    Ok(Setting::Rel(character.to_owned(), id.to_owned(), n))
}

/// `name` was given `value`, which is not the `expected` kind.
fn bad_value(name: &str, value: &str, expected: &str) -> WarpError {
    WarpError::BadValue {
        name: name.to_owned(),
        value: value.to_owned(),
        expected: expected.to_owned(),
    }
}

fn known<'a>(name: &str, id: &str, ids: impl Iterator<Item = &'a str> + Clone) -> Result<(), WarpError> {
    if ids.clone().any(|i| i == id) {
        return Ok(());
    }
    let help = match closest(id, ids) {
        Some(s) => format!("did you mean '{}'?", name.replacen(id, s, 1)),
        None => "no such id in this story".to_owned(),
    };
    Err(WarpError::UnknownName {
        name: name.to_owned(),
        help,
    })
}

/// Applies a setting to a state.
pub fn apply(setting: &Setting, state: &mut GameState) {
    let toggle = |set: &mut std::collections::BTreeSet<String>, id: &str, on: bool| {
        if on {
            set.insert(id.to_owned());
        } else {
            set.remove(id);
        }
    };
    match setting {
        Setting::Flag(id, on) => toggle(&mut state.flags, id, *on),
        Setting::Knows(id, on) => toggle(&mut state.knowledge, id, *on),
        Setting::Has(id, on) => toggle(&mut state.keepsakes, id, *on),
        Setting::Memory(id, None) => _ = state.memories.remove(id),
        Setting::Memory(id, Some(tone)) => {
            let step = state.step();
            state.memories.insert(
                id.clone(),
                HeldMemory {
                    tone: tone.clone(),
                    recorded_at: step,
                    revised_at: None,
                },
            );
        }
        Setting::Visits(id, n) => _ = state.visits.insert(id.clone(), *n),
        Setting::Rel(c, a, n) => {
            state
                .relationships
                .entry(c.clone())
                .or_default()
                .insert(a.clone(), *n);
        }
    }
}

/// A state at `scene` (or the start) with every `--set` applied; all are checked first.
pub fn start(story: &Story, seed: u64, scene: Option<&str>, sets: &[String]) -> Result<GameState, WarpError> {
    let settings = sets
        .iter()
        .map(|s| parse_setting(story, s))
        .collect::<Result<Vec<_>, _>>()?;
    let scene = scene.unwrap_or(&story.start);
    let mut state = engine::start_at(story, seed, scene)
        .map_err(|_| {
            let help = closest(scene, story.scenes.iter().map(|s| s.id.as_str()))
                .map(|s| format!("; did you mean '{s}'?"))
                .unwrap_or_default();
            WarpError::UnknownScene {
                scene: scene.to_owned(),
                help,
            }
        })?
        .state;
    for s in &settings {
        apply(s, &mut state);
    }
    Ok(state)
}
