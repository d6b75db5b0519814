//! Loading: deliberately broken stories, each checked for its message and the exact
//! file, line and column of its diagnostic.

mod common;

use common::*;
use hailsham::story::{self, Severity, StorySources};

/// Asserts that the report has a diagnostic whose message contains `message`, at
/// `file:line:column`, and returns its help text.
fn expect_at(sources: StorySources, message: &str, file: &str, line: usize, column: usize) -> Option<String> {
    assert_at(&load_err(sources), message, file, line, column)
}

fn scene_file_text() -> String {
    std::fs::read_to_string(example_dir().join("carer/drive.ron")).expect("readable")
}

#[test]
fn the_example_story_loads_cleanly() {
    let loaded = example();
    assert!(loaded.report.diagnostics.is_empty(), "{}", loaded.report.render());
    assert_eq!(loaded.story.scenes.len(), 3);
}

#[test]
fn unknown_scene_points_at_the_literal_and_suggests_the_near_miss() {
    let text = scene_file_text();
    let (line, col) = position_of(&text, "\"talk\"", 0); // the first `to: "talk"`
    let help = expect_at(
        edited("drive.ron", "to: \"talk\"", "to: \"tlak\""),
        "unknown scene 'tlak'",
        "carer/drive.ron",
        line,
        col,
    );
    assert_eq!(help.as_deref(), Some("did you mean 'talk'?"));
    // A fixed position too, so that a change in the example is noticed here.
    assert_eq!((line, col), (18, 21));
}

#[test]
fn unknown_memory_tone_character_axis_and_keepsake() {
    let text = scene_file_text();
    let edits = [
        (
            "Remember(\"the_lay_by\", \"warm\")",
            "Remember(\"the_layby\", \"warm\")",
            "unknown memory 'the_layby'",
            "\"the_layby\"",
        ),
        (
            "Remember(\"the_lay_by\", \"sore\")",
            "Remember(\"the_lay_by\", \"sorrow\")",
            "unknown tone 'sorrow'",
            "\"sorrow\"",
        ),
        (
            "Adjust(\"tommy\", \"closeness\", -1)",
            "Adjust(\"tommy\", \"trust\", -1)",
            "unknown axis 'trust' for character 'tommy'",
            "\"trust\"",
        ),
        (
            "Adjust(\"tommy\", \"closeness\", 1)",
            "Adjust(\"ruth\", \"closeness\", 1)",
            "unknown character 'ruth'",
            "\"ruth\"",
        ),
        (
            "Gain(\"flask\")",
            "Gain(\"thermos\")",
            "unknown keepsake 'thermos'",
            "\"thermos\"",
        ),
    ];
    for (from, to, message, literal) in edits {
        let edited_text = text.replacen(from, to, 1);
        let (line, col) = position_of(&edited_text, literal, 0);
        expect_at(
            edited("drive.ron", from, to),
            message,
            "carer/drive.ron",
            line,
            col,
        );
    }
}

#[test]
fn conditions_naming_undeclared_things_are_errors() {
    let edits = [
        (
            "Not(Flag(\"asked\"))",
            "Knows(\"secret\")",
            "unknown knowledge 'secret'",
        ),
        ("Not(Flag(\"asked\"))", "Has(\"tape\")", "unknown keepsake 'tape'"),
        (
            "Not(Flag(\"asked\"))",
            "Visited(\"nowhere\")",
            "unknown scene 'nowhere'",
        ),
        (
            "Not(Flag(\"asked\"))",
            "Era(\"cottages\")",
            "unknown era 'cottages'",
        ),
        (
            "Not(Flag(\"asked\"))",
            "RemembersAs(\"the_lay_by\", \"bitter\")",
            "unknown tone 'bitter'",
        ),
    ];
    for (from, to, message) in edits {
        let report = load_err(edited("drive.ron", from, to));
        assert!(
            report.diagnostics.iter().any(|d| d.message == message),
            "{message}\n{}",
            report.render()
        );
    }
}

#[test]
fn duplicate_ids_name_both_places() {
    let text = scene_file_text();
    let edited_text = text.replacen("id: \"talk\"", "id: \"lay_by\"", 1);
    let (line, col) = position_of(&edited_text, "\"lay_by\"", 1);
    let help = expect_at(
        edited("drive.ron", "id: \"talk\"", "id: \"lay_by\""),
        "duplicate scene id 'lay_by'",
        "drive.ron",
        line,
        col,
    );
    assert!(help.unwrap_or_default().contains("first defined at"));

    let (line, col) = position_of(&text, "\"drive_on\"", 0);
    expect_at(
        edited("drive.ron", "id: \"drive_on\"", "id: \"pour\""),
        "duplicate choice id 'pour'",
        "drive.ron",
        line,
        col,
    );
}

#[test]
fn a_dead_end_is_an_error_and_names_the_scene() {
    let text = scene_file_text();
    let (line, col) = position_of(&text, "\"home\"", 1); // id: "home"
    expect_at(
        edited("drive.ron", "ending: \"home\",", ""),
        "scene 'home' is a dead end",
        "drive.ron",
        line,
        col,
    );
}

#[test]
fn syntax_errors_give_ron_positions() {
    // Drop the comma after the first paragraph (line 9): the parser fails where the
    // next paragraph starts, and says the comma is missing after the string's end.
    let report = load_err(edited(
        "drive.ron",
        "between his knees.\",",
        "between his knees.\"",
    ));
    let d = report.errors().next().expect("an error");
    let at = report.location(d).expect("location");
    assert!(at.file.ends_with("drive.ron"));
    assert_eq!((at.line, at.column), (9, 96), "{}", report.render());
    assert_eq!(d.message, "expected a comma after this");
    // A file that does not parse must not cascade into errors about its missing scenes.
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render());
}

