//! The explorer's logic, below the UI: an [`Index`] of one dataset revision (lookups for the
//! detail views, search text, per-record facts for filters and sorts) and the [`Explorer`] cache
//! that turns a [`ListQuery`] into the filtered, sorted rows of a list.
//!
//! No egui here. Everything is sized for 100 000 organizations and 100 000 models: the index is
//! built once per dataset revision without one allocation per record, and a list is recomputed
//! only when the parts of the query it depends on change.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Weak};

use serde::{Deserialize, Serialize};

use crate::model::{
    AdoptionTarget, Dataset, FamilyId, ModelId, Openness, OrgId, OrgKind, PartialDate, PersonId,
    RecordKind, RecordRef, RoleId, SourceId, Speaker, Subject,
};

/// Marks "no position" in the compact `u32` tables.
const NONE: u32 = u32::MAX;

// ---------------------------------------------------------------------------------------------
// Queries (plain data the UI keeps and persists)
// ---------------------------------------------------------------------------------------------

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

    fn slot(self) -> usize {
        self as usize
    }
}

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
}

impl ModelFilter {
    /// Whether the filter lets every model through.
    pub fn is_empty(&self) -> bool {
        self.developer_countries.is_empty()
            && self.families.is_empty()
            && self.openness.is_empty()
            && self.release_years.is_empty()
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
        out
    }
}

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

/// How the organization list is ordered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum OrgSort {
    /// By name, case-insensitively.
    #[default]
    Name,
    /// By number of adoptions.
    Adoptions,
    /// By earliest dated adoption step (organizations without one go last).
    FirstAdoption,
}

impl OrgSort {
    /// All orders, in menu order.
    pub const ALL: [OrgSort; 3] = [OrgSort::Name, OrgSort::Adoptions, OrgSort::FirstAdoption];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            OrgSort::Name => "Name",
            OrgSort::Adoptions => "Adoptions",
            OrgSort::FirstAdoption => "First adoption",
        }
    }
}

/// How the model list is ordered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ModelSort {
    /// By name, case-insensitively.
    #[default]
    Name,
    /// By number of adopting organizations (directly or through the family).
    Adoptions,
    /// By release date (undated models go last).
    ReleaseDate,
    /// By total parameters (models of unknown size go last).
    Parameters,
}

impl ModelSort {
    /// All orders, in menu order.
    pub const ALL: [ModelSort; 4] = [
        ModelSort::Name,
        ModelSort::Adoptions,
        ModelSort::ReleaseDate,
        ModelSort::Parameters,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ModelSort::Name => "Name",
            ModelSort::Adoptions => "Adopters",
            ModelSort::ReleaseDate => "Release date",
            ModelSort::Parameters => "Parameters",
        }
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
    /// The search text as matched: trimmed and lowercased.
    pub fn normalized_search(&self) -> String {
        normalize_query(&self.search)
    }

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

// ---------------------------------------------------------------------------------------------
// Compact tables
// ---------------------------------------------------------------------------------------------

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
struct IdTable {
    arena: String,
    /// `ends[i]` is where id `i` ends in `arena`; it starts where id `i - 1` ends.
    ends: Vec<usize>,
    /// Positions, or `NONE` for an empty slot. Length is a power of two, at most half full.
    slots: Vec<u32>,
}

impl IdTable {
    fn build<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
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

    fn id(&self, pos: usize) -> &str {
        let start = if pos == 0 { 0 } else { self.ends[pos - 1] };
        &self.arena[start..self.ends[pos]]
    }

    fn get(&self, id: &str) -> Option<usize> {
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
    fn at(&self, id: &str) -> u32 {
        self.get(id).map_or(NONE, |p| p as u32)
    }
}

/// A one-to-many relation keyed by dense positions (compressed rows): `get(k)` is the values
/// for key `k`, in the order they were given.
#[derive(Clone, Debug)]
struct Csr<T> {
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
    fn build(n_keys: usize, pairs: &[(u32, T)], fill: T) -> Self {
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

    fn get(&self, key: usize) -> &[T] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A one-to-many relation keyed by sparse record keys (kind and position), sorted for lookups
/// by binary search. Repeated pairs are kept once.
#[derive(Clone, Debug, Default)]
struct Sparse {
    keys: Vec<u64>,
    values: Vec<u32>,
}

impl Sparse {
    fn build(mut pairs: Vec<(u64, u32)>) -> Self {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, values) = pairs.into_iter().unzip();
        Self { keys, values }
    }

    fn get(&self, key: u64) -> &[u32] {
        let lo = self.keys.partition_point(|&k| k < key);
        let hi = self.keys.partition_point(|&k| k <= key);
        &self.values[lo..hi]
    }
}

// ---------------------------------------------------------------------------------------------
// Public pieces of the index
// ---------------------------------------------------------------------------------------------

/// A record located by its kind and its position in the dataset's vec for that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordAt {
    /// Kind of record.
    pub kind: RecordKind,
    /// Position in the dataset's vec of that kind.
    pub pos: u32,
}

impl RecordAt {
    /// A record of `kind` at `pos`.
    pub fn new(kind: RecordKind, pos: usize) -> Self {
        Self {
            kind,
            pos: pos as u32,
        }
    }

