//! The rules: conditions, effects and transitions on the example story.

mod common;

use common::*;
use hailsham::engine::{self, EngineError, Event, GameState};
use hailsham::story::{Cmp, Condition, Story};

fn story() -> Story {
    example().story
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

#[test]
fn starting_enters_the_start_scene_and_applies_its_effects() {
    let story = story();
    let outcome = engine::start(&story, 1).expect("start");
    let s = &outcome.state;
    assert_eq!(s.scene, "lay_by");
    assert_eq!(s.era, "carer");
    assert_eq!(s.visits("lay_by"), 1);
    assert!(s.knowledge.contains("heard_rumour"));
    assert_eq!(s.rolls.len(), 1, "one Chance in the scene, one roll");
    assert_eq!(s.rng.position, 1);
    assert!(outcome.events.contains(&Event::Learned {
        knowledge: "heard_rumour".into()
    }));
    assert_eq!(s.relationship("tommy", "closeness"), Some(0));
}

#[test]
fn a_choice_applies_its_effects_logs_itself_and_enters_the_target() {
    let story = story();
    let start = engine::start(&story, 1).expect("start").state;
    let outcome = engine::choose(&story, &start, "pour").expect("pour");
    let s = &outcome.state;
    assert_eq!(s.scene, "talk");
    assert_eq!(s.log.len(), 1);
    assert_eq!(
        (s.log[0].scene.as_str(), s.log[0].choice.as_str()),
        ("lay_by", "pour")
    );
    assert_eq!(s.memories["the_lay_by"].tone, "warm");
    assert_eq!(s.relationship("tommy", "closeness"), Some(1));
    assert!(s.keepsakes.contains("flask"));
    assert_eq!(s.last_moves["tommy"].scene, "lay_by");
    assert_eq!(
        outcome.events,
        vec![
            Event::MemoryRecorded {
                memory: "the_lay_by".into(),
                tone: "warm".into(),
                previous_tone: None
            },
            Event::RelationshipMoved {
                character: "tommy".into(),
                axis: "closeness".into(),
                from: 0,
                to: 1
            },
            Event::KeepsakeGained {
                keepsake: "flask".into()
            },
            Event::SceneEntered { scene: "talk".into() },
        ]
    );
    assert_eq!(start.scene, "lay_by", "the old state is untouched");
}

#[test]
fn once_choices_disappear_after_they_are_taken() {
    let story = story();
    let s = play(&story, 1, &["pour"]);
    let scene = engine::current_scene(&story, &s).expect("scene");
    let ids: Vec<_> = engine::offered(&story, scene, &s)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["again", "go"]);
    let s = play(&story, 1, &["pour", "again"]);
    let ids: Vec<_> = engine::offered(&story, scene, &s)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["go"]);
    assert_eq!(s.visits("talk"), 2);
    let err = engine::choose(&story, &s, "again").expect_err("not offered");
    assert_eq!(
        err,
        EngineError::ChoiceNotOffered {
            scene: "talk".into(),
            choice: "again".into()
        }
    );
}

