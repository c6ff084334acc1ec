//! Share by country: per period, each developer country's share of one measure, stacked to
//! 100%. The measure is a choice ([`ShareMeasure`]), never mixed: releases of one population
//! (per quarter, or per month when they span less than a year), or the download or derivative
//! figures of one source at each date it gives them. Counts go in each segment's tooltip and the
//! CSV, and n per period under each bar.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::periods::{Period, ReleaseCounts, period_ticks};
use crate::model::format::format_number;
use crate::model::{ClaimValue, Metric, Qualifier, RecordRef, SourceId, Subject, Unit, When};
use crate::model::{SourceName, source_name};
use crate::plots::builder::{Builder, Frame, country_label, plural, push_distinct};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// What the share-by-country plot shares out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ShareMeasure {
    /// Model releases of one population.
    #[default]
    Releases,
    /// Monthly (30-day) downloads of models, as one source gives them.
    Downloads,
    /// Derivative-model counts of models, as one source gives them.
    Derivatives,
}

impl ShareMeasure {
    /// Every measure, in the order of the plot's picker.
    pub const ALL: [ShareMeasure; 3] = [
        ShareMeasure::Releases,
        ShareMeasure::Downloads,
        ShareMeasure::Derivatives,
    ];

    /// Its name in a picker.
    pub fn label(self) -> &'static str {
        match self {
            ShareMeasure::Releases => "Releases",
            ShareMeasure::Downloads => "Monthly downloads",
            ShareMeasure::Derivatives => "Derivative models",
        }
    }

    /// The claims' metric it reads (none for releases).
    fn metric(self) -> Option<Metric> {
        match self {
            ShareMeasure::Releases => None,
            ShareMeasure::Downloads => Some(Metric::MonthlyDownloads),
            ShareMeasure::Derivatives => Some(Metric::Derivatives),
        }
    }
}

/// One country's part of one period: its amount, the models it counts and their sources.
#[derive(Default)]
struct Part {
    amount: f64,
    models: Vec<usize>,
    sources: Vec<SourceId>,
}

/// Each period's parts, by country key.
type Parts = BTreeMap<Period, BTreeMap<String, Part>>;

/// A unit's names, one and many ("model", "models").
type UnitNames = (&'static str, &'static str);

/// Derives the stacked shares.
pub(super) fn build(b: &mut Builder) -> Frame {
    let measure = b.share_measure;
    let (periods, what, unit) = match measure.metric() {
        None => (release_parts(b), release_subject(b), ("model", "models")),
        Some(metric) => figure_parts(b, &metric, measure),
    };
    let countries: BTreeSet<String> = periods.values().flat_map(|c| c.keys().cloned()).collect();
    for c in &countries {
        b.group(c, &country_label(c));
    }
    let mut totals = Vec::new();
    for (period, parts) in &periods {
        let total: f64 = parts.values().map(|p| p.amount).sum();
        let n_models: usize = parts.values().map(|p| p.models.len()).sum();
        if total.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            continue;
        }
        totals.push((*period, n_models));
        let mut cum = 0.0;
        let count = parts.len();
        for (i, (country, part)) in parts.iter().enumerate() {
            let base = cum / total * 100.0;
            cum += part.amount;
            // The last segment ends at exactly 100%, whatever the rounding.
            let top = if i + 1 == count {
                100.0
            } else {
                cum / total * 100.0
            };
            let share = part.amount / total * 100.0;
            let amount_text = match measure {
                ShareMeasure::Releases => format!(
                    "{} of {}",
                    part.amount as usize,
                    plural(total as usize, unit.0, unit.1)
                ),
                _ => format!(
                    "{} of {} {} ({} of {n_models})",
                    format_number(part.amount),
                    format_number(total),
                    unit.1,
                    plural(part.models.len(), "model", "models"),
                ),
            };
            b.push(Mark {
                kind: MarkKind::StackSegment,
                x: period.centre(),
                y: top,
                y2: Some(base),
                width: period.width(),
                group: country.clone(),
                label: format!(
                    "{}, {}: {share:.1}% ({amount_text})",
                    period.label(),
                    country_label(country)
                ),
                members: part
                    .models
                    .iter()
                    .filter_map(|&m| b.ds.models.get(m))
                    .map(|m| RecordRef::Model(m.id.clone()))
                    .collect(),
                value: Some(share),
                value_text: format!("{share:.1}% ({amount_text})"),
                date_text: period.label(),
                sources: part.sources.clone(),
                ..Mark::default()
            });
        }
    }
    let (ticks, yearly) = period_ticks(&totals);
    let n_where = if yearly {
        "n (models) per year under the axis"
    } else {
        "n (models) under each bar"
    };
    let per = if periods.keys().next().is_some_and(|p| p.monthly) {
        "month"
    } else {
        "quarter"
    };
    let subtitle = match measure {
        ShareMeasure::Releases => format!(
            "Share of releases per {per} by developer country, among {what}; each bar sums to \
             100%; {n_where}"
        ),
        _ => format!(
            "Share of {} by developer country, {what}, at each date given; each bar sums to \
             100%; {n_where}",
            unit.1
        ),
    };
    Frame {
        subtitle,
        x_axis: Axis {
            ticks,
            ..Axis::new(
                if measure == ShareMeasure::Releases {
                    "Period of release"
                } else {
                    "Date of the figures"
                },
                Scale::Time,
            )
        },
        y_axis: Axis {
            ticks: (0..=4)
                .map(|i| (f64::from(i) * 25.0, format!("{}%", i * 25)))
                .collect(),
            ..Axis::new(
                match measure {
                    ShareMeasure::Releases => "Share of releases (%)".to_owned(),
                    _ => format!("Share of {} (%)", unit.1),
                },
                Scale::Linear,
            )
        },
        group_kind: GroupKind::Country,
    }
}

