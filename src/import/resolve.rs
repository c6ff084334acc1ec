//! Finding the records a row names: an organization (matched, or created citing the row), a
//! family (likewise), an adoption's target (a model or family, matched only) and the subject of a
//! claim or series (an organization, model, family or country, matched only). A name that could
//! be several records is an error listing them, so nothing is guessed.

use super::decide::{model_name, org_aliases};
use super::matching::{Found, NameIndex, fold};
use super::plan::Work;
use crate::model::{
    AdoptionTarget, Citation, FamilyId, ModelFamily, NameStyle, OrgId, OrgKind, Organization,
    RecordKind, ScanLists, Subject, record_name, target_ref,
};

/// The organization named `name`: matched (exactly, or the best candidate at or above
/// `accept_best`), or created with `country`; `Err` when it is ambiguous.
pub(super) fn resolve_org(
    w: &mut Work,
    name: &str,
    country: Option<&str>,
    cite: &Citation,
    accept_best: Option<f64>,
) -> Result<OrgId, String> {
    let aliases = org_aliases(name);
    let alias_refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
    match w.orgs.find(name, &alias_refs) {
        Found::Exact(i) => return Ok(w.ds.organizations[i].id.clone()),
        Found::Candidates(c) => {
            if let (Some((i, s)), Some(min)) = (c.first(), accept_best)
                && *s >= min
            {
                return Ok(w.ds.organizations[*i].id.clone());
            }
            let names: Vec<String> = c
                .iter()
                .map(|(i, s)| format!("{} ({s:.2})", w.ds.organizations[*i].name))
                .collect();
            return Err(format!(
                "organization \"{name}\" is ambiguous: it could be {}; pass --accept-best or add it first",
                names.join(" or ")
            ));
        }
        Found::None => {}
    }
    let id = OrgId::new(w.fresh(RecordKind::Organization, name));
    let org = Organization {
        id: id.clone(),
        name: name.to_owned(),
        native_name: String::new(),
        country: country.unwrap_or("").to_owned(),
        kind: OrgKind::AiLab,
        sector: String::new(),
        headquarters: String::new(),
        founded: None,
        notes: String::new(),
        sources: vec![cite.clone()],
    };
    let at = w.ds.organizations.len();
    // "Allen Institute for AI (Ai2)" is also found later as "Allen Institute for AI".
    let mut names = vec![name];
    names.extend(alias_refs.iter().copied());
    w.orgs.add(id.as_str(), &names, at);
    w.ds.organizations.push(org);
    w.count(RecordKind::Organization).new += 1;
    Ok(id)
}

/// The family named `name`, matched exactly or created (developed by `developer`).
pub(super) fn resolve_family(
    w: &mut Work,
    name: &str,
    developer: &OrgId,
    cite: &Citation,
) -> FamilyId {
    if let Found::Exact(i) = w.families.find(name, &[]) {
        return w.ds.families[i].id.clone();
    }
    let id = FamilyId::new(w.fresh(RecordKind::Family, name));
    let at = w.ds.families.len();
    w.families.add(id.as_str(), &[name], at);
    w.ds.families.push(ModelFamily {
        id: id.clone(),
        name: name.to_owned(),
        developer: developer.clone(),
        notes: String::new(),
        sources: vec![cite.clone()],
    });
    w.count(RecordKind::Family).new += 1;
    id
}

/// The index of what an adoption can adopt: models and families, by name.
pub(super) fn target_index(ds: &crate::model::Dataset) -> NameIndex<AdoptionTarget> {
    let mut ix = NameIndex::new();
    for m in &ds.models {
        ix.add(
            m.id.as_str(),
            &[&m.name],
            AdoptionTarget::Model(m.id.clone()),
        );
    }
    for f in &ds.families {
        ix.add(
            f.id.as_str(),
            &[&f.name],
            AdoptionTarget::Family(f.id.clone()),
        );
    }
    ix
}

/// The index of what a claim or series can be about: organizations, models and families.
pub(super) fn subject_index(ds: &crate::model::Dataset) -> NameIndex<Subject> {
    let mut ix = NameIndex::new();
    for o in &ds.organizations {
        let s = Subject::Organization(o.id.clone());
        ix.add(o.id.as_str(), &[&o.name, &o.native_name], s);
    }
    for m in &ds.models {
        ix.add(m.id.as_str(), &[&m.name], Subject::Model(m.id.clone()));
    }
    for f in &ds.families {
        ix.add(f.id.as_str(), &[&f.name], Subject::Family(f.id.clone()));
    }
    ix
}

