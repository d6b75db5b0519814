//! `walk --explore`: a search over distinct states instead of random runs.
//!
//! States are deduplicated by a hash of what can change the way on: the scene, and of
//! the flags, knowledge, keepsakes, memory tones, relationship values, visit counts
//! (capped just above the largest count compared with), era and chance rolls only
//! those that some choice's condition reads, with the once-only choices already taken
//! and the ending. Only choice conditions decide which choices are offered, so two
//! states with the same key have the same ways on, and the search stays exact for
//! scenes, choices, endings, stuck states and traps while the state space stays small.
//! Where a scene rolls chances, both outcomes of every roll are explored (rolls of 0
//! and 99), so a `Chance` never hides a path. Choices not yet taken anywhere are tried
//! first, so coverage comes early even when the state limit cuts the search short.
//! When the search completes, states from which no ending can be reached are reported
//! as traps. The key is made in `key`.

use std::collections::VecDeque;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::texts::TextCoverage;
use super::{Index, Logged, Problem, ProblemKind, Tally, WalkReport, report};
use crate::engine::{self, State, core};
use crate::story::Story;

mod key;

use key::Keyer;

pub struct ExploreOptions {
    pub seed: u64,
    pub max_states: usize,
    pub max_steps: usize,
}

/// What the search keeps for each state it expands.
struct Node {
    parent: Option<u64>,
    /// The choice (and its number as offered) that led here from the parent.
    via: Option<Logged>,
    scene: String,
    next: Vec<u64>,
    ending: bool,
    stuck: bool,
}

/// The state with every combination of extreme rolls for its scene's chances.
fn roll_variants(state: State) -> Vec<State> {
    let slots = state.rolls.len();
    if slots == 0 {
        return vec![state];
    }
    if slots > 4 {
        return [0u8, 99]
            .iter()
            .map(|&r| State {
                rolls: vec![r; slots],
                ..state.clone()
            })
            .collect();
    }
    (0..1usize << slots)
        .map(|bits| {
            let rolls = (0..slots)
                .map(|i| if bits >> i & 1 == 1 { 99 } else { 0 })
                .collect();
            State {
                rolls,
                ..state.clone()
            }
        })
        .collect()
}

/// The search in progress.
struct Explorer<'s, 'o> {
    story: &'s Story,
    index: Index<'s>,
    keyer: Keyer,
    options: &'o ExploreOptions,
    tally: Tally,
    nodes: HashMap<u64, Node>,
    queue: VecDeque<(u64, State)>,
    queued: HashSet<u64>,
    parents: HashMap<u64, (u64, Logged)>,
    /// The state limit stopped the search.
    truncated: bool,
    /// Some path reached the step cap and was not followed further.
    cut: bool,
    texts: TextCoverage,
}

/// Explores distinct states from the start, up to `max_states`.
pub fn explore(story: &Story, options: &ExploreOptions) -> WalkReport {
    let index = Index::new(story);
    let tally = Tally::new(&index);
    let mut x = Explorer {
        story,
        index,
        keyer: Keyer::new(story),
        options,
        tally,
        nodes: HashMap::new(),
        queue: VecDeque::new(),
        queued: HashSet::new(),
        parents: HashMap::new(),
        truncated: false,
        cut: false,
        texts: TextCoverage::new(story),
    };
    match engine::begin_at(story, options.seed, &story.start, &mut ()) {
        Ok(state) => {
            for s in roll_variants(state) {
                let key = x.keyer.key(&s);
                if x.queued.insert(key) {
                    x.queue.push_back((key, s));
                }
            }
        }
        Err(e) => x.problem(ProblemKind::Engine, &story.start, e.to_string(), Vec::new()),
    }
    while let Some((key, state)) = x.queue.pop_front() {
        x.expand(key, &state);
    }
    if !x.truncated && !x.cut {
        traps(&x.nodes, options.seed, &mut x.tally);
    }
    let states = x.nodes.len() as u64;
    let mut out = report::build(
        &x.index,
        "explore",
        states,
        options.seed,
        options.max_steps,
        x.tally,
        None,
    );
    out.truncated = x.truncated;
    out.texts_never_shown = x.texts.unshown();
    out
}

impl Explorer<'_, '_> {
    fn problem(&mut self, kind: ProblemKind, scene: &str, message: String, log: Vec<Logged>) {
        self.tally.problems.push(Problem {
            kind,
            seed: self.options.seed,
            scene: scene.to_owned(),
            message,
            log,
        });
    }

