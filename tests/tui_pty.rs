//! The real binary in a pseudo-terminal, read through a vt100 screen parser: the
//! title screen, a game played by key presses, the recollections opened and closed,
//! quitting, and signals; saving, leaving and continuing; a replay; `--watch` reloading
//! a story folder edited while it plays, and idling without processor time. Each time the
//! process must exit and leave the terminal in its normal (cooked, echoing) mode,
//! which `stty -a` run afterwards reports. Every run saves into a temporary folder.
#![allow(clippy::unwrap_used)] // a failed step should fail the test at once

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

/// Runs the game with `args` in an 80×24 terminal, saving into `saves`, then
/// `stty -a` in the same terminal.
fn spawn(args: &[&str], term: &str, saves: &Path) -> Pty {
    spawn_in(
        r#""$0" "$@"; echo "exit=$?"; stty -a; sleep 5"#,
        args,
        term,
        saves,
    )
}

/// Runs the game under a shell `script` (the game is `"$0" "$@"` in it).
fn spawn_in(script: &str, args: &[&str], term: &str, saves: &Path) -> Pty {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("bash");
    cmd.arg("-c");
    cmd.arg(script);
    cmd.arg(env!("CARGO_BIN_EXE_hailsham"));
    cmd.args(args);
    cmd.env("TERM", term);
    cmd.env("HAILSHAM_SAVE_DIR", saves);
    // Never the player's own settings: a folder beside the test's saves.
    cmd.env("HAILSHAM_CONFIG_DIR", saves.join("config"));
    cmd.env_remove("NO_COLOR");
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        24.try_into().unwrap(),
        80.try_into().unwrap(),
        0,
    )));
    let parser = Arc::clone(&screen);
    std::thread::spawn(move || {
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.lock().unwrap().process(&buf[..n]);
        }
    });
    Pty {
        screen,
        writer,
        child,
    }
}

impl Pty {
    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {needle:?}; the screen shows:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the game read each key on its own, as typed keys arrive.
        std::thread::sleep(Duration::from_millis(150));
    }

    fn alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// The game's own process id: the child of the shell that runs it.
    fn game_pid(&self) -> u32 {
        let shell = self.child.process_id().unwrap();
        let start = Instant::now();
        loop {
            for entry in std::fs::read_dir("/proc").unwrap().flatten() {
                let contents = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
                // pid (comm) state ppid …; comm may hold spaces, so split after ')'.
                let Some((head, rest)) = contents.rsplit_once(')') else {
                    continue;
                };
                let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok());
                if ppid == Some(shell) && head.contains("(hailsham") {
                    return head.split_whitespace().next().unwrap().parse().unwrap();
                }
            }
            assert!(start.elapsed() < Duration::from_secs(5), "no game process");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the game to exit; returns its exit code and what `stty -a` said.
    fn finish(mut self) -> (String, String) {
        let text = self.wait_for("exit=");
        let text = if text.contains("icanon") {
            text
        } else {
            self.wait_for("icanon")
        };
        assert!(!self.alternate_screen(), "the alternate screen was left:\n{text}");
        assert!(
            !self.screen.lock().unwrap().screen().hide_cursor(),
            "the cursor is shown again"
        );
        let _ = self.child.kill();
        let code = text
            .split("exit=")
            .nth(1)
            .and_then(|t| t.split_whitespace().next())
            .unwrap_or("")
            .to_owned();
        (code, text)
    }
}

fn assert_cooked(stty: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(words.contains(&"icanon"), "the terminal is left raw:\n{stty}");
    assert!(words.contains(&"echo"), "echo is left off:\n{stty}");
}

fn example() -> String {
    common::example_dir().to_str().unwrap().to_owned()
}

#[test]
fn a_game_played_by_keys_in_a_real_terminal() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(&["--story", &dir, "--seed", "1"], "xterm-256color", saves.path());
    pty.wait_for("T H E    L O N G    D R I V E");
    assert!(pty.alternate_screen());
    pty.send("\r");
    pty.wait_for("A lay-by");
    pty.wait_for("2. Say we should get on");
    pty.send("1");
    pty.wait_for("Remembered: The lay-by (warm)");
    // The choices show once the text has been revealed.
    pty.wait_for("1. Ask him about the rumour");
    pty.send("r");
    let journal = pty.wait_for("Recollections");
    assert!(journal.contains("Looking back"), "{journal}");
    pty.send("\x1b");
    pty.wait_for("1. Ask him about the rumour");
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Home before dark");
    pty.wait_for("turn the page");
    pty.send("q");
    pty.wait_for("Close the book and leave the game?");
    pty.send("y");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);
}

