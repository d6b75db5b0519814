//! One random playthrough of `walk`, counted into a worker's tally. Each step costs the
//! same however long the run has been: the state is stepped in place, nothing is logged
//! but three numbers a step, and no event is made.

use std::ops::ControlFlow;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

use super::{Index, Logged, Problem, ProblemKind, Tally};
use crate::engine::{self, State, core};
use crate::story::compiled::SceneIx;

/// One random run from `seed`, counted into `tally`.
pub(super) fn walk_once(index: &Index<'_>, seed: u64, max_steps: usize, tally: &mut Tally) {
    let story = index.story;
    let mut run = Run::new(index, seed);
    let mut state = match engine::begin_at(story, seed, &story.start, &mut ()) {
        Ok(state) => state,
        Err(e) => {
            tally
                .problems
                .push(run.problem(ProblemKind::Engine, &story.start, e.to_string()));
            return;
        }
    };
    while run.step(&mut state, max_steps, tally).is_continue() {}
}

/// What one run keeps between steps.
struct Run<'i, 's> {
    index: &'i Index<'s>,
    seed: u64,
    /// The walker's picks: `ChaCha8` stream 1 of the run's seed.
    picks: ChaCha8Rng,
    seen_scenes: Vec<bool>,
    seen_choices: Vec<bool>,
    /// (scene, choice, number offered): made into names only for a problem.
    log: Vec<(SceneIx, u32, u32)>,
    words: usize,
    offered: Vec<usize>,
}

impl<'i, 's> Run<'i, 's> {
    fn new(index: &'i Index<'s>, seed: u64) -> Self {
        let mut picks = ChaCha8Rng::seed_from_u64(seed);
        picks.set_stream(1);
        Run {
            index,
            seed,
            picks,
            seen_scenes: vec![false; index.story.scenes.len()],
            seen_choices: vec![false; index.choice_total],
            log: Vec::new(),
            words: 0,
            offered: Vec::with_capacity(8),
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
        if !self.seen_scenes[si] {
            self.seen_scenes[si] = true;
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
        if self.log.len() >= max_steps {
            let message = format!("still going after {max_steps} choices");
            return self.stop(tally, ProblemKind::Loop, &scene.id, message);
        }
        self.offered.clear();
        self.offered.extend(core::offered(plan, state));
        let Some(pick) = (!self.offered.is_empty()).then(|| self.picks.random_range(0..self.offered.len()))
        else {
            let message = "no choice is offered here, and it is not an ending".to_owned();
            return self.stop(tally, ProblemKind::Stuck, &scene.id, message);
        };
        let ci = self.offered[pick];
        self.count_choice(si, ci, tally);
        self.log.push((
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
        if !self.seen_choices[at] {
            self.seen_choices[at] = true;
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
        self.log
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
