//! The built-in story played through the library along fixed paths: at every scene the
//! player takes the first offered choice named in the path's list of preferences, and
//! otherwise the first choice offered. Each path must pass through the scenes that make
//! it what it is and arrive where it should: one through Acts I and II, and one to each
//! ending. Preferences are choice ids, so edits to the prose do not break these, while a
//! scene rerouted, a choice renamed or a condition that now hides a choice does.
#![allow(clippy::unwrap_used)] // tests may fail loudly

use hailsham::session::Session;
use hailsham::story;

/// What one playthrough saw.
struct Played {
    scenes: Vec<String>,
    choices: Vec<String>,
    ending: Option<String>,
    session: Session,
}

impl Played {
    fn visited(&self, scene: &str) -> bool {
        self.scenes.iter().any(|s| s == scene)
    }

    fn knows(&self, knowledge: &str) -> bool {
        self.session.state().knowledge.contains(knowledge)
    }

    fn flag(&self, flag: &str) -> bool {
        self.session.state().flags.contains(flag)
    }

    fn has(&self, keepsake: &str) -> bool {
        self.session.state().keepsakes.contains(keepsake)
    }

    fn tone(&self, memory: &str) -> Option<&str> {
        self.session.state().memories.get(memory).map(|m| m.tone.as_str())
    }
}

/// Plays the built-in story with `seed`, preferring the choices in `prefer` (earliest
/// in the list first) and otherwise taking the first choice offered, to an ending.
fn play(seed: u64, prefer: &[&str]) -> Played {
    play_until(seed, prefer, None)
}

/// As `play`, stopping as soon as the scene `until` is entered.
fn play_until(seed: u64, prefer: &[&str], until: Option<&str>) -> Played {
    let story = story::load_embedded().unwrap().story;
    let mut session = Session::new(story, seed).unwrap();
    let mut scenes = vec![session.state().scene.clone()];
    let mut choices = Vec::new();
    for _ in 0..500 {
        if session.ending().is_some() || until == Some(session.state().scene.as_str()) {
            break;
        }
        let offered: Vec<String> = session.offered().iter().map(|c| c.id.clone()).collect();
        assert!(
            !offered.is_empty(),
            "stuck in {} after {choices:?}",
            session.state().scene
        );
        let pick = prefer
            .iter()
            .find(|p| offered.iter().any(|o| o == *p))
            .map_or_else(|| offered[0].clone(), |p| (*p).to_string());
        session.choose(&pick).unwrap();
        choices.push(pick);
        scenes.push(session.state().scene.clone());
    }
    let ending = session.ending().map(str::to_string);
    Played {
        scenes,
        choices,
        ending,
        session,
    }
}

/// Act II by one side of its branch scenes: the winter with the veterans, the Norfolk
/// afternoon in the shops with Tommy, Ruth finding out, Jackie's form, both goodbyes.
const ACT_TWO: &[&str] = &[
    "cottages_as_holiday",
    "arrival_answer_chrissie",
    "evenings_with_veterans",
    "winter_help_chrissie",
    "ways_tell_ruth",
    "winter_confide",
    "road_every_turn",
    "news_glad_for_ruth",
    "drive_read_map",
    "cafe_let_it_stand",
    "possible_take_arm",
    "anger_stay_tommy",
    "shops_let_him_pay",
    "theory_believe",
    "secret_keep_it",
    "finds_go_after_her",
    "wedge_believe",
    "chrissie_promise",
    "decision_jackie",
    "jackie_tell_at_supper",
    "night_find_tommy",
    "tommy_real_goodbye",
    "night_go_to_ruth",
    "ruth_real_goodbye",
    "night_go_to_bed",
    "leaving_guarded",
];

/// Act III, reconciled with Ruth, handing Tommy over to another carer.
const ACT_THREE_MENDED: &[&str] = &[
    "drive_to_the_coast",
    "fence_map_on_bonnet",
    "years_asked_for_hailsham",
    "closed_kept_it",
    "hears_ask_at_once",
    "centre_talk_hailsham",
    "weeks_say_yes",
    "pickup_ruth_front",
    "boat_walk_with_ruth",
    "car_let_her_say_it",
    "says_forgive",
    "second_sit_up",
    "talk_promise",
    "completes_ring_tommy",
    "map_draw_kingsfield",
    "kingsfield_ask_to_see",
    "lovers_not_late",
    "months_theyre_good",
    "fear_say_well_go",
    "south_him_first",
    "door_wait",
    "emily_ask_gallery",
    "gallery_wait",
    "gallery_show_animals",
    "dance_tell_her",
    "field_hold_him",
    "after_field_home",
    "stop_agree",
    "hand_over_to_last_evening",
    "visitor_evening_say_it",
    "call_clear_room",
];

/// Act III, never reconciled, Tommy asked to run, a quarrel on the last evening.
const ACT_THREE_UNMENDED: &[&str] = &[
    "drive_to_the_coast",
    "fence_map_rolled",
    "years_took_whoever",
    "closed_let_it_be",
    "hears_wait",
    "centre_the_cottages",
    "weeks_ask_why",
    "pickup_tommy_front",
    "boat_stay_behind",
    "car_stop_her",
    "address_silent",
    "second_sit_up_unmended",
    "silence_hold_hand",
    "completes_next_donor",
    "map_leave_it_blank",
    "kingsfield_wait",
    "lovers_yes_late",
    "months_doubt",
    "fear_ask_to_run",
    "run_still_think",
    "south_you_first",
    "door_look_at_paintings",
    "emily_ask_why_bother",
    "gallery_ask_worth_it",
    "gallery_say_it_wasnt_enough",
    "dance_say_it_was_yours",
    "field_say_his_name",
    "after_field_home",
    "stop_agree",
    "hand_over_to_last_evening",
    "visitor_evening_quarrel",
    "call_first_donor",
];

