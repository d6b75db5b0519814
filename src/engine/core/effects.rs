//! The effects of a step: flags, knowledge, keepsakes, memories and relationships,
//! changed in place. An effect that changes nothing tells nothing; only a sink that
//! listens is told (see [`Events`]).

use crate::story::compiled::{AxisIx, MemIx, Op, Plan, SceneIx, ToneIx};

use super::super::Event;
use super::{Events, Held, Move, State};

/// Applies one effect in `scene` at the state's current step.
pub(crate) fn apply_op<V: Events>(plan: &Plan, state: &mut State, scene: SceneIx, op: Op, events: &mut V) {
    let at = state.step;
    apply(plan, state, scene, at, op, events);
}

/// Applies one effect, made at step `at` in `scene`. Effects that change nothing tell
/// nothing.
pub(super) fn apply<V: Events>(
    plan: &Plan,
    state: &mut State,
    scene: SceneIx,
    at: u32,
    op: Op,
    events: &mut V,
) {
    let listening = V::LISTENING;
    match op {
        Op::Set(f) => {
            if state.flags.insert(f.index()) && listening {
                events.push(Event::FlagSet {
                    flag: plan.flags.name(f.index()).to_owned(),
                });
            }
        }
        Op::Clear(f) => {
            if state.flags.remove(f.index()) && listening {
                events.push(Event::FlagCleared {
                    flag: plan.flags.name(f.index()).to_owned(),
                });
            }
        }
        Op::Learn(k) => {
            if state.knowledge.insert(k.index()) && listening {
                events.push(Event::Learned {
                    knowledge: plan.knowledge.name(k.index()).to_owned(),
                });
            }
        }
        Op::Gain(k) => {
            if state.keepsakes.insert(k.index()) && listening {
                events.push(Event::KeepsakeGained {
                    keepsake: plan.keepsakes.name(k.index()).to_owned(),
                });
            }
        }
        Op::Lose(k) => {
            if state.keepsakes.remove(k.index()) && listening {
                events.push(Event::KeepsakeLost {
                    keepsake: plan.keepsakes.name(k.index()).to_owned(),
                });
            }
        }
        Op::Remember(m, tone) => remember(plan, state, m, tone, at, events),
        Op::Adjust(axis, delta) => adjust(plan, state, scene, at, axis, delta, events),
        Op::Nothing => {}
    }
}

fn remember<V: Events>(plan: &Plan, state: &mut State, m: MemIx, tone: ToneIx, at: u32, events: &mut V) {
    let Some(slot) = state.memories.get_mut(m.index()) else {
        return;
    };
    let previous = match slot {
        Some(h) if h.tone == tone => return,
        Some(h) => {
            let previous = h.tone;
            h.tone = tone;
            h.revised_at = Some(at);
            Some(previous)
        }
        None => {
            *slot = Some(Held {
                tone,
                recorded_at: at,
                revised_at: None,
            });
            None
        }
    };
    if V::LISTENING {
        events.push(Event::MemoryRecorded {
            memory: plan.memories.name(m.index()).to_owned(),
            tone: plan.tones.name(tone.index()).to_owned(),
            previous_tone: previous.map(|t| plan.tones.name(t.index()).to_owned()),
        });
    }
}

fn adjust<V: Events>(
    plan: &Plan,
    state: &mut State,
    scene: SceneIx,
    at: u32,
    axis: AxisIx,
    delta: i32,
    events: &mut V,
) {
    let (Some(range), Some(value)) = (plan.axes.get(axis.index()), state.axes.get_mut(axis.index())) else {
        return;
    };
    let from = *value;
    let to = from
        .saturating_add(delta)
        .clamp(range.min, range.min.max(range.max));
    *value = to;
    if from == to {
        return;
    }
    if let Some(last) = state.last_moves.get_mut(range.character.index()) {
        *last = Some(Move {
            axis,
            from,
            to,
            scene,
            step: at,
        });
    }
    if V::LISTENING {
        events.push(Event::RelationshipMoved {
            character: plan.characters.name(range.character.index()).to_owned(),
            axis: range.id.clone(),
            from,
            to,
        });
    }
}
