//! A fixed-size set of small indices, one bit each: the flags, knowledge, keepsakes and
//! once-only choices of a state. Sized when the game starts, so stepping never grows it.

/// A set of indices below the size it was made with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Bits {
    words: Box<[u64]>,
}

impl Bits {
    /// An empty set of indices below `size`.
    pub fn new(size: usize) -> Self {
        Self {
            words: vec![0; size.div_ceil(64)].into_boxed_slice(),
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Adds `i`; whether it was absent. An index beyond the size is ignored.
    pub fn insert(&mut self, i: usize) -> bool {
        match self.words.get_mut(i / 64) {
            Some(w) => {
                let bit = 1 << (i % 64);
                let absent = *w & bit == 0;
                *w |= bit;
                absent
            }
            None => false,
        }
    }

    /// Takes `i` out; whether it was present.
    pub fn remove(&mut self, i: usize) -> bool {
        match self.words.get_mut(i / 64) {
            Some(w) => {
                let bit = 1 << (i % 64);
                let present = *w & bit != 0;
                *w &= !bit;
                present
            }
            None => false,
        }
    }

    pub fn clear(&mut self) {
        self.words.iter_mut().for_each(|w| *w = 0);
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// The indices in the set, smallest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(n, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(n * 64 + bit)
            })
        })
    }

    /// Copies `other` into this set without allocating when the sizes agree.
    pub fn copy_from(&mut self, other: &Bits) {
        if self.words.len() == other.words.len() {
            self.words.copy_from_slice(&other.words);
        } else {
            self.words = other.words.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn insert_remove_and_iterate_in_order() {
        let mut b = Bits::new(130);
        assert!(b.insert(129) && b.insert(3) && b.insert(64));
        assert!(!b.insert(3), "already there");
        assert!(!b.insert(192), "beyond the words: ignored");
        assert_eq!(b.iter().collect::<Vec<_>>(), [3, 64, 129]);
        assert!(b.remove(64) && !b.remove(64));
        assert!(b.contains(3) && !b.contains(64) && !b.contains(1000));
        b.clear();
        assert!(b.is_empty());
    }
}
