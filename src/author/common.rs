//! What the authoring tools share: numbers written for people, warnings an author
//! cannot act on taken out of a report, and the nearest name for a "did you mean".
//! The tools reach each other's helpers only through here.

use crate::story::{Report, Severity};

/// Takes the warnings about the first `files` files (the built-in story, under packs)
/// out of the report, and returns how many: a pack's author cannot act on them.
pub fn hide_warnings_below(report: &mut Report, files: usize) -> usize {
    let before = report.diagnostics.len();
    report
        .diagnostics
        .retain(|d| d.file >= files || d.severity == Severity::Error);
    before - report.diagnostics.len()
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The candidate closest to `wanted`, if one is close enough to suggest; the same rule
/// as the story's own diagnostics.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    crate::story::validate::closest(wanted, candidates)
}
