//! `hailsham walk`: many playthroughs, to find what a reader could run into.
//!
//! [`random`] plays from the start choosing uniformly among the choices offered, each
//! run to an ending or the step cap; [`explore`] seeks coverage instead, visiting every
//! distinct state it can. Both report the same [`WalkReport`]: runs that got stuck, that
//! looped past the cap, or hit an engine error, each with the seed and choice log that
//! reproduce it; and coverage of scenes, choices and endings.
//!
//! Run `i` of `--seed S` uses seed `S + i` both for the game's chance rolls (the
//! engine's `ChaCha8` stream 0, bit for bit as saves record them) and for the walker's
//! picks (`ChaCha8` stream 1, sampled with `rand`'s `random_range`), so
//! `walk --runs 1 --seed S+i` repeats that run alone, on any machine. A run steps one
//! state in place and makes no events, so a step costs the same at any depth.

mod command;
mod explore;
mod report;
mod run;
mod texts;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::{State, core};
use crate::story::Story;
use crate::story::compiled::ScenePlan;
use run::{Scratch, walk_once};

pub use command::run;
pub use explore::{ExploreOptions, explore};
pub use texts::UnshownText;

/// What a walk found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WalkReport {
    pub story: String,
    /// "random" or "explore".
    pub mode: String,
    /// Random: the number of runs. Explore: the number of distinct states visited.
    pub runs: u64,
    pub seed: u64,
    pub max_steps: usize,
    /// Scene id → how often it was reached, for every scene of the story.
    pub scenes: BTreeMap<String, Count>,
    /// `scene/choice` → how often it was taken, for every choice of the story.
    pub choices: BTreeMap<String, Count>,
    /// Ending id → runs (or states) that ended there, for every ending of the story.
    pub endings: BTreeMap<String, u64>,
    /// Words read per playthrough (random walks only).
    pub words: Option<WordStats>,
    /// Problems found, at most one per kind and scene (`problem_counts` has them all).
    pub problems: Vec<Problem>,
    pub problem_counts: BTreeMap<String, u64>,
    /// Explore only: the state limit was reached before every state was seen.
    #[serde(default)]
    pub truncated: bool,
    /// Explore only: paragraphs, inline alternatives and reflections no state showed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts_never_shown: Vec<UnshownText>,
    /// The `--story` arguments the walk was given (` --story A --story B`), for the
    /// commands that repeat a problem.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub story_args: String,
}

/// How often something was reached: in total, and in how many runs (states, when exploring).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub visits: u64,
    pub runs: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WordStats {
    pub mean: f64,
    pub min: usize,
    pub max: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A scene that is not an ending offered no choice.
    Stuck,
    /// The run went past the step cap.
    Loop,
    /// Explore: a state from which no ending can be reached.
    Trapped,
    /// The engine refused a step.
    Engine,
    /// The walker itself panicked on this run (a bug in the game, not in the story);
    /// the run's counts may be partial, but the run is reported, never dropped.
    Panic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The seed of the run (of the exploration, when exploring).
    pub seed: u64,
    pub scene: String,
    pub message: String,
    /// The choices that lead there from the start.
    pub log: Vec<Logged>,
}

/// One choice in a problem's log: its ids, and its number as the player saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logged {
    pub scene: String,
    pub choice: String,
    /// 1-based position among the choices offered, as typed in `play --plain`.
    pub number: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    pub runs: usize,
    pub seed: u64,
    pub max_steps: usize,
    /// Worker threads; the report is the same whatever the number.
    pub threads: usize,
}

/// Per-scene numbers the walkers look up on every step, by the scene's index.
struct Index<'s> {
    story: &'s Story,
    /// Where each scene's choices start in the flat choice counters.
    choice_base: Vec<usize>,
    choice_total: usize,
    /// Each scene's paragraphs' words ([`Story::paragraph_words`], counted once a story).
    words: &'s [Box<[u32]>],
}

impl<'s> Index<'s> {
    fn new(story: &'s Story) -> Self {
        let plan = story.plan();
        Index {
            story,
            choice_base: plan
                .scenes
                .iter()
                .map(|s| s.choices.first().map_or(0, |c| c.global as usize))
                .collect(),
            choice_total: plan.choice_total,
            words: story.paragraph_words(),
        }
    }

    /// The words of the paragraphs of the scene at `si` (compiled as `scene`) that
    /// show in `state`.
    fn words_shown(&self, si: usize, scene: &ScenePlan, state: &State) -> usize {
        let words = self.words.get(si).map_or(&[][..], |w| &w[..]);
        scene
            .paragraphs
            .iter()
            .zip(words)
            .filter(|(t, _)| t.as_ref().is_none_or(|t| core::holds(t, state)))
            .map(|(_, &w)| w as usize)
            .sum()
    }
}

/// Counters one worker fills; merged in run order.
struct Tally {
    scene_visits: Vec<u64>,
    scene_runs: Vec<u64>,
    choice_visits: Vec<u64>,
    choice_runs: Vec<u64>,
    endings: BTreeMap<String, u64>,
    /// Random walks: runs that ended at each ending, by its index.
    ending_runs: Vec<u64>,
    words: Vec<usize>,
    problems: Vec<Problem>,
}

