//! The rules of the game: a pure state machine over a validated story.
//!
//! [`start`] makes the first state; [`choose`] maps a state and a choice id to the next
//! state and the [`Event`]s that describe what changed. Nothing here touches a terminal
//! or a file: front ends render the events, tests assert on them, and replay simply
//! folds `choose` over a log. The same story, seed and choices give the same state on
//! every machine (see [`rng`]).

pub mod condition;
pub mod effect;
pub mod rng;
pub mod state;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::story::{Choice, Scene, Story};

pub use condition::{holds, holds_opt};
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

/// A new state and what happened on the way to it.
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
    let target = story
        .scene(scene)
        .ok_or_else(|| EngineError::UnknownScene(scene.to_owned()))?;
    let relationships = story
        .characters
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                c.axes.iter().map(|a| (a.id.clone(), a.initial)).collect(),
            )
        })
        .collect();
    let mut state = GameState {
        scene: target.id.clone(),
        era: target.era.clone(),
        memories: Default::default(),
        relationships,
        last_moves: Default::default(),
        knowledge: Default::default(),
        flags: Default::default(),
        keepsakes: Default::default(),
        visits: Default::default(),
        rng: RngState::new(seed),
        rolls: Vec::new(),
        picks: Vec::new(),
        returns: Vec::new(),
        log: Vec::new(),
        ending: None,
    };
    let mut events = vec![Event::EraBegan {
        era: target.era.clone(),
    }];
    enter(story, &mut state, target, &mut events);
    Ok(Outcome { state, events })
}

/// Takes the choice `choice_id` in the current scene.
pub fn choose(story: &Story, state: &GameState, choice_id: &str) -> Result<Outcome, EngineError> {
    let scene = current_scene(story, state)?;
    if state.ending.is_some() {
        return Err(EngineError::Ended);
    }
    let choice =
        offered(scene, state)
            .find(|c| c.id == choice_id)
            .ok_or_else(|| EngineError::ChoiceNotOffered {
                scene: scene.id.clone(),
                choice: choice_id.to_owned(),
            })?;
    let to = if choice.back {
        state
            .returns
            .last()
            .ok_or_else(|| EngineError::NothingToGoBackTo(scene.id.clone()))?
    } else {
        &choice.to
    };
    let target = story
        .scene(to)
        .ok_or_else(|| EngineError::UnknownScene(to.clone()))?;
    if story.era_rank(&target.era) < story.era_rank(&state.era) {
        return Err(EngineError::EraBackwards {
            to: target.id.clone(),
            to_era: target.era.clone(),
            from_era: state.era.clone(),
        });
    }
    let mut next = state.clone();
    let mut events = Vec::new();
    for e in &choice.effects {
        effect::apply(story, &mut next, &scene.id, e, &mut events);
    }
    next.log.push(Step {
        scene: scene.id.clone(),
        choice: choice.id.clone(),
    });
    if choice.back {
        next.returns.pop();
    } else if target.returns {
        next.returns.push(scene.id.clone());
        if next.returns.len() > MAX_RETURNS {
            next.returns.remove(0);
        }
    }
    if target.era != next.era {
        next.era = target.era.clone();
        events.push(Event::EraBegan {
            era: target.era.clone(),
        });
    }
    enter(story, &mut next, target, &mut events);
    Ok(Outcome { state: next, events })
}

fn enter(story: &Story, state: &mut GameState, scene: &Scene, events: &mut Vec<Event>) {
    state.scene = scene.id.clone();
    *state.visits.entry(scene.id.clone()).or_insert(0) += 1;
    let (rolls, rng) = state.rng.rolls(scene.chance_slots);
    state.rolls = rolls;
    let (picks, rng) = rng.picks(&scene.shuffles);
    state.picks = picks;
    state.rng = rng;
    events.push(Event::SceneEntered {
        scene: scene.id.clone(),
    });
    for e in &scene.effects {
        effect::apply(story, state, &scene.id, e, events);
    }
    if let Some(ending) = &scene.ending {
        state.ending = Some(ending.clone());
        events.push(Event::EndingReached {
            ending: ending.clone(),
        });
    }
}

/// The scene the state is in.
pub fn current_scene<'s>(story: &'s Story, state: &GameState) -> Result<&'s Scene, EngineError> {
    story
        .scene(&state.scene)
        .ok_or_else(|| EngineError::UnknownScene(state.scene.clone()))
}

/// How many scenes to go `Back` to are kept; beyond it the oldest is forgotten (a
/// story that loops through a side scene without going back never grows the state).
pub const MAX_RETURNS: usize = 32;

/// The choices offered now: conditions hold, once-only choices not yet taken, and
/// `Back` only when there is a scene to go back to.
pub fn offered<'s>(scene: &'s Scene, state: &GameState) -> impl Iterator<Item = &'s Choice> {
    scene.choices.iter().filter(move |c| {
        holds_opt(c.when.as_ref(), state)
            && !(c.once && state.has_chosen(&scene.id, &c.id))
            && !(c.back && state.returns.is_empty())
    })
}

/// The paragraphs of the scene that show now, rendered; a paragraph whose forms all
/// came out empty is left out.
pub fn passage(scene: &Scene, state: &GameState) -> Vec<Shown> {
    scene
        .text
        .iter()
        .filter(|p| holds_opt(p.when.as_ref(), state))
        .map(|p| text::render(&p.parts, state, &scene.id))
        .filter(|s| !s.text.is_empty())
        .collect()
}

/// A choice's label as it reads now.
pub fn label(choice: &Choice, state: &GameState) -> Shown {
    text::render(&choice.label_parts, state, &state.scene)
}

/// The reflection Kathy adds to a memory now: the last one listed whose condition
/// holds, rendered (without emphasis marks).
pub fn reflection(story: &Story, state: &GameState, memory: &str) -> Option<String> {
    story
        .memory(memory)?
        .reflections
        .iter()
        .rev()
        .find(|r| holds_opt(r.when.as_ref(), state))
        .map(|r| text::render(&r.parts, state, &state.scene).text)
}
