//! Between the stepped [`State`] (indices) and the readable [`GameState`] (names):
//! saves, tests and views read the record; the engine steps the state.
//!
//! A record names things by id, so it survives a story whose ids were reordered, and a
//! save stays readable RON. Reading a record into a state skips any name the story does
//! not have (a save of an edited story): comparing the records of the two, as replay
//! verification does, shows exactly what was lost.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::story::Story;
use crate::story::compiled::{AxisIx, EndingIx, EraIx, MemIx, Names, Plan, SceneIx, ToneIx};

use super::bits::Bits;
use super::core::{Held, Move, State};
use super::state::{GameState, HeldMemory, RelationshipMove, Step};

/// The record of `state`, whose choices so far were `log`.
pub fn record(story: &Story, state: &State, log: &[Step]) -> GameState {
    let plan = story.plan();
    GameState {
        scene: plan.scene_names.name(state.scene.index()).to_owned(),
        era: plan.eras.name(state.era.index()).to_owned(),
        memories: held_memories(plan, state),
        relationships: relationships(story, state),
        last_moves: last_moves(plan, state),
        knowledge: names(&state.knowledge, &plan.knowledge),
        flags: names(&state.flags, &plan.flags),
        keepsakes: names(&state.keepsakes, &plan.keepsakes),
        visits: state
            .visits
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(i, &n)| (plan.scene_names.name(i).to_owned(), n))
            .collect(),
        rng: state.rng,
        rolls: state.rolls.clone(),
        picks: state.picks.clone(),
        returns: state
            .returns
            .iter()
            .map(|s| plan.scene_names.name(s.index()).to_owned())
            .collect(),
        log: log.to_vec(),
        ending: state.ending.map(|e| plan.endings.name(e.index()).to_owned()),
    }
}

/// The names of the members of `bits`, from `table`.
fn names(bits: &Bits, table: &Names) -> BTreeSet<String> {
    bits.iter().map(|i| table.name(i).to_owned()).collect()
}

/// The memories held, by name.
fn held_memories(plan: &Plan, state: &State) -> BTreeMap<String, HeldMemory> {
    state
        .memories
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.map(|h| (i, h)))
        .map(|(i, h)| {
            (
                plan.memories.name(i).to_owned(),
                HeldMemory {
                    tone: plan.tones.name(h.tone.index()).to_owned(),
                    recorded_at: h.recorded_at as usize,
                    revised_at: h.revised_at.map(|r| r as usize),
                },
            )
        })
        .collect()
}

/// Every character's axes and their values, by name; a character without axes too.
fn relationships(story: &Story, state: &State) -> BTreeMap<String, BTreeMap<String, i32>> {
    let plan = story.plan();
    let mut relationships: BTreeMap<String, BTreeMap<String, i32>> = BTreeMap::new();
    for (i, axis) in plan.axes.iter().enumerate() {
        let value = state.axes.get(i).copied().unwrap_or(axis.initial);
        relationships
            .entry(plan.characters.name(axis.character.index()).to_owned())
            .or_default()
            .insert(axis.id.clone(), value);
    }
    for c in &story.characters {
        relationships.entry(c.id.clone()).or_default();
    }
    relationships
}

/// Each character's last move, by the character's name.
fn last_moves(plan: &Plan, state: &State) -> BTreeMap<String, RelationshipMove> {
    state
        .last_moves
        .iter()
        .enumerate()
        .filter_map(|(c, m)| m.map(|m| (c, m)))
        .map(|(c, m)| {
            (
                plan.characters.name(c).to_owned(),
                RelationshipMove {
                    axis: plan
                        .axes
                        .get(m.axis.index())
                        .map_or_else(String::new, |a| a.id.clone()),
                    from: m.from,
                    to: m.to,
                    scene: plan.scene_names.name(m.scene.index()).to_owned(),
                    step: m.step as usize,
                },
            )
        })
        .collect()
}

