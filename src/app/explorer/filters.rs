//! Filters of the organization and model lists: [`OrgFilter`] and [`ModelFilter`] as the UI
//! keeps them, and the predicates they become once resolved against one index.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, FamilyId, ModelId, Openness, OrgKind};

use super::index::Index;
use super::tables::NONE;

/// Restrictions on the organization list; an empty set, `None` or `false` restricts nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrgFilter {
    /// Keep organizations in one of these countries (`""` stands for "country unknown").
    pub countries: BTreeSet<String>,
    /// Keep organizations of one of these kinds.
    pub kinds: BTreeSet<OrgKind>,
    /// Keep organizations that adopted a model (or family) developed in this country; blank
    /// text restricts nothing.
    pub uses_model_from_country: Option<String>,
    /// Keep organizations that adopted an open-weight model, or a family with one.
    pub uses_open_weights: bool,
}

impl OrgFilter {
    /// Whether the filter lets every organization through.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.kinds.is_empty()
            && self
                .uses_model_from_country
                .as_deref()
                .is_none_or(|c| c.trim().is_empty())
            && !self.uses_open_weights
    }

    /// Human phrases for plot footers ("country: China, United States"); empty when no filter.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.countries.is_empty() {
            out.push(format!("country: {}", join_countries(&self.countries)));
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.label()).collect();
            out.push(format!("kind: {}", kinds.join(", ")));
        }
        if let Some(c) = self.uses_model_from_country.as_deref().map(str::trim)
            && !c.is_empty()
        {
            out.push(format!("uses models developed in {c}"));
        }
        if self.uses_open_weights {
            out.push("uses open-weight models".to_owned());
        }
        out
    }
}

/// Restrictions on the model list; an empty set restricts nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelFilter {
    /// Keep models whose developer is in one of these countries (`""`: country unknown).
    pub developer_countries: BTreeSet<String>,
    /// Keep models of one of these families.
    pub families: BTreeSet<FamilyId>,
    /// Keep models with one of these openness categories (models without one are dropped).
    pub openness: BTreeSet<Openness>,
    /// Keep models released in one of these years (undated models are dropped).
    pub release_years: BTreeSet<i32>,
    /// Keep only the models a clicked bar segment counts (a view filter: not kept between
    /// sessions).
    #[serde(skip)]
    pub segment: Option<SegmentFilter>,
}

/// The models one segment of a stacked bar counts, as a filter of the model list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentFilter {
    /// What the segment counts, in words ("Models released in Q1 2024 by developers in
    /// China").
    pub label: String,
    /// The models it counts.
    pub models: BTreeSet<ModelId>,
}

impl SegmentFilter {
    /// The filter in words with its count: "Models released in Q1 2024 by developers in China
    /// (12)".
    pub fn describe(&self) -> String {
        format!("{} ({})", self.label, self.models.len())
    }
}

impl ModelFilter {
    /// Whether the filter lets every model through.
    pub fn is_empty(&self) -> bool {
        self.developer_countries.is_empty()
            && self.families.is_empty()
            && self.openness.is_empty()
            && self.release_years.is_empty()
            && self.segment.is_none()
    }

    /// Human phrases for plot footers ("openness: API access"); family names are looked up in
    /// `ds` (the id is shown for a family that is not there). Empty when no filter.
    pub fn describe(&self, ds: &Dataset) -> Vec<String> {
        let mut out = Vec::new();
        if !self.developer_countries.is_empty() {
            out.push(format!(
                "developer country: {}",
                join_countries(&self.developer_countries)
            ));
        }
        if !self.families.is_empty() {
            let names: Vec<&str> = self
                .families
                .iter()
                .map(|id| {
                    ds.families
                        .iter()
                        .find(|f| &f.id == id)
                        .map_or(id.as_str(), |f| f.name.as_str())
                })
                .collect();
            out.push(format!("family: {}", names.join(", ")));
        }
        if !self.openness.is_empty() {
            let labels: Vec<&str> = self.openness.iter().map(|o| o.label()).collect();
            out.push(format!("openness: {}", labels.join(", ")));
        }
        if !self.release_years.is_empty() {
            let years: Vec<String> = self.release_years.iter().map(i32::to_string).collect();
            out.push(format!("released in: {}", years.join(", ")));
        }
        if let Some(seg) = &self.segment {
            out.push(seg.describe());
        }
        out
    }
}

