//! Replaying a log of choices against a story, exactly.
//!
//! The engine is a pure function of the story, the seed and the choices, so a log
//! replayed from the start reproduces the state it was recorded with, chance rolls and
//! all. [`run`] folds a log and says where it stops fitting the story (a [`Divergence`]:
//! a scene that no longer exists, a choice no longer offered, a state that differs);
//! [`verify`] compares a save's recorded state with the one its log leads to;
//! [`Replay`](frames::Replay) yields the playthrough step by step for a reader or a
//! replay view; [`migrate`] maps renamed ids so that old saves keep working.

pub mod divergence;
pub mod frames;
pub mod migrate;
pub mod pace;

use crate::engine::{self, EngineError, GameState, Outcome, Step};
use crate::save::SaveFile;
use crate::story::Story;

pub use divergence::{Divergence, DivergenceKind};
pub use frames::{Chosen, Frame, Replay};
pub use migrate::{MigrationError, Migrations};
pub use pace::Pace;

/// A log replayed as far as it fits.
#[derive(Debug, Clone)]
pub struct Replayed {
    /// The state after the last step that fitted (the whole log, if it all did).
    pub state: GameState,
    /// How many steps fitted.
    pub fitted: usize,
    /// Where the log parted from the story, if it did.
    pub divergence: Option<Divergence>,
}

/// A save whose log leads to exactly the state it recorded.
#[derive(Debug, Clone)]
pub struct Verified {
    pub steps: usize,
    pub state: GameState,
}

/// The state a new game with this seed starts in.
pub fn start(story: &Story, seed: u64) -> Result<GameState, Divergence> {
    engine::start(story, seed)
        .map(|o| o.state)
        .map_err(|e| Divergence::at_start(story, &e))
}

/// Takes the `number`-th step of a log (1-based) from `state`.
pub fn step(story: &Story, state: &GameState, number: usize, step: &Step) -> Result<Outcome, Divergence> {
    let diverged = |kind| Divergence {
        step: number,
        scene: step.scene.clone(),
        choice: Some(step.choice.clone()),
        kind,
    };
    let Some(scene) = story.scene(&step.scene) else {
        return Err(diverged(DivergenceKind::SceneGone));
    };
    if state.scene != step.scene {
        return Err(diverged(DivergenceKind::LedElsewhere {
            found: state.scene.clone(),
        }));
    }
    let offered = || engine::offered(scene, state).map(|c| c.id.clone()).collect();
    engine::choose(story, state, &step.choice).map_err(|e| {
        diverged(match e {
            EngineError::Ended => DivergenceKind::Ended {
                ending: state.ending.clone().unwrap_or_default(),
            },
            EngineError::ChoiceNotOffered { .. } if scene.choices.iter().any(|c| c.id == step.choice) => {
                DivergenceKind::ChoiceNotOffered { offered: offered() }
            }
            EngineError::ChoiceNotOffered { .. } => DivergenceKind::ChoiceGone { offered: offered() },
            other => DivergenceKind::Engine(other.to_string()),
        })
    })
}

/// Replays `log` from `start`, as far as it fits the story.
pub fn run(story: &Story, start: GameState, log: &[Step]) -> Replayed {
    let mut state = start;
    for (i, s) in log.iter().enumerate() {
        match step(story, &state, i + 1, s) {
            Ok(outcome) => state = outcome.state,
            Err(divergence) => {
                return Replayed {
                    state,
                    fitted: i,
                    divergence: Some(divergence),
                };
            }
        }
    }
    Replayed {
        state,
        fitted: log.len(),
        divergence: None,
    }
}

/// Re-derives a save's state from its log and compares it with the recorded one.
///
/// Migrations are applied to the save first. Where the save's timeline records a
/// fingerprint for each step of the log (and no migration changed an id), the first
/// step whose state differs is named; otherwise a difference shows at the last step.
pub fn verify(story: &Story, save: &SaveFile, migrations: &Migrations) -> Result<Verified, Divergence> {
    let migrated = migrations.save(save);
    let hashes = if migrated == *save {
        step_hashes(save)
    } else {
        None
    };
    let mut state = match &migrated.root {
        Some(root) => root.clone(),
        None => start(story, migrated.seed)?,
    };
    if let Some(hashes) = &hashes {
        check_hash(story, &state, hashes[0], 0, None)?;
    }
    for (i, s) in migrated.log.iter().enumerate() {
        state = step(story, &state, i + 1, s)?.state;
        if let Some(hashes) = &hashes {
            check_hash(story, &state, hashes[i + 1], i + 1, Some(s))?;
        }
    }
    let fields = divergence::differing_fields(&state, &migrated.state);
    if !fields.is_empty() {
        let last = migrated.log.last();
        return Err(Divergence {
            step: migrated.log.len(),
            scene: last.map_or_else(|| state.scene.clone(), |s| s.scene.clone()),
            choice: last.map(|s| s.choice.clone()),
            kind: DivergenceKind::StateDiffers { fields },
        });
    }
    Ok(Verified {
        steps: migrated.log.len(),
        state,
    })
}

/// The fingerprints the save's timeline recorded along its log, root first, when the
/// timeline's current path is exactly the log.
fn step_hashes(save: &SaveFile) -> Option<Vec<u64>> {
    let timeline = save.timeline.as_ref()?;
    let current = timeline.current();
    if timeline.steps(current) != save.log {
        return None;
    }
    let hashes: Vec<u64> = timeline
        .path(current)
        .into_iter()
        .filter_map(|n| timeline.node(n).map(|node| node.state_hash))
        .collect();
    (hashes.len() == save.log.len() + 1).then_some(hashes)
}

fn check_hash(
    story: &Story,
    state: &GameState,
    recorded: u64,
    number: usize,
    step: Option<&Step>,
) -> Result<(), Divergence> {
    if fingerprint(state) == recorded {
        return Ok(());
    }
    Err(Divergence {
        step: number,
        scene: step.map_or_else(|| story.start.clone(), |s| s.scene.clone()),
        choice: step.map(|s| s.choice.clone()),
        kind: DivergenceKind::StateDiffers { fields: Vec::new() },
    })
}

/// A stable fingerprint of a state: FNV-1a over its compact RON form.
///
/// Used to tell whether a step still leads to the state it led to when recorded. If
/// the state's shape ever changes, recorded fingerprints stop matching and golden
/// playthroughs must be recorded again, which is the point.
pub fn fingerprint(state: &GameState) -> u64 {
    let text = ron::to_string(state).unwrap_or_default();
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
