//! Replay: verifying saves against edited stories, naming the step where they part,
//! migrations, loading saves of an edited story, and the replay driver.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;

use hailsham::replay::{self, DivergenceKind, Migrations, Replay};
use hailsham::save::SaveFile;
use hailsham::session::{RestoreNotice, Session};
use hailsham::story::{self, Story, StorySources};

/// A save of the example: pour, ask, go (three choices, with a chance roll).
fn recorded() -> SaveFile {
    let mut s = Session::new(common::example().story, 11).unwrap();
    for choice in ["pour", "again", "go"] {
        s.choose(choice).unwrap();
    }
    s.to_save(0)
}

fn story_of(sources: StorySources) -> Story {
    story::load(sources).unwrap().story
}

#[test]
fn an_unedited_story_verifies() {
    let save = recorded();
    let verified = replay::verify(&common::example().story, &save, &Migrations::default()).unwrap();
    assert_eq!(verified.steps, 3);
    assert_eq!(verified.state, save.state);
}

#[test]
fn a_choice_renamed_is_named_at_its_step() {
    let story = story_of(common::edited("drive.ron", "id: \"again\"", "id: \"ask\""));
    let d = replay::verify(&story, &recorded(), &Migrations::default()).unwrap_err();
    assert_eq!(
        (d.step, d.scene.as_str(), d.choice.as_deref()),
        (2, "talk", Some("again"))
    );
    assert!(matches!(&d.kind, DivergenceKind::ChoiceGone { offered } if offered == &["ask", "go"]));
    assert_eq!(
        d.to_string(),
        "at step 2 (scene 'talk', choice 'again'): the scene no longer has this choice (it offers: ask, go)"
    );
}

#[test]
fn a_choice_no_longer_offered_is_named_at_its_step() {
    let story = story_of(common::edited(
        "drive.ron",
        "when: Not(Flag(\"asked\"))",
        "when: Flag(\"asked\")",
    ));
    let d = replay::verify(&story, &recorded(), &Migrations::default()).unwrap_err();
    assert_eq!(d.step, 2);
    assert!(matches!(d.kind, DivergenceKind::ChoiceNotOffered { .. }), "{d}");
}

#[test]
fn a_changed_effect_is_named_at_the_first_step_whose_state_differs() {
    let story = story_of(common::edited(
        "drive.ron",
        "Adjust(\"tommy\", \"closeness\", 1)",
        "Adjust(\"tommy\", \"closeness\", 2)",
    ));
    let d = replay::verify(&story, &recorded(), &Migrations::default()).unwrap_err();
    assert_eq!((d.step, d.choice.as_deref()), (1, Some("pour")));
    assert!(matches!(d.kind, DivergenceKind::StateDiffers { .. }), "{d}");

    // Without the timeline's fingerprints, the difference shows in the final state.
    let mut bare = recorded();
    bare.timeline = None;
    let d = replay::verify(&story, &bare, &Migrations::default()).unwrap_err();
    assert_eq!(d.step, 3);
    let DivergenceKind::StateDiffers { fields } = &d.kind else {
        panic!("{d}")
    };
    assert!(fields.contains(&"relationships"), "{fields:?}");
}

#[test]
fn a_scene_renamed_breaks_the_save_until_a_migration_maps_it() {
    let renamed = common::example_sources();
    let mut sources = renamed;
    for f in &mut sources.scene_files {
        f.text = f.text.replace("\"talk\"", "\"chat\"");
    }
    let story = story_of(sources);
    let save = recorded();
    let d = replay::verify(&story, &save, &Migrations::default()).unwrap_err();
    assert_eq!(d.step, 1, "{d}");

    let migrations =
        Migrations::parse(r#"Migrations(scenes: { "talk": "chat" })"#, "migrations.ron").unwrap();
    let verified = replay::verify(&story, &save, &migrations).unwrap();
    assert_eq!(verified.state.scene, "home");
    // Loading re-derives silently: the migrated state is the same.
    let restored = Session::from_save(story, &save, &migrations).unwrap();
    assert_eq!(restored.notice, None);
    assert_eq!(restored.session.state().visits.get("chat"), Some(&2));
}

#[test]
fn memory_and_choice_renames_migrate_too() {
    let mut sources = common::example_sources();
    sources.manifest.text = sources.manifest.text.replace("the_lay_by", "tea");
    for f in &mut sources.scene_files {
        f.text = f
            .text
            .replace("the_lay_by", "tea")
            .replace("id: \"again\"", "id: \"ask\"");
    }
    let story = story_of(sources);
    let migrations = Migrations::parse(
        r#"Migrations(memories: { "the_lay_by": "tea" }, choices: [Choice(scene: "talk", from: "again", to: "ask")])"#,
        "migrations.ron",
    )
    .unwrap();
    let verified = replay::verify(&story, &recorded(), &migrations).unwrap();
    assert!(verified.state.memories.contains_key("tea"));
}

#[test]
fn loading_a_save_that_no_longer_fits_resumes_at_the_last_point_that_does() {
    let story = story_of(common::edited("drive.ron", "id: \"again\"", "id: \"ask\""));
    let save = recorded();
    let restored = Session::from_save(story, &save, &Migrations::default()).unwrap();
    let Some(RestoreNotice::Broken {
        divergence,
        resumed_at,
        ..
    }) = &restored.notice
    else {
        panic!("{:?}", restored.notice)
    };
    assert_eq!((divergence.step, *resumed_at), (2, 1));
    assert_eq!(restored.session.state().log.len(), 1);
    assert_eq!(restored.session.state().scene, "talk");
    let message = restored.notice.as_ref().unwrap().message();
    assert!(message.contains("after 1 choice."), "{message}");
}

#[test]
fn a_side_branch_that_no_longer_fits_is_left_out_and_counted() {
    let mut s = Session::new(common::example().story, 2).unwrap();
    s.choose("pour").unwrap();
    s.choose("again").unwrap();
    s.undo().unwrap();
    s.choose("go").unwrap();
    let story = story_of(common::edited("drive.ron", "id: \"again\"", "id: \"ask\""));
    let restored = Session::from_save(story, &s.to_save(0), &Migrations::default()).unwrap();
    assert_eq!(restored.notice, Some(RestoreNotice::Rederived { dropped: 1 }));
    assert_eq!(restored.session.timeline().nodes().len(), 3);
}

#[test]
fn the_driver_yields_one_frame_per_scene_with_the_choice_taken() {
    let story = common::example().story;
    let save = recorded();
    let frames: Vec<_> = Replay::from_seed(&story, save.seed, save.log.clone())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let scenes: Vec<&str> = frames.iter().map(|f| f.scene.as_str()).collect();
    assert_eq!(scenes, ["lay_by", "talk", "talk", "home"]);
    assert_eq!(frames[0].chosen.as_ref().unwrap().label, "Pour him a cup");
    assert_eq!(frames[0].heading, "Now, The A-road outside Dover");
    assert_eq!(frames[3].ending.as_deref(), Some("Home Before Dark"));
    assert!(frames[3].chosen.is_none());
    assert!(
        frames[1]
            .events
            .iter()
            .any(|e| matches!(e, hailsham::engine::Event::KeepsakeGained { .. }))
    );

    // On an edited story it stops with the divergence, once.
    let edited = story_of(common::edited("drive.ron", "id: \"go\"", "id: \"leave\""));
    let results: Vec<_> = Replay::from_seed(&edited, save.seed, save.log).unwrap().collect();
    assert_eq!(results.len(), 4);
    assert_eq!(results[3].as_ref().unwrap_err().step, 3);
}