    fn key(self) -> u64 {
        ((self.kind as u64) << 32) | u64::from(self.pos)
    }

    /// The record's id in `ds` (`None` when out of range or for the dataset header).
    pub fn id(self, ds: &Dataset) -> Option<&str> {
        let p = self.pos as usize;
        Some(match self.kind {
            RecordKind::Dataset => return None,
            RecordKind::Source => ds.sources.get(p)?.id.as_str(),
            RecordKind::Organization => ds.organizations.get(p)?.id.as_str(),
            RecordKind::Person => ds.people.get(p)?.id.as_str(),
            RecordKind::Role => ds.roles.get(p)?.id.as_str(),
            RecordKind::Family => ds.families.get(p)?.id.as_str(),
            RecordKind::Model => ds.models.get(p)?.id.as_str(),
            RecordKind::Adoption => ds.adoptions.get(p)?.id.as_str(),
            RecordKind::Claim => ds.claims.get(p)?.id.as_str(),
            RecordKind::Conflict => ds.conflicts.get(p)?.id.as_str(),
            RecordKind::Series => ds.series.get(p)?.id.as_str(),
            RecordKind::Event => ds.events.get(p)?.id.as_str(),
        })
    }

    /// The record as a [`RecordRef`] (`None` when out of range or for the header).
    pub fn record_ref(self, ds: &Dataset) -> Option<RecordRef> {
        RecordRef::from_kind_and_id(self.kind, self.id(ds)?)
    }
}

/// Which field of a record cites a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CiteField {
    /// The record's `sources` list.
    Sources,
    /// A claim's `source`.
    ClaimSource,
    /// The `sources` of an adoption's status entry, by entry number.
    StatusSources(u32),
    /// A source's `via` (it reprints or summarizes the cited source).
    Via,
}

impl CiteField {
    /// The field path as validation names it (`sources`, `source`, `status[1].sources`, `via`).
    pub fn name(self) -> String {
        match self {
            CiteField::Sources => "sources".into(),
            CiteField::ClaimSource => "source".into(),
            CiteField::StatusSources(i) => format!("status[{i}].sources"),
            CiteField::Via => "via".into(),
        }
    }
}

/// One place that cites a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The citing record.
    pub record: RecordAt,
    /// The field that cites it.
    pub field: CiteField,
}

/// One adoption of a model, found directly or through the model's family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ModelAdopter {
    /// Position of the adoption.
    pub adoption: u32,
    /// Position of the adopting organization (`None` when its id does not resolve).
    pub organization: Option<u32>,
    /// Whether the adoption names the model's family rather than the model.
    pub via_family: bool,
}

/// Lowercase search text of one tab's records, and their name order.
#[derive(Clone, Debug, Default)]
struct TabText {
    /// Every record's fields, lowercased, each followed by `\n`, records one after another.
    text: String,
    /// `starts[i]..starts[i + 1]` is record `i` in `text` (length: records + 1).
    starts: Vec<usize>,
    /// End of record `i`'s first field (its sort name) in `text`.
    key_ends: Vec<usize>,
    /// Positions sorted by (lowercase name, name, position).
    order: Vec<u32>,
    /// Inverse of `order`: where each position stands in it.
    order_idx: Vec<u32>,
    /// Rank of each position's name; records with the same name share one.
    name_rank: Vec<u32>,
}

impl TabText {
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

    fn count(&self) -> usize {
        self.key_ends.len()
    }

