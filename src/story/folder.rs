//! Reading a story folder from disk without trusting it.
//!
//! Story folders and packs come from other people, so the loader opens only regular
//! files inside the folder it was given. A link is followed only when it leads to a
//! place inside that folder (and a folder is read once, so a link cannot make a loop);
//! a link that leads outside, a FIFO, a device or a socket is an error naming the
//! path, and is never opened. Every file and the whole folder have a size limit,
//! checked before reading and while reading, so a huge file is refused at once
//! rather than read for minutes.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::ReadError;

/// The most bytes one story file may hold (the built-in story's largest is 36 KB).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The most bytes all the files of one story folder (or pack) may hold together.
pub const MAX_FOLDER_BYTES: u64 = 8 << 20;

/// The most `.ron` files one folder may hold.
pub const MAX_FILES: usize = 4096;

/// A `.ron` file read from a folder: its path and its text.
pub(super) struct RonFile {
    pub path: PathBuf,
    pub text: String,
}

/// Walks `root` and reads every `.ron` file under it, sorted by path within each folder.
pub(super) fn read_ron_files(root: &Path) -> Result<Vec<RonFile>, ReadError> {
    let io = |source| ReadError::Io {
        path: root.to_path_buf(),
        source,
    };
    let canonical = fs::canonicalize(root).map_err(io)?;
    let mut walk = Walk {
        root: canonical.clone(),
        visited: HashSet::from([canonical]),
        bytes: 0,
        files: Vec::new(),
    };
    walk.folder(root)?;
    Ok(walk.files)
}

/// Reads one file of a story folder, if it is there: `migrations.ron`, say. `None`
/// when there is no such file; an error for a link outside, a special file, or too much.
pub fn read_optional(root: &Path, path: &Path) -> Result<Option<String>, ReadError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ReadError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
        Ok(_) => {}
    }
    let canonical = fs::canonicalize(root).map_err(|source| ReadError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut walk = Walk {
        root: canonical,
        visited: HashSet::new(),
        bytes: 0,
        files: Vec::new(),
    };
    match walk.resolve(path)? {
        Kind::File => walk.read(path).map(Some),
        Kind::Dangling => Ok(None),
        Kind::Folder => Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            kind: "folder",
        }),
    }
}

struct Walk {
    /// The story folder, canonical: every file read must be inside it.
    root: PathBuf,
    /// Folders already read (canonical), so a link cannot lead round in a loop.
    visited: HashSet<PathBuf>,
    bytes: u64,
    files: Vec<RonFile>,
}

enum Kind {
    File,
    Folder,
    /// A link to nothing (an editor's lock file, say): not read, and not an error
    /// unless it is named as a story file.
    Dangling,
}

impl Walk {
    fn folder(&mut self, dir: &Path) -> Result<(), ReadError> {
        let io = |source| ReadError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .map_err(io)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(io)?;
        entries.sort();
        for path in entries {
            match self.resolve(&path)? {
                Kind::Folder => {
                    let canonical = fs::canonicalize(&path).map_err(|source| ReadError::Io {
                        path: path.clone(),
                        source,
                    })?;
                    if self.visited.insert(canonical) {
                        self.folder(&path)?;
                    }
                }
                Kind::File if path.extension().is_some_and(|e| e == "ron") => {
                    if self.files.len() >= MAX_FILES {
                        return Err(ReadError::TooManyFiles {
                            path: self.root.clone(),
                            limit: MAX_FILES,
                        });
                    }
                    let text = self.read(&path)?;
                    self.files.push(RonFile { path, text });
                }
                Kind::Dangling if path.extension().is_some_and(|e| e == "ron") => {
                    return Err(ReadError::Io {
                        path,
                        source: std::io::ErrorKind::NotFound.into(),
                    });
                }
                Kind::File | Kind::Dangling => {}
            }
        }
        Ok(())
    }

    /// What `path` is, without following a link that leads outside the folder and
    /// without opening anything.
    fn resolve(&self, path: &Path) -> Result<Kind, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut meta = fs::symlink_metadata(path).map_err(io)?;
        if meta.file_type().is_symlink() {
            let target = match fs::canonicalize(path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Kind::Dangling),
                other => other.map_err(io)?,
            };
            if !target.starts_with(&self.root) {
                return Err(ReadError::LinkOutside {
                    path: path.to_path_buf(),
                    target,
                });
            }
            meta = fs::metadata(&target).map_err(io)?;
        }
        let kind = meta.file_type();
        if kind.is_dir() {
            Ok(Kind::Folder)
        } else if kind.is_file() {
            Ok(Kind::File)
        } else {
            Err(ReadError::NotAFile {
                path: path.to_path_buf(),
                kind: special_kind(kind),
            })
        }
    }

    /// Reads a regular file, within the per-file and per-folder limits.
    fn read(&mut self, path: &Path) -> Result<String, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let too_big = || ReadError::TooBig {
            path: path.to_path_buf(),
            limit: MAX_FILE_BYTES,
        };
        let size = fs::metadata(path).map_err(io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(too_big());
        }
        let file = File::open(path).map_err(io)?;
        // Checked again on what was opened, in case the path was swapped meanwhile.
        let kind = file.metadata().map_err(io)?.file_type();
        if !kind.is_file() {
            return Err(ReadError::NotAFile {
                path: path.to_path_buf(),
                kind: special_kind(kind),
            });
        }
        // Sized from the metadata, so that a story's text is held once, not in buffers
        // grown by doubling; a file that grew meanwhile still reads (up to the limit).
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let len = bytes.len() as u64;
        if len > MAX_FILE_BYTES {
            return Err(too_big());
        }
        self.bytes += len;
        if self.bytes > MAX_FOLDER_BYTES {
            return Err(ReadError::FolderTooBig {
                path: self.root.clone(),
                limit: MAX_FOLDER_BYTES,
            });
        }
        String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 {
            path: path.to_path_buf(),
        })
    }
}

/// "a FIFO", "a device", … for a file type that is neither a file nor a folder.
fn special_kind(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "device";
        }
    }
    if kind.is_symlink() {
        return "link";
    }
    "special file"
}
