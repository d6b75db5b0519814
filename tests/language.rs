//! The authoring language: paragraph chains, line-break folding, named conditions,
//! inline forms (conditions, seq, cycle, once, shuffle), emphasis and `to: Back`,
//! loaded with exact positions and run through the engine.

mod common;

use common::assert_at;
use hailsham::engine::{self, GameState};
use hailsham::replay;
use hailsham::story::{self, Loaded, Report, SourceFile, Story, StorySources};

const MANIFEST: &str = r#"Story(
    id: "forms",
    title: "Forms",
    start: "hall",
    eras: [Era(id: "school", title: "School"), Era(id: "later", title: "Later")],
    tones: ["warm"],
    knowledge: [Knowledge(id: "secret", summary: "A secret.")],
    memories: [
        Memory(id: "the_hall", title: "The hall", era: "school", summary: "The hall.", reflections: [
            Reflection(text: "It was a hall."),
            Reflection(when: Is("rainy_day"), text: "It was *wet* {knows ? and I knew | and I did not know}."),
        ]),
    ],
    conditions: {
        "knows": Knows("secret"),
        "rainy_day": Flag("rain"),
        "either": Any([Is("knows"), Is("rainy_day")]),
    },
)
"#;

const SCENES: &str = r#"[
    Scene(
        id: "hall",
        era: "school",
        title: "The hall",
        text: [
            "Plain, and
                folded.",
            If(Is("knows"), "I know."),
            ElseIf(Flag("rain"), "It rains."),
            Else("Nothing yet."),
            "Visit {seq: one | two | three}, {cycle: a | b}, {once: first | second}.",
            "{!knows ? Not known.} {either ? Either. | Neither.}",
            "A *bold* step \\* and \\{braces\\}.",
            "{shuffle: red | green | blue | white}",
        ],
        choices: [
            Choice(id: "learn", label: "Learn {knows ? again}", effects: [Learn("secret")], to: "hall"),
            Choice(id: "rain", label: "Rain", effects: [Set("rain")], to: "hall", once: true),
            Choice(id: "side", label: "Step aside", to: "side"),
            Choice(id: "on", label: "On", to: "yard"),
        ],
    ),
    Scene(
        id: "yard",
        era: "school",
        title: "The yard",
        text: ["The yard."],
        choices: [
            Choice(id: "side_from_yard", label: "Step aside", to: "side"),
            Choice(id: "end", label: "End", effects: [Remember("the_hall", "warm")], to: "last"),
        ],
    ),
    Scene(
        id: "side",
        era: "school",
        title: "A side room",
        text: ["A side room."],
        choices: [Choice(id: "back", label: "Go back", to: Back)],
    ),
    Scene(id: "last", era: "later", title: "Last", text: ["The end."], ending: "done"),
]
"#;

fn sources(manifest: &str, scenes: &str) -> StorySources {
    let manifest = manifest.replace(
        "    conditions:",
        "    endings: [Ending(id: \"done\", title: \"Done\")],\n    conditions:",
    );
    StorySources {
        manifest: SourceFile {
            name: "forms/story.ron".into(),
            text: manifest,
        },
        scene_files: vec![SourceFile {
            name: "forms/school/scenes.ron".into(),
            text: scenes.into(),
        }],
        packs: Vec::new(),
    }
}

fn load(manifest: &str, scenes: &str) -> Result<Loaded, Report> {
    story::load(sources(manifest, scenes))
}

fn forms() -> Story {
    match load(MANIFEST, SCENES) {
        Ok(l) => l.story,
        Err(r) => panic!("{}", r.render()),
    }
}

fn broken(scenes_from: &str, scenes_to: &str) -> Report {
    assert!(SCENES.contains(scenes_from), "'{scenes_from}' not in the scenes");
    match load(MANIFEST, &SCENES.replacen(scenes_from, scenes_to, 1)) {
        Ok(_) => panic!("expected an error"),
        Err(r) => r,
    }
}

