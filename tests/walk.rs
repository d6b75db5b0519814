//! `walk`: random playthroughs find stuck scenes and loops with a seed and log that
//! reproduce them; `--explore` reaches every reachable scene and ending.

mod common;

use common::*;
use hailsham::engine;
use hailsham::story::{self, Story};
use hailsham::walk::{self, ExploreOptions, ProblemKind, WalkOptions, WalkReport};

fn options(runs: usize, seed: u64) -> WalkOptions {
    WalkOptions {
        runs,
        seed,
        max_steps: 50,
        threads: 2,
    }
}

fn explore(story: &Story) -> WalkReport {
    walk::explore(
        story,
        &ExploreOptions {
            seed: 0,
            max_states: 10_000,
            max_steps: 200,
        },
    )
}

/// The example with `lay_by`'s second choice leading to `scene` (appended) instead.
fn detour(scene: &str) -> Story {
    let mut sources = with_scenes(scene);
    let file = &mut sources.scene_files[0];
    file.text = file.text.replacen(
        "effects: [Remember(\"the_lay_by\", \"sore\"), Adjust(\"tommy\", \"closeness\", -1)],\n                to: \"talk\"",
        "effects: [Remember(\"the_lay_by\", \"sore\"), Adjust(\"tommy\", \"closeness\", -1)],\n                to: \"detour\"",
        1,
    );
    assert!(file.text.contains("to: \"detour\""));
    story::load(sources)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .story
}

const STUCK: &str = r#"    Scene(id: "detour", era: "carer", title: "A ditch", text: ["Mud."],
        choices: [Choice(id: "out", label: "Climb out", when: Flag("asked"), to: "talk")]),"#;

const LOOP: &str = r#"    Scene(id: "detour", era: "carer", title: "A roundabout", text: ["Round again."],
        choices: [Choice(id: "round", label: "Go round", to: "detour")]),"#;

/// Replays a problem's log from its seed and returns the scene it ends in.
fn replay(story: &Story, seed: u64, log: &[walk::Logged]) -> String {
    let mut state = engine::start(story, seed).expect("starts").state;
    for step in log {
        assert_eq!(state.scene, step.scene);
        let offered: Vec<_> =
            engine::offered(story, story.scene(&state.scene).expect("scene"), &state).collect();
        assert_eq!(
            offered[step.number - 1].id,
            step.choice,
            "the number matches the id"
        );
        state = engine::choose(story, &state, &step.choice).expect("choice").state;
    }
    state.scene
}

#[test]
fn random_walks_of_the_example_reach_everything_and_are_deterministic() {
    let story = example().story;
    let report = walk::random(&story, options(300, 9));
    assert!(report.problems.is_empty(), "{report}");
    assert_eq!(report.endings["home"], 300);
    assert!(report.unreached_scenes().is_empty());
    assert!(report.untaken_choices().is_empty(), "{report}");
    let words = report.words.expect("words");
    assert!(words.mean >= 1.0 && words.min <= words.max);
    assert!(words.min > 0);
    let one_thread = walk::random(
        &story,
        WalkOptions {
            threads: 1,
            ..options(300, 9)
        },
    );
    assert_eq!(report, one_thread, "threads do not change the report");
    assert_ne!(report, walk::random(&story, options(300, 10)));
}

#[test]
fn a_stuck_scene_is_found_with_a_seed_and_log_that_reproduce_it() {
    let story = detour(STUCK);
    let report = walk::random(&story, options(100, 0));
    let p = report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Stuck)
        .expect("stuck found");
    assert_eq!(p.scene, "detour");
    assert!(
        report.problem_counts["stuck"] > 10,
        "about half the runs: {report}"
    );
    assert_eq!(replay(&story, p.seed, &p.log), "detour");
    // The run repeats alone from its seed.
    let again = walk::random(&story, options(1, p.seed));
    assert_eq!(again.problems.first(), Some(p));
    let text = report.to_string();
    assert!(
        text.contains(&format!("repeat it: hailsham walk --runs 1 --seed {}", p.seed)),
        "{text}"
    );
}

#[test]
fn a_loop_past_the_cap_is_found_with_its_log() {
    let story = detour(LOOP);
    let report = walk::random(&story, options(40, 0));
    let p = report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Loop)
        .expect("loop found");
    assert_eq!(p.scene, "detour");
    assert_eq!(p.log.len(), 50);
    assert_eq!(replay(&story, p.seed, &p.log), "detour");
}

