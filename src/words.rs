//! What the game says, in one place for both front ends: what a step did, how a
//! number of things is counted, the notices of saving, loading and moving in time, the
//! inspector's verdicts, and dates as the player's clock shows them. The full-screen
//! game and the plain player both take their words from here, so each is written once
//! and the two never drift apart.

pub mod count;
pub mod events;
pub mod inspector;
pub mod saving;

/// The line a scene that is an ending closes with, in the history and the replay.
pub fn the_end(title: &str) -> String {
    format!("The end: {title}")
}

/// The plain player's and transcript's heading for an ending.
pub fn the_end_heading(title: &str) -> String {
    format!("THE END: {title}")
}
pub mod clock;
pub mod narrator;
pub mod saves;
