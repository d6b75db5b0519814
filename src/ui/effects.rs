//! What the last choice did, in words, as the player's setting asks: a line for each
//! memory, keepsake, thing learned and change between people; one brief line; or
//! nothing. The play view puts them after the scene's text, never before it.

use std::collections::BTreeMap;

use crate::app::settings::Effects;
use crate::engine::Event;
use crate::plain::describe_events;
use crate::story::Story;

/// The lines to show for `events`.
pub fn lines(story: &Story, events: &[Event], how: Effects) -> Vec<String> {
    match how {
        Effects::All => describe_events(story, events),
        Effects::Brief => brief(story, events).into_iter().collect(),
        Effects::None => Vec::new(),
    }
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
