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

use crate::engine::{self, EngineError, Events, GameState, Outcome, State, Step};
use crate::save::SaveFile;
use crate::session::timeline::{Fingerprints, Timeline};
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

/// Takes the `number`-th step of a log (1-based) from a record.
pub fn step(story: &Story, state: &GameState, number: usize, step: &Step) -> Result<Outcome, Divergence> {
    let mut now = engine::record::read(story, state).ok_or_else(|| Divergence {
        step: number,
        scene: step.scene.clone(),
        choice: Some(step.choice.clone()),
        kind: DivergenceKind::SceneGone,
    })?;
    let mut events = Vec::new();
    step_state(story, &mut now, number, step, &mut events)?;
    let mut log = state.log.clone();
    log.push(step.clone());
    Ok(Outcome {
        state: engine::record::record(story, &now, &log),
        events,
    })
}

/// Takes the `number`-th step of a log (1-based) in place; where it does not fit,
/// nothing changes and the divergence says why.
pub fn step_state<V: Events>(
    story: &Story,
    state: &mut State,
    number: usize,
    step: &Step,
    events: &mut V,
) -> Result<(), Divergence> {
    let diverged = |kind| Divergence {
        step: number,
        scene: step.scene.clone(),
        choice: Some(step.choice.clone()),
        kind,
    };
    let Some(scene) = story.scene(&step.scene) else {
        return Err(diverged(DivergenceKind::SceneGone));
    };
    let here = engine::scene_of(story, state).map_err(|e| diverged(DivergenceKind::Engine(e.to_string())))?;
    if here.id != step.scene {
        return Err(diverged(DivergenceKind::LedElsewhere {
            found: here.id.clone(),
        }));
    }
    let offered = |state: &State| {
        engine::offered(story, scene, state)
            .map(|c| c.id.clone())
            .collect()
    };
    engine::choose_in_place(story, state, &step.choice, events).map_err(|e| {
        diverged(match e {
            EngineError::Ended => DivergenceKind::Ended {
                ending: state
                    .ending
                    .map(|e| story.plan().endings.name(e.index()).to_owned())
                    .unwrap_or_default(),
            },
            EngineError::ChoiceNotOffered { .. } if scene.choices.iter().any(|c| c.id == step.choice) => {
                DivergenceKind::ChoiceNotOffered {
                    offered: offered(state),
                }
            }
            EngineError::ChoiceNotOffered { .. } => DivergenceKind::ChoiceGone {
                offered: offered(state),
            },
            other => DivergenceKind::Engine(other.to_string()),
        })
    })
}

/// Replays `log` from `start`, as far as it fits the story.
pub fn run(story: &Story, start: GameState, log: &[Step]) -> Replayed {
    let Some(mut now) = engine::record::read(story, &start) else {
        let divergence = log.first().map(|s| Divergence {
            step: 1,
            scene: s.scene.clone(),
            choice: Some(s.choice.clone()),
            kind: DivergenceKind::SceneGone,
        });
        return Replayed {
            state: start,
            fitted: 0,
            divergence,
        };
    };
    let (fitted, divergence) = run_state(story, &mut now, log);
    let mut full = start.log;
    full.extend_from_slice(&log[..fitted]);
    Replayed {
        state: engine::record::record(story, &now, &full),
        fitted,
        divergence,
    }
}

/// Replays `log` on `state` in place, as far as it fits: how many steps fitted, and
/// where the log parted from the story, if it did.
pub fn run_state(story: &Story, state: &mut State, log: &[Step]) -> (usize, Option<Divergence>) {
    for (i, s) in log.iter().enumerate() {
        if let Err(divergence) = step_state(story, state, i + 1, s, &mut ()) {
            return (i, Some(divergence));
        }
    }
    (log.len(), None)
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
    let root = match &migrated.root {
        Some(root) => root.clone(),
        None => start(story, migrated.seed)?,
    };
    let mut now = engine::record::read(story, &root).ok_or_else(|| Divergence {
        step: 0,
        scene: root.scene.clone(),
        choice: None,
        kind: DivergenceKind::SceneGone,
    })?;
    let kind = save
        .timeline
        .as_ref()
        .map_or_else(Default::default, Timeline::fingerprints);
    let mut full = root.log.clone();
    let check = |now: &State, full: &[Step], number: usize, step: Option<&Step>| match &hashes {
        Some(hashes) => check_hash(story, kind, now, full, hashes[number], number, step),
        None => Ok(()),
    };
    check(&now, &full, 0, None)?;
    for (i, s) in migrated.log.iter().enumerate() {
        step_state(story, &mut now, i + 1, s, &mut ())?;
        full.push(s.clone());
        check(&now, &full, i + 1, Some(s))?;
    }
    let state = engine::record::record(story, &now, &full);
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
    kind: Fingerprints,
    state: &State,
    log: &[Step],
    recorded: u64,
    number: usize,
    step: Option<&Step>,
) -> Result<(), Divergence> {
    let found = match kind {
        Fingerprints::State => engine::fingerprint(story.plan(), state),
        Fingerprints::Record => fingerprint(&engine::record::record(story, state, log)),
    };
    if found == recorded {
        return Ok(());
    }
    Err(Divergence {
        step: number,
        scene: step.map_or_else(|| story.start.clone(), |s| s.scene.clone()),
        choice: step.map(|s| s.choice.clone()),
        kind: DivergenceKind::StateDiffers { fields: Vec::new() },
    })
}

/// The fingerprint saves made before fingerprints were taken from the state directly
/// (timelines marked [`Fingerprints::Record`]): FNV-1a over the record's compact RON
/// form. Kept so that those saves, and the golden playthroughs, still verify step by
/// step.
pub fn fingerprint(state: &GameState) -> u64 {
    let text = ron::to_string(state).unwrap_or_default();
    crate::story::compiled::fnv1a(text.bytes())
}
