//! The [`Explorer`] cache the UI holds: the index of the open dataset revision and each tab's
//! rows, recomputed only when the parts of the query a list depends on change.

use std::sync::Arc;

use crate::model::Dataset;

use super::filters::{ModelFilter, OrgFilter};
use super::index::Index;
use super::query::{ListQuery, ListTab};
use super::search::normalize_query;
use super::sort::{ModelSort, OrgSort};

/// What a tab's filtered, sorted base list was computed from.
#[derive(Clone, Debug, PartialEq)]
enum BaseKey {
    Orgs(OrgFilter, OrgSort, bool),
    Models(ModelFilter, ModelSort, bool),
    Plain,
}

impl BaseKey {
    /// The key of `tab`'s base list under `q`.
    fn of(tab: ListTab, q: &ListQuery) -> Self {
        match tab {
            ListTab::Organizations => BaseKey::Orgs(q.org_filter.clone(), q.org_sort, q.descending),
            ListTab::Models => BaseKey::Models(q.model_filter.clone(), q.model_sort, q.descending),
            ListTab::Sources | ListTab::Events => BaseKey::Plain,
        }
    }

    /// Whether `q` gives this key for `tab`, without cloning anything.
    fn matches(&self, tab: ListTab, q: &ListQuery) -> bool {
        match (self, tab) {
            (BaseKey::Orgs(f, s, d), ListTab::Organizations) => {
                *s == q.org_sort && *d == q.descending && *f == q.org_filter
            }
            (BaseKey::Models(f, s, d), ListTab::Models) => {
                *s == q.model_sort && *d == q.descending && *f == q.model_filter
            }
            (BaseKey::Plain, ListTab::Sources | ListTab::Events) => true,
            _ => false,
        }
    }
}

/// One tab's cached lists.
#[derive(Clone, Debug, Default)]
struct TabCache {
    /// What `base` was computed from; `None` when stale.
    base_key: Option<BaseKey>,
    /// Filtered and sorted positions, before search.
    base: Vec<u32>,
    /// Whether `rows` is `base` searched for `search_norm`.
    rows_valid: bool,
    /// The search text as last given (to answer repeated calls without normalizing).
    search_raw: String,
    /// The normalized search `rows` was computed for.
    search_norm: String,
    /// The rows shown.
    rows: Vec<u32>,
}

/// The explorer's cache, held by the UI: the index of the open dataset revision and each tab's
/// rows. Calling [`Explorer::rows`] every frame costs a few comparisons when nothing changed.
///
/// Keyed on the revision alone: a revision names one state of one dataset (the app takes each
/// from [`crate::app::history::fresh_revision`]), so a caller must give another dataset, or an
/// edited one, another revision.
#[derive(Debug, Default)]
pub struct Explorer {
    /// The revision the index was built for.
    revision: u64,
    index: Option<Arc<Index>>,
    tabs: [TabCache; 4],
    recomputations: u64,
    index_builds: u64,
}

impl Explorer {
    /// An empty cache; the first call builds the index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of `ds` at `revision`, rebuilt only when the revision changed.
    pub fn index(&mut self, ds: &Arc<Dataset>, revision: u64) -> Arc<Index> {
        if let Some(ix) = &self.index
            && self.revision == revision
        {
            return Arc::clone(ix);
        }
        let ix = Arc::new(Index::build(ds));
        self.revision = revision;
        self.index = Some(Arc::clone(&ix));
        self.tabs = Default::default();
        self.index_builds += 1;
        ix
    }

