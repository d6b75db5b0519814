//! The replay driver: a log played again as a sequence of [`Frame`]s, one per scene
//! read, each with its text, the choices it offered and the one the log took.
//!
//! A replay view, the history (backlog) and the plain transcript are all drawn from
//! these frames; none of them runs the engine itself.

use crate::engine::{self, Event, GameState, State, Step};
use crate::story::{Scene, Story};

use super::Divergence;

/// One scene as it was read in a playthrough.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// How many choices had been made when this scene was read (0 at the start).
    pub step: usize,
    pub scene: String,
    pub title: String,
    /// "Now, <place>" for the carer frame, otherwise the era's title and the place.
    pub heading: String,
    /// The paragraphs that showed.
    pub passage: Vec<String>,
    /// The labels of the choices offered, in order.
    pub offered: Vec<String>,
    /// The choice taken next, or `None` at the end of the log.
    pub chosen: Option<Chosen>,
    /// What the choice that led here and entering the scene changed.
    pub events: Vec<Event>,
    /// The ending's title, if this scene ends the story.
    pub ending: Option<String>,
}

/// A choice taken in a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    /// Its position among the choices offered (0-based).
    pub index: usize,
    pub id: String,
    pub label: String,
}

/// Replays a log frame by frame. Yields `Err` once where the log stops fitting the
/// story, then ends.
#[derive(Debug, Clone)]
pub struct Replay<'s> {
    story: &'s Story,
    state: State,
    log: Vec<Step>,
    /// The number of choices replayed so far.
    next: usize,
    events: Vec<Event>,
    done: bool,
}

impl<'s> Replay<'s> {
    /// A replay of `log` from `start`, whose first frame shows `opening` (the events of
    /// starting the game, when known).
    pub fn new(story: &'s Story, start: &GameState, log: Vec<Step>, opening: Vec<Event>) -> Self {
        let plan = story.plan();
        let state = engine::record::read(story, start).unwrap_or_else(|| {
            State::blank(
                plan,
                start.rng.seed,
                plan.start.unwrap_or(crate::story::compiled::SceneIx(0)),
            )
        });
        Self::from_state(story, state, log, opening)
    }

    /// A replay of `log` from a state.
    pub fn from_state(story: &'s Story, start: State, log: Vec<Step>, opening: Vec<Event>) -> Self {
        Self {
            story,
            state: start,
            log,
            next: 0,
            events: opening,
            done: false,
        }
    }

    /// A replay of `log` from a new game with `seed`.
    pub fn from_seed(story: &'s Story, seed: u64, log: Vec<Step>) -> Result<Self, Divergence> {
        let outcome = engine::start(story, seed).map_err(|e| Divergence::at_start(story, &e))?;
        Ok(Self::new(story, &outcome.state, log, outcome.events))
    }

    /// The number of choices in the log.
    pub fn len(&self) -> usize {
        self.log.len()
    }

    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }

    /// The state reached so far.
    pub fn state(&self) -> &State {
        &self.state
    }

    fn frame(&self, scene: &Scene) -> Frame {
        let offered: Vec<_> = engine::offered(self.story, scene, &self.state).collect();
        let chosen = self.log.get(self.next).and_then(|s| {
            let index = offered.iter().position(|c| c.id == s.choice)?;
            Some(Chosen {
                index,
                id: s.choice.clone(),
                label: engine::label(self.story, offered[index], &self.state).text,
            })
        });
        Frame {
            step: self.next,
            scene: scene.id.clone(),
            title: scene.title.clone(),
            heading: heading(self.story, scene),
            passage: engine::passage(self.story, scene, &self.state)
                .into_iter()
                .map(|p| p.text)
                .collect(),
            offered: offered
                .iter()
                .map(|c| engine::label(self.story, c, &self.state).text)
                .collect(),
            chosen,
            events: self.events.clone(),
            ending: scene.ending.as_ref().map(|e| {
                self.story
                    .ending(e)
                    .map_or_else(|| e.clone(), |end| end.title.clone())
            }),
        }
    }
}

impl Iterator for Replay<'_> {
    type Item = Result<Frame, Divergence>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.next > 0 {
            let Some(step) = self.log.get(self.next - 1) else {
                self.done = true;
                return None;
            };
            let mut events = Vec::new();
            match super::step_state(self.story, &mut self.state, self.next, step, &mut events) {
                Ok(()) => self.events = events,
                Err(divergence) => {
                    self.done = true;
                    return Some(Err(divergence));
                }
            }
        }
        let Ok(scene) = engine::scene_of(self.story, &self.state) else {
            self.done = true;
            return Some(Err(Divergence {
                step: self.next,
                scene: String::new(),
                choice: None,
                kind: super::DivergenceKind::SceneGone,
            }));
        };
        let frame = self.frame(scene);
        self.next += 1;
        if self.next > self.log.len() {
            self.done = true;
        }
        Some(Ok(frame))
    }
}

/// The line under a scene's title: "Now" or the era's title, then the place.
pub fn heading(story: &Story, scene: &Scene) -> String {
    let when = if scene.frame {
        "Now".to_owned()
    } else {
        story
            .era(&scene.era)
            .map_or_else(|| scene.era.clone(), |e| e.title.clone())
    };
    match &scene.place {
        Some(place) => format!("{when}, {place}"),
        None => when,
    }
}
