//! The authoring tools: what a story's author runs to check, walk, draw and probe a
//! story, above the engine and the session and below the front ends (the full-screen
//! game shows [`inspect`]'s verdicts and reloads through [`watch`]).
//!
//! - [`check`]: the summary and the warnings of `hailsham check`.
//! - [`walk`]: random and exhaustive playthroughs, and their report.
//! - [`graph`]: the scene graph as dot or Mermaid, shaded by a walk's coverage.
//! - [`warp`]: start anywhere, with any state (`play --scene`, `--set`).
//! - [`inspect`]: why a choice is offered or hidden.
//! - [`watch`]: reload the story when its files change.
//! - [`scenes`]: the scenes and their choices, to hook a pack in.
//! - [`common`]: the few helpers the tools share.

pub mod check;
pub mod common;
pub mod graph;
pub mod inspect;
pub mod scenes;
pub mod walk;
pub mod warp;
pub mod watch;
