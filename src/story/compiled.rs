//! The story as the engine runs it: every id interned to a small index, every choice's
//! target resolved, every condition and effect rewritten over indices.
//!
//! [`Plan::compile`] runs once, after validation; names stay in the tables here (the
//! interning itself is in `names`) and in the model, and appear only at the edges:
//! saves, the events a player is shown, and diagnostics. Compiling is total: a name the
//! story does not declare (possible only in a story that failed validation) becomes a
//! test that never holds, or an effect that does nothing, so a bad story can never make
//! the engine index out of bounds.

use std::sync::Arc;

use foldhash::HashMap;

use super::model::{Cmp, Condition, Effect, Scene, Story};

mod names;

pub use names::{Names, fnv1a, name_hash};

macro_rules! index_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub fn at(i: usize) -> Self {
                Self(u32::try_from(i).unwrap_or(u32::MAX))
            }
        }
    )*};
}

index_type!(
    /// A scene, by its place in `Story::scenes`.
    SceneIx,
    /// A flag, by its place in [`Plan::flags`].
    FlagIx,
    /// A piece of knowledge, by its place in `Story::knowledge`.
    KnowIx,
    /// A memory, by its place in `Story::memories`.
    MemIx,
    /// A tone, by its place in `Story::tones`.
    ToneIx,
    /// A keepsake, by its place in `Story::keepsakes`.
    KeepIx,
    /// A character, by its place in `Story::characters`.
    CharIx,
    /// One axis of one character, by its place in [`Plan::axes`].
    AxisIx,
    /// An era, by its place in `Story::eras` (which is also its order).
    EraIx,
    /// An ending, by its place in `Story::endings`.
    EndingIx,
);

/// A condition over indices.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    All(Box<[Test]>),
    Any(Box<[Test]>),
    Not(Box<Test>),
    /// Holds always or never: what a condition on something the story never has
    /// (a flag nothing sets, a scene it does not contain) compiles to.
    Const(bool),
    Flag(FlagIx),
    Knows(KnowIx),
    Has(KeepIx),
    Remembers(MemIx),
    RemembersAs(MemIx, ToneIx),
    Visits(SceneIx, Cmp, u32),
    Rel(AxisIx, Cmp, i32),
    Era(EraIx),
    Chance {
        percent: u32,
        slot: usize,
    },
}

/// An effect over indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Set(FlagIx),
    Clear(FlagIx),
    Learn(KnowIx),
    Remember(MemIx, ToneIx),
    Adjust(AxisIx, i32),
    Gain(KeepIx),
    Lose(KeepIx),
    /// An effect on something the story does not declare: it does nothing.
    Nothing,
}

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Scene(SceneIx),
    /// `to: Back`: the scene the player came from.
    Back,
    /// A scene the story does not have (only in a story that failed validation).
    Missing,
}

#[derive(Debug, Clone)]
pub struct AxisPlan {
    pub character: CharIx,
    /// The axis's id (unique within its character).
    pub id: String,
    pub min: i32,
    pub max: i32,
    pub initial: i32,
}

#[derive(Debug, Clone)]
pub struct ChoicePlan {
    pub when: Option<Test>,
    pub ops: Box<[Op]>,
    pub to: Target,
    pub once: bool,
    /// The choice's place among every choice of the story, for the once-only set.
    pub global: u32,
}

#[derive(Debug, Clone)]
pub struct ScenePlan {
    pub era: EraIx,
    pub ending: Option<EndingIx>,
    pub ops: Box<[Op]>,
    /// The condition of each paragraph, in order.
    pub paragraphs: Box<[Option<Test>]>,
    pub choices: Box<[ChoicePlan]>,
}

/// The compiled story: see the module's documentation.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub scenes: Vec<ScenePlan>,
    /// The story's own table of scene names (`Story::scene` reads it too), shared.
    pub scene_names: Arc<Names>,
    pub flags: Names,
    pub knowledge: Names,
    pub memories: Names,
    pub tones: Names,
    pub keepsakes: Names,
    pub characters: Names,
    pub eras: Names,
    pub endings: Names,
    /// Every axis of every character, the characters' in order.
    pub axes: Vec<AxisPlan>,
    /// `(character, axis)` → its index in `axes`.
    axis_index: HashMap<(u32, String), u32>,
    /// The id of each axis, parallel to `axes`.
    pub axis_names: Names,
    /// The condition of each reflection of each memory.
    pub reflections: Vec<Box<[Option<Test>]>>,
    pub start: Option<SceneIx>,
    /// How many choices the story has in all.
    pub choice_total: usize,
}

