//! Primitive, invertible changes to a [`Dataset`] and the helpers that build them.
//!
//! Every data change in the app is a list of [`Edit`]s. [`apply`] carries out one edit and returns
//! its exact inverse, so undo history (see [`super::history`]) only keeps the records an edit
//! touched, never a copy of the dataset. The helpers ([`replace_record`], [`insert_record`],
//! [`duplicate_record`], [`delete_plan`]) turn what the user asked for into edits and a label for
//! the Edit menu; they only read the dataset.
//!
//! # Deleting records that others refer to
//!
//! Each reference field of the schema has one of four strengths:
//!
//! | strength  | fields |
//! |-----------|--------|
//! | citation  | every `sources` list (records and adoption status entries), `Source::via` |
//! | optional  | `Model::family`, `Claim::said_by` |
//! | member    | `Conflict::records`, `Event::related` |
//! | required  | `Claim::source`, `Claim::subject`, `Role::person`, `Role::organization`, `ModelFamily::developer`, `Model::developer`, `Adoption::organization`, `Adoption::target`, `Series::subject` |
//!
//! [`DeleteMode::Cascade`] ("delete them too") deletes, recursively, every record that refers to
//! a deleted record through an optional, member or required field; citations are unlinked, since
//! a source is evidence for a record, not part of it (deleting a source deletes the claims that
//! quote it, because `Claim::source` is required, but not the organizations that cite it).
//!
//! [`DeleteMode::Unlink`] ("unlink them") drops citations, optional and member references (the
//! reference is removed from the list or set to `None`) and only deletes, recursively, the
//! records that refer to a deleted record through a required field: these cannot exist without
//! it.
//!
//! In both modes a conflict left with fewer than two different records is deleted too, since a
//! conflict needs two. No mode can leave a reference to a record that no longer exists.

use std::collections::{HashMap, HashSet};
use std::mem::size_of;

use serde::{Deserialize, Serialize};

use crate::model::{
    Adoption, AdoptionTarget, Claim, Conflict, Dataset, Event, Meta, Model, ModelFamily,
    Organization, Person, RecordKind, RecordRef, Role, Series, Source, SourceId, Speaker, Subject,
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
            AnyRecord::Source($r) => $body,
            AnyRecord::Organization($r) => $body,
            AnyRecord::Person($r) => $body,
            AnyRecord::Role($r) => $body,
            AnyRecord::Family($r) => $body,
            AnyRecord::Model($r) => $body,
            AnyRecord::Adoption($r) => $body,
            AnyRecord::Claim($r) => $body,
            AnyRecord::Conflict($r) => $body,
            AnyRecord::Series($r) => $body,
            AnyRecord::Event($r) => $body,
        }
    };
}

/// Runs `$body` with the type alias `$t` set to the record type of `$kind`; `$dataset` when the
/// kind is the dataset header, which is no record list.
macro_rules! by_kind {
    ($kind:expr, $t:ident => $body:expr, dataset => $dataset:expr) => {
        match $kind {
            RecordKind::Source => {
                type $t = Source;
                $body
            }
            RecordKind::Organization => {
                type $t = Organization;
                $body
            }
            RecordKind::Person => {
                type $t = Person;
                $body
            }
            RecordKind::Role => {
                type $t = Role;
                $body
            }
            RecordKind::Family => {
                type $t = ModelFamily;
                $body
            }
            RecordKind::Model => {
                type $t = Model;
                $body
            }
            RecordKind::Adoption => {
                type $t = Adoption;
                $body
            }
            RecordKind::Claim => {
                type $t = Claim;
                $body
            }
            RecordKind::Conflict => {
                type $t = Conflict;
                $body
            }
            RecordKind::Series => {
                type $t = Series;
                $body
            }
            RecordKind::Event => {
                type $t = Event;
                $body
            }
            RecordKind::Dataset => $dataset,
        }
    };
}

impl AnyRecord {
    /// The kind of this record.
    pub fn kind(&self) -> RecordKind {
        each_record!(self, r => kind_of(&**r))
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        each_record!(self, r => r.id_str())
    }

    /// A reference to this record (by kind and id).
    pub fn record_ref(&self) -> RecordRef {
        each_record!(self, r => r.make_ref())
    }

