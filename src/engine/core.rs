//! The stepped state and the step: fixed shapes over the story's indices, changed in
//! place.
//!
//! A [`State`] is sized from the story when the game starts (bitsets for flags,
//! knowledge, keepsakes and once-only choices taken; vectors for memories, axes and
//! visits) and never grows while it is stepped, except for the short stack of scenes
//! to go `Back` to. It holds no log: the timeline (or the caller) keeps the steps.
//! [`step`] checks everything before it changes anything, so a refused choice leaves
//! the state as it was. What changed is told to an [`Events`] sink: a front end
//! collects named [`Event`]s, a walker passes `()` and pays nothing for them. The
//! effects themselves are in `effects`.

use crate::story::Story;
use crate::story::compiled::{
    AxisIx, ChoicePlan, EndingIx, EraIx, MemIx, Plan, SceneIx, ScenePlan, Target, Test, ToneIx,
};

use super::bits::Bits;
use super::rng::RngState;
use super::{EngineError, Event, MAX_RETURNS};

mod effects;

use effects::apply;
pub(crate) use effects::apply_op;

/// Everything the engine steps: see the module's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub scene: SceneIx,
    pub era: EraIx,
    /// By memory: how it is held, if it is.
    pub memories: Vec<Option<Held>>,
    /// By axis (see `Plan::axes`): its value.
    pub axes: Vec<i32>,
    /// By character: the last change that moved one of their axes.
    pub last_moves: Vec<Option<Move>>,
    pub knowledge: Bits,
    pub flags: Bits,
    pub keepsakes: Bits,
    /// Choices taken at least once, by their place among all the story's choices.
    pub taken: Bits,
    /// By scene: how many times it has been entered.
    pub visits: Vec<u32>,
    pub rng: RngState,
    pub rolls: Vec<u8>,
    pub picks: Vec<u16>,
    pub returns: Vec<SceneIx>,
    /// How many choices have been made.
    pub step: u32,
    pub ending: Option<EndingIx>,
}

/// A memory held, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub tone: ToneIx,
    pub recorded_at: u32,
    pub revised_at: Option<u32>,
}

/// The last move of one of a character's axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub axis: AxisIx,
    pub from: i32,
    pub to: i32,
    pub scene: SceneIx,
    pub step: u32,
}

/// Where a step's changes are told.
pub trait Events {
    /// Whether anyone listens (when not, no event is even made).
    const LISTENING: bool;
    fn push(&mut self, event: Event);
}

impl Events for Vec<Event> {
    const LISTENING: bool = true;
    fn push(&mut self, event: Event) {
        Vec::push(self, event);
    }
}

/// No one listens: the walkers' sink.
impl Events for () {
    const LISTENING: bool = false;
    fn push(&mut self, _: Event) {}
}

impl State {
    /// A state of `story` before anything has happened, at `scene`.
    pub fn blank(plan: &Plan, seed: u64, scene: SceneIx) -> Self {
        State {
            scene,
            era: plan.scene(scene).map_or(EraIx(0), |s| s.era),
            memories: vec![None; plan.memories.len()],
            axes: plan.axes.iter().map(|a| a.initial).collect(),
            last_moves: vec![None; plan.characters.len()],
            knowledge: Bits::new(plan.knowledge.len()),
            flags: Bits::new(plan.flags.len()),
            keepsakes: Bits::new(plan.keepsakes.len()),
            taken: Bits::new(plan.choice_total),
            visits: vec![0; plan.scenes.len()],
            rng: RngState::new(seed),
            rolls: Vec::new(),
            picks: Vec::new(),
            returns: Vec::new(),
            step: 0,
            ending: None,
        }
    }

    /// Makes this state equal to `other`, reusing its allocations.
    pub fn copy_from(&mut self, other: &State) {
        self.scene = other.scene;
        self.era = other.era;
        self.memories.clone_from(&other.memories);
        self.axes.clone_from(&other.axes);
        self.last_moves.clone_from(&other.last_moves);
        self.knowledge.copy_from(&other.knowledge);
        self.flags.copy_from(&other.flags);
        self.keepsakes.copy_from(&other.keepsakes);
        self.taken.copy_from(&other.taken);
        self.visits.clone_from(&other.visits);
        self.rng = other.rng;
        self.rolls.clone_from(&other.rolls);
        self.picks.clone_from(&other.picks);
        self.returns.clone_from(&other.returns);
        self.step = other.step;
        self.ending = other.ending;
    }

