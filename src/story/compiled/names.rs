//! Interned names: each kind of id's names, their small indices and a stable hash of
//! each, and the crate's one stable hash (64-bit FNV-1a) they are taken with.

use std::sync::Arc;

use foldhash::HashMap;

/// Names and their indices, for one kind of id.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Each name once, shared by the list and the index (a story has thousands).
    ids: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32>,
    /// A stable hash of each name, for fingerprints that do not depend on the order
    /// ids are declared in.
    hashes: Vec<u64>,
}

impl Names {
    pub(crate) fn new<'a>(kind: &str, names: impl IntoIterator<Item = &'a str>) -> Self {
        let names = names.into_iter();
        let expected = names.size_hint().0;
        let mut out = Names {
            ids: Vec::with_capacity(expected),
            index: HashMap::with_capacity_and_hasher(expected, Default::default()),
            hashes: Vec::with_capacity(expected),
        };
        for name in names {
            out.add(kind, name);
        }
        out
    }

    pub(super) fn add(&mut self, kind: &str, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.hashes.push(name_hash(kind, name));
        let name: Arc<str> = Arc::from(name);
        self.ids.push(Arc::clone(&name));
        self.index.insert(name, i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn name(&self, i: usize) -> &str {
        self.ids.get(i).map_or("", |name| name)
    }

    pub fn hash(&self, i: usize) -> u64 {
        self.hashes.get(i).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// FNV-1a over a kind tag and a name: stable on every machine and in every run.
pub fn name_hash(kind: &str, name: &str) -> u64 {
    fnv1a(kind.bytes().chain([0]).chain(name.bytes()))
}

/// 64-bit FNV-1a: the one stable hash of the crate (content hashes, fingerprints).
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_is_the_published_64_bit_fnv_1a() {
        assert_eq!(fnv1a([]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fnv1a_over_pieces_is_fnv1a_over_the_whole() {
        let whole = fnv1a(*b"story.ron\0text\0");
        let pieces = fnv1a(b"story.ron".iter().copied().chain([0]).chain(*b"text").chain([0]));
        assert_eq!(whole, pieces);
    }
}
