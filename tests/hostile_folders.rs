//! Hostile story folders: links out of the folder, FIFOs, sockets and devices, huge
//! files and folders. Each is an error naming the path, found without reading it.
#![allow(clippy::unwrap_used)] // helpers as well as tests may fail loudly

mod common;
mod hostile;

use std::path::Path;
use std::process::Command;

use hostile::{read_error, run, story_copy};

#[cfg(unix)]
#[test]
fn links_out_of_the_story_folder_are_refused_naming_the_path_and_never_followed() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, "SECRET first line\n").unwrap();
    let cases: [(&str, &Path); 4] = [
        ("carer/zero.ron", Path::new("/dev/zero")),
        ("carer/leak.ron", &secret),
        ("everything", Path::new("/")),
        ("carer/up", tmp.path()),
    ];
    for (name, target) in cases {
        let dir = story_copy(&tmp.path().join(name.replace('/', "_")));
        let link = dir.join(name);
        symlink(target, &link).unwrap();
        let message = read_error(&dir);
        assert!(message.contains(&link.display().to_string()), "{name}: {message}");
        assert!(message.contains("outside the story folder"), "{name}: {message}");
        assert!(!message.contains("SECRET"), "{name}: {message}");
        // The binary says the same, and exits with a failure.
        let result = run(tmp.path(), &["check", "--story", dir.to_str().unwrap()], b"");
        assert_eq!(result.code, Some(1), "{name}: {}", result.text());
        assert!(!result.text().contains("SECRET"), "{}", result.text());
    }
}

#[cfg(unix)]
#[test]
fn links_inside_the_folder_are_followed_once_even_in_a_loop() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = story_copy(tmp.path());
    std::fs::create_dir(dir.join("extra")).unwrap();
    symlink(dir.join("carer"), dir.join("extra/again")).unwrap();
    symlink(&dir, dir.join("carer/round")).unwrap();
    // An editor's lock file: a link to nothing, not named as a story file.
    symlink("user@host.1234", dir.join("carer/.#drive")).unwrap();
    let sources = hailsham::story::read_layers(std::slice::from_ref(&dir)).unwrap();
    let names: Vec<&str> = sources.scene_files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_a_device_or_a_socket_in_the_folder_is_an_error_not_a_wait() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let fifo_story = story_copy(&tmp.path().join("fifo"));
    let fifo = fifo_story.join("carer/pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let message = read_error(&fifo_story);
    assert!(message.contains("is a FIFO"), "{message}");
    assert!(message.contains(&fifo.display().to_string()), "{message}");

    let socket_story = story_copy(&tmp.path().join("socket"));
    let socket = socket_story.join("carer/sock.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    assert!(read_error(&socket_story).contains("is a socket"));

    // A device is outside any story folder, so it can only be reached by a link.
    let device_story = story_copy(&tmp.path().join("device"));
    symlink("/dev/null", device_story.join("carer/null.ron")).unwrap();
    assert!(read_error(&device_story).contains("outside the story folder"));

    // migrations.ron is read the same way.
    let migrations_story = story_copy(&tmp.path().join("migrations"));
    symlink("/dev/zero", migrations_story.join("migrations.ron")).unwrap();
    let err = hailsham::replay::Migrations::from_dir(&migrations_story)
        .unwrap_err()
        .to_string();
    assert!(err.contains("outside the story folder"), "{err}");
}

#[test]
fn a_huge_file_a_huge_folder_and_too_many_files_are_refused_before_reading() {
    use hailsham::story::{MAX_FILE_BYTES, MAX_FILES, MAX_FOLDER_BYTES};
    let tmp = tempfile::tempdir().unwrap();
    // 200 MB (sparse: it costs nothing to make, and would cost minutes to parse).
    let dir = story_copy(&tmp.path().join("file"));
    let huge = std::fs::File::create(dir.join("carer/huge.ron")).unwrap();
    huge.set_len(200_000_000).unwrap();
    let message = read_error(&dir);
    assert!(message.contains("huge.ron' is larger than 1 MB"), "{message}");

    // 400,000 scenes in one file.
    let dir = story_copy(&tmp.path().join("scenes"));
    let mut scenes = String::new();
    for i in 0..400_000 {
        scenes.push_str(&format!(
            "Scene(id:\"s{i}\",era:\"carer\",title:\"\",text:[],choices:[]),\n"
        ));
    }
    std::fs::write(dir.join("carer/many.ron"), format!("[{scenes}]")).unwrap();
    assert!(read_error(&dir).contains("many.ron' is larger than"));

    // Files each within the limit, too many bytes together.
    let dir = story_copy(&tmp.path().join("folder"));
    let per = MAX_FILE_BYTES;
    for i in 0..=(MAX_FOLDER_BYTES / per) {
        let f = std::fs::File::create(dir.join(format!("carer/part{i}.ron"))).unwrap();
        f.set_len(per).unwrap();
    }
    assert!(read_error(&dir).contains("holds more than 8 MB of story files"));

    let dir = story_copy(&tmp.path().join("count"));
    for i in 0..MAX_FILES {
        std::fs::write(dir.join(format!("carer/n{i}.ron")), "[]").unwrap();
    }
    assert!(read_error(&dir).contains(&format!("more than {MAX_FILES} story files")));
}

/// A story as large as the limits allow still loads (its time is in the report of
/// issue 12, measured, not asserted).
#[test]
fn a_story_just_within_the_limits_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = story_copy(tmp.path());
    let mut scenes = String::from("[\n");
    let mut i = 0;
    loop {
        let scene = format!(
            "Scene(id:\"s{i}\",era:\"carer\",title:\"S\",text:[\"x\"],choices:[Choice(id:\"c\",label:\"on\",to:\"s{}\")]),\n",
            i + 1
        );
        if scenes.len() + scene.len() + 200 > usize::try_from(hailsham::story::MAX_FILE_BYTES).unwrap() {
            break;
        }
        scenes.push_str(&scene);
        i += 1;
    }
    scenes.push_str(&format!(
        "Scene(id:\"s{i}\",era:\"carer\",title:\"S\",text:[\"x\"],ending:\"home\"),\n]"
    ));
    std::fs::write(dir.join("carer/long.ron"), scenes).unwrap();
    let loaded = hailsham::story::load(hailsham::story::read_dir(&dir).unwrap()).unwrap();
    assert_eq!(loaded.story.scenes.len(), i + 4);
}
