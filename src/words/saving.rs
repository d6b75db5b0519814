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

/// A save written: where, how far and at which scene, and whether the slot's earlier
/// save is kept as its backup.
pub fn saved(slot: Slot, step: usize, scene: &str, kept_backup: bool) -> String {
    let kept = if kept_backup {
        "; what it held before is kept as a backup"
    } else {
        ""
    };
    format!(
        "Saved to {} (step {step}: {scene}){kept}.",
        slot_name(slot).to_lowercase()
    )
}

/// A save that could not be written, and why.
pub fn could_not_save(slot: Slot, why: &impl std::fmt::Display) -> String {
    format!("Could not save to {}: {why}.", slot_name(slot).to_lowercase())
}

/// A save loaded.
pub fn loaded(slot: Slot) -> String {
    format!("Loaded {}.", slot_name(slot).to_lowercase())
}

/// A save that could not be loaded, and why.
pub fn cannot_load(slot: Slot, why: &impl std::fmt::Display) -> String {
    format!("Cannot load {}: {why}.", slot_name(slot).to_lowercase())
}

/// The last choice taken back (`label` already in the front end's quotation marks);
/// `see` says how to see the timeline it stays on.
pub fn taken_back(label: Option<&str>, see: &str) -> String {
    let what = label.map_or_else(String::new, |l| format!(": {l}"));
    format!("Taken back{what}. That path stays on the timeline ({see}).")
}

/// The autosave could not be written (`again`: nor the time before); `save` says
/// how to save by hand.
pub fn autosave_failed(again: bool, why: &impl std::fmt::Display, save: &str) -> String {
    let again = if again { " again" } else { "" };
    format!("Autosave failed{again}: {why}. Play goes on; {save}.")
}
