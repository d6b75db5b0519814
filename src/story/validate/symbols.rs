//! Symbol tables: declaring ids (and reporting duplicates), and checking that an id a
//! story names was declared, with a "did you mean" for near misses.

use super::super::source::Spanned;
use super::{Declared, Validator};

impl Validator<'_> {
    /// Records a declaration; reports a duplicate and returns false if the id is taken.
    pub(super) fn declare(&mut self, kind: &str, table: DeclTable, file: usize, id: &Spanned) -> bool {
        if id.value.is_empty() {
            self.error(
                file,
                id,
                format!("empty {kind} id"),
                "an id cannot be empty",
                Some("give it a short snake_case name".into()),
            );
            return false;
        }
        let first = self.table(table).get(&id.value).cloned();
        if let Some((first_file, first_span)) = first {
            let at = self.where_is(first_file, first_span.as_ref());
            self.error(
                file,
                id,
                format!("duplicate {kind} id '{}'", id.value),
                "defined again here",
                Some(format!("first defined at {at}; every {kind} needs its own id")),
            );
            return false;
        }
        self.table(table).insert(id.value.clone(), (file, id.span()));
        true
    }

    pub(super) fn table(&mut self, table: DeclTable) -> &mut Declared {
        match table {
            DeclTable::Era => &mut self.eras,
            DeclTable::Tone => &mut self.tones,
            DeclTable::Knowledge => &mut self.knowledge,
            DeclTable::Memory => &mut self.memories,
            DeclTable::Keepsake => &mut self.keepsakes,
            DeclTable::Ending => &mut self.endings,
            DeclTable::Character => &mut self.characters,
            DeclTable::Scene => &mut self.scenes,
        }
    }

    /// Checks that `id` names something declared in `table`, with a suggestion if not.
    pub(super) fn known(&mut self, kind: &str, table: DeclTable, file: usize, id: &Spanned) -> bool {
        if self.table(table).contains_key(&id.value) {
            return true;
        }
        if matches!(table, DeclTable::Scene) && self.scenes_incomplete {
            return false;
        }
        let suggestion = closest(&id.value, self.table(table).keys().map(String::as_str));
        let help = match (suggestion, table) {
            (Some(s), _) => format!("did you mean '{s}'?"),
            (None, DeclTable::Scene) => {
                "add a scene with this id, or point the choice at an existing one".into()
            }
            (None, _) => format!(
                "declare it in {} under `{}`",
                self.manifest_name(file),
                table.section()
            ),
        };
        self.error(
            file,
            id,
            format!("unknown {kind} '{}'", id.value),
            &format!("no {kind} has this id"),
            Some(help),
        );
        false
    }

    pub(super) fn known_axis(&mut self, file: usize, character: &Spanned, axis: &Spanned) -> bool {
        if !self.known("character", DeclTable::Character, file, character) {
            return false;
        }
        let declared = self.axes.get(&character.value).cloned().unwrap_or_default();
        if declared.contains_key(&axis.value) {
            return true;
        }
        let help = match closest(&axis.value, declared.keys().map(String::as_str)) {
            Some(s) => format!("did you mean '{s}'?"),
            None if file >= self.base_files => format!(
                "declare the axis in pack.ron: Character(id: \"{}\", override: true, …) with every axis, this one too",
                character.value
            ),
            None => format!(
                "declare the axis under the character '{}' in story.ron",
                character.value
            ),
        };
        self.error(
            file,
            axis,
            format!(
                "unknown axis '{}' for character '{}'",
                axis.value, character.value
            ),
            "no such relationship axis",
            Some(help),
        );
        false
    }
}

#[derive(Clone, Copy)]
pub(super) enum DeclTable {
    Era,
    Tone,
    Knowledge,
    Memory,
    Keepsake,
    Ending,
    Character,
    Scene,
}

impl DeclTable {
    pub(super) fn section(self) -> &'static str {
        match self {
            DeclTable::Era => "eras",
            DeclTable::Tone => "tones",
            DeclTable::Knowledge => "knowledge",
            DeclTable::Memory => "memories",
            DeclTable::Keepsake => "keepsakes",
            DeclTable::Ending => "endings",
            DeclTable::Character => "characters",
            DeclTable::Scene => "scenes",
        }
    }
}

/// The declared id most like `wanted`, if any is close enough to be a likely typo.
pub(crate) fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
