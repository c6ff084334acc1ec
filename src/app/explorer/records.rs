//! Small public values the index hands out: where a record is ([`RecordAt`]), which record
//! cites a source and how ([`Citation`], [`CiteField`]), and who adopts a model ([`ModelAdopter`]).

use crate::model::{Dataset, RecordKind, RecordRef};

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

    /// The record as one sortable number (kind, then position), the key of sparse relations.
    pub(super) fn key(self) -> u64 {
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
    /// A model's `openness_basis` (its openness category is as the cited source gives it).
    OpennessBasis,
}

impl CiteField {
    /// The field path as validation names it (`sources`, `source`, `status[1].sources`, `via`).
    pub fn name(self) -> String {
        match self {
            CiteField::Sources => "sources".into(),
            CiteField::ClaimSource => "source".into(),
            CiteField::StatusSources(i) => format!("status[{i}].sources"),
            CiteField::Via => "via".into(),
            CiteField::OpennessBasis => "openness_basis".into(),
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
