//! The inline language inside a string: line-break folding, `{name ? a | b}`,
//! `{seq: …}`, `{cycle: …}`, `{once: …}`, `{shuffle: …}`, `*emphasis*` and the
//! escapes `\*`, `\{`, `\}`, `\|` and `\\`.
//!
//! [`parse`] turns a string (as RON decoded it) into a [`Text`]; the names it reads
//! are resolved by the caller (the validator), which also maps the byte offsets of
//! [`TextError`]s back into the file with [`source_offset`]. The engine renders a
//! `Text` against a state (`engine::text`).

use std::ops::Range;

use super::model::Condition;

/// A parsed string: literal runs, emphasis marks and inline forms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(pub Vec<Piece>);

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Characters shown as they are (escapes already undone, line breaks folded).
    Lit(String),
    /// A `*`: emphasis starts or ends here.
    Star,
    /// `{name ? then | otherwise}`; `negate` for `{!name ? …}`.
    If {
        /// Where the form's `{` is: a byte offset in the string, and in the file.
        at: usize,
        pos: Pos,
        name: String,
        negate: bool,
        when: Condition,
        then: Text,
        otherwise: Text,
    },
    /// `{seq: …}`, `{cycle: …}`, `{once: …}` or `{shuffle: …}`, and its alternatives.
    Vary {
        at: usize,
        pos: Pos,
        kind: Vary,
        alts: Vec<Text>,
    },
}

/// A 1-based line and column in a story file (0 when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vary {
    /// By the visits of the scene; the last repeats.
    Seq,
    /// By the visits of the scene, going round.
    Cycle,
    /// By the visits of the scene, then nothing.
    Once,
    /// The scene's shuffle pick in `slot`, drawn on entering it.
    Shuffle { slot: usize },
}

impl Vary {
    pub fn keyword(self) -> &'static str {
        match self {
            Vary::Seq => "seq",
            Vary::Cycle => "cycle",
            Vary::Once => "once",
            Vary::Shuffle { .. } => "shuffle",
        }
    }
}

/// A mistake in a string, at a byte range of the decoded string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub at: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: String,
}

/// What the parser asks of its caller.
pub trait Resolve {
    /// The condition named `name` (written at `at`); the caller reports unknown names.
    fn condition(&mut self, name: &str, at: Range<usize>) -> Condition;
    /// A slot for a `{shuffle: …}` of `alts` alternatives written at `at`, or `None`
    /// where variation is not allowed (the caller reports it).
    fn variation(&mut self, kind: &str, alts: usize, at: Range<usize>) -> Option<usize>;
}

impl Text {
    /// A text with no inline forms.
    pub fn plain(s: &str) -> Self {
        Text(vec![Piece::Lit(s.to_owned())])
    }

    /// Every inline alternative, depth first, with a path naming it.
    pub fn alternatives(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_alternatives(&mut out);
        out
    }

    fn collect_alternatives(&self, out: &mut Vec<String>) {
        for piece in &self.0 {
            match piece {
                Piece::If {
                    name,
                    negate,
                    then,
                    otherwise,
                    ..
                } => {
                    let bang = if *negate { "!" } else { "" };
                    out.push(format!("{{{bang}{name} ? {}}}", then.outline()));
                    then.collect_alternatives(out);
                    if !otherwise.0.is_empty() {
                        out.push(format!("{{{bang}{name} ? … | {}}}", otherwise.outline()));
                        otherwise.collect_alternatives(out);
                    }
                }
                Piece::Vary { kind, alts, .. } => {
                    for alt in alts {
                        out.push(format!("{{{}: {}}}", kind.keyword(), alt.outline()));
                        alt.collect_alternatives(out);
                    }
                }
                Piece::Lit(_) | Piece::Star => {}
            }
        }
    }

