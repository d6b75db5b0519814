//! One random playthrough of `walk`, counted into a worker's tally. Each step costs the
//! same however long the run has been: the state is stepped in place, nothing is logged
//! but three numbers a step, and no event is made. Each worker keeps its state and
//! lists from run to run ([`Scratch`]), so a run allocates nothing of its own.

use std::ops::ControlFlow;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

use super::{Index, Logged, Problem, ProblemKind, Tally};
use crate::engine::{self, State, core};
use crate::story::compiled::SceneIx;

/// What a walking thread keeps from one run to the next, so that a run allocates
/// nothing: its state, made again from a blank one, and what it has seen.
pub(super) struct Scratch {
    /// The story's state before anything has happened, at its start (`None` when the
    /// start is not a scene), and the state a run steps.
    start: Option<(State, State)>,
    seen: Seen,
}

impl Scratch {
    pub(super) fn new(index: &Index<'_>) -> Self {
        let story = index.story;
        let start = engine::scene_ix(story, &story.start).map(|at| {
            let blank = State::blank(story.plan(), 0, at);
            (blank.clone(), blank)
        });
        Scratch {
            start,
            seen: Seen {
                scenes: vec![0; story.scenes.len()],
                choices: vec![0; index.choice_total],
                run: 0,
                log: Vec::new(),
                offered: Vec::with_capacity(8),
            },
        }
    }
}

/// What one run has seen and done, in lists kept from run to run.
struct Seen {
    /// The run in which each scene and choice (by its place among all the story's) was
    /// last seen, counting from 1: seen in this run when it is `run`, so that nothing
    /// is cleared between runs.
    scenes: Vec<u32>,
    choices: Vec<u32>,
    run: u32,
    /// (scene, choice, number offered): made into names only for a problem.
    log: Vec<(SceneIx, u32, u32)>,
    offered: Vec<usize>,
}

impl Seen {
    /// Starts another run: nothing seen, nothing logged.
    fn next_run(&mut self) {
        if self.run == u32::MAX {
            self.scenes.fill(0);
            self.choices.fill(0);
            self.run = 0;
        }
        self.run += 1;
        self.log.clear();
    }

    /// Marks scene `si` seen in this run; whether it was not yet.
    fn first_scene(&mut self, si: usize) -> bool {
        std::mem::replace(&mut self.scenes[si], self.run) != self.run
    }

    /// Marks the choice at `at` seen in this run; whether it was not yet.
    fn first_choice(&mut self, at: usize) -> bool {
        std::mem::replace(&mut self.choices[at], self.run) != self.run
    }
}

/// One random run from `seed`, counted into `tally`.
pub(super) fn walk_once(
    index: &Index<'_>,
    seed: u64,
    max_steps: usize,
    tally: &mut Tally,
    scratch: &mut Scratch,
) {
    let story = index.story;
    let Scratch { start, seen } = scratch;
    seen.next_run();
    let mut run = Run::new(index, seed, seen);
    let Some((blank, state)) = start else {
        let message = engine::EngineError::UnknownScene(story.start.clone()).to_string();
        tally
            .problems
            .push(run.problem(ProblemKind::Engine, &story.start, message));
        return;
    };
    core::begin_again(story, seed, blank, state, &mut ());
    while run.step(state, max_steps, tally).is_continue() {}
}

/// What one run keeps between steps.
struct Run<'i, 's, 'r> {
    index: &'i Index<'s>,
    seed: u64,
    /// The walker's picks: `ChaCha8` stream 1 of the run's seed.
    picks: ChaCha8Rng,
    seen: &'r mut Seen,
    words: usize,
}

impl<'i, 's, 'r> Run<'i, 's, 'r> {
    fn new(index: &'i Index<'s>, seed: u64, marks: &'r mut Seen) -> Self {
        let mut picks = ChaCha8Rng::seed_from_u64(seed);
        picks.set_stream(1);
        Run {
            index,
            seed,
            picks,
            seen: marks,
            words: 0,
        }
    }

    /// Counts the scene `state` is in and, unless the run ends there, takes one
    /// choice; breaks when the run is over (at an ending, or with a problem).
    fn step(&mut self, state: &mut State, max_steps: usize, tally: &mut Tally) -> ControlFlow<()> {
        let story = self.index.story;
        let plan = story.plan();
        let si = state.scene.index();
        let (Some(scene), Some(compiled)) = (story.scenes.get(si), plan.scenes.get(si)) else {
            let message = format!("the state is in scene #{si}, which the story lacks");
            return self.stop(tally, ProblemKind::Engine, "", message);
        };
        tally.scene_visits[si] += 1;
        if self.seen.first_scene(si) {
            tally.scene_runs[si] += 1;
        }
        self.words += self.index.words_shown(si, compiled, state);
        if let Some(ending) = state.ending {
            if let Some(n) = tally.ending_runs.get_mut(ending.index()) {
                *n += 1;
            }
            tally.words.push(self.words);
            return ControlFlow::Break(());
        }
        if self.seen.log.len() >= max_steps {
            let message = format!("still going after {max_steps} choices");
            return self.stop(tally, ProblemKind::Loop, &scene.id, message);
        }
        let offered = &mut self.seen.offered;
        offered.clear();
        offered.extend(core::offered(plan, state));
        let Some(pick) = (!offered.is_empty()).then(|| self.picks.random_range(0..offered.len())) else {
            let message = "no choice is offered here, and it is not an ending".to_owned();
            return self.stop(tally, ProblemKind::Stuck, &scene.id, message);
        };
        let ci = offered[pick];
        self.count_choice(si, ci, tally);
        self.seen.log.push((
            state.scene,
            u32::try_from(ci).unwrap_or(u32::MAX),
            u32::try_from(pick + 1).unwrap_or(u32::MAX),
        ));
        match core::step(story, state, ci, &mut ()) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => self.stop(tally, ProblemKind::Engine, &scene.id, e.to_string()),
        }
    }

    fn count_choice(&mut self, si: usize, ci: usize, tally: &mut Tally) {
        let at = self.index.choice_base[si] + ci;
        tally.choice_visits[at] += 1;
        if self.seen.first_choice(at) {
            tally.choice_runs[at] += 1;
        }
    }

    /// Ends the run with a problem.
    fn stop(&self, tally: &mut Tally, kind: ProblemKind, scene: &str, message: String) -> ControlFlow<()> {
        tally.problems.push(self.problem(kind, scene, message));
        ControlFlow::Break(())
    }

    fn problem(&self, kind: ProblemKind, scene: &str, message: String) -> Problem {
        Problem {
            kind,
            seed: self.seed,
            scene: scene.to_owned(),
            message,
            log: self.named(),
        }
    }

    /// The run's choices so far, by name.
    fn named(&self) -> Vec<Logged> {
        let story = self.index.story;
        self.seen
            .log
            .iter()
            .map(|&(s, c, number)| {
                let scene = &story.scenes[s.index()];
                Logged {
                    scene: scene.id.clone(),
                    choice: scene
                        .choices
                        .get(c as usize)
                        .map_or_else(String::new, |c| c.id.clone()),
                    number: number as usize,
                }
            })
            .collect()
    }
}
