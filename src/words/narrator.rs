//! The narrator in the game's own words, as the story's manifest names them
//! (`narrator: Narrator(name: "Kathy", pronoun: She)`): the people view, the
//! recollections, the ending, the help, and the plain player's commands.

use crate::story::{Narrator, Pronoun};

/// "she", "he" or "they".
pub fn subject(n: &Narrator) -> &'static str {
    match n.pronoun {
        Pronoun::She => "she",
        Pronoun::He => "he",
        Pronoun::They => "they",
    }
}

/// "her", "his" or "their".
pub fn possessive(n: &Narrator) -> &'static str {
    match n.pronoun {
        Pronoun::She => "her",
        Pronoun::He => "his",
        Pronoun::They => "their",
    }
}

/// The present tense after the pronoun: `verb(n, "holds", "hold")` is "holds" after
/// she or he and "hold" after they.
pub fn verb<'a>(n: &Narrator, singular: &'a str, plural: &'a str) -> &'a str {
    if n.pronoun == Pronoun::They {
        plural
    } else {
        singular
    }
}

/// The name with an apostrophe: "Kathy's", "the narrator's", "James'".
pub fn names(n: &Narrator) -> String {
    if n.name.ends_with('s') {
        format!("{}'", n.name)
    } else {
        format!("{}'s", n.name)
    }
}

/// The first letter in capitals, for the start of a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The relationships page's header: "how Kathy stands with them".
pub fn stands_with(n: &Narrator) -> String {
    format!("how {} stands with them", n.name)
}

/// The help's line for the relationships: "the people in Kathy's story".
pub fn people_in_story(n: &Narrator) -> String {
    format!("the people in {} story", names(n))
}

/// The recollections before anything is held.
pub fn memories_gather(n: &Narrator) -> String {
    let (she, her) = (subject(n), possessive(n));
    format!(
        "Memories gather here as {} tells {her} story: what happened, how {she} {} it, and what {she} {} of it now.",
        n.name,
        verb(n, "holds", "hold"),
        verb(n, "makes", "make"),
    )
}

/// The ending's "what shaped it" when nothing was held.
pub fn held_nothing(n: &Narrator) -> String {
    format!("{} held on to nothing.", capitalised(subject(n)))
}

/// The plain player's heading of the history.
pub fn history_heading(n: &Narrator) -> String {
    format!("History: what {} has read so far", n.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrator(name: &str, pronoun: Pronoun) -> Narrator {
        Narrator {
            name: name.to_owned(),
            pronoun,
        }
    }

    #[test]
    fn the_words_agree_with_the_pronoun() {
        let kathy = narrator("Kathy", Pronoun::She);
        assert_eq!(
            memories_gather(&kathy),
            "Memories gather here as Kathy tells her story: what happened, how she holds it, and what she makes of it now."
        );
        let them = Narrator::default();
        assert_eq!(
            memories_gather(&them),
            "Memories gather here as the narrator tells their story: what happened, how they hold it, and what they make of it now."
        );
        assert_eq!(
            held_nothing(&narrator("Tommy", Pronoun::He)),
            "He held on to nothing."
        );
        assert_eq!(
            people_in_story(&narrator("James", Pronoun::He)),
            "the people in James' story"
        );
        assert_eq!(people_in_story(&them), "the people in the narrator's story");
    }
}
