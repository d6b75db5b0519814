//! The plain player's views as text: the recollections and the relationships.

use crate::engine::{self, GameState};
use crate::story::Story;

/// The recollections as plain text: memories by era, each with tone and reflection.
pub fn recollections_text(story: &Story, state: &GameState) -> String {
    let mut out = String::from("Recollections\n");
    if state.memories.is_empty() {
        out.push_str("  Nothing yet.\n");
    }
    for era in &story.eras {
        let held: Vec<_> = story
            .memories
            .iter()
            .filter(|m| m.era == era.id && state.memories.contains_key(&m.id))
            .collect();
        if held.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}\n", era.title));
        for m in held {
            let tone = state.memories.get(&m.id).map_or("", |h| h.tone.as_str());
            out.push_str(&format!("    {} ({tone}): {}\n", m.title, m.summary));
            if let Some(r) = engine::reflection(story, state, &m.id) {
                out.push_str(&format!("      {r}\n"));
            }
        }
    }
    if !state.keepsakes.is_empty() {
        out.push_str("  Keepsakes\n");
        for k in story.keepsakes.iter().filter(|k| state.keepsakes.contains(&k.id)) {
            out.push_str(&format!("    {}: {}\n", k.name, k.description));
        }
    }
    out
}

/// Each character's axes as plain text, with the last change that moved them.
pub fn relationships_text(story: &Story, state: &GameState) -> String {
    let mut out = String::from("Relationships\n");
    for c in &story.characters {
        let axes: Vec<String> = c
            .axes
            .iter()
            .map(|a| {
                format!(
                    "{} {} of {}..{}",
                    a.id,
                    state.relationship(&c.id, &a.id).unwrap_or(a.initial),
                    a.min,
                    a.max
                )
            })
            .collect();
        out.push_str(&format!("  {}: {}\n", c.name, axes.join(", ")));
        if let Some(m) = state.last_moves.get(&c.id) {
            let scene = story
                .scene(&m.scene)
                .map_or(m.scene.as_str(), |s| s.title.as_str());
            out.push_str(&format!(
                "    last moved: {} {} to {} in \"{scene}\"\n",
                m.axis, m.from, m.to
            ));
        }
    }
    out
}
