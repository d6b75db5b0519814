//! The rules of the game: a pure state machine over a validated story.
//!
//! [`start`] makes the first state; [`choose`] maps a state and a choice id to the next
//! state and the [`Event`]s that describe what changed. Nothing here touches a terminal
//! or a file: front ends render the events, tests assert on them, and replay simply
//! folds `choose` over a log. The same story, seed and choices give the same state on
//! every machine (see [`rng`]).

pub mod bits;
pub mod condition;
pub mod core;
pub mod effect;
pub mod record;
pub mod rng;
pub mod state;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::story::compiled::SceneIx;
use crate::story::{Choice, Scene, Story};

pub use condition::{holds, holds_opt};
pub use core::{Events, Held, Move, State, is_offered};
pub use record::{Reading, fingerprint};
pub use rng::RngState;
pub use state::{GameState, HeldMemory, RelationshipMove, Step};
pub use text::Shown;

/// Something that happened in a transition, for front ends to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    SceneEntered {
        scene: String,
    },
    EraBegan {
        era: String,
    },
    MemoryRecorded {
        memory: String,
        tone: String,
        previous_tone: Option<String>,
    },
    RelationshipMoved {
        character: String,
        axis: String,
        from: i32,
        to: i32,
    },
    Learned {
        knowledge: String,
    },
    FlagSet {
        flag: String,
    },
    FlagCleared {
        flag: String,
    },
    KeepsakeGained {
        keepsake: String,
    },
    KeepsakeLost {
        keepsake: String,
    },
    EndingReached {
        ending: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the story has no scene '{0}'")]
    UnknownScene(String),
    #[error("scene '{scene}' offers no choice '{choice}' now")]
    ChoiceNotOffered { scene: String, choice: String },
    #[error("the story has ended; there is nothing more to choose")]
    Ended,
    #[error("there is no scene to go back to from '{0}'")]
    NothingToGoBackTo(String),
    #[error("scene '{to}' is in era '{to_era}', before the current era '{from_era}'; eras only move forward")]
    EraBackwards {
        to: String,
        to_era: String,
        from_era: String,
    },
}

/// A new state (as a record) and what happened on the way to it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub state: GameState,
    pub events: Vec<Event>,
}

/// Starts a new game at the story's start scene.
pub fn start(story: &Story, seed: u64) -> Result<Outcome, EngineError> {
    start_at(story, seed, &story.start)
}

/// Starts a new game at any scene (authors use this to test one scene).
pub fn start_at(story: &Story, seed: u64, scene: &str) -> Result<Outcome, EngineError> {
    let mut events = Vec::new();
    let state = begin_at(story, seed, scene, &mut events)?;
    Ok(Outcome {
        state: record::record(story, &state, &[]),
        events,
    })
}

/// Starts a new game at `scene`, as a state to step.
pub fn begin_at<V: Events>(
    story: &Story,
    seed: u64,
    scene: &str,
    events: &mut V,
) -> Result<State, EngineError> {
    let at = scene_ix(story, scene).ok_or_else(|| EngineError::UnknownScene(scene.to_owned()))?;
    Ok(core::begin(story, seed, at, events))
}

/// Takes the choice `choice_id` in a record's current scene; the new record's log has
/// the step added.
pub fn choose(story: &Story, state: &GameState, choice_id: &str) -> Result<Outcome, EngineError> {
    let mut now = record::read(story, state).ok_or_else(|| EngineError::UnknownScene(state.scene.clone()))?;
    let mut events = Vec::new();
    choose_in_place(story, &mut now, choice_id, &mut events)?;
    let mut log = state.log.clone();
    log.push(Step {
        scene: state.scene.clone(),
        choice: choice_id.to_owned(),
    });
    Ok(Outcome {
        state: record::record(story, &now, &log),
        events,
    })
}

