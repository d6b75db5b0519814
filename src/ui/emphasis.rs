//! Emphasis in the play view: a wrapped line drawn as spans, italic where the author
//! wrote `*…*` (the ranges come through wrapping with [`crate::app::layout::wrap::wrap_shown`]).

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

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