    /// Counts a state and queues the states its offered choices lead to.
    fn expand(&mut self, key: u64, state: &State) {
        let si = state.scene.index();
        let Some(scene) = self.story.scenes.get(si) else {
            return;
        };
        let via = self.parents.get(&key).cloned();
        let mut node = Node {
            parent: via.as_ref().map(|(p, _)| *p),
            via: via.map(|(_, l)| l),
            scene: scene.id.clone(),
            next: Vec::new(),
            ending: state.ending.is_some(),
            stuck: false,
        };
        self.texts.mark(self.story, si, state);
        self.tally.scene_visits[si] += 1;
        self.tally.scene_runs[si] += 1;
        if let Some(ending) = state.ending {
            if let Some(n) = self.tally.ending_runs.get_mut(ending.index()) {
                *n += 1;
            }
        } else if state.step as usize >= self.options.max_steps {
            self.cut = true;
            let message = format!(
                "a path of {} choices; not explored further",
                self.options.max_steps
            );
            let log = log_of(&self.nodes, &node);
            self.problem(ProblemKind::Loop, &scene.id, message, log);
        } else {
            let offered: Vec<usize> = core::offered(self.story.plan(), state).collect();
            if offered.is_empty() {
                node.stuck = true;
                let message = "no choice is offered here, and it is not an ending".to_owned();
                let log = log_of(&self.nodes, &node);
                self.problem(ProblemKind::Stuck, &scene.id, message, log);
            }
            for (number, &ci) in offered.iter().enumerate() {
                self.follow(key, state, si, ci, number + 1, &mut node);
            }
        }
        self.nodes.insert(key, node);
    }

    /// Takes choice `ci` of scene `si` from `state` and queues what it leads to.
    fn follow(&mut self, key: u64, state: &State, si: usize, ci: usize, number: usize, node: &mut Node) {
        let scene = &self.story.scenes[si];
        let choice = &scene.choices[ci];
        let at = self.index.choice_base[si] + ci;
        let fresh = self.tally.choice_visits[at] == 0;
        self.tally.choice_visits[at] += 1;
        self.tally.choice_runs[at] += 1;
        let logged = Logged {
            scene: scene.id.clone(),
            choice: choice.id.clone(),
            number,
        };
        let mut next = state.clone();
        match core::step(self.story, &mut next, ci, &mut ()) {
            Ok(()) => {}
            Err(e) => {
                let mut log = log_of(&self.nodes, node);
                log.push(logged);
                self.problem(ProblemKind::Engine, &scene.id, e.to_string(), log);
                return;
            }
        }
        for variant in roll_variants(next) {
            self.texts.mark(self.story, variant.scene.index(), &variant);
            let next_key = self.keyer.key(&variant);
            node.next.push(next_key);
            if self.nodes.contains_key(&next_key) || self.queued.contains(&next_key) {
                continue;
            }
            if self.queued.len() >= self.options.max_states {
                self.truncated = true;
                continue;
            }
            self.queued.insert(next_key);
            self.parents.insert(next_key, (key, logged.clone()));
            if fresh {
                self.queue.push_front((next_key, variant));
            } else {
                self.queue.push_back((next_key, variant));
            }
        }
    }
}

/// The choices from the start to `node`, through the parents recorded on the way.
fn log_of(nodes: &HashMap<u64, Node>, node: &Node) -> Vec<Logged> {
    let mut log: Vec<Logged> = node.via.iter().cloned().collect();
    let mut at = node.parent;
    while let Some(key) = at {
        let Some(n) = nodes.get(&key) else { break };
        log.extend(n.via.iter().cloned());
        at = n.parent;
        if log.len() > nodes.len() {
            break;
        }
    }
    log.reverse();
    log
}

/// States from which no ending can be reached, although choices are offered: loops
/// with no way out. One problem per scene.
fn traps(nodes: &HashMap<u64, Node>, seed: u64, tally: &mut Tally) {
    let mut back: HashMap<u64, Vec<u64>> = HashMap::new();
    for (&k, n) in nodes {
        for &next in &n.next {
            back.entry(next).or_default().push(k);
        }
    }
    let mut good: HashSet<u64> = HashSet::new();
    let mut queue: VecDeque<u64> = nodes.iter().filter(|(_, n)| n.ending).map(|(k, _)| *k).collect();
    while let Some(k) = queue.pop_front() {
        if good.insert(k) {
            queue.extend(back.get(&k).into_iter().flatten().copied());
        }
    }
    let mut trapped: Vec<(usize, &Node)> = nodes
        .iter()
        .filter(|(k, n)| !good.contains(k) && !n.stuck && !n.next.is_empty())
        .map(|(_, n)| (log_of(nodes, n).len(), n))
        .collect();
    // Ties are broken by the way there, choice by choice, never by the map's order.
    let way = |n: &Node| {
        log_of(nodes, n)
            .into_iter()
            .map(|l| (l.scene, l.choice))
            .collect::<Vec<_>>()
    };
    trapped.sort_by_cached_key(|(len, n)| (*len, n.scene.clone(), way(n)));
    for (_, n) in trapped {
        tally.problems.push(Problem {
            kind: ProblemKind::Trapped,
            seed,
            scene: n.scene.clone(),
            message: "no ending can be reached from here: every way on loops back".to_owned(),
            log: log_of(nodes, n),
        });
    }
}
