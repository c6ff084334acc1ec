//! The one way to name a record for people: menus, labels, lists, links, plots and dialogs.
//! [`record_name`] names any record in one of the [`NameStyle`]s, [`source_name`] names a source
//! in one of the [`SourceName`]s; [`display_name`] is the plain name.

use std::borrow::Cow;

use super::format::claim_text;
use super::locator::{file_kind, kind_noun, local_file_extension, readable_locator};
use super::record::{Record, by_kind};
use super::text::safe_line;
use super::{
    Adoption, AdoptionTarget, Claim, Conflict, Dataset, Event, Model, ModelFamily, Organization,
    Person, RecordKind, RecordRef, Role, Series, Source, Subject,
};

/// The name people see for the record `r`, never empty:
///
/// - organizations, people, families, models and series: their name; events: their title;
/// - sources: "Title (Publisher)" (just the title when it already names the publisher), else
///   the readable name of a source with no title, told apart from the others (see
///   [`source_name`]);
/// - roles: "Title (Person at Organization)"; adoptions: "Organization uses Model";
/// - claims: "Pinterest's cost reduction claim, per BBC (2026-01)"; conflicts: their
///   description, else "conflict between A and B";
/// - any record whose name is blank: "unnamed organization".
///
/// A record that is not in the dataset is named by its id. This is
/// [`record_name`] in the [`NameStyle::Plain`] style, finding records by scanning.
pub fn display_name(ds: &Dataset, r: &RecordRef) -> String {
    record_name(ds, &ScanLists, r, NameStyle::Plain)
}

/// The forms of a record's name; each context picks the one it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameStyle {
    /// The plain name, by the rules of [`display_name`] (a record not in the dataset: its id).
    Plain,
    /// The plain name, and a family says it is one: "Qwen (family)". For the places where
    /// families and models stand side by side (what an adoption adopts).
    MarkFamily,
    /// The name of a link in a detail view: like [`NameStyle::MarkFamily`], but sources by
    /// their [`SourceName::Title`], claims by their text, conflicts by their description,
    /// roles as "Person, Title", adoptions as "Organization → Target"; a record not in the
    /// dataset is "a source that is not in the dataset" ([`missing_name`]).
    Link,
    /// Kind and plain name, "organization “Acme”": where records of several kinds are listed
    /// together (the delete confirmation and its list of referring records).
    KindAndName,
}

/// Finds where a record is in its kind's list: by scanning ([`ScanLists`]) or through an index
/// (the explorer's `Index` finds it with one hash probe).
pub trait FindRecord {
    /// Position of `r` in its kind's list of `ds`, if it is there.
    fn position_of(&self, ds: &Dataset, r: &RecordRef) -> Option<usize>;
}

/// Finds records by scanning the dataset's lists (no index at hand).
#[derive(Clone, Copy, Debug, Default)]
pub struct ScanLists;

impl FindRecord for ScanLists {
    fn position_of(&self, ds: &Dataset, r: &RecordRef) -> Option<usize> {
        super::record::position(ds, r)
    }
}

/// The one function that names a record: `r` in the form `style`, its records looked up with
/// `find`. Never empty, except where a source's [`SourceName::Title`] is. Safe to draw or
/// print: control characters and bidi overrides escaped, one line of at most
/// [`LINE_CAP`](super::text::LINE_CAP) characters and the length (see [`safe_line`]).
pub fn record_name(ds: &Dataset, find: &dyn FindRecord, r: &RecordRef, style: NameStyle) -> String {
    shown(unsafe_record_name(ds, find, r, style))
}

/// `name` as [`safe_line`] shows it, without a copy when nothing changes.
fn shown(name: String) -> String {
    match safe_line(&name) {
        Cow::Borrowed(_) => name,
        Cow::Owned(o) => o,
    }
}

