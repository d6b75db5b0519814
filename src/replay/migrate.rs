//! `migrations.ron`: how an author keeps old saves working across renames.
//!
//! Saves refer to scenes, choices and memories by id. When an author renames one, the
//! story's `migrations.ron` maps the old id to the new, and every save is read through
//! the map before it is replayed or compared:
//!
//! ```ron
//! Migrations(
//!     scenes: { "lay_by": "layby" },
//!     choices: [ Choice(scene: "talk", from: "again", to: "ask_again") ],
//!     memories: { "the_lay_by": "tea_in_the_lay_by" },
//! )
//! ```
//!
//! A choice rename names its scene by the scene's new id. Renames chain (a → b, then
//! b → c), so an author only ever adds lines.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::{GameState, Step};
use crate::save::SaveFile;

/// The file's name at the root of a story folder.
pub const FILE: &str = "migrations.ron";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Migrations", deny_unknown_fields)]
pub struct Migrations {
    /// Old scene id → new scene id.
    #[serde(default)]
    pub scenes: BTreeMap<String, String>,
    #[serde(default)]
    pub choices: Vec<ChoiceRename>,
    /// Old memory id → new memory id.
    #[serde(default)]
    pub memories: BTreeMap<String, String>,
}

/// A choice renamed within a scene (named by its new id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Choice", deny_unknown_fields)]
pub struct ChoiceRename {
    pub scene: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    #[error("{file}:{line}:{col}: {message}")]
    Syntax {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("cannot read '{file}': {message}")]
    Io { file: String, message: String },
}

impl Migrations {
    /// Parses the text of a `migrations.ron`; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, MigrationError> {
        ron::from_str(text).map_err(|e| MigrationError::Syntax {
            file: file.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// The migrations of the story in `dir`; none if it has no `migrations.ron`.
    pub fn from_dir(dir: &Path) -> Result<Self, MigrationError> {
        let path = dir.join(FILE);
        match crate::story::read_optional(dir, &path) {
            Ok(Some(text)) => Self::parse(&text, &path.display().to_string()),
            Ok(None) => Ok(Self::default()),
            Err(e) => Err(MigrationError::Io {
                file: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }

    /// The migrations of the story compiled into the binary.
    pub fn embedded() -> Result<Self, MigrationError> {
        crate::story::embedded_file(FILE).map_or_else(
            || Ok(Self::default()),
            |text| Self::parse(text, &format!("story/{FILE}")),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.scenes.is_empty() && self.choices.is_empty() && self.memories.is_empty()
    }

    /// The current id of a scene.
    pub fn scene(&self, id: &str) -> String {
        follow(&self.scenes, id)
    }

    /// The current id of a memory.
    pub fn memory(&self, id: &str) -> String {
        follow(&self.memories, id)
    }

    /// A step with its scene and choice renamed.
    pub fn step(&self, step: &Step) -> Step {
        let scene = self.scene(&step.scene);
        let mut choice = step.choice.clone();
        // Chains of choice renames, bounded so that a cycle cannot loop forever.
        for _ in 0..=self.choices.len() {
            match self.choices.iter().find(|r| r.scene == scene && r.from == choice) {
                Some(rename) if rename.to != choice => choice = rename.to.clone(),
                _ => break,
            }
        }
        Step { scene, choice }
    }

    pub fn log(&self, log: &[Step]) -> Vec<Step> {
        log.iter().map(|s| self.step(s)).collect()
    }

    /// A state with every scene and memory id it holds renamed.
    pub fn state(&self, state: &GameState) -> GameState {
        let mut out = state.clone();
        out.scene = self.scene(&state.scene);
        out.visits = state.visits.iter().map(|(k, v)| (self.scene(k), *v)).collect();
        out.memories = state
            .memories
            .iter()
            .map(|(k, v)| (self.memory(k), v.clone()))
            .collect();
        for moved in out.last_moves.values_mut() {
            moved.scene = self.scene(&moved.scene);
        }
        out.returns = state.returns.iter().map(|s| self.scene(s)).collect();
        out.log = self.log(&state.log);
        out
    }

    /// A save read through the migrations (unchanged when there are none).
    pub fn save(&self, save: &SaveFile) -> SaveFile {
        if self.is_empty() {
            return save.clone();
        }
        let mut out = save.clone();
        out.log = self.log(&save.log);
        out.state = self.state(&save.state);
        out.root = save.root.as_ref().map(|r| self.state(r));
        if let Some(timeline) = &mut out.timeline {
            timeline.rename(|s| self.scene(s), |s| self.step(s));
        }
        out
    }
}

/// Follows a chain of renames from `id`, stopping at a cycle.
fn follow(map: &BTreeMap<String, String>, id: &str) -> String {
    let mut at = id;
    for _ in 0..=map.len() {
        match map.get(at) {
            Some(next) if next != at => at = next,
            _ => break,
        }
    }
    at.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_chain_and_cycles_stop() {
        let m = Migrations::parse(
            r#"Migrations(
                scenes: { "a": "b", "b": "c", "x": "y", "y": "x" },
                choices: [Choice(scene: "c", from: "go", to: "leave")],
            )"#,
            "m.ron",
        )
        .unwrap();
        assert_eq!(m.scene("a"), "c");
        let _ = m.scene("x"); // terminates
        let step = Step {
            scene: "a".into(),
            choice: "go".into(),
        };
        assert_eq!(
            m.step(&step),
            Step {
                scene: "c".into(),
                choice: "leave".into()
            }
        );
    }

    #[test]
    fn a_typo_is_reported_with_its_position() {
        let err = Migrations::parse("Migrations(\n  scene: {})", "m.ron").unwrap_err();
        assert!(err.to_string().starts_with("m.ron:2:"), "{err}");
    }
}
