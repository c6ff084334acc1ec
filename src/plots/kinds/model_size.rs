//! Model size over time: total (and active) parameters against release date, on a log or
//! linear count axis, coloured by developer country or model family.

use std::collections::BTreeMap;

use crate::model::format::params_text;
use crate::model::{Architecture, Citation, RecordRef};
use crate::plots::builder::{
    Builder, Frame, Place, count_axis, count_coord, country_label, missing_note, place, plural,
    undated_note, zero_note,
};
use crate::plots::{Axis, GroupBy, GroupKind, Mark, MarkKind, Scale};

/// Derives the model-size plot from the model rows: one point per total, one per active count
/// of a mixture-of-experts model, linked to its total.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let (models, group_by) = (b.models, b.group_by);
    let (mut undated, mut year_only, mut missing) = (0, 0, 0);
    // Counts the axis cannot place: not a number (NaN, infinite), or so large that the number
    // of parameters overflows.
    let (mut not_finite, mut too_large) = (0, 0);
    let mut range: Option<(f64, f64)> = None;
    let mut widen = |v: f64| {
        range = Some(range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
    };
    // Groups are registered sorted by label for a stable legend.
    let mut groups: BTreeMap<String, String> = BTreeMap::new();
    for &p in models {
        let Some(m) = ds.models.get(p as usize) else {
            continue;
        };
        let Some(total) = m.total_params_b.filter(|v| *v > 0.0 || v.is_nan()) else {
            missing += 1;
            continue;
        };
        let Some(y) = count_coord(total * 1e9, b.linear) else {
            if total.is_finite() {
                too_large += 1;
            } else {
                not_finite += 1;
            }
            continue;
        };
        let x = match m.release_date.as_ref().and_then(place) {
            None => {
                undated += 1;
                continue;
            }
            Some(Place::Year(..)) => {
                year_only += 1;
                continue;
            }
            Some(Place::At(x)) => x,
        };
        let (group, group_label) = match group_by {
            GroupBy::Country => {
                let c = b.model_country(p as usize);
                let l = country_label(&c);
                (c, l)
            }
            GroupBy::Family => match b
                .ix
                .family_of_model(p as usize)
                .and_then(|f| ds.families.get(f))
            {
                Some(f) => (f.id.to_string(), f.name.clone()),
                None => (String::new(), "No family".to_owned()),
            },
        };
        groups.insert(group_label, group.clone());
        let base = Mark {
            x,
            group,
            record: Some(RecordRef::Model(m.id.clone())),
            date_text: m.release_date.map(|d| d.to_string()).unwrap_or_default(),
            sources: Citation::ids(&m.sources),
            ..Mark::default()
        };
        widen(total * 1e9);
        let t = b.push(Mark {
            kind: MarkKind::TotalParams,
            y,
            label: format!("{} (total)", m.name),
            value: Some(total),
            value_text: format!(
                "{} total parameters",
                params_text(total, m.params_qualifier)
            ),
            ..base.clone()
        });
        let moe = m.architecture == Some(Architecture::MixtureOfExperts);
        match m.active_params_b {
            Some(a) if a > 0.0 && a.is_finite() && (moe || a < total) => {
                let Some(y) = count_coord(a * 1e9, b.linear) else {
                    too_large += 1;
                    continue;
                };
                widen(a * 1e9);
                b.push(Mark {
                    kind: MarkKind::ActiveParams,
                    y,
                    label: format!("{} (active)", m.name),
                    value: Some(a),
                    value_text: format!("{} active parameters", params_text(a, m.params_qualifier)),
                    link: Some(t),
                    ..base
                });
            }
            // A dense model whose "active" count is its total: nothing more to draw.
            Some(a) if a > 0.0 && a.is_finite() => {}
            Some(a) if a.is_nan() || a == f64::INFINITY => not_finite += 1,
            Some(_) => missing += 1,
            None => {}
        }
    }
    for (label, key) in &groups {
        b.group(key, label);
    }
    b.note(undated, undated_note);
    b.note(year_only, |n| {
        format!(
            "{} with only a release year not shown (no month to place them)",
            plural(n, "model", "models")
        )
    });
    b.note(missing, if b.linear { missing_note } else { zero_note });
    b.note(not_finite, |n| {
        format!(
            "{} not shown: not a number (NaN or infinite)",
            plural(n, "parameter count", "parameter counts")
        )
    });
    b.note(too_large, |n| {
        format!(
            "{} not shown: too large to place on the axis (more than 10^308 parameters)",
            plural(n, "parameter count", "parameter counts")
        )
    });
    let by = match group_by {
        GroupBy::Country => "developer country",
        GroupBy::Family => "model family",
    };
    Frame {
        subtitle: format!(
            "Total parameters against release date, and active parameters for mixture-of-experts \
             models; colour: {by}"
        ),
        x_axis: Axis::new("Release date (year)", Scale::Time),
        y_axis: count_axis("Parameters ({scale})", range, b.linear),
        group_kind: match group_by {
            GroupBy::Country => GroupKind::Country,
            GroupBy::Family => GroupKind::Family,
        },
    }
}