/// [`record_name`] before it is made safe to show.
fn unsafe_record_name(
    ds: &Dataset,
    find: &dyn FindRecord,
    r: &RecordRef,
    style: NameStyle,
) -> String {
    let (kind, id) = r.kind_and_id();
    if style == NameStyle::KindAndName {
        let plain = unsafe_record_name(ds, find, r, NameStyle::Plain);
        return format!("{kind} “{plain}”");
    }
    let Some(at) = find.position_of(ds, r) else {
        return match style {
            NameStyle::Link => missing_name(r),
            _ => id.to_owned(),
        };
    };
    if kind == RecordKind::Source
        && let Some(s) = ds.sources.get(at)
    {
        let form = match style {
            NameStyle::Link => SourceName::Title,
            _ => SourceName::Short,
        };
        return unsafe_source_name(ds, s, form);
    }
    let name_of = |other: RecordRef| unsafe_record_name(ds, find, &other, style);
    let named = by_kind!(
        kind,
        T => T::list(ds).get(at).map(|record| match style {
            NameStyle::Link => record.link_name(&name_of),
            NameStyle::MarkFamily if kind == RecordKind::Family => {
                format!("{} (family)", record.name_with(&name_of))
            }
            _ => record.name_with(&name_of),
        }),
        dataset => None
    );
    named.unwrap_or_else(|| id.to_owned())
}

/// How a reference to a record that is not in the dataset is shown: "a source that is not in
/// the dataset" (its id says nothing to people; the problems panel says where it is).
pub fn missing_name(r: &RecordRef) -> String {
    let kind = r.kind_and_id().0.name();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} that is not in the dataset")
}

/// A claim's or series' subject, for plots: a record by its plain name (an adoption as
/// "Organization / Target", the target marked when a family), a country as written (trimmed).
pub fn subject_name(ds: &Dataset, find: &dyn FindRecord, s: &Subject) -> String {
    let record = match s {
        Subject::Organization(o) => RecordRef::Organization(o.clone()),
        Subject::Model(m) => RecordRef::Model(m.clone()),
        Subject::Family(f) => RecordRef::Family(f.clone()),
        Subject::Country(c) => return shown(c.trim().to_owned()),
        Subject::Adoption(a) => {
            let r = RecordRef::Adoption(a.clone());
            let Some(adoption) = find.position_of(ds, &r).and_then(|p| ds.adoptions.get(p)) else {
                return shown(a.to_string());
            };
            let org = RecordRef::Organization(adoption.organization.clone());
            let target = adoption.target.as_ref().map_or_else(
                || UNSET_TARGET.to_owned(),
                |t| unsafe_record_name(ds, find, &target_ref(t), NameStyle::MarkFamily),
            );
            return shown(format!(
                "{} / {target}",
                unsafe_record_name(ds, find, &org, NameStyle::Plain)
            ));
        }
    };
    record_name(ds, find, &record, NameStyle::Plain)
}

/// How an adoption whose model or family is not chosen yet names its target.
pub const UNSET_TARGET: &str = "(no model or family chosen yet)";

/// The record an adoption's target refers to, a model or a family.
pub fn target_ref(t: &AdoptionTarget) -> RecordRef {
    t.as_record_ref()
}

/// The forms of a source's name (see [`source_name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceName {
    /// "Title (Publisher)" (just the title when it already names the publisher), else the
    /// untitled name (see [`source_name`]): the source's [`display_name`], used by the palette.
    Short,
    /// Its title, else the untitled name: detail views, pickers in forms, the plots panel.
    Title,
    /// "id: title, publisher, locator, date" (the parts there are), else the id: the long
    /// label of a figure's source in CSV exports and tooltips, where the id is a locator.
    Described,
}

/// The one function that names a source for people, in the form `style`; safe to show, as
/// [`record_name`] is.
///
/// A source with no title is named by its publisher and date ("BBC (2026-01)"), else its
/// publisher and locator, else, for a local file, by what it is ("News article (supplied as a
/// text file)", never the file's path), else by its locator read for people
/// ("models/llama2/LICENSE (meta-llama/llama-models)", without the commit), else its author.
/// When another source of `ds` would get the same name, the name says what tells them apart:
/// the locator, else the source that reprints this one ("Wikipedia, as reprinted in
/// cr4.globalspec.com").
pub fn source_name(ds: &Dataset, s: &Source, style: SourceName) -> String {
    shown(unsafe_source_name(ds, s, style))
}

