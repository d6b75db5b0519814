//! hailsham: an interactive recollection for the terminal, and the engine behind it.
//!
//! - [`story`]: the RON schema, loading (from disk or the binary) and validation into an
//!   immutable scene graph, with rustc-style diagnostics.
//! - [`engine`]: the rules: game state, conditions, effects, seeded chance, and the pure
//!   transition from a state and a choice to the next state.
//! - [`save`]: save files (readable RON), slots, atomic writes with backups.
//! - [`replay`]: a log of choices played again exactly: verify, divergence, migrations,
//!   and the step-by-step driver for replay views, the history and transcripts.
//! - [`session`]: a game in progress, driven by both front ends: choose, undo, jump
//!   along the timeline, history, save and restore; its [`timeline`] is the playthrough
//!   as a tree of choices, so undo never loses a path.
//! - [`plain`]: the line-by-line player for pipes and screen readers.
//! - [`words`]: what both front ends say: events described, notices, counts, dates.
//! - [`play`]: the game started from the command line (full-screen or plain), and the
//!   commands over saves (`saves`, `replay`).
//! - [`app`]: the full-screen game's state, its theme, its layout (pure arithmetic
//!   that update and drawing share), its update and its event loop.
//! - [`ui`]: drawing the full-screen game, one file per view.
//! - [`cli`]: the command line, parsed with clap; `main.rs` only dispatches.
//! - [`author`]: the authoring tools: check (summary and warnings), walk (random and
//!   exhaustive playthroughs), graph (dot and Mermaid), warp (start anywhere, with any
//!   state), inspect (why a choice is offered or hidden), watch (hot reload) and scenes
//!   (the scenes and their choices, to hook a pack in). Each is also at the crate's
//!   top (`hailsham::walk`, ...), the paths the tests and benches use.
//! - [`term_safe`]: the one way out to a terminal; control characters from stories and
//!   saves never reach it.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod author;
pub mod cli;
pub mod engine;
pub mod error;
pub mod plain;
pub mod play;
pub mod replay;
pub mod save;
pub mod session;
pub mod story;
pub mod term_safe;
pub mod ui;
pub mod words;

pub use author::{check, graph, inspect, scenes, walk, warp, watch};
pub use session::timeline;
