//! The large story of issue 14, generated: by default 10,000 scenes and about 900,000
//! words in 100 files, for measuring load, validation, lint and walks at scale.
//!
//! Shared by `examples/large_story/main.rs` (which writes it to a folder) and the
//! benchmarks in `benches/scale.rs` (which load it from memory). The output is a pure
//! function of the scene count: no clock, no randomness beyond a fixed-seed generator.
//!
//! The shape: scenes stand in levels (1, 3, 9, 27, 81, 243, then 250 a level), each
//! scene leading on to three of the next level, so every scene is reachable from the
//! start and a playthrough reads about fifty scenes before one of the last level's
//! ending scenes. Levels are divided among four eras in order, so time only moves
//! forward. Along the way: four characters with two axes each, memories in three tones
//! with reflections, knowledge, keepsakes, flags set and cleared, `If`/`ElseIf`/`Else`
//! chains, every inline form, choices with conditions of every kind, once-only choices,
//! side trips that return with `to: Back`, and scenes that can be lingered in a few
//! times (read by their visit counts). Every loop is bounded, so every run ends.

use std::fmt::Write as _;

/// The scenes of the story of issue 14.
pub const DEFAULT_SCENES: usize = 10_000;

/// Scenes in each scene file.
pub const SCENES_PER_FILE: usize = 100;

/// The widest a level grows.
const WIDEST: usize = 250;

const ERAS: [(&str, &str); 4] = [
    ("spring", "Spring"),
    ("summer", "Summer"),
    ("autumn", "Autumn"),
    ("winter", "Winter"),
];
const CHARACTERS: [(&str, &str); 4] = [("ada", "Ada"), ("ben", "Ben"), ("cleo", "Cleo"), ("dan", "Dan")];
const AXES: [&str; 2] = ["trust", "ease"];
const TONES: [&str; 3] = ["warm", "sore", "wry"];
const ENDINGS: [(&str, &str); 5] = [
    ("harbour", "The Harbour"),
    ("long_road", "The Long Road"),
    ("lantern", "The Lantern"),
    ("orchard", "The Orchard"),
    ("quiet", "The Quiet House"),
];
/// Named conditions, used with `Is(...)` and inline as `{name ? … | …}`.
const NAMED: [(&str, &str); 4] = [
    ("close_to_ada", "Rel(\"ada\", \"trust\", Ge, 2)"),
    ("easy_with_ben", "Rel(\"ben\", \"ease\", Ge, 1)"),
    ("cleo_wary", "Rel(\"cleo\", \"trust\", Lt, 0)"),
    ("rainy", "Roll(\"rain\", 40)"),
];
const FLAGS: usize = 60;
const KNOWLEDGE: usize = 40;
const KEEPSAKES: usize = 20;

/// Words of the generated prose, the common ones repeated about as often as in real prose.
const WORDS: [&str; 124] = [
    "the", "the", "the", "the", "and", "and", "and", "a", "a", "a", "of", "of", "to", "to", "I", "I", "we",
    "we", "it", "it", "was", "was", "he", "she", "in", "in", "on", "at", "her", "his", "my", "our", "no",
    "not", "but", "so", "as", "then", "that", "had", "said", "by", "up", "out", "one", "all", "for", "with",
    "from", "there", "road", "wet", "drove", "past", "field", "where", "nobody", "worked", "more", "long",
    "while", "laughed", "gulls", "pier", "kitchen", "table", "cups", "left", "window", "rain", "came", "off",
    "sea", "kept", "hands", "sun", "letters", "under", "stairs", "opened", "coats", "hung", "pegs", "cold",
    "hall", "wax", "old", "paper", "played", "piano", "garden", "gate", "stuck", "winter", "fence", "they",
    "talked", "about", "stayed", "year", "bus", "late", "lights", "town", "small", "quiet", "shop", "sold",
    "string", "maps", "tea", "walked", "home", "slowly", "much", "each", "other", "car", "grey", "light",
    "back", "way", "door", "dark",
];

/// A file of the story: its path inside the story folder, and its text.
pub struct File {
    pub path: String,
    pub text: String,
}

/// The whole story of `scenes` scenes (at least 20): `story.ron` first, then the scene
/// files in order.
pub fn story(scenes: usize) -> Vec<File> {
    let scenes = scenes.max(20);
    let plan = Plan::new(scenes);
    let mut files = vec![File {
        path: "story.ron".into(),
        text: plan.manifest(),
    }];
    for first in (0..scenes).step_by(SCENES_PER_FILE) {
        let last = (first + SCENES_PER_FILE).min(scenes);
        let era = ERAS[plan.era_of(first)].0;
        let mut text = String::with_capacity(80 * 1024);
        text.push_str("[\n");
        for i in first..last {
            plan.scene(i, &mut text);
        }
        text.push_str("]\n");
        files.push(File {
            path: format!("{era}/scenes_{:03}.ron", first / SCENES_PER_FILE),
            text,
        });
    }
    files
}

