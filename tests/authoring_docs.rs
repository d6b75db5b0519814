//! The guide's examples are the real files: every `ron` code block marked with
//! `<!-- file: PATH -->` matches that file (leading comment lines aside).

use std::path::Path;

fn without_leading_comments(text: &str) -> String {
    text.lines()
        .skip_while(|l| l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[test]
fn every_marked_example_in_the_guide_is_the_file_it_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("docs/authoring.md")).expect("the guide");
    let mut checked = 0;
    let mut rest = guide.as_str();
    while let Some(at) = rest.find("<!-- file: ") {
        rest = &rest[at + "<!-- file: ".len()..];
        let (path, after) = rest
            .split_once(" -->\n```ron\n")
            .expect("a ron block after the marker");
        let (block, after) = after.split_once("\n```\n").expect("the block ends");
        let file = std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            without_leading_comments(block),
            without_leading_comments(&file),
            "docs/authoring.md's copy of {path} differs from the file"
        );
        checked += 1;
        rest = after;
    }
    assert!(checked >= 6, "only {checked} marked examples");
}

fn trimmed_lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// Every `ron` block marked `<!-- from: PATH -->` is a passage of that file, line for
/// line (indentation aside), and the files they quote load without errors.
#[test]
fn every_quoted_passage_in_the_guide_is_in_the_file_it_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("docs/authoring.md")).expect("the guide");
    let mut checked = 0;
    let mut rest = guide.as_str();
    while let Some(at) = rest.find("<!-- from: ") {
        rest = &rest[at + "<!-- from: ".len()..];
        let (path, after) = rest
            .split_once(" -->\n```ron\n")
            .expect("a ron block after the marker");
        let (block, after) = after.split_once("\n```\n").expect("the block ends");
        let file = std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (quoted, whole) = (trimmed_lines(block), trimmed_lines(&file));
        assert!(
            whole.windows(quoted.len()).any(|w| w == quoted.as_slice()),
            "docs/authoring.md quotes {path}, but the file does not have:\n{block}"
        );
        checked += 1;
        rest = after;
    }
    assert!(checked >= 9, "only {checked} quoted passages");
}

#[test]
fn the_guide_s_example_stories_load_without_problems() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dirs in [vec!["docs/forms"], vec!["docs/packs/ruth-envy"]] {
        let dirs: Vec<_> = dirs.iter().map(|d| root.join(d)).collect();
        let sources = hailsham::story::read_layers(&dirs).expect("readable");
        let base = sources.base_files();
        let loaded = hailsham::story::load(sources).unwrap_or_else(|r| panic!("{}", r.render()));
        // The guide's own files have no warnings (the built-in story's are not theirs).
        let theirs: Vec<_> = loaded
            .report
            .diagnostics
            .iter()
            .filter(|d| dirs[0].ends_with("forms") || d.file >= base)
            .collect();
        assert!(theirs.is_empty(), "{}", loaded.report.render());
    }
}
