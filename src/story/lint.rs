//! Checks on the whole graph once every id resolves: era order along choices, scenes
//! nobody reaches, and warnings for what is probably a mistake.
//!
//! "Can never hold" is decided soundly from facts gathered over every scene: a flag no
//! effect sets, knowledge never learned, a memory never recorded (or never in that
//! tone), a relationship compared outside the values its axis can take, the visits of
//! a scene nothing leads to, a contradiction inside one `All`. Each fact over-estimates
//! what can happen, so a warning never claims "never" of something that can happen.

use std::collections::VecDeque;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::diagnostic::{Diagnostic, SourceFile};
use super::layers::Merged;
use super::model::{Choice, Condition, Scene, Story};
use super::raw::RawCondition;
use super::source::Spanned;

mod facts;
mod marks;

use facts::Facts;
pub(super) use marks::Marks;
use marks::{ChoiceMarks, FlagAt, SceneMarks};

/// Era order along edges, reachability from the start, and scenes whose every choice
/// is conditional. `scenes` holds the marks of `story.scenes`, in order.
pub(super) fn check_graph(
    _files: &[SourceFile],
    eras: &[String],
    scenes: &Marks,
    story: &Story,
) -> Vec<Diagnostic> {
    let rank = |era: &str| eras.iter().position(|e| e == era);
    let mut problems = Vec::new();
    // Who leads into each scene, built only if some choice goes `Back`.
    let mut sources: Option<Sources<'_>> = None;
    for (item, scene) in scenes.iter().zip(&story.scenes) {
        let from = rank(&scene.era);
        for (c, choice) in item.choices.iter().zip(&scene.choices) {
            if choice.back {
                let sources = sources.get_or_insert_with(|| leading_into(story));
                back_to_earlier_era(story, sources, &rank, scene, (c, choice), &mut problems);
                continue;
            }
            let Some(target) = story.scene(&choice.to) else {
                continue;
            };
            if let (Some(from), Some(to)) = (from, rank(&target.era))
                && to < from
            {
                problems.push(back_in_time(scene, (c, choice), target));
            }
        }
        if !scene.choices.is_empty()
            && scene.choices.iter().all(|c| c.when.is_some())
            && !complementary_choices(scene)
        {
            problems.push(
                Diagnostic::warning(
                    item.file,
                    item.id.span(),
                    format!("every choice of scene '{}' has a condition", scene.id),
                )
                .label("the player is stuck here if none holds")
                .help("give one choice no condition, as a way on that is always open"),
            );
        }
    }
    never_reached(story, scenes, &mut problems);
    problems
}

/// A choice that leads to a scene of an earlier era.
fn back_in_time(scene: &Scene, (c, choice): (&ChoiceMarks, &Choice), target: &Scene) -> Diagnostic {
    Diagnostic::error(
        c.file,
        c.to.span(),
        format!(
            "choice '{}' goes back in time: scene '{}' is in era '{}', before '{}'",
            choice.id, target.id, target.era, scene.era
        ),
    )
    .label("leads to an earlier era")
    .help(
        "eras only move forward; a present-day frame scene that opens an act takes that act's era and `frame: true`",
    )
}

/// Scenes no choice leads to from the start.
fn never_reached(story: &Story, scenes: &Marks, problems: &mut Vec<Diagnostic>) {
    let reached = reachable(story, |_| true);
    for (item, scene) in scenes.iter().zip(&story.scenes) {
        if !reached.contains(scene.id.as_str()) {
            problems.push(
                Diagnostic::warning(
                    item.file,
                    item.id.span(),
                    format!("scene '{}' is never reached", scene.id),
                )
                .label("no choice leads here from the start")
                .help("point a choice at it, or remove it"),
            );
        }
    }
}

/// Scene id → the scenes with a choice (not `Back`) that leads there, in story order.
type Sources<'s> = HashMap<&'s str, Vec<usize>>;

