//! The one way to name a record for people: menus, labels, lists and links.

use super::record::{Record, by_kind};
use super::{
    Adoption, AdoptionTarget, Claim, Conflict, Dataset, Event, Model, ModelFamily, Organization,
    Person, RecordRef, Role, Series, Source,
};

/// The name people see for the record `r`, never empty:
///
/// - organizations, people, families, models and series: their name; events: their title;
/// - sources: "Title (Publisher)" (just the title when it already names the publisher), else
///   "Publisher, locator", else whichever of the two there is;
/// - roles: "Title (Person at Organization)"; adoptions: "Organization uses Model";
/// - claims and conflicts, and any record whose name is blank: the id.
///
/// A record that is not in the dataset is named by its id.
pub fn display_name(ds: &Dataset, r: &RecordRef) -> String {
    let (kind, id) = r.kind_and_id();
    let named = by_kind!(
        kind,
        T => T::list(ds)
            .iter()
            .find(|record| record.id_str() == id)
            .map(|record| record.name_with(&|other| display_name(ds, &other))),
        dataset => None
    );
    named.unwrap_or_else(|| id.to_owned())
}

/// How a record type is named (see [`display_name`]).
pub(crate) trait Named {
    /// The name of this record; `name_of` names the records it refers to.
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String;
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
    ModelFamily, name;
    Model, name;
    Series, name;
    Event, title;
}

impl Named for Source {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        let (title, publisher, locator) = (
            self.title.trim(),
            self.publisher.trim(),
            self.locator.trim(),
        );
        match (title.is_empty(), publisher.is_empty(), locator.is_empty()) {
            (false, false, _) if !title.contains(publisher) => format!("{title} ({publisher})"),
            (false, _, _) => title.to_owned(),
            (true, false, false) => format!("{publisher}, {locator}"),
            (true, false, true) => publisher.to_owned(),
            (true, true, false) => locator.to_owned(),
            (true, true, true) => self.id.to_string(),
        }
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
}

impl Named for Adoption {
    fn name_with(&self, name_of: &dyn Fn(RecordRef) -> String) -> String {
        let organization = name_of(RecordRef::Organization(self.organization.clone()));
        let target = name_of(match &self.target {
            AdoptionTarget::Model(m) => RecordRef::Model(m.clone()),
            AdoptionTarget::Family(f) => RecordRef::Family(f.clone()),
        });
        format!("{organization} uses {target}")
    }
}

impl Named for Claim {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        self.id.to_string()
    }
}

impl Named for Conflict {
    fn name_with(&self, _: &dyn Fn(RecordRef) -> String) -> String {
        self.id.to_string()
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
}
