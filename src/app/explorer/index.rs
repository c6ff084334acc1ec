//! The [`Index`]: lookups and per-record facts for one dataset revision, read by the lists, the
//! detail views and the plots. [`Index::build`] (in `build.rs`) makes it once per revision.
//!
//! Everything is sized for 100 000 organizations and 100 000 models: the index is built without
//! one allocation per record, and a lookup is a hash probe, a slice or a binary search.

use std::collections::{BTreeMap, HashMap};

use crate::model::{
    Dataset, FamilyId, FindRecord, ModelId, Openness, OrgId, OrgKind, PartialDate, PersonId,
    RecordKind, RecordRef, RoleId, SourceId, Subject,
};

use super::query::ListTab;
use super::records::{Citation, ModelAdopter, RecordAt};
use super::search::{TabText, normalize_query};
use super::tables::{Csr, IdTable, NONE, Sparse};

/// Lookups and per-record facts for one revision of a dataset. Built once by [`Index::build`]
/// and read by the lists, the detail views and the plots. Positions are indices into the
/// dataset's vec of that kind; ids that do not resolve are left out of every relation.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Id tables, in the order of [`kind_slot`].
    pub(super) ids: [IdTable; 11],
    pub(super) roles_by_org: Csr<u32>,
    pub(super) roles_by_person: Csr<u32>,
    pub(super) adoptions_by_org: Csr<u32>,
    pub(super) adoptions_by_model: Csr<u32>,
    pub(super) adoptions_by_family: Csr<u32>,
    pub(super) models_by_family: Csr<u32>,
    pub(super) adoption_org: Vec<u32>,
    pub(super) model_family: Vec<u32>,
    pub(super) claims_by_record: Sparse,
    pub(super) claims_by_country: BTreeMap<String, Vec<u32>>,
    pub(super) claims_by_person: Csr<u32>,
    pub(super) claims_by_org_speaker: Csr<u32>,
    pub(super) conflicts_by_record: Sparse,
    pub(super) events_by_record: Sparse,
    pub(super) series_by_record: Sparse,
    pub(super) series_by_country: BTreeMap<String, Vec<u32>>,
    pub(super) citations: Csr<Citation>,
    /// Interned non-empty country names of organizations (trimmed), sorted.
    pub(super) countries: Vec<String>,
    pub(super) country_ids: HashMap<String, u32>,
    pub(super) org_country: Vec<u32>,
    pub(super) org_dev_countries: Csr<u32>,
    pub(super) org_open_weights: Vec<bool>,
    pub(super) org_first_adoption: Vec<Option<PartialDate>>,
    pub(super) model_adopters: Vec<u32>,
    pub(super) model_dev_country: Vec<u32>,
    /// Search text per tab, in [`ListTab::slot`] order.
    pub(super) text: [TabText; 4],
    pub(super) distinct_org_countries: Vec<String>,
    pub(super) distinct_org_kinds: Vec<OrgKind>,
    pub(super) distinct_dev_countries: Vec<String>,
    pub(super) distinct_families: Vec<u32>,
    pub(super) distinct_openness: Vec<Openness>,
    pub(super) distinct_release_years: Vec<i32>,
}

/// Slot of a record kind in [`Index::ids`] (`None` for the dataset header): its place in
/// [`RecordKind::ALL`].
pub(super) fn kind_slot(kind: RecordKind) -> Option<usize> {
    kind.slot()
}

/// The slot of a record kind, worked out when compiling (the header has none: no build).
const fn record_slot(kind: RecordKind) -> usize {
    match kind.slot() {
        Some(slot) => slot,
        None => panic!("the dataset header has no id table"),
    }
}

/// Slot of the sources' id table in [`Index::ids`].
pub(super) const SRC: usize = record_slot(RecordKind::Source);
/// Slot of the organizations' id table in [`Index::ids`].
pub(super) const ORG: usize = record_slot(RecordKind::Organization);
/// Slot of the people's id table in [`Index::ids`].
pub(super) const PERSON: usize = record_slot(RecordKind::Person);
/// Slot of the roles' id table in [`Index::ids`].
pub(super) const ROLE: usize = record_slot(RecordKind::Role);
/// Slot of the model families' id table in [`Index::ids`].
pub(super) const FAMILY: usize = record_slot(RecordKind::Family);
/// Slot of the models' id table in [`Index::ids`].
pub(super) const MODEL: usize = record_slot(RecordKind::Model);
/// Slot of the adoptions' id table in [`Index::ids`].
pub(super) const ADOPTION: usize = record_slot(RecordKind::Adoption);
/// Slot of the claims' id table in [`Index::ids`].
pub(super) const CLAIM: usize = record_slot(RecordKind::Claim);
/// Slot of the conflicts' id table in [`Index::ids`].
pub(super) const CONFLICT: usize = record_slot(RecordKind::Conflict);
/// Slot of the series' id table in [`Index::ids`].
pub(super) const SERIES: usize = record_slot(RecordKind::Series);
/// Slot of the events' id table in [`Index::ids`].
pub(super) const EVENT: usize = record_slot(RecordKind::Event);

/// Names look records up through the index: one hash probe instead of a scan.
impl FindRecord for Index {
    fn position_of(&self, _ds: &Dataset, r: &RecordRef) -> Option<usize> {
        let (kind, id) = r.kind_and_id();
        self.position(kind, id)
    }
}

impl Index {
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
        self.ids[SRC].get(id.as_str())
    }

    /// Position of an organization.
    pub fn org(&self, id: &OrgId) -> Option<usize> {
        self.ids[ORG].get(id.as_str())
    }

    /// Position of a person.
    pub fn person(&self, id: &PersonId) -> Option<usize> {
        self.ids[PERSON].get(id.as_str())
    }

    /// Position of a role.
    pub fn role(&self, id: &RoleId) -> Option<usize> {
        self.ids[ROLE].get(id.as_str())
    }

    /// Position of a model family.
    pub fn family(&self, id: &FamilyId) -> Option<usize> {
        self.ids[FAMILY].get(id.as_str())
    }

    /// Position of a model.
    pub fn model(&self, id: &ModelId) -> Option<usize> {
        self.ids[MODEL].get(id.as_str())
    }

    /// Position of an adoption.
    pub fn adoption(&self, id: &crate::model::AdoptionId) -> Option<usize> {
        self.ids[ADOPTION].get(id.as_str())
    }

    /// Position of a claim.
    pub fn claim(&self, id: &crate::model::ClaimId) -> Option<usize> {
        self.ids[CLAIM].get(id.as_str())
    }

    /// Position of a conflict.
    pub fn conflict(&self, id: &crate::model::ConflictId) -> Option<usize> {
        self.ids[CONFLICT].get(id.as_str())
    }

    /// Position of a series.
    pub fn series(&self, id: &crate::model::SeriesId) -> Option<usize> {
        self.ids[SERIES].get(id.as_str())
    }

    /// Position of an event.
    pub fn event(&self, id: &crate::model::EventId) -> Option<usize> {
        self.ids[EVENT].get(id.as_str())
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

    /// Where a subject record is (`None` for a country or an id that does not resolve).
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

    /// Name of an interned country id (`None` for `NONE`).
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
    /// each call, so lists should use [`Explorer::rows`](super::Explorer::rows) instead).
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
}
