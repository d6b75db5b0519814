//! A game in progress: the story, the current state, the timeline of every path taken,
//! and what the last step changed.
//!
//! Both front ends (plain and full-screen) drive a `Session` rather than the engine
//! directly, so that everything a player can do (choose, undo, jump along the
//! timeline, read the history, save, load a save of an edited story) is written once,
//! here, on top of the pure [`engine`](crate::engine). States are not stored per node:
//! the session keeps the state where the player is and re-derives any other by
//! replaying the timeline's steps from the root.

mod restore;
pub mod timeline;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::engine::{self, EngineError, Event, GameState, Shown, State, Step};
use crate::replay::{self, Divergence, Frame, Replay};
use crate::save::{self, SaveFile, StoryStamp};
use crate::story::{Choice, Scene, Story};
use timeline::{NodeId, Row, Timeline};

pub use restore::{RestoreNotice, Restored};

/// Errors of moving along the timeline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("there is no point {0} on the timeline")]
    NoSuchNode(NodeId),
    #[error("that point no longer fits the story: {0}")]
    Diverged(#[from] Divergence),
}

/// A state is kept for every this-many choices along the paths taken, so that undo
/// and jumps replay at most this many steps.
const CHECKPOINT_EVERY: usize = 16;

#[derive(Debug, Clone)]
pub struct Session {
    story: Arc<Story>,
    /// The state at the timeline's root (the story's start, unless resumed from a state
    /// its log does not lead to), and the choices that record says led to it.
    root: State,
    root_log: Vec<Step>,
    /// What starting the game changed, shown again when the history reaches the start.
    opening: Vec<Event>,
    state: State,
    /// The readable record of `state`, made when first asked for.
    record: OnceLock<GameState>,
    /// What the last step (the start, or the last choice) changed.
    events: Vec<Event>,
    timeline: Timeline,
    /// States at some points of the timeline (see [`CHECKPOINT_EVERY`]).
    checkpoints: BTreeMap<NodeId, State>,
    /// Play time before this sitting, and when this sitting began.
    played: Duration,
    since: Instant,
}

/// One line of the timeline, ready to show: the layout plus the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub row: Row,
    /// The label of the choice that led here (none at the start).
    pub choice: Option<String>,
    /// The title of the scene reached.
    pub scene_title: String,
}

impl Session {
    /// A new game at the story's start.
    pub fn new(story: impl Into<Arc<Story>>, seed: u64) -> Result<Self, EngineError> {
        let story = story.into();
        let mut opening = Vec::new();
        let state = engine::begin_at(&story, seed, &story.start, &mut opening)?;
        let timeline = Timeline::new(&story.start, engine::fingerprint(story.plan(), &state));
        let mut session = Self::from_parts(story, state, Vec::new(), opening, timeline);
        session.events = session.opening.clone();
        Ok(session)
    }

    /// Resumes from a record. When its log, replayed from the start with its seed,
    /// leads to exactly this state, the timeline holds that path and undo goes back
    /// along it; otherwise (a state made by hand) the state is the root and undo stops
    /// there.
    pub fn resume(story: impl Into<Arc<Story>>, state: GameState) -> Result<Self, EngineError> {
        let story = story.into();
        engine::current_scene(&story, &state)?;
        let start = engine::start(&story, state.rng.seed)?;
        let replayed = replay::run(&story, start.state.clone(), &state.log);
        if replayed.divergence.is_none() && replayed.state == state {
            let root = engine::record::read(&story, &start.state)
                .ok_or_else(|| EngineError::UnknownScene(start.state.scene.clone()))?;
            let timeline = restore::linear(&story, &root, &state.log);
            let mut session = Self::from_parts(story, root, Vec::new(), start.events, timeline);
            session
                .go_to(session.timeline.current())
                .map_err(|e| EngineError::UnknownScene(e.to_string()))?;
            return Ok(session);
        }
        let now = engine::record::read(&story, &state)
            .ok_or_else(|| EngineError::UnknownScene(state.scene.clone()))?;
        let timeline = Timeline::new(&state.scene, engine::fingerprint(story.plan(), &now));
        Ok(Self::from_parts(story, now, state.log, Vec::new(), timeline))
    }

    fn from_parts(
        story: Arc<Story>,
        root: State,
        root_log: Vec<Step>,
        opening: Vec<Event>,
        timeline: Timeline,
    ) -> Self {
        let mut checkpoints = BTreeMap::new();
        checkpoints.insert(0, root.clone());
        Self {
            story,
            state: root.clone(),
            root,
            root_log,
            opening,
            record: OnceLock::new(),
            events: Vec::new(),
            timeline,
            checkpoints,
            played: Duration::ZERO,
            since: Instant::now(),
        }
    }

    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The story, shared.
    pub fn shared_story(&self) -> Arc<Story> {
        Arc::clone(&self.story)
    }

