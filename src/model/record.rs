//! Records of any kind, and the per-kind plumbing generic code is written against.
//!
//! [`AnyRecord`] holds one record of any kind. The [`Record`] trait (implemented for every record
//! type by one macro) gives generic code a record's kind, id and list in the dataset;
//! [`each_record!`] and [`by_kind!`] dispatch from a value or a [`RecordKind`] to that generic
//! code. On top of them: lookups by reference or position, fresh ids, and memory estimates.

use std::collections::HashSet;
use std::mem::size_of;

use serde::{Deserialize, Serialize};

use super::names::Named;
use super::refs::{Gone, RefFn};
use super::{
    Adoption, Claim, Conflict, Dataset, Event, Model, ModelFamily, Organization, Person,
    RecordKind, RecordRef, Role, Series, Source,
};

/// One record of any kind (boxed, so an edit stays small whatever record it holds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AnyRecord {
    /// A source.
    Source(Box<Source>),
    /// An organization.
    Organization(Box<Organization>),
    /// A person.
    Person(Box<Person>),
    /// A role.
    Role(Box<Role>),
    /// A model family.
    Family(Box<ModelFamily>),
    /// A model.
    Model(Box<Model>),
    /// An adoption.
    Adoption(Box<Adoption>),
    /// A claim.
    Claim(Box<Claim>),
    /// A conflict.
    Conflict(Box<Conflict>),
    /// A series.
    Series(Box<Series>),
    /// An event.
    Event(Box<Event>),
}

/// Runs `$body` with `$r` bound to the boxed record inside an [`AnyRecord`] (by value or by
/// reference, whatever `$rec` is), whatever its kind.
macro_rules! each_record {
    ($rec:expr, $r:ident => $body:expr) => {
        match $rec {
            $crate::model::AnyRecord::Source($r) => $body,
            $crate::model::AnyRecord::Organization($r) => $body,
            $crate::model::AnyRecord::Person($r) => $body,
            $crate::model::AnyRecord::Role($r) => $body,
            $crate::model::AnyRecord::Family($r) => $body,
            $crate::model::AnyRecord::Model($r) => $body,
            $crate::model::AnyRecord::Adoption($r) => $body,
            $crate::model::AnyRecord::Claim($r) => $body,
            $crate::model::AnyRecord::Conflict($r) => $body,
            $crate::model::AnyRecord::Series($r) => $body,
            $crate::model::AnyRecord::Event($r) => $body,
        }
    };
}
pub(crate) use each_record;

/// Runs `$body` with the type alias `$t` set to the record type of `$kind`; `$dataset` when the
/// kind is the dataset header, which is no record list.
macro_rules! by_kind {
    ($kind:expr, $t:ident => $body:expr, dataset => $dataset:expr) => {
        match $kind {
            $crate::model::RecordKind::Source => {
                type $t = $crate::model::Source;
                $body
            }
            $crate::model::RecordKind::Organization => {
                type $t = $crate::model::Organization;
                $body
            }
            $crate::model::RecordKind::Person => {
                type $t = $crate::model::Person;
                $body
            }
            $crate::model::RecordKind::Role => {
                type $t = $crate::model::Role;
                $body
            }
            $crate::model::RecordKind::Family => {
                type $t = $crate::model::ModelFamily;
                $body
            }
            $crate::model::RecordKind::Model => {
                type $t = $crate::model::Model;
                $body
            }
            $crate::model::RecordKind::Adoption => {
                type $t = $crate::model::Adoption;
                $body
            }
            $crate::model::RecordKind::Claim => {
                type $t = $crate::model::Claim;
                $body
            }
            $crate::model::RecordKind::Conflict => {
                type $t = $crate::model::Conflict;
                $body
            }
            $crate::model::RecordKind::Series => {
                type $t = $crate::model::Series;
                $body
            }
            $crate::model::RecordKind::Event => {
                type $t = $crate::model::Event;
                $body
            }
            $crate::model::RecordKind::Dataset => $dataset,
        }
    };
}
pub(crate) use by_kind;

impl AnyRecord {
    /// The kind of this record.
    pub fn kind(&self) -> RecordKind {
        each_record!(self, r => r.record_kind())
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        each_record!(self, r => r.id_str())
    }

    /// A reference to this record (by kind and id).
    pub fn record_ref(&self) -> RecordRef {
        each_record!(self, r => r.make_ref())
    }

