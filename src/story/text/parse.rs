//! The parser of the inline language: a string, as RON decoded it, into a [`Text`],
//! with every mistake listed at its byte offset.

use std::ops::Range;

use super::{IfForm, Piece, Pos, Resolve, Text, TextError, Vary, VaryForm};

/// Parses a string's inline forms. Errors do not stop the parse: the text comes back
/// with what could be read, and every mistake is listed.
pub fn parse(s: &str, resolve: &mut dyn Resolve) -> (Text, Vec<TextError>) {
    // Most strings are plain: one pass over every byte, without an early exit, so
    // that it runs on whole words at once.
    let special = s.bytes().fold(false, |any, b| {
        any | matches!(b, b'\\' | b'\n' | b'\r' | b'*' | b'{' | b'}')
    });
    if !special {
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
                '\\' => self.escape(&mut lit),
                '\n' | '\r' => self.line_break(&mut lit),
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
                c => self.plain_run(c, &mut lit),
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
        // A story holds hundreds of thousands of these: no spare capacity is kept.
        (Text::from(pieces), end)
    }

    /// After a `\\`: the character it escapes, or the backslash itself.
    fn escape(&mut self, lit: &mut String) {
        match self.peek() {
            Some(e @ ('*' | '{' | '}' | '|' | '\\')) => {
                self.i += 1;
                lit.push(e);
            }
            _ => lit.push('\\'),
        }
    }

    /// A line break and the blanks around it fold into one space.
    fn line_break(&mut self, lit: &mut String) {
        let trimmed = lit.trim_end_matches([' ', '\t']).len();
        lit.truncate(trimmed);
        while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
            self.i += 1;
        }
        lit.push(' ');
    }

    /// `c` and the plain run after it, up to the next character that means something.
    fn plain_run(&mut self, c: char, lit: &mut String) {
        let rest = &self.s[self.i..];
        let run = rest
            .find(['\\', '\n', '\r', '*', '{', '}', '|'])
            .unwrap_or(rest.len());
        lit.push(c);
        lit.push_str(&rest[..run]);
        self.i += run;
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
            return self.vary(resolve, open, k);
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
        self.if_form(resolve, open, name, negate, name_range)
    }

    /// A variation's alternatives, after `{seq:` (or another `keyword`) at `open`.
    fn vary(&mut self, resolve: &mut dyn Resolve, open: usize, keyword: &str) -> Option<Piece> {
        let alts = self.alternatives(resolve, open)?;
        let slot = resolve.variation(keyword, alts.len(), open..self.i);
        let kind = match keyword {
            "seq" => Vary::Seq,
            "cycle" => Vary::Cycle,
            "once" => Vary::Once,
            _ => Vary::Shuffle {
                slot: slot.unwrap_or(0),
            },
        };
        Some(Piece::Vary(Box::new(VaryForm {
            at: open,
            pos: Pos::default(),
            kind,
            alts: crate::story::exact(alts),
        })))
    }

    /// A condition's one or two alternatives, after `{name ?` (the name at `name_range`).
    fn if_form(
        &mut self,
        resolve: &mut dyn Resolve,
        open: usize,
        name: &str,
        negate: bool,
        name_range: Range<usize>,
    ) -> Option<Piece> {
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
        Some(Piece::If(Box::new(IfForm {
            at: open,
            pos: Pos::default(),
            name: name.into(),
            negate,
            when,
            then,
            otherwise,
        })))
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

/// Moves the literal run into a piece of its own (allocated to size; the run's buffer
/// is kept for the next one).
fn flush(lit: &mut String, pieces: &mut Vec<Piece>) {
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit.as_str().into()));
        lit.clear();
    }
}

/// Trims the spaces at either end of an alternative.
fn trim(mut text: Text) -> Text {
    if let Some(Piece::Lit(l)) = text.pieces_mut().first_mut()
        && l.starts_with(char::is_whitespace)
    {
        *l = l.trim_start().into();
    }
    if let Some(Piece::Lit(l)) = text.pieces_mut().last_mut()
        && l.ends_with(char::is_whitespace)
    {
        *l = l.trim_end().into();
    }
    if text
        .pieces()
        .iter()
        .any(|p| matches!(p, Piece::Lit(l) if l.is_empty()))
    {
        let mut pieces = text.into_pieces();
        pieces.retain(|p| !matches!(p, Piece::Lit(l) if l.is_empty()));
        text = Text::from(pieces);
    }
    text
}