    fn hay(&self, pos: usize) -> &str {
        match (self.starts.get(pos), self.starts.get(pos + 1)) {
            (Some(&a), Some(&b)) => &self.text[a..b],
            _ => "",
        }
    }

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
    fn hits(&self, needle: &str) -> Vec<bool> {
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

/// Lookups and per-record facts for one revision of a dataset. Built once by [`Index::build`]
/// and read by the lists, the detail views and the plots. Positions are indices into the
/// dataset's vec of that kind; ids that do not resolve are left out of every relation.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Id tables, in the order of [`kind_slot`].
    ids: [IdTable; 11],
    roles_by_org: Csr<u32>,
    roles_by_person: Csr<u32>,
    adoptions_by_org: Csr<u32>,
    adoptions_by_model: Csr<u32>,
    adoptions_by_family: Csr<u32>,
    models_by_family: Csr<u32>,
    adoption_org: Vec<u32>,
    model_family: Vec<u32>,
    claims_by_record: Sparse,
    claims_by_country: BTreeMap<String, Vec<u32>>,
    claims_by_person: Csr<u32>,
    claims_by_org_speaker: Csr<u32>,
    conflicts_by_record: Sparse,
    events_by_record: Sparse,
    series_by_record: Sparse,
    series_by_country: BTreeMap<String, Vec<u32>>,
    citations: Csr<Citation>,
    /// Interned non-empty country names of organizations (trimmed), sorted.
    countries: Vec<String>,
    country_ids: HashMap<String, u32>,
    org_country: Vec<u32>,
    org_dev_countries: Csr<u32>,
    org_open_weights: Vec<bool>,
    org_first_adoption: Vec<Option<PartialDate>>,
    model_adopters: Vec<u32>,
    model_dev_country: Vec<u32>,
    /// Search text per tab, in [`ListTab::slot`] order.
    text: [TabText; 4],
    distinct_org_countries: Vec<String>,
    distinct_org_kinds: Vec<OrgKind>,
    distinct_dev_countries: Vec<String>,
    distinct_families: Vec<u32>,
    distinct_openness: Vec<Openness>,
    distinct_release_years: Vec<i32>,
}

/// Slot of a record kind in [`Index::ids`] (`None` for the dataset header).
fn kind_slot(kind: RecordKind) -> Option<usize> {
    Some(match kind {
        RecordKind::Dataset => return None,
        RecordKind::Source => 0,
        RecordKind::Organization => 1,
        RecordKind::Person => 2,
        RecordKind::Role => 3,
        RecordKind::Family => 4,
        RecordKind::Model => 5,
        RecordKind::Adoption => 6,
        RecordKind::Claim => 7,
        RecordKind::Conflict => 8,
        RecordKind::Series => 9,
        RecordKind::Event => 10,
    })
}

const SRC: usize = 0;
const ORG: usize = 1;
const PERSON: usize = 2;
const FAMILY: usize = 4;
const MODEL: usize = 5;

impl Index {
    /// Builds every lookup for `ds`. Linear in the dataset's size apart from one name sort per
    /// list tab.
    pub fn build(ds: &Dataset) -> Index {
        let ids = [
            IdTable::build(ds.sources.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.organizations.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.people.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.roles.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.families.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.models.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.adoptions.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.claims.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.conflicts.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.series.iter().map(|r| r.id.as_str())),
            IdTable::build(ds.events.iter().map(|r| r.id.as_str())),
        ];
        let n_orgs = ds.organizations.len();
        let n_people = ds.people.len();
        let n_families = ds.families.len();
        let n_models = ds.models.len();
        let org = |id: &OrgId| ids[ORG].at(id.as_str());
        let person = |id: &PersonId| ids[PERSON].at(id.as_str());
        let family = |id: &FamilyId| ids[FAMILY].at(id.as_str());
        let model = |id: &ModelId| ids[MODEL].at(id.as_str());
        let resolve = |r: &RecordRef| {
            let (kind, id) = r.kind_and_id();
            let slot = kind_slot(kind)?;
            ids[slot].get(id).map(|p| RecordAt::new(kind, p))
        };
        let subject_at = |s: &Subject| -> Option<RecordAt> {
            let (kind, p) = match s {
                Subject::Organization(i) => (RecordKind::Organization, org(i)),
                Subject::Model(i) => (RecordKind::Model, model(i)),
                Subject::Family(i) => (RecordKind::Family, family(i)),
                Subject::Adoption(i) => (RecordKind::Adoption, ids[6].at(i.as_str())),
                Subject::Country(_) => return None,
            };
            (p != NONE).then_some(RecordAt { kind, pos: p })
        };

        // Roles.
        let mut by_org = Vec::with_capacity(ds.roles.len());
        let mut by_person = Vec::with_capacity(ds.roles.len());
        for (i, r) in ds.roles.iter().enumerate() {
            by_org.push((org(&r.organization), i as u32));
            by_person.push((person(&r.person), i as u32));
        }
        let roles_by_org = Csr::build(n_orgs, &by_org, 0);
        let roles_by_person = Csr::build(n_people, &by_person, 0);

        // Families and models.
        let family_dev: Vec<u32> = ds.families.iter().map(|f| org(&f.developer)).collect();
        let model_family: Vec<u32> = ds
            .models
            .iter()
            .map(|m| m.family.as_ref().map_or(NONE, family))
            .collect();
        let model_dev: Vec<u32> = ds.models.iter().map(|m| org(&m.developer)).collect();
        let fam_pairs: Vec<(u32, u32)> = model_family
            .iter()
            .enumerate()
            .map(|(i, &f)| (f, i as u32))
            .collect();
        let models_by_family = Csr::build(n_families, &fam_pairs, 0);
        let mut family_open = vec![false; n_families];
        for (m, &f) in ds.models.iter().zip(&model_family) {
            if f != NONE && m.openness.is_some_and(Openness::has_open_weights) {
                family_open[f as usize] = true;
            }
        }

        // Countries, interned in alphabetical order so that id order is name order.
        let names: BTreeSet<&str> = ds
            .organizations
            .iter()
            .map(|o| o.country.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let countries: Vec<String> = names.into_iter().map(str::to_owned).collect();
        let country_ids: HashMap<String, u32> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u32))
            .collect();
        let org_country: Vec<u32> = ds
            .organizations
            .iter()
            .map(|o| country_ids.get(o.country.trim()).copied().unwrap_or(NONE))
            .collect();
        let country_of = |o: u32| org_country.get(o as usize).copied().unwrap_or(NONE);
        let model_dev_country: Vec<u32> = model_dev.iter().map(|&o| country_of(o)).collect();
        let family_dev_country: Vec<u32> = family_dev.iter().map(|&o| country_of(o)).collect();

