//! A text written back in the inline language, for tools that quote a string the
//! model keeps only parsed.

use std::borrow::Cow;

use super::{IfForm, Piece, Text, VaryForm};

/// The characters a literal run escapes with a backslash; inside braces, `|` too.
const ESCAPED: [char; 4] = ['*', '{', '}', '\\'];

impl Text {
    /// The text written back in the inline language: `{name ? then | otherwise}`,
    /// `{seq: a | b}`, `*`, and a backslash before each character that would otherwise
    /// mean something. It reads back as the same text; the blanks inside braces are as
    /// the guide writes them, which may not be as the author did. A plain run with
    /// nothing to escape (most strings) is borrowed as it is.
    pub fn source(&self) -> Cow<'_, str> {
        if let Some(plain) = self.as_plain()
            && !plain.contains(ESCAPED)
        {
            return Cow::Borrowed(plain);
        }
        let mut s = String::new();
        self.write_source(&mut s, false);
        Cow::Owned(s)
    }

    fn write_source(&self, out: &mut String, inside: bool) {
        for piece in self.pieces() {
            match piece {
                Piece::Lit(l) => {
                    for c in l.chars() {
                        if ESCAPED.contains(&c) || (inside && c == '|') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                }
                Piece::Star => out.push('*'),
                Piece::If(form) => {
                    let IfForm {
                        name,
                        negate,
                        then,
                        otherwise,
                        ..
                    } = &**form;
                    out.push_str(if *negate { "{!" } else { "{" });
                    out.push_str(name);
                    out.push_str(" ?");
                    then.write_alternative(out);
                    if !otherwise.pieces().is_empty() {
                        out.push_str(" |");
                        otherwise.write_alternative(out);
                    }
                    out.push('}');
                }
                Piece::Vary(form) => {
                    let VaryForm { kind, alts, .. } = &**form;
                    out.push('{');
                    out.push_str(kind.keyword());
                    out.push(':');
                    for (i, alt) in alts.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" |");
                        }
                        alt.write_alternative(out);
                    }
                    out.push('}');
                }
            }
        }
    }

    /// An alternative inside braces, after a space unless it is empty.
    fn write_alternative(&self, out: &mut String) {
        if !self.pieces().is_empty() {
            out.push(' ');
            self.write_source(out, true);
        }
    }
}
