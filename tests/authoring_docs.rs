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
