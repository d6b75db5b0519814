//! `check` warnings: each planted mistake is reported at its file, line and column,
//! and nothing that can happen is ever called impossible.

mod common;

use common::*;
use hailsham::story::{self, Loaded, Report, Severity, StorySources};
use rstest::rstest;

fn warnings_of(sources: StorySources) -> Report {
    let loaded: Loaded = story::load(sources).unwrap_or_else(|r| panic!("{}", r.render()));
    assert!(
        loaded
            .report
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    loaded.report
}

fn manifest_text() -> String {
    example_sources().manifest.text
}

fn scene_text() -> String {
    example_sources().scene_files[0].text.clone()
}

/// Line and column of the `nth` occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    position_of(text, needle, nth)
}

#[test]
fn declared_but_unused_memories_keepsakes_and_endings() {
    let from = "    endings: [";
    let to = "    endings: [\n        Ending(id: \"lost\", title: \"Lost\"),";
    let mut sources = edited("story.ron", from, to);
    let text = &mut sources.manifest.text;
    *text = text.replacen(
        "    keepsakes: [",
        "    keepsakes: [\n        Keepsake(id: \"spare\", name: \"Spare\", description: \"Never given.\"),",
        1,
    );
    *text = text.replacen(
        "    memories: [",
        "    memories: [\n        Memory(id: \"unused\", title: \"U\", era: \"carer\", summary: \"S\"),",
        1,
    );
    let text = sources.manifest.text.clone();
    let report = warnings_of(sources);
    let (l, c) = at(&text, "\"unused\"", 0);
    assert_at(&report, "memory 'unused' is never recorded", "story.ron", l, c);
    let (l, c) = at(&text, "\"spare\"", 0);
    assert_at(&report, "keepsake 'spare' is never given", "story.ron", l, c);
    let (l, c) = at(&text, "\"lost\"", 0);
    assert_at(&report, "ending 'lost' has no scene", "story.ron", l, c);
}

#[test]
fn a_reflection_that_can_never_show() {
    let from = "when: Knows(\"heard_rumour\")";
    let sources = edited("story.ron", from, "when: Rel(\"tommy\", \"closeness\", Gt, 5)");
    let text = sources.manifest.text.clone();
    let report = warnings_of(sources);
    let (l, c) = at(&text, "\"We talked about the rumour", 0);
    assert_at(
        &report,
        "a reflection of memory 'the_lay_by' can never show",
        "story.ron",
        l,
        c,
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("reflection"))
        .expect("d");
    assert!(
        d.label.contains("tommy.closeness stays within -5..=5"),
        "{}",
        d.label
    );
}

#[rstest]
#[case::contradiction(
    "All([Flag(\"asked\"), Not(Flag(\"asked\"))])",
    "it needs both Flag(\"asked\") and Not(Flag(\"asked\"))"
)]
#[case::flag_never_set("Flag(\"askd\")", "flag 'askd' is never set")]
#[case::above_the_range("Rel(\"tommy\", \"closeness\", Gt, 5)", "tommy.closeness stays within -5..=5")]
#[case::below_the_range("Rel(\"tommy\", \"closeness\", Lt, -5)", "stays within")]
#[case::no_value_satisfies(
    "All([Rel(\"tommy\", \"closeness\", Ge, 2), Rel(\"tommy\", \"closeness\", Le, 1)])",
    "no value of tommy.closeness satisfies every comparison"
)]
#[case::two_tones(
    "All([RemembersAs(\"the_lay_by\", \"warm\"), RemembersAs(\"the_lay_by\", \"sore\")])",
    "held in one tone at a time"
)]
#[case::negative_visits("Visits(\"talk\", Lt, 0)", "a visit count is never < 0")]
#[case::chance_zero("Chance(0)", "Chance(0) never holds")]
#[case::empty_any("Any([])", "nothing in it")]
#[case::not_chance_hundred("Not(Chance(100))", "Chance(100) always holds")]
fn conditions_that_can_never_hold_are_warned_with_the_reason(#[case] condition: &str, #[case] reason: &str) {
    let text = scene_text();
    let (line, col) = at(&text, "\"again\"", 0);
    let sources = edited("drive.ron", "Not(Flag(\"asked\"))", condition);
    let report = warnings_of(sources);
    assert_at(
        &report,
        "choice 'again' of scene 'talk' can never be offered",
        "drive.ron",
        line,
        col,
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("'again'"))
        .expect("d");
    assert!(d.label.contains(reason), "{condition}: {}", d.label);
}

