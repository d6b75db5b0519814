//! Helpers shared by the integration tests: the example story, and edits to it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use hailsham::story::{self, Loaded, Report, StorySources};

pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example")
}

pub fn example_sources() -> StorySources {
    story::read_dir(&example_dir()).expect("the example story is readable")
}

pub fn example() -> Loaded {
    story::load(example_sources()).expect("the example story loads")
}

/// The example story with `from` replaced by `to` in the file whose name ends with
/// `file`; panics if `from` is not there, so a test cannot silently edit nothing.
pub fn edited(file: &str, from: &str, to: &str) -> StorySources {
    let mut sources = example_sources();
    let target = std::iter::once(&mut sources.manifest)
        .chain(sources.scene_files.iter_mut())
        .find(|f| f.name.ends_with(file))
        .expect("file in example");
    assert!(target.text.contains(from), "'{from}' not in {file}");
    target.text = target.text.replacen(from, to, 1);
    sources
}

pub fn load_err(sources: StorySources) -> Report {
    match story::load(sources) {
        Ok(_) => panic!("expected the story to fail"),
        Err(report) => report,
    }
}

/// The 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = text.match_indices(needle).nth(nth).expect("needle present").0;
    hailsham::story::diagnostic::line_column(text, offset)
}