    /// Every word the text can show, each alternative's included, for word counts.
    pub fn words(&self) -> String {
        let mut s = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Lit(l) => s.push_str(l),
                Piece::Star => {}
                Piece::If { then, otherwise, .. } => {
                    s.push(' ');
                    s.push_str(&then.words());
                    s.push(' ');
                    s.push_str(&otherwise.words());
                    s.push(' ');
                }
                Piece::Vary { alts, .. } => {
                    for alt in alts {
                        s.push(' ');
                        s.push_str(&alt.words());
                    }
                    s.push(' ');
                }
            }
        }
        s
    }

    /// The literal words of the text with forms shown as `…`, for naming it in reports.
    pub fn outline(&self) -> String {
        let mut s = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Lit(l) => s.push_str(l),
                Piece::Star => {}
                Piece::If { .. } | Piece::Vary { .. } => s.push('…'),
            }
        }
        s.trim().to_owned()
    }

    /// Sets each form's file position from its offset in the string.
    pub fn locate(&mut self, at: &mut dyn FnMut(usize) -> Pos) {
        for piece in &mut self.0 {
            match piece {
                Piece::If {
                    at: offset,
                    pos,
                    then,
                    otherwise,
                    ..
                } => {
                    *pos = at(*offset);
                    then.locate(at);
                    otherwise.locate(at);
                }
                Piece::Vary {
                    at: offset,
                    pos,
                    alts,
                    ..
                } => {
                    *pos = at(*offset);
                    for a in alts {
                        a.locate(at);
                    }
                }
                Piece::Lit(_) | Piece::Star => {}
            }
        }
    }

    /// Whether the text has any inline form that varies with the state.
    pub fn has_forms(&self) -> bool {
        self.0
            .iter()
            .any(|p| matches!(p, Piece::If { .. } | Piece::Vary { .. }))
    }
}

/// Folds every line break, with the spaces and tabs around it, into one space.
pub fn fold(s: &str) -> String {
    if !s.contains('\n') {
        return s.to_owned();
    }
    let lines: Vec<&str> = s.split('\n').collect();
    let last = lines.len() - 1;
    let mut out = String::with_capacity(s.len());
    for (i, mut line) in lines.into_iter().enumerate() {
        if i > 0 {
            line = line.trim_start_matches([' ', '\t']);
            out.push(' ');
        }
        if i < last {
            line = line.trim_end_matches(['\r', ' ', '\t']);
        }
        out.push_str(line);
    }
    out
}

/// Parses a string's inline forms. Errors do not stop the parse: the text comes back
/// with what could be read, and every mistake is listed.
pub fn parse(s: &str, resolve: &mut dyn Resolve) -> (Text, Vec<TextError>) {
    if !s
        .bytes()
        .any(|b| matches!(b, b'\\' | b'\n' | b'\r' | b'*' | b'{' | b'}'))
    {
        return (Text::plain(s), Vec::new());
    }
    let mut p = Parser {
        s,
        i: 0,
        errors: Vec::new(),
    };
    let text = p.sequence(resolve, false).0;
    (text, p.errors)
}

struct Parser<'s> {
    s: &'s str,
    i: usize,
    errors: Vec<TextError>,
}

