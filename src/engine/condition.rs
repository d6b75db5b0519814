//! Evaluating conditions. The engine evaluates compiled [`Test`]s over a [`State`]
//! (see [`core::holds`](super::core::holds)); a condition as written, with names, is
//! compiled against the story first, so there is one evaluator.

use crate::story::{Condition, Story};

use super::record::Reading;

pub use super::core::holds as holds_test;

/// Whether `condition` holds for `state` (a state or a record) in `story`.
pub fn holds(story: &Story, condition: &Condition, state: &impl Reading) -> bool {
    holds_test(&story.plan().test(condition), &state.state(story))
}

/// `None` (no condition) always holds.
pub fn holds_opt(story: &Story, condition: Option<&Condition>, state: &impl Reading) -> bool {
    condition.is_none_or(|c| holds(story, c, state))
}
