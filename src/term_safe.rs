//! Terminal safety: the one place where text on its way to a terminal is made harmless.
//!
//! Stories, packs and saves are untrusted: people share them. Any string from one may
//! hold ESC, OSC, CSI or C1 sequences that would retitle the terminal, write the
//! clipboard (OSC 52), clear the screen or reset it, or bidirectional overrides that
//! make a line read differently from what it holds. So every command writes through a
//! [`SafeWriter`] ([`stdout`] and [`stderr`] hand them out; `clippy.toml` forbids
//! `std::io::stdout` and `std::io::stderr` everywhere else, so no later print can go
//! around it), and the full-screen game draws through a [`SafeBackend`].
//!
//! What [`sanitise`] does: a newline stays, a tab becomes spaces, and every other C0
//! control (CR, BEL, ESC and the rest), DEL, the C1 controls (U+0080–U+009F) and the
//! bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
//! dropped. Bytes that are not UTF-8 become U+FFFD, so a raw 8-bit CSI (0x9B) never
//! reaches the terminal either.

use std::borrow::Cow;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// What a tab becomes.
const TAB: &str = "    ";

/// Whether `c` must not reach a terminal as it is (a newline and a tab are handled
/// apart: the first is kept, the second becomes spaces).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidirectional embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with nothing a terminal would act on: newlines kept, tabs as spaces, every
/// other control character and bidirectional control dropped. Borrows when `text` is
/// already safe, which it nearly always is.
pub fn sanitise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(TAB),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A writer that passes on only what [`sanitise`] lets through. A character split
/// across two writes is held back until it is whole; bytes that can never be UTF-8
/// become U+FFFD.
pub struct SafeWriter<W: Write> {
    inner: W,
    /// The start of a character whose remaining bytes have not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    pub fn into_inner(self) -> W {
        self.inner
    }

    fn pass(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(sanitise(text).as_bytes())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let bytes = std::mem::take(&mut self.pending);
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.pass(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    self.pass(std::str::from_utf8(good).unwrap_or_default())?;
                    let Some(n) = e.error_len() else {
                        // The start of a character: wait for the rest of it.
                        self.pending = bad.to_vec();
                        break;
                    };
                    self.inner.write_all("\u{FFFD}".as_bytes())?;
                    rest = &bad[n..];
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Standard output, made safe. The only way the crate writes to it outside the
/// full-screen game.
#[allow(clippy::disallowed_methods)]
pub fn stdout() -> SafeWriter<io::StdoutLock<'static>> {
    SafeWriter::new(io::stdout().lock())
}

/// Standard error, made safe.
#[allow(clippy::disallowed_methods)]
pub fn stderr() -> SafeWriter<io::StderrLock<'static>> {
    SafeWriter::new(io::stderr().lock())
}

/// Whether standard output is a terminal.
#[allow(clippy::disallowed_methods)]
pub fn stdout_is_terminal() -> bool {
    io::IsTerminal::is_terminal(&io::stdout())
}

/// The raw standard output, for the full-screen game's terminal set-up (raw mode,
/// mouse capture) and its [`SafeBackend`]: nothing else in the crate may have it.
#[allow(clippy::disallowed_methods)]
pub(crate) fn raw_stdout() -> io::Stdout {
    io::stdout()
}

/// A ratatui backend that sanitises every cell before it is drawn. ratatui already
/// leaves out control characters; this also takes out bidirectional controls (which
/// take no cell, so they ride along in the symbol of the cell before them).
pub struct SafeBackend<B: Backend> {
    inner: B,
}

impl<B: Backend> SafeBackend<B> {
    pub fn new(inner: B) -> Self {
        Self { inner }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: Backend> Backend for SafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, Cell)> = content
            .map(|(x, y, cell)| {
                let mut cell = cell.clone();
                if cell.symbol().chars().any(is_unsafe) {
                    let clean: String = cell.symbol().chars().filter(|&c| !is_unsafe(c)).collect();
                    cell.set_symbol(if clean.is_empty() { " " } else { &clean });
                }
                (x, y, cell)
            })
            .collect();
        self.inner.draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_text_is_borrowed_and_unchanged() {
        assert!(matches!(sanitise("Hailsham, 雨\nline two"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_go_and_tabs_become_spaces() {
        let hostile = "a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}[2Jc\u{9b}31m\rd\te\u{202e}f\u{2066}g\u{7f}";
        assert_eq!(sanitise(hostile), "a]52;c;SGVsbG8=b[2Jc31md    efg");
    }

    #[test]
    fn the_writer_holds_a_split_character_and_replaces_bad_bytes() {
        let mut w = SafeWriter::new(Vec::new());
        let snow = "雪".as_bytes();
        w.write_all(&snow[..1]).unwrap();
        w.write_all(&snow[1..]).unwrap();
        w.write_all(b"\x1b[31m\xff\xc2\x9b!").unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "雪[31m\u{FFFD}!");
    }
}