    /// A short human name: the name or title when there is one, else the id.
    pub fn display_name(&self) -> String {
        each_record!(self, r => r.display())
    }

    /// Approximate bytes this record occupies in memory (struct plus its text, estimated from
    /// its compact RON size), for memory accounting.
    pub fn approx_bytes(&self) -> usize {
        each_record!(self, r => approx_bytes_of(&**r))
    }

    /// The editable name field (name, or title for sources and events), if the kind has one.
    fn name_mut(&mut self) -> Option<&mut String> {
        each_record!(self, r => r.name_mut())
    }
}

fn kind_of<T: Record>(_: &T) -> RecordKind {
    T::KIND
}

fn approx_bytes_of<T: Serialize>(r: &T) -> usize {
    size_of::<T>() + ron::to_string(r).map_or(0, |s| s.len())
}

/// One primitive, invertible change to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert `record` at position `at` of its kind's list (`at` may equal the list's length).
    Insert {
        /// Position in the list of the record's kind.
        at: usize,
        /// The record to insert.
        record: AnyRecord,
    },
    /// Remove the record at position `at` of the `kind` list; the inverse holds the record.
    Remove {
        /// Which list.
        kind: RecordKind,
        /// Position in that list.
        at: usize,
    },
    /// Replace the whole record at position `at` of its kind's list.
    Replace {
        /// Position in the list of the record's kind.
        at: usize,
        /// The new record.
        record: AnyRecord,
    },
    /// Replace the dataset's description.
    SetMeta(Meta),
}

impl Edit {
    /// Approximate bytes this edit holds in memory (the edit plus any record it carries).
    pub fn approx_bytes(&self) -> usize {
        size_of::<Edit>()
            + match self {
                Edit::Insert { record, .. } | Edit::Replace { record, .. } => record.approx_bytes(),
                Edit::Remove { .. } => 0,
                Edit::SetMeta(meta) => approx_bytes_of(meta),
            }
    }
}

/// Why an edit could not be applied; the dataset is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The position is past the end of the list.
    #[error("there is no {kind} at position {at} (the list holds {len})")]
    OutOfRange {
        /// Which list.
        kind: RecordKind,
        /// The position asked for.
        at: usize,
        /// How many records the list holds.
        len: usize,
    },
    /// The dataset header was given where a record kind is needed.
    #[error("the dataset header is not a record list; edit it with SetMeta")]
    NotARecordKind,
}

/// Applies one edit and returns its exact inverse. Never panics: on error the dataset is unchanged.
pub fn apply(ds: &mut Dataset, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Insert { at, record } => {
            let kind = record.kind();
            each_record!(record, r => insert_at(ds, at, *r))?;
            Ok(Edit::Remove { kind, at })
        }
        Edit::Remove { kind, at } => {
            let record = by_kind!(kind, T => remove_at::<T>(ds, at), dataset => Err(EditError::NotARecordKind))?;
            Ok(Edit::Insert { at, record })
        }
        Edit::Replace { at, record } => {
            let old = each_record!(record, r => replace_at(ds, at, *r))?;
            Ok(Edit::Replace { at, record: old })
        }
        Edit::SetMeta(meta) => Ok(Edit::SetMeta(std::mem::replace(&mut ds.meta, meta))),
    }
}

/// Applies `edits` in order, all or nothing. Returns the inverse edits in the order that undoes
/// them (last edit's inverse first); on error, the edits already applied are rolled back.
pub fn apply_all(ds: &mut Dataset, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverse = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(ds, edit) {
            Ok(inv) => inverse.push(inv),
            Err(e) => {
                for inv in inverse.into_iter().rev() {
                    // The inverse of an edit that just succeeded always applies.
                    let rolled_back = apply(ds, inv);
                    debug_assert!(rolled_back.is_ok());
                }
                return Err(e);
            }
        }
    }
    inverse.reverse();
    Ok(inverse)
}

fn out_of_range<T: Record>(at: usize, len: usize) -> EditError {
    EditError::OutOfRange {
        kind: T::KIND,
        at,
        len,
    }
}

