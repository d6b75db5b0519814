//! Stories: the RON schema, loading from disk or from the binary, and validation.
//!
//! `raw` mirrors the files; `validate` checks them and builds the immutable `model`
//! graph; `diagnostic` renders what went wrong in the style of rustc.

pub mod diagnostic;
pub mod model;
pub mod raw;
pub mod source;
pub mod validate;

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

pub use diagnostic::{Diagnostic, Location, Report, Severity, SourceFile};
pub use model::*;
pub use validate::{Loaded, StorySources, load};

/// The default story, compiled into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/story");

/// The manifest's file name at the root of a story folder.
pub const MANIFEST: &str = "story.ron";

/// Files at a story's root that are not scene files.
const NOT_SCENES: [&str; 2] = [MANIFEST, "migrations.ron"];

/// Errors reading a story from disk, before any RON is parsed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the story folder '{path}': {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("'{0}' has no {MANIFEST}: a story folder needs its manifest at the top")]
    NoManifest(PathBuf),
    #[error("'{path}' is not valid UTF-8 text")]
    NotUtf8 { path: PathBuf },
}

/// The sources of the story compiled into the binary.
pub fn embedded_sources() -> StorySources {
    let mut files: Vec<SourceFile> = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    split_manifest(files, "story")
}

/// Loads and validates the story compiled into the binary.
pub fn load_embedded() -> Result<Loaded, Report> {
    load(embedded_sources())
}

/// A file of the story compiled into the binary, by its path inside `story/` (used for
/// `migrations.ron`, which is not a scene file).
pub fn embedded_file(path: &str) -> Option<&'static str> {
    EMBEDDED.get_file(path).and_then(|f| f.contents_utf8())
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let path = file.path();
        if path.extension().is_some_and(|e| e == "ron")
            && let Some(text) = file.contents_utf8()
        {
            out.push(SourceFile {
                name: format!("story/{}", path.display()),
                text: text.to_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Reads every `.ron` file under `dir`, the manifest first and the rest sorted by path.
pub fn read_dir(dir: &Path) -> Result<StorySources, ReadError> {
    let mut files = Vec::new();
    read_tree(dir, dir, &mut files)?;
    if !files
        .iter()
        .any(|f| f.name == display_name(dir, &dir.join(MANIFEST)))
    {
        return Err(ReadError::NoManifest(dir.to_path_buf()));
    }
    Ok(split_manifest(files, &dir.display().to_string()))
}

fn read_tree(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> Result<(), ReadError> {
    let io = |source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "ron") {
            let bytes = std::fs::read(&path).map_err(|source| ReadError::Io {
                path: path.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 { path: path.clone() })?;
            out.push(SourceFile {
                name: display_name(root, &path),
                text,
            });
        }
    }
    Ok(())
}

fn display_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), |rel| root.join(rel))
        .display()
        .to_string()
}

/// Separates the manifest from the scene files; scene files are sorted by name so that
/// loading, hashing and diagnostics come out the same on every machine.
fn split_manifest(mut files: Vec<SourceFile>, root: &str) -> StorySources {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let manifest_name = format!("{}/{MANIFEST}", root.trim_end_matches('/'));
    let position = files.iter().position(|f| f.name == manifest_name);
    let manifest = match position {
        Some(i) => files.remove(i),
        None => SourceFile {
            name: manifest_name,
            text: String::new(),
        },
    };
    let root_prefix = format!("{}/", root.trim_end_matches('/'));
    files.retain(|f| {
        let rel = f.name.strip_prefix(&root_prefix).unwrap_or(&f.name);
        !NOT_SCENES.contains(&rel)
    });
    StorySources {
        manifest,
        scene_files: files,
    }
}