#[test]
fn signals_restore_the_terminal() {
    let dir = example();
    for (signal, code) in [("TERM", "143"), ("HUP", "129"), ("INT", "130")] {
        let saves = tempfile::tempdir().unwrap();
        let mut pty = spawn(&["--story", &dir], "xterm-256color", saves.path());
        pty.wait_for("Begin the story");
        pty.send("\r");
        pty.wait_for("2. Say we should get on");
        pty.send("1");
        pty.wait_for("1. Ask him about the rumour");
        let pid = pty.game_pid();
        let killed = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("kill -{signal} {pid}"))
            .status()
            .unwrap();
        assert!(killed.success());
        let (exit, stty) = pty.finish();
        assert_eq!(exit, code, "after SIG{signal}:\n{stty}");
        assert_cooked(&stty);
        let auto = std::fs::read_to_string(saves.path().join("auto.ron")).unwrap();
        assert!(auto.contains("step 1: Talk"), "autosaved before leaving: {auto}");
    }
}

#[test]
fn save_leave_continue_undo_and_replay_in_a_real_terminal() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(&["--story", &dir, "--seed", "2"], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("\r");
    pty.wait_for("2. Say we should get on");
    pty.send("1");
    pty.wait_for("1. Ask him about the rumour");
    pty.send("s");
    pty.wait_for("Save the game");
    pty.send("3");
    pty.send("\r");
    pty.wait_for("Saved to slot 3 (step 1: Talk)");
    pty.send("q");
    pty.send("y");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert!(saves.path().join("slot3.ron").is_file());

    let mut pty = spawn(&["--story", &dir], "xterm-256color", saves.path());
    pty.wait_for("Continue: Talk");
    pty.send("\r");
    pty.wait_for("1. Ask him about the rumour");
    pty.send("u");
    pty.wait_for("Taken back: “Pour him a cup”");
    pty.send("t");
    pty.wait_for("← you are here");
    pty.send("\x1b");
    pty.send("\x1b");
    pty.wait_for("Continue: A lay-by");
    pty.send("\x03");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);

    let slot = saves.path().join("slot3.ron");
    let slot = slot.to_str().unwrap();
    let mut pty = spawn(&["replay", slot, "--story", &dir], "xterm-256color", saves.path());
    pty.wait_for("step 0 of 1");
    pty.send(" ");
    pty.wait_for("paused");
    pty.send("n");
    pty.wait_for("step 1 of 1");
    pty.wait_for("at the end");
    pty.send("q");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);
}

#[test]
fn ctrl_c_leaves_at_once() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(&["--story", &dir], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("\x03");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);

    // With the help open, nothing of its box stays on the shell's screen.
    let mut pty = spawn(&["--story", &dir], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("?");
    pty.wait_for("take the choice of that number");
    pty.send("\x03");
    let (code, text) = pty.finish();
    assert_eq!(code, "0", "{text}");
    assert!(!text.contains("take the choice") && !text.contains('╭'), "{text}");
}

#[test]
fn a_dumb_terminal_gets_plain_mode() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(&["--story", &dir], "dumb", saves.path());
    pty.wait_for("== A lay-by ==");
    assert!(!pty.alternate_screen());
    pty.send("q\r");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
}

/// Processor time the process has used so far, in clock ticks (user and system).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let (_, rest) = stat.rsplit_once(')').unwrap();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are 11 and 12 here.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn watch_reloads_in_the_full_screen_game_and_idles() {
    let story = common::TempDir::new("pty-watch").with_example();
    let dir = story.path().to_str().unwrap().to_owned();
    let scenes = story.path().join("carer/drive.ron");
    let original = std::fs::read_to_string(&scenes).unwrap();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(
        &["--story", &dir, "--watch", "--seed", "1"],
        "xterm-256color",
        saves.path(),
    );
    pty.wait_for("Begin the story");
    assert!(pty.alternate_screen(), "--watch plays full-screen");
    pty.send("\r");
    pty.wait_for("2. Say we should get on");

    // Idle, waiting for the player: no processor time to speak of (a busy loop would
    // use all 200 ticks of two seconds).
    let pid = pty.game_pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(2));
    let idle = cpu_ticks(pid) - before;
    assert!(idle <= 5, "{idle} ticks of processor time in two idle seconds");

    story.write(
        "carer/drive.ron",
        &original.replacen("Pour him a cup", "Pour him some tea", 1),
    );
    pty.wait_for("1. Pour him some tea");
    pty.wait_for("Story reloaded.");

    story.write(
        "carer/drive.ron",
        &original.replacen("to: \"talk\"", "to: \"tlak\"", 1),
    );
    let text = pty.wait_for("unknown scene 'tlak'");
    assert!(text.contains("The story has errors"), "{text}");
    pty.send("\x1b");
    pty.wait_for("1. Pour him some tea");

    story.write("carer/drive.ron", &original);
    pty.wait_for("1. Pour him a cup");
    pty.send("1");
    pty.wait_for("1. Ask him about the rumour");
    pty.send("q");
    pty.send("y");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);
}

