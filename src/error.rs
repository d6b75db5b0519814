//! The errors a command can end with; `main` prints them once and picks the exit code.

use crate::engine::EngineError;
use crate::story::{ReadError, Report};
use crate::warp::WarpError;
use crate::watch::WatchError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The story did not load; the report holds every diagnostic.
    #[error("the story has errors")]
    Story(Report),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Warp(#[from] WarpError),
    #[error(transparent)]
    Watch(#[from] WatchError),
    #[error("cannot write to the terminal: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
    /// `walk` found problems; the report has been printed.
    #[error("the walk found {0} problem(s)")]
    WalkProblems(u64),
}