    /// A short human name, by the rules of [`super::display_name`]; the records it refers to (a
    /// role's person, an adoption's organization) are named by their ids, since a record alone
    /// does not know their names.
    pub fn display_name(&self) -> String {
        each_record!(self, r => r.name_with(&|other| other.kind_and_id().1.to_owned()))
    }

    /// Approximate bytes this record occupies in memory (struct plus its text, estimated from
    /// its compact RON size), for memory accounting.
    pub fn approx_bytes(&self) -> usize {
        each_record!(self, r => approx_bytes_of(&**r))
    }

    /// The editable name field (name, or title for sources and events), if the kind has one.
    pub(crate) fn name_mut(&mut self) -> Option<&mut String> {
        each_record!(self, r => r.name_mut())
    }

    /// Gives the record another id (for a copy of it).
    pub(crate) fn set_id(&mut self, id: String) {
        each_record!(self, r => r.set_id(id))
    }
}

/// Approximate bytes `r` occupies in memory: its struct plus its compact RON size.
pub(crate) fn approx_bytes_of<T: Serialize>(r: &T) -> usize {
    size_of::<T>() + ron::to_string(r).map_or(0, |s| s.len())
}

/// What every record type offers to the generic code.
pub(crate) trait Record:
    Fields + Named + Clone + PartialEq + Serialize + Into<AnyRecord>
{
    /// The kind of the type's records.
    const KIND: RecordKind;
    /// The kind of this record ([`Record::KIND`], reachable from a value).
    fn record_kind(&self) -> RecordKind {
        Self::KIND
    }
    /// The record's id.
    fn id_str(&self) -> &str;
    /// Gives the record another id.
    fn set_id(&mut self, id: String);
    /// A reference to the record.
    fn make_ref(&self) -> RecordRef;
    /// The dataset's list of records of this type.
    fn list(ds: &Dataset) -> &Vec<Self>;
    /// The dataset's list of records of this type, to change.
    fn list_mut(ds: &mut Dataset) -> &mut Vec<Self>;
}

/// The references a record type holds (implemented per type in [`super::refs`]).
pub(crate) trait Fields {
    /// Calls `f` for every reference this record holds.
    fn refs(&self, f: &mut RefFn<'_>);
    /// Drops every citation, optional and member reference to a gone record; true if any was.
    fn unlink(&mut self, gone: &Gone) -> bool;
    /// Whether the record cannot stay once `gone` is deleted, whatever the mode (conflicts).
    fn orphaned(&self, _gone: &Gone) -> bool {
        false
    }
}

macro_rules! impl_record {
    ($($variant:ident, $ty:ty, $field:ident;)*) => {$(
        impl From<$ty> for AnyRecord {
            fn from(r: $ty) -> Self {
                AnyRecord::$variant(Box::new(r))
            }
        }

        impl Record for $ty {
            const KIND: RecordKind = RecordKind::$variant;
            fn id_str(&self) -> &str {
                self.id.as_str()
            }
            fn set_id(&mut self, id: String) {
                self.id.0 = id;
            }
            fn make_ref(&self) -> RecordRef {
                RecordRef::$variant(self.id.clone())
            }
            fn list(ds: &Dataset) -> &Vec<Self> {
                &ds.$field
            }
            fn list_mut(ds: &mut Dataset) -> &mut Vec<Self> {
                &mut ds.$field
            }
        }
    )*};
}

impl_record! {
    Source, Source, sources;
    Organization, Organization, organizations;
    Person, Person, people;
    Role, Role, roles;
    Family, ModelFamily, families;
    Model, Model, models;
    Adoption, Adoption, adoptions;
    Claim, Claim, claims;
    Conflict, Conflict, conflicts;
    Series, Series, series;
    Event, Event, events;
}

impl RecordKind {
    /// Every kind of record (not the dataset header), in the order of the file and of
    /// [`each_kind`].
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Source,
        RecordKind::Organization,
        RecordKind::Person,
        RecordKind::Role,
        RecordKind::Family,
        RecordKind::Model,
        RecordKind::Adoption,
        RecordKind::Claim,
        RecordKind::Conflict,
        RecordKind::Series,
        RecordKind::Event,
    ];

    /// Where this kind is in [`RecordKind::ALL`] (`None` for the dataset header), for tables
    /// with one entry per kind.
    pub const fn slot(self) -> Option<usize> {
        let mut at = 0;
        while at < RecordKind::ALL.len() {
            if RecordKind::ALL[at] as u8 == self as u8 {
                return Some(at);
            }
            at += 1;
        }
        None
    }
}

