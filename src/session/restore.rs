//! Turning a save back into a session, also when the story has been edited since.
//!
//! A save made with exactly this version of the story is taken as it is. Otherwise its
//! ids are migrated, every node of its timeline is replayed against the story as it is
//! now, and the branches that no longer fit are dropped; where the player's own path
//! stops fitting, the session resumes at the last point that still fits and the
//! [`RestoreNotice`] says where and why it broke. The save file itself is never touched.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::timeline::{Fingerprints, NodeId, Timeline};
use crate::engine::{self, Event, State, Step};
use crate::replay::{self, Divergence, DivergenceKind, Migrations};
use crate::save::SaveFile;
use crate::story::Story;

use super::Session;

/// A session made from a save, and anything the player should be told about it.
#[derive(Debug, Clone)]
pub struct Restored {
    pub session: Session,
    pub notice: Option<RestoreNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreNotice {
    /// The story has changed since the save; the choices still fit and the state was
    /// re-derived from them (it differs from the saved one, or side branches were lost).
    Rederived { dropped: usize },
    /// The choices stop fitting the story at `divergence`; the session is at the last
    /// point that still fits, after `resumed_at` choices.
    Broken {
        divergence: Divergence,
        resumed_at: usize,
        dropped: usize,
    },
    /// Either of the above, for a save played with packs that are not loaded now.
    WithoutPacks {
        packs: Vec<String>,
        notice: Box<RestoreNotice>,
    },
}

impl RestoreNotice {
    /// What to tell the player, in a sentence or two.
    pub fn message(&self) -> String {
        let lost = |dropped: usize| match dropped {
            0 => String::new(),
            1 => " One side branch of the timeline no longer fits and was left out.".to_owned(),
            n => format!(" {n} timeline points on side branches no longer fit and were left out."),
        };
        match self {
            Self::Rederived { dropped } => format!(
                "The story has changed since this save; your place was worked out again from your choices.{}",
                lost(*dropped)
            ),
            Self::Broken {
                divergence,
                resumed_at,
                dropped,
            } => format!(
                "The story has changed since this save, and your choices no longer fit it {}. \
                 You are at the last point that still fits, after {resumed_at} choice{}. \
                 The save file is unchanged.{}",
                divergence.describe(),
                if *resumed_at == 1 { "" } else { "s" },
                lost(*dropped)
            ),
            Self::WithoutPacks { packs, notice } => {
                let names = packs
                    .iter()
                    .map(|p| format!("'{p}'"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (noun, it) = if packs.len() == 1 {
                    ("pack", "it")
                } else {
                    ("packs", "them")
                };
                let rest = notice.message().replacen(
                    "The story has changed since this save",
                    &format!("Without {it}, the story is not the one saved"),
                    1,
                );
                format!(
                    "This save was played with the {noun} {names}, not loaded now: play with --story and the {noun}' folder to continue it as it was. {rest}"
                )
                .replace("packs' folder", "packs' folders")
                .replace("pack' folder", "pack's folder")
            }
        }
    }
}

impl Session {
    /// Makes a session from a save. Fails only when the story cannot start at all.
    pub fn from_save(
        story: impl Into<Arc<Story>>,
        save: &SaveFile,
        migrations: &Migrations,
    ) -> Result<Restored, Divergence> {
        let story = story.into();
        let (root, root_log, opening) = root_of(&story, save, migrations)?;
        let mut session = Session::from_parts(story, root, root_log, opening, Timeline::new("", 0));
        session.played = Duration::from_secs(save.play_time);
        session.since = Instant::now();
        if let Some((timeline, state)) = as_saved(&session.story, save) {
            session.timeline = timeline;
            session.state = state;
            return Ok(Restored {
                session,
                notice: None,
            });
        }
        let notice = rederive(&mut session, save, migrations);
        let missing = save.story.missing_packs(&session.story);
        let notice = match notice {
            Some(n) if !missing.is_empty() => Some(RestoreNotice::WithoutPacks {
                packs: missing,
                notice: Box::new(n),
            }),
            other => other,
        };
        Ok(Restored { session, notice })
    }
}

/// Where the saved game starts: its root state (a save that began mid-story) and the
/// log that led there, or the story's start and the events of beginning it.
fn root_of(
    story: &Story,
    save: &SaveFile,
    migrations: &Migrations,
) -> Result<(State, Vec<Step>, Vec<Event>), Divergence> {
    if let Some(root) = &save.root {
        let root = migrations.state(root);
        let state = engine::record::read(story, &root).ok_or_else(|| Divergence {
            step: 0,
            scene: root.scene.clone(),
            choice: None,
            kind: DivergenceKind::SceneGone,
        })?;
        Ok((state, root.log, Vec::new()))
    } else {
        let mut opening = Vec::new();
        let start = engine::begin_at(story, save.seed, &story.start, &mut opening)
            .map_err(|e| Divergence::at_start(story, &e))?;
        Ok((start, Vec::new(), opening))
    }
}

/// Replays the migrated save's path and timeline into `session` against the story as
/// it is now; what to tell the player about it, if anything.
fn rederive(session: &mut Session, save: &SaveFile, migrations: &Migrations) -> Option<RestoreNotice> {
    let migrated = migrations.save(save);
    let path = migrated
        .log
        .get(session.root_log.len().min(migrated.log.len())..)
        .unwrap_or(&[]);
    let old = migrated
        .timeline
        .clone()
        .filter(|t| t.steps(t.current()) == path)
        .unwrap_or_else(|| bare(&migrated.state.scene, path));
    let (timeline, dropped) = rebuild(&session.story, &session.root, &old);
    let mut state = session.root.clone();
    let (fitted, divergence) = replay::run_state(&session.story, &mut state, path);
    session.timeline = timeline;
    session.state = state;
    match divergence {
        Some(divergence) => Some(RestoreNotice::Broken {
            divergence,
            resumed_at: fitted,
            dropped,
        }),
        None if *session.state() != migrated.state || dropped > 0 => {
            Some(RestoreNotice::Rederived { dropped })
        }
        None => None,
    }
}

/// The save's own timeline and state, when the save is of this very story version,
/// agrees with itself (its log, its state's log and its timeline's current path are
/// one), and its fingerprints are taken the way this version takes them.
fn as_saved(story: &Story, save: &SaveFile) -> Option<(Timeline, State)> {
    if !save.same_story_version(story) || save.state.log != save.log {
        return None;
    }
    engine::current_scene(story, &save.state).ok()?;
    let timeline = save.timeline.clone()?;
    let consistent = timeline.fingerprints() == Fingerprints::State
        && timeline.steps(timeline.current()) == save.log
        && timeline.nodes().iter().all(|n| story.scene(&n.scene).is_some());
    let state = engine::record::read(story, &save.state)?;
    consistent.then_some((timeline, state))
}

/// A timeline holding only `log`, with nothing derived yet (for [`rebuild`]).
fn bare(root_scene: &str, log: &[Step]) -> Timeline {
    let mut timeline = Timeline::new(root_scene, 0);
    for step in log {
        timeline.advance(step.clone(), "", 0);
    }
    timeline
}

/// The timeline of `log` replayed from `root`, as far as it fits.
pub(super) fn linear(story: &Story, root: &State, log: &[Step]) -> Timeline {
    rebuild(story, root, &bare("", log)).0
}

/// Replays every node of `old` from `root` against the story, keeping those that fit
/// (with their scenes and fingerprints derived afresh) and counting those dropped
/// from side branches. The current node becomes the deepest point of the old current
/// path that still fits.
fn rebuild(story: &Story, root: &State, old: &Timeline) -> (Timeline, usize) {
    let plan = story.plan();
    let scene_id = |s: &State| plan.scene_names.name(s.scene.index()).to_owned();
    let mut new = Timeline::new(&scene_id(root), engine::fingerprint(plan, root));
    let mut kept: Vec<Option<(NodeId, State)>> = vec![None; old.nodes().len()];
    if let Some(first) = kept.first_mut() {
        *first = Some((0, root.clone()));
    }
    let path = old.path(old.current());
    let mut dropped = 0;
    for (id, node) in old.nodes().iter().enumerate().skip(1) {
        let parent = node.parent.and_then(|p| kept.get(p)).and_then(Option::as_ref);
        let next = match (parent, &node.step) {
            (Some((new_parent, state)), Some(step)) => {
                let mut state = state.clone();
                replay::step_state(story, &mut state, 0, step, &mut ())
                    .ok()
                    .map(|()| (*new_parent, step.clone(), state))
            }
            _ => None,
        };
        match next {
            Some((new_parent, step, state)) => {
                let new_id = new.add(
                    new_parent,
                    step,
                    &scene_id(&state),
                    engine::fingerprint(plan, &state),
                );
                kept[id] = Some((new_id, state));
            }
            // Points on the player's own path are reported as the divergence instead.
            None if !path.contains(&id) => dropped += 1,
            None => {}
        }
    }
    let current = path
        .into_iter()
        .rev()
        .find_map(|n| kept.get(n).and_then(Option::as_ref).map(|(id, _)| *id))
        .unwrap_or(0);
    new.set_current(current);
    (new, dropped)
}
