//! [`Index::build`]: every lookup of the index from one pass per kind of record, and the
//! citations of each source.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{
    AdoptionTarget, Dataset, FamilyId, ModelId, Openness, OpennessBasis, OrgId, OrgKind,
    PartialDate, PersonId, RecordKind, RecordRef, SourceId, Speaker, Subject,
};

use crate::model::record::{Record, by_kind};

use super::index::{ADOPTION, FAMILY, Index, MODEL, ORG, PERSON, SRC, kind_slot};
use super::records::{Citation, CiteField, RecordAt};
use super::search::{event_text, model_text, normalize_query, org_text, source_text};
use super::tables::{Csr, IdTable, NONE, Sparse};

impl Index {
    /// Builds every lookup for `ds`. Linear in the dataset's size apart from one name sort per
    /// list tab.
    pub fn build(ds: &Dataset) -> Index {
        let ids = RecordKind::ALL.map(|kind| {
            by_kind!(
                kind,
                T => IdTable::build(T::list(ds).iter().map(Record::id_str)),
                dataset => IdTable::default()
            )
        });
        let n_orgs = ds.organizations.len();
        let n_people = ds.people.len();
        let n_families = ds.families.len();
        let n_models = ds.models.len();
        let org = |id: &OrgId| ids[ORG].at(id.as_str());
        let person = |id: &PersonId| ids[PERSON].at(id.as_str());
        let family = |id: &FamilyId| ids[FAMILY].at(id.as_str());
        let model = |id: &ModelId| ids[MODEL].at(id.as_str());
        let resolve = |r: &RecordRef| {
            let (kind, id) = r.kind_and_id();
            let slot = kind_slot(kind)?;
            ids[slot].get(id).map(|p| RecordAt::new(kind, p))
        };
        let subject_at = |s: &Subject| -> Option<RecordAt> {
            let (kind, p) = match s {
                Subject::Organization(i) => (RecordKind::Organization, org(i)),
                Subject::Model(i) => (RecordKind::Model, model(i)),
                Subject::Family(i) => (RecordKind::Family, family(i)),
                Subject::Adoption(i) => (RecordKind::Adoption, ids[ADOPTION].at(i.as_str())),
                Subject::Country(_) => return None,
            };
            (p != NONE).then_some(RecordAt { kind, pos: p })
        };

        // Roles.
        let mut by_org = Vec::with_capacity(ds.roles.len());
        let mut by_person = Vec::with_capacity(ds.roles.len());
        for (i, r) in ds.roles.iter().enumerate() {
            by_org.push((org(&r.organization), i as u32));
            by_person.push((person(&r.person), i as u32));
        }
        let roles_by_org = Csr::build(n_orgs, &by_org, 0);
        let roles_by_person = Csr::build(n_people, &by_person, 0);

        // Families and models.
        let family_dev: Vec<u32> = ds.families.iter().map(|f| org(&f.developer)).collect();
        let model_family: Vec<u32> = ds
            .models
            .iter()
            .map(|m| m.family.as_ref().map_or(NONE, family))
            .collect();
        let model_dev: Vec<u32> = ds.models.iter().map(|m| org(&m.developer)).collect();
        let fam_pairs: Vec<(u32, u32)> = model_family
            .iter()
            .enumerate()
            .map(|(i, &f)| (f, i as u32))
            .collect();
        let models_by_family = Csr::build(n_families, &fam_pairs, 0);
        let mut family_open = vec![false; n_families];
        for (m, &f) in ds.models.iter().zip(&model_family) {
            if f != NONE && m.openness.is_some_and(Openness::has_open_weights) {
                family_open[f as usize] = true;
            }
        }

        // Countries, interned in alphabetical order so that id order is name order.
        let names: BTreeSet<&str> = ds
            .organizations
            .iter()
            .map(|o| o.country.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let countries: Vec<String> = names.into_iter().map(str::to_owned).collect();
        let country_ids: HashMap<String, u32> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u32))
            .collect();
        let org_country: Vec<u32> = ds
            .organizations
            .iter()
            .map(|o| country_ids.get(o.country.trim()).copied().unwrap_or(NONE))
            .collect();
        let country_of = |o: u32| org_country.get(o as usize).copied().unwrap_or(NONE);
        let model_dev_country: Vec<u32> = model_dev.iter().map(|&o| country_of(o)).collect();
        let family_dev_country: Vec<u32> = family_dev.iter().map(|&o| country_of(o)).collect();

