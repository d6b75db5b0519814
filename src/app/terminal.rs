//! The terminal's lifecycle for the full-screen game: raw mode and the alternate
//! screen through `ratatui::init` (which also restores the terminal on a panic), mouse
//! capture in a guard whose `Drop` undoes it, and signals turned into input so that
//! SIGINT, SIGTERM and SIGHUP leave through the same tidy path as `q`. Ctrl-Z gives
//! the terminal back to the shell (raw mode, the alternate screen and the mouse off)
//! and stops the game; `fg` takes the terminal again and draws it afresh. With
//! `--watch`, the story's file watcher sends into the same input, so a save wakes the
//! loop.
//! Frames are drawn through [`SafeBackend`], so no text can drive the terminal.

use std::io::{self, Write};
use std::path::PathBuf;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::input::{ChannelSource, Input};
use super::{App, run};
use crate::error::Error;
use crate::term_safe::{SafeBackend, raw_stdout};
use crate::watch::Reloader;

/// Sets the terminal up (raw mode and the alternate screen through `ratatui`, then
/// mouse capture) and undoes it all on drop, whichever way the game ends: the guard
/// exists before the first step, so a step that fails still restores the terminal.
struct Guard {
    restore: fn(),
}

impl Guard {
    fn new() -> io::Result<Self> {
        Self::set_up(&[enter, capture_mouse], restore)
    }

    fn set_up(steps: &[fn() -> io::Result<()>], restore: fn()) -> io::Result<Self> {
        let guard = Self { restore };
        for step in steps {
            step()?;
        }
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        (self.restore)();
    }
}

/// Raw mode, the alternate screen and the panic hook that undoes them.
fn enter() -> io::Result<()> {
    ratatui::try_init().map(drop)
}

fn capture_mouse() -> io::Result<()> {
    execute!(raw_stdout(), EnableMouseCapture)
}

fn restore() {
    let _ = execute!(raw_stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = raw_stdout().flush();
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
    let guard = Guard::new()?;
    let mut terminal = Terminal::new(SafeBackend::new(CrosstermBackend::new(raw_stdout())))?;
    let result = run(&mut terminal, app, &mut inputs);
    // Blank the game's screen before leaving it, so that nothing of it (an open help
    // box) can stay behind on a terminal that keeps the alternate screen's cells.
    let _ = terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()));
    drop(terminal);
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
        match &input {
            Some(Input::Signal(s)) => self.signal = Some(*s),
            Some(Input::Key(key))
                if key.kind == KeyEventKind::Press
                    && key.code == KeyCode::Char('z')
                    && key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                // A terminal that cannot be handed back and taken again is no worse
                // off than before: draw afresh either way.
                let _ = suspend();
                return Some(Input::Redraw);
            }
            _ => {}
        }
        input
    }
}

/// Ctrl-Z: gives the terminal back as the shell left it, stops the game as Ctrl-Z
/// would have without raw mode, and takes the terminal again when continued.
fn suspend() -> io::Result<()> {
    let mut out = raw_stdout();
    execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show)?;
    disable_raw_mode()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here again once continued (fg, or SIGCONT).
    enable_raw_mode()?;
    execute!(out, EnterAlternateScreen, EnableMouseCapture, Hide)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    static RESTORED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn a_step_that_fails_still_restores_the_terminal() {
        #[allow(clippy::unnecessary_wraps)]
        fn ok() -> io::Result<()> {
            Ok(())
        }
        fn fails() -> io::Result<()> {
            Err(io::Error::other("no mouse here"))
        }
        fn counted() {
            RESTORED.fetch_add(1, Ordering::SeqCst);
        }
        assert!(Guard::set_up(&[ok, fails], counted).is_err());
        assert_eq!(RESTORED.load(Ordering::SeqCst), 1);
        drop(Guard::set_up(&[ok, ok], counted));
        assert_eq!(RESTORED.load(Ordering::SeqCst), 2);
    }
}