impl Plan {
    pub fn compile(story: &Story) -> Self {
        let mut plan = Plan {
            scenes: Vec::with_capacity(story.scenes.len()),
            scene_names: Arc::clone(&story.scene_names),
            knowledge: Names::new("knowledge", story.knowledge.iter().map(|k| k.id.as_str())),
            memories: Names::new("memory", story.memories.iter().map(|m| m.id.as_str())),
            tones: Names::new("tone", story.tones.iter().map(String::as_str)),
            keepsakes: Names::new("keepsake", story.keepsakes.iter().map(|k| k.id.as_str())),
            characters: Names::new("character", story.characters.iter().map(|c| c.id.as_str())),
            eras: Names::new("era", story.eras.iter().map(|e| e.id.as_str())),
            endings: Names::new("ending", story.endings.iter().map(|e| e.id.as_str())),
            ..Plan::default()
        };
        plan.collect_axes(story);
        plan.collect_flags(story);
        plan.start = plan.scene_names.get(&story.start).map(SceneIx);
        let mut global = 0u32;
        for scene in &story.scenes {
            let compiled = plan.compile_scene(scene, &mut global);
            plan.scenes.push(compiled);
        }
        plan.choice_total = global as usize;
        plan.reflections = story
            .memories
            .iter()
            .map(|m| {
                m.reflections
                    .iter()
                    .map(|r| r.when.as_ref().map(|w| plan.test(w)))
                    .collect()
            })
            .collect();
        plan
    }

    /// Every axis of every character, the characters' in order, and their names.
    fn collect_axes(&mut self, story: &Story) {
        for (c, character) in story.characters.iter().enumerate() {
            for axis in &character.axes {
                let i = self
                    .axis_names
                    .add("axis", &format!("{}.{}", character.id, axis.id));
                self.axis_index.insert((CharIx::at(c).0, axis.id.clone()), i);
                self.axes.push(AxisPlan {
                    character: CharIx::at(c),
                    id: axis.id.clone(),
                    min: axis.min,
                    max: axis.max,
                    initial: axis.initial,
                });
            }
        }
    }

    /// `scene` over indices; its choices are numbered on from `global`.
    fn compile_scene(&self, scene: &Scene, global: &mut u32) -> ScenePlan {
        let choices = scene
            .choices
            .iter()
            .map(|c| {
                let to = if c.back {
                    Target::Back
                } else {
                    self.scene_names
                        .get(&c.to)
                        .map_or(Target::Missing, |i| Target::Scene(SceneIx(i)))
                };
                *global += 1;
                ChoicePlan {
                    when: c.when.as_ref().map(|w| self.test(w)),
                    ops: c.effects.iter().map(|e| self.op(e)).collect(),
                    to,
                    once: c.once,
                    global: *global - 1,
                }
            })
            .collect();
        ScenePlan {
            era: EraIx(self.eras.get(&scene.era).unwrap_or(0)),
            ending: scene
                .ending
                .as_ref()
                .and_then(|e| self.endings.get(e))
                .map(EndingIx),
            ops: scene.effects.iter().map(|e| self.op(e)).collect(),
            paragraphs: scene
                .text
                .iter()
                .map(|p| p.when.as_ref().map(|w| self.test(w)))
                .collect(),
            choices,
        }
    }

    /// Every flag any condition or effect of the story names, in the order first named.
    fn collect_flags(&mut self, story: &Story) {
        fn visit(c: &Condition, flags: &mut Names) {
            match c {
                Condition::All(l) | Condition::Any(l) => l.iter().for_each(|c| visit(c, flags)),
                Condition::Not(c) => visit(c, flags),
                Condition::Flag(f) => _ = flags.add("flag", f),
                _ => {}
            }
        }
        let mut flags = Names::default();
        for scene in &story.scenes {
            for e in scene
                .effects
                .iter()
                .chain(scene.choices.iter().flat_map(|c| &c.effects))
            {
                if let Effect::Set(f) | Effect::Clear(f) = e {
                    flags.add("flag", f);
                }
            }
        }
        for scene in &story.scenes {
            let conditions = scene
                .choices
                .iter()
                .filter_map(|c| c.when.as_ref())
                .chain(scene.text.iter().filter_map(|p| p.when.as_ref()));
            for c in conditions {
                visit(c, &mut flags);
            }
        }
        self.flags = flags;
    }

