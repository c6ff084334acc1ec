//! The compact tables the index is made of: id -> position lookups ([`IdTable`]) and one-to-many
//! relations keyed by dense positions ([`Csr`]) or by sparse record keys ([`Sparse`]).

/// Marks "no position" in the compact `u32` tables.
pub(super) const NONE: u32 = u32::MAX;

/// A 64-bit hash of a string (FxHash-style rounds plus a SplitMix finalizer): fast, and good
/// enough for ids, which are not chosen by an adversary.
fn hash_str(s: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let bytes = s.as_bytes();
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Id -> position for one record kind: the ids in one text arena and an open-addressing table
/// of positions, so building it costs no allocation per record. The first of duplicate ids wins.
#[derive(Clone, Debug, Default)]
pub(super) struct IdTable {
    arena: String,
    /// `ends[i]` is where id `i` ends in `arena`; it starts where id `i - 1` ends.
    ends: Vec<usize>,
    /// Positions, or `NONE` for an empty slot. Length is a power of two, at most half full.
    slots: Vec<u32>,
}

impl IdTable {
    /// Builds the table of `ids`, whose positions are their order.
    pub(super) fn build<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let n = ids.len();
        let cap = (n * 2).next_power_of_two().max(8);
        let mut t = IdTable {
            arena: String::with_capacity(n * 12),
            ends: Vec::with_capacity(n),
            slots: vec![NONE; cap],
        };
        let mask = cap - 1;
        for (pos, id) in ids.enumerate() {
            t.arena.push_str(id);
            t.ends.push(t.arena.len());
            let mut i = hash_str(id) as usize & mask;
            loop {
                let s = t.slots[i];
                if s == NONE {
                    t.slots[i] = pos as u32;
                    break;
                }
                if t.id(s as usize) == id {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        t
    }

    /// The id at `pos`.
    pub(super) fn id(&self, pos: usize) -> &str {
        let start = if pos == 0 { 0 } else { self.ends[pos - 1] };
        &self.arena[start..self.ends[pos]]
    }

    /// Position of `id` (`None` when absent).
    pub(super) fn get(&self, id: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash_str(id) as usize & mask;
        loop {
            let s = self.slots[i];
            if s == NONE {
                return None;
            }
            if self.id(s as usize) == id {
                return Some(s as usize);
            }
            i = (i + 1) & mask;
        }
    }

    /// Like [`IdTable::get`], as a compact `u32` with `NONE` for a missing id.
    pub(super) fn at(&self, id: &str) -> u32 {
        self.get(id).map_or(NONE, |p| p as u32)
    }
}

/// A one-to-many relation keyed by dense positions (compressed rows): `get(k)` is the values
/// for key `k`, in the order they were given.
#[derive(Clone, Debug)]
pub(super) struct Csr<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Csr<T> {
    fn default() -> Self {
        Self {
            starts: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Csr<T> {
    /// Builds from `(key, value)` pairs; pairs whose key is `NONE` or out of range are skipped.
    pub(super) fn build(n_keys: usize, pairs: &[(u32, T)], fill: T) -> Self {
        let mut starts = vec![0u32; n_keys + 1];
        for &(k, _) in pairs {
            if (k as usize) < n_keys {
                starts[k as usize + 1] += 1;
            }
        }
        for i in 0..n_keys {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut items = vec![fill; starts[n_keys] as usize];
        for &(k, v) in pairs {
            if (k as usize) < n_keys {
                items[next[k as usize] as usize] = v;
                next[k as usize] += 1;
            }
        }
        Self { starts, items }
    }

    /// The values for `key`, in the order given (empty for an unknown key).
    pub(super) fn get(&self, key: usize) -> &[T] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A one-to-many relation keyed by sparse record keys (kind and position), sorted for lookups
/// by binary search. Repeated pairs are kept once.
#[derive(Clone, Debug, Default)]
pub(super) struct Sparse {
    keys: Vec<u64>,
    values: Vec<u32>,
}

impl Sparse {
    /// Builds from `(key, value)` pairs in any order.
    pub(super) fn build(mut pairs: Vec<(u64, u32)>) -> Self {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, values) = pairs.into_iter().unzip();
        Self { keys, values }
    }

    /// The values for `key`, ascending (empty for an unknown key).
    pub(super) fn get(&self, key: u64) -> &[u32] {
        let lo = self.keys.partition_point(|&k| k < key);
        let hi = self.keys.partition_point(|&k| k <= key);
        &self.values[lo..hi]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_table_finds_every_id_and_keeps_the_first_duplicate() {
        let ids: Vec<String> = (0..5000).map(|i| format!("id-{i}")).collect();
        let mut with_dup: Vec<&str> = ids.iter().map(String::as_str).collect();
        with_dup.push("id-42");
        let t = IdTable::build(with_dup.iter().copied());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(t.get(id), Some(i));
        }
        assert_eq!(t.get("id-42"), Some(42), "first of duplicates wins");
        assert_eq!(t.get("id-5000"), None);
        assert_eq!(t.get(""), None);
        assert_eq!(IdTable::default().get("x"), None);
        assert_eq!(IdTable::build(std::iter::empty::<&str>()).get("x"), None);
    }

    #[test]
    fn csr_keeps_order_and_skips_missing_keys() {
        let c = Csr::build(3, &[(2, 10), (0, 11), (NONE, 12), (2, 13), (7, 14)], 0);
        assert_eq!(c.get(0), &[11]);
        assert_eq!(c.get(1), &[] as &[u32]);
        assert_eq!(c.get(2), &[10, 13]);
        assert_eq!(c.get(3), &[] as &[u32]);
        assert_eq!(c.get(usize::MAX - 1), &[] as &[u32]);
    }
}
