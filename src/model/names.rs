//! The one way to name a record for people: menus, labels, lists, links, plots and dialogs.
//! [`record_name`] names any record in one of the [`NameStyle`]s, [`source_name`] names a source
//! in one of the [`SourceName`]s; [`display_name`] is the plain name.

use std::borrow::Cow;

use super::format::claim_text;
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
///   "Publisher, locator", else whichever of the two there is;
/// - roles: "Title (Person at Organization)"; adoptions: "Organization uses Model";
/// - claims and conflicts, and any record whose name is blank: the id.
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
    /// dataset is "id (missing)".
    Link,
    /// Kind and id, "organization acme": where the id is what tells records apart (the delete
    /// confirmation and its list of referring records).
    KindAndId,
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
    if style == NameStyle::KindAndId {
        return format!("{kind} {id}");
    }
    let Some(at) = find.position_of(ds, r) else {
        return match style {
            NameStyle::Link => format!("{id} (missing)"),
            _ => id.to_owned(),
        };
    };
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
    /// "Title (Publisher)" (just the title when it already names the publisher), else
    /// "Publisher, locator", else whichever of the two there is, else the id: the source's
    /// [`display_name`], used by figure footers.
    Short,
    /// Its title, else "Publisher, Author (date)" (those of the two there are), else its
    /// locator (may be empty): detail views, pickers in forms, the plots panel.
    Title,
    /// "id: title, publisher, locator, date" (the parts there are), else the id: the long
    /// label of a figure's source in CSV exports and tooltips.
    Described,
}

/// The one function that names a source, in the form `style`; safe to show, as
/// [`record_name`] is.
pub fn source_name(s: &Source, style: SourceName) -> String {
    shown(match style {
        SourceName::Short => short_source_name(s),
        SourceName::Title => source_title(s),
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
    })
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
    let (title, publisher, locator) = (s.title.trim(), s.publisher.trim(), s.locator.trim());
    match (title.is_empty(), publisher.is_empty(), locator.is_empty()) {
        (false, false, _) if !title.contains(publisher) => format!("{title} ({publisher})"),
        (false, _, _) => title.to_owned(),
        (true, false, false) => format!("{publisher}, {locator}"),
        (true, false, true) => publisher.to_owned(),
        (true, true, false) => locator.to_owned(),
        (true, true, true) => s.id.to_string(),
    }
}

fn source_title(s: &Source) -> String {
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

fn name_or_id(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        id.to_owned()
    } else {
        name.to_owned()
    }
}

/// Implements [`Named`] for record types named by one text field.
macro_rules! named_by_field {
    ($($ty:ty, $field:ident;)*) => {$(
        impl Named for $ty {
            fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
                name_or_id(&self.$field, self.id.as_str())
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
        name_or_id(&self.name, self.id.as_str())
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
            return self.id.to_string();
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
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        self.id.to_string()
    }
    fn link_name(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        claim_text(self)
    }
}

impl Named for Conflict {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        self.id.to_string()
    }
    fn link_name(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        self.description.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synth::synthetic;
    use crate::model::{AnyRecord, ModelId, SourceId, SourceKind};

    fn source(title: &str, publisher: &str, locator: &str) -> Source {
        Source {
            id: SourceId::new("s-1"),
            title: title.into(),
            publisher: publisher.into(),
            author: String::new(),
            date: None,
            locator: locator.into(),
            kind: SourceKind::Web,
            via: None,
            notes: String::new(),
        }
    }

    #[test]
    fn sources_are_named_by_title_publisher_or_locator_else_id() {
        let name = |s: Source| AnyRecord::from(s).display_name();
        assert_eq!(
            name(source("Annual report", "Acme", "")),
            "Annual report (Acme)"
        );
        assert_eq!(
            name(source("Acme annual report", "Acme", "x")),
            "Acme annual report"
        );
        assert_eq!(
            name(source(" ", "Acme", "https://a.example")),
            "Acme, https://a.example"
        );
        assert_eq!(name(source("", "Acme", "")), "Acme");
        assert_eq!(name(source("", "", "data/x.json")), "data/x.json");
        assert_eq!(name(source("", " ", "")), "s-1");
    }

    #[test]
    fn references_are_named_through_the_dataset_and_by_id_without_it() {
        let ds = synthetic(1000, 7);
        let adoption = &ds.adoptions[0];
        let org = display_name(&ds, &RecordRef::Organization(adoption.organization.clone()));
        let named = ds
            .organizations
            .iter()
            .find(|o| o.id == adoption.organization)
            .map(|o| name_or_id(&o.name, o.id.as_str()));
        assert_eq!(Some(org.clone()), named);
        let by_dataset = display_name(&ds, &RecordRef::Adoption(adoption.id.clone()));
        assert!(
            by_dataset.starts_with(&format!("{org} uses ")),
            "{by_dataset}"
        );
        let alone = AnyRecord::from(adoption.clone()).display_name();
        assert!(
            alone.starts_with(&format!("{} uses ", adoption.organization)),
            "{alone}"
        );
        let missing = RecordRef::Model(ModelId::new("no-such-model"));
        assert_eq!(display_name(&ds, &missing), "no-such-model");
    }

    #[test]
    fn names_are_safe_to_show() {
        let mut ds = synthetic(50, 3);
        ds.organizations[0].name = "Pinterest\u{202e}gpj.exe\u{1b}]0;x\u{7}".into();
        ds.models[0].name = "m".repeat(10_000);
        let org = RecordRef::Organization(ds.organizations[0].id.clone());
        assert_eq!(
            display_name(&ds, &org),
            "Pinterest\\u{202e}gpj.exe\\u{1b}]0;x\\u{7}"
        );
        let model = display_name(&ds, &RecordRef::Model(ds.models[0].id.clone()));
        assert!(model.ends_with("… (10000 characters)"), "{model}");
        assert!(model.chars().count() < 230);
        let mut s = source("T\u{1b}[2J", "P", "");
        s.locator = "https://x.example/".to_owned() + &"a".repeat(100_000);
        for style in [SourceName::Short, SourceName::Title, SourceName::Described] {
            let n = source_name(&s, style);
            assert!(!n.contains('\u{1b}') && n.chars().count() < 230, "{n}");
        }
    }
}
