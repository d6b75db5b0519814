//! The terminal's lifecycle for the full-screen game: raw mode and the alternate
//! screen through `ratatui::init` (which also restores the terminal on a panic), mouse
//! capture in a guard whose `Drop` undoes it, and signals turned into input so that
//! SIGINT, SIGTERM and SIGHUP leave through the same tidy path as `q`. With `--watch`,
//! the story's file watcher sends into the same input, so a save wakes the loop.

use std::io::{self, Write};
use std::path::PathBuf;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use super::input::{ChannelSource, Input};
use super::{App, run};
use crate::error::Error;
use crate::watch::Reloader;

/// Switches on what `ratatui::init` does not (mouse capture), and off again on drop,
/// whichever way the game ends.
struct Guard;

impl Guard {
    fn new() -> io::Result<Self> {
        execute!(io::stdout(), EnableMouseCapture)?;
        Ok(Self)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
        let _ = io::stdout().flush();
    }
}

/// How the game ended, for `main` to choose the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(i32),
}

/// Plays full-screen in the real terminal until the player leaves. With `watch` (the
/// story's folders), the story reloads whenever a `.ron` file in them is saved.
pub fn play(app: &mut App, watch: &[PathBuf]) -> Result<Exit, Error> {
    let source = ChannelSource::terminal()?;
    if !watch.is_empty() {
        let tx = source.sender();
        let reloader = Reloader::with_wake(watch, move || {
            // The game has ended if nobody is listening; nothing to wake.
            let _ = tx.send(Input::StoryChanged);
        })?;
        app.watch(Box::new(reloader));
    }
    let mut inputs = SignalAware::new(source);
    let mut terminal = ratatui::init();
    let guard = Guard::new();
    let result = run(&mut terminal, app, &mut inputs);
    drop(guard);
    result?;
    Ok(inputs.signal.map_or(Exit::Quit, Exit::Signal))
}

/// Remembers whether a signal ended the game.
struct SignalAware {
    inner: ChannelSource,
    signal: Option<i32>,
}

impl SignalAware {
    fn new(inner: ChannelSource) -> Self {
        Self { inner, signal: None }
    }
}

impl super::InputSource for SignalAware {
    fn next(&mut self, timeout: Option<std::time::Duration>) -> Option<Input> {
        let input = self.inner.next(timeout);
        if let Some(Input::Signal(s)) = input {
            self.signal = Some(s);
        }
        input
    }
}