/// How a sequence ended.
#[derive(PartialEq)]
enum End {
    Eof,
    Bar,
    Close,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }

    fn error(&mut self, at: Range<usize>, message: &str, label: &str, help: &str) {
        self.errors.push(TextError {
            at,
            message: message.into(),
            label: label.into(),
            help: help.into(),
        });
    }

    /// Reads pieces up to the end, or (inside braces) up to `|` or `}`.
    fn sequence(&mut self, resolve: &mut dyn Resolve, inside: bool) -> (Text, End) {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut stars: Vec<usize> = Vec::new();
        let end = loop {
            let Some(c) = self.peek() else { break End::Eof };
            let at = self.i;
            self.i += c.len_utf8();
            match c {
                '\\' => match self.peek() {
                    Some(e @ ('*' | '{' | '}' | '|' | '\\')) => {
                        self.i += 1;
                        lit.push(e);
                    }
                    _ => lit.push('\\'),
                },
                '\n' | '\r' => {
                    let trimmed = lit.trim_end_matches([' ', '\t']).len();
                    lit.truncate(trimmed);
                    while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
                        self.i += 1;
                    }
                    lit.push(' ');
                }
                '*' => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::Star);
                    if stars.pop().is_none() {
                        stars.push(at);
                    }
                }
                '{' => {
                    flush(&mut lit, &mut pieces);
                    if let Some(piece) = self.form(resolve, at) {
                        pieces.push(piece);
                    }
                }
                '|' if inside => break End::Bar,
                '}' if inside => break End::Close,
                '}' => self.error(
                    at..at + 1,
                    "'}' without a '{' to close",
                    "closes nothing",
                    "remove it, or write \\\\} in a RON string for the character itself",
                ),
                c => lit.push(c),
            }
        };
        flush(&mut lit, &mut pieces);
        for at in stars {
            self.error(
                at..at + 1,
                "emphasis started with '*' is not closed",
                "starts here",
                "end it with another '*', or write \\\\* in a RON string for the star itself",
            );
        }
        (Text(pieces), end)
    }

    /// Reads a form after its `{` (at `open`), up to and including its `}`.
    fn form(&mut self, resolve: &mut dyn Resolve, open: usize) -> Option<Piece> {
        let head_start = self.i;
        let rest = &self.s[self.i..];
        let keyword = ["seq", "cycle", "once", "shuffle"].into_iter().find(|k| {
            rest.trim_start()
                .strip_prefix(k)
                .is_some_and(|r| r.starts_with(':'))
        });
        if let Some(k) = keyword {
            let skip = rest.len() - rest.trim_start().len() + k.len() + 1;
            self.i += skip;
            let alts = self.alternatives(resolve, open)?;
            let slot = resolve.variation(k, alts.len(), open..self.i);
            let kind = match k {
                "seq" => Vary::Seq,
                "cycle" => Vary::Cycle,
                "once" => Vary::Once,
                _ => Vary::Shuffle {
                    slot: slot.unwrap_or(0),
                },
            };
            return Some(Piece::Vary {
                at: open,
                pos: Pos::default(),
                kind,
                alts,
            });
        }
        let trimmed = rest.trim_start();
        let lead = rest.len() - trimmed.len();
        let (negate, after_bang) = match trimmed.strip_prefix('!') {
            Some(r) => (true, r.trim_start()),
            None => (false, trimmed),
        };
        let name_len = after_bang
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after_bang.len());
        let name = &after_bang[..name_len];
        let name_start = head_start + lead + (trimmed.len() - after_bang.len());
        let after_name = after_bang[name_len..].trim_start();
        if name.is_empty() || !after_name.starts_with('?') {
            self.error(
                open..open + 1,
                "'{' starts neither a condition nor a variation",
                "this brace",
                "write {name ? text}, {name ? text | otherwise}, {seq: a | b}, {cycle: …}, {once: …} or {shuffle: …}; \
                 for the character itself write \\\\{ in a RON string",
            );
            self.skip_to_close();
            return None;
        }
        let name_range = name_start..name_start + name_len;
        self.i = name_start + name_len + (after_bang[name_len..].len() - after_name.len()) + 1;
        let when = resolve.condition(name, name_range);
        let mut alts = self.alternatives(resolve, open)?.into_iter();
        let then = alts.next().unwrap_or_default();
        let otherwise = alts.next().unwrap_or_default();
        if alts.next().is_some() {
            self.error(
                open..self.i,
                "a condition in text takes one or two alternatives",
                "more than two here",
                "write {name ? when it holds | otherwise}; for more, use named conditions in several braces",
            );
        }
        Some(Piece::If {
            at: open,
            pos: Pos::default(),
            name: name.to_owned(),
            negate,
            when,
            then,
            otherwise,
        })
    }

    /// Reads `a | b | …}`, trimming each alternative.
    fn alternatives(&mut self, resolve: &mut dyn Resolve, open: usize) -> Option<Vec<Text>> {
        let mut alts = Vec::new();
        loop {
            let (text, end) = self.sequence(resolve, true);
            alts.push(trim(text));
            match end {
                End::Bar => {}
                End::Close => return Some(alts),
                End::Eof => {
                    self.error(
                        open..open + 1,
                        "'{' is not closed",
                        "opened here",
                        "end the form with '}'",
                    );
                    return None;
                }
            }
        }
    }

    fn skip_to_close(&mut self) {
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            self.i += c.len_utf8();
            match c {
                '\\' => self.i += self.peek().map_or(0, char::len_utf8),
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

fn flush(lit: &mut String, pieces: &mut Vec<Piece>) {
    if !lit.is_empty() {
        pieces.push(Piece::Lit(std::mem::take(lit)));
    }
}

/// Trims the spaces at either end of an alternative.
fn trim(mut text: Text) -> Text {
    if let Some(Piece::Lit(l)) = text.0.first_mut() {
        *l = l.trim_start().to_owned();
    }
    if let Some(Piece::Lit(l)) = text.0.last_mut() {
        *l = l.trim_end().to_owned();
    }
    text.0.retain(|p| !matches!(p, Piece::Lit(l) if l.is_empty()));
    text
}

/// The byte offset in the file of byte `offset` of the string decoded from the RON
/// literal `literal` (quotes included) that starts at `start`.
pub fn source_offset(literal: &str, start: usize, offset: usize) -> usize {
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.chars().take_while(|&c| c == '#').count();
        return start + 2 + hashes + offset;
    }
    let bytes = literal.as_bytes();
    let (mut src, mut value) = (1usize, 0usize);
    while src < bytes.len() && value < offset {
        let c = literal[src..].chars().next().unwrap_or('"');
        if c == '\\' {
            let (len, produced) = escape_len(&literal[src..]);
            src += len;
            value += produced;
        } else {
            src += c.len_utf8();
            value += c.len_utf8();
        }
    }
    start + src
}

/// The source length of the escape at the start of `s`, and the bytes it decodes to.
fn escape_len(s: &str) -> (usize, usize) {
    let mut chars = s.chars().skip(1);
    match chars.next() {
        Some('x') => (4, 1),
        Some('u') => {
            let len = s.find('}').map_or(s.len(), |i| i + 1);
            let code = s
                .get(3..len.saturating_sub(1))
                .and_then(|h| u32::from_str_radix(h, 16).ok());
            (len, code.and_then(char::from_u32).map_or(1, char::len_utf8))
        }
        Some(c) => (1 + c.len_utf8(), 1),
        None => (1, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names;
    impl Resolve for Names {
        fn condition(&mut self, name: &str, _at: Range<usize>) -> Condition {
            Condition::Flag(name.to_owned())
        }
        fn variation(&mut self, _kind: &str, _alts: usize, _at: Range<usize>) -> Option<usize> {
            Some(0)
        }
    }

    #[test]
    fn folds_line_breaks_and_indentation() {
        assert_eq!(fold("one\n        two  \n three"), "one two three");
        let (text, errors) = parse("a\n    b", &mut Names);
        assert!(errors.is_empty());
        assert_eq!(text, Text::plain("a b"));
    }

    #[test]
    fn escapes_and_errors_carry_offsets() {
        let (text, errors) = parse(r"\*a\{b\}", &mut Names);
        assert!(errors.is_empty());
        assert_eq!(text, Text::plain("*a{b}"));
        let (_, errors) = parse("ab *c", &mut Names);
        assert_eq!(errors[0].at, 3..4);
        let (_, errors) = parse("x {nope} y", &mut Names);
        assert_eq!(errors[0].at, 2..3);
    }

    #[test]
    fn source_offsets_count_escapes() {
        let lit = r#""a\"b c""#;
        assert_eq!(source_offset(lit, 10, 3), 10 + 5);
        assert_eq!(source_offset("r#\"abc\"#", 0, 1), 4);
    }
}