        // Adoptions.
        let n_adoptions = ds.adoptions.len();
        let mut adoption_org = Vec::with_capacity(n_adoptions);
        let mut a_by_org = Vec::with_capacity(n_adoptions);
        let mut a_by_model = Vec::new();
        let mut a_by_family = Vec::new();
        let mut dev_pairs: Vec<(u32, u32)> = Vec::with_capacity(n_adoptions);
        let mut org_open_weights = vec![false; n_orgs];
        let mut org_first_adoption: Vec<Option<PartialDate>> = vec![None; n_orgs];
        for (i, a) in ds.adoptions.iter().enumerate() {
            let o = org(&a.organization);
            adoption_org.push(o);
            a_by_org.push((o, i as u32));
            let (country, open) = match &a.target {
                AdoptionTarget::Model(id) => {
                    let m = model(id);
                    a_by_model.push((m, i as u32));
                    match ds.models.get(m as usize) {
                        Some(md) => (
                            model_dev_country[m as usize],
                            md.openness.is_some_and(Openness::has_open_weights),
                        ),
                        None => (NONE, false),
                    }
                }
                AdoptionTarget::Family(id) => {
                    let f = family(id);
                    a_by_family.push((f, i as u32));
                    match family_dev_country.get(f as usize) {
                        Some(&c) => (c, family_open[f as usize]),
                        None => (NONE, false),
                    }
                }
            };
            let Some(ou) = (o != NONE).then_some(o as usize) else {
                continue;
            };
            if country != NONE {
                dev_pairs.push((o, country));
            }
            org_open_weights[ou] |= open;
            for d in a.status.iter().filter_map(|s| s.date) {
                let first = &mut org_first_adoption[ou];
                *first = Some(first.map_or(d, |f| f.min(d)));
            }
        }
        dev_pairs.sort_unstable();
        dev_pairs.dedup();
        let org_dev_countries = Csr::build(n_orgs, &dev_pairs, 0);
        let adoptions_by_org = Csr::build(n_orgs, &a_by_org, 0);
        let adoptions_by_model = Csr::build(n_models, &a_by_model, 0);
        let adoptions_by_family = Csr::build(n_families, &a_by_family, 0);

        // Distinct adopting organizations per model, direct or through the family.
        let mut seen_for = vec![NONE; n_orgs];
        let mut model_adopters = vec![0u32; n_models];
        for (m, count) in model_adopters.iter_mut().enumerate() {
            let direct = adoptions_by_model.get(m);
            let via = adoptions_by_family.get(model_family[m] as usize);
            for &a in direct.iter().chain(via) {
                let o = adoption_org[a as usize];
                if o != NONE && seen_for[o as usize] != m as u32 {
                    seen_for[o as usize] = m as u32;
                    *count += 1;
                }
            }
        }

        // Claims.
        let mut claim_pairs = Vec::with_capacity(ds.claims.len());
        let mut claims_by_country: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut speaker_person = Vec::new();
        let mut speaker_org = Vec::new();
        for (i, c) in ds.claims.iter().enumerate() {
            if let Subject::Country(name) = &c.subject {
                claims_by_country
                    .entry(name.trim().to_owned())
                    .or_default()
                    .push(i as u32);
            } else if let Some(at) = subject_at(&c.subject) {
                claim_pairs.push((at.key(), i as u32));
            }
            match &c.said_by {
                Some(Speaker::Person(p)) => speaker_person.push((person(p), i as u32)),
                Some(Speaker::Organization(o)) => speaker_org.push((org(o), i as u32)),
                None => {}
            }
        }

        // Series.
        let mut series_pairs = Vec::new();
        let mut series_by_country: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, s) in ds.series.iter().enumerate() {
            if let Subject::Country(name) = &s.subject {
                series_by_country
                    .entry(name.trim().to_owned())
                    .or_default()
                    .push(i as u32);
            } else if let Some(at) = subject_at(&s.subject) {
                series_pairs.push((at.key(), i as u32));
            }
        }

        // Conflicts and events.
        let mut conflict_pairs = Vec::new();
        for (i, k) in ds.conflicts.iter().enumerate() {
            for at in k.records.iter().filter_map(resolve) {
                conflict_pairs.push((at.key(), i as u32));
            }
        }
        let mut event_pairs = Vec::new();
        for (i, e) in ds.events.iter().enumerate() {
            for at in e.related.iter().filter_map(resolve) {
                event_pairs.push((at.key(), i as u32));
            }
        }

        let citations = build_citations(ds, &ids[SRC]);

        // Search text.
        let text = [
            org_text(ds, &roles_by_org, &ids[PERSON]),
            model_text(ds, &model_family, &model_dev),
            source_text(ds),
            event_text(ds),
        ];

