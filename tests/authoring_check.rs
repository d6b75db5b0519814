//! `check` warnings: each planted mistake is reported at its file, line and column,
//! and nothing that can happen is ever called impossible.

mod common;

use common::*;
use hailsham::story::{self, Loaded, Report, Severity, StorySources};

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

#[test]
fn conditions_that_can_never_hold_are_warned_with_the_reason() {
    let cases = [
        (
            "All([Flag(\"asked\"), Not(Flag(\"asked\"))])",
            "it needs both Flag(\"asked\") and Not(Flag(\"asked\"))",
        ),
        ("Flag(\"askd\")", "flag 'askd' is never set"),
        ("Knows(\"heard_rumor\")", ""), // an unknown id is an error, tested in loader.rs
        (
            "Rel(\"tommy\", \"closeness\", Gt, 5)",
            "tommy.closeness stays within -5..=5",
        ),
        ("Rel(\"tommy\", \"closeness\", Lt, -5)", "stays within"),
        (
            "All([Rel(\"tommy\", \"closeness\", Ge, 2), Rel(\"tommy\", \"closeness\", Le, 1)])",
            "no value of tommy.closeness satisfies every comparison",
        ),
        (
            "All([RemembersAs(\"the_lay_by\", \"warm\"), RemembersAs(\"the_lay_by\", \"sore\")])",
            "held in one tone at a time",
        ),
        ("Visits(\"talk\", Lt, 0)", "a visit count is never < 0"),
        ("Chance(0)", "Chance(0) never holds"),
        ("Any([])", "nothing in it"),
        ("Not(Chance(100))", "Chance(100) always holds"),
    ];
    let text = scene_text();
    let (line, col) = at(&text, "\"again\"", 0);
    for (condition, reason) in cases {
        if reason.is_empty() {
            continue;
        }
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

#[test]
fn nothing_that_can_happen_is_called_impossible() {
    let possible = [
        "Flag(\"asked\")",
        "Not(Flag(\"asked\"))",
        "Rel(\"tommy\", \"closeness\", Ge, 5)",
        "Rel(\"tommy\", \"closeness\", Eq, -5)",
        "All([Rel(\"tommy\", \"closeness\", Ge, 1), Rel(\"tommy\", \"closeness\", Le, 1)])",
        "Visits(\"talk\", Ge, 7)",
        "Visits(\"lay_by\", Eq, 1)",
        "Chance(1)",
        "Not(Chance(99))",
        "Not(Has(\"flask\"))",
        "RemembersAs(\"the_lay_by\", \"sore\")",
        "Any([Knows(\"heard_rumour\"), Flag(\"asked\")])",
        "All([Remembers(\"the_lay_by\"), Not(RemembersAs(\"the_lay_by\", \"warm\"))])",
        "Era(\"carer\")",
    ];
    for condition in possible {
        let report = warnings_of(edited("drive.ron", "Not(Flag(\"asked\"))", condition));
        assert!(
            !report.diagnostics.iter().any(|d| d.message.contains("can never")),
            "{condition}\n{}",
            report.render()
        );
    }
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
