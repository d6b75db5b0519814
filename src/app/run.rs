//! The event loop: draw when something changed, then block until the next input.
//! It wakes on a timer only while the text reveal is animating or a replay is playing
//! ([`App::wake_after`]), so an idle game, or a paused replay, uses no processor time.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::widgets::Clear;

use super::{Action, App, InputSource, update};

/// The pause between two steps of the text reveal (20 a second; each step shows one
/// to four letters, as the text speed says).
pub const TICK: Duration = Duration::from_millis(50);

/// Runs the game until the player leaves or the input ends.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: &mut impl InputSource,
) -> Result<(), B::Error> {
    let area = terminal.size()?;
    update(app, Action::Resize(area));
    let mut dirty = true;
    while !app.should_quit() {
        if dirty {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        let timeout = app.wake_after();
        let action = match inputs.next(timeout) {
            None => Some(Action::Tick),
            Some(input) => {
                if input == super::Input::Redraw {
                    // The terminal shows nothing now (it was handed back and taken again):
                    // a blank frame brings ratatui's idea of it in line, so that the next
                    // frame draws every cell. (`Terminal::clear` asks the terminal where
                    // its cursor is, which the input thread would answer instead.)
                    terminal.draw(|frame| frame.render_widget(Clear, frame.area()))?;
                }
                app.action(&input)
            }
        };
        dirty = action.is_some();
        if let Some(action) = action {
            update(app, action);
        }
    }
    Ok(())
}
