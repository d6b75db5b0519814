//! Text coverage for `walk --explore`: every paragraph, inline alternative and
//! reflection of the story, and whether some explored state shows it.
//!
//! Items are numbered once, in story order; marking a state walks the same structure
//! with the same numbering, following only what shows. A `{shuffle: …}` counts every
//! alternative as shown wherever it is read, since any pick can come up.

use serde::{Deserialize, Serialize};

use crate::engine::{State, core};
use crate::story::compiled::SceneIx;
use crate::story::text::{IfForm, Piece, Text, Vary, VaryForm};
use crate::story::{Pos, Story};

/// A piece of text that no explored state showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnshownText {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What it is, e.g. `paragraph 2 of scene 'hall'` or `{seq: …} alternative 3`.
    pub what: String,
}

pub(super) struct TextCoverage {
    items: Vec<UnshownText>,
    seen: Vec<bool>,
    /// First item of each scene's paragraphs, and of its choice labels.
    scene_base: Vec<usize>,
    memory_base: Vec<usize>,
}

impl TextCoverage {
    pub(super) fn new(story: &Story) -> Self {
        let mut items = Vec::new();
        let mut scene_base = Vec::new();
        for scene in &story.scenes {
            scene_base.push(items.len());
            for (i, p) in scene.text.iter().enumerate() {
                items.push(item(
                    &scene.file,
                    p.pos,
                    format!("paragraph {} of scene '{}'", i + 1, scene.id),
                ));
                alternatives(&p.parts, &scene.file, &mut items);
            }
            for c in &scene.choices {
                alternatives(&c.label_parts, &scene.file, &mut items);
            }
        }
        let mut memory_base = Vec::new();
        for m in &story.memories {
            memory_base.push(items.len());
            let file = m.file.clone();
            for (i, r) in m.reflections.iter().enumerate() {
                items.push(item(
                    &file,
                    r.pos,
                    format!("reflection {} of memory '{}'", i + 1, m.id),
                ));
                alternatives(&r.parts, &file, &mut items);
            }
        }
        let seen = vec![false; items.len()];
        Self {
            items,
            seen,
            scene_base,
            memory_base,
        }
    }

    /// Marks what `state` shows: its scene's paragraphs and offered labels, and the
    /// reflection of every memory it holds.
    pub(super) fn mark(&mut self, story: &Story, si: usize, state: &State) {
        let plan = story.plan();
        let (Some(scene), Some(compiled)) = (story.scenes.get(si), plan.scenes.get(si)) else {
            return;
        };
        let here = SceneIx(u32::try_from(si).unwrap_or(u32::MAX));
        let mut at = self.scene_base[si];
        for (p, test) in scene.text.iter().zip(&compiled.paragraphs) {
            let shows = test.as_ref().is_none_or(|t| core::holds(t, state));
            self.seen[at] |= shows;
            at += 1;
            at = self.walk(story, &p.parts, state, here, at, shows);
        }
        let offered = state.scene == here;
        for (c, cp) in scene.choices.iter().zip(&compiled.choices) {
            let shows = offered && core::is_offered(cp, state);
            at = self.walk(story, &c.label_parts, state, here, at, shows);
        }
        self.mark_memories(story, here, state);
    }

    fn mark_memories(&mut self, story: &Story, scene: SceneIx, state: &State) {
        let plan = story.plan();
        for (mi, m) in story.memories.iter().enumerate() {
            let held = state.memories.get(mi).is_some_and(Option::is_some);
            let tests = plan.reflections.get(mi).map_or(&[][..], |t| &t[..]);
            let current = tests
                .iter()
                .rposition(|t| t.as_ref().is_none_or(|t| core::holds(t, state)));
            let mut at = self.memory_base[mi];
            for (i, r) in m.reflections.iter().enumerate() {
                let shows = held && current == Some(i);
                self.seen[at] |= shows;
                at += 1;
                at = self.walk(story, &r.parts, state, scene, at, shows);
            }
        }
    }

