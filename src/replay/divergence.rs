//! Where a recorded playthrough and the story part: the step, the scene, the choice and
//! what no longer fits, in words an author can act on.

use std::fmt;

use crate::engine::{EngineError, GameState};
use crate::story::Story;

/// The first step of a log that no longer fits the story.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct Divergence {
    /// The number of the choice (1 is the first); 0 is the start, before any choice.
    pub step: usize,
    /// The scene the log says the choice was made in.
    pub scene: String,
    /// The choice the log took there (none at the start).
    pub choice: Option<String>,
    pub kind: DivergenceKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DivergenceKind {
    /// The log names a scene the story no longer has.
    SceneGone,
    /// The story now leads to another scene at this point.
    LedElsewhere { found: String },
    /// The scene no longer has this choice at all.
    ChoiceGone { offered: Vec<String> },
    /// The scene has the choice, but does not offer it in this state.
    ChoiceNotOffered { offered: Vec<String> },
    /// The story now ends before this step.
    Ended { ending: String },
    /// The state after this step differs from the one recorded; the fields that differ,
    /// when the recorded state is known (only a fingerprint is kept for earlier steps).
    StateDiffers { fields: Vec<&'static str> },
    /// Anything else the engine refused.
    Engine(String),
}

impl Divergence {
    pub(crate) fn at_start(story: &Story, error: &EngineError) -> Self {
        Self {
            step: 0,
            scene: story.start.clone(),
            choice: None,
            kind: DivergenceKind::Engine(error.to_string()),
        }
    }

    /// Where, then what: "step 3, scene 'talk', choice 'again': …".
    pub fn describe(&self) -> String {
        let place = match (&self.choice, self.step) {
            (None, _) | (_, 0) => format!("at the start (scene '{}')", self.scene),
            (Some(choice), n) => format!("at step {n} (scene '{}', choice '{choice}')", self.scene),
        };
        format!("{place}: {}", self.kind)
    }
}

impl fmt::Display for DivergenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SceneGone => write!(f, "the story no longer has this scene"),
            Self::LedElsewhere { found } => {
                write!(f, "the story now leads to scene '{found}' here instead")
            }
            Self::ChoiceGone { offered } => {
                write!(f, "the scene no longer has this choice{}", offers(offered))
            }
            Self::ChoiceNotOffered { offered } => {
                write!(
                    f,
                    "the scene no longer offers this choice here{}",
                    offers(offered)
                )
            }
            Self::Ended { ending } => write!(f, "the story now ends before this step (ending '{ending}')"),
            Self::StateDiffers { fields } if fields.is_empty() => {
                write!(f, "the state after this step differs from the one recorded")
            }
            Self::StateDiffers { fields } => write!(
                f,
                "the state after this step differs from the one recorded in: {}",
                fields.join(", ")
            ),
            Self::Engine(message) => write!(f, "{message}"),
        }
    }
}

fn offers(offered: &[String]) -> String {
    if offered.is_empty() {
        " (it offers nothing now)".to_owned()
    } else {
        format!(" (it offers: {})", offered.join(", "))
    }
}

/// The names of the fields in which two states differ, in declaration order.
pub fn differing_fields(a: &GameState, b: &GameState) -> Vec<&'static str> {
    let checks: [(&'static str, bool); 13] = [
        ("scene", a.scene == b.scene),
        ("era", a.era == b.era),
        ("memories", a.memories == b.memories),
        ("relationships", a.relationships == b.relationships),
        ("last_moves", a.last_moves == b.last_moves),
        ("knowledge", a.knowledge == b.knowledge),
        ("flags", a.flags == b.flags),
        ("keepsakes", a.keepsakes == b.keepsakes),
        ("visits", a.visits == b.visits),
        ("rng", a.rng == b.rng),
        ("rolls", a.rolls == b.rolls),
        ("log", a.log == b.log),
        ("ending", a.ending == b.ending),
    ];
    let mut fields: Vec<&'static str> = checks
        .into_iter()
        .filter(|(_, same)| !same)
        .map(|(name, _)| name)
        .collect();
    if fields.is_empty() && a != b {
        // A field added to the state since this list was written.
        fields.push("state");
    }
    fields
}
