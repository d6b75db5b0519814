//! Applying effects to a state, reporting what changed as events.

use crate::story::{Effect, Story};

use super::Event;
use super::state::{GameState, HeldMemory, RelationshipMove};

/// Applies one effect in `scene`. Effects that change nothing emit no event.
pub fn apply(story: &Story, state: &mut GameState, scene: &str, effect: &Effect, events: &mut Vec<Event>) {
    let step = state.step();
    match effect {
        Effect::Set(flag) => {
            if state.flags.insert(flag.clone()) {
                events.push(Event::FlagSet { flag: flag.clone() });
            }
        }
        Effect::Clear(flag) => {
            if state.flags.remove(flag) {
                events.push(Event::FlagCleared { flag: flag.clone() });
            }
        }
        Effect::Learn(k) => {
            if state.knowledge.insert(k.clone()) {
                events.push(Event::Learned { knowledge: k.clone() });
            }
        }
        Effect::Remember(memory, tone) => remember(state, memory, tone, step, events),
        Effect::Adjust(character, axis, delta) => {
            let Some(range) = story.axis(character, axis) else {
                return;
            };
            let values = state.relationships.entry(character.clone()).or_default();
            let from = values.get(axis).copied().unwrap_or(range.initial);
            let to = from.saturating_add(*delta).clamp(range.min, range.max);
            values.insert(axis.clone(), to);
            if from != to {
                state.last_moves.insert(
                    character.clone(),
                    RelationshipMove {
                        axis: axis.clone(),
                        from,
                        to,
                        scene: scene.to_owned(),
                        step,
                    },
                );
                events.push(Event::RelationshipMoved {
                    character: character.clone(),
                    axis: axis.clone(),
                    from,
                    to,
                });
            }
        }
        Effect::Gain(k) => {
            if state.keepsakes.insert(k.clone()) {
                events.push(Event::KeepsakeGained { keepsake: k.clone() });
            }
        }
        Effect::Lose(k) => {
            if state.keepsakes.remove(k) {
                events.push(Event::KeepsakeLost { keepsake: k.clone() });
            }
        }
    }
}

fn remember(state: &mut GameState, memory: &str, tone: &str, step: usize, events: &mut Vec<Event>) {
    match state.memories.get_mut(memory) {
        Some(held) if held.tone == tone => {}
        Some(held) => {
            let previous = std::mem::replace(&mut held.tone, tone.to_owned());
            held.revised_at = Some(step);
            events.push(Event::MemoryRecorded {
                memory: memory.to_owned(),
                tone: tone.to_owned(),
                previous_tone: Some(previous),
            });
        }
        None => {
            state.memories.insert(
                memory.to_owned(),
                HeldMemory {
                    tone: tone.to_owned(),
                    recorded_at: step,
                    revised_at: None,
                },
            );
            events.push(Event::MemoryRecorded {
                memory: memory.to_owned(),
                tone: tone.to_owned(),
                previous_tone: None,
            });
        }
    }
}