/// Where every scene stands: its level and column.
struct Plan {
    scenes: usize,
    /// Each level's first scene and width.
    levels: Vec<(usize, usize)>,
    /// The level of each scene.
    level_of: Vec<usize>,
    memories: usize,
}

impl Plan {
    fn new(scenes: usize) -> Self {
        let mut levels = Vec::new();
        let (mut start, mut grow) = (0, 1);
        while start < scenes {
            let mut width = grow.min(scenes - start);
            // The last level holds the endings: never leave it a sliver.
            if scenes - start - width < 5 {
                width = scenes - start;
            }
            levels.push((start, width));
            start += width;
            grow = (grow * 3).min(WIDEST);
        }
        let mut level_of = Vec::with_capacity(scenes);
        for (l, &(_, width)) in levels.iter().enumerate() {
            level_of.extend(std::iter::repeat_n(l, width));
        }
        Self {
            scenes,
            levels,
            level_of,
            memories: (scenes / 50).clamp(3, 200),
        }
    }

    fn era_of(&self, scene: usize) -> usize {
        self.level_of[scene] * ERAS.len() / self.levels.len()
    }

    fn column(&self, scene: usize) -> usize {
        scene - self.levels[self.level_of[scene]].0
    }

    /// Scene `k` (modulo the width) of the level after `scene`'s.
    fn next(&self, scene: usize, k: usize) -> usize {
        let (start, width) = self.levels[self.level_of[scene] + 1];
        start + k % width
    }

    /// The scene beside `scene` in its level.
    fn beside(&self, scene: usize) -> usize {
        let (start, width) = self.levels[self.level_of[scene]];
        start + (self.column(scene) + 1) % width
    }

    fn is_last_level(&self, scene: usize) -> bool {
        self.level_of[scene] + 1 == self.levels.len()
    }

    /// Whether `scene` may go `Back`: everything that leads into it (the level before,
    /// and the scene beside it) is of its own era.
    fn may_go_back(&self, scene: usize) -> bool {
        let level = self.level_of[scene];
        level > 0 && {
            let before = self.levels[level - 1].0;
            self.era_of(before) == self.era_of(scene)
        }
    }

    fn manifest(&self) -> String {
        let mut s = String::new();
        s.push_str("// Generated by `cargo run --release --example large_story`: do not edit.\n");
        s.push_str("Story(\n id: \"large\",\n title: \"The Large Story\",\n");
        let _ = writeln!(s, " subtitle: \"{} scenes, generated\",", self.scenes);
        s.push_str(" start: \"s0\",\n eras: [\n");
        for (id, title) in ERAS {
            let _ = writeln!(s, "  Era(id: \"{id}\", title: \"{title}\"),");
        }
        s.push_str(" ],\n characters: [\n");
        for (id, name) in CHARACTERS {
            let _ = write!(s, "  Character(id: \"{id}\", name: \"{name}\", axes: [");
            for axis in AXES {
                let _ = write!(s, "Axis(id: \"{axis}\", min: -5, max: 5), ");
            }
            s.push_str("]),\n");
        }
        s.push_str(" ],\n tones: [\"warm\", \"sore\", \"wry\"],\n knowledge: [\n");
        for k in 0..KNOWLEDGE {
            let _ = writeln!(
                s,
                "  Knowledge(id: \"k{k}\", summary: \"{}\"),",
                sentence(k as u64 + 7, 8)
            );
        }
        s.push_str(" ],\n memories: [\n");
        for m in 0..self.memories {
            let era = ERAS[m % ERAS.len()].0;
            let seed = 10_000 + m as u64;
            let _ = writeln!(
                s,
                "  Memory(id: \"m{m}\", title: \"{}\", era: \"{era}\", summary: \"{}\", reflections: [",
                title(seed),
                sentence(seed, 10)
            );
            let _ = writeln!(s, "   Reflection(text: \"{}\"),", sentence(seed + 1, 12));
            let _ = writeln!(
                s,
                "   Reflection(when: RemembersAs(\"m{m}\", \"warm\"), text: \"{} {{close_to_ada ? {} | {}}}.\"),",
                sentence(seed + 2, 8).trim_end_matches('.'),
                words(seed + 3, 4),
                words(seed + 4, 4)
            );
            let _ = writeln!(
                s,
                "   Reflection(when: All([RemembersAs(\"m{m}\", \"sore\"), Not(Is(\"easy_with_ben\"))]), text: \"{}\"),",
                sentence(seed + 5, 9)
            );
            s.push_str("  ]),\n");
        }
        s.push_str(" ],\n keepsakes: [\n");
        for k in 0..KEEPSAKES {
            let seed = 20_000 + k as u64;
            let _ = writeln!(
                s,
                "  Keepsake(id: \"t{k}\", name: \"{}\", description: \"{}\"),",
                title(seed),
                sentence(seed, 9)
            );
        }
        s.push_str(" ],\n endings: [\n");
        for (id, name) in ENDINGS {
            let _ = writeln!(
                s,
                "  Ending(id: \"{id}\", title: \"{name}\", summary: \"{}\"),",
                sentence(id.len() as u64, 9)
            );
        }
        s.push_str(" ],\n conditions: {\n");
        for (name, condition) in NAMED {
            let _ = writeln!(s, "  \"{name}\": {condition},");
        }
        s.push_str(" },\n)\n");
        s
    }

