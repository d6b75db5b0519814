//! Counting a text's words without building its string: every alternative of its
//! inline forms counts, as [`Text::words`] writes them.

use super::{IfForm, Piece, Text, VaryForm};

impl Text {
    /// How many words [`Text::words`] holds, as [`word_count`](crate::story::model::word_count)
    /// counts them, without building the string.
    pub fn word_count(&self) -> usize {
        let mut counter = WordCounter::default();
        self.count_words(&mut counter);
        counter.finish()
    }

    /// Feeds the counter exactly what [`Text::words`] would write.
    fn count_words(&self, c: &mut WordCounter) {
        for piece in self.pieces() {
            match piece {
                Piece::Lit(l) => c.feed(l),
                Piece::Star => {}
                Piece::If(form) => {
                    let IfForm { then, otherwise, .. } = &**form;
                    c.space();
                    then.count_words(c);
                    c.space();
                    otherwise.count_words(c);
                    c.space();
                }
                Piece::Vary(form) => {
                    let VaryForm { alts, .. } = &**form;
                    for alt in alts {
                        c.space();
                        alt.count_words(c);
                    }
                    c.space();
                }
            }
        }
    }
}

/// Counts runs of non-whitespace holding a letter or digit, over text fed in pieces.
#[derive(Default)]
struct WordCounter {
    words: usize,
    /// Whether the run of non-whitespace being read holds a letter or digit (so a
    /// word ends at the next whitespace).
    alphanumeric: bool,
}

/// What an ASCII byte is to [`WordCounter`]: whitespace as `char::is_whitespace` has
/// it (U+000B and U+000C included), a letter or digit, or anything else.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        // ' ', '\t', '\n', U+000B, U+000C, '\r'; '0'..='9', 'A'..='Z', 'a'..='z'.
        if matches!(b, 0x20 | 0x09..=0x0D) {
            table[b] = SPACE;
        } else if matches!(b, 0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A) {
            table[b] = ALNUM;
        }
        b += 1;
    }
    table
};
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALNUM: u8 = 2;

impl WordCounter {
    fn feed(&mut self, s: &str) {
        if s.is_ascii() {
            // Without branches on the text: a word ends at each whitespace after a
            // letter or digit.
            let mut alphanumeric = u8::from(self.alphanumeric);
            for &b in s.as_bytes() {
                let class = ASCII_CLASS[usize::from(b & 0x7F)];
                let (space, letter) = (class & SPACE, class >> 1);
                self.words += usize::from(space & alphanumeric);
                alphanumeric = (alphanumeric | letter) & (space ^ 1);
            }
            self.alphanumeric = alphanumeric != 0;
            return;
        }
        for ch in s.chars() {
            if ch.is_whitespace() {
                self.space();
            } else {
                self.alphanumeric |= ch.is_alphanumeric();
            }
        }
    }

    fn space(&mut self) {
        if self.alphanumeric {
            self.words += 1;
        }
        self.alphanumeric = false;
    }

    fn finish(mut self) -> usize {
        self.space();
        self.words
    }
}