fn insert_at<T: Record>(ds: &mut Dataset, at: usize, record: T) -> Result<(), EditError> {
    let list = T::list_mut(ds);
    if at > list.len() {
        return Err(out_of_range::<T>(at, list.len()));
    }
    list.insert(at, record);
    Ok(())
}

fn remove_at<T: Record>(ds: &mut Dataset, at: usize) -> Result<AnyRecord, EditError> {
    let list = T::list_mut(ds);
    if at >= list.len() {
        return Err(out_of_range::<T>(at, list.len()));
    }
    Ok(list.remove(at).into())
}

fn replace_at<T: Record>(ds: &mut Dataset, at: usize, record: T) -> Result<AnyRecord, EditError> {
    let list = T::list_mut(ds);
    let len = list.len();
    let Some(slot) = list.get_mut(at) else {
        return Err(out_of_range::<T>(at, len));
    };
    Ok(std::mem::replace(slot, record).into())
}

// ---------------------------------------------------------------------------------------------
// Per-kind plumbing.

/// How strongly a field ties a record to the record it refers to (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// A `sources` list or `via`: unlinked in both modes.
    Citation,
    /// An optional single reference: deleted with Cascade, set to `None` with Unlink.
    Optional,
    /// A member of a list of records: deleted with Cascade, removed from the list with Unlink.
    Member,
    /// A reference the record cannot exist without: deleted in both modes.
    Required,
}

impl Link {
    fn deletes_referrer(self, mode: DeleteMode) -> bool {
        match mode {
            DeleteMode::Cascade => self != Link::Citation,
            DeleteMode::Unlink => self == Link::Required,
        }
    }
}

/// Where a reference sits in its record, turned into a path such as `status[1].sources[0]` only
/// when needed.
#[derive(Clone, Copy, Debug)]
struct Field {
    name: &'static str,
    index: Option<usize>,
    status: Option<usize>,
}

impl Field {
    fn plain(name: &'static str) -> Self {
        Self {
            name,
            index: None,
            status: None,
        }
    }

    fn at(name: &'static str, index: usize) -> Self {
        Self {
            name,
            index: Some(index),
            status: None,
        }
    }

    fn path(self) -> String {
        match (self.status, self.index) {
            (Some(s), Some(i)) => format!("status[{s}].{}[{i}]", self.name),
            (None, Some(i)) => format!("{}[{i}]", self.name),
            (_, None) => self.name.to_owned(),
        }
    }
}

type RefFn<'a> = dyn FnMut(Field, RecordKind, &str, Link) + 'a;

/// Ids of records being deleted, per kind.
#[derive(Default)]
struct Gone {
    ids: HashMap<RecordKind, HashSet<String>>,
}

impl Gone {
    fn has(&self, kind: RecordKind, id: &str) -> bool {
        self.ids.get(&kind).is_some_and(|s| s.contains(id))
    }

    fn has_ref(&self, r: &RecordRef) -> bool {
        let (kind, id) = r.kind_and_id();
        self.has(kind, id)
    }

    fn insert(&mut self, kind: RecordKind, id: &str) {
        self.ids.entry(kind).or_default().insert(id.to_owned());
    }

    fn count(&self) -> usize {
        self.ids.values().map(HashSet::len).sum()
    }
}

/// What every record type offers to the generic code here.
trait Record: Fields + Clone + PartialEq + Serialize + Into<AnyRecord> {
    const KIND: RecordKind;
    fn id_str(&self) -> &str;
    fn set_id(&mut self, id: String);
    fn make_ref(&self) -> RecordRef;
    fn list(ds: &Dataset) -> &Vec<Self>;
    fn list_mut(ds: &mut Dataset) -> &mut Vec<Self>;
}

