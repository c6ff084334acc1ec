//! The downloads figure's panels: one per measure that has values, each subject a series
//! (values as stated joined in date order), and each panel's own y axis.

use std::collections::BTreeMap;

use super::downloads::{LongSeries, Measure, Value};
use crate::plots::builder::{Builder, count_axis};
use crate::plots::{Axis, MarkKind, Panel, PanelSeries, Scale};

/// One subject's marks in a panel: its name, group key, whether it is emphasised, and each
/// mark's index, right end and whether it is a value as stated dated to the month or day.
struct SubjectMarks {
    name: String,
    key: String,
    story: bool,
    marks: Vec<(usize, f64, bool)>,
}

/// Adds the values' marks and one panel per measure that has any, its series one per subject;
/// returns the measures in panel order, in a word or two.
pub(super) fn add_panels(
    b: &mut Builder,
    values: Vec<Value>,
    runs: Vec<LongSeries>,
) -> Vec<&'static str> {
    let mut by_measure: BTreeMap<Measure, (Vec<Value>, Vec<LongSeries>)> = BTreeMap::new();
    for v in values {
        by_measure.entry(v.measure).or_default().0.push(v);
    }
    for r in runs {
        by_measure.entry(r.measure).or_default().1.push(r);
    }
    let words = by_measure.keys().map(|m| m.short()).collect();
    for (measure, (values, runs)) in by_measure {
        let mut range: Option<(f64, f64)> = None;
        let mut widen = |v: f64| range = Some(range.map_or((v, v), |(a, z)| (a.min(v), z.max(v))));
        let mut run_ids = Vec::new();
        for r in runs {
            b.group(&r.run.template.group, &r.name);
            for p in &r.run.points {
                widen(p.value);
            }
            run_ids.push(b.runs.len());
            b.runs.push(r.run);
        }
        let mut marks = Vec::new();
        // Subjects in order of first value.
        let mut subjects: Vec<SubjectMarks> = Vec::new();
        for v in values {
            if let Some(hi) = v.mark.value {
                widen(v.low.min(hi));
                widen(hi);
            }
            b.group(&v.key, &v.name);
            let exact = v.mark.kind == MarkKind::Point;
            let x = v.mark.x2.unwrap_or(v.mark.x);
            let mut mark = v.mark;
            mark.group.clone_from(&v.key);
            let i = b.push(mark);
            marks.push(i);
            match subjects.iter_mut().find(|s| s.key == v.key) {
                Some(s) => s.marks.push((i, x, exact)),
                None => subjects.push(SubjectMarks {
                    name: v.name,
                    key: v.key,
                    story: v.story,
                    marks: vec![(i, x, exact)],
                }),
            }
        }
        let series = subjects
            .into_iter()
            .map(
                |SubjectMarks {
                     name,
                     key: group,
                     story,
                     marks: ms,
                 }| {
                    // Values as stated at two dates or more are joined in date order, one value a
                    // date (the first; a conflicting second stays a point beside it).
                    let mut line: Vec<(usize, f64)> = Vec::new();
                    for &(i, x, exact) in &ms {
                        if exact && !line.iter().any(|&(_, lx)| (lx - x).abs() < 1e-9) {
                            line.push((i, x));
                        }
                    }
                    line.sort_by(|a, b| a.1.total_cmp(&b.1));
                    PanelSeries {
                        name,
                        group,
                        marks: ms.iter().map(|&(i, ..)| i).collect(),
                        line: if line.len() >= 2 {
                            line.into_iter().map(|(i, _)| i).collect()
                        } else {
                            Vec::new()
                        },
                        emphasised: story,
                    }
                },
            )
            .collect();
        let y_axis = match (measure, range) {
            (m, _) if m.is_count() => count_axis("", range, b.linear),
            (Measure::Rank, Some((_, hi))) => Axis {
                ticks: (1..=hi.clamp(1.0, 50.0).ceil() as u32)
                    .map(|r| (f64::from(r), format!("#{r}")))
                    .collect(),
                ..Axis::new("", Scale::Linear)
            },
            (_, Some((lo, hi))) => Axis {
                ticks: linear_ticks(lo.min(0.0), hi, "%"),
                ..Axis::new("", Scale::Linear)
            },
            (_, None) => Axis::new("", Scale::Linear),
        };
        b.panels.push(Panel {
            title: measure.title(b.linear),
            y_axis,
            marks,
            runs: run_ids,
            series,
        });
    }
    words
}

/// Ticks at round steps (1, 2 or 5 times a power of ten) from `lo` to `hi`, at most four (a
/// panel is short: more would be too close to label), labelled with `suffix` ("20%").
fn linear_ticks(lo: f64, hi: f64, suffix: &str) -> Vec<(f64, String)> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return vec![(
            hi,
            format!("{}{suffix}", crate::model::format::format_number(hi)),
        )];
    }
    let base = 10f64.powf((span / 3.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * base)
        .find(|s| span / s <= 3.0)
        .unwrap_or(10.0 * base);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last)
        .map(|k| {
            let v = k as f64 * step;
            (
                v,
                format!("{}{suffix}", crate::model::format::format_number(v)),
            )
        })
        .collect()
}