/// The model or family `name` means: the one exact match, or the best candidate at or above
/// `accept_best`; else why not, listing the candidates.
pub(super) fn resolve_target(
    w: &mut Work,
    name: &str,
    accept_best: Option<f64>,
) -> Result<AdoptionTarget, String> {
    let ds = &w.ds;
    let ix = w.targets.get_or_insert_with(|| target_index(ds));
    let found = ix.find(model_name(name), &[]);
    let named =
        |t: &AdoptionTarget| record_name(&w.ds, &ScanLists, &target_ref(t), NameStyle::KindAndName);
    pick(found, accept_best, &named).map_err(|candidates| match candidates {
        None => format!(
            "no model or family is named \"{name}\"; import or add it first, or correct the name"
        ),
        Some(list) => format!(
            "\"{name}\" is ambiguous: it could be {list}; choose in the dataset, or pass --accept-best"
        ),
    })
}

/// What a claim or series about `name` is about: the one organization, model or family of that
/// name (or the best candidate at or above `accept_best`), else a country the dataset's
/// organizations are in; else why not, listing the candidates.
pub(super) fn resolve_subject(
    w: &mut Work,
    name: &str,
    accept_best: Option<f64>,
) -> Result<Subject, String> {
    let ds = &w.ds;
    let ix = w.subjects.get_or_insert_with(|| subject_index(ds));
    let aliases = org_aliases(name);
    let alias_refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
    let found = ix.find(model_name(name), &alias_refs);
    if matches!(found, Found::None | Found::Candidates(_)) {
        let key = fold(name).key();
        let country = w.ds.organizations.iter().find_map(|o| {
            (!o.country.is_empty() && fold(&o.country).key() == key).then(|| o.country.clone())
        });
        if let Some(c) = country
            && !matches!(&found, Found::Candidates(list) if list.iter().any(|(_, s)| *s >= 1.0))
        {
            return Ok(Subject::Country(c));
        }
    }
    let named = |s: &Subject| match s.as_record_ref() {
        Some(r) => record_name(&w.ds, &ScanLists, &r, NameStyle::KindAndName),
        None => crate::model::subject_name(&w.ds, &ScanLists, s),
    };
    pick(found, accept_best, &named).map_err(|candidates| match candidates {
        None => format!(
            "no organization, model, family or country is named \"{name}\"; add it first, or correct the name"
        ),
        Some(list) => format!(
            "\"{name}\" is ambiguous: it could be {list}; pass --accept-best, or rename one"
        ),
    })
}

/// The one match, or the best candidate at or above `accept_best`; else `Err(None)` for nothing
/// found or `Err(Some(list))` naming the candidates with their scores.
fn pick<T: Clone>(
    found: Found<T>,
    accept_best: Option<f64>,
    named: &dyn Fn(&T) -> String,
) -> Result<T, Option<String>> {
    match found {
        Found::Exact(t) => Ok(t),
        Found::None => Err(None),
        Found::Candidates(c) => {
            // Several exact matches (score 1) are never settled by a score.
            let tied = c.len() > 1 && c[1].1 >= c[0].1;
            if let (Some((t, s)), Some(min), false) = (c.first(), accept_best, tied)
                && *s >= min
            {
                return Ok(t.clone());
            }
            let list: Vec<String> = c
                .iter()
                .map(|(t, s)| format!("{} ({s:.2})", named(t)))
                .collect();
            Err(Some(list.join(" or ")))
        }
    }
}

/// Row numbers as a citation's detail: "row 4", "rows 2-14", "rows 2-5, 9, 11-12" (`item` for
/// JSON, as the table names its rows).
pub(super) fn rows_detail(word: &str, rows: &[u32]) -> String {
    let mut rows = rows.to_vec();
    rows.sort_unstable();
    rows.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    let plural = if rows.len() == 1 { "" } else { "s" };
    format!("{word}{plural} {}", parts.join(", "))
}

/// The existing family of `developer` whose name begins `model_name` and is followed there by
/// no letter ("Qwen" for "Qwen2.5-7B" and "qwen-7b", not for "Qwenlike"); the longest such.
pub(super) fn family_by_name(
    ds: &crate::model::Dataset,
    model_name: &str,
    developer: &crate::model::OrgId,
) -> Option<crate::model::FamilyId> {
    let name = model_name.trim().to_lowercase();
    ds.families
        .iter()
        .filter(|f| &f.developer == developer && !f.name.trim().is_empty())
        .filter(|f| {
            let family = f.name.trim().to_lowercase();
            name.strip_prefix(family.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
        })
        .max_by_key(|f| f.name.trim().len())
        .map(|f| f.id.clone())
}

#[cfg(test)]
mod tests {
    use super::rows_detail;

    #[test]
    fn rows_are_written_as_ranges() {
        assert_eq!(rows_detail("row", &[4]), "row 4");
        assert_eq!(rows_detail("row", &[2, 3, 4, 5, 14, 13]), "rows 2-5, 13-14");
        assert_eq!(rows_detail("item", &[2, 9, 11, 12]), "items 2, 9, 11-12");
    }
}
