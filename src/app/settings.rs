//! The player's settings: how fast text appears, the colours, how much of a choice's
//! effects to show, and how wide the reading column is. They are kept between runs as
//! a readable RON file in the platform's config folder (`directories`), or in
//! `--config-dir DIR` / `$HAILSHAM_CONFIG_DIR`; a file that cannot be read is left as
//! it is and the defaults are used.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::app::theme::ThemeChoice;

/// The environment variable that moves the config folder.
pub const ENV: &str = "HAILSHAM_CONFIG_DIR";

/// The settings file's name inside the config folder.
pub const FILE: &str = "settings.ron";

/// How fast a scene's text appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextSpeed {
    Slow,
    #[default]
    Normal,
    Fast,
    /// Each page at once.
    Instant,
}

impl TextSpeed {
    pub const ALL: [TextSpeed; 4] = [Self::Slow, Self::Normal, Self::Fast, Self::Instant];

    /// Letters (not spaces) shown on each tick of the reveal; `None`: a page at once.
    pub fn letters_per_tick(self) -> Option<usize> {
        match self {
            Self::Slow => Some(1),
            Self::Normal => Some(2),
            Self::Fast => Some(4),
            Self::Instant => None,
        }
    }

    /// Letters a second, for the settings screen.
    pub fn letters_per_second(self) -> Option<u128> {
        let per_second = 1000 / super::run::TICK.as_millis().max(1);
        self.letters_per_tick().map(|n| n as u128 * per_second)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Slow => "slow",
            Self::Normal => "normal",
            Self::Fast => "fast",
            Self::Instant => "all at once",
        }
    }
}

/// How much of what a choice did is shown after the next scene's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Effects {
    /// A line for each memory, keepsake, thing learned and change between people.
    #[default]
    All,
    /// One short line.
    Brief,
    /// Nothing; the recollections and people pages still mark what changed.
    None,
}

impl Effects {
    pub const ALL: [Effects; 3] = [Self::All, Self::Brief, Self::None];

    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Brief => "brief",
            Self::None => "none",
        }
    }
}

/// The reading column's widest, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Column {
    Narrow,
    #[default]
    Medium,
    Wide,
}

impl Column {
    pub const ALL: [Column; 3] = [Self::Narrow, Self::Medium, Self::Wide];

    pub fn width(self) -> u16 {
        match self {
            Self::Narrow => 60,
            Self::Medium => super::layout::READING_WIDTH,
            Self::Wide => 100,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Narrow => "narrow",
            Self::Medium => "medium",
            Self::Wide => "wide",
        }
    }
}

/// Every setting; a file missing some of them gets the defaults for those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub text_speed: TextSpeed,
    pub theme: ThemeChoice,
    pub effects: Effects,
    pub column: Column,
}

/// The next of `all` after `now` (or, not `forward`, the one before), round again.
pub fn step<T: Copy + PartialEq>(all: &[T], now: T, forward: bool) -> T {
    let len = all.len().max(1);
    let i = all.iter().position(|&t| t == now).unwrap_or(0);
    let next = if forward { i + 1 } else { i + len - 1 };
    all.get(next % len).copied().unwrap_or(now)
}

/// The next of `all` after `now`, round again to the first.
pub fn cycle<T: Copy + PartialEq>(all: &[T], now: T) -> T {
    step(all, now, true)
}

/// A row of the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    TextSpeed,
    Theme,
    Effects,
    Column,
}

impl Setting {
    pub const ALL: [Setting; 4] = [Self::TextSpeed, Self::Theme, Self::Effects, Self::Column];

