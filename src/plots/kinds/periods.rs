//! Model releases counted per calendar period (quarter or month) and developer country, within
//! one population: what releases-per-quarter stacks and share-by-country shares out.

use std::collections::BTreeMap;

use crate::model::PartialDate;
use crate::plots::builder::{Builder, plural};
use crate::plots::population::{Population, population_of};

/// A calendar quarter or month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Period {
    /// The year.
    pub(super) year: i32,
    /// The quarter (1-4) or month (1-12).
    pub(super) index: u8,
    /// Whether `index` is a month.
    pub(super) monthly: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Period {
    /// The period holding `month` (1-12) of `year`.
    pub(super) fn of(year: i32, month: u8, monthly: bool) -> Self {
        let index = if monthly { month } else { (month - 1) / 3 + 1 };
        Self {
            year,
            index,
            monthly,
        }
    }

    /// "Q1 2024" or "Jan 2024".
    pub(super) fn label(self) -> String {
        if self.monthly {
            let m = MONTHS[usize::from(self.index.clamp(1, 12) - 1)];
            format!("{m} {}", self.year)
        } else {
            format!("Q{} {}", self.index, self.year)
        }
    }

    /// The centre of the period in fractional years.
    pub(super) fn centre(self) -> f64 {
        let n = if self.monthly { 12.0 } else { 4.0 };
        f64::from(self.year) + (f64::from(self.index) - 0.5) / n
    }

    /// Bar width: 80% of the period.
    pub(super) fn width(self) -> f64 {
        if self.monthly { 0.8 / 12.0 } else { 0.2 }
    }
}

/// More periods than this between the first and the last, and the axis is labelled per year
/// (a label per quarter would be wider than its bar, and egui_plot would draw none).
const MAX_LABELLED_PERIODS: i64 = 16;

/// The x axis's labels for `counts` (period and n): each period with its n ("Q1 2024 n=12"),
/// or, over a long span, each year with the n of its periods ("2024 n=173"). Returns the ticks
/// and whether they are per year.
pub(super) fn period_ticks(counts: &[(Period, usize)]) -> (Vec<(f64, String)>, bool) {
    let index = |p: &Period| {
        let per_year = if p.monthly { 12 } else { 4 };
        i64::from(p.year) * per_year + i64::from(p.index)
    };
    let span = match (counts.first(), counts.last()) {
        (Some((a, _)), Some((b, _))) => index(b) - index(a),
        _ => 0,
    };
    if span <= MAX_LABELLED_PERIODS {
        let ticks = counts
            .iter()
            .map(|(p, n)| (p.centre(), format!("{} n={n}", p.label())))
            .collect();
        return (ticks, false);
    }
    let mut years: std::collections::BTreeMap<i32, usize> = Default::default();
    for (p, n) in counts {
        *years.entry(p.year).or_default() += n;
    }
    let ticks = years
        .into_iter()
        .map(|(y, n)| (f64::from(y) + 0.5, format!("{y} n={n}")))
        .collect();
    (ticks, true)
}

/// Releases of one population per period and developer country.
pub(super) struct ReleaseCounts {
    /// The population counted.
    pub(super) population: Population,
    /// Model positions per period and country key (`""`: unknown).
    pub(super) periods: BTreeMap<Period, BTreeMap<String, Vec<usize>>>,
    /// Models of the population without a valid release date.
    pub(super) undated: usize,
    /// Models of the population dated to the year only.
    pub(super) year_only: usize,
    /// Listed models outside the population (not counted).
    pub(super) outside: usize,
}

impl ReleaseCounts {
    /// Counts the builder's model rows of the chosen population per quarter, or per month when
    /// `months_if_short` and the dated releases span less than a year.
    pub(super) fn count(b: &Builder, months_if_short: bool) -> Self {
        let population = population_of(b.ds, &b.population);
        let (mut undated, mut year_only, mut outside) = (0, 0, 0);
        let mut dated: Vec<(usize, PartialDate, u8)> = Vec::new();
        for &p in b.models {
            let p = p as usize;
            let Some(m) = b.ds.models.get(p) else {
                continue;
            };
            if !population.contains(p) {
                outside += 1;
                continue;
            }
            let Some(d) = m.release_date.filter(PartialDate::is_valid) else {
                undated += 1;
                continue;
            };
            let Some(month) = d.month else {
                year_only += 1;
                continue;
            };
            dated.push((p, d, month));
        }
        let month_no = |d: &PartialDate, m: u8| i64::from(d.year) * 12 + i64::from(m);
        let span = dated.iter().map(|(_, d, m)| month_no(d, *m)).fold(
            None,
            |acc: Option<(i64, i64)>, v| {
                Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
            },
        );
        let monthly = months_if_short && span.is_some_and(|(lo, hi)| hi - lo < 12);
        let mut periods: BTreeMap<Period, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (p, d, month) in dated {
            periods
                .entry(Period::of(d.year, month, monthly))
                .or_default()
                .entry(b.model_country(p))
                .or_default()
                .push(p);
        }
        Self {
            population,
            periods,
            undated,
            year_only,
            outside,
        }
    }

    /// The notes for what was not counted.
    pub(super) fn notes(&self, b: &mut Builder) {
        b.note(self.undated, |n| {
            format!(
                "{} without a release date not counted",
                plural(n, "model", "models")
            )
        });
        b.note(self.year_only, |n| {
            format!(
                "{} with only a release year not counted (no quarter known)",
                plural(n, "model", "models")
            )
        });
        b.note(self.outside, |n| {
            format!(
                "{} outside this population not counted (another source's models)",
                plural(n, "listed model", "listed models")
            )
        });
    }
}
