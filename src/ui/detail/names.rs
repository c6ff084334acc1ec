//! How records are named for people: source titles, record names, adoption targets, status
//! lines. Plain text, no drawing.

use super::DetailCtx;
use crate::app::explorer::Index;
use crate::model::format::claim_text;
use crate::model::{AdoptionTarget, Dataset, RecordKind, RecordRef, Source, SourceId, StatusEntry};

/// The name people see for any record (`(missing)` when the reference points nowhere).
pub(super) fn name_of(ds: &Dataset, ix: &Index, r: &RecordRef) -> String {
    let Some(at) = ix.resolve(r) else {
        return format!("{} (missing)", r.kind_and_id().1);
    };
    let p = at.pos as usize;
    match at.kind {
        RecordKind::Organization => ds.organizations[p].name.clone(),
        RecordKind::Model => ds.models[p].name.clone(),
        RecordKind::Family => format!("{} (family)", ds.families[p].name),
        RecordKind::Person => ds.people[p].name.clone(),
        RecordKind::Source => source_title(&ds.sources[p]),
        RecordKind::Event => ds.events[p].title.clone(),
        RecordKind::Claim => claim_text(&ds.claims[p]),
        RecordKind::Adoption => {
            let a = &ds.adoptions[p];
            let org = name_of(ds, ix, &RecordRef::Organization(a.organization.clone()));
            format!("{org} → {}", target_name(ds, ix, &a.target))
        }
        RecordKind::Role => {
            let r = &ds.roles[p];
            format!(
                "{}, {}",
                name_of(ds, ix, &RecordRef::Person(r.person.clone())),
                r.title
            )
        }
        RecordKind::Series => ds.series[p].name.clone(),
        RecordKind::Conflict => ds.conflicts[p].description.clone(),
        RecordKind::Dataset => String::new(),
    }
}

/// The name of an adoption's target, a model or a family.
fn target_name(ds: &Dataset, ix: &Index, t: &AdoptionTarget) -> String {
    match t {
        AdoptionTarget::Model(m) => name_of(ds, ix, &RecordRef::Model(m.clone())),
        AdoptionTarget::Family(f) => name_of(ds, ix, &RecordRef::Family(f.clone())),
    }
}

/// The record an adoption's target refers to.
pub(super) fn target_ref(t: &AdoptionTarget) -> RecordRef {
    match t {
        AdoptionTarget::Model(m) => RecordRef::Model(m.clone()),
        AdoptionTarget::Family(f) => RecordRef::Family(f.clone()),
    }
}

/// Title of a source for people: its title, else its publisher and author, else its locator.
pub fn source_title(s: &Source) -> String {
    if !s.title.is_empty() {
        return s.title.clone();
    }
    let who: Vec<&str> = [s.publisher.as_str(), s.author.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if !who.is_empty() {
        let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
        return format!("{}{date}", who.join(", "));
    }
    s.locator.clone()
}

/// Whether a locator may be opened in a browser: only http and https addresses.
pub fn is_web_url(locator: &str) -> bool {
    let l = locator.trim_start().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://"))
        && !locator.chars().any(char::is_whitespace)
}

/// The title of the source `id`, or the id itself when the source is missing.
pub(super) fn source_title_of(c: &DetailCtx<'_>, id: &SourceId) -> String {
    c.ix.source(id)
        .map_or_else(|| id.to_string(), |p| source_title(&c.ds.sources[p]))
}

/// A status entry as text: "Production since 2025-03".
pub(super) fn status_text(s: &StatusEntry) -> String {
    match s.date {
        Some(d) => format!("{} since {d}", s.status.label()),
        None => s.status.label().to_owned(),
    }
}
