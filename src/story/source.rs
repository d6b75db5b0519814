//! Source positions for RON values.
//!
//! ron reports positions for syntax errors but not for the values it deserialises, and
//! our diagnostics must point at the exact id an author mistyped. So, before parsing a
//! file, [`literal_spans`] lexes it for string literals (skipping comments), and while
//! serde deserialises, each [`Spanned`] takes the next span in source order. serde visits
//! literals in source order, and every struct denies unknown fields, so the n-th
//! `Spanned` built is the n-th literal in the file; [`with_spans`] checks the count
//! afterwards and drops the spans if the two ever disagree.

use std::cell::RefCell;
use std::ops::Range;

use serde::Deserialize;

/// A string from a story file, with the byte range of its literal when known.
#[derive(Debug, Clone, Default)]
pub struct Spanned {
    pub value: String,
    /// The literal's byte range: a large story reads some hundreds of thousands of
    /// strings, so it is held as a [`Place`].
    at: Place,
}

/// Where something is written: a byte range in its file, when known, in 8 bytes (a
/// large story has hundreds of thousands of them). A range past 4 GiB is not kept.
#[derive(Debug, Clone, Copy)]
pub(in crate::story) struct Place {
    start: u32,
    end: u32,
}

impl Default for Place {
    fn default() -> Self {
        Self::of(None)
    }
}

impl Place {
    const UNKNOWN: u32 = u32::MAX;

    pub(in crate::story) fn of(span: Option<Range<usize>>) -> Self {
        let kept = span.and_then(|s| Some((u32::try_from(s.start).ok()?, u32::try_from(s.end).ok()?)));
        match kept {
            Some((start, end)) if start != Self::UNKNOWN => Self { start, end },
            _ => Self {
                start: Self::UNKNOWN,
                end: Self::UNKNOWN,
            },
        }
    }

    /// The byte range, for a diagnostic.
    pub(in crate::story) fn span(self) -> Option<Range<usize>> {
        (self.start != Self::UNKNOWN).then_some(self.start as usize..self.end as usize)
    }
}

impl Spanned {
    /// A string and the byte range of its literal, when known.
    pub fn new(value: String, span: Option<Range<usize>>) -> Self {
        Self {
            value,
            at: Place::of(span),
        }
    }

    /// The byte range of the string's literal in its file, when known.
    pub fn span(&self) -> Option<Range<usize>> {
        self.at.span()
    }

    /// Where the string's literal is written, as it is held.
    pub(in crate::story) fn place(&self) -> Place {
        self.at
    }

    /// Takes the next literal span for a string that serde has just read.
    pub(crate) fn from_literal(value: &str) -> Self {
        Self::from_owned_literal(value.to_owned())
    }

