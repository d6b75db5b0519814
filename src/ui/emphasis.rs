//! Emphasis in the play view: a paragraph's italic ranges carried through word
//! wrapping, and a wrapped line drawn as spans, italic where the author wrote `*…*`.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::engine::Shown;

use super::wrap;

/// Wraps a paragraph, each line with the byte ranges of it that are in emphasis.
pub fn wrap_shown(shown: &Shown, width: usize) -> Vec<(String, Vec<Range<usize>>)> {
    let italic = |at: usize| shown.emphasis.iter().any(|r| r.contains(&at));
    let mut pos = 0;
    wrap::wrap(&shown.text, width)
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

/// A line drawn in `style`, italic over `ranges` (clipped to the text).
pub fn styled(text: String, ranges: &[Range<usize>], style: Style) -> Line<'static> {
    if ranges.is_empty() {
        return Line::styled(text, style);
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.min(text.len()), r.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            spans.push(Span::styled(text[at..start].to_owned(), style));
        }
        if end > start {
            spans.push(Span::styled(
                text[start..end].to_owned(),
                style.add_modifier(Modifier::ITALIC),
            ));
        }
        at = end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_owned(), style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

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
