//! The replay view's keys: pause and play on, a step either way, faster and slower,
//! scrolling a long scene, and leaving. The loop's timer (see
//! [`App::wake_after`](crate::app::App::wake_after)) moves it on while it plays.

use super::{Action, scrolled};
use crate::app::layout;
use crate::app::{App, Command};

pub(super) fn replay(app: &mut App, action: Action) {
    let max = layout::replay::max_scroll(app);
    let page = layout::replay::page(app);
    let Some(replay) = &mut app.replay else {
        app.quit = true;
        return;
    };
    match action {
        Action::Command(Command::Pause) => {
            // Playing on from the end starts again from the beginning.
            if replay.at_end() {
                replay.show(0);
            }
            replay.pace.toggle_pause();
            replay.since = std::time::Instant::now();
        }
        Action::Command(Command::Step | Command::Select) => {
            let next = replay.at + 1;
            replay.show(next);
        }
        Action::Command(Command::StepBack) => {
            let before = replay.at.saturating_sub(1);
            replay.show(before);
        }
        Action::Command(Command::Faster) => replay.pace.faster(),
        Action::Command(Command::Slower) => replay.pace.slower(),
        Action::Command(Command::Back | Command::Quit) => app.quit = true,
        other => replay.scroll = scrolled(replay.scroll, other, max, page),
    }
}

/// The replay's timer ran out: the next frame (at the end it pauses and waits).
pub(super) fn tick(app: &mut App) {
    if let Some(replay) = &mut app.replay {
        let next = replay.at + 1;
        replay.show(next);
    }
}
