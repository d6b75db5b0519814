//! The errors a command can end with; `main` prints them once and picks the exit code.

use crate::engine::EngineError;
use crate::story::{ReadError, Report};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The story did not load; the report holds every diagnostic.
    #[error("the story has errors")]
    Story(Report),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("cannot write to the terminal: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
    /// The full-screen game was stopped by this signal (after tidying the terminal).
    #[error("stopped by signal {0}")]
    Signal(i32),
}
