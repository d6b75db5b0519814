//! The game state: everything a save needs, and nothing a view owns.
//!
//! Maps are `BTreeMap`s so that a serialised state reads in a stable order and two
//! states compare equal exactly when they hold the same things.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::rng::RngState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GameState {
    /// The scene the player is reading.
    pub scene: String,
    /// The era of that scene; it only moves forward.
    pub era: String,
    pub memories: BTreeMap<String, HeldMemory>,
    /// Character id → axis id → value.
    pub relationships: BTreeMap<String, BTreeMap<String, i32>>,
    /// Character id → the last change that moved one of their axes.
    #[serde(default)]
    pub last_moves: BTreeMap<String, RelationshipMove>,
    pub knowledge: BTreeSet<String>,
    pub flags: BTreeSet<String>,
    pub keepsakes: BTreeSet<String>,
    /// Scene id → how many times it has been entered.
    pub visits: BTreeMap<String, u32>,
    pub rng: RngState,
    /// This scene visit's chance rolls, 0 to 99, one per `Chance` in the scene.
    #[serde(default)]
    pub rolls: Vec<u8>,
    /// This scene visit's `{shuffle: …}` picks, one per shuffle in the scene, drawn
    /// after the rolls; kept so that rereading, reloading and replaying show the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub picks: Vec<u16>,
    /// The scenes to go `Back` to, innermost last: entering a scene with a `Back`
    /// choice by any other choice records the scene it was entered from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub returns: Vec<String>,
    /// Every choice made, in order.
    pub log: Vec<Step>,
    /// Set once an ending scene is entered.
    #[serde(default)]
    pub ending: Option<String>,
}

/// A memory Kathy holds, and how she holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMemory {
    pub tone: String,
    /// The step (number of choices made) at which it was first recorded.
    pub recorded_at: usize,
    /// The step at which its tone last changed, if it ever did.
    #[serde(default)]
    pub revised_at: Option<usize>,
}

/// One choice in the log: ids, never positions, so logs survive reordering.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Step {
    pub scene: String,
    pub choice: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipMove {
    pub axis: String,
    pub from: i32,
    pub to: i32,
    /// The scene whose choice moved it.
    pub scene: String,
    pub step: usize,
}

impl GameState {
    /// How many choices have been made.
    pub fn step(&self) -> usize {
        self.log.len()
    }

    pub fn relationship(&self, character: &str, axis: &str) -> Option<i32> {
        self.relationships.get(character)?.get(axis).copied()
    }

    pub fn visits(&self, scene: &str) -> u32 {
        self.visits.get(scene).copied().unwrap_or(0)
    }

    /// Whether `choice` in `scene` has been taken before (for choices shown once).
    pub fn has_chosen(&self, scene: &str, choice: &str) -> bool {
        self.log.iter().any(|s| s.scene == scene && s.choice == choice)
    }
}