fn play(story: &Story, seed: u64, choices: &[&str]) -> GameState {
    let mut state = engine::start(story, seed).expect("start").state;
    for c in choices {
        state = engine::choose(story, &state, c)
            .unwrap_or_else(|e| panic!("{c}: {e}"))
            .state;
    }
    state
}

fn texts(story: &Story, state: &GameState) -> Vec<String> {
    let scene = story.scene(&state.scene).expect("scene");
    engine::passage(story, scene, state)
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn a_chain_shows_the_first_paragraph_whose_condition_holds_and_else_when_none_did() {
    let story = forms();
    let start = play(&story, 1, &[]);
    assert!(texts(&story, &start).contains(&"Nothing yet.".to_owned()));
    let rain = play(&story, 1, &["rain"]);
    let shown = texts(&story, &rain);
    assert!(shown.contains(&"It rains.".to_owned()));
    assert!(!shown.contains(&"Nothing yet.".to_owned()));
    let both = play(&story, 1, &["rain", "learn"]);
    let shown = texts(&story, &both);
    assert!(shown.contains(&"I know.".to_owned()));
    assert!(
        !shown.contains(&"It rains.".to_owned()),
        "only the first that holds"
    );
}

#[test]
fn line_breaks_and_their_indentation_fold_into_one_space() {
    let story = forms();
    assert_eq!(texts(&story, &play(&story, 1, &[]))[0], "Plain, and folded.");
}

#[test]
fn seq_cycle_and_once_follow_the_visits_of_the_scene() {
    let story = forms();
    let line = |choices: &[&str]| {
        texts(&story, &play(&story, 1, choices))
            .into_iter()
            .find(|t| t.starts_with("Visit"))
            .expect("the visit line")
    };
    assert_eq!(line(&[]), "Visit one, a, first.");
    assert_eq!(line(&["learn"]), "Visit two, b, second.");
    assert_eq!(line(&["learn", "learn"]), "Visit three, a, .");
    assert_eq!(line(&["learn", "learn", "learn"]), "Visit three, b, .");
}

#[test]
fn inline_conditions_named_and_negated_and_in_labels() {
    let story = forms();
    let start = play(&story, 1, &[]);
    assert!(texts(&story, &start).contains(&"Not known. Neither.".to_owned()));
    let scene = story.scene("hall").expect("hall");
    assert_eq!(engine::label(&story, &scene.choices[0], &start).text, "Learn");
    let knows = play(&story, 1, &["learn"]);
    assert!(
        texts(&story, &knows).contains(&"Either.".to_owned()),
        "nothing shown closes up"
    );
    assert_eq!(
        engine::label(&story, &scene.choices[0], &knows).text,
        "Learn again"
    );
}

#[test]
fn emphasis_is_italic_ranges_over_the_words_without_asterisks_and_escapes_write_characters() {
    let story = forms();
    let state = play(&story, 1, &[]);
    let scene = story.scene("hall").expect("hall");
    let shown = engine::passage(&story, scene, &state)
        .into_iter()
        .find(|s| s.text.starts_with("A "))
        .expect("the emphasis line");
    assert_eq!(shown.text, "A bold step * and {braces}.");
    assert_eq!(&shown.text[shown.emphasis[0].clone()], "bold");
    assert_eq!(shown.emphasis.len(), 1);
}

#[test]
fn reflections_render_named_conditions_and_emphasis() {
    let story = forms();
    let state = play(&story, 1, &["rain", "on", "end"]);
    assert_eq!(
        engine::reflection(&story, &state, "the_hall").as_deref(),
        Some("It was wet and I did not know.")
    );
}

#[test]
fn shuffle_draws_from_the_seeded_generator_and_a_replay_is_exact() {
    let story = forms();
    let colours = ["red", "green", "blue", "white"];
    let colour = |state: &GameState| {
        texts(&story, state)
            .into_iter()
            .find(|t| colours.contains(&t.as_str()))
            .expect("a colour")
    };
    let choices = ["learn", "learn", "learn", "learn", "learn", "learn"];
    let mut seen = Vec::new();
    let mut state = play(&story, 9, &[]);
    seen.push(colour(&state));
    for c in choices {
        state = engine::choose(&story, &state, c).expect("choose").state;
        assert_eq!(state.picks.len(), 1, "one pick per shuffle, drawn on entering");
        seen.push(colour(&state));
    }
    assert!(
        seen.iter().collect::<std::collections::HashSet<_>>().len() > 1,
        "{seen:?}"
    );
    // The same seed and choices show the same colours, in a fresh game and in a
    // replay of the log from the start.
    let again: Vec<String> = (0..=choices.len())
        .map(|n| colour(&play(&story, 9, &choices[..n])))
        .collect();
    assert_eq!(again, seen);
    let start = engine::start(&story, 9).expect("start").state;
    let replayed = replay::run(&story, start, &state.log);
    assert!(replayed.divergence.is_none());
    assert_eq!(replayed.state, state);
    assert_eq!(colour(&replayed.state), seen[choices.len()]);
    // The picks are kept in a save and come back with it.
    let text = ron::to_string(&state).expect("serialise");
    let back: GameState = ron::from_str(&text).expect("deserialise");
    assert_eq!(colour(&back), seen[choices.len()]);
}

#[test]
fn back_returns_to_the_scene_the_player_came_from_entering_it_again() {
    let story = forms();
    let from_hall = play(&story, 1, &["rain", "side", "back"]);
    assert_eq!(from_hall.scene, "hall");
    assert_eq!(from_hall.visits("hall"), 3, "going back enters the scene again");
    let offered: Vec<&str> = engine::offered(&story, story.scene("hall").expect("hall"), &from_hall)
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        !offered.contains(&"rain"),
        "once-only choices already taken stay taken"
    );
    let from_yard = play(&story, 1, &["on", "side_from_yard", "back"]);
    assert_eq!(from_yard.scene, "yard");
    assert!(from_yard.returns.is_empty());
    // Started in the side room, there is nowhere to go back to: Back is not offered.
    let warped = engine::start_at(&story, 1, "side").expect("warp").state;
    assert_eq!(
        engine::offered(&story, story.scene("side").expect("side"), &warped).count(),
        0
    );
    // The inspector follows the engine's one rule, and says why.
    let inspection = hailsham::inspect::inspect(&story, &warped).expect("inspects");
    assert!(inspection.choices.iter().all(|c| !c.offered));
    assert!(
        inspection
            .to_string()
            .contains("[hidden: there is no scene to go back to]"),
        "{inspection}"
    );
}

