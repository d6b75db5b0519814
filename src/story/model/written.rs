//! A choice's label as written, kept only where it differs from the text its parts
//! already hold, and a paragraph's string written back from its parts.

use std::borrow::Cow;

use super::{Choice, Condition, Effect, Paragraph, Pos, Text};

impl Choice {
    /// A choice of a scene, its label parsed from `written` (as written, line breaks
    /// folded) into `label_parts`; `to` is "Back" when `back`.
    pub fn new(
        id: String,
        written: String,
        label_parts: Text,
        when: Option<Box<Condition>>,
        effects: Vec<Effect>,
        (to, back): (String, bool),
        once: bool,
    ) -> Self {
        Self {
            id,
            written_label: kept(written, &label_parts),
            label_parts,
            when,
            effects,
            to,
            back,
            once,
        }
    }

    /// The label as written (line breaks folded), for tools that name it; for a
    /// choice from [`with_label`](Self::with_label), the label it was given.
    pub fn label(&self) -> &str {
        written(self.written_label.as_deref(), &self.label_parts)
    }

    /// The choice with its label as it reads now (rendered against a state), for
    /// the lists a player is offered.
    #[must_use]
    pub fn with_label(mut self, label: String) -> Self {
        self.written_label = kept(label, &self.label_parts);
        self
    }
}

/// A string as written, kept only where it is not the text its parts already hold.
/// Boxed to its length, in a block of its own: shrinking in place could leave the
/// allocator's whole block behind it.
fn kept(written: String, parts: &Text) -> Option<Box<str>> {
    if parts.as_plain() == Some(written.as_str()) {
        return None;
    }
    Some(if written.len() == written.capacity() {
        written.into_boxed_str()
    } else {
        Box::from(written.as_str())
    })
}

/// The string as written: what was kept of it, else its parts' own text.
fn written<'t>(kept: Option<&'t str>, parts: &'t Text) -> &'t str {
    kept.unwrap_or_else(|| parts.as_plain().unwrap_or_default())
}

impl Paragraph {
    /// A paragraph of `parts`, shown when `when` holds.
    pub fn new(when: Option<Box<Condition>>, parts: Text, pos: Pos) -> Self {
        Self { when, parts, pos }
    }

    /// The string in the inline language (line breaks folded), for tools that quote
    /// it: written back from its parts ([`Text::source`]).
    pub fn text(&self) -> Cow<'_, str> {
        self.parts.source()
    }
}