    pub fn label(self) -> &'static str {
        match self {
            Self::TextSpeed => "Text speed",
            Self::Theme => "Colours",
            Self::Effects => "What a choice did",
            Self::Column => "Reading column",
        }
    }

    /// What the setting does, for the settings screen.
    pub fn explain(self) -> &'static str {
        match self {
            Self::TextSpeed => {
                "How fast a scene's text appears: slow (20 letters a second), normal (40), \
                 fast (80), or each page all at once. At any speed, Space, Enter or a click \
                 shows the rest of the page, and a full page waits for you."
            }
            Self::Theme => {
                "Default; High contrast (white on black, bright accents); or Without colour \
                 (bold, italic and reverse video only, as NO_COLOR also asks)."
            }
            Self::Effects => {
                "After a scene's text, what your last choice changed: a line for each memory, \
                 keepsake, thing learned and change between people; one brief line; or none \
                 (the recollections and people pages still mark what is new)."
            }
            Self::Column => {
                "The widest the text runs on a wide terminal: narrow (60 columns), medium (74) \
                 or wide (100)."
            }
        }
    }

    /// The value as the screen shows it (the theme by its name, which the caller has).
    pub fn value(self, settings: &Settings) -> &'static str {
        match self {
            Self::TextSpeed => settings.text_speed.name(),
            Self::Theme => match settings.theme {
                ThemeChoice::Default => "default",
                ThemeChoice::HighContrast => "high contrast",
                ThemeChoice::NoColor => "without colour",
            },
            Self::Effects => settings.effects.name(),
            Self::Column => settings.column.name(),
        }
    }

    /// Moves the setting to its next value (or, not `forward`, the one before).
    pub fn adjust(self, settings: &mut Settings, forward: bool) {
        match self {
            Self::TextSpeed => settings.text_speed = step(&TextSpeed::ALL, settings.text_speed, forward),
            Self::Theme => settings.theme = step(&ThemeChoice::ALL, settings.theme, forward),
            Self::Effects => settings.effects = step(&Effects::ALL, settings.effects, forward),
            Self::Column => settings.column = step(&Column::ALL, settings.column, forward),
        }
    }
}

/// Where the settings are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigDir {
    root: PathBuf,
}

impl ConfigDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `--config-dir` if given, else `$HAILSHAM_CONFIG_DIR`, else the platform's
    /// config folder; `None` only when the platform has no home folder.
    pub fn locate(arg: Option<&Path>) -> Option<Self> {
        crate::save::slots::locate_folder(arg, ENV, |p| p.config_dir().to_path_buf()).map(Self::new)
    }

    pub fn path(&self) -> PathBuf {
        self.root.join(FILE)
    }

    /// The settings kept here; the defaults when there are none. A file that cannot
    /// be read gives the defaults and the reason, and is left as it is.
    pub fn read(&self) -> (Settings, Option<String>) {
        match std::fs::read_to_string(self.path()) {
            Ok(text) => match ron::from_str(&text) {
                Ok(settings) => (settings, None),
                Err(e) => (
                    Settings::default(),
                    Some(format!(
                        "The settings file cannot be read ({e}); the defaults are in use."
                    )),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
            Err(e) => (
                Settings::default(),
                Some(format!(
                    "The settings file cannot be read ({e}); the defaults are in use."
                )),
            ),
        }
    }

    /// Writes the settings, creating the folder if need be.
    pub fn write(&self, settings: &Settings) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.root)?;
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        let body = ron::ser::to_string_pretty(settings, config).map_err(std::io::Error::other)?;
        let text = format!(
            "// hailsham's settings. The game writes this file when a setting changes.\n\
             // text_speed: Slow, Normal, Fast or Instant; theme: Default, HighContrast or\n\
             // NoColor; effects: All, Brief or None; column: Narrow, Medium or Wide.\n{body}\n"
        );
        let tmp = self.root.join(format!("{FILE}.tmp"));
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_their_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = ConfigDir::new(dir.path().join("nested"));
        assert_eq!(config.read(), (Settings::default(), None));
        let settings = Settings {
            text_speed: TextSpeed::Slow,
            theme: ThemeChoice::HighContrast,
            effects: Effects::Brief,
            column: Column::Wide,
        };
        config.write(&settings).expect("written");
        assert_eq!(config.read(), (settings, None));
    }

    #[test]
    fn a_damaged_file_gives_the_defaults_and_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = ConfigDir::new(dir.path());
        std::fs::write(config.path(), "Settings(text_speed: Warp)").expect("written");
        let (settings, problem) = config.read();
        assert_eq!(settings, Settings::default());
        assert!(problem.is_some_and(|p| p.contains("cannot be read")));
    }

    #[test]
    fn cycling_goes_round_both_ways() {
        assert_eq!(cycle(&TextSpeed::ALL, TextSpeed::Instant), TextSpeed::Slow);
        assert_eq!(cycle(&Effects::ALL, Effects::All), Effects::Brief);
        assert_eq!(step(&Column::ALL, Column::Narrow, false), Column::Wide);
    }

    #[test]
    fn every_setting_is_explained_with_its_values() {
        for setting in Setting::ALL {
            let mut settings = Settings::default();
            let first = setting.value(&settings);
            setting.adjust(&mut settings, true);
            assert_ne!(setting.value(&settings), first, "{setting:?}");
            assert!(setting.explain().len() > 40, "{setting:?}");
        }
    }
}
