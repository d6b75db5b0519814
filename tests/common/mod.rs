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

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The example story with `extra` scenes appended to its scene file.
pub fn with_scenes(extra: &str) -> StorySources {
    let mut sources = example_sources();
    let file = &mut sources.scene_files[0];
    let end = file.text.rfind(']').expect("list end");
    file.text.replace_range(end.., &format!("{extra}\n]"));
    sources
}

/// A pack made of a `pack.ron` text and scene files, named under `pack/`.
pub fn pack(manifest: &str, scenes: &[&str]) -> story::PackSources {
    story::PackSources {
        manifest: story::SourceFile {
            name: "pack/pack.ron".into(),
            text: manifest.into(),
        },
        scene_files: scenes
            .iter()
            .enumerate()
            .map(|(i, text)| story::SourceFile {
                name: format!("pack/scenes{i}.ron"),
                text: (*text).into(),
            })
            .collect(),
    }
}

/// Asserts a diagnostic whose message contains `message` sits at `file:line:column`,
/// and returns its help text.
pub fn assert_at(report: &Report, message: &str, file: &str, line: usize, column: usize) -> Option<String> {
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains(message))
        .unwrap_or_else(|| panic!("no diagnostic '{message}' in:\n{}", report.render()));
    let at = report.location(d).expect("location");
    assert!(at.file.ends_with(file), "{} vs {file}", at.file);
    assert_eq!(
        (at.line, at.column),
        (line, column),
        "position of '{message}'\n{}",
        report.render()
    );
    d.help.clone()
}

/// A temporary folder (tempfile's, removed on drop) with helpers to fill it.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let dir = tempfile::Builder::new()
            .prefix(&format!("hailsham-{tag}-"))
            .tempdir()
            .expect("temp dir");
        Self(dir)
    }

    pub fn path(&self) -> &std::path::Path {
        self.0.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }

    /// Copies the example story into this folder.
    pub fn with_example(self) -> Self {
        let ex = example_dir();
        self.write(
            "story.ron",
            &std::fs::read_to_string(ex.join("story.ron")).expect("read"),
        );
        self.write(
            "carer/drive.ron",
            &std::fs::read_to_string(ex.join("carer/drive.ron")).expect("read"),
        );
        self
    }
}