    /// [`Spanned::from_literal`] of a string serde has already copied out.
    pub(crate) fn from_owned_literal(value: String) -> Self {
        Self::new(value, next_span())
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl std::ops::Deref for Spanned {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl<'de> Deserialize<'de> for Spanned {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from_owned_literal)
    }
}

struct Cursor {
    spans: Vec<Range<usize>>,
    next: usize,
    words: Vec<Word>,
}

/// A bare word the loader reads by name, though serde does not pass it on: the head of
/// a paragraph (`If`, `ElseIf`, `Else`) and the target `Back`.
#[derive(Debug, Clone)]
pub struct Word {
    pub name: &'static str,
    pub span: Range<usize>,
    /// How many string literals come before it in the file.
    pub literals_before: usize,
    /// Whether a `(` follows it.
    pub call: bool,
}

/// The words the lexer keeps.
const WORDS: [&str; 4] = ["If", "ElseIf", "Else", "Back"];

/// What [`word_here`] found.
pub(crate) enum Here {
    /// Read outside [`with_spans`]: words are not known.
    Unknown,
    /// None of the names is written here.
    Nothing,
    Word(Word),
}

/// The word of these `names` that sits just before the next literal to be read, i.e.
/// written since the last one: what serde is reading now.
pub(crate) fn word_here(names: &[&str]) -> Here {
    CURSOR.with(|cursor| {
        let cursor = cursor.borrow();
        let Some(cursor) = cursor.as_ref() else {
            return Here::Unknown;
        };
        // Words are in source order, so those written since the last literal end the
        // run of words before the next one.
        let end = cursor.words.partition_point(|w| w.literals_before <= cursor.next);
        cursor.words[..end]
            .iter()
            .rev()
            .take_while(|w| w.literals_before == cursor.next)
            .find(|w| names.contains(&w.name))
            .cloned()
            .map_or(Here::Nothing, Here::Word)
    })
}

thread_local! {
    static CURSOR: RefCell<Option<Cursor>> = const { RefCell::new(None) };
}

fn next_span() -> Option<Range<usize>> {
    CURSOR.with(|cursor| {
        let mut cursor = cursor.borrow_mut();
        let cursor = cursor.as_mut()?;
        let span = cursor.spans.get(cursor.next).cloned();
        cursor.next += 1;
        span
    })
}

/// Runs `parse` over `src` with literal spans available to every [`Spanned`] it builds.
/// Returns the parse result and whether the spans lined up (when they did not, callers
/// should not trust the spans of that file).
pub fn with_spans<T>(src: &str, parse: impl FnOnce() -> T) -> (T, bool) {
    let (spans, words) = lex(src);
    let expected = spans.len();
    CURSOR.with(|c| {
        *c.borrow_mut() = Some(Cursor {
            spans,
            next: 0,
            words,
        });
    });
    let result = parse();
    let used = CURSOR.with(|c| c.borrow_mut().take().map_or(0, |c| c.next));
    (result, used == expected)
}

/// Byte ranges of every string literal in `src`, quotes included, in order.
/// Understands `//` and nested `/* */` comments, escapes, raw strings and char literals.
pub fn literal_spans(src: &str) -> Vec<Range<usize>> {
    lex(src).0
}

/// Literal spans and the [`WORDS`] written outside literals and comments.
fn lex(src: &str) -> (Vec<Range<usize>>, Vec<Word>) {
    let bytes = src.as_bytes();
    let mut spans = Vec::new();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i),
            b'"' => {
                let end = skip_quoted(bytes, i);
                spans.push(i..end);
                i = end;
            }
            b'r' if is_raw_string_start(bytes, i) => {
                let end = skip_raw(bytes, i);
                spans.push(i..end);
                i = end;
            }
            b'\'' => i = skip_char_literal(bytes, i),
            b if b.is_ascii_alphanumeric() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &bytes[start..i];
                if matches!(word.first(), Some(b'I' | b'E' | b'B'))
                    && let Some(name) = WORDS.into_iter().find(|w| w.as_bytes() == word)
                {
                    let next = bytes[i..].iter().find(|b| !b.is_ascii_whitespace());
                    words.push(Word {
                        name,
                        span: start..i,
                        literals_before: spans.len(),
                        call: next == Some(&b'('),
                    });
                }
            }
            _ => i += 1,
        }
    }
    (spans, words)
}

fn skip_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

fn skip_quoted(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn is_raw_string_start(bytes: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

fn skip_raw(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // opening quote
    while i < bytes.len() {
        if bytes[i] == b'"' && bytes[i + 1..].iter().take(hashes).filter(|&&b| b == b'#').count() == hashes {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

fn skip_char_literal(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'\\') {
        i += 2;
    } else {
        i += 1;
    }
    while i < bytes.len() && bytes[i] != b'\'' && bytes[i] != b'\n' {
        i += 1;
    }
    (i + 1).min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        literal_spans(src).into_iter().map(|r| &src[r]).collect()
    }

    #[test]
    fn finds_literals_and_skips_comments() {
        let src = concat!(
            "Scene(id: \"a\", // \"not this\"\n",
            "/* nor \"this\" /* nested \"x\" */ */ text: [\"b \\\" c\", r#\"raw \"q\"\"#], c: 'x')",
        );
        assert_eq!(texts(src), vec!["\"a\"", "\"b \\\" c\"", "r#\"raw \"q\"\"#"]);
    }

    #[test]
    fn identifiers_ending_in_r_are_not_raw_strings() {
        assert_eq!(texts(r#"for: "x""#), vec![r#""x""#]);
    }
}