    /// The positions (into the dataset's vec for `tab`) passing the search and the tab's
    /// filter, sorted. Works for any tab, shown or not (the plots use the organization and
    /// model rows). Recomputes only what the change in inputs requires.
    pub fn rows(
        &mut self,
        ds: &Arc<Dataset>,
        revision: u64,
        tab: ListTab,
        query: &ListQuery,
    ) -> &[u32] {
        let ix = self.index(ds, revision);
        let cache = &mut self.tabs[tab.slot()];
        let mut worked = false;
        if !cache
            .base_key
            .as_ref()
            .is_some_and(|k| k.matches(tab, query))
        {
            cache.base = ix.filtered_sorted(ds, tab, query);
            cache.base_key = Some(BaseKey::of(tab, query));
            cache.rows_valid = false;
            worked = true;
        }
        // Same text as last time: nothing to do (the per-frame path, no allocation).
        if !(cache.rows_valid && cache.search_raw == query.search) {
            let norm = normalize_query(&query.search);
            // Text differing only in case or surrounding space gives the same rows.
            if !(cache.rows_valid && norm == cache.search_norm) {
                let t = &ix.text[tab.slot()];
                let refine = cache.rows_valid
                    && !cache.search_norm.is_empty()
                    && norm.contains(cache.search_norm.as_str());
                if norm.is_empty() {
                    cache.rows.clone_from(&cache.base);
                } else if refine && cache.rows.len() * 16 < t.count() {
                    // Typing on: the new matches are among the old ones, in the same order.
                    cache
                        .rows
                        .retain(|&p| t.hay(p as usize).contains(norm.as_str()));
                } else {
                    let hit = t.hits(&norm);
                    let from = if refine { &cache.rows } else { &cache.base };
                    let kept: Vec<u32> =
                        from.iter().copied().filter(|&p| hit[p as usize]).collect();
                    cache.rows = kept;
                }
                cache.search_norm = norm;
                cache.rows_valid = true;
                worked = true;
            }
            cache.search_raw.clone_from(&query.search);
        }
        if worked {
            self.recomputations += 1;
        }
        &self.tabs[tab.slot()].rows
    }

    /// Number of records in `tab` for "n of N" (0 before the first call).
    pub fn total(&self, tab: ListTab) -> usize {
        self.index.as_ref().map_or(0, |ix| ix.count(tab))
    }

    /// How many times rows were recomputed (a debugging and test counter).
    pub fn recomputations(&self) -> u64 {
        self.recomputations
    }

    /// How many times the index was built (a debugging and test counter).
    pub fn index_builds(&self) -> u64 {
        self.index_builds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::history::fresh_revision;
    use crate::model::synth::synthetic;

    #[test]
    fn incremental_search_gives_the_same_rows_as_a_fresh_search() {
        let ds = Arc::new(synthetic(20_000, 5));
        let mut typed = Explorer::new();
        let mut q = ListQuery::default();
        for text in [
            "n",
            "ni",
            "nim",
            "nimbus",
            "nimbus company 1",
            "nimbu",
            "",
            "1",
        ] {
            q.search = text.into();
            for tab in ListTab::ALL {
                let got = typed.rows(&ds, 0, tab, &q).to_vec();
                let mut fresh = Explorer::new();
                assert_eq!(got, fresh.rows(&ds, 0, tab, &q), "{tab:?} {text:?}");
                let ix = fresh.index(&ds, 0);
                let naive: Vec<u32> = fresh
                    .rows(&ds, 0, tab, &ListQuery::default())
                    .iter()
                    .copied()
                    .filter(|&p| ix.matches(tab, p as usize, text))
                    .collect();
                assert_eq!(got, naive, "{tab:?} {text:?}");
            }
        }
        assert_eq!(typed.index_builds(), 1);
    }

    #[test]
    fn descending_name_keeps_equal_names_in_file_order() {
        let mut ds = synthetic(100, 1);
        for o in &mut ds.organizations {
            o.name = if o.id.as_str() < "o2" {
                "Same"
            } else {
                "Other"
            }
            .into();
        }
        let ds = Arc::new(ds);
        let mut ex = Explorer::new();
        let q = ListQuery {
            descending: true,
            ..ListQuery::default()
        };
        let rows = ex.rows(&ds, 0, ListTab::Organizations, &q).to_vec();
        let names: Vec<&str> = rows
            .iter()
            .map(|&p| ds.organizations[p as usize].name.as_str())
            .collect();
        let split = names.iter().position(|&n| n == "Other").unwrap_or(0);
        assert!(names[..split].iter().all(|&n| n == "Same"));
        assert!(names[split..].iter().all(|&n| n == "Other"));
        assert!(rows[..split].windows(2).all(|w| w[0] < w[1]));
        assert!(rows[split..].windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn another_dataset_at_its_own_revision_rebuilds() {
        let a = Arc::new(synthetic(100, 1));
        let b = Arc::new(synthetic(200, 2));
        let mut ex = Explorer::new();
        let q = ListQuery::default();
        let (rev_a, rev_b) = (fresh_revision(), fresh_revision());
        assert_eq!(ex.rows(&a, rev_a, ListTab::Models, &q).len(), 30);
        assert_eq!(ex.rows(&b, rev_b, ListTab::Models, &q).len(), 60);
        assert_eq!(ex.index_builds(), 2);
        assert_eq!(ex.total(ListTab::Models), 60);
    }
}
