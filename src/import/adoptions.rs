//! Importing one row as an adoption: its organization matched or created (as a model's
//! developer is), its target a model or family matched by name, its use cases, a dated status
//! step and notes, each citing the row. A row about an adoption the dataset has (same
//! organization and target) updates it: missing use cases and steps are added, a step's
//! differing date is a conflict handled by the user's choice.

use super::conflicts::{ConflictChoice, Differing, agrees, other_conflict};
use super::decide::{Decision, RowMatch};
use super::fields::Field;
use super::mapping::{Cell, MappedRow};
use super::matching::fold;
use super::plan::{Settings, Work};
use super::resolve::{resolve_org, resolve_target};
use crate::model::{
    Adoption, AdoptionId, AdoptionStatus, AdoptionTarget, Citation, ClaimValue, Metric,
    PartialDate, RecordKind, RecordRef, StatusDate, StatusEntry, Subject, Unit, display_name,
};

/// What a row says about an adoption.
struct Said {
    use_cases: Vec<String>,
    step: Option<(AdoptionStatus, Option<PartialDate>)>,
    notes: Vec<String>,
}

fn said(row: &MappedRow) -> Said {
    let status = match row.values.get(&Field::Status) {
        Some(Cell::Status(s)) => Some(*s),
        _ => None,
    };
    let date = row.date(Field::Date);
    let mut notes = row.notes.clone();
    if let Some(t) = row.text(Field::Notes).filter(|t| !t.is_empty()) {
        notes.push(t.to_owned());
    }
    if let (None, Some(d)) = (status, date) {
        notes.push(format!("Dated {d} (no status given)"));
    }
    Said {
        use_cases: row.list(Field::UseCases).to_vec(),
        step: status.map(|s| (s, date)),
        notes,
    }
}

/// Imports one adoption row.
pub(super) fn import_adoption(
    w: &mut Work,
    row: &MappedRow,
    m: &RowMatch,
    cite: &Citation,
    settings: &Settings,
    choice: &dyn Fn(Field) -> ConflictChoice,
) -> Result<(), String> {
    let org_name = row.text(Field::Organization).unwrap_or("").trim();
    let target_name = row.text(Field::Target).unwrap_or("").trim();
    if org_name.is_empty() {
        return Err("no adopting organization; map a column to \"organization\"".into());
    }
    if target_name.is_empty() {
        return Err(format!(
            "\"{org_name}\": no model or family adopted; map a column to \"target\""
        ));
    }
    // The target first: an unknown one leaves no new organization behind.
    let target = resolve_target(w, target_name, settings.accept_best)?;
    let s = said(row);
    let at = match m.decision {
        Decision::Match(i) if i < w.ds.adoptions.len() => i,
        _ => {
            let org = resolve_org(w, org_name, None, cite, settings.accept_best)?;
            let found =
                w.ds.adoptions
                    .iter()
                    .position(|a| a.organization == org && a.target.as_ref() == Some(&target));
            match found {
                Some(_) if settings.new_only => {
                    return Err(format!(
                        "\"{org_name}\": the dataset has this adoption already, and only new records are added (--new-only)"
                    ));
                }
                Some(i) => i,
                None => {
                    add(w, org, target, s, cite);
                    return Ok(());
                }
            }
        }
    };
    let added_here = at + w.count(RecordKind::Adoption).new >= w.ds.adoptions.len();
    let mut a = w.ds.adoptions[at].clone();
    let conflicted = merge(w, &mut a, s, cite, choice);
    if a != w.ds.adoptions[at] {
        w.ds.adoptions[at] = a;
        if !added_here {
            w.count(RecordKind::Adoption).updated += 1;
        }
    } else if !conflicted && !added_here {
        w.count(RecordKind::Adoption).unchanged += 1;
    }
    Ok(())
}

fn add(
    w: &mut Work,
    organization: crate::model::OrgId,
    target: AdoptionTarget,
    s: Said,
    cite: &Citation,
) {
    let target_id = match &target {
        AdoptionTarget::Model(i) => i.to_string(),
        AdoptionTarget::Family(i) => i.to_string(),
    };
    let id = AdoptionId::new(w.fresh(RecordKind::Adoption, &format!("{organization}-{target_id}")));
    let status = s
        .step
        .map(|(status, date)| StatusEntry {
            status,
            date,
            date_means: StatusDate::AsOf,
            notes: String::new(),
            sources: vec![cite.clone()],
        })
        .into_iter()
        .collect();
    w.ds.adoptions.push(Adoption {
        id,
        organization,
        target: Some(target),
        use_cases: s.use_cases,
        status,
        notes: s.notes.join("; "),
        sources: vec![cite.clone()],
    });
    w.count(RecordKind::Adoption).new += 1;
}

/// Adds what the row says to `a`; returns whether a value differed.
fn merge(
    w: &mut Work,
    a: &mut Adoption,
    s: Said,
    cite: &Citation,
    choice: &dyn Fn(Field) -> ConflictChoice,
) -> bool {
    let before = a.clone();
    let mut conflicted = false;
    for u in s.use_cases {
        let key = fold(&u).key();
        if !a.use_cases.iter().any(|x| fold(x).key() == key) {
            a.use_cases.push(u);
        }
    }
    if let Some((status, date)) = s.step {
        match a.status.iter().position(|e| e.status == status) {
            None => {
                let at = date
                    .and_then(|d| {
                        a.status
                            .iter()
                            .position(|e| e.date.is_some_and(|x| x.is_surely_after(&d)))
                    })
                    .unwrap_or(a.status.len());
                a.status.insert(
                    at,
                    StatusEntry {
                        status,
                        date,
                        date_means: StatusDate::AsOf,
                        notes: String::new(),
                        sources: vec![cite.clone()],
                    },
                );
            }
            Some(i) => match (a.status[i].date, date) {
                (_, None) => {}
                (None, Some(d)) => {
                    a.status[i].date = Some(d);
                    a.status[i].sources.push(cite.clone());
                }
                (Some(old), Some(new)) if agrees(&old, &new) => {}
                (Some(old), Some(new)) => {
                    conflicted = true;
                    w.count(RecordKind::Adoption).conflicts += 1;
                    let name = display_name(&w.ds, &RecordRef::Adoption(a.id.clone()));
                    let differing = Differing {
                        record: RecordRef::Adoption(a.id.clone()),
                        name,
                        what: format!("date of the \"{}\" step", status.label()),
                        old: old.to_string(),
                        new: new.to_string(),
                        subject: Subject::Adoption(a.id.clone()),
                        metric: Metric::Date,
                        value: ClaimValue::Date(new),
                        unit: Unit::None,
                        when: None,
                        cite,
                        base: format!("{}-status-date-{}", a.id, w.source),
                    };
                    if other_conflict(w, differing, choice(Field::Date)) {
                        a.status[i].date = Some(new);
                        a.status[i].sources.push(cite.clone());
                        if a.status.iter().all(|e| e.date.is_some()) {
                            a.status.sort_by_key(|e| e.date);
                        }
                    }
                }
            },
        }
    }
    let notes = s.notes.join("; ");
    if !notes.is_empty() && !a.notes.contains(&notes) {
        if a.notes.is_empty() {
            a.notes = notes;
        } else {
            a.notes = format!("{}; {notes}", a.notes);
        }
    }
    if *a != before && !a.sources.contains(cite) {
        a.sources.push(cite.clone());
    }
    conflicted
}
