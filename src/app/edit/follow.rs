//! An id that follows its record's name: a record whose id was made from its name ("New
//! organization" → `new-organization`) gets a new id when the name changes ("Test Co" →
//! `test-co`), as long as nothing refers to it and the new id is free. An id that no longer
//! matches the name was set on purpose (or came with the file) and stays.

use crate::model::record::slugify;
use crate::model::{AnyRecord, Dataset, RecordKind, position, references_to};

/// Whether `id` is what `name` gives as an id: its slug, or its slug with a number after it
/// (`new-organization-2`, as [`fresh_id`](crate::model::fresh_id) makes when the slug is
/// taken).
fn made_from(id: &str, name: &str) -> bool {
    let slug = slugify(name);
    if slug.is_empty() {
        return false;
    }
    id == slug
        || id
            .strip_prefix(&slug)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// `new` with the id its new name gives, when `old` (the record as it is in `ds`) had the id
/// its old name gave, no record refers to it, and the new id is not taken in its kind.
/// Otherwise `new` as it is. A record kind without a name field keeps its id.
pub fn follow_name(ds: &Dataset, old: &AnyRecord, mut new: AnyRecord) -> AnyRecord {
    let (Some(old_name), Some(new_name)) =
        (old.clone().name_mut().cloned(), new.name_mut().cloned())
    else {
        return new;
    };
    if old_name == new_name || old.id() != new.id() || !made_from(old.id(), &old_name) {
        return new;
    }
    let slug = slugify(&new_name);
    if slug.is_empty() || slug == old.id() || !references_to(ds, &old.record_ref()).is_empty() {
        return new;
    }
    let kind: RecordKind = old.kind();
    if let Some(r) = crate::model::RecordRef::from_kind_and_id(kind, &slug)
        && position(ds, &r).is_some()
    {
        return new;
    }
    new.set_id(slug);
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synth::synthetic;
    use crate::model::{OrgId, Organization};

    /// An organization of the synthetic data, as `id` named `name`.
    fn org(id: &str, name: &str) -> Organization {
        let mut o = synthetic(5, 1).organizations[0].clone();
        o.id = OrgId::new(id);
        o.name = name.into();
        o
    }

    #[test]
    fn an_id_made_from_the_name_follows_it() {
        let mut ds = synthetic(20, 1);
        ds.organizations
            .push(org("new-organization", "New organization"));
        ds.organizations.push(org("taken-co", "Taken Co"));
        let old = AnyRecord::from(ds.organizations[ds.organizations.len() - 2].clone());
        let renamed = |name: &str| {
            let mut n = old.clone();
            *n.name_mut().unwrap() = name.into();
            follow_name(&ds, &old, n).id().to_owned()
        };
        assert_eq!(renamed("Test Co"), "test-co");
        assert_eq!(
            renamed("Taken Co"),
            "new-organization",
            "a taken id is not reused"
        );
        assert_eq!(
            renamed("阿里巴巴"),
            "new-organization",
            "nothing to make an id from"
        );
        // An id that does not match the name was set: it stays.
        let set = AnyRecord::from(org("acme-hq", "New organization"));
        let mut n = set.clone();
        *n.name_mut().unwrap() = "Test Co".into();
        assert_eq!(follow_name(&ds, &set, n).id(), "acme-hq");
        assert!(made_from("new-organization-2", "New organization"));
        assert!(!made_from("new-organization-x", "New organization"));
    }

    #[test]
    fn a_record_referred_to_keeps_its_id() {
        let ds = synthetic(50, 3);
        let a = &ds.adoptions[0];
        let o = ds
            .organizations
            .iter()
            .find(|o| o.id == a.organization)
            .unwrap();
        let mut o = o.clone();
        // Make its id one that its name gives, then rename it.
        let mut ds = ds.clone();
        let at = ds.organizations.iter().position(|x| x.id == o.id).unwrap();
        o.name = o.id.to_string();
        ds.organizations[at] = o.clone();
        let old = AnyRecord::from(o.clone());
        let mut n = old.clone();
        *n.name_mut().unwrap() = "Renamed Org".into();
        assert_eq!(follow_name(&ds, &old, n).id(), o.id.as_str());
    }
}
