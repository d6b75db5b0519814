//! Turning a walk's counters into a [`WalkReport`], and the report as text.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use super::{Count, Index, Problem, ProblemKind, Tally, WalkReport, WordStats};
use crate::author::common::thousands;

/// Problems kept in the report: the first of each kind in each scene.
fn first_of_each(problems: Vec<Problem>) -> (Vec<Problem>, BTreeMap<String, u64>) {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for p in problems {
        *counts.entry(kind_name(p.kind).to_owned()).or_default() += 1;
        if seen.insert((p.kind, p.scene.clone())) {
            kept.push(p);
        }
    }
    kept.sort_by_key(|p| p.kind);
    (kept, counts)
}

pub(super) fn build(
    index: &Index<'_>,
    mode: &str,
    runs: u64,
    seed: u64,
    max_steps: usize,
    tally: Tally,
    words: Option<WordStats>,
) -> WalkReport {
    let story = index.story;
    let scenes = story
        .scenes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let count = Count {
                visits: tally.scene_visits[i],
                runs: tally.scene_runs[i],
            };
            (s.id.clone(), count)
        })
        .collect();
    let mut choices = BTreeMap::new();
    for (si, s) in story.scenes.iter().enumerate() {
        for (ci, c) in s.choices.iter().enumerate() {
            let at = index.choice_base[si] + ci;
            let count = Count {
                visits: tally.choice_visits[at],
                runs: tally.choice_runs[at],
            };
            choices.insert(format!("{}/{}", s.id, c.id), count);
        }
    }
    let mut endings: BTreeMap<String, u64> = story.endings.iter().map(|e| (e.id.clone(), 0)).collect();
    endings.extend(tally.endings);
    for (e, n) in story.endings.iter().zip(&tally.ending_runs) {
        if *n > 0 {
            *endings.entry(e.id.clone()).or_default() += n;
        }
    }
    let (problems, problem_counts) = first_of_each(tally.problems);
    WalkReport {
        story: story.id.clone(),
        mode: mode.to_owned(),
        runs,
        seed,
        max_steps,
        scenes,
        choices,
        endings,
        words,
        problems,
        problem_counts,
        truncated: false,
        texts_never_shown: Vec::new(),
        story_args: String::new(),
    }
}

pub(super) fn kind_name(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::Stuck => "stuck",
        ProblemKind::Loop => "loop",
        ProblemKind::Trapped => "trapped",
        ProblemKind::Engine => "engine error",
        ProblemKind::Panic => "panic",
    }
}

impl WalkReport {
    pub fn unreached_scenes(&self) -> Vec<&str> {
        self.scenes
            .iter()
            .filter(|(_, c)| c.visits == 0)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    pub fn untaken_choices(&self) -> Vec<&str> {
        self.choices
            .iter()
            .filter(|(_, c)| c.visits == 0)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    pub fn unreached_endings(&self) -> Vec<&str> {
        self.endings
            .iter()
            .filter(|(_, n)| **n == 0)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// How many problems were found in all.
    pub fn problem_total(&self) -> u64 {
        self.problem_counts.values().sum()
    }

    fn what(&self) -> &'static str {
        if self.mode == "explore" { "states" } else { "runs" }
    }
}

fn percent(n: u64, of: u64) -> f64 {
    super::ratio(n, of) * 100.0
}

fn big(n: u64) -> String {
    thousands(usize::try_from(n).unwrap_or(usize::MAX))
}

/// "  45.1%" after a count in a random walk; nothing when exploring, where a share of
/// states means little.
fn share(report: &WalkReport, n: u64) -> String {
    if report.mode == "explore" {
        String::new()
    } else {
        format!("  {:5.1}%", percent(n, report.runs))
    }
}

fn write_problem(f: &mut fmt::Formatter<'_>, p: &Problem, mode: &str, stories: &str) -> fmt::Result {
    const SHOWN: usize = 12;
    writeln!(f, "  {} in scene '{}': {}", kind_name(p.kind), p.scene, p.message)?;
    let path: Vec<String> = p
        .log
        .iter()
        .map(|l| format!("{}/{}", l.scene, l.choice))
        .collect();
    if path.len() > SHOWN {
        writeln!(
            f,
            "    after {} choices, ending: … {}",
            path.len(),
            path[path.len() - SHOWN..].join(" → ")
        )?;
    } else if path.is_empty() {
        writeln!(f, "    at the start")?;
    } else {
        writeln!(f, "    choices: {}", path.join(" → "))?;
    }
    if mode == "random" {
        writeln!(
            f,
            "    repeat it: hailsham walk{stories} --runs 1 --seed {}",
            p.seed
        )?;
    }
    if !p.log.is_empty() && p.log.len() <= 60 {
        let numbers: Vec<String> = p.log.iter().map(|l| l.number.to_string()).collect();
        writeln!(
            f,
            "    or play it: hailsham play{stories} --plain --seed {} and type {}",
            p.seed,
            numbers.join(" ")
        )?;
    }
    Ok(())
}

impl fmt::Display for WalkReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_heading(f)?;
        let what = self.what();
        writeln!(f, "\nEndings ({what} that ended there)")?;
        for (id, n) in &self.endings {
            writeln!(f, "  {id:<28} {n:>8}{}", share(self, *n))?;
        }
        if let Some(w) = &self.words {
            writeln!(
                f,
                "\nWords read per playthrough: mean {}, min {}, max {}",
                thousands(rounded(w.mean)),
                thousands(w.min),
                thousands(w.max)
            )?;
        }
        self.write_problems(f)?;
        self.write_coverage(f)?;
        self.write_never(f)
    }
}

