//! The endings gallery: which endings of a story have been reached, across every
//! playthrough, when, and by which choices. It lives beside the saves, in
//! `endings.ron` (readable RON, one entry per ending, the latest way there kept), and
//! is only ever added to: a file that cannot be read is left alone and not written.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{SaveDir, atomic};

/// The gallery's file name in the save folder.
pub const FILE: &str = "endings.ron";

/// Every ending reached, of every story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Endings")]
pub struct Gallery {
    #[serde(default)]
    pub reached: Vec<Reached>,
}

/// One ending of one story, as last reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    pub story: String,
    pub ending: String,
    /// Seconds since 1970-01-01 UTC, when first and last reached.
    pub first: u64,
    pub last: u64,
    pub times: u32,
    /// The labels of the choices that led there, the last time.
    pub choices: Vec<String>,
}

impl Gallery {
    /// The endings reached of one story.
    pub fn of<'a>(&'a self, story: &'a str) -> impl Iterator<Item = &'a Reached> + 'a {
        self.reached.iter().filter(move |r| r.story == story)
    }

    pub fn get(&self, story: &str, ending: &str) -> Option<&Reached> {
        self.reached
            .iter()
            .find(|r| r.story == story && r.ending == ending)
    }

    /// Notes an ending reached at `at` by `choices`.
    pub fn record(&mut self, story: &str, ending: &str, at: u64, choices: Vec<String>) {
        match self
            .reached
            .iter_mut()
            .find(|r| r.story == story && r.ending == ending)
        {
            Some(r) => {
                r.last = at;
                r.times = r.times.saturating_add(1);
                r.choices = choices;
            }
            None => self.reached.push(Reached {
                story: story.to_owned(),
                ending: ending.to_owned(),
                first: at,
                last: at,
                times: 1,
                choices,
            }),
        }
    }
}

impl SaveDir {
    pub fn gallery_path(&self) -> PathBuf {
        self.root().join(FILE)
    }

    /// The gallery; an empty one when there is none yet. Err: the file is there but
    /// cannot be read, and says why.
    pub fn gallery(&self) -> Result<Gallery, String> {
        match std::fs::read_to_string(self.gallery_path()) {
            Ok(text) => ron::from_str(&text).map_err(|e| e.to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Gallery::default()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Adds an ending reached to the gallery, written atomically (the previous file
    /// kept as its backup). A gallery that cannot be read is not written over.
    pub fn record_ending(
        &self,
        story: &str,
        ending: &str,
        at: u64,
        choices: Vec<String>,
    ) -> Result<(), String> {
        let mut gallery = self.gallery()?;
        gallery.record(story, ending, at, choices);
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        let body = ron::ser::to_string_pretty(&gallery, config).map_err(|e| e.to_string())?;
        let text = format!("// The endings reached in hailsham, kept across playthroughs.\n{body}\n");
        let backup = self.root().join(format!("{FILE}.bak"));
        atomic::write_with_backup(&self.gallery_path(), &backup, text.as_bytes()).map_err(|e| e.to_string())
    }
}
