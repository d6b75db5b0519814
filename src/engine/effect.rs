//! Applying one effect to a record, for tools and tests that change a record by hand;
//! the engine itself applies compiled effects in place (see `core`).

use crate::story::{Effect, Story};

use super::Event;
use super::core;
use super::record;
use super::state::GameState;

/// Applies one effect, as if made in `scene`. Effects that change nothing emit no event.
pub fn apply(story: &Story, state: &mut GameState, scene: &str, effect: &Effect, events: &mut Vec<Event>) {
    let plan = story.plan();
    let Some(mut now) = record::read(story, state) else {
        return;
    };
    let at = plan
        .scene_names
        .get(scene)
        .map_or(now.scene, crate::story::compiled::SceneIx);
    core::apply_op(plan, &mut now, at, plan.op(effect), events);
    let log = std::mem::take(&mut state.log);
    *state = record::record(story, &now, &log);
}
