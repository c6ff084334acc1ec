//! Releases per quarter: models of one population released per calendar quarter, stacked by
//! developer country, n per quarter under each bar.

use std::collections::BTreeSet;

use super::periods::{ReleaseCounts, period_ticks};
use crate::model::{Citation, RecordRef};
use crate::plots::builder::{Builder, Frame, country_label, plural, push_distinct};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// Derives the stacked quarterly release counts from the model rows of the chosen population.
pub(super) fn build(b: &mut Builder) -> Frame {
    let counts = ReleaseCounts::count(b, false);
    let ds = b.ds;
    let countries: BTreeSet<String> = counts
        .periods
        .values()
        .flat_map(|c| c.keys().cloned())
        .collect();
    for c in &countries {
        b.group(c, &country_label(c));
    }
    // Each quarter labelled under its bar ("Q1 2024", drawn over two lines) with its n, as
    // the tooltip names it.
    let mut totals = Vec::new();
    for (period, by_country) in &counts.periods {
        let x = period.centre();
        let total: usize = by_country.values().map(Vec::len).sum();
        totals.push((*period, total));
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
                width: period.width(),
                group: country.clone(),
                label: format!(
                    "{}, {}: {} of {total}",
                    period.label(),
                    country_label(country),
                    plural(ms.len(), "model", "models")
                ),
                members,
                value: Some(ms.len() as f64),
                value_text: plural(ms.len(), "model", "models"),
                date_text: period.label(),
                sources,
                ..Mark::default()
            });
            base = top;
        }
    }
    counts.notes(b);
    let (ticks, yearly) = period_ticks(&totals);
    let n_where = if yearly {
        "n per year under the axis"
    } else {
        "n under each bar"
    };
    Frame {
        subtitle: format!(
            "Releases per calendar quarter of {}, stacked by developer country; {n_where}; \
             only releases dated to the month or day are counted",
            counts.population.phrase
        ),
        x_axis: Axis {
            ticks,
            ..Axis::new("Quarter of release", Scale::Time)
        },
        y_axis: Axis::new("Models released (count)", Scale::Linear),
        group_kind: GroupKind::Country,
    }
}
