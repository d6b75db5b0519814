//! The player's own key bindings and colours: `keybindings.ron` and `theme.ron` in the
//! config folder (beside `settings.ron`), written like the shipped files in `assets/`,
//! take their place. A file that is not there is no override; a file that cannot be
//! read or parsed is reported (path:line:column and what is wrong) and the shipped
//! default is used, so a slip in it never stops the game.

use std::path::{Path, PathBuf};

use super::ConfigDir;
use super::keymap::{Keymap, KeymapError};
use super::theme::{Theme, ThemeChoice, ThemeError};

/// The key bindings' file name in the config folder.
pub const KEYBINDINGS_FILE: &str = "keybindings.ron";
/// The themes' file name in the config folder.
pub const THEME_FILE: &str = "theme.ron";

/// What the config folder overrides, read once at the start.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// The player's key bindings, if they have a file that parses.
    pub keymap: Option<Keymap>,
    /// The text of the player's themes file, if it parses; themes it leaves out are
    /// the shipped ones.
    pub themes: Option<String>,
    /// Why a file there could not be used, one line each.
    pub problems: Vec<String>,
}

impl Overrides {
    /// Reads the overrides in `config`.
    pub fn read(config: &ConfigDir) -> Self {
        let mut out = Self::default();
        let keys = config.file(KEYBINDINGS_FILE);
        if let Some(text) = read(&keys, &mut out.problems) {
            match Keymap::parse(&text) {
                Ok(map) => out.keymap = Some(map),
                Err(e) => out.problems.push(keymap_problem(&keys, &e)),
            }
        }
        let themes = config.file(THEME_FILE);
        if let Some(text) = read(&themes, &mut out.problems) {
            // Every theme it holds must be good; one it lacks is the shipped one.
            let bad = ThemeChoice::ALL
                .into_iter()
                .map(|choice| Theme::parse(&text, choice))
                .find_map(|t| match t {
                    Err(ThemeError::Missing(_)) | Ok(_) => None,
                    Err(e) => Some(e),
                });
            match bad {
                Some(e) => out.problems.push(theme_problem(&themes, &e)),
                None => out.themes = Some(text),
            }
        }
        out
    }

    /// The theme to draw with: the player's, where their file has it, else the shipped.
    pub fn theme(&self, choice: ThemeChoice) -> Theme {
        self.themes
            .as_deref()
            .and_then(|text| Theme::parse(text, choice).ok())
            .unwrap_or_else(|| Theme::shipped(choice))
    }

    /// What to tell the player at the start, if anything was wrong.
    pub fn message(&self) -> Option<String> {
        (!self.problems.is_empty()).then(|| self.problems.join(" "))
    }
}

/// The file's text; `None` when there is none, or it cannot be read (said in `problems`).
fn read(path: &Path, problems: &mut Vec<String>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            problems.push(format!(
                "{} cannot be read ({e}); the shipped one is in use.",
                path.display()
            ));
            None
        }
    }
}

fn keymap_problem(path: &Path, e: &KeymapError) -> String {
    let what = match e {
        KeymapError::Ron(e) => format!("{}:{}", path.display(), e),
        other => format!("{}: {}", path.display(), other),
    };
    format!("{what}; the shipped key bindings are in use.")
}

fn theme_problem(path: &Path, e: &ThemeError) -> String {
    let what = match e {
        ThemeError::Ron(e) => format!("{}:{}", path.display(), e),
        other => format!("{}: {}", path.display(), other),
    };
    format!("{what}; the shipped theme is in use.")
}

impl ConfigDir {
    /// A file of the config folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.path().with_file_name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::{Command, KEYBINDINGS_RON};
    use crate::app::theme::THEMES_RON;

    fn folder(files: &[(&str, &str)]) -> (tempfile::TempDir, ConfigDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("written");
        }
        let config = ConfigDir::new(dir.path());
        (dir, config)
    }

    #[test]
    fn no_files_no_overrides() {
        let (_dir, config) = folder(&[]);
        let o = Overrides::read(&config);
        assert!(o.keymap.is_none() && o.themes.is_none() && o.message().is_none());
        assert_eq!(
            o.theme(ThemeChoice::Default),
            Theme::shipped(ThemeChoice::Default)
        );
    }

    #[test]
    fn the_players_keys_and_colours_take_the_shipped_ones_place() {
        let keys = KEYBINDINGS_RON.replace("Undo: [\"u\", \"backspace\"]", "Undo: [\"z\"]");
        let themes = THEMES_RON.replacen("heading: (fg: \"180\"", "heading: (fg: \"red\"", 1);
        let (_dir, config) = folder(&[(KEYBINDINGS_FILE, &keys), (THEME_FILE, &themes)]);
        let o = Overrides::read(&config);
        assert_eq!(o.message(), None);
        assert_eq!(o.keymap.as_ref().expect("keys read").label(Command::Undo), "z");
        let theme = o.theme(ThemeChoice::Default);
        assert_eq!(theme.heading.fg, Some(ratatui::style::Color::Red));
    }

    #[test]
    fn a_themes_file_may_hold_only_some_themes() {
        let one = "{ \"no_color\": (name: \"Mine\", text: (), dim: (), heading: (), place: (), \
                   title: (), accent: (), choice: (), selected: (modifiers: [\"reversed\"]), note: (), \
                   reflection: (), mark: (), status: (), status_key: (), border: (), popup: (), \
                   gauge: (), track: (), warning: (), tones: {}, other_tone: ()) }";
        let (_dir, config) = folder(&[(THEME_FILE, one)]);
        let o = Overrides::read(&config);
        assert_eq!(o.message(), None);
        assert_eq!(o.theme(ThemeChoice::NoColor).name, "Mine");
        assert_eq!(
            o.theme(ThemeChoice::Default),
            Theme::shipped(ThemeChoice::Default)
        );
    }

    #[test]
    fn a_malformed_file_is_reported_where_it_goes_wrong_and_the_shipped_one_is_used() {
        let keys = "{\n    Up: [\"up\"],\n    Down: [\"down\" \"j\"],\n}";
        let themes = THEMES_RON.replacen("\"245\"", "\"mauvish\"", 1);
        let (dir, config) = folder(&[(KEYBINDINGS_FILE, keys), (THEME_FILE, &themes)]);
        let o = Overrides::read(&config);
        assert!(o.keymap.is_none() && o.themes.is_none());
        let keys_path = dir.path().join(KEYBINDINGS_FILE).display().to_string();
        let said = o.message().expect("told");
        assert!(said.contains(&format!("{keys_path}:3:")), "{said}");
        assert!(said.contains("the shipped key bindings are in use"), "{said}");
        assert!(said.contains("unknown colour 'mauvish'"), "{said}");
        assert!(said.contains("the shipped theme is in use"), "{said}");
        assert_eq!(
            o.theme(ThemeChoice::Default),
            Theme::shipped(ThemeChoice::Default)
        );
    }

    #[test]
    fn bindings_that_leave_a_command_without_a_key_are_refused() {
        let (_dir, config) = folder(&[(KEYBINDINGS_FILE, "{ Up: [\"k\"] }")]);
        let o = Overrides::read(&config);
        assert!(o.keymap.is_none());
        assert!(
            o.message().is_some_and(|m| m.contains("has no key")),
            "{:?}",
            o.problems
        );
    }
}
