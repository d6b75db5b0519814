//! What a step did, in words: a line for each memory, keepsake, thing learned and
//! change between people (both front ends, and the replay), or all of it in one brief
//! line (the full-screen game, when the player's setting asks).

use std::collections::BTreeMap;

use crate::engine::Event;
use crate::story::Story;

/// One line per event worth telling a reader about.
pub fn describe_events(story: &Story, events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::MemoryRecorded {
                memory,
                tone,
                previous_tone,
            } => {
                let title = story.memory_title(memory);
                Some(match previous_tone {
                    None => format!("Remembered: {title} ({tone})"),
                    Some(old) => format!("Remembered differently: {title} ({old}, now {tone})"),
                })
            }
            Event::RelationshipMoved {
                character,
                axis,
                from,
                to,
            } => {
                let name = story.character_name(character);
                let dir = if to > from { "up" } else { "down" };
                Some(format!("{name}: {axis} {dir} ({from} to {to})"))
            }
            Event::Learned { knowledge } => Some(format!(
                "Learned: {}",
                story.knowledge_summary(knowledge).unwrap_or(knowledge)
            )),
            Event::KeepsakeGained { keepsake } => Some(format!("Kept: {}", story.keepsake_name(keepsake))),
            Event::KeepsakeLost { keepsake } => Some(format!("Lost: {}", story.keepsake_name(keepsake))),
            _ => None,
        })
        .collect()
}

/// One line: memory and keepsake names, and an arrow for each person who moved.
pub fn brief(story: &Story, events: &[Event]) -> Option<String> {
    let mut parts = Vec::new();
    let mut moved: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    let mut learned = 0;
    for event in events {
        match event {
            Event::MemoryRecorded { memory, .. } => {
                parts.push(story.memory_title(memory).to_owned());
            }
            Event::KeepsakeGained { keepsake } => {
                parts.push(format!("kept {}", story.keepsake_name(keepsake)));
            }
            Event::KeepsakeLost { keepsake } => parts.push(format!("lost {}", story.keepsake_name(keepsake))),
            Event::RelationshipMoved {
                character,
                axis,
                from,
                to,
            } => {
                let name = story.character_name(character);
                *moved.entry((name, axis.as_str())).or_default() += i64::from(*to) - i64::from(*from);
            }
            Event::Learned { .. } => learned += 1,
            _ => {}
        }
    }
    for ((name, axis), change) in moved {
        match change.signum() {
            1 => parts.push(format!("{name}: {axis} ↑")),
            -1 => parts.push(format!("{name}: {axis} ↓")),
            _ => {}
        }
    }
    match learned {
        0 => {}
        1 => parts.push("something learned".to_owned()),
        n => parts.push(format!("{n} things learned")),
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
