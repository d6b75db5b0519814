//! `play --watch`: reload the story when its files change, and keep playing.
//!
//! A [`Reloader`] watches every story folder (through `notify`, debounced so that one
//! save is one reload) and, when a `.ron` file changes, loads the layers again. Front
//! ends poll it between inputs with [`Reloader::try_reload`] (or pass a `wake` callback
//! to [`Reloader::with_wake`] to be told as soon as something changed), then hand the
//! result to [`apply`], which moves the session onto the new story when it is valid and
//! still has the current scene, and otherwise keeps the old one. The [`ReloadNote`] it
//! returns says what happened, with the diagnostics of a broken edit.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::session::Session;
use crate::story::compiled::fnv1a;
use crate::story::{self, Loaded, Report};

/// How long the files must stay quiet before a change counts as one save.
const QUIET: Duration = Duration::from_millis(150);

/// The story loaded again after a change.
#[derive(Debug)]
pub enum Reload {
    /// It is valid (the report may hold warnings).
    Loaded(Box<Loaded>),
    /// It has errors; the report says which.
    Broken(Report),
    /// The folders could not be read.
    Unreadable(String),
}

/// Something that can tell a front end the story changed. [`Reloader`] is the real
/// one; tests pass scripted ones.
pub trait ReloadSource {
    /// A reload, if the story changed since the last call; never blocks.
    fn poll(&mut self) -> Option<Reload>;
}

#[derive(Debug, thiserror::Error)]
#[error("cannot watch '{path}' for changes: {source}")]
pub struct WatchError {
    path: PathBuf,
    source: notify_debouncer_mini::notify::Error,
}

impl From<WatchError> for crate::error::Error {
    fn from(e: WatchError) -> Self {
        Self::Tool(Box::new(e))
    }
}

pub struct Reloader {
    dirs: Vec<PathBuf>,
    /// A hash of the files last loaded: reading them makes the watcher report them
    /// again, and a save that changes nothing should not reload.
    last: Option<u64>,
    /// A hash of the `.ron` files' sizes and modification times when last looked at.
    /// Opening a file is itself reported, so the files are only read again when this
    /// changes: otherwise each read would report a change, which would read them again.
    stamps: u64,
    changes: Receiver<DebounceEventResult>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for Reloader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reloader")
            .field("dirs", &self.dirs)
            .finish_non_exhaustive()
    }
}

impl Reloader {
    /// Watches the story folders given to `--story`, in their layer order.
    pub fn new(dirs: &[PathBuf]) -> Result<Self, WatchError> {
        Self::with_wake(dirs, || {})
    }

    /// Like [`new`](Self::new), and calls `wake` (from the watcher's thread) after each
    /// change, so an event loop that blocks on input can be woken to reload.
    pub fn with_wake(dirs: &[PathBuf], wake: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let (tx, changes) = channel();
        let handler = move |event: DebounceEventResult| {
            let wanted = touches_story(&event);
            if tx.send(event).is_ok() && wanted {
                wake();
            }
        };
        let error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| WatchError { path, source }
        };
        let mut debouncer = new_debouncer(QUIET, handler).map_err(error(Path::new(".")))?;
        for dir in dirs {
            debouncer
                .watcher()
                .watch(dir, RecursiveMode::Recursive)
                .map_err(error(dir))?;
        }
        let last = story::read_layers(dirs).ok().map(|s| fingerprint(&s));
        Ok(Self {
            dirs: dirs.to_vec(),
            last,
            stamps: stamps(dirs),
            changes,
            _debouncer: debouncer,
        })
    }

    /// Loads the story from the watched folders now.
    pub fn load(&mut self) -> Reload {
        self.stamps = stamps(&self.dirs);
        match story::read_layers(&self.dirs) {
            Ok(sources) => {
                self.last = Some(fingerprint(&sources));
                let below = if story::implies_builtin(&self.dirs) {
                    sources.base_files()
                } else {
                    0
                };
                match story::load(sources) {
                    Ok(mut loaded) => {
                        // As in `check`: the built-in story's own warnings are not the pack author's.
                        crate::author::common::hide_warnings_below(&mut loaded.report, below);
                        Reload::Loaded(Box::new(loaded))
                    }
                    Err(report) => Reload::Broken(report),
                }
            }
            Err(e) => Reload::Unreadable(e.to_string()),
        }
    }

    /// If a story file changed since the last call, reloads; never blocks.
    pub fn try_reload(&mut self) -> Option<Reload> {
        let mut changed = false;
        while let Ok(event) = self.changes.try_recv() {
            changed |= touches_story(&event);
        }
        (changed && self.files_changed()).then(|| self.load())
    }

    /// Whether the files differ from those last loaded. Reading them is reported as a
    /// change in turn, so they are read only when their sizes or times have moved.
    fn files_changed(&mut self) -> bool {
        let now = stamps(&self.dirs);
        if now == self.stamps {
            return false;
        }
        self.stamps = now;
        story::read_layers(&self.dirs).map_or(true, |s| Some(fingerprint(&s)) != self.last)
    }

    /// Waits up to `timeout` for a story file to change, then reloads.
    pub fn wait_reload(&mut self, timeout: Duration) -> Option<Reload> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.changes.recv_timeout(left) {
                Ok(event) if touches_story(&event) && self.files_changed() => {
                    // Take anything else that arrived with it, so one save is one reload.
                    while self.changes.try_recv().is_ok() {}
                    return Some(self.load());
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl ReloadSource for Reloader {
    fn poll(&mut self) -> Option<Reload> {
        self.try_reload()
    }
}

/// A hash of the path, size and modification time of every `.ron` file under the
/// folders (found without opening any file, so looking is not reported as a change).
fn stamps(dirs: &[PathBuf]) -> u64 {
    let mut files = Vec::new();
    let mut todo: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|x| x == "ron") {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                files.push((path, meta.len(), modified));
            }
        }
    }
    files.sort();
    fnv1a(files.iter().flat_map(|(path, len, modified)| {
        let path = path.to_string_lossy().into_owned().into_bytes();
        path.into_iter()
            .chain([0])
            .chain(len.to_le_bytes())
            .chain(modified.to_le_bytes())
    }))
}

