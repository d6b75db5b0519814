//! The errors a command can end with; `main` prints them once and picks the exit code.

use std::path::PathBuf;

use crate::engine::EngineError;
use crate::replay::{Divergence, MigrationError};
use crate::save::SaveError;
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
    /// A tool's own error (a bad `--set`, a folder that cannot be watched), said as
    /// the tool says it; each tool converts its error into this one.
    #[error(transparent)]
    Tool(Box<dyn std::error::Error + Send + Sync>),
    #[error("cannot load '{path}': {source}")]
    Load { path: PathBuf, source: SaveError },
    /// A replayed save parts from the story (`replay --verify` exits non-zero with it).
    #[error("the save does not fit the story {0}")]
    Diverged(#[from] Divergence),
    #[error("the story's migrations: {0}")]
    Migration(#[from] MigrationError),
    #[error("cannot write to the terminal: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
    /// `walk` found problems; the report has been printed.
    #[error("the walk found {0} problem(s)")]
    WalkProblems(u64),
    /// The full-screen game was stopped by this signal (after tidying the terminal).
    #[error("stopped by signal {0}")]
    Signal(i32),
}