    pub fn visits(&self, scene: SceneIx) -> u32 {
        self.visits.get(scene.index()).copied().unwrap_or(0)
    }
}

/// Starts a game of `story` at `scene`.
pub fn begin<V: Events>(story: &Story, seed: u64, scene: SceneIx, events: &mut V) -> State {
    let mut state = State::blank(story.plan(), seed, scene);
    start(story, &mut state, events);
    state
}

/// [`begin`] in `state`, reusing its allocations: `blank` is [`State::blank`] of this
/// story at the scene to start in, with any seed (for a walker's thousands of runs).
pub fn begin_again<V: Events>(story: &Story, seed: u64, blank: &State, state: &mut State, events: &mut V) {
    state.copy_from(blank);
    state.rng = RngState::new(seed);
    start(story, state, events);
}

/// Enters the scene of a blank state.
fn start<V: Events>(story: &Story, state: &mut State, events: &mut V) {
    if V::LISTENING {
        events.push(Event::EraBegan {
            era: story.plan().eras.name(state.era.index()).to_owned(),
        });
    }
    enter(story, state, state.scene, events);
}

/// The one rule for whether a choice is offered now: its condition holds, a once-only
/// choice has not been taken, and `Back` has somewhere to go.
pub fn is_offered(choice: &ChoicePlan, state: &State) -> bool {
    choice.when.as_ref().is_none_or(|t| holds(t, state))
        && !(choice.once && state.taken.contains(choice.global as usize))
        && !(choice.to == Target::Back && state.returns.is_empty())
}

/// The positions (in the scene's `choices`) of the choices offered now.
pub fn offered(plan: &Plan, state: &State) -> impl Iterator<Item = usize> {
    plan.scene(state.scene)
        .map_or(&[][..], |s| &s.choices[..])
        .iter()
        .enumerate()
        .filter(|(_, c)| is_offered(c, state))
        .map(|(i, _)| i)
}

/// Takes the choice at `position` of the current scene, in place: everything is checked
/// before anything changes.
pub fn step<V: Events>(
    story: &Story,
    state: &mut State,
    position: usize,
    events: &mut V,
) -> Result<(), EngineError> {
    let checked = check(story, state, position)?;
    take(story, state, checked, events);
    Ok(())
}

/// A step that can be taken: the choice, where it leads and that scene's plan.
#[derive(Clone, Copy)]
struct Checked<'s> {
    choice: &'s ChoicePlan,
    to: SceneIx,
    target: &'s ScenePlan,
}

/// Whether the choice at `position` can be taken now, without changing anything.
fn check<'s>(story: &'s Story, state: &State, position: usize) -> Result<Checked<'s>, EngineError> {
    let plan = story.plan();
    let Some(scene) = plan.scene(state.scene) else {
        return Err(EngineError::UnknownScene(scene_name(story, state)));
    };
    if state.ending.is_some() {
        return Err(EngineError::Ended);
    }
    let Some(choice) = scene.choices.get(position).filter(|c| is_offered(c, state)) else {
        let choice = story
            .scenes
            .get(state.scene.index())
            .and_then(|s| s.choices.get(position))
            .map_or_else(|| format!("#{}", position + 1), |c| c.id.clone());
        return Err(EngineError::ChoiceNotOffered {
            scene: scene_name(story, state),
            choice,
        });
    };
    let to = destination(story, state, choice, position)?;
    let Some(target) = plan.scene(to) else {
        return Err(EngineError::UnknownScene(
            plan.scene_names.name(to.index()).to_owned(),
        ));
    };
    if target.era < state.era {
        return Err(EngineError::EraBackwards {
            to: plan.scene_names.name(to.index()).to_owned(),
            to_era: plan.eras.name(target.era.index()).to_owned(),
            from_era: plan.eras.name(state.era.index()).to_owned(),
        });
    }
    Ok(Checked { choice, to, target })
}

/// The id of the current scene, for an error.
fn scene_name(story: &Story, state: &State) -> String {
    story
        .scenes
        .get(state.scene.index())
        .map_or_else(String::new, |s| s.id.clone())
}

