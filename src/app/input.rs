//! Where input comes from: terminal events, signals, and the end of input, gathered
//! into one [`Input`] stream so the loop blocks on a single place.
//!
//! The real source reads crossterm events on a thread and turns SIGINT, SIGTERM and
//! SIGHUP into [`Input::Signal`], all through one channel; the loop waits on the
//! channel, with a timeout only while the text reveal is animating. Other threads (an
//! autosave timer, a story file watcher) can send into the same channel through
//! [`ChannelSource::sender`].

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{KeyEvent, MouseEvent};

/// One thing that happened outside the game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize {
        width: u16,
        height: u16,
    },
    /// The process was asked to stop (the signal's number).
    Signal(i32),
    /// A story file changed (`play --watch`): time to reload.
    StoryChanged,
    /// There is no more input (the terminal went away, or a script ran out).
    Closed,
    /// The terminal was given back and taken again (after Ctrl-Z): draw it all afresh.
    Redraw,
}

/// A source of input the loop can block on.
pub trait InputSource {
    /// Waits for the next input; with a timeout, returns `None` when it passes first.
    fn next(&mut self, timeout: Option<Duration>) -> Option<Input>;
}

/// Input from a channel: the terminal's and the signals' threads send into it.
pub struct ChannelSource {
    tx: Sender<Input>,
    rx: Receiver<Input>,
}

impl Default for ChannelSource {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { tx, rx }
    }
}

impl ChannelSource {
    /// A sender for other threads to add input with.
    pub fn sender(&self) -> Sender<Input> {
        self.tx.clone()
    }

    /// Starts the threads that read the terminal and listen for signals.
    pub fn terminal() -> std::io::Result<Self> {
        let source = Self::default();
        let tx = source.sender();
        std::thread::spawn(move || read_terminal(&tx));
        let tx = source.sender();
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ])?;
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if tx.send(Input::Signal(signal)).is_err() {
                    break;
                }
            }
        });
        Ok(source)
    }
}

fn read_terminal(tx: &Sender<Input>) {
    use crossterm::event::Event;
    loop {
        let input = match crossterm::event::read() {
            Ok(Event::Key(key)) => Input::Key(key),
            Ok(Event::Mouse(mouse)) => Input::Mouse(mouse),
            Ok(Event::Resize(width, height)) => Input::Resize { width, height },
            Ok(_) => continue,
            Err(_) => Input::Closed,
        };
        let closed = input == Input::Closed;
        if tx.send(input).is_err() || closed {
            break;
        }
    }
}

impl InputSource for ChannelSource {
    fn next(&mut self, timeout: Option<Duration>) -> Option<Input> {
        match timeout {
            None => Some(self.rx.recv().unwrap_or(Input::Closed)),
            Some(t) => match self.rx.recv_timeout(t) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Input::Closed),
            },
        }
    }
}

/// A fixed list of inputs, for tests; when it runs out the input is closed.
/// Timeouts pass at once, so an animation plays out between two scripted inputs.
#[derive(Debug, Default)]
pub struct Script {
    inputs: std::collections::VecDeque<Input>,
}

impl Script {
    pub fn new(inputs: impl IntoIterator<Item = Input>) -> Self {
        Self {
            inputs: inputs.into_iter().collect(),
        }
    }
}

impl InputSource for Script {
    fn next(&mut self, timeout: Option<Duration>) -> Option<Input> {
        if timeout.is_some() {
            return None;
        }
        Some(self.inputs.pop_front().unwrap_or(Input::Closed))
    }
}
