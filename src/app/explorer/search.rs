//! Search text: [`normalize_query`], and [`TabText`], the lowercase text of one list tab's
//! records with their name order, built by one function per tab.

use crate::model::{Dataset, source_list_name};

use super::tables::{Csr, IdTable, NONE};

/// Normalizes search text the way the haystacks are: trimmed, then lowercased.
pub fn normalize_query(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    push_lower(&mut out, q.trim());
    out
}

/// Appends `s` lowercased; the ASCII fast path and the slow path give the same result.
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Lowercase search text of one tab's records, and their name order.
#[derive(Clone, Debug, Default)]
pub(super) struct TabText {
    /// Every record's fields, lowercased, each followed by `\n`, records one after another.
    text: String,
    /// `starts[i]..starts[i + 1]` is record `i` in `text` (length: records + 1).
    starts: Vec<usize>,
    /// End of record `i`'s first field (its sort name) in `text`.
    key_ends: Vec<usize>,
    /// Positions sorted by (lowercase name, name, position).
    pub(super) order: Vec<u32>,
    /// Inverse of `order`: where each position stands in it.
    pub(super) order_idx: Vec<u32>,
    /// Rank of each position's name; records with the same name share one.
    pub(super) name_rank: Vec<u32>,
}

impl TabText {
    /// An empty text with room for `n` records of `bytes` bytes in all.
    fn with_capacity(n: usize, bytes: usize) -> Self {
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        Self {
            text: String::with_capacity(bytes),
            starts,
            key_ends: Vec::with_capacity(n),
            ..Self::default()
        }
    }

    /// Appends one record: `key` first (its sort name), then the other fields.
    fn push<'a>(&mut self, key: &str, rest: impl IntoIterator<Item = &'a str>) {
        push_lower(&mut self.text, key);
        self.key_ends.push(self.text.len());
        self.text.push('\n');
        for f in rest {
            if !f.is_empty() {
                push_lower(&mut self.text, f);
                self.text.push('\n');
            }
        }
        self.starts.push(self.text.len());
    }

    /// Number of records.
    pub(super) fn count(&self) -> usize {
        self.key_ends.len()
    }

    /// Record `pos`'s text, fields each followed by `\n` (empty when out of range).
    pub(super) fn hay(&self, pos: usize) -> &str {
        match (self.starts.get(pos), self.starts.get(pos + 1)) {
            (Some(&a), Some(&b)) => &self.text[a..b],
            _ => "",
        }
    }

    /// Record `pos`'s sort name, lowercased.
    fn key(&self, pos: usize) -> &str {
        &self.text[self.starts[pos]..self.key_ends[pos]]
    }

    /// Sorts by name; `original(pos)` breaks ties between names equal once lowercased.
    fn finish<'a>(&mut self, original: impl Fn(usize) -> &'a str) {
        let n = self.count();
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            self.key(a)
                .cmp(self.key(b))
                .then_with(|| original(a).cmp(original(b)))
                .then(a.cmp(&b))
        });
        let mut order_idx = vec![0u32; n];
        let mut name_rank = vec![0u32; n];
        let mut rank = 0u32;
        for (i, &p) in order.iter().enumerate() {
            if i > 0 {
                let prev = order[i - 1] as usize;
                if self.key(prev) != self.key(p as usize) || original(prev) != original(p as usize)
                {
                    rank = i as u32;
                }
            }
            order_idx[p as usize] = i as u32;
            name_rank[p as usize] = rank;
        }
        self.order = order;
        self.order_idx = order_idx;
        self.name_rank = name_rank;
    }

    /// Which records contain `needle` (normalized, not empty).
    pub(super) fn hits(&self, needle: &str) -> Vec<bool> {
        let n = self.count();
        let mut hit = vec![false; n];
        if needle.contains('\n') {
            // Could span fields; test record by record instead of scanning the whole text.
            for (p, h) in hit.iter_mut().enumerate() {
                *h = self.hay(p).contains(needle);
            }
            return hit;
        }
        // One scan of the whole text; a needle without `\n` cannot span two records.
        let text = self.text.as_str();
        let mut from = 0;
        while from < text.len() {
            let Some(off) = text[from..].find(needle) else {
                break;
            };
            let at = from + off;
            let r = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
            if let Some(h) = hit.get_mut(r) {
                *h = true;
            }
            // Skip the rest of this record: one hit is enough.
            from = self.starts.get(r + 1).copied().unwrap_or(text.len());
        }
        hit
    }
}

