//! Which records belong to a selection, so that a plot can highlight them: selecting an
//! organization lights up its models, adoptions and the figures about them; a model, its
//! adoptions and figures; a family, its models and theirs; an adoption, the figures about it.

use std::collections::HashSet;

use crate::model::{AdoptionTarget, Dataset, RecordRef, Subject};

/// The records that belong to `selected` (itself included).
pub fn related_records(ds: &Dataset, selected: &RecordRef) -> HashSet<RecordRef> {
    let mut out: HashSet<RecordRef> = HashSet::new();
    out.insert(selected.clone());
    let mut models = HashSet::new();
    let mut families = HashSet::new();
    let mut adoptions = HashSet::new();
    let mut orgs = HashSet::new();
    match selected {
        RecordRef::Organization(o) => {
            orgs.insert(o.clone());
            for f in ds.families.iter().filter(|f| &f.developer == o) {
                families.insert(f.id.clone());
            }
            for m in ds.models.iter().filter(|m| &m.developer == o) {
                models.insert(m.id.clone());
            }
            for a in ds.adoptions.iter().filter(|a| &a.organization == o) {
                adoptions.insert(a.id.clone());
            }
        }
        RecordRef::Family(f) => {
            families.insert(f.clone());
            for m in ds.models.iter().filter(|m| m.family.as_ref() == Some(f)) {
                models.insert(m.id.clone());
            }
        }
        RecordRef::Model(m) => {
            models.insert(m.clone());
        }
        RecordRef::Adoption(a) => {
            adoptions.insert(a.clone());
        }
        _ => return out,
    }
    // Adoptions of the models and families in play (not for an organization: its own
    // adoptions are the ones that belong to it, not other organizations' uses of its models).
    if !matches!(selected, RecordRef::Organization(_)) {
        for a in &ds.adoptions {
            let hit = match &a.target {
                Some(AdoptionTarget::Model(m)) => models.contains(m),
                Some(AdoptionTarget::Family(f)) => families.contains(f),
                None => false,
            };
            if hit {
                adoptions.insert(a.id.clone());
            }
        }
    }
    let about = |s: &Subject| match s {
        Subject::Organization(o) => orgs.contains(o),
        Subject::Model(m) => models.contains(m),
        Subject::Family(f) => families.contains(f),
        Subject::Adoption(a) => adoptions.contains(a),
        Subject::Country(_) => false,
    };
    for c in ds.claims.iter().filter(|c| about(&c.subject)) {
        out.insert(RecordRef::Claim(c.id.clone()));
    }
    for s in ds.series.iter().filter(|s| about(&s.subject)) {
        out.insert(RecordRef::Series(s.id.clone()));
    }
    out.extend(models.into_iter().map(RecordRef::Model));
    out.extend(families.into_iter().map(RecordRef::Family));
    out.extend(adoptions.into_iter().map(RecordRef::Adoption));
    out
}