    /// A condition for choice or paragraph `kind` of scene `i`, of every kind in turn;
    /// the ids it names go round independently of the kind.
    fn condition(&self, i: usize, kind: usize) -> String {
        let (at, q) = ((i + kind) % 12, (i + kind) / 12);
        let (ch, axis) = (CHARACTERS[q % 4].0, AXES[(q / 4) % 2]);
        let (flag, know, keep, memory) = (q % FLAGS, q % KNOWLEDGE, q % KEEPSAKES, q % self.memories);
        let level = self.level_of[i];
        let earlier = if level == 0 {
            0
        } else {
            let (start, width) = self.levels[level - 1];
            start + self.column(i) % width
        };
        match at {
            0 => format!("Flag(\"f{flag}\")"),
            1 => format!("Knows(\"k{know}\")"),
            2 => format!("Has(\"t{keep}\")"),
            3 => format!("Rel(\"{ch}\",\"{axis}\",Ge,1)"),
            4 => format!("Visited(\"s{earlier}\")"),
            5 => format!("Chance({})", 30 + (i % 5) * 10),
            6 => format!("Not(Flag(\"f{flag}\"))"),
            7 => format!(
                "All([Remembers(\"m{memory}\"),Any([RemembersAs(\"m{memory}\",\"warm\"),Is(\"close_to_ada\")])])"
            ),
            8 => format!("Rel(\"{ch}\",\"{axis}\",Le,-1)"),
            9 => "Is(\"rainy\")".into(),
            10 => format!("Any([Knows(\"k{know}\"),Has(\"t{keep}\")])"),
            _ => format!("Visits(\"s{earlier}\",Ge,1)"),
        }
    }

    /// An effect of every kind in turn; the ids it names go round independently.
    fn effect(i: usize, kind: usize) -> String {
        let (at, q) = ((i + kind) % 8, (i + kind) / 8);
        let (ch, axis) = (CHARACTERS[q % 4].0, AXES[(q / 4) % 2]);
        match at {
            0 | 4 => format!("Set(\"f{}\")", q % FLAGS),
            1 => format!("Learn(\"k{}\")", q % KNOWLEDGE),
            2 => format!("Gain(\"t{}\")", q % KEEPSAKES),
            3 => format!("Adjust(\"{ch}\",\"{axis}\",1)"),
            5 => format!("Adjust(\"{ch}\",\"{axis}\",-1)"),
            6 => format!("Clear(\"f{}\")", q % FLAGS),
            _ => format!("Lose(\"t{}\")", q % KEEPSAKES),
        }
    }

    fn remember(&self, i: usize) -> String {
        let m = i % self.memories;
        let tone = TONES[(i / self.memories) % TONES.len()];
        format!("Remember(\"m{m}\",\"{tone}\")")
    }

    /// One scene, written compactly (the story must stay within the loader's 8 MB a
    /// folder): about 90 words of paragraphs and choice labels.
    fn scene(&self, i: usize, out: &mut String) {
        let seed = i as u64 * 0x9E37_79B9 + 1;
        let era = ERAS[self.era_of(i)].0;
        let c = self.column(i);
        let _ = write!(out, "Scene(id:\"s{i}\",era:\"{era}\",title:\"{}\",", title(seed));
        if c == 0 {
            let _ = write!(out, "frame:true,place:\"{}\",", title(seed + 1));
        }
        out.push_str("text:[\n");
        // An opening paragraph, with a variation by visits or a shuffle.
        let variation = match i % 4 {
            0 => format!(
                "{{seq:{}|{}|{}}}",
                words(seed + 3, 4),
                words(seed + 4, 4),
                words(seed + 5, 3)
            ),
            1 => format!("{{cycle:{}|{}}}", words(seed + 3, 4), words(seed + 4, 4)),
            2 => format!("{{once:{}|{}}}", words(seed + 3, 4), words(seed + 4, 3)),
            _ => format!(
                "{{shuffle:{}|{}|{}}}",
                words(seed + 3, 3),
                words(seed + 4, 3),
                words(seed + 5, 3)
            ),
        };
        let _ = writeln!(out, "\"{} Then {variation}.\",", sentence(seed + 2, 16));
        // A chain: If, ElseIf, Else (or an If alone).
        let _ = writeln!(
            out,
            "If({},\"{}\"),",
            self.condition(i, 1),
            sentence(seed + 6, 14)
        );
        if i.is_multiple_of(3) {
            let _ = writeln!(
                out,
                "ElseIf({},\"{}\"),",
                self.condition(i, 5),
                sentence(seed + 7, 10)
            );
            let _ = writeln!(out, "Else(\"{}\"),", sentence(seed + 8, 10));
        }
        // An inline choice between two wordings, and emphasis.
        let named = NAMED[i % 3].0;
        let _ = writeln!(
            out,
            "\"{} *{}* {{{named} ? {}|{}}}.\",",
            sentence(seed + 9, 16),
            words(seed + 10, 2),
            words(seed + 11, 5),
            words(seed + 12, 5)
        );
        out.push(']');
        self.scene_end(i, seed, out);
    }

