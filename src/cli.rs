//! The command line, declared with clap. Keep these names: later tools build on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "hailsham",
    version,
    about = "An interactive recollection for the terminal."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for `play`, accepted without the word `play`.
    #[command(flatten)]
    pub play: PlayArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play the story (the default).
    Play(PlayArgs),
    /// Validate a story and print a summary; exits non-zero on errors.
    Check(CheckArgs),
}

#[derive(Debug, Clone, Default, Args)]
pub struct PlayArgs {
    /// Play the story in this folder instead of the one built in.
    #[arg(long, value_name = "DIR")]
    pub story: Option<PathBuf>,
    /// Plain lines on standard output, choices read from standard input (for pipes and screen readers).
    #[arg(long)]
    pub plain: bool,
    /// Seed for the game's chance rolls; the same seed and choices give the same story.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    /// Check the story in this folder instead of the one built in.
    #[arg(long, value_name = "DIR")]
    pub story: Option<PathBuf>,
}
