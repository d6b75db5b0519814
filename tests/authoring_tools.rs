//! graph, warp (--scene/--set), the inspector, and hot reload.

mod common;

use std::time::Duration;

use common::*;
use hailsham::session::Session;
use hailsham::watch::{self, Reload, ReloadNote, Reloader};
use hailsham::{graph, inspect, walk, warp};

#[test]
fn dot_has_era_clusters_endings_and_dashed_conditional_choices() {
    let story = example().story;
    let dot = graph::dot(&story, None);
    assert!(dot.starts_with("digraph \"example\" {"));
    assert!(
        dot.contains("subgraph cluster_0 {\n    label=\"The carer years\";"),
        "{dot}"
    );
    assert!(
        dot.contains(
            "\"home\" [label=\"Home before dark\\n(home)\\nEND: Home Before Dark\", shape=doubleoctagon];"
        ),
        "{dot}"
    );
    assert!(dot.contains("\"talk\" -> \"talk\" [label=\"Ask him about the rumour (once)\", style=dashed, tooltip=\"when Not(Flag(\\\"asked\\\"))\"];"), "{dot}");
    assert!(dot.contains("\"lay_by\" -> \"talk\" [label=\"Pour him a cup\"];"));
    assert!(dot.contains("\"__start\" -> \"lay_by\";"));
    assert!(dot.trim_end().ends_with('}'));
}

#[test]
fn mermaid_has_subgraphs_ending_shapes_and_dotted_conditional_edges() {
    let story = example().story;
    let m = graph::mermaid(&story, None);
    assert!(m.starts_with("flowchart TD\n"));
    assert!(m.contains("  subgraph era0 [\"The carer years\"]"), "{m}");
    assert!(
        m.contains("    s2{{\"Home before dark<br/>(home)<br/>END: Home Before Dark\"}}"),
        "{m}"
    );
    assert!(
        m.contains("  s1 -.->|\"Ask him about the rumour (once)\"| s1"),
        "{m}"
    );
    assert!(m.contains("  s0 -->|\"Pour him a cup\"| s1"), "{m}");
}

#[test]
fn coverage_shades_scenes_and_marks_the_unreached() {
    let story = example().story;
    let mut report = walk::random(
        &story,
        walk::WalkOptions {
            runs: 10,
            seed: 0,
            max_steps: 50,
            threads: 1,
        },
    );
    report.scenes.entry("talk".into()).or_default().runs = 0;
    let dot = graph::dot(&story, Some(&report));
    assert!(dot.contains("reached in 100.0% of runs"), "{dot}");
    assert!(dot.contains("fillcolor=gray35"), "{dot}");
    assert!(dot.contains("never reached"), "{dot}");
    let m = graph::mermaid(&story, Some(&report));
    assert!(m.contains("style s1 fill:#f4cccc"), "{m}");
}

#[test]
fn warp_starts_anywhere_with_the_state_given() {
    let story = example().story;
    let sets = [
        "flag.asked=true",
        "tommy.closeness=3",
        "memory.the_lay_by=sore",
        "has.flask=true",
    ]
    .map(String::from);
    let state = warp::start(&story, 1, Some("talk"), &sets).expect("warps");
    assert_eq!(state.scene, "talk");
    assert!(state.flags.contains("asked"));
    assert_eq!(state.relationship("tommy", "closeness"), Some(3));
    assert_eq!(state.memories["the_lay_by"].tone, "sore");
    assert!(state.keepsakes.contains("flask"));
    let session = Session::resume(story, state).expect("resumes");
    let ids: Vec<_> = session.offered().iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["go"], "'again' is hidden because 'asked' is set");
}

#[test]
fn warp_explains_unknown_names_and_bad_values() {
    let story = example().story;
    let err = |s: &str| {
        warp::start(&story, 1, None, &[s.to_owned()])
            .expect_err(s)
            .to_string()
    };
    assert!(err("tomy.closeness=1").contains("did you mean 'tommy.closeness'?"));
    assert!(err("tommy.closness=1").contains("did you mean 'tommy.closeness'?"));
    assert!(err("tommy.closeness=9").contains("is not a whole number from -5 to 5"));
    assert!(err("memory.the_lay_by=happy").contains("a tone (warm, sore) or none"));
    assert!(err("knows.heard_rumor=true").contains("did you mean 'knows.heard_rumour'?"));
    assert!(err("flag.x=maybe").contains("is not true or false"));
    assert!(err("asked").contains("needs the form NAME=VALUE"));
    let e = warp::start(&story, 1, Some("tlak"), &[])
        .expect_err("scene")
        .to_string();
    assert!(e.contains("no scene 'tlak'; did you mean 'talk'?"), "{e}");
}

