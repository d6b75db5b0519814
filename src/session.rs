//! A game in progress: the story, the current state, and what the last step changed.
//!
//! Both front ends (plain and full-screen) drive a `Session` rather than the engine
//! directly, so that everything a player can do (choose, and later undo, jump along
//! the timeline, reload an edited story) is written once, here, on top of the pure
//! [`engine`](crate::engine).

use crate::engine::{self, EngineError, Event, GameState};
use crate::story::{Choice, Paragraph, Scene, Story};

#[derive(Debug, Clone)]
pub struct Session {
    story: Story,
    state: GameState,
    /// What the last step (the start, or the last choice) changed.
    events: Vec<Event>,
}

impl Session {
    /// A new game at the story's start.
    pub fn new(story: Story, seed: u64) -> Result<Self, EngineError> {
        let outcome = engine::start(&story, seed)?;
        Ok(Self {
            story,
            state: outcome.state,
            events: outcome.events,
        })
    }

    /// Resumes from a state, e.g. one loaded from a save.
    pub fn resume(story: Story, state: GameState) -> Result<Self, EngineError> {
        engine::current_scene(&story, &state)?;
        Ok(Self {
            story,
            state,
            events: Vec::new(),
        })
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

    /// The choices offered now, in the order the scene lists them.
    pub fn offered(&self) -> Vec<&Choice> {
        self.scene()
            .map(|s| engine::offered(s, &self.state).collect())
            .unwrap_or_default()
    }

    /// The paragraphs that show now.
    pub fn passage(&self) -> Vec<&Paragraph> {
        self.scene()
            .map(|s| engine::passage(s, &self.state).collect())
            .unwrap_or_default()
    }

    pub fn ending(&self) -> Option<&str> {
        self.state.ending.as_deref()
    }

    /// Takes the choice with this id.
    pub fn choose(&mut self, choice_id: &str) -> Result<&[Event], EngineError> {
        let outcome = engine::choose(&self.story, &self.state, choice_id)?;
        self.state = outcome.state;
        self.events = outcome.events;
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

    /// Moves the game onto an edited story (hot reload), keeping the state, if the
    /// story still has the current scene; otherwise changes nothing and says why.
    pub fn replace_story(&mut self, story: Story) -> Result<(), EngineError> {
        engine::current_scene(&story, &self.state)?;
        self.story = story;
        self.events.clear();
        Ok(())
    }
}