fn unsafe_source_name(ds: &Dataset, s: &Source, style: SourceName) -> String {
    let own = |s: &Source| match style {
        SourceName::Short => short_source_name(s),
        _ => source_title(s),
    };
    match style {
        SourceName::Described => {
            let parts: Vec<String> = [&s.title, &s.publisher, &s.locator]
                .into_iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .chain(s.date.map(|d| d.to_string()))
                .collect();
            if parts.is_empty() {
                s.id.to_string()
            } else {
                format!("{}: {}", s.id, parts.join(", "))
            }
        }
        _ => {
            let name = own(s);
            // Cheap field comparisons first: names can only be equal when these are.
            let shares_name = ds.sources.iter().any(|o| {
                o.id != s.id
                    && o.title.trim() == s.title.trim()
                    && o.publisher.trim() == s.publisher.trim()
                    && own(o) == name
            });
            if shares_name {
                told_apart(ds, s, name)
            } else {
                name
            }
        }
    }
}

/// `name`, shared with another source, with what tells `s` apart: its locator when the name
/// does not hold it, else the source that reprints it.
fn told_apart(ds: &Dataset, s: &Source, name: String) -> String {
    let locator = s.locator.trim();
    if !locator.is_empty() {
        let readable = readable_locator(locator);
        if !name.contains(&readable) {
            return format!("{name}, {readable}");
        }
    }
    if let Some(reprint) = ds.sources.iter().find(|o| o.via.as_ref() == Some(&s.id)) {
        let by = if reprint.title.trim().is_empty() {
            untitled_source_name(reprint)
        } else {
            reprint.title.trim().to_owned()
        };
        return format!("{name}, as reprinted in {by}");
    }
    name
}

/// What a source is listed, searched and sorted by: its title, else its locator, else its
/// publisher (borrowed, since the explorer's index sorts by it).
pub fn source_list_name(s: &Source) -> &str {
    if !s.title.trim().is_empty() {
        &s.title
    } else if !s.locator.trim().is_empty() {
        &s.locator
    } else {
        &s.publisher
    }
}

fn short_source_name(s: &Source) -> String {
    let (title, publisher) = (s.title.trim(), s.publisher.trim());
    match (title.is_empty(), publisher.is_empty()) {
        (false, false) if !title.contains(publisher) => format!("{title} ({publisher})"),
        (false, _) => title.to_owned(),
        (true, _) => untitled_source_name(s),
    }
}

fn source_title(s: &Source) -> String {
    if !s.title.trim().is_empty() {
        return s.title.clone();
    }
    untitled_source_name(s)
}

/// The name of a source with no title (see [`source_name`]); the id when it has nothing else.
fn untitled_source_name(s: &Source) -> String {
    let (publisher, locator, author) = (s.publisher.trim(), s.locator.trim(), s.author.trim());
    if !publisher.is_empty() {
        return match (s.date, locator.is_empty()) {
            (Some(d), _) => format!("{publisher} ({d})"),
            (None, false) => format!("{publisher}, {}", readable_locator(locator)),
            (None, true) => publisher.to_owned(),
        };
    }
    if let Some(ext) = local_file_extension(locator) {
        let noun = kind_noun(s.kind);
        let mut chars = noun.chars();
        let capital: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        return format!("{capital} (supplied as {})", file_kind(ext));
    }
    if !locator.is_empty() {
        return readable_locator(locator);
    }
    if !author.is_empty() {
        return author.to_owned();
    }
    format!("Untitled {}", kind_noun(s.kind))
}

