//! Counting things in words: "1 memory", "3 memories", "after 1 choice".

/// `n` and the noun, singular for one: `count(3, "memory", "memories")` is "3 memories".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `n` choices, the commonest count in the game: "1 choice", "4 choices".
pub fn choices(n: usize) -> String {
    count(n, "choice", "choices")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(0, "memory", "memories"), "0 memories");
        assert_eq!(count(1, "memory", "memories"), "1 memory");
        assert_eq!(choices(12), "12 choices");
    }
}
