//! The hand-written parts of the raw schema: a paragraph (a string, or `If`, `ElseIf`
//! or `Else`, whose name serde does not pass on, so the lexer's words tell them apart),
//! a choice's `to` (a scene id, or the word `Back`), and named conditions (a map kept in
//! the order written).

use serde::Deserialize;

use super::super::source::{Here, Spanned};
use super::{Link, RawCondition, RawConditions, RawParagraph, RawTo};

impl<'de> Deserialize<'de> for RawParagraph {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ParagraphVisitor)
    }
}

struct ParagraphVisitor;

impl<'de> serde::de::Visitor<'de> for ParagraphVisitor {
    type Value = RawParagraph;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(
            "a paragraph: \"text\", If(condition, \"text\"), ElseIf(condition, \"text\") or Else(\"text\")",
        )
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawParagraph, E> {
        Ok(RawParagraph {
            link: Link::Plain,
            head: None,
            when: None,
            text: Spanned::from_literal(value),
        })
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<RawParagraph, E> {
        Ok(RawParagraph {
            link: Link::Plain,
            head: None,
            when: None,
            text: Spanned::from_owned_literal(value),
        })
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<RawParagraph, D::Error> {
        use serde::de::Error;
        match super::super::source::word_here(&["If", "ElseIf", "Else"]) {
            Here::Word(w) if w.name == "Else" => Ok(RawParagraph {
                link: Link::Else,
                head: Some(w.span),
                when: None,
                text: Spanned::deserialize(d)?,
            }),
            Here::Unknown => Ok(RawParagraph {
                link: Link::Else,
                head: None,
                when: None,
                text: Spanned::deserialize(d)?,
            }),
            Here::Word(w) => Err(D::Error::custom(format!(
                "{}(...) needs a condition and then the text",
                w.name
            ))),
            Here::Nothing => Err(D::Error::custom(
                "a paragraph is \"text\", If(condition, \"text\"), ElseIf(condition, \"text\") or Else(\"text\")",
            )),
        }
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawParagraph, A::Error> {
        use serde::de::Error;
        let word = super::super::source::word_here(&["If", "ElseIf", "Else"]);
        let (link, head) = match &word {
            Here::Word(w) if w.call => (
                match w.name {
                    "If" => Link::If,
                    "ElseIf" => Link::ElseIf,
                    _ => Link::Else,
                },
                Some(w.span.clone()),
            ),
            Here::Word(_) | Here::Nothing => {
                return Err(A::Error::custom(
                    "a paragraph is \"text\", If(condition, \"text\"), ElseIf(condition, \"text\") or Else(\"text\")",
                ));
            }
            // Read without positions (not through the loader): If, or Else by its one part.
            Here::Unknown => (Link::If, None),
        };
        if link == Link::Else {
            let text: Spanned = seq
                .next_element()?
                .ok_or_else(|| A::Error::custom("Else(...) needs its text"))?;
            if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                return Err(A::Error::custom("Else(...) takes only a text: Else(\"text\")"));
            }
            return Ok(RawParagraph {
                link,
                head,
                when: None,
                text,
            });
        }
        let name = if link == Link::If { "If" } else { "ElseIf" };
        let when: RawCondition = seq
            .next_element()?
            .ok_or_else(|| A::Error::custom(format!("{name}(...) needs a condition and then the text")))?;
        let text: Spanned = seq
            .next_element()?
            .ok_or_else(|| A::Error::custom(format!("{name}(...) needs the text after its condition")))?;
        if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
            return Err(A::Error::custom(format!(
                "{name}(...) takes exactly a condition and a text"
            )));
        }
        Ok(RawParagraph {
            link,
            head,
            when: Some(Box::new(when)),
            text,
        })
    }
}

impl<'de> Deserialize<'de> for RawTo {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ToVisitor)
    }
}

struct ToVisitor;

impl serde::de::Visitor<'_> for ToVisitor {
    type Value = RawTo;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a scene id in quotes, or Back")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawTo, E> {
        Ok(RawTo {
            scene: Spanned::from_literal(value),
            back: false,
        })
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<RawTo, E> {
        match super::super::source::word_here(&["Back"]) {
            Here::Word(w) if !w.call => Ok(RawTo {
                scene: Spanned::new("Back".into(), Some(w.span)),
                back: true,
            }),
            Here::Unknown => Ok(RawTo {
                scene: Spanned::new("Back".into(), None),
                back: true,
            }),
            Here::Word(_) | Here::Nothing => Err(E::custom("`to` is a scene id in quotes, or Back")),
        }
    }
}

impl<'de> Deserialize<'de> for RawConditions {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ConditionsVisitor)
    }
}

struct ConditionsVisitor;

impl<'de> serde::de::Visitor<'de> for ConditionsVisitor {
    type Value = RawConditions;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("named conditions: { \"name\": condition, … }")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RawConditions, A::Error> {
        let mut out = Vec::new();
        while let Some((name, condition)) = map.next_entry::<Spanned, RawCondition>()? {
            out.push((name, condition));
        }
        Ok(RawConditions(out))
    }
}