/// The state a record describes, read against `story`; names the story does not have
/// are skipped (see the module's documentation). `None` when the record's scene is not
/// in the story.
pub fn read(story: &Story, record: &GameState) -> Option<State> {
    let plan = story.plan();
    let scene = SceneIx(plan.scene_names.get(&record.scene)?);
    let mut state = State::blank(plan, record.rng.seed, scene);
    state.era = plan.eras.get(&record.era).map_or(state.era, EraIx);
    read_memories(plan, record, &mut state);
    read_relationships(plan, record, &mut state);
    read_names(&mut state.knowledge, &record.knowledge, &plan.knowledge);
    read_names(&mut state.flags, &record.flags, &plan.flags);
    read_names(&mut state.keepsakes, &record.keepsakes, &plan.keepsakes);
    for (name, &n) in &record.visits {
        if let Some(i) = plan.scene_names.get(name) {
            state.visits[i as usize] = n;
        }
    }
    mark_taken(story, &mut state.taken, &record.log);
    state.rng = record.rng;
    state.rolls.clone_from(&record.rolls);
    state.picks.clone_from(&record.picks);
    state.returns = record
        .returns
        .iter()
        .filter_map(|s| plan.scene_names.get(s).map(SceneIx))
        .collect();
    state.step = u32::try_from(record.log.len()).unwrap_or(u32::MAX);
    state.ending = record
        .ending
        .as_ref()
        .and_then(|e| plan.endings.get(e))
        .map(EndingIx);
    Some(state)
}

/// The record's memories the story has, in tones it has.
fn read_memories(plan: &Plan, record: &GameState, state: &mut State) {
    for (name, held) in &record.memories {
        let (Some(m), Some(tone)) = (plan.memories.get(name), plan.tones.get(&held.tone)) else {
            continue;
        };
        state.memories[MemIx(m).index()] = Some(Held {
            tone: ToneIx(tone),
            recorded_at: u32::try_from(held.recorded_at).unwrap_or(u32::MAX),
            revised_at: held.revised_at.map(|r| u32::try_from(r).unwrap_or(u32::MAX)),
        });
    }
}

/// The record's axis values and last moves the story has.
fn read_relationships(plan: &Plan, record: &GameState, state: &mut State) {
    for (character, axes) in &record.relationships {
        for (axis, &value) in axes {
            if let Some(i) = plan.axis(character, axis) {
                state.axes[i.index()] = value;
            }
        }
    }
    for (character, m) in &record.last_moves {
        let (Some(c), Some(axis), Some(at)) = (
            plan.characters.get(character),
            plan.axis(character, &m.axis),
            plan.scene_names.get(&m.scene),
        ) else {
            continue;
        };
        state.last_moves[c as usize] = Some(Move {
            axis: AxisIx(axis.0),
            from: m.from,
            to: m.to,
            scene: SceneIx(at),
            step: u32::try_from(m.step).unwrap_or(u32::MAX),
        });
    }
}

/// Inserts into `bits` each of `names` that `table` has.
fn read_names(bits: &mut Bits, names: &BTreeSet<String>, table: &Names) {
    for n in names {
        if let Some(i) = table.get(n) {
            bits.insert(i as usize);
        }
    }
}

/// Marks every choice of `log` the story still has as taken.
fn mark_taken(story: &Story, taken: &mut Bits, log: &[Step]) {
    let plan = story.plan();
    for step in log {
        let Some(s) = plan.scene_names.get(&step.scene) else {
            continue;
        };
        let Some(scene) = story.scenes.get(s as usize) else {
            continue;
        };
        if let Some(c) = scene.choices.iter().position(|c| c.id == step.choice) {
            taken.insert(plan.scenes[s as usize].choices[c].global as usize);
        }
    }
}

/// Anything the engine can read a state from: a state itself, or a record.
pub trait Reading {
    /// The state, read against `story` if it has to be.
    fn state<'a>(&'a self, story: &Story) -> Cow<'a, State>;
}

impl Reading for State {
    fn state<'a>(&'a self, _: &Story) -> Cow<'a, State> {
        Cow::Borrowed(self)
    }
}

impl Reading for GameState {
    fn state<'a>(&'a self, story: &Story) -> Cow<'a, State> {
        let plan = story.plan();
        Cow::Owned(
            read(story, self)
                .unwrap_or_else(|| State::blank(plan, self.rng.seed, plan.start.unwrap_or(SceneIx(0)))),
        )
    }
}

