//! Which fields of each record kind refer to other records, and how strongly.
//!
//! Each reference field of the schema has one of four strengths ([`Link`]):
//!
//! | strength  | fields |
//! |-----------|--------|
//! | citation  | every `sources` list (records and adoption status entries), `Source::via`, `Model::openness_basis` |
//! | optional  | `Model::family`, `Claim::said_by` |
//! | member    | `Conflict::records`, `Event::related` |
//! | required  | `Claim::source`, `Claim::subject`, `Role::person`, `Role::organization`, `ModelFamily::developer`, `Model::developer`, `Adoption::organization`, `Adoption::target`, `Series::subject` |
//!
//! `Claim::source` and `Adoption::target` may be unset (a new record whose reference the user has
//! not picked yet): an unset reference refers to nothing, so it is never a dangling one; when set
//! it is required. What each strength means for a delete is decided in `crate::app::edit::plan`.

use std::collections::{HashMap, HashSet};

use super::record::{Fields, PerKind, Record, each_kind};
use super::{
    Adoption, AdoptionTarget, Citation, Claim, Conflict, Dataset, Event, Model, ModelFamily,
    OpennessBasis, Organization, Person, RecordKind, RecordRef, Role, Series, Source, Speaker,
    Subject,
};

/// How strongly a field ties a record to the record it refers to (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// A `sources` list or `via`: unlinked in both delete modes.
    Citation,
    /// An optional single reference: deleted with Cascade, set to `None` with Unlink.
    Optional,
    /// A member of a list of records: deleted with Cascade, removed from the list with Unlink.
    Member,
    /// A reference the record cannot exist without: deleted in both modes.
    Required,
}

/// Where a reference sits in its record, turned into a path such as `status[1].sources[0]` only
/// when needed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
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

/// Called once per reference a record holds: where it sits, the kind and id of the record it
/// refers to, and how strongly.
pub(crate) type RefFn<'a> = dyn FnMut(Field, RecordKind, &str, Link) + 'a;

/// Ids of records being deleted, per kind.
#[derive(Default)]
pub(crate) struct Gone {
    ids: HashMap<RecordKind, HashSet<String>>,
}

impl Gone {
    pub(crate) fn has(&self, kind: RecordKind, id: &str) -> bool {
        self.ids.get(&kind).is_some_and(|s| s.contains(id))
    }

    pub(crate) fn has_ref(&self, r: &RecordRef) -> bool {
        let (kind, id) = r.kind_and_id();
        self.has(kind, id)
    }

    pub(crate) fn insert(&mut self, kind: RecordKind, id: &str) {
        self.ids.entry(kind).or_default().insert(id.to_owned());
    }

    pub(crate) fn count(&self) -> usize {
        self.ids.values().map(HashSet::len).sum()
    }
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

// ---------------------------------------------------------------------------------------------
// The schema, per kind.

fn cite(f: &mut RefFn<'_>, sources: &[Citation], status: Option<usize>) {
    for (i, s) in sources.iter().enumerate() {
        let field = Field {
            name: "sources",
            index: Some(i),
            status,
        };
        f(field, RecordKind::Source, s.source.as_str(), Link::Citation);
    }
}

fn uncite(sources: &mut Vec<Citation>, gone: &Gone) -> bool {
    let before = sources.len();
    sources.retain(|s| !gone.has(RecordKind::Source, s.source.as_str()));
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
            former: _,
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
            openness_basis,
            license: _,
            total_params_b: _,
            active_params_b: _,
            params_qualifier: _,
            architecture: _,
            context_k_tokens: _,
            context_qualifier: _,
            notes: _,
            sources,
        } = self;
        if let Some(OpennessBasis::Source(s)) = openness_basis {
            f(
                Field::plain("openness_basis"),
                RecordKind::Source,
                s.as_str(),
                Link::Citation,
            );
        }
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
        let basis = matches!(&self.openness_basis,
            Some(OpennessBasis::Source(s)) if gone.has(RecordKind::Source, s.as_str()));
        if basis {
            self.openness_basis = None;
        }
        uncite(&mut self.sources, gone) | family | basis
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
        let target = match target {
            Some(AdoptionTarget::Model(m)) => Some((RecordKind::Model, m.as_str())),
            Some(AdoptionTarget::Family(fam)) => Some((RecordKind::Family, fam.as_str())),
            None => None,
        };
        if let Some((kind, id)) = target {
            f(Field::plain("target"), kind, id, Link::Required);
        }
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
            paraphrase: _,
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
        if let Some(c) = source {
            f(
                Field::plain("source"),
                RecordKind::Source,
                c.source.as_str(),
                Link::Required,
            );
        }
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
}
