//! The save slots as text (`hailsham saves` and the plain player's `saves`): when each
//! was saved, in the player's time, how far, where, and its excerpt, or why it cannot
//! be read.

use jiff::tz::TimeZone;

use super::clock;
use crate::save::{SaveDir, SlotEntry, SlotStatus};

/// Every slot of `entries`, one to a line (a ready save with its excerpt under it).
pub fn listing(dir: &SaveDir, entries: &[SlotEntry], zone: &TimeZone) -> String {
    let mut out = format!("Saves in {}\n", dir.root().display());
    for entry in entries {
        let backup = if entry.has_backup { " (backup kept)" } else { "" };
        let slot = entry.slot.to_string();
        match &entry.status {
            SlotStatus::Empty => out.push_str(&format!("  {slot:>5}  empty\n")),
            SlotStatus::Ready(save) => {
                let ended = if save.state.ending.is_some() {
                    ", ended"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "  {slot:>5}  {}, step {}{ended}: {} ({} played){backup}\n         {}\n",
                    clock::date_time(save.saved_at, zone),
                    save.step(),
                    save.scene_title,
                    crate::save::clock::play_time(save.play_time),
                    save.excerpt,
                ));
            }
            SlotStatus::Unreadable(e) => out.push_str(&format!("  {slot:>5}  unreadable: {e}{backup}\n")),
        }
    }
    out
}
