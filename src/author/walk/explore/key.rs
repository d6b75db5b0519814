//! The key `walk --explore` deduplicates states by: a hash of the scene and the
//! ending, the once-only choices taken, the stack of returns, and of everything else
//! only what some choice's condition reads (visit counts capped just above the largest
//! compared with, and counted for scenes whose text varies with them). Two states with
//! the same key have the same ways on.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::engine::State;
use crate::engine::bits::Bits;
use crate::story::compiled::{Plan, Test};
use crate::story::{Cmp, Story};

/// What choice conditions read: only these can change which choices are offered, so
/// only these tell two states apart (text and reflections never change the path).
struct Read {
    flags: Bits,
    knowledge: Bits,
    keepsakes: Bits,
    memories: Vec<usize>,
    axes: Vec<usize>,
    visits: Vec<usize>,
    era: bool,
    chance: bool,
    visit_cap: u32,
}

impl Read {
    fn new(plan: &Plan) -> Self {
        Read {
            flags: Bits::new(plan.flags.len()),
            knowledge: Bits::new(plan.knowledge.len()),
            keepsakes: Bits::new(plan.keepsakes.len()),
            memories: Vec::new(),
            axes: Vec::new(),
            visits: Vec::new(),
            era: false,
            chance: false,
            visit_cap: 0,
        }
    }

    fn note(&mut self, t: &Test) {
        match t {
            Test::All(l) | Test::Any(l) => l.iter().for_each(|t| self.note(t)),
            Test::Not(inner) => self.note(inner),
            Test::Const(_) => {}
            Test::Flag(x) => _ = self.flags.insert(x.index()),
            Test::Knows(x) => _ = self.knowledge.insert(x.index()),
            Test::Has(x) => _ = self.keepsakes.insert(x.index()),
            Test::Remembers(m) | Test::RemembersAs(m, _) => self.memories.push(m.index()),
            Test::Rel(a, _, _) => self.axes.push(a.index()),
            Test::Visits(s, cmp, n) => {
                self.visits.push(s.index());
                let n = if *cmp == Cmp::Gt { n.saturating_add(1) } else { *n };
                self.visit_cap = self.visit_cap.max(n);
            }
            Test::Era(_) => self.era = true,
            Test::Chance { .. } => self.chance = true,
        }
    }
}

/// Makes the key of a state: see the module's documentation.
pub(super) struct Keyer {
    read: Read,
    /// The once-only choices, by their place among all the story's choices.
    once: Bits,
}

impl Keyer {
    pub(super) fn new(story: &Story) -> Self {
        let plan = story.plan();
        let mut read = Read::new(plan);
        for s in &plan.scenes {
            s.choices
                .iter()
                .filter_map(|c| c.when.as_ref())
                .for_each(|t| read.note(t));
        }
        // The visits of a scene whose text varies with them tell its states apart, so
        // that every alternative is seen. (Other facts text reads do not: they would
        // multiply the states; text is marked on every state the search generates.)
        for (scene, alternatives) in super::super::texts::varying_scenes(story) {
            if let Some(i) = plan.scene_names.get(&scene) {
                read.visits.push(i as usize);
            }
            read.visit_cap = read
                .visit_cap
                .max(u32::try_from(alternatives).unwrap_or(u32::MAX));
        }
        read.visit_cap = read.visit_cap.saturating_add(1);
        for list in [&mut read.memories, &mut read.axes, &mut read.visits] {
            list.sort_unstable();
            list.dedup();
        }
        let mut once = Bits::new(plan.choice_total);
        for c in plan
            .scenes
            .iter()
            .flat_map(|s| s.choices.iter())
            .filter(|c| c.once)
        {
            once.insert(c.global as usize);
        }
        Keyer { read, once }
    }

    /// A hash of what can change the way on from `s`.
    #[inline]
    pub(super) fn key(&self, s: &State) -> u64 {
        let r = &self.read;
        let mut h = DefaultHasher::new();
        (s.scene, s.ending).hash(&mut h);
        if r.era {
            s.era.hash(&mut h);
        }
        for (set, read) in [
            (&s.flags, &r.flags),
            (&s.knowledge, &r.knowledge),
            (&s.keepsakes, &r.keepsakes),
        ] {
            set.iter()
                .filter(|&x| read.contains(x))
                .for_each(|x| x.hash(&mut h));
            0xfe_u8.hash(&mut h);
        }
        for &m in &r.memories {
            s.memories
                .get(m)
                .copied()
                .flatten()
                .map(|held| held.tone)
                .hash(&mut h);
        }
        for &a in &r.axes {
            s.axes.get(a).hash(&mut h);
        }
        for &v in &r.visits {
            s.visits.get(v).map(|n| (*n).min(r.visit_cap)).hash(&mut h);
        }
        s.returns.hash(&mut h);
        if r.chance {
            s.rolls.hash(&mut h);
        }
        s.taken
            .iter()
            .filter(|&c| self.once.contains(c))
            .for_each(|c| c.hash(&mut h));
        h.finish()
    }
}