impl Tally {
    fn new(index: &Index<'_>) -> Self {
        let scenes = index.story.scenes.len();
        Tally {
            scene_visits: vec![0; scenes],
            scene_runs: vec![0; scenes],
            choice_visits: vec![0; index.choice_total],
            choice_runs: vec![0; index.choice_total],
            endings: BTreeMap::new(),
            ending_runs: vec![0; index.story.endings.len()],
            words: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn absorb(&mut self, other: Tally) {
        let add = |a: &mut Vec<u64>, b: Vec<u64>| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.scene_visits, other.scene_visits);
        add(&mut self.scene_runs, other.scene_runs);
        add(&mut self.choice_visits, other.choice_visits);
        add(&mut self.choice_runs, other.choice_runs);
        for (k, v) in other.endings {
            *self.endings.entry(k).or_default() += v;
        }
        add(&mut self.ending_runs, other.ending_runs);
        self.words.extend(other.words);
        self.problems.extend(other.problems);
    }
}

/// One run: the index, the run's seed, the step cap, and the tally to count into.
type Walker = fn(&Index<'_>, u64, usize, &mut Tally, &mut Scratch);

/// Random playthroughs: `runs` of them, from `seed`, spread over `threads`.
pub fn random(story: &Story, options: WalkOptions) -> WalkReport {
    random_with(story, options, walk_once)
}

/// [`random`] with the walker for each run given, so a test can make one panic.
fn random_with(story: &Story, options: WalkOptions, walker: Walker) -> WalkReport {
    let index = Index::new(story);
    let threads = options.threads.clamp(1, 64);
    let per = options.runs.div_ceil(threads).max(1);
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..options.runs)
            .step_by(per)
            .map(|first| {
                let index = &index;
                let last = (first + per).min(options.runs);
                let worker = scope.spawn(move || {
                    let mut tally = Tally::new(index);
                    let mut scratch = Scratch::new(index);
                    for run in first..last {
                        let seed = options.seed.wrapping_add(run as u64);
                        guarded(index, seed, options.max_steps, (&mut tally, &mut scratch), walker);
                    }
                    tally
                });
                (first, last, worker)
            })
            .collect();
        workers
            .into_iter()
            .map(|(first, last, worker)| {
                worker.join().unwrap_or_else(|payload| {
                    lost_thread(&index, options.seed, first, last, payload.as_ref())
                })
            })
            .collect()
    });
    let mut total = Tally::new(&index);
    for t in tallies {
        total.absorb(t);
    }
    let words = word_stats(&total.words);
    report::build(
        &index,
        "random",
        options.runs as u64,
        options.seed,
        options.max_steps,
        total,
        words,
    )
}

/// The tally of a thread that stopped outside a run (runs are guarded one by one): no
/// counts, and a problem saying which runs are lost.
fn lost_thread(
    index: &Index<'_>,
    seed: u64,
    first: usize,
    last: usize,
    payload: &(dyn std::any::Any + Send),
) -> Tally {
    let mut tally = Tally::new(index);
    let message = format!(
        "a walker thread stopped ({}); runs {first} to {} are not counted",
        panic_message(payload),
        last.saturating_sub(1)
    );
    tally.problems.push(Problem {
        kind: ProblemKind::Panic,
        seed: seed.wrapping_add(first as u64),
        scene: String::new(),
        message,
        log: Vec::new(),
    });
    tally
}

/// The mean, least and most words of the runs, if any were counted.
fn word_stats(words: &[usize]) -> Option<WordStats> {
    (!words.is_empty()).then(|| {
        let sum: usize = words.iter().sum();
        WordStats {
            mean: ratio(sum as u64, words.len() as u64),
            min: words.iter().copied().min().unwrap_or(0),
            max: words.iter().copied().max().unwrap_or(0),
        }
    })
}

/// One run, with a panic in it reported as a problem of that run rather than losing
/// the thread's every count.
fn guarded(
    index: &Index<'_>,
    seed: u64,
    max_steps: usize,
    (tally, scratch): (&mut Tally, &mut Scratch),
    walker: Walker,
) {
    // A run that panics may leave the scratch half stepped: the next run makes its
    // state again from the blank one and counts what it sees under a new number, so
    // nothing of the lost run carries over.
    let run = std::panic::AssertUnwindSafe(|| walker(index, seed, max_steps, &mut *tally, &mut *scratch));
    if let Err(payload) = std::panic::catch_unwind(run) {
        tally.problems.push(Problem {
            kind: ProblemKind::Panic,
            seed,
            scene: String::new(),
            message: format!("the walk panicked: {}", panic_message(payload.as_ref())),
            log: Vec::new(),
        });
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

/// `n / of` as a float, 0 when `of` is 0. Counts here stay far below 2^52, where f64
/// is exact.
#[allow(clippy::cast_precision_loss)]
pub fn ratio(n: u64, of: u64) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panics_on_seed_3(
        index: &Index<'_>,
        seed: u64,
        max_steps: usize,
        tally: &mut Tally,
        scratch: &mut Scratch,
    ) {
        assert!(seed != 3, "a bug met on seed {seed}");
        walk_once(index, seed, max_steps, tally, scratch);
    }

    #[test]
    fn a_run_that_panics_is_reported_and_the_others_still_count() {
        let story = crate::story::load_embedded()
            .expect("the built-in story loads")
            .story;
        let options = WalkOptions {
            runs: 8,
            seed: 0,
            max_steps: 1000,
            threads: 2,
        };
        let report = random_with(&story, options, panics_on_seed_3);
        let panics: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::Panic)
            .collect();
        assert_eq!(panics.len(), 1, "{:?}", report.problems);
        assert_eq!(panics[0].seed, 3);
        assert!(
            panics[0].message.contains("a bug met on seed 3"),
            "{}",
            panics[0].message
        );
        assert_eq!(report.problem_total(), 1);
        let ended: u64 = report.endings.values().sum();
        assert_eq!(ended, 7, "the other runs of the panicking thread were lost");
    }
}