/// The per-type code: which fields refer to other records, and how to show the record.
trait Fields {
    /// Calls `f` for every reference this record holds.
    fn refs(&self, f: &mut RefFn<'_>);
    /// Drops every citation, optional and member reference to a gone record; true if any was.
    fn unlink(&mut self, gone: &Gone) -> bool;
    /// The editable name (or title), if the kind has one.
    fn name_mut(&mut self) -> Option<&mut String> {
        None
    }
    /// A short human name.
    fn display(&self) -> String;
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

fn cite(f: &mut RefFn<'_>, sources: &[SourceId], status: Option<usize>) {
    for (i, s) in sources.iter().enumerate() {
        let field = Field {
            name: "sources",
            index: Some(i),
            status,
        };
        f(field, RecordKind::Source, s.as_str(), Link::Citation);
    }
}

fn uncite(sources: &mut Vec<SourceId>, gone: &Gone) -> bool {
    let before = sources.len();
    sources.retain(|s| !gone.has(RecordKind::Source, s.as_str()));
    sources.len() != before
}

fn unlist(records: &mut Vec<RecordRef>, gone: &Gone) -> bool {
    let before = records.len();
    records.retain(|r| !gone.has_ref(r));
    records.len() != before
}

fn subject_ref(subject: &Subject) -> Option<(RecordKind, &str)> {
    match subject {
        Subject::Organization(i) => Some((RecordKind::Organization, i.as_str())),
        Subject::Model(i) => Some((RecordKind::Model, i.as_str())),
        Subject::Family(i) => Some((RecordKind::Family, i.as_str())),
        Subject::Adoption(i) => Some((RecordKind::Adoption, i.as_str())),
        Subject::Country(_) => None,
    }
}

fn name_or_id(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        id.to_owned()
    } else {
        name.to_owned()
    }
}

// Each `refs` destructures its record without `..`, so a new reference field in the schema fails
// to compile here until someone decides its strength.

impl Fields for Source {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Source {
            id: _,
            title: _,
            publisher: _,
            author: _,
            date: _,
            locator: _,
            kind: _,
            via,
            notes: _,
        } = self;
        if let Some(v) = via {
            f(
                Field::plain("via"),
                RecordKind::Source,
                v.as_str(),
                Link::Citation,
            );
        }
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        let drop = self
            .via
            .as_ref()
            .is_some_and(|v| gone.has(RecordKind::Source, v.as_str()));
        if drop {
            self.via = None;
        }
        drop
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.title)
    }
    fn display(&self) -> String {
        [&self.title, &self.publisher, &self.locator]
            .into_iter()
            .find(|t| !t.trim().is_empty())
            .map_or_else(|| self.id.to_string(), |t| t.clone())
    }
}

impl Fields for Organization {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Organization {
            id: _,
            name: _,
            native_name: _,
            country: _,
            kind: _,
            sector: _,
            headquarters: _,
            founded: _,
            notes: _,
            sources,
        } = self;
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        uncite(&mut self.sources, gone)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
    fn display(&self) -> String {
        name_or_id(&self.name, self.id.as_str())
    }
}

impl Fields for Person {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Person {
            id: _,
            name: _,
            native_name: _,
            notes: _,
            sources,
        } = self;
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        uncite(&mut self.sources, gone)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
    fn display(&self) -> String {
        name_or_id(&self.name, self.id.as_str())
    }
}

impl Fields for Role {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Role {
            id: _,
            person,
            organization,
            title: _,
            since: _,
            until: _,
            notes: _,
            sources,
        } = self;
        f(
            Field::plain("person"),
            RecordKind::Person,
            person.as_str(),
            Link::Required,
        );
        f(
            Field::plain("organization"),
            RecordKind::Organization,
            organization.as_str(),
            Link::Required,
        );
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        uncite(&mut self.sources, gone)
    }
    fn display(&self) -> String {
        if self.title.trim().is_empty() {
            self.id.to_string()
        } else {
            format!("{} ({} at {})", self.title, self.person, self.organization)
        }
    }
}

