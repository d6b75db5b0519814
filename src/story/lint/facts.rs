//! What the story can ever do, gathered over every scene and choice, and the sound
//! reasoning on it: a condition is said to "never hold" only when these facts, each an
//! over-estimate of what can happen, rule it out.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::super::model::{Cmp, Condition, Effect, Story};
use super::reachable;

/// What the story can ever do, over every scene and choice.
pub(super) struct Facts<'s> {
    pub(super) story: &'s Story,
    pub(super) flags_set: HashSet<&'s str>,
    pub(super) learned: HashSet<&'s str>,
    pub(super) gained: HashSet<&'s str>,
    pub(super) recorded: HashSet<&'s str>,
    pub(super) recorded_as: HashSet<(&'s str, &'s str)>,
    pub(super) adjusted: HashSet<(&'s str, &'s str)>,
    pub(super) reached: HashSet<&'s str>,
}

impl<'s> Facts<'s> {
    pub(super) fn gather(story: &'s Story) -> Self {
        let mut f = Facts {
            story,
            flags_set: HashSet::new(),
            learned: HashSet::new(),
            gained: HashSet::new(),
            recorded: HashSet::new(),
            recorded_as: HashSet::new(),
            adjusted: HashSet::new(),
            reached: reachable(story, |_| true),
        };
        let effects = story
            .scenes
            .iter()
            .flat_map(|s| s.effects.iter().chain(s.choices.iter().flat_map(|c| &c.effects)));
        for e in effects {
            match e {
                Effect::Set(x) => _ = f.flags_set.insert(x),
                Effect::Learn(x) => _ = f.learned.insert(x),
                Effect::Gain(x) => _ = f.gained.insert(x),
                Effect::Remember(m, t) => {
                    f.recorded.insert(m);
                    f.recorded_as.insert((m, t));
                }
                Effect::Adjust(c, a, _) => _ = f.adjusted.insert((c, a)),
                Effect::Clear(_) | Effect::Lose(_) => {}
            }
        }
        f
    }

    /// The values an axis can take: its whole range if anything adjusts it, else its start.
    pub(super) fn axis_range(&self, character: &str, axis: &str) -> Option<(i64, i64)> {
        let a = self.story.axis(character, axis)?;
        if self.adjusted.contains(&(character, axis)) {
            Some((a.min.into(), a.max.into()))
        } else {
            Some((a.initial.into(), a.initial.into()))
        }
    }

    /// The visit counts a scene can have: 0 and up if it is reached, else only 0.
    pub(super) fn visit_range(&self, scene: &str) -> (i64, i64) {
        if self.reached.contains(scene) {
            (0, i64::MAX)
        } else {
            (0, 0)
        }
    }

    /// Why `c` can never hold, if it can't.
    pub(super) fn never(&self, c: &Condition) -> Option<String> {
        match c {
            Condition::All(list) => list
                .iter()
                .find_map(|c| self.never(c))
                .or_else(|| contradiction(list)),
            Condition::Any(list) if list.is_empty() => Some("Any([]) with nothing in it never holds".into()),
            Condition::Any(list) => {
                let reasons: Option<Vec<String>> = list.iter().map(|c| self.never(c)).collect();
                reasons.map(|r| r.join("; "))
            }
            Condition::Not(inner) => self
                .always(inner)
                .map(|why| format!("{inner} always holds: {why}")),
            Condition::Flag(x) => (!self.flags_set.contains(x.as_str()))
                .then(|| format!("flag '{x}' is never set (no Set(\"{x}\") anywhere)")),
            Condition::Knows(x) => (!self.learned.contains(x.as_str()))
                .then(|| format!("'{x}' is never learned (no Learn(\"{x}\") anywhere)")),
            Condition::Has(x) => (!self.gained.contains(x.as_str()))
                .then(|| format!("keepsake '{x}' is never given (no Gain(\"{x}\") anywhere)")),
            Condition::Remembers(m) => (!self.recorded.contains(m.as_str()))
                .then(|| format!("memory '{m}' is never recorded (no Remember(\"{m}\", ...) anywhere)")),
            Condition::RemembersAs(m, t) => {
                if self.recorded.contains(m.as_str()) {
                    (!self.recorded_as.contains(&(m.as_str(), t.as_str())))
                        .then(|| format!("memory '{m}' is never recorded as '{t}'"))
                } else {
                    self.never(&Condition::Remembers(m.clone()))
                }
            }
            Condition::Visits(s, cmp, n) => {
                let (lo, hi) = self.visit_range(s);
                (!possible(lo, hi, *cmp, i64::from(*n))).then(|| {
                    if hi == 0 {
                        format!("scene '{s}' is never reached, so it is never visited")
                    } else {
                        format!("a visit count is never {} {n}", cmp.symbol())
                    }
                })
            }
            Condition::Rel(ch, a, cmp, n) => {
                let (lo, hi) = self.axis_range(ch, a)?;
                (!possible(lo, hi, *cmp, i64::from(*n))).then(|| self.axis_reason(ch, a, lo, hi))
            }
            Condition::Era(e) => {
                (!self.story.scenes.iter().any(|s| &s.era == e)).then(|| format!("no scene is in era '{e}'"))
            }
            Condition::Chance { percent, .. } => (*percent == 0).then(|| "Chance(0) never holds".into()),
        }
    }

