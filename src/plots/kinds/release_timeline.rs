//! The release timeline: model releases over time, one row per developer country, with
//! adoptions on their own row and dated events as vertical lines.

use std::collections::BTreeSet;

use crate::model::format::params_text;
use crate::model::{Citation, RecordRef};
use crate::plots::builder::{
    Builder, Frame, Place, country_label, place, plural, push_distinct, undated_note,
};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// Marker radius (points) of a model without a parameter count on the release timeline.
pub const DEFAULT_MARKER_RADIUS: f64 = 4.0;

/// Marker radius (points) for a model of `params_b` billion parameters: grows with the
/// logarithm (0.1B -> 3, 1B -> 5, 100B -> 9, 1T -> 11), clamped to 3..=16;
/// [`DEFAULT_MARKER_RADIUS`] when the count is missing or not positive.
pub fn marker_radius(params_b: Option<f64>) -> f64 {
    match params_b {
        Some(b) if b > 0.0 && b.is_finite() => (3.0 + 2.0 * (b / 0.1).log10()).clamp(3.0, 16.0),
        _ => DEFAULT_MARKER_RADIUS,
    }
}

/// Derives the release timeline from the model rows, the adoptions of listed models and the
/// events that concern them (or no model).
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let models = b.models;
    let countries: BTreeSet<String> = models
        .iter()
        .filter(|&&p| ds.models.get(p as usize).is_some())
        .map(|&p| b.model_country(p as usize))
        .collect();
    let mut rows: Vec<String> = countries.iter().map(|c| country_label(c)).collect();
    let adoption_row = rows.len() as f64;
    rows.push("Adoptions".to_owned());
    let row_of = |c: &str| countries.iter().position(|k| k == c).unwrap_or(0) as f64;
    for c in &countries {
        b.group(c, &country_label(c));
    }

    let (mut undated, mut no_size) = (0, 0);
    for &p in models {
        let Some(m) = ds.models.get(p as usize) else {
            continue;
        };
        let Some(placed) = m.release_date.as_ref().and_then(place) else {
            undated += 1;
            continue;
        };
        if m.total_params_b.is_none_or(|v| v <= 0.0 || !v.is_finite()) {
            no_size += 1;
        }
        let country = b.model_country(p as usize);
        let (kind, x, x2) = match placed {
            Place::At(x) => (MarkKind::Point, x, None),
            Place::Year(a, e) => (MarkKind::YearSpan, a, Some(e)),
        };
        b.push(Mark {
            kind,
            x,
            x2,
            y: row_of(&country),
            size: marker_radius(m.total_params_b),
            group: country,
            label: m.name.clone(),
            record: Some(RecordRef::Model(m.id.clone())),
            value: m.total_params_b,
            value_text: m.total_params_b.map_or_else(
                || "parameters not known".to_owned(),
                |v| format!("{} parameters", params_text(v, m.params_qualifier)),
            ),
            date_text: m.release_date.map(|d| d.to_string()).unwrap_or_default(),
            sources: Citation::ids(&m.sources),
            ..Mark::default()
        });
    }

    for a in &ds.adoptions {
        // An adoption whose model or family is not chosen yet concerns no plotted model.
        let Some(target) = &a.target else {
            continue;
        };
        if !b.target_in_models(target) {
            continue;
        }
        if a.status.is_empty() {
            undated += 1;
        }
        let country = b.target_country(target);
        b.group(&country, &country_label(&country));
        let who = format!(
            "{} uses {}",
            b.org_name(&a.organization),
            b.target_name(target)
        );
        for step in &a.status {
            let Some(placed) = step.date.as_ref().and_then(place) else {
                undated += 1;
                continue;
            };
            let (kind, x, x2) = match placed {
                Place::At(x) => (MarkKind::Adoption, x, None),
                Place::Year(s, e) => (MarkKind::YearSpan, s, Some(e)),
            };
            let mut sources = Citation::ids(&a.sources);
            push_distinct(&mut sources, &Citation::ids(&step.sources));
            b.push(Mark {
                kind,
                x,
                x2,
                y: adoption_row,
                group: country.clone(),
                label: format!("{who}: {}", step.status.label()),
                record: Some(RecordRef::Adoption(a.id.clone())),
                value_text: step.status.label().to_owned(),
                date_text: step.date.map(|d| d.to_string()).unwrap_or_default(),
                sources,
                ..Mark::default()
            });
        }
    }

    let mut year_only_events = 0;
    for ev in &ds.events {
        let concerns_models = ev
            .related
            .iter()
            .any(|r| matches!(r, RecordRef::Model(_) | RecordRef::Family(_)));
        let relevant = b.all_models
            || !concerns_models
            || ev.related.iter().any(|r| match r {
                RecordRef::Model(m) => b.ix.model(m).is_some_and(|p| b.model_set.contains(&p)),
                RecordRef::Family(f) => b.ix.family(f).is_some_and(|p| b.family_set.contains(&p)),
                _ => false,
            });
        if !relevant {
            continue;
        }
        match ev.date.as_ref().and_then(place) {
            None => undated += 1,
            Some(Place::Year(..)) => year_only_events += 1,
            Some(Place::At(x)) => {
                b.push(Mark {
                    kind: MarkKind::EventLine,
                    x,
                    label: ev.title.clone(),
                    record: Some(RecordRef::Event(ev.id.clone())),
                    value_text: ev.kind.label().to_owned(),
                    date_text: ev.date.map(|d| d.to_string()).unwrap_or_default(),
                    sources: Citation::ids(&ev.sources),
                    ..Mark::default()
                });
            }
        }
    }

    b.note(undated, undated_note);
    b.note(year_only_events, |n| {
        format!(
            "{} dated only to a year not shown as lines",
            plural(n, "event", "events")
        )
    });
    b.note(no_size, |n| {
        format!(
            "{} without a parameter count drawn at the default size",
            plural(n, "model", "models")
        )
    });
    Frame {
        subtitle: "Model releases by developer country; marker size: total parameters; \
                   adoptions and events marked; a release known only to the year spans that year"
            .to_owned(),
        x_axis: Axis::new("Release date (year)", Scale::Time),
        y_axis: Axis::new("Developer country", Scale::Category(rows)),
        group_kind: GroupKind::Country,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_radius_grows_with_size_and_has_a_default() {
        assert_eq!(marker_radius(None), DEFAULT_MARKER_RADIUS);
        assert_eq!(marker_radius(Some(0.0)), DEFAULT_MARKER_RADIUS);
        assert!((marker_radius(Some(1.0)) - 5.0).abs() < 1e-12);
        assert!(marker_radius(Some(7.0)) < marker_radius(Some(671.0)));
        assert_eq!(marker_radius(Some(1e9)), 16.0);
    }
}