impl Fields for ModelFamily {
    fn refs(&self, f: &mut RefFn<'_>) {
        let ModelFamily {
            id: _,
            name: _,
            developer,
            notes: _,
            sources,
        } = self;
        f(
            Field::plain("developer"),
            RecordKind::Organization,
            developer.as_str(),
            Link::Required,
        );
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        uncite(&mut self.sources, gone)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
    fn display(&self) -> String {
        name_or_id(&self.name, self.id.as_str())
    }
}

impl Fields for Model {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Model {
            id: _,
            name: _,
            family,
            developer,
            release_date: _,
            openness: _,
            license: _,
            total_params_b: _,
            active_params_b: _,
            architecture: _,
            context_k_tokens: _,
            notes: _,
            sources,
        } = self;
        if let Some(fam) = family {
            f(
                Field::plain("family"),
                RecordKind::Family,
                fam.as_str(),
                Link::Optional,
            );
        }
        f(
            Field::plain("developer"),
            RecordKind::Organization,
            developer.as_str(),
            Link::Required,
        );
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        let family = self
            .family
            .as_ref()
            .is_some_and(|fam| gone.has(RecordKind::Family, fam.as_str()));
        if family {
            self.family = None;
        }
        uncite(&mut self.sources, gone) | family
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
    fn display(&self) -> String {
        name_or_id(&self.name, self.id.as_str())
    }
}

impl Fields for Adoption {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Adoption {
            id: _,
            organization,
            target,
            use_cases: _,
            status,
            notes: _,
            sources,
        } = self;
        f(
            Field::plain("organization"),
            RecordKind::Organization,
            organization.as_str(),
            Link::Required,
        );
        let (kind, id) = match target {
            AdoptionTarget::Model(m) => (RecordKind::Model, m.as_str()),
            AdoptionTarget::Family(fam) => (RecordKind::Family, fam.as_str()),
        };
        f(Field::plain("target"), kind, id, Link::Required);
        for (i, s) in status.iter().enumerate() {
            cite(f, &s.sources, Some(i));
        }
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        let mut changed = false;
        for s in &mut self.status {
            changed |= uncite(&mut s.sources, gone);
        }
        uncite(&mut self.sources, gone) | changed
    }
    fn display(&self) -> String {
        let target = match &self.target {
            AdoptionTarget::Model(m) => m.as_str(),
            AdoptionTarget::Family(fam) => fam.as_str(),
        };
        format!("{} uses {target}", self.organization)
    }
}

impl Fields for Claim {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Claim {
            id: _,
            subject,
            metric: _,
            value: _,
            unit: _,
            qualifier: _,
            baseline: _,
            scope: _,
            when: _,
            said_by,
            source,
            quote: _,
            notes: _,
        } = self;
        if let Some((kind, id)) = subject_ref(subject) {
            f(Field::plain("subject"), kind, id, Link::Required);
        }
        match said_by {
            Some(Speaker::Person(p)) => f(
                Field::plain("said_by"),
                RecordKind::Person,
                p.as_str(),
                Link::Optional,
            ),
            Some(Speaker::Organization(o)) => f(
                Field::plain("said_by"),
                RecordKind::Organization,
                o.as_str(),
                Link::Optional,
            ),
            None => {}
        }
        f(
            Field::plain("source"),
            RecordKind::Source,
            source.as_str(),
            Link::Required,
        );
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        let drop = match &self.said_by {
            Some(Speaker::Person(p)) => gone.has(RecordKind::Person, p.as_str()),
            Some(Speaker::Organization(o)) => gone.has(RecordKind::Organization, o.as_str()),
            None => false,
        };
        if drop {
            self.said_by = None;
        }
        drop
    }
    fn display(&self) -> String {
        self.id.to_string()
    }
}

impl Fields for Conflict {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Conflict {
            id: _,
            kind: _,
            records,
            description: _,
        } = self;
        for (i, r) in records.iter().enumerate() {
            let (kind, id) = r.kind_and_id();
            f(Field::at("records", i), kind, id, Link::Member);
        }
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        unlist(&mut self.records, gone)
    }
    fn display(&self) -> String {
        self.id.to_string()
    }
    fn orphaned(&self, gone: &Gone) -> bool {
        if !self.records.iter().any(|r| gone.has_ref(r)) {
            return false;
        }
        let left: HashSet<&RecordRef> = self.records.iter().filter(|r| !gone.has_ref(r)).collect();
        left.len() < 2
    }
}

impl Fields for Series {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Series {
            id: _,
            name: _,
            subject,
            metric: _,
            unit: _,
            points: _,
            notes: _,
            sources,
        } = self;
        if let Some((kind, id)) = subject_ref(subject) {
            f(Field::plain("subject"), kind, id, Link::Required);
        }
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        uncite(&mut self.sources, gone)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
    fn display(&self) -> String {
        name_or_id(&self.name, self.id.as_str())
    }
}

