//! Helpers for the hostile tests (`tests/hostile_*.rs`): a payload of escape sequences,
//! stories carrying it, copies of the example story to surround with hostile files, and
//! the binary run with piped input.
#![allow(dead_code, clippy::unwrap_used)] // not every test file uses every helper

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::common;

/// What a hostile file puts in every text field: set the title (OSC 0), write the
/// clipboard (OSC 52), clear the screen (CSI 2J), reset the terminal (RIS), an 8-bit
/// CSI, a carriage return, bidirectional overrides and a tab.
pub const PAYLOAD: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;SGk=\u{1b}\\\u{1b}[2J\u{1b}c\u{9b}6n\r\u{202e}\u{2066}\t";

/// The payload as it is written inside a RON string.
pub fn ron_payload() -> String {
    PAYLOAD.replace('\\', "\\\\")
}

/// Whether `bytes` hold anything a terminal would act on: a C0 control other than a
/// newline, DEL, a C1 control (as UTF-8 or as a raw byte) or a bidirectional control.
pub fn unsafe_bytes(bytes: &[u8]) -> Option<String> {
    if let Some(b) = bytes.iter().find(|&&b| (b < 0x20 && b != b'\n') || b == 0x7f) {
        return Some(format!("byte {b:#04x}"));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8: {e}"))
        .err();
    if text.is_some() {
        return text;
    }
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .find(|&c| ('\u{80}'..='\u{9f}').contains(&c) || is_bidi(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
}

/// The bidirectional controls, spelled out here so a test does not trust the code it tests.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What a terminal would act on, or reorder: controls and bidirectional controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi(c)
}

pub fn assert_clean(what: &str, bytes: &[u8]) {
    if let Some(found) = unsafe_bytes(bytes) {
        panic!("{what} let {found} through:\n{}", String::from_utf8_lossy(bytes));
    }
}

/// Copies `from` into `to` (a folder tree of plain files).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The example story with the payload at the start of every text a reader sees:
/// titles, names, summaries, descriptions, labels, places and every paragraph.
pub fn hostile_story(root: &Path) -> PathBuf {
    let dir = root.join("hostile");
    copy_tree(&common::example_dir(), &dir);
    let payload = ron_payload();
    for file in ["story.ron", "carer/drive.ron"] {
        let path = dir.join(file);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for key in [
            "title",
            "name",
            "summary",
            "description",
            "label",
            "place",
            "subtitle",
            "text",
        ] {
            text = text.replace(&format!("{key}: \""), &format!("{key}: \"{payload}"));
        }
        text = text.replace("), \"", &format!("), \"{payload}"));
        text = text.replace("\n            \"", &format!("\n            \"{payload}"));
        std::fs::write(&path, text).unwrap();
    }
    dir
}

pub struct Run {
    pub code: Option<i32>,
    pub out: Vec<u8>,
    pub err: Vec<u8>,
}

impl Run {
    pub fn text(&self) -> String {
        format!(
            "{}\n--- stderr ---\n{}",
            String::from_utf8_lossy(&self.out),
            String::from_utf8_lossy(&self.err)
        )
    }
}

pub fn run(saves: &Path, args: &[&str], input: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hailsham"))
        .args(args)
        .env("HAILSHAM_SAVE_DIR", saves)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The game may stop reading before the input ends (at an ending): not an error.
    let _ = stdin.write_all(input);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code(),
        out: out.stdout,
        err: out.stderr,
    }
}

/// The example story copied into `root/story`, to be given hostile neighbours.
pub fn story_copy(root: &Path) -> PathBuf {
    let dir = root.join("story");
    copy_tree(&common::example_dir(), &dir);
    dir
}

pub fn read_error(dir: &Path) -> String {
    match hailsham::story::read_layers(&[dir.to_path_buf()]) {
        Ok(_) => panic!("'{}' was read", dir.display()),
        Err(e) => e.to_string(),
    }
}

/// The example story with a way back from "talk" to the lay-by, so it can loop.
pub fn looping_story(root: &Path) -> PathBuf {
    let dir = story_copy(&root.join("looping"));
    let path = dir.join("carer/drive.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let back =
        "Choice(id: \"back\", label: \"Drive round again\", to: \"lay_by\"),\n            Choice(id: \"go\",";
    assert!(text.contains("Choice(id: \"go\","));
    std::fs::write(&path, text.replacen("Choice(id: \"go\",", back, 1)).unwrap();
    dir
}