        // Distinct values for filter menus.
        let distinct_org_countries = countries.clone();
        let distinct_org_kinds = {
            let set: BTreeSet<OrgKind> = ds.organizations.iter().map(|o| o.kind).collect();
            set.into_iter().collect()
        };
        let distinct_dev_countries = {
            let set: BTreeSet<&str> = model_dev_country
                .iter()
                .filter(|&&c| c != NONE)
                .map(|&c| countries[c as usize].as_str())
                .collect();
            set.into_iter().map(str::to_owned).collect()
        };
        let distinct_families = {
            let mut fams: Vec<u32> = (0..n_families as u32).collect();
            let name = |f: u32| ds.families[f as usize].name.as_str();
            fams.sort_by_cached_key(|&f| (normalize_query(name(f)), name(f), f));
            fams
        };
        let distinct_openness = {
            let set: BTreeSet<Openness> = ds.models.iter().filter_map(|m| m.openness).collect();
            set.into_iter().collect()
        };
        let distinct_release_years = {
            let set: BTreeSet<i32> = ds
                .models
                .iter()
                .filter_map(|m| m.release_date.map(|d| d.year))
                .collect();
            set.into_iter().collect()
        };

        Index {
            ids,
            roles_by_org,
            roles_by_person,
            adoptions_by_org,
            adoptions_by_model,
            adoptions_by_family,
            models_by_family,
            adoption_org,
            model_family,
            claims_by_record: Sparse::build(claim_pairs),
            claims_by_country,
            claims_by_person: Csr::build(n_people, &speaker_person, 0),
            claims_by_org_speaker: Csr::build(n_orgs, &speaker_org, 0),
            conflicts_by_record: Sparse::build(conflict_pairs),
            events_by_record: Sparse::build(event_pairs),
            series_by_record: Sparse::build(series_pairs),
            series_by_country,
            citations,
            countries,
            country_ids,
            org_country,
            org_dev_countries,
            org_open_weights,
            org_first_adoption,
            model_adopters,
            model_dev_country,
            text,
            distinct_org_countries,
            distinct_org_kinds,
            distinct_dev_countries,
            distinct_families,
            distinct_openness,
            distinct_release_years,
        }
    }

    // --- positions --------------------------------------------------------------------------

    /// Position of the record of `kind` with `id` (`None` when absent or for the header).
    pub fn position(&self, kind: RecordKind, id: &str) -> Option<usize> {
        self.ids[kind_slot(kind)?].get(id)
    }

    /// Where a referenced record is (`None` when it does not exist).
    pub fn resolve(&self, r: &RecordRef) -> Option<RecordAt> {
        let (kind, id) = r.kind_and_id();
        self.position(kind, id).map(|p| RecordAt::new(kind, p))
    }

    /// Position of a source.
    pub fn source(&self, id: &SourceId) -> Option<usize> {
        self.ids[0].get(id.as_str())
    }

    /// Position of an organization.
    pub fn org(&self, id: &OrgId) -> Option<usize> {
        self.ids[1].get(id.as_str())
    }

    /// Position of a person.
    pub fn person(&self, id: &PersonId) -> Option<usize> {
        self.ids[2].get(id.as_str())
    }

    /// Position of a role.
    pub fn role(&self, id: &RoleId) -> Option<usize> {
        self.ids[3].get(id.as_str())
    }

    /// Position of a model family.
    pub fn family(&self, id: &FamilyId) -> Option<usize> {
        self.ids[4].get(id.as_str())
    }

    /// Position of a model.
    pub fn model(&self, id: &ModelId) -> Option<usize> {
        self.ids[5].get(id.as_str())
    }

    /// Position of an adoption.
    pub fn adoption(&self, id: &crate::model::AdoptionId) -> Option<usize> {
        self.ids[6].get(id.as_str())
    }

    /// Position of a claim.
    pub fn claim(&self, id: &crate::model::ClaimId) -> Option<usize> {
        self.ids[7].get(id.as_str())
    }

    /// Position of a conflict.
    pub fn conflict(&self, id: &crate::model::ConflictId) -> Option<usize> {
        self.ids[8].get(id.as_str())
    }

    /// Position of a series.
    pub fn series(&self, id: &crate::model::SeriesId) -> Option<usize> {
        self.ids[9].get(id.as_str())
    }

    /// Position of an event.
    pub fn event(&self, id: &crate::model::EventId) -> Option<usize> {
        self.ids[10].get(id.as_str())
    }

    /// Number of records a list tab can show.
    pub fn count(&self, tab: ListTab) -> usize {
        self.text[tab.slot()].count()
    }

    // --- relations --------------------------------------------------------------------------

    /// Roles held at an organization, in file order.
    pub fn roles_of_org(&self, org: usize) -> &[u32] {
        self.roles_by_org.get(org)
    }

    /// Roles held by a person, in file order.
    pub fn roles_of_person(&self, person: usize) -> &[u32] {
        self.roles_by_person.get(person)
    }

    /// Adoptions by an organization, in file order.
    pub fn adoptions_of_org(&self, org: usize) -> &[u32] {
        self.adoptions_by_org.get(org)
    }

    /// Adoptions naming this model directly.
    pub fn adoptions_of_model(&self, model: usize) -> &[u32] {
        self.adoptions_by_model.get(model)
    }

    /// Adoptions naming this family (not one of its models).
    pub fn adoptions_of_family(&self, family: usize) -> &[u32] {
        self.adoptions_by_family.get(family)
    }

    /// Models of a family, in file order.
    pub fn models_of_family(&self, family: usize) -> &[u32] {
        self.models_by_family.get(family)
    }

    /// Position of a model's family (`None` when it has none or it does not resolve).
    pub fn family_of_model(&self, model: usize) -> Option<usize> {
        self.model_family
            .get(model)
            .filter(|&&f| f != NONE)
            .map(|&f| f as usize)
    }

    /// Every adoption of a model: direct ones first, then those of its family (`via_family`).
    pub fn adopters_of_model(&self, model: usize) -> Vec<ModelAdopter> {
        let entry = |a: u32, via_family: bool| ModelAdopter {
            adoption: a,
            organization: self
                .adoption_org
                .get(a as usize)
                .filter(|&&o| o != NONE)
                .copied(),
            via_family,
        };
        let mut out: Vec<ModelAdopter> = self
            .adoptions_of_model(model)
            .iter()
            .map(|&a| entry(a, false))
            .collect();
        if let Some(f) = self.family_of_model(model) {
            out.extend(self.adoptions_of_family(f).iter().map(|&a| entry(a, true)));
        }
        out
    }

    /// Claims about a subject. Claims about an adoption are listed under that adoption only.
    pub fn claims_about(&self, subject: &Subject) -> &[u32] {
        match subject {
            Subject::Country(c) => self
                .claims_by_country
                .get(c.trim())
                .map_or(&[], Vec::as_slice),
            s => match self.subject_at(s) {
                Some(at) => self.claims_by_record.get(at.key()),
                None => &[],
            },
        }
    }

    /// Claims whose subject is this record.
    pub fn claims_about_record(&self, at: RecordAt) -> &[u32] {
        self.claims_by_record.get(at.key())
    }

    /// Claims said by a person.
    pub fn claims_by_person(&self, person: usize) -> &[u32] {
        self.claims_by_person.get(person)
    }

    /// Claims said by an organization (as the speaker, not the subject).
    pub fn claims_by_org_speaker(&self, org: usize) -> &[u32] {
        self.claims_by_org_speaker.get(org)
    }

    /// Series about a subject.
    pub fn series_about(&self, subject: &Subject) -> &[u32] {
        match subject {
            Subject::Country(c) => self
                .series_by_country
                .get(c.trim())
                .map_or(&[], Vec::as_slice),
            s => match self.subject_at(s) {
                Some(at) => self.series_by_record.get(at.key()),
                None => &[],
            },
        }
    }

    /// Conflicts that involve this record.
    pub fn conflicts_involving(&self, at: RecordAt) -> &[u32] {
        self.conflicts_by_record.get(at.key())
    }

    /// Events related to this record.
    pub fn events_related_to(&self, at: RecordAt) -> &[u32] {
        self.events_by_record.get(at.key())
    }

    /// Every place that cites a source, in file order (records, then fields).
    pub fn citations(&self, source: usize) -> &[Citation] {
        self.citations.get(source)
    }

    /// The records citing a source, as references with the citing field's name.
    pub fn citing_records(&self, ds: &Dataset, source: usize) -> Vec<(RecordRef, String)> {
        self.citations(source)
            .iter()
            .filter_map(|c| Some((c.record.record_ref(ds)?, c.field.name())))
            .collect()
    }

    fn subject_at(&self, s: &Subject) -> Option<RecordAt> {
        let (kind, id) = match s {
            Subject::Organization(i) => (RecordKind::Organization, i.as_str()),
            Subject::Model(i) => (RecordKind::Model, i.as_str()),
            Subject::Family(i) => (RecordKind::Family, i.as_str()),
            Subject::Adoption(i) => (RecordKind::Adoption, i.as_str()),
            Subject::Country(_) => return None,
        };
        self.position(kind, id).map(|p| RecordAt::new(kind, p))
    }

    // --- per-record facts -------------------------------------------------------------------

    fn country_name(&self, id: u32) -> Option<&str> {
        self.countries.get(id as usize).map(String::as_str)
    }

    /// An organization's country, trimmed (`None` when unknown).
    pub fn org_country(&self, org: usize) -> Option<&str> {
        self.country_name(*self.org_country.get(org)?)
    }

    /// Countries of the developers of the models and families an organization adopted, sorted.
    pub fn org_developer_countries(&self, org: usize) -> Vec<&str> {
        self.org_dev_countries
            .get(org)
            .iter()
            .filter_map(|&c| self.country_name(c))
            .collect()
    }

    /// Whether an organization adopted an open-weight model, or a family with one.
    pub fn org_uses_open_weights(&self, org: usize) -> bool {
        self.org_open_weights.get(org).copied().unwrap_or(false)
    }

    /// Earliest dated status step of an organization's adoptions.
    pub fn org_first_adoption(&self, org: usize) -> Option<PartialDate> {
        self.org_first_adoption.get(org).copied().flatten()
    }

    /// Number of adoption records of an organization.
    pub fn org_adoption_count(&self, org: usize) -> usize {
        self.adoptions_of_org(org).len()
    }

    /// Number of distinct organizations adopting a model, directly or through its family.
    pub fn model_adopter_count(&self, model: usize) -> usize {
        self.model_adopters.get(model).copied().unwrap_or(0) as usize
    }

    /// Country of a model's developer (`None` when unknown).
    pub fn model_developer_country(&self, model: usize) -> Option<&str> {
        self.country_name(*self.model_dev_country.get(model)?)
    }

    // --- search -----------------------------------------------------------------------------

    /// The lowercase text a record of `tab` is searched in (fields separated by newlines).
    pub fn haystack(&self, tab: ListTab, pos: usize) -> &str {
        self.text[tab.slot()].hay(pos)
    }

    /// Whether a record of `tab` matches the search text `query` (raw, as typed; normalized on
    /// each call, so lists should use [`Explorer::rows`] instead).
    pub fn matches(&self, tab: ListTab, pos: usize, query: &str) -> bool {
        let needle = normalize_query(query);
        needle.is_empty() || self.haystack(tab, pos).contains(needle.as_str())
    }

    // --- distinct values --------------------------------------------------------------------

    /// Countries of organizations, sorted (unknown left out).
    pub fn org_countries(&self) -> &[String] {
        &self.distinct_org_countries
    }

    /// Kinds of organizations present, sorted.
    pub fn org_kinds(&self) -> &[OrgKind] {
        &self.distinct_org_kinds
    }

    /// Countries of model developers, sorted (unknown left out).
    pub fn model_developer_countries(&self) -> &[String] {
        &self.distinct_dev_countries
    }

    /// Positions of the families, sorted by name.
    pub fn families_by_name(&self) -> &[u32] {
        &self.distinct_families
    }

    /// Openness categories present, in display order.
    pub fn openness_values(&self) -> &[Openness] {
        &self.distinct_openness
    }

    /// Release years present, ascending.
    pub fn release_years(&self) -> &[i32] {
        &self.distinct_release_years
    }

    // --- lists ------------------------------------------------------------------------------

    /// Positions of `tab`'s records passing the query's filter, sorted; search not applied.
    fn filtered_sorted(&self, ds: &Dataset, tab: ListTab, q: &ListQuery) -> Vec<u32> {
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

/// Positions in name order that pass `pass`.
fn in_name_order(t: &TabText, pass: impl Fn(usize) -> bool) -> Vec<u32> {
    t.order
        .iter()
        .copied()
        .filter(|&p| pass(p as usize))
        .collect()
}

/// Sorts `rows` by `key` (reversed when `descending`), missing keys last in either direction,
/// ties by name then position.
fn sort_rows(
    t: &TabText,
    rows: impl Iterator<Item = usize>,
    key: impl Fn(usize) -> Option<u64>,
    descending: bool,
) -> Vec<u32> {
    let mut keys: Vec<u128> = rows
        .map(|p| {
            let (missing, primary) = match key(p) {
                Some(k) if descending => (0u128, u128::from(!k)),
                Some(k) => (0, u128::from(k)),
                None => (1, 0),
            };
            (missing << 96) | (primary << 32) | u128::from(t.order_idx[p])
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| t.order[(k as u32) as usize])
        .collect()
}

/// An order-preserving integer for a date (earliest day it can mean first).
fn date_key(d: PartialDate) -> u64 {
    let (y, m, day) = d.sort_key();
    let y = (i64::from(y) + (1 << 31)) as u64;
    (y << 16) | (u64::from(m) << 8) | u64::from(day)
}

/// An order-preserving integer for a number (`None` for NaN).
fn f64_key(x: f64) -> Option<u64> {
    if x.is_nan() {
        return None;
    }
    let b = x.to_bits();
    Some(if b >> 63 == 1 { !b } else { b | (1 << 63) })
}

/// An organization filter resolved against one index.
struct OrgPred<'a> {
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
    fn new(f: &'a OrgFilter, ix: &Index) -> Self {
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

    fn test(&self, ds: &Dataset, ix: &Index, p: usize) -> bool {
        mask_allows(&self.countries, ix.org_country[p])
            && (self.kinds.is_empty() || self.kinds.contains(&ds.organizations[p].kind))
            && self
                .dev_country
                .is_none_or(|c| c != NONE && ix.org_dev_countries.get(p).contains(&c))
            && (!self.open || ix.org_open_weights[p])
    }
}

/// A model filter resolved against one index.
struct ModelPred<'a> {
    countries: Option<Vec<bool>>,
    /// Allowed family positions; `None`: any.
    families: Option<Vec<bool>>,
    openness: &'a BTreeSet<Openness>,
    years: &'a BTreeSet<i32>,
}

impl<'a> ModelPred<'a> {
    fn new(f: &'a ModelFilter, ix: &Index) -> Self {
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
        }
    }

    fn test(&self, ds: &Dataset, ix: &Index, p: usize) -> bool {
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
    }
}

