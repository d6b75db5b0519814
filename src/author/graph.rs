//! `hailsham graph`: the scene graph as Graphviz dot or Mermaid text.
//!
//! Eras are clusters, in story order; the start has an arrow in from nowhere; ending
//! scenes have their own shape and name their ending; a choice with a condition is a
//! dashed edge, a once-only choice says so. With a coverage report from `walk --json`,
//! each scene is shaded by the share of runs that reached it, and scenes never
//! reached are marked.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::common::{emit, load};
use crate::author::walk::WalkReport;
use crate::cli::{GraphArgs, GraphFormat};
use crate::error::Error;
use crate::story::{Scene, Story};

/// `hailsham graph`: the graph on standard output, shaded by `--coverage` if given.
pub fn run(args: &GraphArgs) -> Result<(), Error> {
    let loaded = load(&args.story)?;
    let coverage = match &args.coverage {
        Some(path) => Some(read_coverage(path)?),
        None => None,
    };
    let text = match args.format {
        GraphFormat::Dot => dot(&loaded.story, coverage.as_ref()),
        GraphFormat::Mermaid => mermaid(&loaded.story, coverage.as_ref()),
    };
    emit(&text)
}

/// A `walk --json` report read back from a file.
fn read_coverage(path: &std::path::Path) -> Result<WalkReport, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Usage(format!("cannot read '{}': {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("'{}' is not a `walk --json` report: {e}", path.display())))
}

/// The share of runs that reached each scene, from 0 to 1, if a report was given.
struct Shade<'r> {
    report: Option<&'r WalkReport>,
}

impl Shade<'_> {
    fn share(&self, scene: &str) -> Option<f64> {
        let r = self.report?;
        let count = r.scenes.get(scene).map_or(0, |c| c.runs);
        Some(crate::author::walk::ratio(count, r.runs))
    }
}

/// `part` (0 to 1) of `max`, rounded.
#[allow(clippy::cast_possible_truncation)]
fn scale(part: f64, max: u8) -> i64 {
    (part.clamp(0.0, 1.0) * f64::from(max)).round() as i64
}

fn edge_label(c: &crate::story::Choice) -> String {
    let mut label = c.label().to_owned();
    if c.once {
        label.push_str(" (once)");
    }
    if c.back {
        label.push_str(" (back)");
    }
    label
}

fn scenes_by_era(story: &Story) -> Vec<(String, Vec<&Scene>)> {
    let mut out: Vec<(String, Vec<&Scene>)> = story
        .eras
        .iter()
        .map(|e| {
            (
                e.title.clone(),
                story.scenes.iter().filter(|s| s.era == e.id).collect(),
            )
        })
        .collect();
    out.retain(|(_, scenes)| !scenes.is_empty());
    out
}

fn node_text(story: &Story, s: &Scene, shade: &Shade<'_>) -> Vec<String> {
    let mut lines = vec![s.title.clone(), format!("({})", s.id)];
    if let Some(ending) = &s.ending {
        let title = story.ending(ending).map_or(ending.as_str(), |e| e.title.as_str());
        lines.push(format!("END: {title}"));
    }
    let explored = shade.report.is_some_and(|r| r.mode == "explore");
    match shade.share(&s.id) {
        Some(part) if part > 0.0 && explored => {
            let states = shade
                .report
                .and_then(|r| r.scenes.get(&s.id))
                .map_or(0, |c| c.runs);
            lines.push(format!("reached in {states} states"));
        }
        Some(part) if part > 0.0 => lines.push(format!("reached in {:.1}% of runs", part * 100.0)),
        Some(_) => lines.push("never reached".to_owned()),
        None => {}
    }
    lines
}

fn dot_quote(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

/// The graph in Graphviz's dot language.
pub fn dot(story: &Story, coverage: Option<&WalkReport>) -> String {
    let shade = Shade { report: coverage };
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", dot_quote(&story.id));
    let _ = writeln!(out, "  label={}; labelloc=t;", dot_quote(&story.title));
    out.push_str("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  \"__start\" [shape=point, width=0.15, label=\"\"];\n");
    let _ = writeln!(out, "  \"__start\" -> {};", dot_quote(&story.start));
    for (i, (title, scenes)) in scenes_by_era(story).into_iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(
            out,
            "    label={}; style=rounded; color=gray50;",
            dot_quote(&title)
        );
        for s in scenes {
            let label = node_text(story, s, &shade).join("\n");
            let mut attrs = vec![format!("label={}", dot_quote(&label))];
            if s.ending.is_some() {
                attrs.push("shape=doubleoctagon".into());
            }
            match shade.share(&s.id) {
                Some(part) if part > 0.0 => {
                    let grey = 95 - scale(part, 60);
                    attrs.push(format!("fillcolor=gray{grey}"));
                }
                Some(_) => attrs.push("fillcolor=\"#f4cccc\", color=red".into()),
                None => {}
            }
            let _ = writeln!(out, "    {} [{}];", dot_quote(&s.id), attrs.join(", "));
        }
        out.push_str("  }\n");
    }
    for s in &story.scenes {
        for c in &s.choices {
            let mut attrs = vec![format!("label={}", dot_quote(&edge_label(c)))];
            if let Some(when) = &c.when {
                attrs.push("style=dashed".into());
                attrs.push(format!("tooltip={}", dot_quote(&format!("when {when}"))));
            }
            if c.back {
                attrs.push("style=dotted".into());
            }
            for to in story.targets(s, c) {
                let _ = writeln!(
                    out,
                    "  {} -> {} [{}];",
                    dot_quote(&s.id),
                    dot_quote(to),
                    attrs.join(", ")
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
}

/// The graph as a Mermaid flowchart.
pub fn mermaid(story: &Story, coverage: Option<&WalkReport>) -> String {
    let shade = Shade { report: coverage };
    let ids: HashMap<&str, String> = story
        .scenes
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), format!("s{i}")))
        .collect();
    let id = |scene: &str| ids.get(scene).cloned().unwrap_or_else(|| "missing".into());
    let mut out = String::from("flowchart TD\n");
    out.push_str("  start((start))\n");
    let _ = writeln!(out, "  start --> {}", id(&story.start));
    for (i, (title, scenes)) in scenes_by_era(story).into_iter().enumerate() {
        let _ = writeln!(out, "  subgraph era{i} [\"{}\"]", mermaid_text(&title));
        for s in scenes {
            let label = node_text(story, s, &shade)
                .iter()
                .map(|l| mermaid_text(l))
                .collect::<Vec<_>>()
                .join("<br/>");
            let (open, close) = if s.ending.is_some() {
                ("{{", "}}")
            } else {
                ("[", "]")
            };
            let _ = writeln!(out, "    {}{open}\"{label}\"{close}", id(&s.id));
        }
        out.push_str("  end\n");
    }
    for s in &story.scenes {
        for c in &s.choices {
            let arrow = if c.when.is_some() { "-.->" } else { "-->" };
            let label = mermaid_text(&edge_label(c));
            for to in story.targets(s, c) {
                let _ = writeln!(out, "  {} {arrow}|\"{label}\"| {}", id(&s.id), id(to));
            }
        }
    }
    for s in &story.scenes {
        match shade.share(&s.id) {
            Some(part) if part > 0.0 => {
                let level = 240 - scale(part, 120);
                let _ = writeln!(
                    out,
                    "  style {} fill:#{level:02x}{level:02x}{level:02x}",
                    id(&s.id)
                );
            }
            Some(_) => {
                let _ = writeln!(out, "  style {} fill:#f4cccc,stroke:#cc0000", id(&s.id));
            }
            None => {}
        }
    }
    out
}
