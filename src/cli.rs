//! The command line, declared with clap. Keep these names: later tools build on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Play many times at random (or explore every state) and report problems and coverage.
    Walk(WalkArgs),
    /// Print the scene graph for Graphviz (dot) or Mermaid.
    Graph(GraphArgs),
    /// List the scenes (id, era, title, file and line) and their choices: where a pack can hook in.
    Scenes(ScenesArgs),
    /// List the save slots with what each holds (or why it cannot be read).
    Saves(SavesArgs),
    /// Play a save's choices again from the start with its seed, or verify them.
    Replay(ReplayArgs),
}

/// Which story to load: the built-in one, a folder, or layers of packs.
#[derive(Debug, Clone, Default, Args)]
pub struct StoryArgs {
    /// A story folder (with story.ron) or a pack (with pack.ron). Give it again to layer
    /// packs; a first folder that is a pack goes on top of the built-in story.
    #[arg(long = "story", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct PlayArgs {
    #[command(flatten)]
    pub story: StoryArgs,
    /// Plain lines on standard output, choices read from standard input (for pipes and screen readers).
    #[arg(long)]
    pub plain: bool,
    /// Seed for the game's chance rolls; the same seed and choices give the same story.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Start at this scene instead of the story's start (for testing one scene).
    #[arg(long, value_name = "ID")]
    pub scene: Option<String>,
    /// Start with this in the state, e.g. `flag.asked=true`, `ruth.trust=3`,
    /// `memory.the_sale_tape=warm` (see docs/authoring.md). May be repeated.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Reload the story whenever a file in a --story folder changes, keeping your place.
    #[arg(long)]
    pub watch: bool,
    /// Continue a saved game: a slot (1-9, auto, quick) or a save file.
    #[arg(long, value_name = "SLOT|FILE")]
    pub load: Option<String>,
    /// Keep saves in this folder (default: `$HAILSHAM_SAVE_DIR`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
    /// Write no save files at all, not even the autosave.
    #[arg(long, conflicts_with = "save_dir")]
    pub no_save: bool,
    /// Keep the settings in this folder (default: `$HAILSHAM_CONFIG_DIR`, else the platform's config folder).
    #[arg(long, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub story: StoryArgs,
    /// Treat warnings as errors: exit non-zero if there are any.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Args)]
pub struct WalkArgs {
    #[command(flatten)]
    pub story: StoryArgs,
    /// How many random playthroughs.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub runs: usize,
    /// Seed of the first run; run i uses seed S + i, so any run can be repeated alone.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Give up on a run after this many choices (it is reported as a loop).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_steps: usize,
    /// Seek coverage instead: explore every distinct state reachable from the start.
    #[arg(long)]
    pub explore: bool,
    /// Stop exploring after this many distinct states.
    #[arg(long, value_name = "N", default_value_t = 200_000)]
    pub max_states: usize,
    /// Print the report as JSON (for `graph --coverage`).
    #[arg(long)]
    pub json: bool,
    /// With --explore: text that no explored state shows is an error, not a note.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ScenesArgs {
    #[command(flatten)]
    pub story: StoryArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

#[derive(Debug, Clone, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub story: StoryArgs,
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Shade scenes by how often they were reached, from a `walk --json` report.
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
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