/// Takes the choice `choice_id` of the current scene, in place; a refused choice
/// changes nothing.
pub fn choose_in_place<V: Events>(
    story: &Story,
    state: &mut State,
    choice_id: &str,
    events: &mut V,
) -> Result<(), EngineError> {
    let scene = scene_of(story, state)?;
    if state.ending.is_some() {
        return Err(EngineError::Ended);
    }
    let position = scene
        .choices
        .iter()
        .position(|c| c.id == choice_id)
        .ok_or_else(|| EngineError::ChoiceNotOffered {
            scene: scene.id.clone(),
            choice: choice_id.to_owned(),
        })?;
    core::step(story, state, position, events)
}

/// The index of the scene with this id.
pub fn scene_ix(story: &Story, id: &str) -> Option<SceneIx> {
    story.plan().scene_names.get(id).map(SceneIx)
}

/// The scene a record is in.
pub fn current_scene<'s>(story: &'s Story, state: &GameState) -> Result<&'s Scene, EngineError> {
    story
        .scene(&state.scene)
        .ok_or_else(|| EngineError::UnknownScene(state.scene.clone()))
}

/// The scene a state is in.
pub fn scene_of<'s>(story: &'s Story, state: &State) -> Result<&'s Scene, EngineError> {
    story
        .scenes
        .get(state.scene.index())
        .ok_or_else(|| EngineError::UnknownScene(format!("#{}", state.scene.index())))
}

/// How many scenes to go `Back` to are kept; beyond it the oldest is forgotten (a
/// story that loops through a side scene without going back never grows the state).
pub const MAX_RETURNS: usize = 32;

/// The choices of `scene` offered now (see [`is_offered`], the one rule): conditions
/// hold, once-only choices not yet taken, and `Back` only when there is a scene to go
/// back to.
pub fn offered<'s, R: Reading>(
    story: &'s Story,
    scene: &'s Scene,
    state: &R,
) -> impl Iterator<Item = &'s Choice> + use<'s, R> {
    let now = state.state(story);
    let compiled = scene_ix(story, &scene.id).and_then(|i| story.plan().scene(i));
    let choices: Vec<&'s Choice> = compiled.map_or_else(Vec::new, |plan| {
        scene
            .choices
            .iter()
            .zip(&plan.choices)
            .filter(|(_, c)| is_offered(c, &now))
            .map(|(c, _)| c)
            .collect()
    });
    choices.into_iter()
}

/// The paragraphs of `scene` that show now, rendered; a paragraph whose forms all came
/// out empty is left out.
pub fn passage(story: &Story, scene: &Scene, state: &impl Reading) -> Vec<Shown> {
    let now = state.state(story);
    let Some(at) = scene_ix(story, &scene.id) else {
        return Vec::new();
    };
    let tests = story.plan().scene(at).map_or(&[][..], |p| &p.paragraphs[..]);
    scene
        .text
        .iter()
        .zip(tests)
        .filter(|(_, t)| t.as_ref().is_none_or(|t| core::holds(t, &now)))
        .map(|(p, _)| text::render(story, &p.parts, &now, at))
        .filter(|s| !s.text.is_empty())
        .collect()
}

/// A choice's label as it reads now.
pub fn label(story: &Story, choice: &Choice, state: &impl Reading) -> Shown {
    let now = state.state(story);
    text::render(story, &choice.label_parts, &now, now.scene)
}

/// The reflection the narrator adds to a memory now: the last one listed whose
/// condition holds, rendered (without emphasis marks).
pub fn reflection(story: &Story, state: &impl Reading, memory: &str) -> Option<String> {
    let now = state.state(story);
    let plan = story.plan();
    let m = plan.memories.get(memory)? as usize;
    let tests = plan.reflections.get(m)?;
    story
        .memories
        .get(m)?
        .reflections
        .iter()
        .zip(tests.iter())
        .rev()
        .find(|(_, t)| t.as_ref().is_none_or(|t| core::holds(t, &now)))
        .map(|(r, _)| text::render(story, &r.parts, &now, now.scene).text)
}
