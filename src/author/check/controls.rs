//! `check`'s warning about control characters in a story's files.
//!
//! The game never lets them reach the terminal ([`crate::term_safe`] takes them out),
//! but an author should know that a file holds an ESC, a BEL, a C1 control or a
//! bidirectional override, written as itself or as an escape (`\u{1b}`, `\x07`) in a
//! string: it shows as nothing, and in a pack from someone else it may be an attack.

use std::ops::Range;

use crate::story::source::literal_spans;
use crate::story::{Diagnostic, Report};
use crate::term_safe::is_unsafe;

/// One warning per line that holds control characters, at the first of them (at most
/// [`PER_FILE`] per file, so a file full of them stays readable), naming each kind.
pub fn control_warnings(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (file, source) in report.sources.iter().enumerate() {
        let mut found = raw_controls(&source.text);
        found.extend(escaped_controls(&source.text));
        found.sort_by_key(|(span, _)| span.start);
        let lines = by_line(&source.text, found);
        let total = lines.len();
        for (span, chars) in lines.into_iter().take(PER_FILE) {
            let names: Vec<String> = chars.into_iter().map(name).collect();
            let (what, these) = if names.len() == 1 {
                ("control character", "this")
            } else {
                ("control characters", "these")
            };
            out.push(
                Diagnostic::warning(
                    file,
                    Some(span),
                    format!("{what} {} in the file", names.join(", ")),
                )
                .label(format!(
                    "a terminal would act on {these}; the game leaves them out"
                ))
                .help("remove them: a story's text needs no control characters"),
            );
        }
        if total > PER_FILE {
            out.push(Diagnostic::warning(
                file,
                None,
                format!(
                    "{} more lines with control characters in this file",
                    total - PER_FILE
                ),
            ));
        }
    }
    out
}

/// Lines with warnings shown per file before the rest are counted.
pub const PER_FILE: usize = 20;

/// Findings grouped by line: the span of the first on each line, and the distinct
/// characters found there in order.
fn by_line(text: &str, found: Vec<(Range<usize>, char)>) -> Vec<(Range<usize>, Vec<char>)> {
    let mut out: Vec<(usize, Range<usize>, Vec<char>)> = Vec::new();
    for (span, c) in found {
        let line = text.get(..span.start).map_or(0, |t| t.matches('\n').count());
        match out.last_mut() {
            Some((l, _, chars)) if *l == line => {
                if !chars.contains(&c) {
                    chars.push(c);
                }
            }
            _ => out.push((line, span, vec![c])),
        }
    }
    out.into_iter().map(|(_, span, chars)| (span, chars)).collect()
}

/// Control characters written as themselves (a newline, a tab and the CR of a CRLF
/// line ending are not counted).
fn raw_controls(text: &str) -> Vec<(Range<usize>, char)> {
    // Every such character has a byte of these in UTF-8 (C0 and DEL as themselves, C1
    // after 0xC2, the bidirectional controls after 0xE2): most files have none at all.
    // One pass over every byte without an early exit, so that it runs on whole words.
    let maybe = |b: u8| matches!(b, 0..=0x08 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xE2);
    if !text.bytes().fold(false, |any, b| any | maybe(b)) {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(i, c)| match c {
            '\n' | '\t' => false,
            '\r' => text.as_bytes().get(i + 1) != Some(&b'\n'),
            c => is_unsafe(c),
        })
        .map(|(i, c)| (i..i + c.len_utf8(), c))
        .collect()
}

/// Control characters written as escapes inside (non-raw) string literals.
fn escaped_controls(text: &str) -> Vec<(Range<usize>, char)> {
    let mut out = Vec::new();
    if !text.contains('\\') {
        return out;
    }
    for literal in literal_spans(text) {
        let Some(body) = text.get(literal.clone()) else {
            continue;
        };
        if body.starts_with('r') {
            continue;
        }
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            let (len, c) = escape_at(body, i);
            if let Some(c) = c.filter(|&c| is_unsafe(c) && c != '\n' && c != '\t') {
                out.push((literal.start + i..literal.start + i + len, c));
            }
            i += len.max(2);
        }
    }
    out
}

/// The escape starting at `at` (a backslash): its length and the character it stands for.
fn escape_at(body: &str, at: usize) -> (usize, Option<char>) {
    let rest = &body[at..];
    if let Some(hex) = rest.strip_prefix("\\x") {
        let digits = hex.get(..2).unwrap_or("");
        let c = u8::from_str_radix(digits, 16).ok().map(char::from);
        return (4, c);
    }
    if let Some(braced) = rest.strip_prefix("\\u{")
        && let Some(end) = braced.find('}')
    {
        let c = u32::from_str_radix(&braced[..end], 16)
            .ok()
            .and_then(char::from_u32);
        return (end + 4, c);
    }
    (2, None)
}

/// U+001B (ESC), U+202E, …
fn name(c: char) -> String {
    let short = match c {
        '\u{1b}' => " (ESC)",
        '\u{7}' => " (BEL)",
        '\r' => " (CR)",
        '\u{9b}' => " (CSI)",
        '\u{9d}' => " (OSC)",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => " (a bidirectional control)",
        _ => "",
    };
    format!("U+{:04X}{short}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_raw_and_escaped_controls_but_not_line_endings() {
        let text = "text: \"a\u{1b}[2J \\u{9b} \\x07 \\\\x07 \\n\",\r\n// \u{202e}\n";
        let found: Vec<char> = raw_controls(text)
            .into_iter()
            .chain(escaped_controls(text))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(found, ['\u{1b}', '\u{202e}', '\u{9b}', '\u{7}']);
    }
}
