//! Scenes, and the conditions and effects inside them, checked id by id.

use std::sync::Arc;

use super::super::raw::RawChoice;
use super::super::text::fold_owned;
use super::text::StringPlace;
use super::{
    ChanceSlots, Choice, Cmp, Condition, ConditionPlace, DeclTable, Declared, Effect, Paragraph,
    RawCondition, RawEffect, Scene, SceneItem, Spanned, Validator,
};

impl Validator<'_> {
    /// Builds a scene, moving its strings out of `item` (the checks after read only
    /// the places in what is left of it, its marks): its names and text are not
    /// copied, and their memory is not freed to be taken again.
    pub(super) fn scene(&mut self, item: &mut SceneItem) -> Scene {
        let file = item.file;
        let raw = &item.raw;
        self.known("era", DeclTable::Era, file, &raw.era);
        let mut slots = ChanceSlots::default();
        let mut shuffles = Vec::new();
        let whens = self.paragraph_conditions(file, &raw.text, |v, c| {
            v.condition(
                c,
                &mut ConditionPlace {
                    file,
                    chance_slots: Some(&mut slots),
                    anchor: &raw.id,
                },
            )
        });
        let text = self.paragraphs(item, whens, &mut slots, &mut shuffles);
        let raw = &mut item.raw;
        let title = fold_owned(std::mem::take(&mut raw.title.value));
        let place = raw
            .place
            .as_mut()
            .map(|p| fold_owned(std::mem::take(&mut p.value)));
        let effects = self.effects(file, &item.raw.effects);
        let choices = self.choices(item, &mut slots, &mut shuffles);
        self.check_ending(item);
        let raw = &mut item.raw;
        let returns = choices.iter().any(|c: &Choice| c.back);
        let pos = self.pos(file, raw.id.span().map(|s| s.start));
        Scene {
            id: std::mem::take(&mut raw.id.value),
            era: std::mem::take(&mut raw.era.value),
            frame: raw.frame,
            title,
            place,
            text,
            effects,
            choices,
            ending: raw.ending.as_mut().map(|e| std::mem::take(&mut e.value)),
            chance_slots: slots.count,
            shuffles,
            returns,
            file: Arc::clone(&self.file_names[file]),
            pos,
        }
    }

    /// A scene's paragraphs, their strings parsed; `whens` holds each one's condition,
    /// checked.
    fn paragraphs(
        &mut self,
        item: &SceneItem,
        whens: Vec<Option<Condition>>,
        slots: &mut ChanceSlots,
        shuffles: &mut Vec<usize>,
    ) -> Vec<Paragraph> {
        let file = item.file;
        let raw = &item.raw;
        let mut text = Vec::with_capacity(raw.text.len());
        for (p, when) in raw.text.iter().zip(whens) {
            let pos = self.pos(file, p.text.span().map(|s| s.start));
            let parts = self.text(StringPlace {
                file,
                literal: &p.text,
                chance_slots: Some(&mut *slots),
                shuffles: Some(&mut *shuffles),
                anchor: &raw.id,
            });
            text.push(Paragraph::new(when.map(Box::new), parts, pos));
        }
        text
    }

    /// A scene ends the story or leads on: exactly one of an ending and choices.
    fn check_ending(&mut self, item: &SceneItem) {
        let file = item.file;
        let raw = &item.raw;
        match (&raw.ending, !item.has_choices()) {
            (Some(ending), true) => {
                self.known("ending", DeclTable::Ending, file, ending);
            }
            (Some(ending), false) => self.error(
                file,
                ending,
                format!("scene '{}' has both choices and an ending", raw.id.value),
                "an ending scene ends the story",
                Some("remove the choices, or remove `ending` and let the choices lead on".into()),
            ),
            (None, true) => self.error(
                file,
                &raw.id,
                format!(
                    "scene '{}' is a dead end: it has no choices and is not an ending",
                    raw.id.value
                ),
                "the player would be stuck here",
                Some("add a choice that leads on, or mark it `ending: \"<ending id>\"`".into()),
            ),
            (None, false) => {}
        }
    }

    /// A scene's choices, its own and those packs added, checked; their labels are
    /// moved out of `item`.
    fn choices(
        &mut self,
        item: &mut SceneItem,
        slots: &mut ChanceSlots,
        shuffles: &mut Vec<usize>,
    ) -> Vec<Choice> {
        let SceneItem {
            file: own_file,
            raw,
            added,
            ..
        } = item;
        let mut choice_ids = Declared::default();
        let mut choices = Vec::with_capacity(raw.choices.len() + added.len());
        let own = raw.choices.iter_mut().map(|c| (*own_file, c));
        for (file, c) in own.chain(added.iter_mut().map(|(f, c)| (*f, c))) {
            self.declare_choice(&mut choice_ids, file, c, &raw.id.value);
            if !c.to.back {
                self.known("scene", DeclTable::Scene, file, &c.to);
            }
            let label_parts = self.text(StringPlace {
                file,
                literal: &c.label,
                chance_slots: Some(&mut *slots),
                shuffles: Some(&mut *shuffles),
                anchor: &c.id,
            });
            let when = c.when.as_ref().map(|w| {
                let place = &mut ConditionPlace {
                    file,
                    chance_slots: Some(&mut *slots),
                    anchor: &c.id,
                };
                Box::new(self.condition(w, place))
            });
            let effects = self.effects(file, &c.effects);
            choices.push(Choice::new(
                std::mem::take(&mut c.id.value),
                fold_owned(std::mem::take(&mut c.label.value)),
                label_parts,
                when,
                effects,
                (std::mem::take(&mut c.to.scene.value), c.to.back),
                c.once,
            ));
        }
        choices
    }

    /// Notes a choice's id in its scene, or reports it as a duplicate.
    fn declare_choice(&mut self, ids: &mut Declared, file: usize, c: &RawChoice, scene: &str) {
        if let Some((f, s)) = ids.get(&c.id.value) {
            let at = self.where_is(*f, s.as_ref());
            self.error(
                file,
                &c.id,
                format!("duplicate choice id '{}' in scene '{scene}'", c.id.value),
                "defined again here",
                Some(format!(
                    "first defined at {at}; choice ids must be unique within their scene"
                )),
            );
        } else {
            ids.insert(c.id.value.clone(), (file, c.id.span()));
        }
    }

    /// A list of effects, checked (those that name something unknown are left out).
    fn effects(&mut self, file: usize, raw: &[RawEffect]) -> Vec<Effect> {
        let mut effects = Vec::with_capacity(raw.len());
        effects.extend(raw.iter().filter_map(|e| self.effect(file, e)));
        effects
    }

    pub(super) fn condition(&mut self, raw: &RawCondition, place: &mut ConditionPlace<'_>) -> Condition {
        let file = place.file;
        match raw {
            RawCondition::All(list) => {
                Condition::All(list.iter().map(|c| self.condition(c, place)).collect())
            }
            RawCondition::Any(list) => {
                Condition::Any(list.iter().map(|c| self.condition(c, place)).collect())
            }
            RawCondition::Not(inner) => Condition::Not(Box::new(self.condition(inner, place))),
            RawCondition::Flag(f) => Condition::Flag(f.value.clone()),
            RawCondition::Knows(k) => {
                self.known("knowledge", DeclTable::Knowledge, file, k);
                Condition::Knows(k.value.clone())
            }
            RawCondition::Has(k) => {
                self.known("keepsake", DeclTable::Keepsake, file, k);
                Condition::Has(k.value.clone())
            }
            RawCondition::Remembers(m) => {
                self.known("memory", DeclTable::Memory, file, m);
                Condition::Remembers(m.value.clone())
            }
            RawCondition::RemembersAs(m, t) => {
                self.known("memory", DeclTable::Memory, file, m);
                self.known("tone", DeclTable::Tone, file, t);
                Condition::RemembersAs(m.value.clone(), t.value.clone())
            }
            RawCondition::Visited(s) => {
                self.known("scene", DeclTable::Scene, file, s);
                Condition::Visits(s.value.clone(), Cmp::Ge, 1)
            }
            RawCondition::Visits(s, cmp, n) => {
                self.known("scene", DeclTable::Scene, file, s);
                Condition::Visits(s.value.clone(), *cmp, *n)
            }
            RawCondition::Rel(c, a, cmp, n) => {
                self.known_axis(file, c, a);
                Condition::Rel(c.value.clone(), a.value.clone(), *cmp, *n)
            }
            RawCondition::Era(e) => {
                self.known("era", DeclTable::Era, file, e);
                Condition::Era(e.value.clone())
            }
            RawCondition::Chance(percent) => self.chance(*percent, None, place),
            RawCondition::Roll(name, percent) => self.chance(*percent, Some(name), place),
            RawCondition::Is(name) => self.named_condition(name, place),
        }
    }

    pub(super) fn chance(
        &mut self,
        percent: u32,
        name: Option<&Spanned>,
        place: &mut ConditionPlace<'_>,
    ) -> Condition {
        let here = name.unwrap_or(place.anchor).clone();
        if percent > 100 {
            self.error(
                place.file,
                &here,
                format!("Chance({percent}) is above 100 percent"),
                "in this scene",
                Some("use a percentage from 0 to 100".into()),
            );
        }
        if let Some(slots) = place.chance_slots.as_deref_mut() {
            let fresh = slots.count;
            let slot = match name {
                Some(name) => *slots.named.entry(name.value.clone()).or_insert(fresh),
                None => fresh,
            };
            if slot == fresh {
                slots.count += 1;
            }
            Condition::Chance {
                percent,
                slot,
                name: name.map(|n| n.value.clone()),
            }
        } else {
            self.error(
                place.file,
                &here,
                "Chance(...) cannot decide a reflection".into(),
                "in this memory",
                Some("a memory must read the same each time it is opened; use Chance in a scene's text or choices".into()),
            );
            Condition::Chance {
                percent,
                slot: 0,
                name: None,
            }
        }
    }

    pub(super) fn effect(&mut self, file: usize, raw: &RawEffect) -> Option<Effect> {
        let ok = match raw {
            RawEffect::Set(_) | RawEffect::Clear(_) => true,
            RawEffect::Learn(k) => self.known("knowledge", DeclTable::Knowledge, file, k),
            RawEffect::Remember(m, t) => {
                let m_ok = self.known("memory", DeclTable::Memory, file, m);
                self.known("tone", DeclTable::Tone, file, t) && m_ok
            }
            RawEffect::Adjust(c, a, _) => self.known_axis(file, c, a),
            RawEffect::Gain(k) | RawEffect::Lose(k) => self.known("keepsake", DeclTable::Keepsake, file, k),
        };
        ok.then(|| match raw {
            RawEffect::Set(f) => Effect::Set(f.value.clone()),
            RawEffect::Clear(f) => Effect::Clear(f.value.clone()),
            RawEffect::Learn(k) => Effect::Learn(k.value.clone()),
            RawEffect::Remember(m, t) => Effect::Remember(m.value.clone(), t.value.clone()),
            RawEffect::Adjust(c, a, d) => Effect::Adjust(c.value.clone(), a.value.clone(), *d),
            RawEffect::Gain(k) => Effect::Gain(k.value.clone()),
            RawEffect::Lose(k) => Effect::Lose(k.value.clone()),
        })
    }
}
