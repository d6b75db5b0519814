//! What both front ends say about saves and moving in time: slots by name, saving
//! switched off, a save that cannot be loaded, undo and going back along the timeline.

use crate::save::Slot;

/// Said when the game was started with `--no-save` and a save or load is asked for.
pub const SAVING_OFF: &str = "Saving is off in this game (it was started with --no-save).";

/// Said after a save that cannot be read (or loaded), in either front end.
pub const LEFT_AS_IT_IS: &str = "The file is left as it is; your other saves are unaffected.";

/// Undo at the start of the game.
pub const NOTHING_TO_TAKE_BACK: &str = "Nothing to take back: this is the start.";

/// A slot as a sentence names it: "The autosave", "The quicksave", "Slot 3".
pub fn slot_name(slot: Slot) -> String {
    match slot {
        Slot::Auto => "The autosave".to_owned(),
        Slot::Earlier(n) => format!("Earlier autosave {n}"),
        Slot::Quick => "The quicksave".to_owned(),
        Slot::Numbered(n) => format!("Slot {n}"),
    }
}

/// Undo could not go back, and why.
pub fn cannot_go_back(why: &impl std::fmt::Display) -> String {
    format!("Cannot go back: {why}.")
}

/// A jump along the timeline could not be made, and why.
pub fn cannot_go_there(why: &impl std::fmt::Display) -> String {
    format!("Cannot go there: {why}.")
}