    /// Why `c` always holds, if it does.
    pub(super) fn always(&self, c: &Condition) -> Option<String> {
        match c {
            Condition::All(list) => {
                let reasons: Option<Vec<String>> = list.iter().map(|c| self.always(c)).collect();
                reasons.map(|r| {
                    if r.is_empty() {
                        "All([]) always holds".into()
                    } else {
                        r.join("; ")
                    }
                })
            }
            Condition::Any(list) => list.iter().find_map(|c| self.always(c)),
            Condition::Not(inner) => self.never(inner),
            Condition::Visits(s, cmp, n) => {
                let (lo, hi) = self.visit_range(s);
                let negated = negate(*cmp);
                (!possible(lo, hi, negated, i64::from(*n)))
                    .then(|| format!("the visits of '{s}' are always {} {n}", cmp.symbol()))
            }
            Condition::Rel(ch, a, cmp, n) => {
                let (lo, hi) = self.axis_range(ch, a)?;
                (!possible(lo, hi, negate(*cmp), i64::from(*n))).then(|| self.axis_reason(ch, a, lo, hi))
            }
            Condition::Era(e) => self
                .story
                .scenes
                .iter()
                .all(|s| &s.era == e)
                .then(|| format!("every scene is in era '{e}'")),
            Condition::Chance { percent, .. } => {
                (*percent >= 100).then(|| format!("Chance({percent}) always holds"))
            }
            Condition::Flag(_)
            | Condition::Knows(_)
            | Condition::Has(_)
            | Condition::Remembers(_)
            | Condition::RemembersAs(..) => None,
        }
    }

    pub(super) fn axis_reason(&self, ch: &str, a: &str, lo: i64, hi: i64) -> String {
        if lo == hi && !self.adjusted.contains(&(ch, a)) {
            format!("nothing adjusts {ch}.{a}, so it stays at {lo}")
        } else {
            format!("{ch}.{a} stays within {lo}..={hi}")
        }
    }
}

/// Whether some value in `lo..=hi` compares with `n` as `cmp` asks.
fn possible(lo: i64, hi: i64, cmp: Cmp, n: i64) -> bool {
    match cmp {
        Cmp::Lt => lo < n,
        Cmp::Le => lo <= n,
        Cmp::Eq => lo <= n && n <= hi,
        Cmp::Ne => !(lo == n && hi == n),
        Cmp::Ge => hi >= n,
        Cmp::Gt => hi > n,
    }
}

fn negate(cmp: Cmp) -> Cmp {
    match cmp {
        Cmp::Lt => Cmp::Ge,
        Cmp::Le => Cmp::Gt,
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Ge => Cmp::Lt,
        Cmp::Gt => Cmp::Le,
    }
}

/// Parts of one `All` that cannot hold together: `X` and `Not(X)`, one memory in two
/// tones, two eras, or comparisons of one axis (or one scene's visits) that no single
/// value satisfies.
fn contradiction(list: &[Condition]) -> Option<String> {
    let mut parts = Vec::new();
    flatten_all(list, &mut parts);
    for p in &parts {
        if let Condition::Not(inner) = p
            && parts.contains(&inner.as_ref())
        {
            return Some(format!("it needs both {inner} and {p}"));
        }
    }
    let mut tones: HashMap<&str, &str> = HashMap::new();
    let mut era: Option<&str> = None;
    let mut bounds: HashMap<(&str, &str), (i64, i64)> = HashMap::new();
    for p in &parts {
        match p {
            Condition::RemembersAs(m, t) => {
                if let Some(other) = tones.insert(m, t)
                    && other != t
                {
                    return Some(format!(
                        "memory '{m}' is held in one tone at a time, not both '{other}' and '{t}'"
                    ));
                }
            }
            Condition::Era(e) => {
                if let Some(other) = era.replace(e)
                    && other != e
                {
                    return Some(format!("the era cannot be both '{other}' and '{e}'"));
                }
            }
            Condition::Rel(c, a, cmp, n) => narrow(&mut bounds, (c, a), *cmp, i64::from(*n)),
            Condition::Visits(s, cmp, n) => narrow(&mut bounds, ("visits", s), *cmp, i64::from(*n)),
            _ => {}
        }
    }
    for p in &parts {
        if let Condition::Not(inner) = p
            && let Condition::Remembers(m) = inner.as_ref()
            && tones.contains_key(m.as_str())
        {
            return Some(format!("it needs memory '{m}' both held and not held"));
        }
    }
    bounds
        .into_iter()
        .find(|(_, (lo, hi))| lo > hi)
        .map(|((c, a), _)| {
            if c == "visits" {
                format!("no visit count of '{a}' satisfies every comparison")
            } else {
                format!("no value of {c}.{a} satisfies every comparison")
            }
        })
}

fn flatten_all<'c>(list: &'c [Condition], out: &mut Vec<&'c Condition>) {
    for c in list {
        match c {
            Condition::All(inner) => flatten_all(inner, out),
            other => out.push(other),
        }
    }
}

fn narrow<'a>(
    bounds: &mut HashMap<(&'a str, &'a str), (i64, i64)>,
    key: (&'a str, &'a str),
    cmp: Cmp,
    n: i64,
) {
    let (lo, hi) = bounds.entry(key).or_insert((i64::MIN, i64::MAX));
    match cmp {
        Cmp::Lt => *hi = (*hi).min(n - 1),
        Cmp::Le => *hi = (*hi).min(n),
        Cmp::Eq => {
            *lo = (*lo).max(n);
            *hi = (*hi).min(n);
        }
        Cmp::Ge => *lo = (*lo).max(n),
        Cmp::Gt => *lo = (*lo).max(n + 1),
        Cmp::Ne => {}
    }
}