/// The population counted, as the subtitle names it.
fn release_subject(b: &Builder) -> String {
    crate::plots::population::population_of(b.ds, &b.population).phrase
}

/// Releases of the chosen population per period and country.
fn release_parts(b: &mut Builder) -> Parts {
    let counts = ReleaseCounts::count(b, true);
    counts.notes(b);
    counts
        .periods
        .into_iter()
        .map(|(period, by_country)| {
            let parts = by_country
                .into_iter()
                .map(|(c, ms)| {
                    let mut sources = Vec::new();
                    for m in ms.iter().filter_map(|&m| b.ds.models.get(m)) {
                        push_distinct(&mut sources, &crate::model::Citation::ids(&m.sources));
                    }
                    let part = Part {
                        amount: ms.len() as f64,
                        models: ms,
                        sources,
                    };
                    (c, part)
                })
                .collect();
            (period, parts)
        })
        .collect()
}

/// The figures (`metric`, a count, as stated) about the listed models from one source: the
/// source giving the most of them, so that one bar never mixes two sources' populations. Per
/// month of the figures' dates, each model's latest figure. Returns the parts, the subtitle's
/// words for the population, and the unit's names.
fn figure_parts(
    b: &mut Builder,
    metric: &Metric,
    measure: ShareMeasure,
) -> (Parts, String, UnitNames) {
    let unit = match measure {
        ShareMeasure::Derivatives => ("derivative model", "derivative models"),
        _ => ("download", "monthly downloads"),
    };
    // (source, model position, date, value) of every usable figure.
    let mut figures = Vec::new();
    let (mut hedged, mut undated) = (0, 0);
    // A rolling 30-day count ("downloads in the 30 days to 2026-03-01") is a monthly figure too.
    let monthly_period = |c: &crate::model::Claim| {
        c.metric == Metric::PeriodDownloads && matches!(c.when, Some(When::Trailing(28..=31, _)))
    };
    for c in b.ds.claims.iter().filter(|c| {
        &c.metric == metric || (measure == ShareMeasure::Downloads && monthly_period(c))
    }) {
        let Subject::Model(id) = &c.subject else {
            continue;
        };
        let Some(p) = b.ix.model(id).filter(|p| b.model_set.contains(p)) else {
            continue;
        };
        let (ClaimValue::Number(v), Some(src)) = (&c.value, &c.source) else {
            continue;
        };
        if !(v.is_finite() && *v >= 0.0 && matches!(c.unit, Unit::Count | Unit::None)) {
            continue;
        }
        if c.qualifier != Qualifier::Exact {
            hedged += 1;
            continue;
        }
        let Some(d) = c
            .when
            .as_ref()
            .map(|w| w.end())
            .filter(|d| d.is_valid() && d.month.is_some())
        else {
            undated += 1;
            continue;
        };
        figures.push((src.source.clone(), p, d, *v));
    }
    let mut per_source: BTreeMap<&SourceId, usize> = BTreeMap::new();
    for (s, ..) in &figures {
        *per_source.entry(s).or_default() += 1;
    }
    let chosen = per_source
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        .map(|(s, _)| (*s).clone());
    let others = figures.len() - chosen.as_ref().map_or(0, |s| per_source[s]);
    let mut latest: BTreeMap<(Period, usize), (crate::model::PartialDate, f64)> = BTreeMap::new();
    for (s, p, d, v) in &figures {
        if Some(s) != chosen.as_ref() {
            continue;
        }
        let key = (Period::of(d.year, d.month.unwrap_or(1), true), *p);
        let newer = latest.get(&key).is_none_or(|(old, _)| d >= old);
        if newer {
            latest.insert(key, (*d, *v));
        }
    }
    let mut periods: Parts = BTreeMap::new();
    for ((period, p), (_, v)) in latest {
        let part = periods
            .entry(period)
            .or_default()
            .entry(b.model_country(p))
            .or_default();
        part.amount += v;
        part.models.push(p);
        if let Some(s) = &chosen {
            push_distinct(&mut part.sources, std::slice::from_ref(s));
        }
    }
    b.note(hedged, |n| {
        format!(
            "{} given as approximate or as a bound not counted",
            plural(n, "figure", "figures")
        )
    });
    b.note(undated, |n| {
        format!(
            "{} without a date to the month not counted",
            plural(n, "figure", "figures")
        )
    });
    b.note(others, |n| {
        format!(
            "{} from other sources not counted (another population of models)",
            plural(n, "figure", "figures")
        )
    });
    let what = match chosen
        .as_ref()
        .and_then(|id| b.ds.sources.iter().find(|s| &s.id == id))
    {
        Some(s) => format!(
            "among the models {} gives figures for",
            source_name(b.ds, s, SourceName::Title)
        ),
        None => "among the models a source gives figures for (none in this data)".to_owned(),
    };
    (periods, what, unit)
}
