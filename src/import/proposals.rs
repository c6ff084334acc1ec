//! Row proposals for adoptions, claims and series, whose rows name other records instead of
//! being one: an adoption row is matched to the adoption the dataset has for the same
//! organization and target (both matched exactly), otherwise it is new; a claim or series row is
//! new (its subject is matched when the plan is built, and a series row adds a point).

use super::decide::{Decision, Proposal, RowMatch, org_aliases, org_index};
use super::fields::{Field, ImportKind};
use super::mapping::MappedRow;
use super::matching::{Found, NameIndex};
use super::resolve::target_index;
use crate::model::Dataset;

/// Proposals for rows of `kind` (adoptions, claims or series).
pub(super) fn propose_rows(
    ds: &Dataset,
    kind: ImportKind,
    rows: &[MappedRow],
    new_only: bool,
) -> Vec<RowMatch> {
    let adoptions = kind == ImportKind::Adoptions;
    let (orgs, targets) = if adoptions {
        (org_index(ds), target_index(ds))
    } else {
        (NameIndex::new(), NameIndex::new())
    };
    rows.iter()
        .map(|r| {
            let text = |f: Field| r.text(f).unwrap_or("").trim();
            let name = match kind {
                ImportKind::Adoptions if !text(Field::Target).is_empty() => {
                    format!("{} → {}", text(Field::Organization), text(Field::Target))
                }
                ImportKind::Adoptions => text(Field::Organization).to_owned(),
                ImportKind::Series if r.text(Field::Subject).is_none() => r
                    .date(Field::Date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                _ => text(Field::Subject).to_owned(),
            };
            let existing = adoptions
                .then(|| {
                    let org = text(Field::Organization);
                    let aliases = org_aliases(org);
                    let alias_refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
                    let Found::Exact(o) = orgs.find(org, &alias_refs) else {
                        return None;
                    };
                    let Found::Exact(t) = targets.find(text(Field::Target), &[]) else {
                        return None;
                    };
                    let org_id = &ds.organizations[o].id;
                    ds.adoptions
                        .iter()
                        .position(|a| &a.organization == org_id && a.target.as_ref() == Some(&t))
                })
                .flatten();
            let (proposal, decision) = match existing {
                _ if name.is_empty() => (Proposal::NoName, Decision::Skip),
                Some(i) if new_only => (Proposal::ByName(i), Decision::Skip),
                Some(i) => (Proposal::ByName(i), Decision::Match(i)),
                None => (Proposal::Nothing, Decision::New),
            };
            RowMatch {
                row: r.row,
                name,
                proposal,
                decision,
            }
        })
        .collect()
}