/// The country names of a filter for a footer, `""` shown as "unknown".
fn join_countries(set: &BTreeSet<String>) -> String {
    let names: Vec<&str> = set
        .iter()
        .map(|c| match c.trim() {
            "" => "unknown",
            c => c,
        })
        .collect();
    names.join(", ")
}

/// An organization filter resolved against one index.
pub(super) struct OrgPred<'a> {
    /// Allowed country ids (index `countries.len()` stands for "unknown"); `None`: any.
    countries: Option<Vec<bool>>,
    kinds: &'a BTreeSet<OrgKind>,
    /// `Some(NONE)` when the country is not in the data: nothing passes.
    dev_country: Option<u32>,
    open: bool,
}

/// A mask over country ids from a set of names; the last slot is "unknown" (`""`).
fn country_mask(set: &BTreeSet<String>, ix: &Index) -> Option<Vec<bool>> {
    if set.is_empty() {
        return None;
    }
    let mut mask = vec![false; ix.countries.len() + 1];
    for c in set {
        let c = c.trim();
        if c.is_empty() {
            mask[ix.countries.len()] = true;
        } else if let Some(&id) = ix.country_ids.get(c) {
            mask[id as usize] = true;
        }
    }
    Some(mask)
}

/// Whether a country id (`NONE`: unknown) passes a mask from [`country_mask`].
fn mask_allows(mask: &Option<Vec<bool>>, country: u32) -> bool {
    match mask {
        None => true,
        Some(m) => {
            let slot = if country == NONE {
                m.len() - 1
            } else {
                country as usize
            };
            m.get(slot).copied().unwrap_or(false)
        }
    }
}

impl<'a> OrgPred<'a> {
    /// Resolves `f`'s names to ids of `ix`.
    pub(super) fn new(f: &'a OrgFilter, ix: &Index) -> Self {
        let dev_country = f
            .uses_model_from_country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| ix.country_ids.get(c).copied().unwrap_or(NONE));
        Self {
            countries: country_mask(&f.countries, ix),
            kinds: &f.kinds,
            dev_country,
            open: f.uses_open_weights,
        }
    }

    /// Whether the record at position `p` passes.
    pub(super) fn test(&self, ds: &Dataset, ix: &Index, p: usize) -> bool {
        mask_allows(&self.countries, ix.org_country[p])
            && (self.kinds.is_empty() || self.kinds.contains(&ds.organizations[p].kind))
            && self
                .dev_country
                .is_none_or(|c| c != NONE && ix.org_dev_countries.get(p).contains(&c))
            && (!self.open || ix.org_open_weights[p])
    }
}

/// A model filter resolved against one index.
pub(super) struct ModelPred<'a> {
    countries: Option<Vec<bool>>,
    /// Allowed family positions; `None`: any.
    families: Option<Vec<bool>>,
    openness: &'a BTreeSet<Openness>,
    years: &'a BTreeSet<i32>,
    segment: Option<&'a BTreeSet<ModelId>>,
}

impl<'a> ModelPred<'a> {
    /// Resolves `f`'s names and family ids to ids and positions of `ix`.
    pub(super) fn new(f: &'a ModelFilter, ix: &Index) -> Self {
        let families = (!f.families.is_empty()).then(|| {
            let mut mask = vec![false; ix.distinct_families.len()];
            for id in &f.families {
                if let Some(p) = ix.family(id) {
                    mask[p] = true;
                }
            }
            mask
        });
        Self {
            countries: country_mask(&f.developer_countries, ix),
            families,
            openness: &f.openness,
            years: &f.release_years,
            segment: f.segment.as_ref().map(|s| &s.models),
        }
    }

    /// Whether the record at position `p` passes.
    pub(super) fn test(&self, ds: &Dataset, ix: &Index, p: usize) -> bool {
        let m = &ds.models[p];
        mask_allows(&self.countries, ix.model_dev_country[p])
            && self.families.as_ref().is_none_or(|mask| {
                mask.get(ix.model_family[p] as usize)
                    .copied()
                    .unwrap_or(false)
            })
            && (self.openness.is_empty() || m.openness.is_some_and(|o| self.openness.contains(&o)))
            && (self.years.is_empty()
                || m.release_date.is_some_and(|d| self.years.contains(&d.year)))
            && self.segment.is_none_or(|s| s.contains(&m.id))
    }
}
