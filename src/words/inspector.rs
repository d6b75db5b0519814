//! The inspector's verdicts, as both front ends' inspectors give them.

/// Whether a choice is offered, and if not, why: taken once already, its condition
/// fails, or (when its condition holds) it goes `Back` and there is nowhere to go back
/// to.
pub fn choice_verdict(offered: bool, once_taken: bool, condition_holds: bool) -> &'static str {
    if once_taken {
        "hidden: taken once already"
    } else if offered {
        "offered"
    } else if condition_holds {
        "hidden: there is no scene to go back to"
    } else {
        "hidden: its condition fails"
    }
}

/// Whether a part of a condition holds.
pub fn holds(holds: bool) -> &'static str {
    if holds { "holds" } else { "fails" }
}

/// Whether a conditional paragraph shows.
pub fn shown(shown: bool) -> &'static str {
    if shown { "shown" } else { "hidden" }
}

/// Said when the game is at no scene.
pub const NO_SCENE: &str = "There is no scene to inspect.";
