//! Downloads and derivatives as small multiples: one panel per measure (downloads per month or
//! period, cumulative downloads, derivative models, shares, ranks), each with its own axis,
//! sharing the time axis; one series per subject, Qwen and Llama emphasised. Figures about
//! single models are drawn only for a narrowed model list of a few models, and summarised
//! otherwise (rules in `docs/figure-style.md`, "The downloads figure").

use std::collections::BTreeMap;

use super::downloads_panels::add_panels;
use crate::model::format::{claim_text, value_text, when_text};
use crate::model::{Citation, ClaimValue, Metric, PartialDate, RecordRef, Subject, Unit, When};
use crate::plots::builder::{
    Builder, Frame, Place, count_axis, count_coord, missing_note, place, plural, qualified_kind,
    undated_note, unsourced_note, zero_note,
};
use crate::plots::scale::period_bounds;
use crate::plots::{Axis, GroupKind, Mark, MarkKind, PointRun, RUN_MIN, RunPoint, Scale};

/// Families the figure's story is about: drawn emphasised (by family id).
pub const STORY_FAMILIES: [&str; 2] = ["qwen", "llama"];

/// Single models with values drawn at most: beyond, their figures are summarised in a note.
pub const MAX_MODEL_SUBJECTS: usize = 8;

/// One measure: one panel, one axis, one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Measure {
    Monthly,
    Period,
    Cumulative,
    Derivatives,
    DownloadShare,
    DerivativeShare,
    Rank,
}

impl Measure {
    /// The measure of a metric stated in `unit`: `None` when the metric is not a download
    /// metric, `Some(Err(()))` when the unit is not the measure's own (a ratio of downloads).
    fn of(metric: &Metric, unit: &Unit) -> Option<Result<Self, ()>> {
        let count = matches!(unit, Unit::Count | Unit::None);
        let percent = *unit == Unit::Percent;
        let (m, fits) = match metric {
            Metric::MonthlyDownloads => (Measure::Monthly, count),
            Metric::PeriodDownloads => (Measure::Period, count),
            Metric::CumulativeDownloads => (Measure::Cumulative, count),
            Metric::Derivatives => (Measure::Derivatives, count),
            Metric::DownloadShare => (Measure::DownloadShare, percent),
            Metric::DerivativeShare => (Measure::DerivativeShare, percent),
            Metric::DownloadRank => (Measure::Rank, count),
            _ => return None,
        };
        Some(if fits { Ok(m) } else { Err(()) })
    }

    /// Whether values are counts (drawn on a log axis unless linear is asked for).
    pub(super) fn is_count(self) -> bool {
        matches!(
            self,
            Measure::Monthly | Measure::Period | Measure::Cumulative | Measure::Derivatives
        )
    }

    /// The panel's title: the measure in plain words, with its scale or unit.
    pub(super) fn title(self, linear: bool) -> String {
        let scale = if linear { "linear scale" } else { "log scale" };
        match self {
            Measure::Monthly => format!("Downloads per month ({scale})"),
            Measure::Period => format!("Downloads in a stated period ({scale})"),
            Measure::Cumulative => format!("Cumulative downloads ({scale})"),
            Measure::Derivatives => format!("Derivative models built on them ({scale})"),
            Measure::DownloadShare => "Share of downloads (%)".to_owned(),
            Measure::DerivativeShare => "Share of new derivative models (%)".to_owned(),
            Measure::Rank => "Download rank (1 = most downloaded)".to_owned(),
        }
    }

    /// One word or two for it (the plot's axis title lists the panels).
    pub(super) fn short(self) -> &'static str {
        match self {
            Measure::Monthly => "monthly",
            Measure::Period => "period",
            Measure::Cumulative => "cumulative",
            Measure::Derivatives => "derivatives",
            Measure::DownloadShare => "share",
            Measure::DerivativeShare => "derivative share",
            Measure::Rank => "rank",
        }
    }

    /// What the summary note calls it.
    fn words(self) -> &'static str {
        match self {
            Measure::Monthly => "downloads per month",
            Measure::Period => "downloads in a period",
            Measure::Cumulative => "cumulative downloads",
            Measure::Derivatives => "derivative models",
            Measure::DownloadShare => "shares of downloads",
            Measure::DerivativeShare => "shares of derivative models",
            Measure::Rank => "download ranks",
        }
    }
}

/// A value ready to be drawn: its panel, subject and mark.
pub(super) struct Value {
    pub(super) measure: Measure,
    /// The group key: the family id for a family, a tagged id otherwise.
    pub(super) key: String,
    /// The subject's name.
    pub(super) name: String,
    /// Whether the subject is one of [`STORY_FAMILIES`] or a model of one.
    pub(super) story: bool,
    /// Whether the subject is a single model.
    pub(super) model: bool,
    /// The month its date falls in (for the summary of single-model figures).
    pub(super) month: String,
    /// The low end of a range (the value itself otherwise), for the axis range.
    pub(super) low: f64,
    pub(super) mark: Mark,
}

