//! Writing a file so that an interruption at any point leaves a readable version.
//!
//! The previous content is first copied to the backup (itself written atomically),
//! then the new content goes to a temporary file in the same folder, is flushed to
//! disk, and is renamed over the target. A rename within a folder is atomic, so the
//! target always holds either the whole old version or the whole new one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// Where a simulated crash stops a write (tests only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Crash {
    BeforeBackup,
    MidBackup,
    AfterBackup,
    MidWrite,
    BeforeSync,
    BeforeRename,
}

/// Writes `bytes` to `path`, keeping what `path` held before (whatever it was) at `backup`.
pub fn write_with_backup(path: &Path, backup: &Path, bytes: &[u8]) -> io::Result<()> {
    write_inner(path, backup, bytes, None)
}

pub(crate) fn write_inner(path: &Path, backup: &Path, bytes: &[u8], crash: Option<Crash>) -> io::Result<()> {
    let dir = folder(path);
    fs::create_dir_all(dir)?;
    if crash == Some(Crash::BeforeBackup) {
        return Ok(());
    }
    match fs::read(path) {
        Ok(previous) => replace(
            backup,
            &previous,
            crash,
            (Crash::MidBackup, Crash::MidBackup, Crash::MidBackup),
        )?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if crash == Some(Crash::AfterBackup) || crash == Some(Crash::MidBackup) {
        return Ok(());
    }
    replace(
        path,
        bytes,
        crash,
        (Crash::MidWrite, Crash::BeforeSync, Crash::BeforeRename),
    )
}

/// Temporary file, write, flush and sync, rename; `stops` are the crash points of the
/// three stages (mid-write, before sync, before rename).
fn replace(path: &Path, bytes: &[u8], crash: Option<Crash>, stops: (Crash, Crash, Crash)) -> io::Result<()> {
    let dir = folder(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    if crash == Some(stops.0) {
        tmp.write_all(&bytes[..bytes.len() / 2])?;
        return abandon(tmp);
    }
    tmp.write_all(bytes)?;
    tmp.flush()?;
    if crash == Some(stops.1) {
        return abandon(tmp);
    }
    tmp.as_file().sync_all()?;
    if crash == Some(stops.2) {
        return abandon(tmp);
    }
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// The start and end of a temporary file's name.
const TEMP_PREFIX: &str = ".hailsham-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file must be to count as left by a killed write: a write takes
/// milliseconds, and another game writing into the same folder must keep its own.
pub const STALE_AFTER: Duration = Duration::from_mins(1);

/// Removes the temporary files in `dir` that writes killed part-way left behind (those
/// last touched more than `age` ago), and returns how many went. Only regular files
/// named as this module names them are touched.
pub fn remove_stale(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata().is_ok_and(|m| {
                m.file_type().is_file()
                    && m.modified()
                        .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d >= age))
            })
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// A crashed process leaves its temporary file behind; so does a simulated crash.
fn abandon(tmp: NamedTempFile) -> io::Result<()> {
    tmp.keep().map(|_| ()).map_err(|e| e.error)
}

fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes the rename itself durable where the platform allows syncing a folder.
fn sync_folder(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_write_leaves_the_old_version_or_the_new_one_never_a_mix() {
        let crashes = [
            Crash::BeforeBackup,
            Crash::MidBackup,
            Crash::AfterBackup,
            Crash::MidWrite,
            Crash::BeforeSync,
            Crash::BeforeRename,
        ];
        for crash in crashes {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("slot1.ron");
            let backup = dir.path().join("slot1.ron.bak");
            write_with_backup(&path, &backup, b"first version").unwrap();
            write_with_backup(&path, &backup, b"old version").unwrap();
            write_inner(&path, &backup, b"new version", Some(crash)).unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"old version", "{crash:?}");
            let kept = fs::read(&backup).unwrap();
            assert!(
                kept == b"first version" || kept == b"old version",
                "{crash:?}: backup is {kept:?}"
            );
            // The next write, after the "restart", succeeds and keeps the old version.
            write_with_backup(&path, &backup, b"new version").unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"new version");
            assert_eq!(fs::read(&backup).unwrap(), b"old version");
        }
    }
}