#[test]
fn a_setting_survives_a_restart() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    let mut pty = spawn(&["--story", &dir], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("o");
    pty.wait_for("‹ normal ›");
    pty.send("\x1b[C"); // →: text speed, normal to fast
    pty.wait_for("‹ fast ›");
    pty.send("j");
    pty.send("j");
    pty.send("\r"); // what a choice did: all to brief
    pty.wait_for("‹ brief ›");
    pty.send("\x1b");
    pty.wait_for("Begin the story");
    pty.send("q");
    pty.send("y");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    let kept = std::fs::read_to_string(saves.path().join("config/settings.ron")).unwrap();
    assert!(
        kept.contains("text_speed: Fast") && kept.contains("effects: Brief"),
        "{kept}"
    );

    let mut pty = spawn(&["--story", &dir, "--seed", "1"], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("o");
    let text = pty.wait_for("‹ fast ›");
    assert!(text.contains("‹ brief ›"), "{text}");
    pty.send("\x1b");
    pty.send("\r");
    pty.wait_for("2. Say we should get on");
    pty.send("1");
    // Brief: one line of what the choice did, after the text.
    pty.wait_for("· The lay-by · kept The tartan flask");
    pty.send("\x03");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let dir = example();
    let saves = tempfile::tempdir().unwrap();
    // An interactive shell, as a player has: the game is its foreground job.
    let mut pty = spawn_in(
        r"PS1='$ ' exec bash --norc --noprofile -i",
        &[],
        "xterm-256color",
        saves.path(),
    );
    pty.wait_for("$ ");
    let game = env!("CARGO_BIN_EXE_hailsham");
    pty.send(&format!("'{game}' --story '{dir}'\r"));
    pty.wait_for("Begin the story");
    pty.send("\r");
    pty.wait_for("2. Say we should get on");
    pty.send("?");
    pty.wait_for("Keys");
    pty.send("\x1a");
    let text = pty.wait_for("Stopped");
    assert!(!pty.alternate_screen(), "the shell's screen is back:\n{text}");
    assert!(
        !text.contains("Keys"),
        "nothing of the game is left on it:\n{text}"
    );
    pty.send("stty -a | grep -o ' icanon' | sed 's/^/cooked:/'\r");
    pty.wait_for("cooked: icanon");
    // fg: the game takes the terminal again and draws all of it.
    pty.send("fg\r");
    let text = pty.wait_for("take the choice of that number");
    assert!(pty.alternate_screen());
    assert!(text.contains("Now ") && !text.contains("Stopped"), "{text}");
    pty.send("\x1b");
    pty.wait_for("2. Say we should get on");
    pty.send("q");
    pty.send("y");
    // Printed so that the command as typed does not itself read "exit=".
    pty.send("printf 'ex%s=%s\\n' it $?; stty -a\r");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
    assert_cooked(&stty);
}

#[test]
fn a_full_page_waits_without_processor_time_and_the_scene_opens_at_its_top() {
    let saves = tempfile::tempdir().unwrap();
    // The built-in story: its first scene is longer than a page at 80×24.
    let mut pty = spawn(&["--seed", "1"], "xterm-256color", saves.path());
    pty.wait_for("Begin the story");
    pty.send("\r");
    let story = hailsham::story::load_embedded().unwrap().story;
    pty.wait_for(&story.scene(&story.start).unwrap().title);
    // Enter shows the rest of the page at once, and the page waits there.
    pty.send("\r");
    let text = pty.wait_for("▼ more (Space)");
    let first = text.lines().nth(5).unwrap_or_default().to_owned();
    let pid = pty.game_pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(2));
    let idle = cpu_ticks(pid) - before;
    assert!(
        idle <= 5,
        "{idle} ticks of processor time in two seconds at a full page"
    );
    assert_eq!(
        pty.text().lines().nth(5).unwrap_or_default(),
        first,
        "the page stays"
    );
    pty.send(" ");
    pty.wait_for("↑ more above");
    pty.send("\x03");
    let (code, stty) = pty.finish();
    assert_eq!(code, "0", "{stty}");
}
