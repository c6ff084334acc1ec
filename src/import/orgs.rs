//! Importing one row as an organization: matched (filling empty fields, conflicts on differing
//! ones) or new (kind from Epoch AI's categorization), citing its row.

use super::conflicts::{ConflictChoice, org_conflict};
use super::decide::{Decision, RowMatch};
use super::fields::Field;
use super::mapping::MappedRow;
use super::plan::Work;
use crate::model::{Citation, OrgId, OrgKind, Organization, RecordKind};

pub(super) fn import_org(
    w: &mut Work,
    row: &MappedRow,
    m: &RowMatch,
    cite: &Citation,
    choice: &dyn Fn(Field) -> ConflictChoice,
) -> Result<(), String> {
    let kind = row.text(Field::OrgCategory).map(org_kind);
    let text = |f: Field| row.text(f).filter(|t| !t.is_empty()).map(str::to_owned);
    let country = row.list(Field::Country).first().cloned();
    let key = super::matching::fold(&m.name).key();
    let decision = match (&m.decision, w.new_orgs.get(&key)) {
        (Decision::New, Some(&i)) => Decision::Match(i),
        (d, _) => d.clone(),
    };
    match decision {
        Decision::Match(i) => {
            let mut org = w.ds.organizations[i].clone();
            let mut changed = false;
            let mut conflicted = false;
            for (f, v) in [
                (Field::Country, country),
                (Field::NativeName, text(Field::NativeName)),
                (Field::Sector, text(Field::Sector)),
                (Field::Headquarters, text(Field::Headquarters)),
            ] {
                let Some(v) = v else { continue };
                let slot = match f {
                    Field::Country => &mut org.country,
                    Field::NativeName => &mut org.native_name,
                    Field::Sector => &mut org.sector,
                    _ => &mut org.headquarters,
                };
                if slot.is_empty() {
                    *slot = v;
                    changed = true;
                } else if super::matching::fold(slot).key() != super::matching::fold(&v).key() {
                    let before = w.count(RecordKind::Organization).conflicts;
                    let old = slot.clone();
                    if org_conflict(w, &mut org, f, &old, &v, cite, choice(f)) {
                        changed = true;
                    }
                    conflicted |= w.count(RecordKind::Organization).conflicts > before;
                }
            }
            if let Some(d) = row.date(Field::Founded)
                && org.founded.is_none()
            {
                org.founded = Some(d);
                changed = true;
            }
            if changed && !org.sources.contains(cite) {
                org.sources.push(cite.clone());
            }
            if org != w.ds.organizations[i] {
                w.ds.organizations[i] = org;
                w.count_updated(RecordKind::Organization, i);
            } else if !conflicted {
                w.count(RecordKind::Organization).unchanged += 1;
            }
            Ok(())
        }
        Decision::New => {
            let name = m.name.clone();
            let id = OrgId::new(w.fresh(RecordKind::Organization, &name));
            let mut notes = row.notes.clone();
            if let Some(t) = row.text(Field::Notes) {
                notes.push(t.to_owned());
            }
            let org = Organization {
                id: id.clone(),
                name: name.clone(),
                native_name: text(Field::NativeName).unwrap_or_default(),
                country: country.unwrap_or_default(),
                kind: kind.unwrap_or(OrgKind::Other),
                sector: text(Field::Sector).unwrap_or_default(),
                headquarters: text(Field::Headquarters).unwrap_or_default(),
                founded: row.date(Field::Founded),
                notes: notes.join("; "),
                sources: vec![cite.clone()],
            };
            let at = w.ds.organizations.len();
            w.orgs.add(id.as_str(), &[&name], at);
            w.new_orgs.insert(key, at);
            w.ds.organizations.push(org);
            w.count(RecordKind::Organization).new += 1;
            Ok(())
        }
        Decision::Skip => Err(String::new()),
    }
}

/// Epoch AI's organization categorization as a kind (the first category listed).
pub fn org_kind(text: &str) -> OrgKind {
    match text
        .split(',')
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase()
        .as_str()
    {
        "industry" => OrgKind::Company,
        "academia" | "research collective" => OrgKind::ResearchInstitute,
        "government" => OrgKind::Government,
        _ => OrgKind::Other,
    }
}