/// A long series kept as a compact run of points (its year-only points are [`Value`]s).
pub(super) struct LongSeries {
    pub(super) measure: Measure,
    /// The subject's name.
    pub(super) name: String,
    /// Whether the subject is a single model.
    pub(super) model: bool,
    pub(super) run: PointRun,
}

/// The group key, name and whether the subject belongs to the story, of a subject.
fn subject_key(b: &Builder, s: &Subject) -> (String, bool) {
    let story_family = |f: &str| STORY_FAMILIES.contains(&f);
    match s {
        Subject::Family(f) => (f.as_str().to_owned(), story_family(f.as_str())),
        Subject::Model(m) => {
            let family =
                b.ix.model(m)
                    .and_then(|p| b.ds.models.get(p))
                    .and_then(|x| x.family.as_ref());
            (
                format!("model:{}", m.as_str()),
                family.is_some_and(|f| story_family(f.as_str())),
            )
        }
        Subject::Organization(o) => (format!("organization:{}", o.as_str()), false),
        Subject::Country(c) => (format!("country:{}", c.trim()), false),
        Subject::Adoption(a) => (format!("adoption:{}", a.as_str()), false),
    }
}

/// Counts of what is left off, for the notes.
#[derive(Default)]
struct LeftOff {
    undated: usize,
    unsourced: usize,
    missing: usize,
    reported: usize,
    words: usize,
    others: Vec<String>,
}

/// "2026-03" (the year alone for a year-only date).
fn month_of(d: &PartialDate) -> String {
    match d.month {
        Some(m) => format!("{:04}-{m:02}", d.year),
        None => format!("{:04}", d.year),
    }
}

/// The drawn y of `v` on the measure's axis; `None` when it cannot be drawn.
fn coord(measure: Measure, v: f64, linear: bool) -> Option<f64> {
    if measure.is_count() {
        count_coord(v, linear)
    } else {
        (v.is_finite() && v >= 0.0).then_some(v)
    }
}