fn build_citations(ds: &Dataset, sources: &IdTable) -> Csr<Citation> {
    let mut pairs: Vec<(u32, Citation)> = Vec::new();
    let mut cite = |src: &SourceId, kind: RecordKind, pos: usize, field: CiteField| {
        pairs.push((
            sources.at(src.as_str()),
            Citation {
                record: RecordAt::new(kind, pos),
                field,
            },
        ));
    };
    for (i, s) in ds.sources.iter().enumerate() {
        if let Some(v) = &s.via {
            cite(v, RecordKind::Source, i, CiteField::Via);
        }
    }
    let lists = [
        (
            RecordKind::Organization,
            ds.organizations
                .iter()
                .map(|r| &r.sources[..])
                .collect::<Vec<_>>(),
        ),
        (
            RecordKind::Person,
            ds.people.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Role,
            ds.roles.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Family,
            ds.families.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Model,
            ds.models.iter().map(|r| &r.sources[..]).collect(),
        ),
    ];
    for (kind, per_record) in &lists {
        for (i, list) in per_record.iter().enumerate() {
            for s in *list {
                cite(s, *kind, i, CiteField::Sources);
            }
        }
    }
    for (i, r) in ds.adoptions.iter().enumerate() {
        for s in &r.sources {
            cite(s, RecordKind::Adoption, i, CiteField::Sources);
        }
        for (j, st) in r.status.iter().enumerate() {
            for s in &st.sources {
                cite(
                    s,
                    RecordKind::Adoption,
                    i,
                    CiteField::StatusSources(j as u32),
                );
            }
        }
    }
    for (i, r) in ds.claims.iter().enumerate() {
        cite(&r.source, RecordKind::Claim, i, CiteField::ClaimSource);
    }
    for (i, r) in ds.series.iter().enumerate() {
        for s in &r.sources {
            cite(s, RecordKind::Series, i, CiteField::Sources);
        }
    }
    for (i, r) in ds.events.iter().enumerate() {
        for s in &r.sources {
            cite(s, RecordKind::Event, i, CiteField::Sources);
        }
    }
    let fill = Citation {
        record: RecordAt::new(RecordKind::Source, 0),
        field: CiteField::Sources,
    };
    Csr::build(ds.sources.len(), &pairs, fill)
}

