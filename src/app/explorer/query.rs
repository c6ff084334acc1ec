//! What a list shows: the [`ListTab`] and the [`ListQuery`] (search, filters, sorts) that the UI
//! keeps and persists, and how the index answers a query before the search is applied.

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, RecordKind};

use super::filters::{ModelFilter, ModelPred, OrgFilter, OrgPred};
use super::index::Index;
use super::sort::{ModelSort, OrgSort, date_key, f64_key, in_name_order, sort_rows};

/// Which list the explorer shows.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ListTab {
    /// Organizations: adopters, labs, platforms, institutes, government bodies.
    #[default]
    Organizations,
    /// Model releases.
    Models,
    /// Sources.
    Sources,
    /// Dated events.
    Events,
}

impl ListTab {
    /// All tabs, in display order.
    pub const ALL: [ListTab; 4] = [
        ListTab::Organizations,
        ListTab::Models,
        ListTab::Sources,
        ListTab::Events,
    ];

    /// Human label of the tab.
    pub fn label(self) -> &'static str {
        match self {
            ListTab::Organizations => "Organizations",
            ListTab::Models => "Models",
            ListTab::Sources => "Sources",
            ListTab::Events => "Events",
        }
    }

    /// The kind of record the tab lists.
    pub fn record_kind(self) -> RecordKind {
        match self {
            ListTab::Organizations => RecordKind::Organization,
            ListTab::Models => RecordKind::Model,
            ListTab::Sources => RecordKind::Source,
            ListTab::Events => RecordKind::Event,
        }
    }

    /// Index of the tab in per-tab arrays ([`ListTab::ALL`] order).
    pub(super) fn slot(self) -> usize {
        self as usize
    }
}

/// Everything that decides what the lists show. Sources and events use only `search`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Case-insensitive substring; surrounding white space is ignored; empty matches all.
    pub search: String,
    /// Filter of the organization list.
    pub org_filter: OrgFilter,
    /// Filter of the model list.
    pub model_filter: ModelFilter,
    /// Order of the organization list.
    pub org_sort: OrgSort,
    /// Order of the model list.
    pub model_sort: ModelSort,
    /// Reverse the chosen order (missing values stay last, ties stay by name).
    pub descending: bool,
}

impl ListQuery {
    /// Human phrases for the footer of a plot built from `tab`'s rows: the search, then the
    /// tab's filter. Empty when the list is unrestricted.
    pub fn describe(&self, tab: ListTab, ds: &Dataset) -> Vec<String> {
        let mut out = Vec::new();
        let s = self.search.trim();
        if !s.is_empty() {
            out.push(format!("search: \"{s}\""));
        }
        match tab {
            ListTab::Organizations => out.extend(self.org_filter.describe()),
            ListTab::Models => out.extend(self.model_filter.describe(ds)),
            ListTab::Sources | ListTab::Events => {}
        }
        out
    }
}

impl Index {
    /// Positions of `tab`'s records passing the query's filter, sorted; search not applied.
    pub(super) fn filtered_sorted(&self, ds: &Dataset, tab: ListTab, q: &ListQuery) -> Vec<u32> {
        let t = &self.text[tab.slot()];
        match tab {
            ListTab::Organizations => {
                let pred = OrgPred::new(&q.org_filter, self);
                let pass = |p: usize| pred.test(ds, self, p);
                let key = |p: usize| -> Option<u64> {
                    match q.org_sort {
                        OrgSort::Name => Some(u64::from(t.name_rank[p])),
                        OrgSort::Adoptions => Some(self.org_adoption_count(p) as u64),
                        OrgSort::FirstAdoption => self.org_first_adoption(p).map(date_key),
                    }
                };
                if q.org_sort == OrgSort::Name && !q.descending {
                    return in_name_order(t, pass);
                }
                sort_rows(t, (0..t.count()).filter(|&p| pass(p)), key, q.descending)
            }
            ListTab::Models => {
                let pred = ModelPred::new(&q.model_filter, self);
                let pass = |p: usize| pred.test(ds, self, p);
                let key = |p: usize| -> Option<u64> {
                    let m = &ds.models[p];
                    match q.model_sort {
                        ModelSort::Name => Some(u64::from(t.name_rank[p])),
                        ModelSort::Adoptions => Some(self.model_adopter_count(p) as u64),
                        ModelSort::ReleaseDate => m.release_date.map(date_key),
                        ModelSort::Parameters => m.total_params_b.and_then(f64_key),
                    }
                };
                if q.model_sort == ModelSort::Name && !q.descending {
                    return in_name_order(t, pass);
                }
                sort_rows(t, (0..t.count()).filter(|&p| pass(p)), key, q.descending)
            }
            ListTab::Sources => t.order.clone(),
            ListTab::Events => {
                sort_rows(t, 0..t.count(), |p| ds.events[p].date.map(date_key), false)
            }
        }
    }
}