/// Something done once per record kind, with the list of that kind.
pub(crate) trait PerKind {
    /// Called once per kind, with the dataset's list of that kind.
    fn visit<T: Record>(&mut self, list: &[T]);
}

/// Calls `v` with every record list of the dataset, in the order of the file.
pub(crate) fn each_kind(ds: &Dataset, v: &mut impl PerKind) {
    v.visit(&ds.sources);
    v.visit(&ds.organizations);
    v.visit(&ds.people);
    v.visit(&ds.roles);
    v.visit(&ds.families);
    v.visit(&ds.models);
    v.visit(&ds.adoptions);
    v.visit(&ds.claims);
    v.visit(&ds.conflicts);
    v.visit(&ds.series);
    v.visit(&ds.events);
}

fn position_in<T: Record>(ds: &Dataset, id: &str) -> Option<usize> {
    T::list(ds).iter().position(|r| r.id_str() == id)
}

fn clone_at<T: Record>(ds: &Dataset, at: usize) -> Option<AnyRecord> {
    T::list(ds).get(at).map(|r| r.clone().into())
}

/// Position of the record `r` in its kind's list, if it exists.
pub fn position(ds: &Dataset, r: &RecordRef) -> Option<usize> {
    let (kind, id) = r.kind_and_id();
    by_kind!(kind, T => position_in::<T>(ds, id), dataset => None)
}

/// How many records the `kind` list of `ds` holds (0 for the dataset header).
pub(crate) fn list_len(ds: &Dataset, kind: RecordKind) -> usize {
    by_kind!(kind, T => T::list(ds).len(), dataset => 0)
}

/// A copy of the record at position `at` of the `kind` list, if there is one.
pub fn record_at(ds: &Dataset, kind: RecordKind, at: usize) -> Option<AnyRecord> {
    by_kind!(kind, T => clone_at::<T>(ds, at), dataset => None)
}

/// A copy of the record `r` and its position, if it exists.
pub fn find_record(ds: &Dataset, r: &RecordRef) -> Option<(usize, AnyRecord)> {
    let at = position(ds, r)?;
    Some((at, record_at(ds, r.kind_and_id().0, at)?))
}

/// Approximate bytes the dataset's records occupy, estimated as [`AnyRecord::approx_bytes`] is.
pub fn dataset_approx_bytes(ds: &Dataset) -> usize {
    struct Sum(usize);
    impl PerKind for Sum {
        fn visit<T: Record>(&mut self, list: &[T]) {
            self.0 += list.iter().map(approx_bytes_of).sum::<usize>();
        }
    }
    let mut sum = Sum(approx_bytes_of(&ds.meta));
    each_kind(ds, &mut sum);
    sum.0
}

/// Folds common accented Latin letters to ASCII, so "Société" becomes "societe".
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

/// Turns a name into an id shape: lowercase ASCII letters, digits, `-`, `_` and `.`; anything
/// else becomes `-`. May be empty (for a name in a non-Latin script).
pub(crate) fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.') {
            out.push(c);
        } else if let Some(folded) = fold_latin(c) {
            out.push_str(folded);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    // Leave room for a `-copy-12` style suffix within the 128-character limit.
    out.truncate(100);
    out.trim_matches(|c| matches!(c, '-' | '.' | '_'))
        .to_owned()
}

/// Short prefix for ids made for a record with no usable name ("org-1").
fn id_prefix(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Organization => "org",
        RecordKind::Dataset => "record",
        other => other.name(),
    }
}

/// An id for a new record of `kind`, made from `base` (a name or an id) and unused in its kind:
/// `base` slugified ("Alibaba Group" -> `alibaba-group`), then `-2`, `-3`... if taken; names with
/// nothing to slugify (阿里巴巴) give `org-1`, `org-2`...
pub fn fresh_id(ds: &Dataset, kind: RecordKind, base: &str) -> String {
    let taken: HashSet<&str> = by_kind!(
        kind,
        T => T::list(ds).iter().map(|r| r.id_str()).collect(),
        dataset => HashSet::new()
    );
    let slug = slugify(base);
    if slug.is_empty() {
        let prefix = id_prefix(kind);
        return (1..)
            .map(|n| format!("{prefix}-{n}"))
            .find(|id| !taken.contains(id.as_str()))
            .unwrap_or_else(|| format!("{prefix}-new"));
    }
    if !taken.contains(slug.as_str()) {
        return slug;
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(slug)
}