/// A fingerprint of a state, taken directly from it: stable on every machine, and
/// independent of the order the story declares its ids in (each id contributes the
/// hash of its name). Two states with the same record and the same number of choices
/// made have the same fingerprint.
pub fn fingerprint(plan: &Plan, state: &State) -> u64 {
    let mut h = Fold(0x9e37_79b9_7f4a_7c15);
    h.add(plan.scene_names.hash(state.scene.index()));
    h.add(plan.eras.hash(state.era.index()));
    h.add(state.ending.map_or(1, |e| plan.endings.hash(e.index())));
    h.add(u64::from(state.step));
    h.add(state.rng.seed);
    h.add(state.rng.position);
    h.add(set_hash(&state.flags, &plan.flags, 2));
    h.add(set_hash(&state.knowledge, &plan.knowledge, 3));
    h.add(set_hash(&state.keepsakes, &plan.keepsakes, 4));
    h.add(memories_hash(plan, state));
    let mut axes = 6u64;
    for (i, &v) in state.axes.iter().enumerate() {
        axes = axes.wrapping_add(mix(plan.axis_names.hash(i) ^ u64::from(v.cast_unsigned())));
    }
    h.add(axes);
    h.add(moves_hash(plan, state));
    let mut visits = 8u64;
    for (i, &n) in state.visits.iter().enumerate() {
        if n > 0 {
            visits = visits.wrapping_add(mix(plan.scene_names.hash(i) ^ u64::from(n)));
        }
    }
    h.add(visits);
    for &r in &state.rolls {
        h.add(u64::from(r) | 0x100);
    }
    h.add(9);
    for &p in &state.picks {
        h.add(u64::from(p) | 0x1_0000);
    }
    h.add(10);
    for s in &state.returns {
        h.add(plan.scene_names.hash(s.index()));
    }
    h.0
}

/// An order-independent hash of a set of names, starting from `tag`.
fn set_hash(bits: &Bits, table: &Names, tag: u64) -> u64 {
    bits.iter()
        .fold(tag, |acc, i| acc.wrapping_add(mix(table.hash(i))))
}

/// An order-independent hash of the memories held, their tones and steps.
fn memories_hash(plan: &Plan, state: &State) -> u64 {
    let mut memories = 5u64;
    for (i, held) in state.memories.iter().enumerate() {
        if let Some(held) = held {
            let revised = held.revised_at.map_or(u64::MAX, u64::from);
            let entry = mix(plan.memories.hash(i) ^ mix(plan.tones.hash(held.tone.index())))
                ^ mix(u64::from(held.recorded_at).wrapping_add(revised.rotate_left(32)));
            memories = memories.wrapping_add(mix(entry));
        }
    }
    memories
}

/// An order-independent hash of every character's last move.
fn moves_hash(plan: &Plan, state: &State) -> u64 {
    let mut moves = 7u64;
    for (c, m) in state.last_moves.iter().enumerate() {
        if let Some(m) = m {
            let entry = plan.characters.hash(c)
                ^ mix(plan.axis_names.hash(m.axis.index()))
                ^ mix(plan.scene_names.hash(m.scene.index()))
                ^ mix(u64::from(m.from.cast_unsigned()) | (u64::from(m.to.cast_unsigned()) << 32))
                ^ u64::from(m.step).rotate_left(17);
            moves = moves.wrapping_add(mix(entry));
        }
    }
    moves
}

/// An order-dependent fold of words.
struct Fold(u64);

impl Fold {
    fn add(&mut self, word: u64) {
        self.0 = mix(self.0 ^ word);
    }
}

/// The finaliser of `SplitMix64`: a fast, well-spread mix of one word.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn played() -> (crate::story::Story, State, Vec<Step>) {
        let story = crate::story::load_embedded()
            .expect("the built-in story loads")
            .story;
        let mut state = crate::engine::begin_at(&story, 5, &story.start, &mut ()).expect("starts");
        let mut log = Vec::new();
        for _ in 0..40 {
            let Some(position) = crate::engine::core::offered(story.plan(), &state).last() else {
                break;
            };
            let scene = &story.scenes[state.scene.index()];
            log.push(Step {
                scene: scene.id.clone(),
                choice: scene.choices[position].id.clone(),
            });
            crate::engine::core::step(&story, &mut state, position, &mut ()).expect("steps");
        }
        (story, state, log)
    }

    #[test]
    fn a_record_reads_back_into_the_very_state() {
        let (story, state, log) = played();
        let record = record(&story, &state, &log);
        assert!(!record.memories.is_empty() && !record.flags.is_empty() && record.log.len() == 40);
        assert_eq!(read(&story, &record).as_ref(), Some(&state));
    }

    #[test]
    fn fingerprints_tell_states_apart_and_agree_on_equal_ones() {
        let (story, state, _) = played();
        let plan = story.plan();
        let mut moved = state.clone();
        assert_eq!(fingerprint(plan, &state), fingerprint(plan, &moved));
        moved.visits[0] += 1;
        assert_ne!(fingerprint(plan, &state), fingerprint(plan, &moved));
        let mut other = state.clone();
        other.flags.clear();
        assert_ne!(fingerprint(plan, &state), fingerprint(plan, &other));
    }
}
