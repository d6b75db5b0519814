//! The built-in story played through the library along fixed paths: at every scene the
//! player takes the first offered choice named in the path's list of preferences, and
//! otherwise the first choice offered. Each path must pass through the scenes that make
//! it what it is and arrive where it should: one through Acts I and II, and one to each
//! ending. Preferences are choice ids, so edits to the prose do not break these, while a
//! scene rerouted, a choice renamed or a condition that now hides a choice does.
#![allow(clippy::unwrap_used)] // tests may fail loudly

use hailsham::session::Session;
use hailsham::story;

/// What one playthrough saw.
struct Played {
    scenes: Vec<String>,
    choices: Vec<String>,
    ending: Option<String>,
    session: Session,
}

impl Played {
    fn visited(&self, scene: &str) -> bool {
        self.scenes.iter().any(|s| s == scene)
    }

    fn knows(&self, knowledge: &str) -> bool {
        self.session.state().knowledge.contains(knowledge)
    }

    fn flag(&self, flag: &str) -> bool {
        self.session.state().flags.contains(flag)
    }

    fn has(&self, keepsake: &str) -> bool {
        self.session.state().keepsakes.contains(keepsake)
    }

    fn tone(&self, memory: &str) -> Option<&str> {
        self.session.state().memories.get(memory).map(|m| m.tone.as_str())
    }
}

/// Plays the built-in story with `seed`, preferring the choices in `prefer` (earliest
/// in the list first) and otherwise taking the first choice offered.
fn play(seed: u64, prefer: &[&str]) -> Played {
    let story = story::load_embedded().unwrap().story;
    let mut session = Session::new(story, seed).unwrap();
    let mut scenes = vec![session.state().scene.clone()];
    let mut choices = Vec::new();
    for _ in 0..500 {
        if session.ending().is_some() {
            break;
        }
        let offered: Vec<String> = session.offered().iter().map(|c| c.id.clone()).collect();
        assert!(
            !offered.is_empty(),
            "stuck in {} after {choices:?}",
            session.state().scene
        );
        let pick = prefer
            .iter()
            .find(|p| offered.iter().any(|o| o == *p))
            .map_or_else(|| offered[0].clone(), |p| (*p).to_string());
        session.choose(&pick).unwrap();
        choices.push(pick);
        scenes.push(session.state().scene.clone());
    }
    let ending = session.ending().map(str::to_string);
    Played {
        scenes,
        choices,
        ending,
        session,
    }
}
