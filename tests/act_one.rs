//! Act I, Hailsham, played along two fixed paths in plain mode: the scenes each path
//! passes through, in order, and what Kathy carries out of the act.
//!
//! The paths are scripted as choice numbers, so a change to the act's structure (a
//! scene added, removed or rerouted, a choice reordered) shows up here, while edits to
//! the prose do not.

use std::io::Write;
use std::process::{Command, Stdio};

fn play(choices: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(["play", "--plain", "--seed", "1", "--no-save"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut script: Vec<String> = choices.iter().map(u8::to_string).collect();
    script.push("r\n".into());
    let script = script.join("\n");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The scene headings, in the order they were shown, up to the first Cottages scene.
fn act_one_headings(transcript: &str) -> Vec<&str> {
    let headings: Vec<&str> = transcript
        .lines()
        .filter_map(|l| l.strip_prefix("== ").and_then(|l| l.strip_suffix(" ==")))
        .collect();
    let end = headings
        .iter()
        .position(|h| *h == "The Cottages")
        .map_or(headings.len(), |i| i + 1);
    headings[..end].to_vec()
}

#[test]
fn the_first_choice_every_time_goes_by_the_guardians_the_basin_and_the_tap() {
    let transcript = play(&[1; 30]);
    assert_eq!(
        act_one_headings(&transcript),
        [
            "Squared paper",
            "Keeping well",
            "The packet in the hedge",
            "The pink soap",
            "The Exchanges",
            "Collections",
            "Madame",
            "Room eleven",
            "The boot on the crossbar",
            "The boot room tap",
            "By the gate",
            "The pencil case",
            "After Room Nine",
            "The Sale",
            "The title song",
            "The tape goes missing",
            "The lost corner",
            "The late drive",
            "Ruth and Tommy",
            "The kitchen garden wall",
            "The second register",
            "Afterwards",
            "Miss Lucy takes it back",
            "A label on the register",
            "The last summer",
            "The edge of the paper",
            "The Cottages",
        ]
    );
    // The tape is bought and lost within the act.
    assert!(transcript.contains("* Kept: Songs After Dark"));
    assert!(transcript.contains("* Lost: Songs After Dark"));
    assert!(
        transcript.contains("* Learned: Miss Lucy told us plainly"),
        "Miss Lucy's talk is learned"
    );
}

#[test]
fn the_second_choice_every_time_goes_by_the_exchanges_the_washroom_and_the_veranda() {
    let transcript = play(&[2; 30]);
    assert_eq!(
        act_one_headings(&transcript),
        [
            "Squared paper",
            "The Exchanges",
            "Collections",
            "Keeping well",
            "The packet in the hedge",
            "The long basin",
            "Madame",
            "Room eleven",
            "The boot on the crossbar",
            "From the veranda",
            "By the gate",
            "The pencil case",
            "After Room Nine",
            "The Sale",
            "The title song",
            "After lights out",
            "The tape goes missing",
            "The lost corner",
            "The late drive",
            "Ruth and Tommy",
            "Ruth, after lights out",
            "The second register",
            "Afterwards",
            "Miss Lucy takes it back",
            "A label on the register",
            "The last summer",
            "The edge of the paper",
            "The Cottages",
        ]
    );
    let recollections = &transcript[transcript.rfind("Recollections").expect("recollections shown")..];
    assert!(recollections.contains("The Exchanges"));
    assert!(recollections.contains("Dancing with a pillow"));
}
