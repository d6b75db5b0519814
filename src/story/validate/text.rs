//! The language inside strings, checked: named conditions (`Is("name")` and
//! `{name ? …}`), inline variation, emphasis, and paragraph chains (`If`, `ElseIf`,
//! `Else`), each mistake reported at its exact column in the file.

use std::ops::Range;

use super::super::raw::{Link, RawParagraph};
use super::super::text::{self, Pos, Resolve, Text};
use super::{
    ChanceSlots, Condition, ConditionPlace, Diagnostic, Merged, RawCondition, Spanned, Validator, closest,
};

/// Where a string is being read: its file and literal, and what it may use.
pub(super) struct StringPlace<'a> {
    pub file: usize,
    pub literal: &'a Spanned,
    /// The scene's chance rolls; `None` in a reflection, where nothing may vary.
    pub chance_slots: Option<&'a mut ChanceSlots>,
    /// The scene's shuffles (alternatives per slot); `None` in a reflection.
    pub shuffles: Option<&'a mut Vec<usize>>,
    pub anchor: &'a Spanned,
}

impl Validator<'_> {
    /// Records the named conditions of every layer; a name given twice in one layer is
    /// an error (across layers, `layers` has said so already).
    pub(super) fn declare_conditions(&mut self, m: &Merged) {
        for item in &m.conditions {
            let (name, raw) = &item.raw;
            if let Some((f, first, _)) = self.named.get(&name.value) {
                let at = self.where_is(*f, first.span().as_ref());
                self.error(
                    item.file,
                    name,
                    format!("condition '{}' is already named", name.value),
                    "named again here",
                    Some(format!("first named at {at}; give this condition its own name")),
                );
                continue;
            }
            self.named
                .insert(name.value.clone(), (item.file, name.clone(), raw.clone()));
        }
        let names: Vec<(usize, Spanned, RawCondition)> = m
            .conditions
            .iter()
            .map(|i| (i.file, i.raw.0.clone(), i.raw.1.clone()))
            .collect();
        for (file, name, raw) in names {
            // Checked once where it is defined; each use expands it quietly.
            let mut slots = ChanceSlots::default();
            self.expanding.push(name.value.clone());
            self.condition(
                &raw,
                &mut ConditionPlace {
                    file,
                    chance_slots: Some(&mut slots),
                    anchor: &name,
                },
            );
            self.expanding.pop();
        }
    }

    /// A warning for each named condition nothing uses.
    pub(super) fn unused_conditions(&mut self, m: &Merged) {
        for item in &m.conditions {
            let name = &item.raw.0;
            if !self.used_conditions.contains(&name.value) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        item.file,
                        name.span(),
                        format!("condition '{}' is named but never used", name.value),
                    )
                    .label("nothing reads it")
                    .help(format!(
                        "use it as Is(\"{0}\") or {{{0} ? …}} in text, or remove it",
                        name.value
                    )),
                );
            }
        }
    }

    /// `Is("name")`: the named condition, expanded in place (so its chance rolls belong
    /// to the scene that uses it).
    pub(super) fn named_condition(&mut self, name: &Spanned, place: &mut ConditionPlace<'_>) -> Condition {
        let never = Condition::Any(Vec::new());
        let Some((_, _, raw)) = self.named.get(&name.value).cloned() else {
            let help = match closest(&name.value, self.named.keys().map(String::as_str)) {
                Some(s) => format!("did you mean '{s}'?"),
                None => format!("name it under `conditions` in {}", self.manifest_name(place.file)),
            };
            self.error(
                place.file,
                name,
                format!("unknown condition '{}'", name.value),
                "no condition has this name",
                Some(help),
            );
            return never;
        };
        if self.expanding.contains(&name.value) {
            let chain = format!("'{}' → '{}'", self.expanding.join("' → '"), name.value);
            if self.expanding.len() == 1 {
                self.cycle_error(place.file, name, &chain);
            } else {
                self.cycle = Some(chain);
            }
            return never;
        }
        if place.chance_slots.is_none() && uses_chance(&raw) {
            self.error(
                place.file,
                name,
                format!(
                    "condition '{}' rolls a chance, which cannot decide a reflection",
                    name.value
                ),
                "in this memory",
                Some("a memory must read the same each time it is opened".into()),
            );
            return never;
        }
        if self.expanding.len() != 1 {
            self.used_conditions.insert(name.value.clone());
        }
        let mark = self.diagnostics.len();
        self.expanding.push(name.value.clone());
        let expanded = self.condition(&raw, place);
        self.expanding.pop();
        self.diagnostics.truncate(mark);
        if let Some(chain) = self.cycle.take()
            && self.expanding.len() == 1
        {
            self.cycle_error(place.file, name, &chain);
        }
        expanded
    }

    fn cycle_error(&mut self, file: usize, name: &Spanned, chain: &str) {
        let outer = self.expanding.first().cloned().unwrap_or_default();
        self.error(
            file,
            name,
            format!("condition '{outer}' is defined in terms of itself"),
            "this leads back to it",
            Some(format!("{chain}: define one of them without the other")),
        );
    }

    /// Parses a string's inline forms, reporting mistakes at their columns.
    pub(super) fn text(&mut self, mut at: StringPlace<'_>) -> Text {
        let literal = at.literal;
        let (parsed, errors) = {
            let mut resolver = Resolver { v: self, at: &mut at };
            text::parse(&literal.value, &mut resolver)
        };
        for e in errors {
            let span = self.string_span(at.file, at.literal, e.at.clone());
            self.diagnostics.push(
                Diagnostic::error(at.file, span, e.message)
                    .label(e.label)
                    .help(e.help),
            );
        }
        let mut parsed = parsed;
        if parsed.has_forms() {
            parsed.locate(&mut |offset| {
                let span = self.string_span(at.file, at.literal, offset..offset);
                self.pos(at.file, span.map(|s| s.start))
            });
        }
        parsed
    }

    /// The line and column of a byte offset in a file (0, 0 when unknown), from an
    /// index of line starts kept per file, so that placing every string stays cheap.
    pub(super) fn pos(&mut self, file: usize, offset: Option<usize>) -> Pos {
        let (Some(f), Some(offset)) = (self.files.get(file), offset) else {
            return Pos::default();
        };
        let starts = self.line_starts.entry(file).or_insert_with(|| {
            std::iter::once(0)
                .chain(f.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1];
        let column = f
            .text
            .get(start..offset.min(f.text.len()))
            .map_or(0, |s| s.chars().count())
            + 1;
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos {
            line: narrow(line),
            column: narrow(column),
        }
    }

    /// The file span of bytes `range` of a string read from `literal`.
    fn string_span(&self, file: usize, literal: &Spanned, range: Range<usize>) -> Option<Range<usize>> {
        let span = literal.span()?;
        let source = self.files.get(file)?.text.get(span.clone())?;
        let start = text::source_offset(source, span.start, range.start);
        let end = text::source_offset(source, span.start, range.end).max(start);
        Some(start..end)
    }

    /// The paragraphs of a scene, chains resolved: an `ElseIf` holds when nothing before
    /// it in the chain did and its own condition does; an `Else` when nothing did.
    pub(super) fn paragraph_conditions(
        &mut self,
        file: usize,
        paragraphs: &[RawParagraph],
        mut condition: impl FnMut(&mut Self, &RawCondition) -> Condition,
    ) -> Vec<Option<Condition>> {
        let mut chain: Option<Vec<Condition>> = None;
        let mut out = Vec::new();
        for p in paragraphs {
            let own = p.when.as_ref().map(|c| condition(self, c));
            let when = match (p.link, chain.as_mut()) {
                (Link::Plain, _) => {
                    chain = None;
                    None
                }
                (Link::If, _) => {
                    chain = own.clone().map(|c| vec![c]);
                    own
                }
                (Link::ElseIf, Some(before)) => {
                    let c = own.unwrap_or(Condition::All(Vec::new()));
                    let when = Condition::All(vec![none_of(before), c.clone()]);
                    before.push(c);
                    Some(when)
                }
                (Link::Else, Some(before)) => {
                    let when = none_of(before);
                    chain = None;
                    Some(when)
                }
                (Link::ElseIf | Link::Else, None) => {
                    let word = if p.link == Link::Else { "Else" } else { "ElseIf" };
                    let at = Spanned::new(word.into(), p.head.clone().or_else(|| p.text.span()));
                    self.error(
                        file,
                        &at,
                        format!("{word} does not follow an If or ElseIf"),
                        "nothing to be the else of",
                        Some(format!(
                            "put it directly after an If(...) or ElseIf(...) paragraph, or make it If(condition, \"text\"){}",
                            if p.link == Link::Else { " or a plain string" } else { "" }
                        )),
                    );
                    chain = None;
                    own
                }
            };
            out.push(when);
        }
        out
    }

    /// The manifest an author declares things in, for the file being read.
    pub(super) fn manifest_name(&self, file: usize) -> &'static str {
        if file >= self.base_files {
            "pack.ron"
        } else {
            "story.ron"
        }
    }
}