    /// Marks the alternatives of `text` that show (when `shows`), numbered from `at`;
    /// returns the number after its last.
    fn walk(
        &mut self,
        story: &Story,
        text: &Text,
        state: &State,
        scene: SceneIx,
        mut at: usize,
        shows: bool,
    ) -> usize {
        for piece in text.pieces() {
            match piece {
                Piece::If(form) => {
                    let IfForm {
                        negate,
                        when,
                        then,
                        otherwise,
                        ..
                    } = &**form;
                    let yes = shows && (core::holds(&story.plan().test(when), state) ^ *negate);
                    self.seen[at] |= yes;
                    at = self.walk(story, then, state, scene, at + 1, yes);
                    if !otherwise.pieces().is_empty() {
                        let no = shows && !yes;
                        self.seen[at] |= no;
                        at = self.walk(story, otherwise, state, scene, at + 1, no);
                    }
                }
                Piece::Vary(form) => {
                    let VaryForm { kind, alts, .. } = &**form;
                    let n = usize::try_from(state.visits(scene).saturating_sub(1)).unwrap_or(usize::MAX);
                    let count = alts.len();
                    for (i, alt) in alts.iter().enumerate() {
                        let picked = match kind {
                            Vary::Seq => i == n.min(count - 1),
                            Vary::Cycle => i == n % count,
                            Vary::Once => i == n,
                            Vary::Shuffle { .. } => true,
                        };
                        let yes = shows && picked;
                        self.seen[at] |= yes;
                        at = self.walk(story, alt, state, scene, at + 1, yes);
                    }
                }
                Piece::Lit(_) | Piece::Star => {}
            }
        }
        at
    }

    /// Everything no marked state showed, in story order.
    pub(super) fn unshown(&self) -> Vec<UnshownText> {
        self.items
            .iter()
            .zip(&self.seen)
            .filter(|(_, seen)| !**seen)
            .map(|(i, _)| i.clone())
            .collect()
    }
}

fn item(file: &str, pos: Pos, what: String) -> UnshownText {
    UnshownText {
        file: file.to_owned(),
        line: pos.line as usize,
        column: pos.column as usize,
        what,
    }
}

/// Numbers the alternatives of `text`, depth first, as `walk` visits them.
fn alternatives(text: &Text, file: &str, out: &mut Vec<UnshownText>) {
    for piece in text.pieces() {
        match piece {
            Piece::If(form) => {
                let IfForm {
                    pos,
                    name,
                    negate,
                    then,
                    otherwise,
                    ..
                } = &**form;
                let bang = if *negate { "!" } else { "" };
                out.push(item(file, *pos, format!("{{{bang}{name} ? …}} when it holds")));
                alternatives(then, file, out);
                if !otherwise.pieces().is_empty() {
                    out.push(item(file, *pos, format!("{{{bang}{name} ? … | …}} otherwise")));
                    alternatives(otherwise, file, out);
                }
            }
            Piece::Vary(form) => {
                let VaryForm { pos, kind, alts, .. } = &**form;
                for (i, alt) in alts.iter().enumerate() {
                    out.push(item(
                        file,
                        *pos,
                        format!(
                            "{{{}: …}} alternative {} (\"{}\")",
                            kind.keyword(),
                            i + 1,
                            alt.outline()
                        ),
                    ));
                    alternatives(alt, file, out);
                }
            }
            Piece::Lit(_) | Piece::Star => {}
        }
    }
}

/// The scenes whose text picks an alternative by their visits (`seq`, `cycle`,
/// `once`), each with the most alternatives one of its forms has.
pub(super) fn varying_scenes(story: &Story) -> Vec<(String, usize)> {
    let mut varying = Vec::new();
    for scene in &story.scenes {
        let mut most = 0;
        let texts = scene.text.iter().map(|p| &p.parts);
        for text in texts.chain(scene.choices.iter().map(|c| &c.label_parts)) {
            most = most.max(alternatives_by_visits(text));
        }
        if most > 0 {
            varying.push((scene.id.clone(), most));
        }
    }
    varying
}

fn alternatives_by_visits(text: &Text) -> usize {
    let mut most = 0;
    for piece in text.pieces() {
        match piece {
            Piece::If(form) => {
                let IfForm { then, otherwise, .. } = &**form;
                most = most
                    .max(alternatives_by_visits(then))
                    .max(alternatives_by_visits(otherwise));
            }
            Piece::Vary(form) => {
                let VaryForm { kind, alts, .. } = &**form;
                if !matches!(kind, Vary::Shuffle { .. }) {
                    most = most.max(alts.len());
                }
                for a in alts {
                    most = most.max(alternatives_by_visits(a));
                }
            }
            Piece::Lit(_) | Piece::Star => {}
        }
    }
    most
}