#[test]
fn back_that_could_lead_to_an_earlier_era_is_refused() {
    let scenes = SCENES.replace(
        r#"Scene(id: "last", era: "later", title: "Last", text: ["The end."], ending: "done"),"#,
        r#"Scene(id: "last", era: "later", title: "Last", text: ["The end."], ending: "done"),
    Scene(id: "later_side", era: "later", title: "Later", text: ["x"], choices: [Choice(id: "b", label: "b", to: Back)]),"#,
    )
    .replace(r#"to: "last"),"#, r#"to: "last"),
            Choice(id: "ahead", label: "Ahead", to: "later_side"),"#);
    let report = load(MANIFEST, &scenes).expect_err("refused");
    let line = scenes
        .lines()
        .position(|l| l.contains("later_side\", era"))
        .expect("line")
        + 1;
    let col = scenes
        .lines()
        .nth(line - 1)
        .expect("line")
        .find("Back")
        .expect("Back")
        + 1;
    let help = assert_at(&report, "may go back in time", "scenes.ron", line, col);
    assert!(help.is_some_and(|h| h.contains("eras only move forward")));
}

fn position(text: &str, needle: &str) -> (usize, usize) {
    common::position_of(text, needle, 0)
}

#[test]
fn else_or_else_if_without_an_if_is_an_error_at_its_head() {
    let report = broken(
        r#"Else("Nothing yet."),"#,
        r#"Else("Nothing yet."), Else("Twice."),"#,
    );
    let text = SCENES.replacen(
        r#"Else("Nothing yet."),"#,
        r#"Else("Nothing yet."), Else("Twice."),"#,
        1,
    );
    let (line, col) = position(&text, "Else(\"Twice");
    assert_at(
        &report,
        "Else does not follow an If or ElseIf",
        "scenes.ron",
        line,
        col,
    );
    let report = broken(
        r#"            If(Is("knows"), "I know."),"#,
        r#"            "I know.","#,
    );
    let (line, col) = position(SCENES, "ElseIf(");
    assert_at(
        &report,
        "ElseIf does not follow an If or ElseIf",
        "scenes.ron",
        line,
        col,
    );
}

#[test]
fn an_unknown_name_in_text_is_an_error_at_its_exact_column_with_did_you_mean() {
    let report = broken("{!knows ? Not known.}", "{!knws ? Not known.}");
    let text = SCENES.replacen("{!knows ? Not known.}", "{!knws ? Not known.}", 1);
    let (line, col) = position(&text, "knws");
    let help = assert_at(&report, "unknown condition 'knws'", "scenes.ron", line, col);
    assert_eq!(help.as_deref(), Some("did you mean 'knows'?"));
    // Escapes before it in the literal are counted as written, not as decoded.
    let report = broken(
        r#""A *bold* step \\* and \\{braces\\}.""#,
        r#""A \"q\" \\* {knws ? x}""#,
    );
    let text = SCENES.replacen(
        r#""A *bold* step \\* and \\{braces\\}.""#,
        r#""A \"q\" \\* {knws ? x}""#,
        1,
    );
    let (line, col) = position(&text, "knws");
    assert_at(&report, "unknown condition 'knws'", "scenes.ron", line, col);
    let report = broken(r#"If(Is("knows"), "I know."),"#, r#"If(Is("know"), "I know."),"#);
    let text = SCENES.replacen(r#"If(Is("knows")"#, r#"If(Is("know")"#, 1);
    let (line, col) = position(&text, "\"know\"");
    assert_at(&report, "unknown condition 'know'", "scenes.ron", line, col);
}

#[test]
fn unclosed_forms_and_emphasis_are_errors_at_their_columns() {
    let cases = [
        ("{cycle: a | b}", "{cycle: a | b", "{cycle", "'{' is not closed"),
        (
            "A *bold* step",
            "A *bold step",
            "*bold",
            "emphasis started with '*' is not closed",
        ),
        (
            "{once: first | second}",
            "{twice: first}",
            "{twice",
            "starts neither a condition nor a variation",
        ),
    ];
    for (from, to, at, message) in cases {
        let report = broken(from, to);
        let text = SCENES.replacen(from, to, 1);
        let (line, col) = position(&text, at);
        assert_at(&report, message, "scenes.ron", line, col);
    }
}

#[test]
fn reflections_cannot_vary_and_named_conditions_cannot_loop() {
    let manifest = MANIFEST.replace("It was a hall.", "It was {seq: a | b}.");
    let report = load(&manifest, SCENES).expect_err("refused");
    let (line, col) = position(&report.sources[0].text, "{seq");
    assert_at(&report, "cannot vary a reflection", "story.ron", line, col);
    let manifest = MANIFEST.replace(r#""knows": Knows("secret"),"#, r#""knows": Is("either"),"#);
    let report = load(&manifest, SCENES).expect_err("refused");
    assert!(
        report.render().contains("is defined in terms of itself"),
        "{}",
        report.render()
    );
    let manifest = MANIFEST.replace(
        r#""rainy_day": Flag("rain"),"#,
        r#""rainy_day": Flag("rain"), "knows": Flag("x"),"#,
    );
    let report = load(&manifest, SCENES).expect_err("refused");
    let (line, col) = position(&report.sources[0].text, r#""knows": Flag"#);
    assert_at(
        &report,
        "condition 'knows' is already named",
        "story.ron",
        line,
        col,
    );
}

#[test]
fn named_conditions_in_a_pack_are_usable_and_unknown_ids_there_say_pack_ron() {
    let mut sources = sources(MANIFEST, SCENES);
    sources.packs.push(common::pack(
        r#"Pack(id: "p", conditions: { "told": Knows("secret") }, extend: [
            Extend(scene: "yard", choices: [Choice(id: "tell", label: "Tell{told ? , again}", when: Is("told"), to: "yard")]),
        ])"#,
        &[r#"[Scene(id: "p_scene", era: "school", title: "P", text: [If(Has("nothing"), "x")], choices: [Choice(id: "x", label: "x", to: "yard")])]"#],
    ));
    let report = story::load(sources).expect_err("the unknown keepsake");
    let at = report
        .sources
        .last()
        .expect("the pack's scenes")
        .text
        .find("\"nothing")
        .expect("there")
        + 1;
    let help = assert_at(&report, "unknown keepsake 'nothing'", "pack/scenes0.ron", 1, at);
    assert_eq!(help.as_deref(), Some("declare it in pack.ron under `keepsakes`"));
    assert_eq!(
        report.errors().count(),
        1,
        "Is(\"told\") and {{told ? …}} resolve:\n{}",
        report.render()
    );
}

#[test]
fn explore_lists_text_no_state_shows_with_its_position() {
    let scenes = SCENES.replace(
        r#"Else("Nothing yet."),"#,
        r#"Else("Nothing yet."),
            If(Flag("never_set"), "Never {knows ? a | b}."),"#,
    );
    let story = load(MANIFEST, &scenes).expect("loads").story;
    let options = hailsham::walk::ExploreOptions {
        seed: 1,
        max_states: 10_000,
        max_steps: 100,
    };
    let report = hailsham::walk::explore(&story, &options);
    let found: Vec<String> = report
        .texts_never_shown
        .iter()
        .map(|t| format!("{}:{}:{} {}", t.file, t.line, t.column, t.what))
        .collect();
    let (line, col) = position(&scenes, "\"Never");
    let (_, brace) = position(&scenes, "{knows ? a | b}");
    assert_eq!(
        found,
        vec![
            format!("forms/school/scenes.ron:{line}:{col} paragraph 5 of scene 'hall'"),
            format!("forms/school/scenes.ron:{line}:{brace} {{knows ? …}} when it holds"),
            format!("forms/school/scenes.ron:{line}:{brace} {{knows ? … | …}} otherwise"),
        ],
        "{report}"
    );
    assert!(
        report
            .to_string()
            .contains(&format!("forms/school/scenes.ron:{line}:{col}: paragraph 5"))
    );
}

#[test]
fn a_named_condition_nothing_uses_is_a_warning_at_its_name() {
    let manifest = MANIFEST.replace(
        r#""rainy_day": Flag("rain"),"#,
        r#""rainy_day": Flag("rain"), "unused": Flag("rain"),"#,
    );
    let loaded = load(&manifest, SCENES).expect("loads");
    let (line, col) = position(&loaded.report.sources[0].text, r#""unused""#);
    let help = assert_at(
        &loaded.report,
        "condition 'unused' is named but never used",
        "story.ron",
        line,
        col,
    );
    assert!(help.is_some_and(|h| h.contains("Is(\"unused\")")));
    assert_eq!(loaded.report.warnings().count(), 1, "{}", loaded.report.render());
}

#[test]
fn the_inspector_traces_inline_conditions_too() {
    let story = forms();
    let state = play(&story, 1, &[]);
    let inspection = hailsham::inspect::inspect(&story, &state).expect("a scene");
    let inline: Vec<(&str, bool)> = inspection
        .paragraphs
        .iter()
        .filter(|p| p.excerpt.starts_with('{'))
        .map(|p| (p.excerpt.as_str(), p.shown))
        .collect();
    assert!(
        inline
            .iter()
            .any(|(e, shown)| e.starts_with("{!knows ? …} in “") && *shown),
        "{inline:?}"
    );
    assert!(
        inline
            .iter()
            .any(|(e, shown)| e.starts_with("{knows ? …} in “Learn") && !*shown),
        "{inline:?}"
    );
    assert!(inspection.reads.knowledge.contains("secret"));
}
