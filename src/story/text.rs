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

mod parse;
mod source;
mod words;

pub use parse::parse;

/// A parsed string: literal runs, emphasis marks and inline forms; read them with
/// [`Text::pieces`].
///
/// A large story holds hundreds of thousands of pieces, so they are kept small: boxed
/// slices and strings (no spare capacity), each inline form behind a box of its own
/// (most pieces are literal runs, a word or two of pointer each), and a text of one
/// piece (most strings are plain) holds it in place, with no list to allocate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(Pieces);

#[derive(Debug, Clone, PartialEq)]
enum Pieces {
    One(Piece),
    Many(Box<[Piece]>),
}

impl Default for Pieces {
    fn default() -> Self {
        Pieces::Many(Box::default())
    }
}

impl From<Vec<Piece>> for Text {
    fn from(mut pieces: Vec<Piece>) -> Self {
        if pieces.len() == 1
            && let Some(one) = pieces.pop()
        {
            return Text(Pieces::One(one));
        }
        Text(Pieces::Many(crate::story::exact(pieces)))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Characters shown as they are (escapes already undone, line breaks folded).
    Lit(Box<str>),
    /// A `*`: emphasis starts or ends here.
    Star,
    /// `{name ? then | otherwise}`; `negate` for `{!name ? …}`.
    If(Box<IfForm>),
    /// `{seq: …}`, `{cycle: …}`, `{once: …}` or `{shuffle: …}`, and its alternatives.
    Vary(Box<VaryForm>),
}

/// `{name ? then | otherwise}`, or `{!name ? …}` with `negate`.
#[derive(Debug, Clone, PartialEq)]
pub struct IfForm {
    /// Where the form's `{` is: a byte offset in the string, and in the file.
    pub at: usize,
    pub pos: Pos,
    pub name: Box<str>,
    pub negate: bool,
    pub when: Condition,
    pub then: Text,
    pub otherwise: Text,
}

/// `{seq: …}`, `{cycle: …}`, `{once: …}` or `{shuffle: …}`, and its alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct VaryForm {
    /// Where the form's `{` is: a byte offset in the string, and in the file.
    pub at: usize,
    pub pos: Pos,
    pub kind: Vary,
    pub alts: Box<[Text]>,
}

/// A 1-based line and column in a story file (0 when unknown). Held as `u32`s: a large
/// story has one for every paragraph and form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
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
        Text(Pieces::One(Piece::Lit(s.into())))
    }

    /// Its pieces, in order.
    pub fn pieces(&self) -> &[Piece] {
        match &self.0 {
            Pieces::One(piece) => std::slice::from_ref(piece),
            Pieces::Many(pieces) => pieces,
        }
    }

    fn pieces_mut(&mut self) -> &mut [Piece] {
        match &mut self.0 {
            Pieces::One(piece) => std::slice::from_mut(piece),
            Pieces::Many(pieces) => pieces,
        }
    }

    /// Its pieces, taken out.
    fn into_pieces(self) -> Vec<Piece> {
        match self.0 {
            Pieces::One(piece) => vec![piece],
            Pieces::Many(pieces) => pieces.into_vec(),
        }
    }

    /// The text when it is one literal run (or none), with no emphasis or forms.
    pub fn as_plain(&self) -> Option<&str> {
        match self.pieces() {
            [] => Some(""),
            [Piece::Lit(s)] => Some(s),
            _ => None,
        }
    }

    /// Every inline alternative, depth first, with a path naming it.
    pub fn alternatives(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_alternatives(&mut out);
        out
    }

    fn collect_alternatives(&self, out: &mut Vec<String>) {
        for piece in self.pieces() {
            match piece {
                Piece::If(form) => {
                    let IfForm {
                        name,
                        negate,
                        then,
                        otherwise,
                        ..
                    } = &**form;
                    let bang = if *negate { "!" } else { "" };
                    out.push(format!("{{{bang}{name} ? {}}}", then.outline()));
                    then.collect_alternatives(out);
                    if !otherwise.pieces().is_empty() {
                        out.push(format!("{{{bang}{name} ? … | {}}}", otherwise.outline()));
                        otherwise.collect_alternatives(out);
                    }
                }
                Piece::Vary(form) => {
                    let VaryForm { kind, alts, .. } = &**form;
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
        for piece in self.pieces() {
            match piece {
                Piece::Lit(l) => s.push_str(l),
                Piece::Star => {}
                Piece::If(form) => {
                    let IfForm { then, otherwise, .. } = &**form;
                    s.push(' ');
                    s.push_str(&then.words());
                    s.push(' ');
                    s.push_str(&otherwise.words());
                    s.push(' ');
                }
                Piece::Vary(form) => {
                    let VaryForm { alts, .. } = &**form;
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
        for piece in self.pieces() {
            match piece {
                Piece::Lit(l) => s.push_str(l),
                Piece::Star => {}
                Piece::If(_) | Piece::Vary(_) => s.push('…'),
            }
        }
        s.trim().to_owned()
    }

    /// Sets each form's file position from its offset in the string.
    pub fn locate(&mut self, at: &mut dyn FnMut(usize) -> Pos) {
        for piece in self.pieces_mut() {
            match piece {
                Piece::If(form) => {
                    let IfForm {
                        at: offset,
                        pos,
                        then,
                        otherwise,
                        ..
                    } = &mut **form;
                    *pos = at(*offset);
                    then.locate(at);
                    otherwise.locate(at);
                }
                Piece::Vary(form) => {
                    let VaryForm {
                        at: offset,
                        pos,
                        alts,
                        ..
                    } = &mut **form;
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
        self.pieces()
            .iter()
            .any(|p| matches!(p, Piece::If(_) | Piece::Vary(_)))
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

/// [`fold`] of an owned string, which comes back as it is when it has no line break.
pub fn fold_owned(s: String) -> String {
    if s.contains('\n') { fold(&s) } else { s }
}

/// The byte offset in the file of byte `offset` of the string decoded from the RON
/// literal `literal` (quotes included) that starts at `start`.
pub fn source_offset(literal: &str, start: usize, offset: usize) -> usize {
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.chars().take_while(|&c| c == '#').count();
        return start + 2 + hashes + offset;
    }
    let bytes = literal.as_bytes();
    // Without escapes, the string is the literal's bytes between its quotes.
    if !bytes.contains(&b'\\') && offset < bytes.len() && literal.is_char_boundary(1 + offset) {
        return start + 1 + offset;
    }
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
mod tests;