fn leading_into(story: &Story) -> Sources<'_> {
    let mut sources: Sources<'_> = HashMap::new();
    for (i, s) in story.scenes.iter().enumerate() {
        for c in s.choices.iter().filter(|c| !c.back) {
            let list = sources.entry(c.to.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    sources
}

/// `Back` from a scene that some scene of an earlier era leads into would go back in time.
fn back_to_earlier_era(
    story: &Story,
    sources: &Sources<'_>,
    rank: &impl Fn(&str) -> Option<usize>,
    scene: &Scene,
    (c, choice): (&ChoiceMarks, &Choice),
    out: &mut Vec<Diagnostic>,
) {
    let here = rank(&scene.era);
    let earlier = sources
        .get(scene.id.as_str())
        .into_iter()
        .flatten()
        .map(|&i| &story.scenes[i])
        .find(|s| matches!((rank(&s.era), here), (Some(from), Some(to)) if from < to));
    if let Some(from) = earlier {
        out.push(
            Diagnostic::error(
                c.file,
                c.to.span(),
                format!(
                    "choice '{}' may go back in time: scene '{}' (era '{}') leads here, and Back would return to it",
                    choice.id, from.id, from.era
                ),
            )
            .label("could lead to an earlier era")
            .help("eras only move forward; name the scene to go on to instead of Back"),
        );
    }
}

/// Scenes reachable from the start along choices that `follow` accepts.
fn reachable(story: &Story, follow: impl Fn(&Condition) -> bool) -> HashSet<&str> {
    let mut reached = HashSet::new();
    let mut queue = VecDeque::from([story.start.as_str()]);
    while let Some(id) = queue.pop_front() {
        if !reached.insert(id) {
            continue;
        }
        if let Some(scene) = story.scene(id) {
            queue.extend(
                scene
                    .choices
                    .iter()
                    .filter(|c| c.when.as_deref().is_none_or(&follow))
                    .map(|c| c.to.as_str()),
            );
        }
    }
    reached
}

/// Warnings for what is probably a mistake; run only on a story without errors, whose
/// raw and validated forms line up item for item.
pub(super) fn lint(m: &Merged, scenes: &Marks, story: &Story) -> Vec<Diagnostic> {
    let facts = Facts::gather(story);
    let mut out = Vec::new();
    unused_declarations(m, &facts, &mut out);
    for item in &m.memories {
        let Some(memory) = story.memory(&item.raw.id) else {
            continue;
        };
        if !facts.recorded.contains(memory.id.as_str()) {
            continue;
        }
        for (raw, model) in item.raw.reflections.iter().zip(&memory.reflections) {
            if let Some(why) = model.when.as_ref().and_then(|c| facts.never(c)) {
                out.push(
                    Diagnostic::warning(
                        item.file,
                        raw.text.span(),
                        format!("a reflection of memory '{}' can never show", memory.id),
                    )
                    .label(format!("its condition can never hold: {why}"))
                    .help("fix the condition, or make something in the story bring it about"),
                );
            }
        }
    }
    for (item, scene) in scenes.iter().zip(&story.scenes) {
        conditions_in_scene(&item, scene, &facts, &mut out);
    }
    endings(m, story, &facts, &mut out);
    flags(m, scenes, &mut out);
    out
}

fn unused_declarations(m: &Merged, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    for item in &m.memories {
        let id = &item.raw.id;
        if !facts.recorded.contains(id.as_str()) {
            out.push(
                Diagnostic::warning(item.file, id.span(), format!("memory '{}' is never recorded", id.value))
                    .label("no Remember effect records it")
                    .help(format!(
                        "record it with `Remember(\"{}\", \"<tone>\")` in a scene's or a choice's effects, or remove it",
                        id.value
                    )),
            );
        }
    }
    for item in &m.keepsakes {
        let id = &item.raw.id;
        if !facts.gained.contains(id.as_str()) {
            out.push(
                Diagnostic::warning(
                    item.file,
                    id.span(),
                    format!("keepsake '{}' is never given", id.value),
                )
                .label("no Gain effect gives it")
                .help(format!(
                    "give it with `Gain(\"{}\")` in some effects, or remove it",
                    id.value
                )),
            );
        }
    }
}

fn conditions_in_scene(item: &SceneMarks<'_>, scene: &Scene, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    for (raw, model) in item.choices.iter().zip(&scene.choices) {
        if let Some(why) = model.when.as_ref().and_then(|c| facts.never(c)) {
            out.push(
                Diagnostic::warning(
                    raw.file,
                    raw.id.span(),
                    format!(
                        "choice '{}' of scene '{}' can never be offered",
                        model.id, scene.id
                    ),
                )
                .label(format!("its condition can never hold: {why}"))
                .help("fix the condition, or make something in the story bring it about"),
            );
        }
    }
    for (span, model) in item.paragraphs.iter().zip(&scene.text) {
        if let Some(why) = model.when.as_ref().and_then(|c| facts.never(c)) {
            out.push(
                Diagnostic::warning(
                    item.file,
                    span.span(),
                    format!("a paragraph of scene '{}' can never show", scene.id),
                )
                .label(format!("its condition can never hold: {why}"))
                .help("fix the condition, or make something in the story bring it about"),
            );
        }
    }
}

fn endings(m: &Merged, story: &Story, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let reached = reachable(story, |c| facts.never(c).is_none());
    for item in &m.endings {
        let id = &item.raw.id;
        let scenes: Vec<&str> = story
            .scenes
            .iter()
            .filter(|s| s.ending.as_deref() == Some(id.as_str()))
            .map(|s| s.id.as_str())
            .collect();
        let (message, help) = if scenes.is_empty() {
            (
                format!("ending '{}' has no scene", id.value),
                format!("end a scene with `ending: \"{}\"`", id.value),
            )
        } else if !scenes.iter().any(|s| reached.contains(s)) {
            (
                format!("ending '{}' is never reached", id.value),
                format!(
                    "no path from the start leads to {}; check the choices that lead there",
                    scenes
                        .iter()
                        .map(|s| format!("'{s}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::warning(item.file, id.span(), message)
                .label("no playthrough can end here")
                .help(help),
        );
    }
}

/// Flags set but never read, and read but never set, at their first use.
fn flags(m: &Merged, scenes: &Marks, out: &mut Vec<Diagnostic>) {
    let mut sets: Vec<FlagAt<'_>> = Vec::new();
    let mut reads: Vec<FlagAt<'_>> = Vec::new();
    for item in scenes.iter() {
        reads.extend(item.reads.iter());
        sets.extend(item.sets.iter());
    }
    let mut raw_reads = Vec::new();
    for item in &m.memories {
        for r in &item.raw.reflections {
            if let Some(w) = &r.when {
                flag_reads(w, item.file, &mut raw_reads);
            }
        }
    }
    for item in &m.conditions {
        flag_reads(&item.raw.1, item.file, &mut raw_reads);
    }
    reads.extend(raw_reads.into_iter().map(|(f, x)| FlagAt::of(f, x)));
    let read: HashSet<&str> = reads.iter().map(|x| x.name).collect();
    let set: HashSet<&str> = sets.iter().map(|x| x.name).collect();
    let mut told = HashSet::new();
    for x in sets {
        if !read.contains(x.name) && told.insert(("set", x.name)) {
            out.push(
                Diagnostic::warning(x.file, x.span, format!("flag '{}' is set but never read", x.name))
                    .label("no condition reads this flag")
                    .help(format!(
                        "read it with `Flag(\"{}\")` somewhere, or check its spelling",
                        x.name
                    )),
            );
        }
    }
    for x in reads {
        if !set.contains(x.name) && told.insert(("read", x.name)) {
            let help = match super::validate::closest(x.name, set.iter().copied()) {
                Some(s) => format!("did you mean '{s}'?"),
                None => format!("set it with `Set(\"{}\")` in some effects", x.name),
            };
            out.push(
                Diagnostic::warning(x.file, x.span, format!("flag '{}' is read but never set", x.name))
                    .label("no effect sets this flag")
                    .help(help),
            );
        }
    }
}

pub(super) fn flag_reads<'r>(c: &'r RawCondition, file: usize, out: &mut Vec<(usize, &'r Spanned)>) {
    match c {
        RawCondition::All(l) | RawCondition::Any(l) => l.iter().for_each(|c| flag_reads(c, file, out)),
        RawCondition::Not(inner) => flag_reads(inner, file, out),
        RawCondition::Flag(x) => out.push((file, x)),
        _ => {}
    }
}

/// Whether two of a scene's choices have exactly opposite conditions (`X` and
/// `Not(X)`), so that one of them is always offered. (`Chance` rolls never pair up:
/// each is its own roll.)
fn complementary_choices(scene: &Scene) -> bool {
    let conditions: Vec<&Condition> = scene.choices.iter().filter_map(|c| c.when.as_deref()).collect();
    conditions.iter().any(|a| {
        conditions
            .iter()
            .any(|b| matches!(b, Condition::Not(inner) if inner.as_ref() == *a))
    })
}