#[test]
fn the_inspector_evaluates_each_condition_part_by_part() {
    let story = example().story;
    let sets = ["flag.asked=true".to_owned(), "tommy.closeness=2".to_owned()];
    let state = warp::start(&story, 1, Some("talk"), &sets).expect("warps");
    let i = inspect::inspect(&story, &state).expect("a scene");
    let again = &i.choices[0];
    assert!(!again.offered);
    let trace = again.condition.as_ref().expect("condition");
    let rows: Vec<_> = trace
        .rows()
        .iter()
        .map(|(d, t)| (*d, t.text.clone(), t.holds))
        .collect();
    assert_eq!(
        rows,
        [(0, "Not".into(), false), (1, "Flag(\"asked\")".into(), true)]
    );
    assert!(i.choices[1].offered && i.choices[1].condition.is_none());
    assert!(i.reads.flags.contains("asked") && i.writes.flags.contains("asked"));
    assert!(i.reads.relationships.contains("tommy.closeness"));
    let text = i.to_string();
    for line in [
        "Inspector: scene 'talk' \"Talk\"",
        "  again \"Ask him about the rumour\" -> talk  [hidden: its condition fails]",
        "    no  Not",
        "    yes   Flag(\"asked\")  (set)",
        "    yes Rel(\"tommy\", \"closeness\", Ge, 1)  (tommy.closeness is 2)",
        "Reads:\n  flags: asked\n  relationships: tommy.closeness",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn the_reloader_sees_an_edit_and_a_broken_edit() {
    let dir = TempDir::new("watch").with_example();
    let story = hailsham::story::load(hailsham::story::read_dir(dir.path()).expect("reads")).expect("loads");
    let mut session = Session::new(story.story, 1).expect("starts");
    let mut reloader = Reloader::new(&[dir.path().to_path_buf()]).expect("watches");
    std::thread::sleep(Duration::from_millis(100));

    let scenes = std::fs::read_to_string(dir.path().join("carer/drive.ron")).expect("read");
    dir.write(
        "carer/drive.ron",
        &scenes.replacen("Pour him a cup", "Pour him a cup of tea", 1),
    );
    let reload = reloader.wait_reload(Duration::from_secs(10)).expect("a reload");
    let note = watch::apply(&mut session, reload);
    assert!(matches!(note, ReloadNote::Reloaded { warnings: 0 }), "{note:?}");
    assert_eq!(note.message(), "Story reloaded.");
    assert_eq!(session.offered()[0].label(), "Pour him a cup of tea");
    assert_eq!(session.state().scene, "lay_by");
    // Reading the files for the reload is not itself a change.
    std::thread::sleep(Duration::from_millis(500));
    assert!(reloader.try_reload().is_none(), "a reload without a change");

    dir.write(
        "carer/drive.ron",
        &scenes.replacen("to: \"talk\"", "to: \"tlak\"", 1),
    );
    let reload = reloader.wait_reload(Duration::from_secs(10)).expect("a reload");
    let Reload::Broken(report) = &reload else {
        panic!("expected a broken story")
    };
    assert!(report.render().contains("unknown scene 'tlak'"));
    let note = watch::apply(&mut session, reload);
    assert!(matches!(note, ReloadNote::Broken(_)));
    assert_eq!(
        session.offered()[0].label(),
        "Pour him a cup of tea",
        "the old story is kept"
    );

    session.choose("pour").expect("chooses");
    dir.write("carer/drive.ron", &scenes.replace("\"talk\"", "\"chat\""));
    let note = watch::apply(
        &mut session,
        reloader.wait_reload(Duration::from_secs(10)).expect("reload"),
    );
    assert!(
        matches!(note, ReloadNote::SceneGone { ref scene } if scene == "talk"),
        "{note:?}"
    );
    assert_eq!(session.scene().map(|s| s.title.as_str()), Ok("Talk"));
}

/// A reload source that yields its reloads, one per poll.
struct Scripted(Vec<Reload>);

impl watch::ReloadSource for Scripted {
    fn poll(&mut self) -> Option<Reload> {
        self.0.pop()
    }
}

#[test]
fn the_plain_player_reloads_between_commands_and_shows_diagnostics() {
    let edited_ok =
        hailsham::story::load(edited("drive.ron", "Pour him a cup", "Pour him tea")).expect("loads");
    let broken = load_err(edited("drive.ron", "to: \"home\"", "to: \"hme\""));
    let session = Session::new(example().story, 1).expect("starts");
    let source = Scripted(vec![Reload::Broken(broken), Reload::Loaded(Box::new(edited_ok))]);
    let mut out = Vec::new();
    let mut player = hailsham::plain::Player::new(session, &mut out).watching(Box::new(source));
    player.run("1\nlook\ni\n".as_bytes()).expect("runs");
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("Story reloaded.\n\n== A lay-by =="), "{out}");
    assert!(out.contains("1. Pour him tea"), "{out}");
    assert!(out.contains("so that choice was not taken"), "{out}");
    assert!(out.contains("The edited story has errors"), "{out}");
    assert!(out.contains("error: unknown scene 'hme'"), "{out}");
    assert!(out.contains("Inspector: scene 'lay_by'"), "{out}");
}