impl Fields for Event {
    fn refs(&self, f: &mut RefFn<'_>) {
        let Event {
            id: _,
            date: _,
            kind: _,
            title: _,
            description: _,
            related,
            sources,
        } = self;
        for (i, r) in related.iter().enumerate() {
            let (kind, id) = r.kind_and_id();
            f(Field::at("related", i), kind, id, Link::Member);
        }
        cite(f, sources, None);
    }
    fn unlink(&mut self, gone: &Gone) -> bool {
        unlist(&mut self.related, gone) | uncite(&mut self.sources, gone)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.title)
    }
    fn display(&self) -> String {
        name_or_id(&self.title, self.id.as_str())
    }
}

/// Something done once per record kind, with the list of that kind.
trait PerKind {
    fn visit<T: Record>(&mut self, list: &[T]);
}

fn each_kind(ds: &Dataset, v: &mut impl PerKind) {
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

// ---------------------------------------------------------------------------------------------
// Helpers that build edits.

/// The label for changing `old` into `new`: "Rename Pinterest to X" when only the name changed,
/// else "Edit organization Pinterest".
pub fn describe_change(old: &AnyRecord, new: &AnyRecord) -> String {
    let kind = old.kind();
    let name = old.display_name();
    let mut renamed = old.clone();
    let new_name = new.clone().name_mut().map(|n| n.clone());
    if kind == new.kind()
        && let Some(to) = new_name
        && let Some(from) = renamed.name_mut()
        && *from != to
    {
        *from = to;
        if &renamed == new {
            return format!("Rename {name} to {}", new.display_name());
        }
    }
    format!("Edit {kind} {name}")
}

/// A whole-record replace of the record with `new`'s kind and id (found by id), labelled for the
/// Edit menu. No edits when nothing changed; `None` when no such record exists.
pub fn replace_record(ds: &Dataset, new: AnyRecord) -> Option<(String, Vec<Edit>)> {
    let (at, old) = find_record(ds, &new.record_ref())?;
    let label = describe_change(&old, &new);
    if old == new {
        return Some((label, Vec::new()));
    }
    Some((label, vec![Edit::Replace { at, record: new }]))
}

/// Appends `record` at the end of its kind's list ("Add organization Pinterest"). Give it an id
/// from [`fresh_id`] so ids stay unique.
pub fn insert_record(ds: &Dataset, record: AnyRecord) -> (String, Vec<Edit>) {
    let kind = record.kind();
    let at = by_kind!(kind, T => T::list(ds).len(), dataset => 0);
    let label = format!("Add {kind} {}", record.display_name());
    (label, vec![Edit::Insert { at, record }])
}

/// A copy of the record `r` with a fresh id (`<id>-copy`, `<id>-copy-2`, ...) and " (copy)" after
/// its name, inserted right after it. Returns the label, the edits and the new record's reference.
pub fn duplicate_record(ds: &Dataset, r: &RecordRef) -> Option<(String, Vec<Edit>, RecordRef)> {
    let (at, mut copy) = find_record(ds, r)?;
    let kind = copy.kind();
    let label = format!("Duplicate {kind} {}", copy.display_name());
    let id = fresh_id(ds, kind, &format!("{}-copy", copy.id()));
    each_record!(&mut copy, c => c.set_id(id));
    if let Some(name) = copy.name_mut()
        && !name.is_empty()
    {
        name.push_str(" (copy)");
    }
    let new_ref = copy.record_ref();
    Some((
        label,
        vec![Edit::Insert {
            at: at + 1,
            record: copy,
        }],
        new_ref,
    ))
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
fn slugify(name: &str) -> String {
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

/// Every field of every other record that refers to `target`, as (referring record, field path
/// such as `sources[0]` or `status[1].sources[0]`). The target's references to itself are left out.
pub fn references_to(ds: &Dataset, target: &RecordRef) -> Vec<(RecordRef, String)> {
    struct Find<'a> {
        kind: RecordKind,
        id: &'a str,
        found: Vec<(RecordRef, String)>,
    }
    impl PerKind for Find<'_> {
        fn visit<T: Record>(&mut self, list: &[T]) {
            for r in list {
                if T::KIND == self.kind && r.id_str() == self.id {
                    continue;
                }
                let mut fields = Vec::new();
                r.refs(&mut |field, kind, id, _| {
                    if kind == self.kind && id == self.id {
                        fields.push(field.path());
                    }
                });
                for field in fields {
                    self.found.push((r.make_ref(), field));
                }
            }
        }
    }
    let (kind, id) = target.kind_and_id();
    let mut find = Find {
        kind,
        id,
        found: Vec::new(),
    };
    each_kind(ds, &mut find);
    find.found
}

/// What to do with the records that refer to a record being deleted (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeleteMode {
    /// Delete them too, recursively; citations (`sources`, `via`) are unlinked.
    Cascade,
    /// Drop the references; records that cannot exist without the target are deleted.
    Unlink,
}