impl WalkReport {
    /// What was walked, how and from which seed.
    fn write_heading(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mode == "explore" {
            writeln!(
                f,
                "walk --explore: {} distinct states of '{}' from seed {}{}",
                big(self.runs),
                self.story,
                self.seed,
                if self.truncated {
                    " (stopped at the state limit: raise --max-states)"
                } else {
                    ""
                }
            )?;
        } else {
            writeln!(
                f,
                "walk: {} random runs of '{}' from seed {}, at most {} choices each",
                big(self.runs),
                self.story,
                self.seed,
                self.max_steps
            )?;
        }
        Ok(())
    }

    /// The problems found, counted by kind, then each.
    fn write_problems(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problems.is_empty() {
            writeln!(f, "\nProblems: none")?;
        } else {
            let counts: Vec<String> = self
                .problem_counts
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            writeln!(
                f,
                "\nProblems: {} (the first of each kind in each scene)",
                counts.join(", ")
            )?;
            for p in &self.problems {
                write_problem(f, p, &self.mode, &self.story_args)?;
            }
        }
        Ok(())
    }

    /// How many runs (or states) reached each scene and took each choice.
    fn write_coverage(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = self.what();
        writeln!(f, "\nScenes ({what} that reached each, and visits)")?;
        for (id, c) in &self.scenes {
            writeln!(
                f,
                "  {id:<28} {:>8}{}  {:>9} visits",
                c.runs,
                share(self, c.runs),
                c.visits
            )?;
        }
        writeln!(f, "\nChoices ({what} that took each)")?;
        for (id, c) in &self.choices {
            writeln!(f, "  {id:<40} {:>8}{}", c.runs, share(self, c.runs))?;
        }
        Ok(())
    }

    /// What no run reached: scenes, choices, endings, and (exploring) text.
    fn write_never(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lists = [
            ("Scenes never reached", self.unreached_scenes()),
            ("Choices never taken", self.untaken_choices()),
            ("Endings never reached", self.unreached_endings()),
        ];
        writeln!(f)?;
        for (title, list) in lists {
            if list.is_empty() {
                writeln!(f, "{title}: none")?;
            } else {
                writeln!(f, "{title} ({}): {}", list.len(), list.join(", "))?;
            }
        }
        if self.mode == "explore" {
            if self.texts_never_shown.is_empty() {
                writeln!(f, "Text never shown: none")?;
            } else {
                writeln!(f, "Text never shown ({}):", self.texts_never_shown.len())?;
                for t in &self.texts_never_shown {
                    writeln!(f, "  {}:{}:{}: {}", t.file, t.line, t.column, t.what)?;
                }
            }
        }
        Ok(())
    }
}

/// A non-negative mean rounded to a whole number of words.
fn rounded(mean: f64) -> usize {
    format!("{mean:.0}").parse().unwrap_or(0)
}
