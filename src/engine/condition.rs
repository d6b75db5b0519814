//! Evaluating conditions against a state. Pure: a condition never changes anything,
//! and chance conditions read rolls drawn when the scene was entered.

use crate::story::Condition;

use super::state::GameState;

pub fn holds(condition: &Condition, state: &GameState) -> bool {
    match condition {
        Condition::All(list) => list.iter().all(|c| holds(c, state)),
        Condition::Any(list) => list.iter().any(|c| holds(c, state)),
        Condition::Not(inner) => !holds(inner, state),
        Condition::Flag(flag) => state.flags.contains(flag),
        Condition::Knows(k) => state.knowledge.contains(k),
        Condition::Has(k) => state.keepsakes.contains(k),
        Condition::Remembers(m) => state.memories.contains_key(m),
        Condition::RemembersAs(m, tone) => state.memories.get(m).is_some_and(|held| &held.tone == tone),
        Condition::Visits(scene, cmp, n) => cmp.holds(state.visits(scene), *n),
        Condition::Rel(character, axis, cmp, n) => state
            .relationship(character, axis)
            .is_some_and(|v| cmp.holds(v, *n)),
        Condition::Era(era) => &state.era == era,
        Condition::Chance { percent, slot, .. } => state
            .rolls
            .get(*slot)
            .is_some_and(|&roll| u32::from(roll) < *percent),
    }
}

/// `None` (no condition) always holds.
pub fn holds_opt(condition: Option<&Condition>, state: &GameState) -> bool {
    condition.is_none_or(|c| holds(c, state))
}
