//! How fast a replay plays on its own: paused or playing, at one of a few speeds, with
//! time to read each frame in proportion to its words.
//!
//! This is replay state a view consults, not a clock: the view's loop asks [`Pace::delay`]
//! how long to wait before the next frame and sleeps on its own event source.

use std::time::Duration;

use super::Frame;
use crate::story::word_count;

/// Speeds in percent of normal reading speed, slowest first.
const SPEEDS: [u32; 6] = [25, 50, 100, 200, 400, 1600];
const NORMAL: usize = 2;
/// Normal reading speed, in words per minute.
const WORDS_PER_MINUTE: u64 = 240;
/// The least time a frame stays at normal speed, in milliseconds.
const MIN_MILLIS: u64 = 1500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    speed: usize,
    paused: bool,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            speed: NORMAL,
            paused: false,
        }
    }
}

impl Pace {
    pub fn paused(self) -> bool {
        self.paused
    }

    pub fn toggle_pause(&mut self) {
        self.paused = !self.paused;
    }

    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
    }

    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    /// The speed as a percentage of normal, for a status line ("200%").
    pub fn percent(self) -> u32 {
        SPEEDS[self.speed.min(SPEEDS.len() - 1)]
    }

    /// How long to show `frame` before moving on; `None` while paused (step by hand).
    pub fn delay(self, frame: &Frame) -> Option<Duration> {
        if self.paused {
            return None;
        }
        let words: usize = frame
            .passage
            .iter()
            .chain(&frame.offered)
            .map(|t| word_count(t))
            .sum();
        let words = u64::try_from(words).unwrap_or(u64::MAX);
        let millis = (words.saturating_mul(60_000) / WORDS_PER_MINUTE).max(MIN_MILLIS);
        Some(Duration::from_millis(
            millis.saturating_mul(100) / u64::from(self.percent()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(words: usize) -> Frame {
        Frame {
            step: 0,
            scene: "s".into(),
            title: "S".into(),
            heading: "Now".into(),
            passage: vec!["word ".repeat(words)],
            offered: Vec::new(),
            chosen: None,
            events: Vec::new(),
            ending: None,
        }
    }

    #[test]
    fn faster_is_shorter_and_pause_stops_the_clock() {
        let mut pace = Pace::default();
        let normal = pace.delay(&frame(240)).unwrap();
        assert_eq!(normal, Duration::from_mins(1));
        pace.faster();
        assert_eq!(pace.delay(&frame(240)).unwrap(), Duration::from_secs(30));
        for _ in 0..10 {
            pace.slower();
        }
        assert_eq!(pace.percent(), 25);
        assert_eq!(pace.delay(&frame(1)).unwrap(), Duration::from_secs(6));
        pace.toggle_pause();
        assert_eq!(pace.delay(&frame(1)), None);
    }
}