#[test]
fn unknown_fields_are_named_with_the_fields_allowed() {
    let report = load_err(edited(
        "drive.ron",
        "label: \"Pour him a cup\"",
        "lable: \"Pour him a cup\"",
    ));
    let d = report.errors().next().expect("an error");
    assert_eq!(d.message, "unknown field 'lable'");
    assert!(d.help.as_deref().unwrap_or_default().contains("label"));
    assert_eq!(report.location(d).map(|l| l.line), Some(16));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut sources = edited("drive.ron", "to: \"home\"", "to: \"hom\"");
    sources.manifest.text = sources
        .manifest
        .text
        .replacen("start: \"lay_by\"", "start: \"layby\"", 1);
    sources.scene_files[0].text =
        sources.scene_files[0]
            .text
            .replacen("Gain(\"flask\")", "Gain(\"flsk\")", 1);
    let report = load_err(sources);
    let messages: Vec<_> = report.errors().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{}", report.render());
    for m in [
        "unknown scene 'layby'",
        "unknown scene 'hom'",
        "unknown keepsake 'flsk'",
    ] {
        assert!(messages.contains(&m), "{m} missing from {messages:?}");
    }
}

#[test]
fn going_back_in_time_is_an_error() {
    let mut sources = example_sources();
    sources.manifest.text = sources.manifest.text.replacen(
        "Era(id: \"carer\", title: \"The carer years\"),",
        "Era(id: \"hailsham\", title: \"Hailsham\"), Era(id: \"carer\", title: \"The carer years\"),",
        1,
    );
    sources.scene_files[0].text = sources.scene_files[0].text.replacen(
        "id: \"talk\",\n        era: \"carer\"",
        "id: \"talk\",\n        era: \"hailsham\"",
        1,
    );
    let report = load_err(sources);
    assert!(
        report.errors().any(|d| d.message.contains("goes back in time")),
        "{}",
        report.render()
    );
}

#[test]
fn unreachable_and_all_conditional_scenes_are_warnings() {
    let extra = "    Scene(id: \"island\", era: \"carer\", title: \"Island\", text: [\"Alone.\"], choices: [Choice(id: \"x\", label: \"On\", when: Flag(\"f\"), to: \"home\")]),\n]";
    let mut sources = example_sources();
    let file = &mut sources.scene_files[0];
    let end = file.text.rfind(']').expect("list end");
    file.text.replace_range(end.., extra);
    let loaded = story::load(sources).expect("warnings do not stop loading");
    let warnings: Vec<_> = loaded.report.warnings().map(|d| d.message.as_str()).collect();
    assert!(
        warnings.contains(&"scene 'island' is never reached"),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&"every choice of scene 'island' has a condition"),
        "{warnings:?}"
    );
    assert!(
        loaded
            .report
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn chance_is_refused_in_reflections() {
    let report = load_err(edited(
        "story.ron",
        "when: Knows(\"heard_rumour\")",
        "when: Chance(50)",
    ));
    assert!(
        report
            .errors()
            .any(|d| d.message.contains("cannot decide a reflection"))
    );
}

#[test]
fn axis_ranges_are_checked() {
    let report = load_err(edited(
        "story.ron",
        "min: -5, max: 5, initial: 0",
        "min: -5, max: 5, initial: 9",
    ));
    assert!(
        report
            .errors()
            .any(|d| d.message.contains("starts at 9, outside its range"))
    );
}

#[test]
fn a_folder_without_a_manifest_is_a_clear_error() {
    let dir = example_dir().join("carer");
    let err = story::read_dir(&dir).expect_err("no manifest");
    assert!(err.to_string().contains("has no story.ron"));
}

#[test]
fn no_prefix_of_a_story_file_panics_the_loader() {
    for file in ["story.ron", "drive.ron"] {
        let text = if file == "story.ron" {
            example_sources().manifest.text
        } else {
            scene_file_text()
        };
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for cut in cuts {
            let sources = edited(file, &text, &text[..cut]);
            let _ = story::load(sources); // must return, never panic
        }
    }
}

#[test]
fn the_default_story_loads_without_errors() {
    let loaded = story::load_embedded().unwrap_or_else(|r| panic!("{}", r.render()));
    assert!(!loaded.story.scenes.is_empty());
}

#[test]
fn choices_with_opposite_conditions_are_not_called_a_trap() {
    let extra = "    Scene(id: \"fork\", era: \"carer\", title: \"Fork\", text: [\"Which way?\"], choices: [
        Choice(id: \"a\", label: \"If asked\", when: Flag(\"asked\"), to: \"home\"),
        Choice(id: \"b\", label: \"If not\", when: Not(Flag(\"asked\")), to: \"home\"),
    ]),\n]";
    let mut sources = edited("drive.ron", "to: \"home\"),", "to: \"fork\"),");
    let file = &mut sources.scene_files[0];
    let end = file.text.rfind(']').expect("list end");
    file.text.replace_range(end.., extra);
    let loaded = story::load(sources).expect("loads");
    let warnings: Vec<_> = loaded.report.warnings().map(|d| d.message.as_str()).collect();
    assert!(
        !warnings
            .iter()
            .any(|w| w.contains("every choice of scene 'fork'")),
        "{warnings:?}"
    );
}
