//! Releases per quarter: models released per calendar quarter, stacked by developer country.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Citation, PartialDate, RecordRef};
use crate::plots::builder::{Builder, Frame, country_label, plural, push_distinct, undated_note};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// Derives the stacked quarterly release counts from the model rows.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let models = b.models;
    let (mut undated, mut year_only) = (0, 0);
    let mut quarters: BTreeMap<(i32, u8), BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for &p in models {
        let Some(m) = ds.models.get(p as usize) else {
            continue;
        };
        let Some(d) = m.release_date.filter(PartialDate::is_valid) else {
            undated += 1;
            continue;
        };
        let Some(month) = d.month else {
            year_only += 1;
            continue;
        };
        let q = (month - 1) / 3 + 1;
        quarters
            .entry((d.year, q))
            .or_default()
            .entry(b.model_country(p as usize))
            .or_default()
            .push(p as usize);
    }
    let countries: BTreeSet<String> = quarters.values().flat_map(|c| c.keys().cloned()).collect();
    for c in &countries {
        b.group(c, &country_label(c));
    }
    // Each quarter labelled under its bar ("Q1 2024", drawn over two lines), as the tooltip
    // names it.
    let mut ticks: Vec<(f64, String)> = Vec::new();
    for ((year, q), by_country) in &quarters {
        let x = f64::from(*year) + f64::from(q - 1) / 4.0 + 0.125;
        ticks.push((x, format!("Q{q} {year}")));
        let mut base = 0usize;
        for (country, ms) in by_country {
            let top = base + ms.len();
            let mut sources = Vec::new();
            let mut members = Vec::new();
            for m in ms.iter().filter_map(|&m| ds.models.get(m)) {
                push_distinct(&mut sources, &Citation::ids(&m.sources));
                members.push(RecordRef::Model(m.id.clone()));
            }
            b.push(Mark {
                kind: MarkKind::StackSegment,
                x,
                y: top as f64,
                y2: Some(base as f64),
                width: 0.2,
                group: country.clone(),
                label: format!(
                    "Q{q} {year}, {}: {}",
                    country_label(country),
                    plural(ms.len(), "model", "models")
                ),
                members,
                value: Some(ms.len() as f64),
                value_text: plural(ms.len(), "model", "models"),
                date_text: format!("Q{q} {year}"),
                sources,
                ..Mark::default()
            });
            base = top;
        }
    }
    b.note(undated, undated_note);
    b.note(year_only, |n| {
        format!(
            "{} with only a release year not counted (no quarter known)",
            plural(n, "model", "models")
        )
    });
    Frame {
        subtitle: "Models released per calendar quarter, stacked by developer country; only \
                   releases dated to the month or day are counted"
            .to_owned(),
        x_axis: Axis {
            ticks,
            ..Axis::new("Quarter of release", Scale::Time)
        },
        y_axis: Axis::new("Models released (count)", Scale::Linear),
        group_kind: GroupKind::Country,
    }
}