        // Adoptions.
        let n_adoptions = ds.adoptions.len();
        let mut adoption_org = Vec::with_capacity(n_adoptions);
        let mut a_by_org = Vec::with_capacity(n_adoptions);
        let mut a_by_model = Vec::new();
        let mut a_by_family = Vec::new();
        let mut dev_pairs: Vec<(u32, u32)> = Vec::with_capacity(n_adoptions);
        let mut org_open_weights = vec![false; n_orgs];
        let mut org_first_adoption: Vec<Option<PartialDate>> = vec![None; n_orgs];
        for (i, a) in ds.adoptions.iter().enumerate() {
            let o = org(&a.organization);
            adoption_org.push(o);
            a_by_org.push((o, i as u32));
            let (country, open) = match &a.target {
                None => (NONE, false),
                Some(AdoptionTarget::Model(id)) => {
                    let m = model(id);
                    a_by_model.push((m, i as u32));
                    match ds.models.get(m as usize) {
                        Some(md) => (
                            model_dev_country[m as usize],
                            md.openness.is_some_and(Openness::has_open_weights),
                        ),
                        None => (NONE, false),
                    }
                }
                Some(AdoptionTarget::Family(id)) => {
                    let f = family(id);
                    a_by_family.push((f, i as u32));
                    match family_dev_country.get(f as usize) {
                        Some(&c) => (c, family_open[f as usize]),
                        None => (NONE, false),
                    }
                }
            };
            let Some(ou) = (o != NONE).then_some(o as usize) else {
                continue;
            };
            if country != NONE {
                dev_pairs.push((o, country));
            }
            org_open_weights[ou] |= open;
            for d in a.status.iter().filter_map(|s| s.date) {
                let first = &mut org_first_adoption[ou];
                *first = Some(first.map_or(d, |f| f.min(d)));
            }
        }
        dev_pairs.sort_unstable();
        dev_pairs.dedup();
        let org_dev_countries = Csr::build(n_orgs, &dev_pairs, 0);
        let adoptions_by_org = Csr::build(n_orgs, &a_by_org, 0);
        let adoptions_by_model = Csr::build(n_models, &a_by_model, 0);
        let adoptions_by_family = Csr::build(n_families, &a_by_family, 0);

        // Distinct adopting organizations per model, direct or through the family.
        let mut seen_for = vec![NONE; n_orgs];
        let mut model_adopters = vec![0u32; n_models];
        for (m, count) in model_adopters.iter_mut().enumerate() {
            let direct = adoptions_by_model.get(m);
            let via = adoptions_by_family.get(model_family[m] as usize);
            for &a in direct.iter().chain(via) {
                let o = adoption_org[a as usize];
                if o != NONE && seen_for[o as usize] != m as u32 {
                    seen_for[o as usize] = m as u32;
                    *count += 1;
                }
            }
        }

        // Claims.
        let mut claim_pairs = Vec::with_capacity(ds.claims.len());
        let mut claims_by_country: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut speaker_person = Vec::new();
        let mut speaker_org = Vec::new();
        for (i, c) in ds.claims.iter().enumerate() {
            if let Subject::Country(name) = &c.subject {
                claims_by_country
                    .entry(name.trim().to_owned())
                    .or_default()
                    .push(i as u32);
            } else if let Some(at) = subject_at(&c.subject) {
                claim_pairs.push((at.key(), i as u32));
            }
            match &c.said_by {
                Some(Speaker::Person(p)) => speaker_person.push((person(p), i as u32)),
                Some(Speaker::Organization(o)) => speaker_org.push((org(o), i as u32)),
                None => {}
            }
        }

