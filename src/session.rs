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

use std::time::{Duration, Instant};

use crate::engine::{self, EngineError, Event, GameState, Shown};
use crate::replay::{self, Divergence, Frame, Replay};
use crate::save::{self, SaveFile, StoryStamp};
use crate::story::{Choice, Scene, Story};
use crate::timeline::{NodeId, Row, Timeline};

pub use restore::{RestoreNotice, Restored};

/// Errors of moving along the timeline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("there is no point {0} on the timeline")]
    NoSuchNode(NodeId),
    #[error("that point no longer fits the story: {0}")]
    Diverged(#[from] Divergence),
}

#[derive(Debug, Clone)]
pub struct Session {
    story: Story,
    /// The state at the timeline's root (the story's start, unless resumed from a state
    /// its log does not lead to).
    root: GameState,
    /// What starting the game changed, shown again when the history reaches the start.
    opening: Vec<Event>,
    state: GameState,
    /// What the last step (the start, or the last choice) changed.
    events: Vec<Event>,
    timeline: Timeline,
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
    pub fn new(story: Story, seed: u64) -> Result<Self, EngineError> {
        let outcome = engine::start(&story, seed)?;
        let timeline = Timeline::new(&outcome.state.scene, replay::fingerprint(&outcome.state));
        Ok(Self {
            story,
            root: outcome.state.clone(),
            opening: outcome.events.clone(),
            state: outcome.state,
            events: outcome.events,
            timeline,
            played: Duration::ZERO,
            since: Instant::now(),
        })
    }

    /// Resumes from a state. When its log, replayed from the start with its seed, leads
    /// to exactly this state, the timeline holds that path and undo goes back along it;
    /// otherwise (a state made by hand) the state is the root and undo stops there.
    pub fn resume(story: Story, state: GameState) -> Result<Self, EngineError> {
        engine::current_scene(&story, &state)?;
        let start = engine::start(&story, state.rng.seed)?;
        let replayed = replay::run(&story, start.state.clone(), &state.log);
        let mut session = if replayed.divergence.is_none() && replayed.state == state {
            let mut session = Self::from_parts(story, start.state, start.events, Timeline::new("", 0));
            session.timeline = restore::linear(&session.story, &session.root, &state.log);
            session
        } else {
            let timeline = Timeline::new(&state.scene, replay::fingerprint(&state));
            Self::from_parts(story, state.clone(), Vec::new(), timeline)
        };
        session.state = state;
        Ok(session)
    }

    fn from_parts(story: Story, root: GameState, opening: Vec<Event>, timeline: Timeline) -> Self {
        Self {
            story,
            state: root.clone(),
            root,
            opening,
            events: Vec::new(),
            timeline,
            played: Duration::ZERO,
            since: Instant::now(),
        }
    }

    pub fn story(&self) -> &Story {
        &self.story
    }

    pub fn state(&self) -> &GameState {
        &self.state
    }

    pub fn last_events(&self) -> &[Event] {
        &self.events
    }

    pub fn scene(&self) -> Result<&Scene, EngineError> {
        engine::current_scene(&self.story, &self.state)
    }

    /// The choices offered now, in the order the scene lists them, each `label` as it
    /// reads now.
    pub fn offered(&self) -> Vec<Choice> {
        self.scene()
            .map(|s| {
                engine::offered(s, &self.state)
                    .map(|c| Choice {
                        label: engine::label(c, &self.state).text,
                        ..c.clone()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The paragraphs that show now, as they read now.
    pub fn passage(&self) -> Vec<Shown> {
        self.scene()
            .map(|s| engine::passage(s, &self.state))
            .unwrap_or_default()
    }

    pub fn ending(&self) -> Option<&str> {
        self.state.ending.as_deref()
    }

    /// Takes the choice with this id, adding it to the timeline (or following the branch
    /// already there, if it was taken from here before).
    pub fn choose(&mut self, choice_id: &str) -> Result<&[Event], EngineError> {
        let outcome = engine::choose(&self.story, &self.state, choice_id)?;
        self.state = outcome.state;
        self.events = outcome.events;
        if let Some(step) = self.state.log.last().cloned() {
            self.timeline
                .advance(step, &self.state.scene, replay::fingerprint(&self.state));
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
                    scene: self.state.scene.clone(),
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

    /// Moves to any point of the timeline, re-deriving its state from the root.
    pub fn goto(&mut self, node: NodeId) -> Result<(), SessionError> {
        if self.timeline.node(node).is_none() {
            return Err(SessionError::NoSuchNode(node));
        }
        let replayed = replay::run(&self.story, self.root.clone(), &self.timeline.steps(node));
        if let Some(divergence) = replayed.divergence {
            return Err(divergence.into());
        }
        self.state = replayed.state;
        self.events = Vec::new();
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
                        .map_or_else(|| step.choice.clone(), |c| engine::label(c, &self.state).text)
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
        Replay::new(&self.story, self.root.clone(), steps, self.opening.clone())
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
        let rooted_at_start =
            engine::start(&self.story, self.root.rng.seed).is_ok_and(|o| o.state == self.root);
        SaveFile {
            format: save::FORMAT,
            story: StoryStamp::of(&self.story),
            saved_at,
            play_time: self.play_time().as_secs(),
            scene_title: self
                .scene()
                .map_or_else(|_| self.state.scene.clone(), |s| s.title.clone()),
            excerpt: save::excerpt(&passage, 90),
            seed: self.state.rng.seed,
            log: self.state.log.clone(),
            timeline: Some(self.timeline.clone()),
            root: (!rooted_at_start).then(|| self.root.clone()),
            state: self.state.clone(),
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
                let replayed = replay::run(&self.story, self.root.clone(), before);
                match replayed.divergence {
                    Some(_) => Vec::new(),
                    None => replay::step(&self.story, &replayed.state, steps.len(), last)
                        .map(|o| o.events)
                        .unwrap_or_default(),
                }
            }
        };
    }

    /// Moves the game onto an edited story (hot reload), keeping the state, if the
    /// story still has the current scene; otherwise changes nothing and says why.
    pub fn replace_story(&mut self, story: Story) -> Result<(), EngineError> {
        engine::current_scene(&story, &self.state)?;
        self.story = story;
        self.events.clear();
        Ok(())
    }
}
