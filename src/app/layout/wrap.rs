//! Word wrapping measured in terminal cells (by textwrap), so that wide (CJK) and
//! combining characters take the room they really take; cutting a line short.
//!
//! The play view wraps a scene once for the width it has and then reveals it a few
//! characters at a time; wrapping the whole text first keeps the lines from jumping
//! about as the reveal goes on.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::engine::Shown;

/// The width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Wraps `text` into lines at most `max` cells wide, breaking at spaces (runs of
/// whitespace, line breaks among them, count as one space) and, for a word longer
/// than a line, within the word. Never returns an empty list.
///
/// The lines are textwrap's, first fit (each line as full as it will go, as a reveal
/// needs: a later word never moves an earlier one), breaking only at ASCII spaces and
/// never hyphenating, so "lay-by" stays whole.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = textwrap::Options::new(max.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    textwrap::wrap(&words, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Wraps a paragraph, each line with the byte ranges of it that are in emphasis.
pub fn wrap_shown(shown: &Shown, width: usize) -> Vec<(String, Vec<Range<usize>>)> {
    let italic = |at: usize| shown.emphasis.iter().any(|r| r.contains(&at));
    let mut pos = 0;
    wrap(&shown.text, width)
        .into_iter()
        .map(|line| {
            let mut ranges: Vec<Range<usize>> = Vec::new();
            for (i, c) in line.char_indices() {
                let on = if c.is_whitespace() {
                    italic(pos)
                } else {
                    while pos < shown.text.len() && !shown.text[pos..].starts_with(c) {
                        pos += shown.text[pos..].chars().next().map_or(1, char::len_utf8);
                    }
                    let on = italic(pos);
                    pos += c.len_utf8();
                    on
                };
                if on {
                    let end = i + c.len_utf8();
                    match ranges.last_mut() {
                        Some(r) if r.end == i => r.end = end,
                        _ => ranges.push(i..end),
                    }
                }
            }
            (line, ranges)
        })
        .collect()
}

/// `text` cut to at most `max` cells, ending in "…" when it was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > max {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// The first `chars` characters of `text` (not bytes), for the text reveal.
pub fn take_chars(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_the_width() {
        assert_eq!(wrap("the rain has stopped", 9), ["the rain", "has", "stopped"]);
    }

    #[test]
    fn measures_wide_characters_as_two_cells() {
        let lines = wrap("雨が止んだ 車の中", 6);
        assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), "雨が止んだ車の中");
    }

    #[test]
    fn combining_marks_take_no_room() {
        let e = "e\u{301}te\u{301}";
        assert_eq!(width(e), 3);
        assert_eq!(wrap(&format!("{e} {e}"), 7), [format!("{e} {e}")]);
    }

    #[test]
    fn truncates_with_an_ellipsis_only_when_needed() {
        assert_eq!(truncate("the rain", 8), "the rain");
        assert_eq!(truncate("the rain", 6), "the r…");
        assert_eq!(truncate("雨が止んだ", 5), "雨が…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn breaks_a_long_word_within_it() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("to abcdefgh", 4), ["to", "abcd", "efgh"]);
    }

    #[test]
    fn whitespace_runs_are_one_space_and_hyphens_do_not_break() {
        assert_eq!(
            wrap("  the   lay-by\n in  the rain ", 10),
            ["the lay-by", "in the", "rain"]
        );
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("word", 0), ["w", "o", "r", "d"]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn emphasis_survives_wrapping() {
        let shown = Shown {
            text: "one two three four".into(),
            emphasis: vec![4..13],
        };
        let lines = wrap_shown(&shown, 8);
        assert_eq!(lines[0], ("one two".to_owned(), vec![4..7]));
        assert_eq!(lines[1], ("three".to_owned(), vec![0..5]));
        assert_eq!(lines[2], ("four".to_owned(), vec![]));
    }
}