/// Derives the downloads plot from the claims and series that concern the model rows.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let linear = b.linear;
    let mut off = LeftOff::default();
    let mut values: Vec<Value> = Vec::new();
    let mut runs: Vec<LongSeries> = Vec::new();

    for c in &ds.claims {
        let Some(measure) = Measure::of(&c.metric, &c.unit) else {
            continue;
        };
        if !b.subject_in_models(&c.subject) {
            continue;
        }
        let Some(source) = &c.source else {
            off.unsourced += 1;
            continue;
        };
        let Ok(measure) = measure else {
            off.others.push(claim_text(c));
            continue;
        };
        let (lo, hi) = match c.value {
            ClaimValue::Number(v) => (v, v),
            ClaimValue::Range(lo, hi) => (lo, hi),
            ClaimValue::Date(_) | ClaimValue::Text(_) => {
                off.words += 1;
                continue;
            }
        };
        let Some((when, from_source)) = b.claim_date(c) else {
            off.undated += 1;
            continue;
        };
        let (Some(y), Some(ylo)) = (coord(measure, hi, linear), coord(measure, lo, linear)) else {
            off.missing += 1;
            continue;
        };
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
            off.undated += 1;
            continue;
        };
        if from_source {
            off.reported += 1;
        }
        let name = b.subject_name(&c.subject);
        let (key, story) = subject_key(b, &c.subject);
        let end = when.end();
        values.push(Value {
            measure,
            key,
            story,
            model: matches!(c.subject, Subject::Model(_)),
            month: month_of(&end),
            low: lo,
            mark: Mark {
                kind,
                x,
                x2,
                y,
                y2: (lo != hi).then_some(ylo),
                label: format!("{name} — {}", claim_text(c)),
                record: Some(RecordRef::Claim(c.id.clone())),
                value: Some(hi),
                value_text: value_text(&c.value, &c.unit, c.qualifier),
                qualifier: c.qualifier,
                date_text: if from_source {
                    format!("reported {} (source's date)", when.end())
                } else {
                    when_text(&when)
                },
                sources: vec![source.source.clone()],
                ..Mark::default()
            },
            name,
        });
    }

    for s in &ds.series {
        let Some(measure) = Measure::of(&s.metric, &s.unit) else {
            continue;
        };
        if !b.subject_in_models(&s.subject) {
            continue;
        }
        let Ok(measure) = measure else {
            off.others
                .push(format!("{} ({} points)", s.name, s.points.len()));
            continue;
        };
        let name = b.subject_name(&s.subject);
        let (key, story) = subject_key(b, &s.subject);
        // A long series keeps its day- and month-dated points as one compact run.
        let mut run = (s.points.len() >= RUN_MIN).then(|| PointRun {
            template: Mark {
                kind: MarkKind::Point,
                group: key.clone(),
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
            let Some(y) = coord(measure, p.value, linear) else {
                off.missing += 1;
                continue;
            };
            let (kind, x, x2) = match place(&p.date) {
                None => {
                    off.undated += 1;
                    continue;
                }
                Some(Place::At(x)) => (MarkKind::Point, x, None),
                Some(Place::Year(a, e)) => (MarkKind::YearSpan, a, Some(e)),
            };
            if let (Some(r), MarkKind::Point) = (run.as_mut(), kind) {
                r.points.push(RunPoint {
                    x,
                    y,
                    value: p.value,
                    date: p.date,
                });
                continue;
            }
            values.push(Value {
                measure,
                key: key.clone(),
                name: name.clone(),
                story,
                model: matches!(s.subject, Subject::Model(_)),
                month: month_of(&p.date),
                low: p.value,
                mark: Mark {
                    kind,
                    x,
                    x2,
                    y,
                    label: format!(
                        "{}: {}",
                        s.name,
                        crate::model::format::format_number(p.value)
                    ),
                    record: Some(RecordRef::Series(s.id.clone())),
                    value: Some(p.value),
                    value_text: format!(
                        "{}{}",
                        crate::model::format::format_number(p.value),
                        s.unit.suffix()
                    ),
                    date_text: p.date.to_string(),
                    sources: Citation::ids(&s.sources),
                    ..Mark::default()
                },
            });
        }
        if let Some(run) = run.filter(|r| !r.points.is_empty()) {
            runs.push(LongSeries {
                measure,
                name,
                model: matches!(s.subject, Subject::Model(_)),
                run,
            });
        }
    }

    let summary = summarise_models(b, &mut values, &mut runs);
    let measures = add_panels(b, values, runs);

    b.note(off.undated, undated_note);
    b.note(off.unsourced, unsourced_note);
    b.note(off.missing, if linear { missing_note } else { zero_note });
    b.note(off.reported, |n| {
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
    b.note(off.words, |n| {
        format!(
            "{} stated in words, not numbers, not shown",
            plural(n, "figure", "figures")
        )
    });
    if !off.others.is_empty() {
        b.notes.push(format!(
            "{} in other units (ratios...) not shown: {}",
            plural(off.others.len(), "figure", "figures"),
            off.others.join("; ")
        ));
    }
    b.notes.extend(summary);
    // One panel: its axis is the plot's (a plot of one panel may be drawn as one plot, as a
    // dense scatter is). Several: each panel draws its own.
    let y_axis = match b.panels.as_slice() {
        [one] => Axis {
            title: one.title.clone(),
            ..one.y_axis.clone()
        },
        _ => Axis {
            title: Some(format!("Panels: {}", measures.join(", ")))
                .filter(|t| t.chars().count() <= crate::plots::LABEL_CAP)
                .unwrap_or_else(|| "One panel per measure, each its own axis".to_owned()),
            ..count_axis("", None, linear)
        },
    };
    Frame {
        subtitle:
            "Downloads of model weights (mostly on Hugging Face) and derivative models built \
                   on them, per family, organization or country, as the sources below report \
                   them; one panel per measure; Qwen and Llama emphasised; a magenta ring: \
                   sources disagree"
                .to_owned(),
        x_axis: Axis::new("Date (year)", Scale::Time),
        y_axis,
        group_kind: GroupKind::Family,
    }
}

/// Takes the values about single models out of `values` unless the model list is narrowed to
/// at most [`MAX_MODEL_SUBJECTS`] models with values, and returns the notes summarising them
/// ("514 single-model figures of 2026-03 not drawn (downloads in a period)...").
fn summarise_models(
    b: &Builder,
    values: &mut Vec<Value>,
    runs: &mut Vec<LongSeries>,
) -> Vec<String> {
    let mut models: Vec<&str> = values
        .iter()
        .filter(|v| v.model)
        .map(|v| v.key.as_str())
        .chain(
            runs.iter()
                .filter(|r| r.model)
                .map(|r| r.run.template.group.as_str()),
        )
        .collect();
    models.sort_unstable();
    models.dedup();
    if models.is_empty() || (!b.all_models && models.len() <= MAX_MODEL_SUBJECTS) {
        return Vec::new();
    }
    let n_models = models.len();
    // By measure, then month: how many figures.
    let mut counts: BTreeMap<(Measure, String), usize> = BTreeMap::new();
    for v in values.iter().filter(|v| v.model) {
        *counts.entry((v.measure, v.month.clone())).or_default() += 1;
    }
    for r in runs.iter().filter(|r| r.model) {
        for p in &r.run.points {
            *counts.entry((r.measure, month_of(&p.date))).or_default() += 1;
        }
    }
    values.retain(|v| !v.model);
    runs.retain(|r| !r.model);
    let parts: Vec<String> = counts
        .iter()
        .map(|((m, month), n)| {
            format!(
                "{} of {month} ({})",
                plural(*n, "single-model figure", "single-model figures"),
                m.words()
            )
        })
        .collect();
    vec![format!(
        "{} not drawn ({}): narrow the model list to at most {MAX_MODEL_SUBJECTS} models to \
         draw them, or see the claims list",
        parts.join("; "),
        plural(n_models, "model", "models"),
    )]
}