/// `Not(c)` for one earlier condition, `Not(Any([…]))` for several.
fn none_of(before: &[Condition]) -> Condition {
    match before {
        [one] => Condition::Not(Box::new(one.clone())),
        many => Condition::Not(Box::new(Condition::Any(many.to_vec()))),
    }
}

fn uses_chance(raw: &RawCondition) -> bool {
    match raw {
        RawCondition::All(l) | RawCondition::Any(l) => l.iter().any(uses_chance),
        RawCondition::Not(inner) => uses_chance(inner),
        RawCondition::Chance(_) | RawCondition::Roll(..) => true,
        _ => false,
    }
}

struct Resolver<'v, 'f, 'a, 'p> {
    v: &'v mut Validator<'f>,
    at: &'a mut StringPlace<'p>,
}

impl Resolve for Resolver<'_, '_, '_, '_> {
    fn condition(&mut self, name: &str, range: Range<usize>) -> Condition {
        let span = self.v.string_span(self.at.file, self.at.literal, range);
        let name = Spanned::new(name.to_owned(), span);
        let mut place = ConditionPlace {
            file: self.at.file,
            chance_slots: self.at.chance_slots.as_deref_mut(),
            anchor: self.at.anchor,
        };
        self.v.named_condition(&name, &mut place)
    }

    fn variation(&mut self, kind: &str, alts: usize, range: Range<usize>) -> Option<usize> {
        let Some(shuffles) = self.at.shuffles.as_deref_mut() else {
            let span = self.v.string_span(self.at.file, self.at.literal, range);
            self.v.diagnostics.push(
                Diagnostic::error(self.at.file, span, format!("{{{kind}: …}} cannot vary a reflection"))
                    .label("in this memory")
                    .help("a memory must read the same each time it is opened; use {name ? … | …} with a named condition"),
            );
            return None;
        };
        (kind == "shuffle").then(|| {
            shuffles.push(alts);
            shuffles.len() - 1
        })
    }
}