    /// The index of `axis` of `character`.
    pub fn axis(&self, character: &str, axis: &str) -> Option<AxisIx> {
        let c = self.characters.get(character)?;
        self.axis_index.get(&(c, axis.to_owned())).copied().map(AxisIx)
    }

    /// `condition` over indices; anything the story lacks compiles to what it would
    /// evaluate to (a flag never set never holds; a scene never entered has 0 visits).
    pub fn test(&self, condition: &Condition) -> Test {
        let list = |l: &[Condition]| l.iter().map(|c| self.test(c)).collect();
        match condition {
            Condition::All(l) => Test::All(list(l)),
            Condition::Any(l) => Test::Any(list(l)),
            Condition::Not(c) => Test::Not(Box::new(self.test(c))),
            Condition::Flag(f) => self
                .flags
                .get(f)
                .map_or(Test::Const(false), |i| Test::Flag(FlagIx(i))),
            Condition::Knows(k) => self
                .knowledge
                .get(k)
                .map_or(Test::Const(false), |i| Test::Knows(KnowIx(i))),
            Condition::Has(k) => self
                .keepsakes
                .get(k)
                .map_or(Test::Const(false), |i| Test::Has(KeepIx(i))),
            Condition::Remembers(m) => self
                .memories
                .get(m)
                .map_or(Test::Const(false), |i| Test::Remembers(MemIx(i))),
            Condition::RemembersAs(m, t) => match (self.memories.get(m), self.tones.get(t)) {
                (Some(m), Some(t)) => Test::RemembersAs(MemIx(m), ToneIx(t)),
                _ => Test::Const(false),
            },
            Condition::Visits(s, cmp, n) => self
                .scene_names
                .get(s)
                .map_or(Test::Const(cmp.holds(0, *n)), |i| {
                    Test::Visits(SceneIx(i), *cmp, *n)
                }),
            Condition::Rel(c, a, cmp, n) => self
                .axis(c, a)
                .map_or(Test::Const(false), |i| Test::Rel(i, *cmp, *n)),
            Condition::Era(e) => self
                .eras
                .get(e)
                .map_or(Test::Const(false), |i| Test::Era(EraIx(i))),
            Condition::Chance { percent, slot, .. } => Test::Chance {
                percent: *percent,
                slot: *slot,
            },
        }
    }

    /// `effect` over indices.
    pub fn op(&self, effect: &Effect) -> Op {
        let or_nothing = |i: Option<u32>, f: fn(u32) -> Op| i.map_or(Op::Nothing, f);
        match effect {
            Effect::Set(f) => or_nothing(self.flags.get(f), |i| Op::Set(FlagIx(i))),
            Effect::Clear(f) => or_nothing(self.flags.get(f), |i| Op::Clear(FlagIx(i))),
            Effect::Learn(k) => or_nothing(self.knowledge.get(k), |i| Op::Learn(KnowIx(i))),
            Effect::Gain(k) => or_nothing(self.keepsakes.get(k), |i| Op::Gain(KeepIx(i))),
            Effect::Lose(k) => or_nothing(self.keepsakes.get(k), |i| Op::Lose(KeepIx(i))),
            Effect::Remember(m, t) => match (self.memories.get(m), self.tones.get(t)) {
                (Some(m), Some(t)) => Op::Remember(MemIx(m), ToneIx(t)),
                _ => Op::Nothing,
            },
            Effect::Adjust(c, a, delta) => self.axis(c, a).map_or(Op::Nothing, |i| Op::Adjust(i, *delta)),
        }
    }

    pub fn scene(&self, i: SceneIx) -> Option<&ScenePlan> {
        self.scenes.get(i.index())
    }
}
