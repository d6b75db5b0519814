//! Stories: the RON schema, loading from disk or from the binary, and validation.
//!
//! `raw` mirrors the files; `validate` checks them and builds the immutable `model`
//! graph; `diagnostic` renders what went wrong in the style of rustc.

pub mod compiled;
pub mod diagnostic;
mod folder;
mod layers;
mod lint;
pub mod model;
pub mod raw;
pub mod source;
pub mod text;
pub mod validate;

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

pub use diagnostic::{Diagnostic, Location, Report, Severity, SourceFile};
pub use folder::{MAX_FILE_BYTES, MAX_FILES, MAX_FOLDER_BYTES, read_optional};
pub use model::*;
pub use validate::{Loaded, PackSources, StorySources, load};

/// The default story, compiled into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/story");

/// The manifest's file name at the root of a story folder.
pub const MANIFEST: &str = "story.ron";

/// The manifest's file name at the root of a pack folder.
pub const PACK_MANIFEST: &str = "pack.ron";

/// Files at a story's root that are not scene files.
const NOT_SCENES: [&str; 3] = [MANIFEST, PACK_MANIFEST, "migrations.ron"];

/// Errors reading a story from disk, before any RON is parsed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the story folder '{path}': {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("'{0}' has no {MANIFEST} or {PACK_MANIFEST}: a story folder needs its manifest at the top")]
    NoManifest(PathBuf),
    #[error(
        "'{0}' is a whole story ({MANIFEST}), but only the first --story may be one; \
         later folders are packs, with a {PACK_MANIFEST}"
    )]
    NotAPack(PathBuf),
    #[error("'{path}' is not valid UTF-8 text")]
    NotUtf8 { path: PathBuf },
    #[error("'{path}' is a {kind}, not a file: a story folder holds only files and folders")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "'{path}' is a link to '{target}', outside the story folder: links are followed only \
         within it"
    )]
    LinkOutside { path: PathBuf, target: PathBuf },
    #[error("'{path}' is larger than {} MB, the most a story file may hold", limit >> 20)]
    TooBig { path: PathBuf, limit: u64 },
    #[error("the story folder '{path}' holds more than {} MB of story files, the most a story may hold", limit >> 20)]
    FolderTooBig { path: PathBuf, limit: u64 },
    #[error("the story folder '{path}' holds more than {limit} story files, the most a story may hold")]
    TooManyFiles { path: PathBuf, limit: usize },
}

/// The sources of the story compiled into the binary.
pub fn embedded_sources() -> StorySources {
    let mut files: Vec<SourceFile> = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    let (manifest, scene_files) = split_manifest(files, "story", MANIFEST);
    StorySources {
        manifest,
        scene_files,
        packs: Vec::new(),
    }
}

/// Reads the layers named by `--story`, in order. None: the built-in story. The first
/// folder is a whole story (with a `story.ron`) or a pack (with a `pack.ron`) on top of
/// the built-in story; every later folder is a pack layered on the ones before it.
pub fn read_layers(dirs: &[PathBuf]) -> Result<StorySources, ReadError> {
    let Some((first, rest)) = dirs.split_first() else {
        return Ok(embedded_sources());
    };
    let mut sources = if first.join(MANIFEST).is_file() {
        read_dir(first)?
    } else if first.join(PACK_MANIFEST).is_file() {
        let mut builtin = embedded_sources();
        builtin.packs.push(read_pack(first)?);
        builtin
    } else {
        return Err(ReadError::NoManifest(first.clone()));
    };
    for dir in rest {
        if dir.join(MANIFEST).is_file() && !dir.join(PACK_MANIFEST).is_file() {
            return Err(ReadError::NotAPack(dir.clone()));
        }
        sources.packs.push(read_pack(dir)?);
    }
    Ok(sources)
}

/// Whether these `--story` folders put packs on the built-in story (the first is a pack).
pub fn implies_builtin(dirs: &[PathBuf]) -> bool {
    dirs.first()
        .is_some_and(|d| !d.join(MANIFEST).is_file() && d.join(PACK_MANIFEST).is_file())
}

/// Reads a pack folder: its `pack.ron` and every other `.ron` file under it.
pub fn read_pack(dir: &Path) -> Result<PackSources, ReadError> {
    let mut files = Vec::new();
    read_tree(dir, &mut files)?;
    if !files
        .iter()
        .any(|f| f.name == display_name(dir, &dir.join(PACK_MANIFEST)))
    {
        return Err(ReadError::NoManifest(dir.to_path_buf()));
    }
    let (manifest, scene_files) = split_manifest(files, &dir.display().to_string(), PACK_MANIFEST);
    Ok(PackSources {
        manifest,
        scene_files,
    })
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
    read_tree(dir, &mut files)?;
    if !files
        .iter()
        .any(|f| f.name == display_name(dir, &dir.join(MANIFEST)))
    {
        return Err(ReadError::NoManifest(dir.to_path_buf()));
    }
    let (manifest, scene_files) = split_manifest(files, &dir.display().to_string(), MANIFEST);
    Ok(StorySources {
        manifest,
        scene_files,
        packs: Vec::new(),
    })
}

/// Every `.ron` file under `root`, read as [`folder`] allows: regular files inside it only.
fn read_tree(root: &Path, out: &mut Vec<SourceFile>) -> Result<(), ReadError> {
    for file in folder::read_ron_files(root)? {
        out.push(SourceFile {
            name: display_name(root, &file.path),
            text: file.text,
        });
    }
    Ok(())
}

fn display_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), |rel| root.join(rel))
        .display()
        .to_string()
}

/// Separates the manifest (`manifest`, at the root) from the scene files; scene files
/// are sorted by name so that loading, hashing and diagnostics come out the same on
/// every machine.
fn split_manifest(mut files: Vec<SourceFile>, root: &str, manifest: &str) -> (SourceFile, Vec<SourceFile>) {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let manifest_name = format!("{}/{manifest}", root.trim_end_matches('/'));
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
    (manifest, files)
}

/// A list in an allocation of exactly its length. `into_boxed_slice` shrinks in place,
/// and an allocator may keep the whole block for a list at least half its size.
pub(crate) fn exact<T>(list: Vec<T>) -> Box<[T]> {
    if list.len() == list.capacity() {
        return list.into_boxed_slice();
    }
    let mut exact = Vec::with_capacity(list.len());
    exact.extend(list);
    exact.into_boxed_slice()
}