#[test]
fn text_varies_with_state() {
    let story = story();
    let warm = play(&story, 1, &["pour"]);
    let cold = play(&story, 1, &["drive_on"]);
    let scene = story.scene("talk").expect("talk");
    let text = |s: &GameState| {
        engine::passage(&story, scene, s)
            .into_iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(text(&warm).contains("He laughs"));
    assert!(!text(&warm).contains("looks out of the window"));
    assert!(text(&cold).contains("looks out of the window"));
}

#[test]
fn an_ending_stops_the_story() {
    let story = story();
    let s = play(&story, 1, &["pour", "go"]);
    assert_eq!(s.ending.as_deref(), Some("home"));
    assert_eq!(
        engine::choose(&story, &s, "go").expect_err("ended"),
        EngineError::Ended
    );
}

#[test]
fn relationships_are_clamped_to_their_range() {
    let story = story();
    let mut s = engine::start(&story, 1).expect("start").state;
    for _ in 0..20 {
        let scene = story.scene("lay_by").expect("scene");
        for e in &scene.choices[0].effects {
            let mut events = Vec::new();
            hailsham::engine::effect::apply(&story, &mut s, "lay_by", e, &mut events);
        }
    }
    assert_eq!(s.relationship("tommy", "closeness"), Some(5));
}

#[test]
fn remembering_again_with_another_tone_revises_the_memory() {
    let story = story();
    let mut s = play(&story, 1, &["pour"]);
    let mut events = Vec::new();
    let effect = hailsham::story::Effect::Remember("the_lay_by".into(), "sore".into());
    hailsham::engine::effect::apply(&story, &mut s, "talk", &effect, &mut events);
    assert_eq!(s.memories["the_lay_by"].tone, "sore");
    assert_eq!(s.memories["the_lay_by"].revised_at, Some(1));
    assert_eq!(
        events,
        vec![Event::MemoryRecorded {
            memory: "the_lay_by".into(),
            tone: "sore".into(),
            previous_tone: Some("warm".into())
        }]
    );
}

#[test]
fn the_newest_reflection_that_applies_is_shown() {
    let story = story();
    let warm = play(&story, 1, &["pour"]);
    // Knows("heard_rumour") is listed last and holds, so it wins over the tone's line.
    assert_eq!(
        engine::reflection(&story, &warm, "the_lay_by").as_deref(),
        Some("We talked about the rumour as if it were the weather.")
    );
    let mut forgetful = warm.clone();
    forgetful.knowledge.clear();
    assert_eq!(
        engine::reflection(&story, &forgetful, "the_lay_by").as_deref(),
        Some("I can still feel the warmth of the cup.")
    );
    forgetful.memories.get_mut("the_lay_by").expect("held").tone = "sore".into();
    assert_eq!(
        engine::reflection(&story, &forgetful, "the_lay_by").as_deref(),
        Some("It was only tea, and a grey afternoon.")
    );
}

#[test]
fn every_kind_of_condition_evaluates() {
    let story = story();
    let s = play(&story, 1, &["pour", "again"]);
    let t = |c: Condition| engine::holds(&story, &c, &s);
    assert!(t(Condition::Flag("asked".into())));
    assert!(!t(Condition::Flag("never".into())));
    assert!(t(Condition::Knows("heard_rumour".into())));
    assert!(t(Condition::Has("flask".into())));
    assert!(t(Condition::Remembers("the_lay_by".into())));
    assert!(t(Condition::RemembersAs("the_lay_by".into(), "warm".into())));
    assert!(!t(Condition::RemembersAs("the_lay_by".into(), "sore".into())));
    assert!(t(Condition::Visits("talk".into(), Cmp::Eq, 2)));
    assert!(!t(Condition::Visits("home".into(), Cmp::Ge, 1)));
    assert!(t(Condition::Rel("tommy".into(), "closeness".into(), Cmp::Gt, 0)));
    assert!(!t(Condition::Rel("tommy".into(), "closeness".into(), Cmp::Lt, 1)));
    assert!(t(Condition::Era("carer".into())));
    assert!(t(Condition::All(vec![
        Condition::Flag("asked".into()),
        Condition::Has("flask".into())
    ])));
    assert!(!t(Condition::All(vec![
        Condition::Flag("asked".into()),
        Condition::Flag("no".into())
    ])));
    assert!(t(Condition::Any(vec![
        Condition::Flag("no".into()),
        Condition::Has("flask".into())
    ])));
    assert!(t(Condition::Not(Box::new(Condition::Flag("no".into())))));
}

/// Chance reads this visit's roll: 100 always holds, 0 never does, and in between it
/// holds exactly when the roll is below the percentage. Checked in the start scene,
/// which has one Chance, over enough seeds to see both sides of the roll.
#[test]
fn chance_conditions_read_this_visits_roll() {
    let story = story();
    let chance = |percent, slot| Condition::Chance {
        percent,
        slot,
        name: None,
    };
    let mut seen = std::collections::HashSet::new();
    for seed in 0..50 {
        let s = play(&story, seed, &[]);
        assert_eq!(s.scene, "lay_by");
        assert_eq!(s.rolls.len(), 1, "one Chance in the scene, one roll");
        let roll = u32::from(s.rolls[0]);
        let t = |c: Condition| engine::holds(&story, &c, &s);
        assert!(t(chance(100, 0)), "seed {seed}");
        assert!(!t(chance(0, 0)), "seed {seed}");
        assert_eq!(t(chance(50, 0)), roll < 50, "seed {seed}, roll {roll}");
        assert!(t(chance(roll + 1, 0)), "seed {seed}, roll {roll}");
        assert!(!t(chance(roll, 0)), "seed {seed}, roll {roll}");
        // A slot the scene does not roll never holds.
        assert!(!t(chance(100, 1)), "seed {seed}");
        seen.insert(roll < 50);
    }
    assert_eq!(seen.len(), 2, "fifty seeds roll both above and below 50");
}

#[test]
fn the_same_seed_and_choices_give_the_same_state() {
    let story = story();
    let a = play(&story, 99, &["drive_on", "again", "go"]);
    let b = play(&story, 99, &["drive_on", "again", "go"]);
    assert_eq!(a, b);
    // Different seeds draw different rolls somewhere in the first few hundred seeds.
    let rolls: std::collections::HashSet<_> = (0..200)
        .map(|seed| engine::start(&story, seed).expect("start").state.rolls)
        .collect();
    assert!(rolls.len() > 50);
}

#[test]
fn a_state_round_trips_through_ron() {
    let story = story();
    let s = play(&story, 5, &["pour", "again"]);
    let text = ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).expect("serialise");
    let back: GameState = ron::from_str(&text).expect("deserialise");
    assert_eq!(back, s);
}