#[test]
fn explore_reaches_every_scene_and_ending_of_the_example() {
    let report = explore(&example().story);
    assert!(!report.truncated);
    assert!(report.problems.is_empty(), "{report}");
    assert!(report.unreached_scenes().is_empty());
    assert!(report.unreached_endings().is_empty());
    assert!(report.untaken_choices().is_empty());
}

#[test]
fn explore_follows_both_sides_of_a_chance() {
    let rare =
        r#"    Scene(id: "rare", era: "carer", title: "Rare", text: ["Once in a while."], ending: "home"),"#;
    let mut sources = with_scenes(rare);
    let file = &mut sources.scene_files[0];
    file.text = file.text.replacen(
        "choices: [\n            Choice(\n                id: \"pour\"",
        "choices: [\n            Choice(id: \"lucky\", label: \"Lucky\", when: Chance(1), to: \"rare\"),\n            Choice(\n                id: \"pour\"",
        1,
    );
    let story = story::load(sources)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .story;
    let report = explore(&story);
    assert!(report.scenes["rare"].visits > 0, "{report}");
}

#[test]
fn explore_finds_stuck_states_and_traps() {
    let report = explore(&detour(STUCK));
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::Stuck && p.scene == "detour")
    );
    let report = explore(&detour(LOOP));
    let trap = report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Trapped)
        .unwrap_or_else(|| panic!("no trap in\n{report}"));
    assert_eq!(trap.scene, "detour");
    assert_eq!(replay(&detour(LOOP), 0, &trap.log), "detour");
}

/// The built-in story has far more distinct states than an exhaustive search can visit
/// (every flag an act sets multiplies them), so random playthroughs stand in: a few
/// hundred, with fixed seeds, reach every scene that `check` does not call unreachable,
/// and every ending.
#[test]
fn random_runs_reach_every_scene_and_ending_of_the_built_in_story() {
    let loaded = story::load_embedded().unwrap_or_else(|r| panic!("{}", r.render()));
    let unreached: Vec<String> = loaded
        .report
        .warnings()
        .filter_map(|d| d.message.strip_suffix("' is never reached"))
        .filter_map(|m| m.strip_prefix("scene '"))
        .map(str::to_owned)
        .collect();
    let report = walk::random(
        &loaded.story,
        WalkOptions {
            max_steps: 1000,
            ..options(600, 0)
        },
    );
    assert!(report.problems.is_empty(), "{report}");
    for scene in report.unreached_scenes() {
        assert!(
            unreached.iter().any(|u| u == scene),
            "'{scene}' is reachable but was not reached in 600 runs"
        );
    }
    for (ending, count) in &report.endings {
        assert!(*count > 0, "the ending '{ending}' was never reached");
    }
}

#[test]
fn the_json_report_round_trips() {
    let report = walk::random(&example().story, options(20, 1));
    let json = serde_json::to_string(&report).expect("serialises");
    let back: WalkReport = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, report);
}

/// Every way from the start loops: trapped states in two scenes, reached by paths of
/// the same length in one of them. Which are reported, and in what order, is decided by
/// the way there, never by a hash map's order (each map here is seeded afresh), so every
/// exploration reports exactly the same.
#[test]
fn explore_reports_the_same_on_every_run() {
    let mut sources = with_scenes(LOOP);
    let file = &mut sources.scene_files[0];
    for (from, to) in [
        (
            "Gain(\"flask\")],\n                to: \"talk\"",
            "Gain(\"flask\")],\n                to: \"detour\"",
        ),
        (
            "Adjust(\"tommy\", \"closeness\", -1)],\n                to: \"talk\"",
            "Adjust(\"tommy\", \"closeness\", -1)],\n                to: \"detour\"",
        ),
    ] {
        assert!(file.text.contains(from), "the example changed: {from}");
        file.text = file.text.replacen(from, to, 1);
    }
    let story = story::load(sources)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .story;
    let first = explore(&story);
    let trap = first
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Trapped && p.scene == "detour")
        .unwrap_or_else(|| panic!("no trap in\n{first}"));
    assert_eq!(trap.log.len(), 1, "{trap:?}");
    assert_eq!(trap.log[0].choice, "pour", "the first way there, as offered");
    let json = serde_json::to_string(&first).expect("json");
    for _ in 0..8 {
        assert_eq!(serde_json::to_string(&explore(&story)).expect("json"), json);
    }
}