/// Organizations' search text: name, native name, country, headquarters, role holders' names.
pub(super) fn org_text(ds: &Dataset, roles_by_org: &Csr<u32>, people: &IdTable) -> TabText {
    let mut t = TabText::with_capacity(ds.organizations.len(), ds.organizations.len() * 40);
    let mut holders: Vec<u32> = Vec::new();
    for (i, o) in ds.organizations.iter().enumerate() {
        holders.clear();
        holders.extend(
            roles_by_org
                .get(i)
                .iter()
                .map(|&r| people.at(ds.roles[r as usize].person.as_str()))
                .filter(|&p| p != NONE),
        );
        holders.sort_unstable();
        holders.dedup();
        let names = holders.iter().flat_map(|&p| {
            let person = &ds.people[p as usize];
            [person.name.as_str(), person.native_name.as_str()]
        });
        t.push(
            &o.name,
            [
                o.native_name.as_str(),
                o.country.as_str(),
                o.headquarters.as_str(),
            ]
            .into_iter()
            .chain(names),
        );
    }
    t.finish(|p| ds.organizations[p].name.as_str());
    t
}

/// Models' search text: name, family, developer's name and native name, developer's country.
pub(super) fn model_text(ds: &Dataset, model_family: &[u32], model_dev: &[u32]) -> TabText {
    let mut t = TabText::with_capacity(ds.models.len(), ds.models.len() * 48);
    for (i, m) in ds.models.iter().enumerate() {
        let family = ds
            .families
            .get(model_family[i] as usize)
            .map_or("", |f| f.name.as_str());
        let (dev, dev_native, country) = ds
            .organizations
            .get(model_dev[i] as usize)
            .map_or(("", "", ""), |o| {
                (o.name.as_str(), o.native_name.as_str(), o.country.as_str())
            });
        t.push(&m.name, [family, dev, dev_native, country]);
    }
    t.finish(|p| ds.models[p].name.as_str());
    t
}

/// Sources' search text: the name they are listed by ([`source_list_name`]), publisher,
/// author, locator.
pub(super) fn source_text(ds: &Dataset) -> TabText {
    let mut t = TabText::with_capacity(ds.sources.len(), ds.sources.len() * 80);
    for s in &ds.sources {
        let locator = if s.title.trim().is_empty() {
            ""
        } else {
            s.locator.as_str()
        };
        t.push(
            source_list_name(s),
            [s.publisher.as_str(), s.author.as_str(), locator],
        );
    }
    t.finish(|p| source_list_name(&ds.sources[p]));
    t
}

/// Events' search text: title, description.
pub(super) fn event_text(ds: &Dataset) -> TabText {
    let mut t = TabText::with_capacity(ds.events.len(), ds.events.len() * 80);
    for e in &ds.events {
        t.push(&e.title, [e.description.as_str()]);
    }
    t.finish(|p| ds.events[p].title.as_str());
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::explorer::{Index, ListTab};
    use crate::model::synth::synthetic;

    #[test]
    fn lowercasing_is_the_same_for_query_and_text() {
        assert_eq!(normalize_query("  NimBus \t"), "nimbus");
        assert_eq!(normalize_query("ÄRGER 阿里"), "ärger 阿里");
        let mut s = String::new();
        push_lower(&mut s, "ÉCOLE");
        assert_eq!(s, normalize_query("École"));
    }

    #[test]
    fn whole_text_scan_agrees_with_per_record_search() {
        let ds = synthetic(3000, 3);
        let ix = Index::build(&ds);
        for tab in ListTab::ALL {
            let t = &ix.text[tab.slot()];
            for needle in [
                "nimbus",
                "company 1",
                "公司",
                "9",
                "y\nc",
                "report 2",
                "zzz",
            ] {
                let hits = t.hits(needle);
                for (p, &h) in hits.iter().enumerate() {
                    assert_eq!(h, t.hay(p).contains(needle), "{tab:?} {needle:?} {p}");
                }
            }
        }
    }
}