#[test]
fn a_named_roll_is_one_roll_however_often_it_is_named() {
    let sources = edited(
        "drive.ron",
        "If(Chance(50), \"A lorry goes by and the car rocks a little, the way it does.\"),",
        "If(Roll(\"rain\", 50), \"It is raining.\"), If(Not(Roll(\"rain\", 50)), \"It is dry.\"), If(Roll(\"rain\", 25), \"Hard rain.\"),",
    );
    let story = hailsham::story::load(sources).expect("loads").story;
    let scene = story.scene("lay_by").expect("scene");
    assert_eq!(scene.chance_slots, 1, "three mentions of 'rain', one roll");
    let shown = |seed| {
        let s = engine::start(&story, seed).expect("start").state;
        engine::passage(&story, scene, &s)
            .into_iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    let (mut wet, mut dry) = (0, 0);
    for seed in 0..200 {
        let text = shown(seed);
        let (rain, no_rain) = (
            text.contains(&"It is raining.".to_owned()),
            text.contains(&"It is dry.".to_owned()),
        );
        assert!(
            rain != no_rain,
            "seed {seed}: exactly one of the pair shows: {text:?}"
        );
        if text.contains(&"Hard rain.".to_owned()) {
            assert!(rain, "seed {seed}: under 25 is also under 50");
        }
        if rain { wet += 1 } else { dry += 1 }
    }
    assert!(wet > 50 && dry > 50, "{wet} wet, {dry} dry");
    let roll = scene.text[1].when.as_ref().expect("condition");
    assert_eq!(roll.to_string(), "Roll(\"rain\", 50)");
}

#[test]
fn a_game_begun_again_in_a_used_state_is_the_game_begun_afresh() {
    use hailsham::engine::core::{self, State};
    for story in [story(), hailsham::story::load_embedded().expect("built in").story] {
        let start = engine::scene_ix(&story, &story.start).expect("a start scene");
        let blank = State::blank(story.plan(), 0, start);
        let mut reused = blank.clone();
        for seed in 0..64_u64 {
            let fresh = core::begin(&story, seed, start, &mut ());
            core::begin_again(&story, seed, &blank, &mut reused, &mut ());
            assert_eq!(reused, fresh, "seed {seed}");
            // Step both alike for a while, so the next seed begins in a used state.
            let mut fresh = fresh;
            for n in 0..40_u64 {
                let offered: Vec<usize> = core::offered(story.plan(), &fresh).collect();
                let pick = usize::try_from((seed + n) % offered.len().max(1) as u64).unwrap_or(0);
                let Some(&ci) = offered.get(pick) else {
                    break;
                };
                core::step(&story, &mut fresh, ci, &mut ()).expect("a step");
                core::step(&story, &mut reused, ci, &mut ()).expect("a step");
                assert_eq!(reused, fresh, "seed {seed}, step {n}");
                if fresh.ending.is_some() {
                    break;
                }
            }
            assert!(fresh.step > 0, "seed {seed}: no choice was taken");
        }
    }
}