/// An unknown id is not a condition that never holds: it is an error, at the id, with
/// the nearest known one suggested.
#[test]
fn an_unknown_id_in_a_condition_is_an_error_not_a_warning() {
    let sources = edited("drive.ron", "Not(Flag(\"asked\"))", "Knows(\"heard_rumor\")");
    let text = sources.scene_files[0].text.clone();
    let report = load_err(sources);
    let (l, c) = at(&text, "\"heard_rumor\"", 0);
    assert_at(&report, "unknown knowledge 'heard_rumor'", "drive.ron", l, c);
    assert!(
        !report.diagnostics.iter().any(|d| d.message.contains("can never")),
        "{}",
        report.render()
    );
}

#[test]
fn visits_of_a_scene_nothing_reaches_never_count() {
    let island = r#"    Scene(id: "island", era: "carer", title: "I", text: ["x"], ending: "home"),"#;
    let mut sources = with_scenes(island);
    let file = &mut sources.scene_files[0];
    file.text = file
        .text
        .replacen("Not(Flag(\"asked\"))", "Visited(\"island\")", 1);
    let report = warnings_of(sources);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("'again'"))
        .expect("warned");
    assert!(d.label.contains("scene 'island' is never reached"), "{}", d.label);
}

#[rstest]
#[case("Flag(\"asked\")")]
#[case("Not(Flag(\"asked\"))")]
#[case("Rel(\"tommy\", \"closeness\", Ge, 5)")]
#[case("Rel(\"tommy\", \"closeness\", Eq, -5)")]
#[case("All([Rel(\"tommy\", \"closeness\", Ge, 1), Rel(\"tommy\", \"closeness\", Le, 1)])")]
#[case("Visits(\"talk\", Ge, 7)")]
#[case("Visits(\"lay_by\", Eq, 1)")]
#[case("Chance(1)")]
#[case("Not(Chance(99))")]
#[case("Not(Has(\"flask\"))")]
#[case("RemembersAs(\"the_lay_by\", \"sore\")")]
#[case("Any([Knows(\"heard_rumour\"), Flag(\"asked\")])")]
#[case("All([Remembers(\"the_lay_by\"), Not(RemembersAs(\"the_lay_by\", \"warm\"))])")]
#[case("Era(\"carer\")")]
fn nothing_that_can_happen_is_called_impossible(#[case] condition: &str) {
    let report = warnings_of(edited("drive.ron", "Not(Flag(\"asked\"))", condition));
    assert!(
        !report.diagnostics.iter().any(|d| d.message.contains("can never")),
        "{condition}\n{}",
        report.render()
    );
}

#[test]
fn flags_set_but_never_read_and_read_but_never_set() {
    let sources = edited(
        "drive.ron",
        "when: Not(Flag(\"asked\"))",
        "when: Not(Flag(\"askd\"))",
    );
    let text = sources.scene_files[0].text.clone();
    let report = warnings_of(sources);
    let (l, c) = at(&text, "\"askd\"", 0);
    assert_at(&report, "flag 'askd' is read but never set", "drive.ron", l, c);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("'askd'"))
        .expect("d");
    assert_eq!(d.help.as_deref(), Some("did you mean 'asked'?"));
    // 'asked' is still read by a paragraph of 'home', so only the read is reported.
    let sources = edited("drive.ron", "If(Flag(\"asked\"), ", "If(Flag(\"other\"), ");
    let sources = StorySources {
        scene_files: vec![hailsham::story::SourceFile {
            text: sources.scene_files[0]
                .text
                .replacen("when: Not(Flag(\"asked\")), ", "", 1),
            ..sources.scene_files[0].clone()
        }],
        ..sources
    };
    let text = sources.scene_files[0].text.clone();
    let report = warnings_of(sources);
    let (l, c) = at(&text, "Set(\"asked\")", 0);
    assert_at(
        &report,
        "flag 'asked' is set but never read",
        "drive.ron",
        l,
        c + 4,
    );
}

#[test]
fn an_ending_behind_an_impossible_choice_is_never_reached() {
    let sources = edited(
        "drive.ron",
        "Choice(id: \"go\", label: \"Start the engine\", to: \"home\")",
        "Choice(id: \"go\", label: \"Start the engine\", when: Flag(\"never\"), to: \"home\"), Choice(id: \"stay\", label: \"Stay\", to: \"talk\")",
    );
    let report = warnings_of(sources);
    let text = manifest_text();
    let (l, c) = at(&text, "\"home\"", 0);
    assert_at(&report, "ending 'home' is never reached", "story.ron", l, c);
}

#[test]
fn the_example_story_has_no_warnings() {
    assert!(
        example().report.diagnostics.is_empty(),
        "{}",
        example().report.render()
    );
}
