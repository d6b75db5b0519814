//! Diagnostics in the style of rustc: severity, a lowercase message with the bad value in
//! 'quotes', the file, line and column, the source line underlined, and what to do.
//!
//! A [`Report`] owns the source files it speaks of, so it can be rendered long after
//! loading (by `check`, or in the game when a hot reload fails).

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Index of the file in the report's sources.
    pub file: usize,
    pub span: Option<Range<usize>>,
    /// A short note printed under the underlined source.
    pub label: String,
    pub help: Option<String>,
}

/// A source file as the loader saw it: a display name and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Where a diagnostic points, in the terms an author uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sources: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Diagnostic {
    pub fn error(file: usize, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file,
            span,
            label: String::new(),
            help: None,
        }
    }

    pub fn warning(file: usize, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, span, message)
        }
    }

    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The file, line and column (both 1-based; columns count characters) of a diagnostic.
    pub fn location(&self, diagnostic: &Diagnostic) -> Option<Location> {
        let source = self.sources.get(diagnostic.file)?;
        let offset = diagnostic.span.as_ref().map_or(0, |s| s.start);
        let (line, column) = line_column(&source.text, offset);
        Some(Location {
            file: source.name.clone(),
            line,
            column,
        })
    }

    /// Renders every diagnostic, errors and warnings in the order found, then a tally.
    pub fn render(&self) -> String {
        if self.diagnostics.is_empty() {
            return String::new();
        }
        let mut files = SimpleFiles::new();
        for source in &self.sources {
            files.add(source.name.as_str(), source.text.as_str());
        }
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.diagnostics {
            let rendered = term::emit_into_string(&config, &files, &to_codespan(d));
            match rendered {
                Ok(text) => out.push_str(&text),
                // A span past the end of its file cannot be drawn; say it plainly instead.
                Err(_) => out.push_str(&format!("{}: {}\n", severity_word(d.severity), d.message)),
            }
        }
        let (errors, warnings) = (self.errors().count(), self.warnings().count());
        if errors + warnings > 0 {
            out.push_str(&format!("{}\n", tally(errors, warnings)));
        }
        out
    }
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<usize> {
    let base = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    };
    let mut diagnostic = base.with_message(&d.message);
    let span = d.span.clone().unwrap_or(0..0);
    diagnostic = diagnostic.with_labels(vec![cs::Label::primary(d.file, span).with_message(&d.label)]);
    if let Some(help) = &d.help {
        diagnostic = diagnostic.with_notes(vec![format!("help: {help}")]);
    }
    diagnostic
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn tally(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        let d = text.find('d').unwrap_or_default();
        assert_eq!(line_column(text, d), (2, 4));
        assert_eq!(offset_of(text, 2, 4), d);
    }
}
