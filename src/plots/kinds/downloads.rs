//! Downloads and derivatives: download and derivative-model counts over time by subject, from
//! the dataset's claims and series; long series are kept as compact point runs.

use crate::model::format::{claim_text, format_number, value_text, when_text};
use crate::model::{Citation, ClaimValue, Metric, RecordRef, Unit, When};
use crate::plots::builder::{
    Builder, Frame, Place, count_axis, count_coord, missing_note, place, plural, qualified_kind,
    undated_note, unsourced_note, zero_note,
};
use crate::plots::scale::period_bounds;
use crate::plots::{Axis, GroupKind, Mark, MarkKind, PointRun, RUN_MIN, RunPoint, Scale};

/// Whether a metric belongs on the downloads plot.
fn download_metric(m: &Metric) -> bool {
    matches!(
        m,
        Metric::CumulativeDownloads
            | Metric::MonthlyDownloads
            | Metric::PeriodDownloads
            | Metric::DownloadShare
            | Metric::DownloadRank
            | Metric::Derivatives
            | Metric::DerivativeShare
    )
}
/// Derives the downloads plot from the claims and series that concern the model rows.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let (mut undated, mut missing, mut reported, mut words, mut rank_year) = (0, 0, 0, 0, 0);
    let mut unsourced = 0;
    let mut shares: Vec<String> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    let mut range: Option<(f64, f64)> = None;
    let mut widen = |v: f64| {
        range = Some(range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
    };

    for c in &ds.claims {
        if !download_metric(&c.metric) || !b.subject_in_models(&c.subject) {
            continue;
        }
        let Some(source) = &c.source else {
            unsourced += 1;
            continue;
        };
        let (lo, hi) = match c.value {
            ClaimValue::Number(v) => (v, v),
            ClaimValue::Range(lo, hi) => (lo, hi),
            ClaimValue::Date(_) | ClaimValue::Text(_) => {
                words += 1;
                continue;
            }
        };
        let subject = b.subject_name(&c.subject);
        let group = format!("{subject}: {}", c.metric.label());
        let Some((when, from_source)) = b.claim_date(c) else {
            undated += 1;
            continue;
        };
        let date_text = if from_source {
            format!("reported {} (source's date)", when.end())
        } else {
            when_text(&when)
        };
        let base = Mark {
            label: format!("{subject} — {}", claim_text(c)),
            record: Some(RecordRef::Claim(c.id.clone())),
            value: Some(hi),
            value_text: value_text(&c.value, &c.unit, c.qualifier),
            qualifier: c.qualifier,
            date_text,
            sources: vec![source.source.clone()],
            ..Mark::default()
        };
        if c.metric == Metric::DownloadRank {
            // A rank is not a count: a vertical line at its date, labelled with the rank.
            match (&when, place(&when.end())) {
                (When::On(_) | When::By(_) | When::Trailing(..), Some(Place::At(x))) => {
                    if from_source {
                        reported += 1;
                    }
                    b.group(&group, &group);
                    b.push(Mark {
                        kind: MarkKind::EventLine,
                        x,
                        group: group.clone(),
                        ..base
                    });
                }
                _ => rank_year += 1,
            }
            continue;
        }
        match &c.unit {
            Unit::Count | Unit::None => {}
            Unit::Percent => {
                shares.push(claim_text(c));
                continue;
            }
            _ => {
                others.push(claim_text(c));
                continue;
            }
        }
        let (Some(y), Some(ylo)) = (count_coord(hi, b.linear), count_coord(lo, b.linear)) else {
            missing += 1;
            continue;
        };
        let y2 = (lo != hi).then_some(ylo);
        let placed = match &when {
            When::Between(a, e) => match (period_bounds(a), period_bounds(e)) {
                (Some((s, _)), Some((_, end))) => Some((MarkKind::TimeSpan, s, Some(end))),
                _ => None,
            },
            // A rolling count (the N days up to a date) sits at its end date, like a monthly count.
            When::On(d) | When::By(d) | When::Trailing(_, d) => place(d).and_then(|p| match p {
                Place::At(x) => {
                    qualified_kind(&c.value, c.qualifier, MarkKind::Point).map(|k| (k, x, None))
                }
                Place::Year(s, e) => Some((MarkKind::YearSpan, s, Some(e))),
            }),
        };
        let Some((kind, x, x2)) = placed else {
            undated += 1;
            continue;
        };
        if from_source {
            reported += 1;
        }
        widen(lo);
        widen(hi);
        b.group(&group, &group);
        b.push(Mark {
            kind,
            x,
            x2,
            y,
            y2,
            group,
            ..base
        });
    }

    for s in &ds.series {
        if !download_metric(&s.metric) || !b.subject_in_models(&s.subject) {
            continue;
        }
        match s.unit {
            Unit::Count | Unit::None => {}
            Unit::Percent => {
                shares.push(format!("{} ({} points)", s.name, s.points.len()));
                continue;
            }
            _ => {
                others.push(format!("{} ({} points)", s.name, s.points.len()));
                continue;
            }
        }
        let group = format!("{}: {}", b.subject_name(&s.subject), s.metric.label());
        // A long series keeps its day- and month-dated points as one compact run.
        let mut run = (s.points.len() >= RUN_MIN).then(|| PointRun {
            template: Mark {
                kind: MarkKind::Point,
                group: group.clone(),
                record: Some(RecordRef::Series(s.id.clone())),
                sources: Citation::ids(&s.sources),
                in_conflict: b
                    .conflicts
                    .get(&RecordRef::Series(s.id.clone()))
                    .map(|&c| c.clone()),
                ..Mark::default()
            },
            name: s.name.clone(),
            unit_suffix: s.unit.suffix().to_owned(),
            points: Vec::with_capacity(s.points.len()),
        });
        for p in &s.points {
            let Some(y) = count_coord(p.value, b.linear) else {
                missing += 1;
                continue;
            };
            let (kind, x, x2) = match place(&p.date) {
                None => {
                    undated += 1;
                    continue;
                }
                Some(Place::At(x)) => (MarkKind::Point, x, None),
                Some(Place::Year(a, e)) => (MarkKind::YearSpan, a, Some(e)),
            };
            widen(p.value);
            b.group(&group, &group);
            if let (Some(r), MarkKind::Point) = (run.as_mut(), kind) {
                r.points.push(RunPoint {
                    x,
                    y,
                    value: p.value,
                    date: p.date,
                });
                continue;
            }
            b.push(Mark {
                kind,
                x,
                x2,
                y,
                group: group.clone(),
                label: format!("{}: {}", s.name, format_number(p.value)),
                record: Some(RecordRef::Series(s.id.clone())),
                value: Some(p.value),
                value_text: format!("{}{}", format_number(p.value), s.unit.suffix()),
                date_text: p.date.to_string(),
                sources: Citation::ids(&s.sources),
                ..Mark::default()
            });
        }
        if let Some(r) = run.filter(|r| !r.points.is_empty()) {
            b.runs.push(r);
        }
    }

    b.note(undated, undated_note);
    b.note(unsourced, unsourced_note);
    b.note(missing, if b.linear { missing_note } else { zero_note });
    b.note(reported, |n| {
        if n == 1 {
            "1 value without a date of its own placed at its source's publication date \
             (\"reported\")"
                .to_owned()
        } else {
            format!(
                "{n} values without a date of their own placed at their source's publication \
                 date (\"reported\")"
            )
        }
    });
    b.note(rank_year, |n| {
        format!(
            "{} dated only to a year or a period not shown as lines",
            plural(n, "download-rank claim", "download-rank claims")
        )
    });
    b.note(words, |n| {
        format!(
            "{} stated in words, not numbers, not shown",
            plural(n, "figure", "figures")
        )
    });
    if !shares.is_empty() {
        b.notes.push(format!(
            "{} not shown on this count axis: {}",
            plural(shares.len(), "share (percent)", "shares (percent)"),
            shares.join("; ")
        ));
    }
    if !others.is_empty() {
        b.notes.push(format!(
            "{} in other units (ratios...) not shown: {}",
            plural(others.len(), "figure", "figures"),
            others.join("; ")
        ));
    }
    Frame {
        subtitle: "Download and derivative-model counts by subject, from the dataset's claims and \
                   series; figures in a recorded conflict are flagged; download-rank claims are \
                   vertical lines"
            .to_owned(),
        x_axis: Axis::new("Date (year)", Scale::Time),
        y_axis: count_axis("Count ({scale})", range, b.linear),
        group_kind: GroupKind::Series,
    }
}
