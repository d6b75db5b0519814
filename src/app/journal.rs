//! The entries of the recollections view, in the order they are listed: the memories
//! Kathy holds, era by era in the story's order, then her keepsakes.

use crate::engine::GameState;
use crate::story::{Era, Keepsake, Memory, Story};

#[derive(Debug, Clone, Copy)]
pub enum Entry<'s> {
    Memory(&'s Memory),
    Keepsake(&'s Keepsake),
}

impl Entry<'_> {
    pub fn id(&self) -> &str {
        match self {
            Entry::Memory(m) => &m.id,
            Entry::Keepsake(k) => &k.id,
        }
    }
}

/// A heading and its entries, as the list groups them.
pub struct Group<'s> {
    /// The era, or `None` for the keepsakes.
    pub era: Option<&'s Era>,
    pub entries: Vec<Entry<'s>>,
}

pub fn groups<'s>(story: &'s Story, state: &GameState) -> Vec<Group<'s>> {
    let mut groups: Vec<Group<'s>> = story
        .eras
        .iter()
        .map(|era| Group {
            era: Some(era),
            entries: story
                .memories
                .iter()
                .filter(|m| m.era == era.id && state.memories.contains_key(&m.id))
                .map(Entry::Memory)
                .collect(),
        })
        .filter(|g| !g.entries.is_empty())
        .collect();
    let keepsakes: Vec<_> = story
        .keepsakes
        .iter()
        .filter(|k| state.keepsakes.contains(&k.id))
        .map(Entry::Keepsake)
        .collect();
    if !keepsakes.is_empty() {
        groups.push(Group {
            era: None,
            entries: keepsakes,
        });
    }
    groups
}

/// Every entry in list order.
pub fn entries<'s>(story: &'s Story, state: &GameState) -> Vec<Entry<'s>> {
    groups(story, state).into_iter().flat_map(|g| g.entries).collect()
}
