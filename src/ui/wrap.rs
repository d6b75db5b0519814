//! Word wrapping measured in terminal cells, so that wide (CJK) and combining
//! characters take the room they really take.
//!
//! The play view wraps a scene once for the width it has and then reveals it a few
//! characters at a time; wrapping the whole text first keeps the lines from jumping
//! about as the reveal goes on.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Wraps `text` into lines at most `max` cells wide, breaking at spaces and, for a
/// word longer than a line, between grapheme clusters. Never returns an empty list.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let word_width = word.width();
        let gap = usize::from(!line.is_empty());
        if line_width + gap + word_width <= max {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_width += gap + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if word_width <= max {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        for grapheme in word.graphemes(true) {
            let w = grapheme.width();
            if line_width + w > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push_str(grapheme);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
    fn breaks_a_long_word_between_graphemes() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }
}