    /// A scene's effects, then its ending or its choices.
    fn scene_end(&self, i: usize, seed: u64, out: &mut String) {
        let c = self.column(i);
        if i.is_multiple_of(2) {
            let _ = write!(out, ",effects:[{}]", Self::effect(i / 2, 0));
        }
        if self.is_last_level(i) {
            let ending = ENDINGS[c % ENDINGS.len()].0;
            let _ = writeln!(out, ",ending:\"{ending}\"),");
            return;
        }
        out.push_str(",choices:[\n");
        let _ = write!(out, "Choice(id:\"on\",label:\"{}\",", label(seed + 13));
        if i % 3 == 1 {
            let _ = write!(out, "effects:[{}],", Self::effect(i / 3, 3));
        }
        let _ = writeln!(out, "to:\"s{}\"),", self.next(i, 3 * c));
        let _ = write!(out, "Choice(id:\"turn\",label:\"{}\",", label(seed + 14));
        if i % 2 == 1 {
            let _ = write!(out, "effects:[{}],", self.remember(i / 2));
        }
        let _ = writeln!(out, "to:\"s{}\"),", self.next(i, 3 * c + 1));
        let _ = write!(
            out,
            "Choice(id:\"if\",label:\"{}\",when:{},",
            label(seed + 15),
            self.condition(i, 0)
        );
        if i % 3 == 2 {
            let _ = write!(out, "effects:[{}],", Self::effect(i / 3, 6));
        }
        let _ = writeln!(out, "to:\"s{}\"),", self.next(i, 3 * c + 2));
        match i % 6 {
            // Lingering: the scene again, at most twice more (its visits say so).
            0 => {
                let _ = writeln!(
                    out,
                    "Choice(id:\"stay\",label:\"{}\",when:Visits(\"s{i}\",Lt,3),effects:[{}],to:\"s{i}\"),",
                    label(seed + 16),
                    Self::effect(i / 6, 5)
                );
            }
            // A step aside, to the next scene of the level, once.
            1 if self.levels[self.level_of[i]].1 > 1 => {
                let _ = writeln!(
                    out,
                    "Choice(id:\"aside\",label:\"{}\",effects:[{}],to:\"s{}\",once:true),",
                    label(seed + 16),
                    Self::effect(i / 6, 2),
                    self.beside(i)
                );
            }
            // Back where we came from, once.
            2 if self.may_go_back(i) => {
                let _ = writeln!(
                    out,
                    "Choice(id:\"back\",label:\"{}\",to:Back,once:true),",
                    label(seed + 16)
                );
            }
            _ => {}
        }
        out.push_str("]),\n");
    }
}

/// A fixed-seed generator of words (a 64-bit LCG, high bits).
struct Words(u64);

impl Words {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % n as u64).unwrap_or(0)
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.next(WORDS.len())]
    }
}

/// `n` lowercase words.
fn words(seed: u64, n: usize) -> String {
    let mut w = Words(seed);
    let mut s = String::new();
    for k in 0..n {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(w.word());
    }
    s
}

/// A sentence of about `n` words, capitalised, ending in a full stop.
fn sentence(seed: u64, n: usize) -> String {
    let mut w = Words(seed ^ 0x5DEE_CE66);
    let len = n - n / 4 + w.next(n / 2 + 1);
    let mut s = words(seed, len);
    if let Some(first) = s.get(..1) {
        let upper = first.to_uppercase();
        s.replace_range(..1, &upper);
    }
    s.push('.');
    s
}

/// A title of one or two capitalised words.
fn title(seed: u64) -> String {
    let mut w = Words(seed ^ 0x7F4A_7C15);
    let n = 1 + w.next(2);
    words(seed ^ 0x1234, n)
        .split(' ')
        .map(|word| {
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A choice label, in the first person.
fn label(seed: u64) -> String {
    format!("I {}", words(seed, 4))
}