/// FNV-1a over every file's name and text, in layer order.
fn fingerprint(sources: &story::StorySources) -> u64 {
    let files = std::iter::once(&sources.manifest)
        .chain(&sources.scene_files)
        .chain(
            sources
                .packs
                .iter()
                .flat_map(|p| std::iter::once(&p.manifest).chain(&p.scene_files)),
        );
    fnv1a(files.flat_map(|f| f.name.bytes().chain([0]).chain(f.text.bytes()).chain([0])))
}

/// Whether a batch of changes includes a `.ron` file (editors' swap files do not count).
fn touches_story(event: &DebounceEventResult) -> bool {
    match event {
        Ok(events) => events
            .iter()
            .any(|e| e.path.extension().is_some_and(|x| x == "ron")),
        // The watcher lost track (e.g. too many changes at once): reload to be safe.
        Err(_) => true,
    }
}

/// What a reload did to the game.
#[derive(Debug)]
pub enum ReloadNote {
    /// The session now runs on the new story, on the same scene.
    Reloaded {
        warnings: usize,
    },
    /// The new story lacks the current scene; the old story is kept.
    SceneGone {
        scene: String,
    },
    /// The edit broke the story; the old story is kept.
    Broken(Report),
    Unreadable(String),
}

/// Moves the session onto a reloaded story when it is valid and has the current scene.
pub fn apply(session: &mut Session, reload: Reload) -> ReloadNote {
    match reload {
        Reload::Loaded(loaded) => {
            let warnings = loaded.report.warnings().count();
            match session.replace_story(loaded.story) {
                Ok(()) => ReloadNote::Reloaded { warnings },
                Err(_) => ReloadNote::SceneGone {
                    scene: session.state().scene.clone(),
                },
            }
        }
        Reload::Broken(report) => ReloadNote::Broken(report),
        Reload::Unreadable(e) => ReloadNote::Unreadable(e),
    }
}

impl ReloadNote {
    /// What to tell the player, in a line or two (without the diagnostics).
    pub fn message(&self) -> String {
        match self {
            ReloadNote::Reloaded { warnings: 0 } => "Story reloaded.".to_owned(),
            ReloadNote::Reloaded { warnings } => format!(
                "Story reloaded, with {warnings} warning{} (hailsham check shows them).",
                if *warnings == 1 { "" } else { "s" }
            ),
            ReloadNote::SceneGone { scene } => format!(
                "The edited story has no scene '{scene}', the one you are reading; still playing the story as it was."
            ),
            ReloadNote::Broken(_) => {
                "The edited story has errors; still playing the story as it was:".to_owned()
            }
            ReloadNote::Unreadable(e) => {
                format!("Cannot read the edited story ({e}); still playing it as it was.")
            }
        }
    }
}
