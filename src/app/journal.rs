//! The entries of the recollections view, in the order they are listed: the memories
//! Kathy holds, era by era in the story's order (or in the order she came to them),
//! then her keepsakes, and those she has lost along the way.
//!
//! What she no longer holds, and how she held a memory before she remembered it
//! differently, is not in the state; [`Past`] gathers it from the path read so far
//! when the recollections open.

use std::collections::BTreeMap;

use crate::engine::{Event, GameState};
use crate::replay::Frame;
use crate::story::{Era, Keepsake, Memory, Story};

#[derive(Debug, Clone, Copy)]
pub enum Entry<'s> {
    Memory(&'s Memory),
    Keepsake(&'s Keepsake),
    /// A keepsake Kathy had and lost.
    Lost(&'s Keepsake),
}

impl Entry<'_> {
    pub fn id(&self) -> &str {
        match self {
            Entry::Memory(m) => &m.id,
            Entry::Keepsake(k) | Entry::Lost(k) => &k.id,
        }
    }
}

/// How the memories are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Under their eras, in the story's order.
    #[default]
    ByEra,
    /// In the order they were first remembered.
    Recorded,
}

impl Order {
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::ByEra => Self::Recorded,
            Self::Recorded => Self::ByEra,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::ByEra => "by era",
            Self::Recorded => "in the order remembered",
        }
    }
}

/// What the path so far says that the state does not: keepsakes lost, and the tones a
/// memory was held in before, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Past {
    pub lost: Vec<String>,
    pub earlier_tones: BTreeMap<String, Vec<String>>,
}

impl Past {
    pub fn of(frames: &[Frame], state: &GameState) -> Self {
        let mut past = Self::default();
        for event in frames.iter().flat_map(|f| &f.events) {
            match event {
                Event::KeepsakeLost { keepsake } if !past.lost.contains(keepsake) => {
                    past.lost.push(keepsake.clone());
                }
                Event::KeepsakeGained { keepsake } => past.lost.retain(|k| k != keepsake),
                Event::MemoryRecorded {
                    memory,
                    previous_tone: Some(old),
                    ..
                } => past
                    .earlier_tones
                    .entry(memory.clone())
                    .or_default()
                    .push(old.clone()),
                _ => {}
            }
        }
        past.lost.retain(|k| !state.keepsakes.contains(k));
        past
    }
}

/// A heading and its entries, as the list groups them.
pub struct Group<'s> {
    /// The heading: an era's title, "As remembered", or "Keepsakes".
    pub heading: &'s str,
    /// The era, or `None` for the keepsakes and the memories in the order remembered.
    pub era: Option<&'s Era>,
    pub entries: Vec<Entry<'s>>,
}

/// The memories by era, then the keepsakes held (as the ending page lists them).
pub fn groups<'s>(story: &'s Story, state: &GameState) -> Vec<Group<'s>> {
    arranged(story, state, &Past::default(), Order::ByEra)
}

/// The groups of the recollections, in `order`, with the keepsakes lost at the end.
pub fn arranged<'s>(story: &'s Story, state: &GameState, past: &Past, order: Order) -> Vec<Group<'s>> {
    let held = |m: &&Memory| state.memories.contains_key(&m.id);
    let mut groups: Vec<Group<'s>> = match order {
        Order::ByEra => story
            .eras
            .iter()
            .map(|era| Group {
                heading: era.title.as_str(),
                era: Some(era),
                entries: story
                    .memories
                    .iter()
                    .filter(|m| m.era == era.id)
                    .filter(held)
                    .map(Entry::Memory)
                    .collect(),
            })
            .collect(),
        Order::Recorded => {
            let mut memories: Vec<&Memory> = story.memories.iter().filter(held).collect();
            memories.sort_by_key(|m| state.memories.get(&m.id).map_or(0, |h| h.recorded_at));
            vec![Group {
                heading: "As remembered",
                era: None,
                entries: memories.into_iter().map(Entry::Memory).collect(),
            }]
        }
    };
    groups.retain(|g| !g.entries.is_empty());
    let mut keepsakes: Vec<_> = story
        .keepsakes
        .iter()
        .filter(|k| state.keepsakes.contains(&k.id))
        .map(Entry::Keepsake)
        .collect();
    keepsakes.extend(
        past.lost
            .iter()
            .filter_map(|id| story.keepsake(id))
            .map(Entry::Lost),
    );
    if !keepsakes.is_empty() {
        groups.push(Group {
            heading: "Keepsakes",
            era: None,
            entries: keepsakes,
        });
    }
    groups
}

/// Every entry of the recollections in list order.
pub fn entries<'s>(story: &'s Story, state: &GameState, past: &Past, order: Order) -> Vec<Entry<'s>> {
    arranged(story, state, past, order)
        .into_iter()
        .flat_map(|g| g.entries)
        .collect()
}
