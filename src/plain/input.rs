//! Reading the plain player's input: a line at a time, and never trusting it. A line
//! that is not UTF-8, or is far too long, is a bad line the player is told about, not
//! the end of the game.

use std::io::{BufRead, Read};

/// The longest input line read; the rest of a longer one is skipped.
pub const MAX_LINE: usize = 4096;

/// One line of input: text, or why it is not a line the game can read.
pub(super) enum Line {
    Text(String),
    NotText,
    TooLong,
}

/// Reads one line (without its line ending), at most [`MAX_LINE`] bytes of it; `None`
/// at the end of the input. Bytes that are not UTF-8 make a line that is not text,
/// not an error: the game goes on.
pub(super) fn next_line(input: &mut impl BufRead) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let limit = MAX_LINE as u64 + 1;
    if input.by_ref().take(limit).read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    if bytes.last() != Some(&b'\n') && bytes.len() > MAX_LINE {
        // Skip to the end of this line, a piece at a time.
        let mut rest = Vec::new();
        while input.by_ref().take(limit).read_until(b'\n', &mut rest)? > 0 && rest.last() != Some(&b'\n') {
            rest.clear();
        }
        return Ok(Some(Line::TooLong));
    }
    while matches!(bytes.last(), Some(b'\n' | b'\r')) {
        bytes.pop();
    }
    Ok(Some(String::from_utf8(bytes).map_or(Line::NotText, Line::Text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<String> {
        let mut input = input;
        let mut out = Vec::new();
        while let Some(line) = next_line(&mut input).unwrap() {
            out.push(match line {
                Line::Text(t) => t,
                Line::NotText => "<not text>".to_owned(),
                Line::TooLong => "<too long>".to_owned(),
            });
        }
        out
    }

    #[test]
    fn bad_lines_are_named_and_the_next_line_is_read() {
        let mut input = b"1\r\n\xff\n".to_vec();
        input.extend(vec![b'x'; MAX_LINE * 3]);
        input.extend(b"\n2");
        assert_eq!(lines(&input), ["1", "<not text>", "<too long>", "2"]);
    }
}
