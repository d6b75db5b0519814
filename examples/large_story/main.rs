//! Writes the large story of issue 14 to a folder, for `hailsham check` and `walk`:
//!
//! ```sh
//! cargo run --release --example large_story -- OUT_DIR [--scenes N]
//! hailsham check --story OUT_DIR
//! hailsham walk --story OUT_DIR --runs 1000
//! ```
//!
//! The story is a pure function of N (default 10,000 scenes, about 900,000 words), so
//! anyone generates the same files; `generate.rs` holds the generator, which the
//! benchmarks in `benches/scale.rs` share.

use std::path::PathBuf;
use std::process::ExitCode;

mod generate;

const USAGE: &str = "usage: cargo run --release --example large_story -- OUT_DIR [--scenes N]";

fn main() -> ExitCode {
    match run() {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let mut out: Option<PathBuf> = None;
    let mut scenes = generate::DEFAULT_SCENES;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scenes" => {
                let n = args.next().ok_or(USAGE)?;
                scenes = n
                    .parse()
                    .map_err(|_| format!("--scenes wants a number, not '{n}'\n{USAGE}"))?;
            }
            "-h" | "--help" => return Ok(USAGE.into()),
            _ if out.is_none() && !arg.starts_with('-') => out = Some(arg.into()),
            _ => return Err(format!("unexpected argument '{arg}'\n{USAGE}")),
        }
    }
    let out = out.ok_or(USAGE)?;
    let files = generate::story(scenes);
    let mut bytes = 0;
    for file in &files {
        let path = out.join(&file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create '{}': {e}", dir.display()))?;
        }
        std::fs::write(&path, &file.text).map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
        bytes += file.text.len();
    }
    Ok(format!(
        "wrote {} files ({} bytes) of a {}-scene story to {}",
        files.len(),
        bytes,
        scenes.max(20),
        out.display()
    ))
}