/// One list of preferences from several acts' and the ending's.
fn path(acts: &[&[&'static str]], last: &'static str) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = acts.concat();
    all.push(last);
    all
}

#[test]
fn a_fixed_path_through_acts_one_and_two_reaches_the_carer_years_with_what_act_two_sets() {
    let played = play_until(1, ACT_TWO, Some("carer_frame_open"));
    for scene in [
        "frame_opening",
        "hailsham_health_talks",
        "hailsham_smoking",
        "hailsham_exchanges",
        "hailsham_collection",
        "hailsham_dancing",
        "hailsham_lucy_pavilion",
        "cottages_frame_open",
        "cottages_winter_veterans",
        "cottages_shops",
        "cottages_ruth_finds",
        "cottages_name_jackie",
        "cottages_goodbye_tommy",
        "cottages_goodbye_ruth",
        "carer_frame_open",
    ] {
        assert!(
            played.visited(scene),
            "never reached {scene}: {:?}",
            played.scenes
        );
    }
    for scene in [
        "cottages_winter_alone",
        "cottages_ruth_afternoon",
        "cottages_telling_ruth",
        "cottages_name_van",
    ] {
        assert!(!played.visited(scene), "the other side's {scene} was reached too");
    }
    for knowledge in [
        "told_donations",
        "lucy_recanted",
        "heard_deferral_rumour",
        "saw_possible",
        "tommy_gallery_theory",
        "ruth_wedge",
        "became_carer",
    ] {
        assert!(played.knows(knowledge), "never learned {knowledge}");
    }
    for flag in [
        "winter_with_veterans",
        "kathy_confided_in_ruth",
        "norfolk_with_tommy",
        "ruth_found_out",
        "believed_theory",
        "said_goodbye_tommy",
        "said_goodbye_ruth",
    ] {
        assert!(played.flag(flag), "{flag} is not set");
    }
    assert!(
        played.has("tape_found"),
        "they found the Norfolk copy: {:?}",
        played.choices
    );
    assert!(played.flag("tommy_paid_for_tape"));
    assert!(!played.has("tape"), "the Hailsham copy was lost in Act I");
    assert_eq!(played.tone("leaving_the_cottages"), Some("guarded"));
}

fn ends_in(played: &Played, ending: &str) {
    assert_eq!(
        played.ending.as_deref(),
        Some(ending),
        "ended elsewhere after {:?}",
        played.choices
    );
    assert!(played.visited("carer_holding_on"));
    assert!(played.knows("knows_no_deferrals") && played.knows("dance_explained"));
}

#[test]
fn holding_on_to_tommy_and_the_song_ends_in_never_let_me_go() {
    let played = play(1, &path(&[ACT_TWO, ACT_THREE_MENDED], "hold_tommy_and_the_song"));
    ends_in(&played, "never_let_me_go");
    assert!(played.knows("ruth_apologised"));
    assert!(played.visited("carer_ruth_says_it") && played.visited("carer_ruth_last_talk"));
    assert!(played.visited("carer_hand_over") && played.visited("carer_last_evening_visitor"));
}

#[test]
fn holding_on_to_ruth_once_mended_ends_in_what_i_keep() {
    let played = play(1, &path(&[ACT_TWO, ACT_THREE_MENDED], "hold_ruth_mended"));
    ends_in(&played, "what_i_keep");
    assert!(played.flag("reconciled_with_ruth"));
}

#[test]
fn holding_on_to_hailsham_leaves_the_map_in_the_lost_corner() {
    let played = play(1, &path(&[ACT_TWO, ACT_THREE_MENDED], "hold_hailsham"));
    ends_in(&played, "lost_corner");
}

#[test]
fn holding_on_to_the_work_ends_in_drive_on() {
    let played = play(1, &path(&[ACT_TWO, ACT_THREE_UNMENDED], "hold_the_work"));
    ends_in(&played, "drive_on");
    assert!(played.visited("carer_run"), "she asked him to run");
}

#[test]
fn holding_on_to_ruth_never_mended_ends_unforgiven() {
    let played = play(1, &path(&[ACT_TWO, ACT_THREE_UNMENDED], "hold_ruth_unmended"));
    ends_in(&played, "unforgiven");
    assert!(!played.knows("ruth_apologised"));
    assert!(played.visited("carer_ruth_address_only") && played.visited("carer_ruth_last_silence"));
}

#[test]
fn holding_on_to_tommy_after_a_quarrel_ends_in_what_i_keep() {
    let played = play(
        1,
        &path(&[ACT_TWO, ACT_THREE_UNMENDED], "hold_tommy_and_the_quarrel"),
    );
    ends_in(&played, "what_i_keep");
    assert_eq!(played.tone("tommy_completes"), Some("bitter"));
}

#[test]
fn staying_his_carer_to_the_end_plays_the_last_evening_as_his_carer() {
    let mut prefer = vec![
        "stop_ask_to_stay",
        "stay_on_to_last_evening",
        "carer_evening_give_tape",
    ];
    prefer.extend(path(&[ACT_TWO, ACT_THREE_MENDED], "hold_tommy_and_the_song"));
    let played = play(1, &prefer);
    ends_in(&played, "never_let_me_go");
    assert!(
        played.visited("carer_stay_on") && played.visited("carer_last_evening_carer"),
        "{:?}",
        played.scenes
    );
    assert!(!played.visited("carer_hand_over"));
    assert!(played.flag("gave_tape_to_tommy"));
}
