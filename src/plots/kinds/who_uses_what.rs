//! Who uses what: organizations x model families as a matrix, one cell per adoption (cells
//! of the same organization and family share its width).

use std::collections::{BTreeSet, HashMap};

use crate::model::{AdoptionTarget, Citation, RecordRef, UNSET_TARGET};
use crate::plots::builder::{Builder, Frame, country_label, plural, push_distinct};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// Derives the adoption matrix from the organization rows.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let orgs = b.orgs;
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
    enum Col {
        Family(usize),
        Model(usize),
    }
    let mut rows: Vec<String> = Vec::new();
    let mut entries: Vec<(usize, Col, usize)> = Vec::new();
    let (mut without, mut unresolved, mut untargeted) = (0, 0, 0);
    for &o in orgs {
        let Some(org) = ds.organizations.get(o as usize) else {
            continue;
        };
        let adoptions = b.ix.adoptions_of_org(o as usize);
        if adoptions.is_empty() {
            without += 1;
            continue;
        }
        let row = rows.len();
        rows.push(org.name.clone());
        for &a in adoptions {
            let Some(ad) = ds.adoptions.get(a as usize) else {
                continue;
            };
            let col = match &ad.target {
                None => {
                    untargeted += 1;
                    continue;
                }
                Some(AdoptionTarget::Model(m)) => {
                    b.ix.model(m).map(|p| match b.ix.family_of_model(p) {
                        Some(f) => Col::Family(f),
                        None => Col::Model(p),
                    })
                }
                Some(AdoptionTarget::Family(f)) => b.ix.family(f).map(Col::Family),
            };
            match col {
                Some(c) => entries.push((row, c, a as usize)),
                None => unresolved += 1,
            }
        }
    }
    let col_name = |c: &Col| {
        match c {
            Col::Family(f) => ds.families.get(*f).map(|x| x.name.clone()),
            Col::Model(m) => ds.models.get(*m).map(|x| x.name.clone()),
        }
        .unwrap_or_default()
    };
    let mut cols: Vec<Col> = entries.iter().map(|(_, c, _)| c.clone()).collect();
    cols.sort_by(|a, c| col_name(a).cmp(&col_name(c)).then(a.cmp(c)));
    cols.dedup();
    let col_countries: Vec<String> = cols
        .iter()
        .map(|c| match c {
            Col::Family(f) => b.family_country(*f),
            Col::Model(m) => b.model_country(*m),
        })
        .collect();
    let countries: BTreeSet<String> = col_countries.iter().cloned().collect();
    for c in &countries {
        b.group(c, &country_label(c));
    }

    let mut per_cell: HashMap<(usize, usize), usize> = HashMap::new();
    let placed: Vec<(usize, usize, usize)> = entries
        .iter()
        .filter_map(|(row, c, a)| Some((*row, cols.iter().position(|k| k == c)?, *a)))
        .collect();
    for (row, col, _) in &placed {
        *per_cell.entry((*row, *col)).or_insert(0) += 1;
    }
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for (row, col, a) in placed {
        let Some(ad) = ds.adoptions.get(a) else {
            continue;
        };
        let k = per_cell.get(&(row, col)).copied().unwrap_or(1).max(1);
        let i = seen.entry((row, col)).or_insert(0);
        let width = 1.0 / k as f64;
        let x = col as f64 - 0.5 + (*i as f64 + 0.5) * width;
        *i += 1;
        let uses = if ad.use_cases.is_empty() {
            "use case not stated".to_owned()
        } else {
            ad.use_cases.join(", ")
        };
        let latest = ad.status.last();
        let status = latest.map_or("status not stated", |s| s.status.label());
        let mut sources = Citation::ids(&ad.sources);
        for s in &ad.status {
            push_distinct(&mut sources, &Citation::ids(&s.sources));
        }
        b.push(Mark {
            kind: MarkKind::Cell,
            x,
            y: row as f64,
            width,
            group: col_countries.get(col).cloned().unwrap_or_default(),
            label: format!(
                "{} uses {}",
                b.org_name(&ad.organization),
                ad.target
                    .as_ref()
                    .map_or_else(|| UNSET_TARGET.to_owned(), |t| b.target_name(t))
            ),
            record: Some(RecordRef::Adoption(ad.id.clone())),
            value_text: format!("{uses} · {status}"),
            status: latest.map(|s| s.status),
            date_text: latest
                .and_then(|s| s.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            sources,
            ..Mark::default()
        });
    }
    b.note(without, |n| {
        format!(
            "{} without adoptions not shown",
            plural(n, "organization", "organizations")
        )
    });
    b.note(untargeted, |n| {
        format!(
            "{} with no model or family chosen yet not shown",
            plural(n, "adoption", "adoptions")
        )
    });
    b.note(unresolved, |n| {
        format!(
            "{} of a model or family missing from the dataset not shown",
            plural(n, "adoption", "adoptions")
        )
    });
    let col_names: Vec<String> = cols.iter().map(col_name).collect();
    Frame {
        subtitle: "Each cell is one adoption: use cases and latest status; colour: the \
                   developer country of the model family"
            .to_owned(),
        x_axis: Axis::new(
            "Model family (a model without a family on its own)",
            Scale::Category(col_names),
        ),
        y_axis: Axis::new("Organization", Scale::Category(rows)),
        group_kind: GroupKind::Country,
    }
}
