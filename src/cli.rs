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
    /// List the save slots with what each holds (or why it cannot be read).
    Saves(SavesArgs),
    /// Play a save's choices again from the start with its seed, or verify them.
    Replay(ReplayArgs),
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
    /// Continue a saved game: a slot (1-9, auto, quick) or a save file.
    #[arg(long, value_name = "SLOT|FILE")]
    pub load: Option<String>,
    /// Keep saves in this folder (default: `$HAILSHAM_SAVE_DIR`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
    /// Write no save files at all, not even the autosave.
    #[arg(long, conflicts_with = "save_dir")]
    pub no_save: bool,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    /// Check the story in this folder instead of the one built in.
    #[arg(long, value_name = "DIR")]
    pub story: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct SavesArgs {
    /// The save folder (default: `$HAILSHAM_SAVE_DIR`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
    /// The story the saves should belong to, instead of the one built in.
    #[arg(long, value_name = "DIR")]
    pub story: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ReplayArgs {
    /// The save to replay: a file, or a slot (1-9, auto, quick) in the save folder.
    #[arg(value_name = "FILE|SLOT")]
    pub save: String,
    /// Print the whole playthrough as a readable transcript.
    #[arg(long)]
    pub plain: bool,
    /// Re-derive the final state from the log and compare it with the saved one; exits
    /// non-zero, naming the step, scene and choice, where they part.
    #[arg(long)]
    pub verify: bool,
    /// Replay against the story in this folder instead of the one built in.
    #[arg(long, value_name = "DIR")]
    pub story: Option<PathBuf>,
    /// The save folder that slot names refer to.
    #[arg(long, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
}