/// Why a delete cannot be planned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeleteBlocked {
    /// The record to delete is not in the dataset.
    #[error("{kind} `{id}` does not exist")]
    NotFound {
        /// Its kind.
        kind: RecordKind,
        /// Its id.
        id: String,
    },
}

/// The edits that delete `target` and deal with the records referring to it as `mode` says, with
/// a label ("Delete organization Pinterest and 12 dependent records"). Rewrites come first, then
/// removals, highest position first within each kind, so the edits apply in order.
pub fn delete_plan(
    ds: &Dataset,
    target: &RecordRef,
    mode: DeleteMode,
) -> Result<(String, Vec<Edit>), DeleteBlocked> {
    let (kind, id) = target.kind_and_id();
    let Some((_, record)) = find_record(ds, target) else {
        return Err(DeleteBlocked::NotFound {
            kind,
            id: id.to_owned(),
        });
    };
    let mut gone = Gone::default();
    gone.insert(kind, id);

    // Grow the set of deleted records until nothing more must go with them.
    struct Grow<'a> {
        gone: &'a Gone,
        mode: DeleteMode,
        found: Vec<(RecordKind, String)>,
    }
    impl PerKind for Grow<'_> {
        fn visit<T: Record>(&mut self, list: &[T]) {
            for r in list {
                if self.gone.has(T::KIND, r.id_str()) {
                    continue;
                }
                let mut hit = false;
                r.refs(&mut |_, kind, id, link| {
                    hit = hit || (link.deletes_referrer(self.mode) && self.gone.has(kind, id));
                });
                if hit || r.orphaned(self.gone) {
                    self.found.push((T::KIND, r.id_str().to_owned()));
                }
            }
        }
    }
    loop {
        let mut grow = Grow {
            gone: &gone,
            mode,
            found: Vec::new(),
        };
        each_kind(ds, &mut grow);
        if grow.found.is_empty() {
            break;
        }
        for (k, i) in grow.found {
            gone.insert(k, &i);
        }
    }

    struct Plan<'a> {
        gone: &'a Gone,
        rewrites: Vec<Edit>,
        removals: Vec<Edit>,
    }
    impl PerKind for Plan<'_> {
        fn visit<T: Record>(&mut self, list: &[T]) {
            for (at, r) in list.iter().enumerate().rev() {
                if self.gone.has(T::KIND, r.id_str()) {
                    self.removals.push(Edit::Remove { kind: T::KIND, at });
                    continue;
                }
                let mut hit = false;
                r.refs(&mut |_, kind, id, _| hit = hit || self.gone.has(kind, id));
                if hit {
                    let mut rewritten = r.clone();
                    if rewritten.unlink(self.gone) {
                        self.rewrites.push(Edit::Replace {
                            at,
                            record: rewritten.into(),
                        });
                    }
                }
            }
        }
    }
    let mut plan = Plan {
        gone: &gone,
        rewrites: Vec::new(),
        removals: Vec::new(),
    };
    each_kind(ds, &mut plan);

    let mut label = format!("Delete {kind} {}", record.display_name());
    let dependents = gone.count().saturating_sub(1);
    if dependents > 0 {
        label.push_str(&format!(
            " and {dependents} dependent record{}",
            plural(dependents)
        ));
    }
    let unlinked = plan.rewrites.len();
    if unlinked > 0 {
        label.push_str(&format!(
            ", unlinking {unlinked} record{}",
            plural(unlinked)
        ));
    }
    let mut edits = plan.rewrites;
    edits.extend(plan.removals);
    Ok((label, edits))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