fn org_text(ds: &Dataset, roles_by_org: &Csr<u32>, people: &IdTable) -> TabText {
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

fn model_text(ds: &Dataset, model_family: &[u32], model_dev: &[u32]) -> TabText {
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

/// What a source is listed and sorted by: its title, or its locator when it has none.
fn source_label(s: &crate::model::Source) -> &str {
    if s.title.trim().is_empty() {
        &s.locator
    } else {
        &s.title
    }
}

fn source_text(ds: &Dataset) -> TabText {
    let mut t = TabText::with_capacity(ds.sources.len(), ds.sources.len() * 80);
    for s in &ds.sources {
        let locator = if s.title.trim().is_empty() {
            ""
        } else {
            s.locator.as_str()
        };
        t.push(
            source_label(s),
            [s.publisher.as_str(), s.author.as_str(), locator],
        );
    }
    t.finish(|p| source_label(&ds.sources[p]));
    t
}

fn event_text(ds: &Dataset) -> TabText {
    let mut t = TabText::with_capacity(ds.events.len(), ds.events.len() * 80);
    for e in &ds.events {
        t.push(&e.title, [e.description.as_str()]);
    }
    t.finish(|p| ds.events[p].title.as_str());
    t
}

// ---------------------------------------------------------------------------------------------
// The cache the UI holds
// ---------------------------------------------------------------------------------------------

/// What a tab's filtered, sorted base list was computed from.
#[derive(Clone, Debug, PartialEq)]
enum BaseKey {
    Orgs(OrgFilter, OrgSort, bool),
    Models(ModelFilter, ModelSort, bool),
    Plain,
}

impl BaseKey {
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
#[derive(Debug, Default)]
pub struct Explorer {
    /// The dataset the index was built from. Weak, so that the app can still change its
    /// dataset in place, yet the allocation (and so its address) is not reused while held.
    dataset: Weak<Dataset>,
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

    /// The index of `ds` at `revision`, rebuilt only when the revision or the dataset changed.
    pub fn index(&mut self, ds: &Arc<Dataset>, revision: u64) -> Arc<Index> {
        if let Some(ix) = &self.index
            && self.revision == revision
            && std::ptr::eq(self.dataset.as_ptr(), Arc::as_ptr(ds))
        {
            return Arc::clone(ix);
        }
        let ix = Arc::new(Index::build(ds));
        self.dataset = Arc::downgrade(ds);
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
    use crate::model::synth::synthetic;

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

    #[test]
    fn numeric_keys_preserve_order() {
        let xs = [-1e9, -2.5, -0.0, 0.5, 1.0, 671.0, f64::INFINITY];
        for w in xs.windows(2) {
            assert!(f64_key(w[0]) < f64_key(w[1]), "{w:?}");
        }
        assert_eq!(f64_key(f64::NAN), None);
        let ds = ["2023", "2023-01", "2023-01-02", "2023-02", "2024"]
            .map(|t| date_key(PartialDate::parse(t).unwrap_or(PartialDate::year(1))));
        for w in ds.windows(2) {
            assert!(w[0] < w[1]);
        }
    }

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
    fn same_revision_but_another_dataset_rebuilds() {
        let a = Arc::new(synthetic(100, 1));
        let b = Arc::new(synthetic(200, 2));
        let mut ex = Explorer::new();
        let q = ListQuery::default();
        assert_eq!(ex.rows(&a, 0, ListTab::Models, &q).len(), 30);
        assert_eq!(ex.rows(&b, 0, ListTab::Models, &q).len(), 60);
        assert_eq!(ex.index_builds(), 2);
        assert_eq!(ex.total(ListTab::Models), 60);
    }
}
