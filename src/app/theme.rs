//! Themes: the colours and emphasis of every part of the screen, read from
//! `assets/theme.ron` (embedded in the binary) rather than written into the views.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The shipped themes, compiled in.
pub const THEMES_RON: &str = include_str!("../../assets/theme.ron");

/// Which of the shipped themes is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Default,
    HighContrast,
    NoColor,
}

impl ThemeChoice {
    /// The order in which the title screen's setting cycles through them.
    pub const ALL: [ThemeChoice; 3] = [Self::Default, Self::HighContrast, Self::NoColor];

    fn key(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::HighContrast => "high_contrast",
            Self::NoColor => "no_color",
        }
    }

    /// The next theme in the cycle.
    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&t| t == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// A style as written in the file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    modifiers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeSpec {
    name: String,
    text: StyleSpec,
    dim: StyleSpec,
    heading: StyleSpec,
    place: StyleSpec,
    title: StyleSpec,
    accent: StyleSpec,
    choice: StyleSpec,
    selected: StyleSpec,
    note: StyleSpec,
    reflection: StyleSpec,
    mark: StyleSpec,
    status: StyleSpec,
    status_key: StyleSpec,
    border: StyleSpec,
    popup: StyleSpec,
    gauge: StyleSpec,
    track: StyleSpec,
    warning: StyleSpec,
    tones: BTreeMap<String, StyleSpec>,
    other_tone: StyleSpec,
}

/// A theme ready to draw with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub dim: Style,
    pub heading: Style,
    pub place: Style,
    pub title: Style,
    pub accent: Style,
    pub choice: Style,
    pub selected: Style,
    pub note: Style,
    pub reflection: Style,
    pub mark: Style,
    pub status: Style,
    pub status_key: Style,
    pub border: Style,
    pub popup: Style,
    pub gauge: Style,
    pub track: Style,
    pub warning: Style,
    tones: BTreeMap<String, Style>,
    other_tone: Style,
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("theme file: {0}")]
    Ron(#[from] ron::error::SpannedError),
    #[error("theme file has no theme '{0}'")]
    Missing(String),
    #[error("theme '{theme}': {problem}")]
    Bad { theme: String, problem: String },
}

impl Theme {
    /// Reads one theme from a theme file's text.
    pub fn parse(ron_text: &str, choice: ThemeChoice) -> Result<Self, ThemeError> {
        let mut all: BTreeMap<String, ThemeSpec> = ron::from_str(ron_text)?;
        let spec = all
            .remove(choice.key())
            .ok_or_else(|| ThemeError::Missing(choice.key().to_owned()))?;
        let bad = |problem: String| ThemeError::Bad {
            theme: choice.key().to_owned(),
            problem,
        };
        let s = |spec: &StyleSpec| style(spec).map_err(bad);
        let text = s(&spec.text)?;
        // Every other style starts from the text style, so a theme with a background
        // keeps it under headings and notes too.
        let over = |spec: &StyleSpec| s(spec).map(|st| text.patch(st));
        let tones = spec
            .tones
            .iter()
            .map(|(k, v)| over(v).map(|st| (k.clone(), st)))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            name: spec.name.clone(),
            text,
            dim: over(&spec.dim)?,
            heading: over(&spec.heading)?,
            place: over(&spec.place)?,
            title: over(&spec.title)?,
            accent: over(&spec.accent)?,
            choice: over(&spec.choice)?,
            selected: over(&spec.selected)?,
            note: over(&spec.note)?,
            reflection: over(&spec.reflection)?,
            mark: over(&spec.mark)?,
            status: s(&spec.status)?,
            status_key: s(&spec.status_key)?,
            border: over(&spec.border)?,
            popup: over(&spec.popup)?,
            gauge: over(&spec.gauge)?,
            track: over(&spec.track)?,
            warning: over(&spec.warning)?,
            tones,
            other_tone: over(&spec.other_tone)?,
        })
    }

    /// One of the shipped themes. They are tested to parse, so this cannot fail in a
    /// released binary; should it ever, the game still runs in plain terminal colours.
    pub fn shipped(choice: ThemeChoice) -> Self {
        Self::parse(THEMES_RON, choice).unwrap_or_else(|_| Self::bare())
    }

    /// A theme of no styles at all, the fallback of last resort.
    fn bare() -> Self {
        let none = Style::default();
        Self {
            name: String::from("Plain"),
            text: none,
            dim: none,
            heading: none.add_modifier(Modifier::BOLD),
            place: none,
            title: none.add_modifier(Modifier::BOLD),
            accent: none,
            choice: none,
            selected: none.add_modifier(Modifier::REVERSED),
            note: none,
            reflection: none,
            mark: none.add_modifier(Modifier::BOLD),
            status: none.add_modifier(Modifier::REVERSED),
            status_key: none.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: none,
            popup: none,
            gauge: none,
            track: none,
            warning: none.add_modifier(Modifier::BOLD),
            tones: BTreeMap::new(),
            other_tone: none,
        }
    }

    /// The style of a memory's tone.
    pub fn tone(&self, tone: &str) -> Style {
        self.tones.get(tone).copied().unwrap_or(self.other_tone)
    }
}

fn style(spec: &StyleSpec) -> Result<Style, String> {
    let colour = |name: &Option<String>| -> Result<Option<Color>, String> {
        name.as_deref()
            .map(|n| n.parse::<Color>().map_err(|_| format!("unknown colour '{n}'")))
            .transpose()
    };
    let mut st = Style::default();
    if let Some(fg) = colour(&spec.fg)? {
        st = st.fg(fg);
    }
    if let Some(bg) = colour(&spec.bg)? {
        st = st.bg(bg);
    }
    for m in &spec.modifiers {
        st = st.add_modifier(match m.as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" => Modifier::UNDERLINED,
            "reversed" => Modifier::REVERSED,
            other => return Err(format!("unknown modifier '{other}'")),
        });
    }
    Ok(st)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_theme_parses() {
        for choice in ThemeChoice::ALL {
            let theme = Theme::parse(THEMES_RON, choice).expect("theme parses");
            assert!(!theme.name.is_empty());
        }
    }

    #[test]
    fn the_no_colour_theme_uses_no_colour() {
        let t = Theme::parse(THEMES_RON, ThemeChoice::NoColor).expect("parses");
        for st in [
            t.text,
            t.dim,
            t.heading,
            t.selected,
            t.status,
            t.mark,
            t.tone("warm"),
        ] {
            assert_eq!((st.fg, st.bg), (None, None), "{st:?}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_bad_colour_is_reported() {
        let text = THEMES_RON.replacen("\"245\"", "\"mauvish\"", 1);
        let err = Theme::parse(&text, ThemeChoice::Default).expect_err("fails");
        assert!(err.to_string().contains("unknown colour 'mauvish'"), "{err}");
    }
}
