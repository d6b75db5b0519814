//! RON syntax errors told as the slip an author most likely made: a comma missing
//! (pointed at where it goes), a `"` inside text that ends the string early, a `)`
//! missing (which ron reports as an unknown field named after the next item), and a
//! backslash escape that RON does not know.

use std::ops::Range;

use super::super::diagnostic::Diagnostic;
use super::super::source::literal_spans;

/// The diagnostic for a RON error at `span` of `text`.
pub(super) fn describe(file: usize, text: &str, span: Range<usize>, code: &ron::Error) -> Diagnostic {
    use ron::Error as E;
    match code {
        E::ExpectedComma => comma_or_quote(file, text, span.start),
        E::NoSuchStructField { found, outer, .. } if found.starts_with(char::is_uppercase) => {
            let inner = outer.as_deref().unwrap_or("item").trim_start_matches("Raw");
            let end = previous_token_end(text, span.start, &literal_spans(text));
            Diagnostic::error(
                file,
                Some(end.saturating_sub(1)..end),
                format!("a ')' is missing before '{found}'"),
            )
            .label("the item before is not closed after this")
            .help(format!(
                "close the {inner}(…) that is open with ')' and a ',' before '{found}(' starts"
            ))
        }
        E::InvalidEscape(_) => Diagnostic::error(file, Some(span), "cannot read this RON: unknown escape in a string")
            .label("here")
            .help(
                "in a RON string a backslash is written \\\\: write \\\\* for a star, \\\\{ and \\\\} for braces, \\\" for a quote",
            ),
        other => {
            let (message, help) = super::describe_ron_error(other);
            let mut d = Diagnostic::error(file, Some(span), message).label("here");
            if let Some(help) = help {
                d = d.help(help);
            }
            d
        }
    }
}

fn comma_or_quote(file: usize, text: &str, at: usize) -> Diagnostic {
    let spans = literal_spans(text);
    // A string that ends right against the next word: the `"` was meant as text.
    if let Some(lit) = spans.iter().find(|s| s.end == at && s.end > s.start)
        && text[at..].starts_with(|c: char| c.is_alphanumeric())
    {
        let quote = lit.end - 1;
        return Diagnostic::error(
            file,
            Some(quote..quote + 1),
            "a '\"' inside the text ends the string here",
        )
        .label("this quote closes the string")
        .help("write a quote inside text as \\\" (a backslash before it), or use curly quotes “ ” ‘ ’");
    }
    let end = previous_token_end(text, at, &spans);
    Diagnostic::error(
        file,
        Some(end.saturating_sub(1)..end),
        "expected a comma after this",
    )
    .label("add a ',' here")
    .help("items of a list and fields of a ( … ) are separated by commas")
}

/// The end of the last token before `at`, skipping whitespace and comments.
fn previous_token_end(text: &str, at: usize, spans: &[Range<usize>]) -> usize {
    let mut i = at.min(text.len());
    loop {
        let trimmed = text[..i].trim_end();
        i = trimmed.len();
        if trimmed.ends_with("*/")
            && let Some(open) = trimmed.rfind("/*")
        {
            i = open;
            continue;
        }
        let line_start = trimmed.rfind('\n').map_or(0, |n| n + 1);
        let comment = trimmed[line_start..]
            .match_indices("//")
            .map(|(c, _)| line_start + c)
            .find(|&c| !spans.iter().any(|s| s.contains(&c)));
        match comment {
            Some(c) => i = c,
            None => return i,
        }
    }
}