        // Series.
        let mut series_pairs = Vec::new();
        let mut series_by_country: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, s) in ds.series.iter().enumerate() {
            if let Subject::Country(name) = &s.subject {
                series_by_country
                    .entry(name.trim().to_owned())
                    .or_default()
                    .push(i as u32);
            } else if let Some(at) = subject_at(&s.subject) {
                series_pairs.push((at.key(), i as u32));
            }
        }

        // Conflicts and events.
        let mut conflict_pairs = Vec::new();
        for (i, k) in ds.conflicts.iter().enumerate() {
            for at in k.records.iter().filter_map(resolve) {
                conflict_pairs.push((at.key(), i as u32));
            }
        }
        let mut event_pairs = Vec::new();
        for (i, e) in ds.events.iter().enumerate() {
            for at in e.related.iter().filter_map(resolve) {
                event_pairs.push((at.key(), i as u32));
            }
        }

        let citations = build_citations(ds, &ids[SRC]);

        // Search text.
        let text = [
            org_text(ds, &roles_by_org, &ids[PERSON]),
            model_text(ds, &model_family, &model_dev),
            source_text(ds),
            event_text(ds),
        ];

        // Distinct values for filter menus.
        let distinct_org_countries = countries.clone();
        let distinct_org_kinds = {
            let set: BTreeSet<OrgKind> = ds.organizations.iter().map(|o| o.kind).collect();
            set.into_iter().collect()
        };
        let distinct_dev_countries = {
            let set: BTreeSet<&str> = model_dev_country
                .iter()
                .filter(|&&c| c != NONE)
                .map(|&c| countries[c as usize].as_str())
                .collect();
            set.into_iter().map(str::to_owned).collect()
        };
        let distinct_families = {
            let mut fams: Vec<u32> = (0..n_families as u32).collect();
            let name = |f: u32| ds.families[f as usize].name.as_str();
            fams.sort_by_cached_key(|&f| (normalize_query(name(f)), name(f), f));
            fams
        };
        let distinct_openness = {
            let set: BTreeSet<Openness> = ds.models.iter().filter_map(|m| m.openness).collect();
            set.into_iter().collect()
        };
        let distinct_release_years = {
            let set: BTreeSet<i32> = ds
                .models
                .iter()
                .filter_map(|m| m.release_date.map(|d| d.year))
                .collect();
            set.into_iter().collect()
        };

        Index {
            ids,
            roles_by_org,
            roles_by_person,
            adoptions_by_org,
            adoptions_by_model,
            adoptions_by_family,
            models_by_family,
            adoption_org,
            model_family,
            claims_by_record: Sparse::build(claim_pairs),
            claims_by_country,
            claims_by_person: Csr::build(n_people, &speaker_person, 0),
            claims_by_org_speaker: Csr::build(n_orgs, &speaker_org, 0),
            conflicts_by_record: Sparse::build(conflict_pairs),
            events_by_record: Sparse::build(event_pairs),
            series_by_record: Sparse::build(series_pairs),
            series_by_country,
            citations,
            countries,
            country_ids,
            org_country,
            org_dev_countries,
            org_open_weights,
            org_first_adoption,
            model_adopters,
            model_dev_country,
            text,
            distinct_org_countries,
            distinct_org_kinds,
            distinct_dev_countries,
            distinct_families,
            distinct_openness,
            distinct_release_years,
        }
    }
}

/// Every place that cites a source, per source position, in file order (records, then fields).
fn build_citations(ds: &Dataset, sources: &IdTable) -> Csr<Citation> {
    let mut pairs: Vec<(u32, Citation)> = Vec::new();
    let mut cite = |src: &SourceId, kind: RecordKind, pos: usize, field: CiteField| {
        pairs.push((
            sources.at(src.as_str()),
            Citation {
                record: RecordAt::new(kind, pos),
                field,
            },
        ));
    };
    for (i, s) in ds.sources.iter().enumerate() {
        if let Some(v) = &s.via {
            cite(v, RecordKind::Source, i, CiteField::Via);
        }
    }
    let lists = [
        (
            RecordKind::Organization,
            ds.organizations
                .iter()
                .map(|r| &r.sources[..])
                .collect::<Vec<_>>(),
        ),
        (
            RecordKind::Person,
            ds.people.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Role,
            ds.roles.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Family,
            ds.families.iter().map(|r| &r.sources[..]).collect(),
        ),
        (
            RecordKind::Model,
            ds.models.iter().map(|r| &r.sources[..]).collect(),
        ),
    ];
    for (kind, per_record) in &lists {
        for (i, list) in per_record.iter().enumerate() {
            for s in *list {
                cite(&s.source, *kind, i, CiteField::Sources);
            }
        }
    }
    for (i, m) in ds.models.iter().enumerate() {
        if let Some(OpennessBasis::Source(s)) = &m.openness_basis {
            cite(s, RecordKind::Model, i, CiteField::OpennessBasis);
        }
    }
    for (i, r) in ds.adoptions.iter().enumerate() {
        for s in &r.sources {
            cite(&s.source, RecordKind::Adoption, i, CiteField::Sources);
        }
        for (j, st) in r.status.iter().enumerate() {
            for s in &st.sources {
                cite(
                    &s.source,
                    RecordKind::Adoption,
                    i,
                    CiteField::StatusSources(j as u32),
                );
            }
        }
    }
    for (i, r) in ds.claims.iter().enumerate() {
        if let Some(c) = &r.source {
            cite(&c.source, RecordKind::Claim, i, CiteField::ClaimSource);
        }
    }
    for (i, r) in ds.series.iter().enumerate() {
        for s in &r.sources {
            cite(&s.source, RecordKind::Series, i, CiteField::Sources);
        }
    }
    for (i, r) in ds.events.iter().enumerate() {
        for s in &r.sources {
            cite(&s.source, RecordKind::Event, i, CiteField::Sources);
        }
    }
    let fill = Citation {
        record: RecordAt::new(RecordKind::Source, 0),
        field: CiteField::Sources,
    };
    Csr::build(ds.sources.len(), &pairs, fill)
}