/// The scene the choice at `position` leads to: its own, or the last one to go back to.
fn destination(
    story: &Story,
    state: &State,
    choice: &ChoicePlan,
    position: usize,
) -> Result<SceneIx, EngineError> {
    match choice.to {
        Target::Scene(to) => Ok(to),
        Target::Back => state
            .returns
            .last()
            .copied()
            .ok_or_else(|| EngineError::NothingToGoBackTo(scene_name(story, state))),
        Target::Missing => {
            let to = story
                .scenes
                .get(state.scene.index())
                .and_then(|s| s.choices.get(position));
            Err(EngineError::UnknownScene(
                to.map_or_else(String::new, |c| c.to.clone()),
            ))
        }
    }
}

/// Takes a checked step: the choice's effects, the stack of returns, a new era, then
/// the scene entered.
fn take<V: Events>(story: &Story, state: &mut State, checked: Checked<'_>, events: &mut V) {
    let plan = story.plan();
    let Checked { choice, to, target } = checked;
    let from = state.scene;
    let at = state.step;
    for &op in &choice.ops {
        apply(plan, state, from, at, op, events);
    }
    state.taken.insert(choice.global as usize);
    state.step = state.step.saturating_add(1);
    if choice.to == Target::Back {
        state.returns.pop();
    } else if story.scenes.get(to.index()).is_some_and(|s| s.returns) {
        state.returns.push(from);
        if state.returns.len() > MAX_RETURNS {
            state.returns.remove(0);
        }
    }
    if target.era != state.era {
        state.era = target.era;
        if V::LISTENING {
            events.push(Event::EraBegan {
                era: plan.eras.name(target.era.index()).to_owned(),
            });
        }
    }
    enter(story, state, to, events);
}

fn enter<V: Events>(story: &Story, state: &mut State, to: SceneIx, events: &mut V) {
    let plan = story.plan();
    let Some(scene) = plan.scene(to) else {
        return;
    };
    let model = &story.scenes[to.index()];
    state.scene = to;
    if let Some(v) = state.visits.get_mut(to.index()) {
        *v = v.saturating_add(1);
    }
    state.rng = state.rng.rolls_into(model.chance_slots, &mut state.rolls);
    state.rng = state.rng.picks_into(&model.shuffles, &mut state.picks);
    if V::LISTENING {
        events.push(Event::SceneEntered {
            scene: model.id.clone(),
        });
    }
    let at = state.step;
    for &op in &scene.ops {
        apply(plan, state, to, at, op, events);
    }
    enter_ending(plan, state, scene, events);
}

fn enter_ending<V: Events>(plan: &Plan, state: &mut State, scene: &ScenePlan, events: &mut V) {
    if let Some(ending) = scene.ending {
        state.ending = Some(ending);
        if V::LISTENING {
            events.push(Event::EndingReached {
                ending: plan.endings.name(ending.index()).to_owned(),
            });
        }
    }
}

/// Whether `test` holds in `state`. Pure: chance tests read the rolls drawn when the
/// scene was entered.
pub fn holds(test: &Test, state: &State) -> bool {
    match test {
        Test::All(list) => list.iter().all(|t| holds(t, state)),
        Test::Any(list) => list.iter().any(|t| holds(t, state)),
        Test::Not(inner) => !holds(inner, state),
        Test::Const(b) => *b,
        Test::Flag(f) => state.flags.contains(f.index()),
        Test::Knows(k) => state.knowledge.contains(k.index()),
        Test::Has(k) => state.keepsakes.contains(k.index()),
        Test::Remembers(m) => held(state, *m).is_some(),
        Test::RemembersAs(m, tone) => held(state, *m).is_some_and(|h| h.tone == *tone),
        Test::Visits(scene, cmp, n) => cmp.holds(state.visits(*scene), *n),
        Test::Rel(axis, cmp, n) => state.axes.get(axis.index()).is_some_and(|v| cmp.holds(*v, *n)),
        Test::Era(era) => state.era == *era,
        Test::Chance { percent, slot } => state.rolls.get(*slot).is_some_and(|&r| u32::from(r) < *percent),
    }
}

fn held(state: &State, memory: MemIx) -> Option<&Held> {
    state.memories.get(memory.index()).and_then(Option::as_ref)
}