    /// The readable record of where the game stands: names, and the log of every
    /// choice made.
    pub fn state(&self) -> &GameState {
        self.record
            .get_or_init(|| engine::record::record(&self.story, &self.state, &self.log()))
    }

    /// The state the engine steps.
    pub fn now(&self) -> &State {
        &self.state
    }

    /// Every choice made to get here, in order.
    pub fn log(&self) -> Vec<Step> {
        let mut log = self.root_log.clone();
        log.extend(self.timeline.steps(self.timeline.current()));
        log
    }

    /// How many choices have been made.
    pub fn steps(&self) -> usize {
        self.state.step as usize
    }

    pub fn last_events(&self) -> &[Event] {
        &self.events
    }

    pub fn scene(&self) -> Result<&Scene, EngineError> {
        engine::scene_of(&self.story, &self.state)
    }

    /// The choices offered now, in the order the scene lists them, each `label` as it
    /// reads now.
    pub fn offered(&self) -> Vec<Choice> {
        self.scene()
            .map(|s| {
                engine::offered(&self.story, s, &self.state)
                    .map(|c| {
                        c.clone()
                            .with_label(engine::label(&self.story, c, &self.state).text)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The paragraphs that show now, as they read now.
    pub fn passage(&self) -> Vec<Shown> {
        self.scene()
            .map(|s| engine::passage(&self.story, s, &self.state))
            .unwrap_or_default()
    }

    pub fn ending(&self) -> Option<&str> {
        self.state
            .ending
            .map(|e| self.story.plan().endings.name(e.index()))
    }

    /// Takes the choice with this id, adding it to the timeline (or following the branch
    /// already there, if it was taken from here before).
    pub fn choose(&mut self, choice_id: &str) -> Result<&[Event], EngineError> {
        let scene = self.scene()?.id.clone();
        let mut events = Vec::new();
        engine::choose_in_place(&self.story, &mut self.state, choice_id, &mut events)?;
        self.events = events;
        self.record = OnceLock::new();
        let step = Step {
            scene,
            choice: choice_id.to_owned(),
        };
        let to = engine::scene_of(&self.story, &self.state).map_or_else(|_| String::new(), |s| s.id.clone());
        let node = self
            .timeline
            .advance(step, &to, engine::fingerprint(self.story.plan(), &self.state));
        if self.timeline.path(node).len() % CHECKPOINT_EVERY == 1 {
            self.checkpoints.insert(node, self.state.clone());
        }
        Ok(&self.events)
    }

    /// Takes the `index`-th (0-based) choice offered now.
    pub fn choose_offered(&mut self, index: usize) -> Result<&[Event], EngineError> {
        let id =
            self.offered()
                .get(index)
                .map(|c| c.id.clone())
                .ok_or_else(|| EngineError::ChoiceNotOffered {
                    scene: self.scene().map_or_else(|_| String::new(), |s| s.id.clone()),
                    choice: format!("#{}", index + 1),
                })?;
        self.choose(&id)
    }

    /// The timeline of every path taken.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Whether there is a choice to take back.
    pub fn can_undo(&self) -> bool {
        self.timeline
            .node(self.timeline.current())
            .is_some_and(|n| n.parent.is_some())
    }

    /// Takes back the last choice; false (and nothing changes) at the start. The undone
    /// branch stays on the timeline.
    pub fn undo(&mut self) -> Result<bool, SessionError> {
        let parent = self.timeline.node(self.timeline.current()).and_then(|n| n.parent);
        match parent {
            Some(parent) => self.goto(parent).map(|()| true),
            None => Ok(false),
        }
    }

    /// Moves to any point of the timeline, re-deriving its state from the nearest
    /// checkpoint before it.
    pub fn goto(&mut self, node: NodeId) -> Result<(), SessionError> {
        if self.timeline.node(node).is_none() {
            return Err(SessionError::NoSuchNode(node));
        }
        self.go_to(node)?;
        self.events = Vec::new();
        Ok(())
    }

    fn go_to(&mut self, node: NodeId) -> Result<(), Divergence> {
        let path = self.timeline.path(node);
        let from = path
            .iter()
            .rposition(|n| self.checkpoints.contains_key(n))
            .unwrap_or(0);
        let mut state = self
            .checkpoints
            .get(&path[from])
            .map_or_else(|| self.root.clone(), Clone::clone);
        for (depth, &n) in path.iter().enumerate().skip(from + 1) {
            let Some(step) = self.timeline.node(n).and_then(|n| n.step.as_ref()) else {
                continue;
            };
            replay::step_state(&self.story, &mut state, depth, step, &mut ())?;
            if depth % CHECKPOINT_EVERY == 0 {
                self.checkpoints.entry(n).or_insert_with(|| state.clone());
            }
        }
        self.state = state;
        self.record = OnceLock::new();
        self.timeline.set_current(node);
        Ok(())
    }

    /// The timeline laid out for a view, with choice labels and scene titles.
    pub fn timeline_rows(&self) -> Vec<TimelineRow> {
        self.timeline
            .rows()
            .into_iter()
            .map(|row| {
                let node = self.timeline.node(row.node);
                let choice = node.and_then(|n| n.step.as_ref()).map(|step| {
                    self.story
                        .scene(&step.scene)
                        .and_then(|s| s.choices.iter().find(|c| c.id == step.choice))
                        .map_or_else(
                            || step.choice.clone(),
                            |c| engine::label(&self.story, c, &self.state).text,
                        )
                });
                let scene_title = node.map_or_else(String::new, |n| {
                    self.story
                        .scene(&n.scene)
                        .map_or_else(|| n.scene.clone(), |s| s.title.clone())
                });
                TimelineRow {
                    row,
                    choice,
                    scene_title,
                }
            })
            .collect()
    }

    /// Every scene read on the path to here, in order, with the choice taken in each:
    /// the history (backlog). The last frame is the scene being read now.
    pub fn history(&self) -> Vec<Frame> {
        let steps = self.timeline.steps(self.timeline.current());
        Replay::from_state(&self.story, self.root.clone(), steps, self.opening.clone())
            .map_while(Result::ok)
            .collect()
    }

    /// Time played over every sitting, this one included.
    pub fn play_time(&self) -> Duration {
        self.played + self.since.elapsed()
    }

    /// The save of this session, as it stands, stamped with `saved_at` (seconds since
    /// the epoch; see [`save::clock::now`]).
    pub fn to_save(&self, saved_at: u64) -> SaveFile {
        let shown = self.passage();
        let passage: Vec<&str> = shown.iter().map(|p| p.text.as_str()).collect();
        let rooted_at_start = self.root_log.is_empty()
            && engine::begin_at(&self.story, self.root.rng.seed, &self.story.start, &mut ())
                .is_ok_and(|s| s == self.root);
        let state = self.state().clone();
        SaveFile {
            format: save::FORMAT,
            story: StoryStamp::of(&self.story),
            saved_at,
            play_time: self.play_time().as_secs(),
            scene_title: self
                .scene()
                .map_or_else(|_| state.scene.clone(), |s| s.title.clone()),
            excerpt: save::excerpt(&passage, 90),
            seed: self.state.rng.seed,
            log: state.log.clone(),
            timeline: Some(self.timeline.clone()),
            root: (!rooted_at_start).then(|| engine::record::record(&self.story, &self.root, &self.root_log)),
            state,
            bookmark: None,
        }
    }

    /// Works out again what the last step did (a restored session starts without it),
    /// so that a continued game shows the same lines of what the last choice did.
    pub fn recall_last_events(&mut self) {
        let steps = self.timeline.steps(self.timeline.current());
        self.events = match steps.split_last() {
            None => self.opening.clone(),
            Some((last, before)) => {
                let mut state = self.root.clone();
                let mut events = Vec::new();
                let fits = replay::run_state(&self.story, &mut state, before).1.is_none()
                    && replay::step_state(&self.story, &mut state, steps.len(), last, &mut events).is_ok();
                if fits { events } else { Vec::new() }
            }
        };
    }

    /// Moves the game onto an edited story (hot reload), keeping the state, if the
    /// story still has the current scene; otherwise changes nothing and says why.
    pub fn replace_story(&mut self, story: impl Into<Arc<Story>>) -> Result<(), EngineError> {
        let story = story.into();
        let record = self.state().clone();
        engine::current_scene(&story, &record)?;
        let root = engine::record::record(&self.story, &self.root, &self.root_log);
        let state = engine::record::read(&story, &record)
            .ok_or_else(|| EngineError::UnknownScene(record.scene.clone()))?;
        self.root = engine::record::read(&story, &root).unwrap_or_else(|| state.clone());
        self.state = state;
        self.story = story;
        self.record = OnceLock::new();
        self.checkpoints.clear();
        self.checkpoints.insert(0, self.root.clone());
        self.events.clear();
        Ok(())
    }
}