/// How a record type is named (see [`display_name`]).
pub(crate) trait Named {
    /// The name of this record; `name_of` names the records it refers to.
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String;
    /// The name of a link to this record ([`NameStyle::Link`]); `name_of` names the records it
    /// refers to in that style.
    fn link_name(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        self.name_with(name_of)
    }
    /// The editable name (or title), if the kind has one.
    fn name_mut(&mut self) -> Option<&mut String> {
        None
    }
}

/// `name`, or "unnamed organization" (for `kind`) when it is blank.
fn name_or_unnamed(name: &str, kind: RecordKind) -> String {
    if name.trim().is_empty() {
        format!("unnamed {kind}")
    } else {
        name.to_owned()
    }
}

/// Implements [`Named`] for record types named by one text field.
macro_rules! named_by_field {
    ($($ty:ty, $field:ident;)*) => {$(
        impl Named for $ty {
            fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
                name_or_unnamed(&self.$field, <$ty as Record>::KIND)
            }
            fn name_mut(&mut self) -> Option<&mut String> {
                Some(&mut self.$field)
            }
        }
    )*};
}

named_by_field! {
    Organization, name;
    Person, name;
    Model, name;
    Series, name;
    Event, title;
}

impl Named for ModelFamily {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        name_or_unnamed(&self.name, RecordKind::Family)
    }
    fn link_name(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        format!("{} (family)", self.name_with(name_of))
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.name)
    }
}

impl Named for Source {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        short_source_name(self)
    }
    fn link_name(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        source_title(self)
    }
    fn name_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.title)
    }
}

impl Named for Role {
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        if self.title.trim().is_empty() {
            return name_or_unnamed("", RecordKind::Role);
        }
        let person = name_of(RecordRef::Person(self.person.clone()));
        let organization = name_of(RecordRef::Organization(self.organization.clone()));
        format!("{} ({person} at {organization})", self.title)
    }
    fn link_name(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        let person = name_of(RecordRef::Person(self.person.clone()));
        format!("{person}, {}", self.title)
    }
}

impl Named for Adoption {
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        let organization = name_of(RecordRef::Organization(self.organization.clone()));
        let target = self
            .target
            .as_ref()
            .map_or_else(|| UNSET_TARGET.to_owned(), |t| name_of(target_ref(t)));
        format!("{organization} uses {target}")
    }
    fn link_name(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        let organization = name_of(RecordRef::Organization(self.organization.clone()));
        let target = self
            .target
            .as_ref()
            .map_or_else(|| UNSET_TARGET.to_owned(), |t| name_of(target_ref(t)));
        format!("{organization} → {target}")
    }
}

impl Named for Claim {
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        let subject = match &self.subject {
            Subject::Organization(o) => name_of(RecordRef::Organization(o.clone())),
            Subject::Model(m) => name_of(RecordRef::Model(m.clone())),
            Subject::Family(f) => name_of(RecordRef::Family(f.clone())),
            Subject::Adoption(a) => name_of(RecordRef::Adoption(a.clone())),
            Subject::Country(c) => c.trim().to_owned(),
        };
        let metric = self.metric.label();
        let mut chars = metric.chars();
        let metric: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        let mut name = format!("{subject}'s {metric} claim");
        if let Some(c) = &self.source {
            name.push_str(&format!(
                ", per {}",
                name_of(RecordRef::Source(c.source.clone()))
            ));
        }
        name
    }
    fn link_name(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        claim_text(self)
    }
}

impl Named for Conflict {
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        if !self.description.trim().is_empty() {
            return self.description.clone();
        }
        let names: Vec<String> = self
            .records
            .iter()
            .take(3)
            .map(|r| name_of(r.clone()))
            .collect();
        match names.as_slice() {
            [] => name_or_unnamed("", RecordKind::Conflict),
            [one] => format!("conflict about {one}"),
            [a, b] => format!("conflict between {a} and {b}"),
            [a, b, ..] => format!("conflict between {a}, {b} and more"),
        }
    }
    fn link_name(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        self.name_with(name_of)
    }
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
