//! RON slips told as what the author did: a missing comma where it is missing, an
//! unescaped quote inside text, a missing `)`, and an escape RON does not know.

mod common;

use common::*;

fn slip(from: &str, to: &str) -> (hailsham::story::Report, String) {
    let sources = edited("drive.ron", from, to);
    let text = sources.scene_files[0].text.clone();
    (load_err(sources), text)
}

#[test]
fn a_missing_comma_is_reported_after_the_value_that_lacks_it() {
    let (report, text) = slip(r#"title: "A lay-by","#, r#"title: "A lay-by" // no comma"#);
    let (line, col) = position_of(&text, r#"" // no comma"#, 0);
    let help = assert_at(&report, "expected a comma after this", "drive.ron", line, col);
    assert!(help.is_some_and(|h| h.contains("separated by commas")));
}

#[test]
fn an_unescaped_quote_inside_text_says_how_to_write_one() {
    let (report, text) = slip("Tommy has the flask", r#"Tommy has "the" flask"#);
    let (line, col) = position_of(&text, r#""the""#, 0);
    let help = assert_at(
        &report,
        "a '\"' inside the text ends the string here",
        "drive.ron",
        line,
        col,
    );
    assert!(help.is_some_and(|h| h.contains(r#"\""#)));
}

#[test]
fn a_missing_paren_is_not_an_unknown_field() {
    let (report, text) = slip(
        "                to: \"talk\",\n            ),\n            Choice(\n                id: \"drive_on\",",
        "                to: \"talk\",\n            Choice(\n                id: \"drive_on\",",
    );
    assert!(!report.render().contains("unknown field"), "{}", report.render());
    let (line, col) = position_of(
        &text,
        "\"talk\",\n            Choice(\n                id: \"drive_on\"",
        0,
    );
    let help = assert_at(
        &report,
        "a ')' is missing before 'Choice'",
        "drive.ron",
        line,
        col + 6,
    );
    assert!(help.is_some_and(|h| h.contains("close the Choice(…)")));
}

#[test]
fn an_unknown_escape_says_how_to_write_a_backslash() {
    let (report, _) = slip("Tommy has the flask", r"Tommy has the \* flask");
    let help = report.diagnostics[0].help.clone().unwrap_or_default();
    assert!(help.contains(r"write \\* for a star"), "{help}");
}
