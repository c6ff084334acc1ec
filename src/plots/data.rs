//! Plot-data derivation: turns the dataset, narrowed by the list panel's rows, into the marks,
//! axes, legend, notes and footer of one plot. Pure: no egui, no I/O.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::scale::{log_ticks, period_bounds};
use crate::app::explorer::{Index, ListTab};
use crate::model::format::{claim_text, format_number, format_params_b, value_text, when_text};
use crate::model::{
    AdoptionTarget, Architecture, Claim, ClaimValue, ConflictId, Dataset, FamilyId, Metric,
    ModelId, OrgId, PartialDate, Precision, Qualifier, RecordRef, SourceId, Subject, Unit, When,
};

// ---------------------------------------------------------------------------------------------
// Plot kinds
// ---------------------------------------------------------------------------------------------

/// Which plot to derive; each has a one-word command-line name.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum PlotKind {
    /// Model releases over time by developer country, with adoptions and events marked.
    #[default]
    ReleaseTimeline,
    /// Total (and active) parameters against release date, log scale.
    ModelSize,
    /// Organizations x model families as a matrix of adoptions.
    WhoUsesWhat,
    /// Claimed gains (accuracy, cost, speed) per adoption, qualifiers drawn honestly.
    Outcomes,
    /// Download and derivative figures over time, by subject (Qwen vs Llama...).
    Downloads,
    /// Releases per quarter, stacked by developer country.
    ReleasesPerQuarter,
}

impl PlotKind {
    /// Every plot, in the order of the plot selector.
    pub const ALL: [PlotKind; 6] = [
        PlotKind::ReleaseTimeline,
        PlotKind::ModelSize,
        PlotKind::WhoUsesWhat,
        PlotKind::Outcomes,
        PlotKind::Downloads,
        PlotKind::ReleasesPerQuarter,
    ];

    /// The one-word command-line name (`release-timeline`, `model-size`, ...).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The plot named `name` (surrounding space and case ignored), if any.
    pub fn from_name(name: &str) -> Option<PlotKind> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// The plot's title.
    pub fn title(self) -> &'static str {
        self.spec().title
    }

    /// The list whose search and filter narrow this plot (organizations for the adoption plots,
    /// models for the model plots); its `ListQuery::describe` gives the footer's filters.
    pub fn list_tab(self) -> ListTab {
        self.spec().list_tab
    }

    /// Everything that defines this plot, in the one table of plots.
    fn spec(self) -> KindSpec {
        match self {
            PlotKind::ReleaseTimeline => KindSpec {
                name: "release-timeline",
                title: "Release timeline",
                list_tab: ListTab::Models,
                build: release_timeline,
            },
            PlotKind::ModelSize => KindSpec {
                name: "model-size",
                title: "Model size over time",
                list_tab: ListTab::Models,
                build: model_size,
            },
            PlotKind::WhoUsesWhat => KindSpec {
                name: "who-uses-what",
                title: "Who uses what",
                list_tab: ListTab::Organizations,
                build: who_uses_what,
            },
            PlotKind::Outcomes => KindSpec {
                name: "outcomes",
                title: "Reported outcomes",
                list_tab: ListTab::Organizations,
                build: outcomes,
            },
            PlotKind::Downloads => KindSpec {
                name: "downloads",
                title: "Downloads and derivatives",
                list_tab: ListTab::Models,
                build: downloads,
            },
            PlotKind::ReleasesPerQuarter => KindSpec {
                name: "releases-per-quarter",
                title: "Releases per quarter",
                list_tab: ListTab::Models,
                build: releases_per_quarter,
            },
        }
    }
}

/// One plot kind's entry in the table of plots: its command-line name, title, the list that
/// narrows it, and the function deriving its marks.
struct KindSpec {
    /// The one-word command-line name.
    name: &'static str,
    /// The plot's title.
    title: &'static str,
    /// The list whose rows narrow the plot.
    list_tab: ListTab,
    /// Adds the plot's marks, groups and notes to the builder and says its axes.
    build: fn(&mut Builder<'_>) -> Frame,
}

// ---------------------------------------------------------------------------------------------
// Output types
// ---------------------------------------------------------------------------------------------

/// How an axis maps values.
#[derive(Clone, Debug, PartialEq)]
pub enum Scale {
    /// Plain numbers.
    Linear,
    /// Base-10 logarithm: mark coordinates on this axis are already `log10(value)` (egui_plot
    /// has no log axis), and [`Axis::ticks`] label the powers of ten.
    Log10,
    /// Time as fractional years (2025.5 is mid-2025).
    Time,
    /// Named categories at 0, 1, 2, ...
    Category(Vec<String>),
}

/// One axis of a plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// Axis title, with its unit.
    pub title: String,
    /// How values map onto it.
    pub scale: Scale,
    /// Tick positions (in drawn coordinates) and labels; empty when the drawing's default
    /// ticks do (linear and time axes).
    pub ticks: Vec<(f64, String)>,
}

impl Axis {
    fn new(title: impl Into<String>, scale: Scale) -> Self {
        let ticks = match &scale {
            Scale::Category(names) => names
                .iter()
                .enumerate()
                .map(|(i, n)| (i as f64, n.clone()))
                .collect(),
            _ => Vec::new(),
        };
        Self {
            title: title.into(),
            scale,
            ticks,
        }
    }
}

/// What the group keys of a plot's marks name, so the drawing can pick colours
/// (`ui::palette::country_color` for countries, `family_color` for family ids, the legend's
/// order otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// Group keys are country names (`""` for unknown).
    Country,
    /// Group keys are family ids (`""` for models without a family).
    Family,
    /// Group keys are metric labels.
    Metric,
    /// Group keys name a subject and a metric ("Qwen: Cumulative downloads").
    Series,
}

/// How the model-size plot groups (colours) its points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupBy {
    /// By the developer's country.
    #[default]
    Country,
    /// By model family.
    Family,
}

/// Options of a derivation beyond the plot kind and the rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeriveOptions {
    /// Grouping of the model-size plot (other plots have a fixed grouping).
    pub group_by: GroupBy,
    /// Draw the count axes of the model-size and downloads plots on a linear scale instead of
    /// the default log scale (zero values then show; negative or missing ones still do not).
    pub linear: bool,
}

/// The drawn y coordinate of a count `v`: `log10(v)` on a log axis (only for `v > 0`), `v`
/// itself on a linear one (for `v >= 0`); `None` when the value cannot be drawn.
pub fn count_coord(v: f64, linear: bool) -> Option<f64> {
    if !v.is_finite() {
        return None;
    }
    if linear {
        (v >= 0.0).then_some(v)
    } else {
        (v > 0.0).then(|| v.log10())
    }
}

/// The y axis of a count plot: log10 with power-of-ten ticks over `range`, or linear; `{scale}`
/// in `what` becomes "log scale" or "linear scale".
fn count_axis(what: &str, range: Option<(f64, f64)>, linear: bool) -> Axis {
    if linear {
        Axis {
            title: what.replace("{scale}", "linear scale"),
            scale: Scale::Linear,
            ticks: Vec::new(),
        }
    } else {
        Axis {
            title: what.replace("{scale}", "log scale"),
            scale: Scale::Log10,
            ticks: range.map_or_else(Vec::new, |(lo, hi)| log_ticks(lo, hi)),
        }
    }
}

/// What one mark is, which decides how it is drawn and picked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// A filled marker at (x, y): a value as stated, dated to the month or day.
    #[default]
    Point,
    /// A year-only date drawn as a span over that year: x..x2 (x2 = x + 1) at y.
    YearSpan,
    /// A value that holds over a stated period: x..x2 at y.
    TimeSpan,
    /// One dated step of an adoption (release timeline).
    Adoption,
    /// A dated event or dated rank claim: a vertical line at x (y is unused).
    EventLine,
    /// Total parameters of a model (model-size plot).
    TotalParams,
    /// Parameters active per token of a mixture-of-experts model; [`Mark::link`] points at
    /// the model's total.
    ActiveParams,
    /// A matrix cell centred at (x, y): `width` wide, one row high.
    Cell,
    /// A bar from y2 (the base) to y: a value as stated.
    Bar,
    /// "Up to y": an open-ended bar from the base to y (a marker with a downward whisker on a
    /// scatter), labelled "up to"; the value may be anywhere below y.
    UpTo,
    /// "At least y" or "more than y": an open-ended bar from the base to y with an arrow
    /// upwards (a marker with an upward arrow on a scatter), labelled with the qualifier.
    AtLeast,
    /// "About y": a hollow marker at y.
    Hollow,
    /// A stated range: from y2 (low) to y (high).
    Range,
    /// One segment of a stacked bar, from y2 (its base) to y; `members` are what it counts.
    StackSegment,
}

impl MarkKind {
    /// Name in the CSV export ("point", "year-span", ...).
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Point => "point",
            MarkKind::YearSpan => "year-span",
            MarkKind::TimeSpan => "time-span",
            MarkKind::Adoption => "adoption",
            MarkKind::EventLine => "event-line",
            MarkKind::TotalParams => "total-params",
            MarkKind::ActiveParams => "active-params",
            MarkKind::Cell => "cell",
            MarkKind::Bar => "bar",
            MarkKind::UpTo => "up-to",
            MarkKind::AtLeast => "at-least",
            MarkKind::Hollow => "hollow",
            MarkKind::Range => "range",
            MarkKind::StackSegment => "stack-segment",
        }
    }

    /// What the style means, for the legend.
    pub fn explanation(self) -> &'static str {
        match self {
            MarkKind::Point => "Filled marker: a value as stated, dated to the month or day",
            MarkKind::YearSpan => "Span over a year: only the year is known",
            MarkKind::TimeSpan => "Span: a value stated for a period",
            MarkKind::Adoption => "Adoption step: an organization's status, dated",
            MarkKind::EventLine => "Vertical line: a dated event or milestone",
            MarkKind::TotalParams => "Filled marker: total parameters",
            MarkKind::ActiveParams => {
                "Hollow marker linked to its total: parameters active per token (mixture of experts)"
            }
            MarkKind::Cell => "Cell: an adoption, with its use cases and latest status",
            MarkKind::Bar => "Solid bar: a value as stated",
            MarkKind::UpTo => {
                "Open-ended bar labelled \"up to\" (on a time axis: marker with a downward \
                 arrow): a maximum; typical values may be lower"
            }
            MarkKind::AtLeast => {
                "Open-ended bar (on a time axis: marker with an upward arrow): \"at least\" / \
                 \"more than\" a value"
            }
            MarkKind::Hollow => "Hollow marker, \"about\": an approximate value",
            MarkKind::Range => "Range: from the low to the high value stated",
            MarkKind::StackSegment => "Segment: models released in the quarter, by country",
        }
    }

    /// Whether the mark is a vertical line spanning the whole plot (its y is unused).
    pub fn is_vertical_line(self) -> bool {
        self == MarkKind::EventLine
    }

    /// Whether the mark is drawn as a bar centred at x, `width` wide, from y2 to y.
    pub fn is_bar(self) -> bool {
        matches!(
            self,
            MarkKind::Bar
                | MarkKind::UpTo
                | MarkKind::AtLeast
                | MarkKind::Range
                | MarkKind::StackSegment
        )
    }
}

/// One drawn thing: a point, span, bar, range, hollow marker, open-ended bar, matrix cell or
/// event line, with what it shows and where it comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mark {
    /// What it is and how it is drawn.
    pub kind: MarkKind,
    /// Anchor x, in drawn coordinates (fractional years on a time axis, index on a category
    /// axis); the start of a span.
    pub x: f64,
    /// Anchor y, in drawn coordinates (`log10(value)` on a log axis): the stated (upper) value
    /// of a bar or range; unused by vertical lines.
    pub y: f64,
    /// End of a span on the x axis.
    pub x2: Option<f64>,
    /// Other end on the y axis: a bar's base, a range's low value.
    pub y2: Option<f64>,
    /// Width in x units of bars and cells (centred at x); 0 for other marks.
    pub width: f64,
    /// Marker radius in points (release timeline: from total parameters); 0 for the default.
    pub size: f64,
    /// Group key for colour and legend: a country, a family id, a metric or a series name.
    pub group: String,
    /// What the mark is, in words (model name, claim text with its baseline...).
    pub label: String,
    /// The record a click selects; `None` for aggregates (stacked segments).
    pub record: Option<RecordRef>,
    /// The records an aggregate counts (the models of a stacked segment).
    pub members: Vec<RecordRef>,
    /// The value in its own unit (parameters in billions, counts, percent), not transformed.
    pub value: Option<f64>,
    /// The value as a reader says it, with unit and qualifier ("up to 90%", "671B total").
    pub value_text: String,
    /// The date as the source gives it ("2025-01", "2024-08 to 2025-08"), empty when none.
    pub date_text: String,
    /// How exact the value is.
    pub qualifier: Qualifier,
    /// Sources supporting the mark, distinct, in order.
    pub sources: Vec<SourceId>,
    /// A conflict the mark's record takes part in, so the drawing can flag it.
    pub in_conflict: Option<ConflictId>,
    /// Index of a related mark: an active-parameter point's total-parameter point.
    pub link: Option<usize>,
}

/// From this many points on, a series' points are kept as a [`PointRun`] rather than one
/// [`Mark`] each.
pub const RUN_MIN: usize = 1_000;

/// One point of a [`PointRun`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunPoint {
    /// x as drawn.
    pub x: f64,
    /// y as drawn.
    pub y: f64,
    /// The value in its own unit.
    pub value: f64,
    /// The date as the source gives it.
    pub date: PartialDate,
}

/// The points of one long series, kept compactly: a plot of a million points would otherwise
/// hold a million [`Mark`]s. Each point stands for the mark [`PointRun::mark`] makes; they count
/// as marks everywhere (the CSV has a row for each).
#[derive(Clone, Debug, PartialEq)]
pub struct PointRun {
    /// What every point shares: kind, group, record, sources, conflict. Its coordinates, value
    /// and texts are unused.
    pub template: Mark,
    /// The series' name, for each point's label.
    pub name: String,
    /// The unit's suffix, for each point's value text.
    pub unit_suffix: String,
    /// The points.
    pub points: Vec<RunPoint>,
}

impl PointRun {
    /// The mark point `j` stands for.
    pub fn mark(&self, j: usize) -> Option<Mark> {
        let p = self.points.get(j)?;
        Some(Mark {
            x: p.x,
            y: p.y,
            value: Some(p.value),
            label: format!("{}: {}", self.name, format_number(p.value)),
            value_text: format!("{}{}", format_number(p.value), self.unit_suffix),
            date_text: p.date.to_string(),
            ..self.template.clone()
        })
    }
}

/// One legend line: either a group's colour or a mark style's meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The group key for a colour entry; `None` for a style entry.
    pub group: Option<String>,
    /// Text of the entry.
    pub label: String,
    /// The mark style shown next to it.
    pub mark: MarkKind,
    /// Number of marks it stands for.
    pub count: usize,
}

/// The footer every plot carries: sources, filters, dataset and credits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footer {
    /// Distinct sources of the marks, in order of first use.
    pub sources: Vec<SourceId>,
    /// A human label per source, parallel to `sources` ("id: title, publisher, locator").
    pub source_labels: Vec<String>,
    /// A short name per source for the figure's footer, parallel to `sources`: its title
    /// (with the publisher), else its publisher and locator, else its id. Empty when not given
    /// (the footer then uses `source_labels`).
    pub source_names: Vec<String>,
    /// The filters in force (from `ListQuery::describe`), empty when none.
    pub filters: Vec<String>,
    /// The dataset's title and date.
    pub dataset: String,
    /// Data credits for the data shown (for example Epoch AI, CC BY 4.0).
    pub credits: Vec<String>,
}

impl Footer {
    /// The footer as text lines: "Source: ...", "Filters: ...", "Dataset: ...", and
    /// "Data credits: ..." when any apply.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.sources.is_empty() {
            out.push("Source: none (no values shown)".to_owned());
        } else {
            // Short names when the derivation gave them (it always does), else the long labels,
            // else the bare ids.
            let names: Vec<&str> = if self.source_names.len() == self.sources.len() {
                self.source_names.iter().map(String::as_str).collect()
            } else if self.source_labels.len() == self.sources.len() {
                self.source_labels.iter().map(String::as_str).collect()
            } else {
                self.sources.iter().map(SourceId::as_str).collect()
            };
            out.push(format!("Source: {}", names.join("; ")));
        }
        if self.filters.is_empty() {
            out.push("Filters: none".to_owned());
        } else {
            out.push(format!("Filters: {}", self.filters.join("; ")));
        }
        out.push(format!("Dataset: {}", self.dataset));
        if !self.credits.is_empty() {
            out.push(format!("Data credits: {}", self.credits.join("; ")));
        }
        out
    }
}

/// Everything needed to draw one plot and export its values.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotData {
    /// Which plot.
    pub kind: PlotKind,
    /// Title.
    pub title: String,
    /// Subtitle: what is shown and how it is encoded.
    pub subtitle: String,
    /// Horizontal axis.
    pub x_axis: Axis,
    /// Vertical axis.
    pub y_axis: Axis,
    /// What the marks' group keys name.
    pub group_kind: GroupKind,
    /// Legend: group colours first, then the mark styles used.
    pub legend: Vec<LegendEntry>,
    /// The marks, in drawing order; the CSV has one row per mark.
    pub marks: Vec<Mark>,
    /// Long series' points, after the marks in the numbering of marks (see
    /// [`PlotData::mark_count`]).
    pub runs: Vec<PointRun>,
    /// Notes under the plot: what is not shown and why, flagged conflicts.
    pub notes: Vec<String>,
    /// Sources, filters, dataset, credits.
    pub footer: Footer,
}

impl PlotData {
    /// Number of marks, the points of runs included: mark `i` is `marks[i]` below
    /// `marks.len()`, then the runs' points in order.
    pub fn mark_count(&self) -> usize {
        self.marks.len() + self.runs.iter().map(|r| r.points.len()).sum::<usize>()
    }

    /// Mark `i` (see [`PlotData::mark_count`]); a run's point is made into a mark on demand.
    pub fn mark(&self, i: usize) -> Option<std::borrow::Cow<'_, Mark>> {
        if let Some(m) = self.marks.get(i) {
            return Some(std::borrow::Cow::Borrowed(m));
        }
        let mut j = i - self.marks.len();
        for r in &self.runs {
            if j < r.points.len() {
                return r.mark(j).map(std::borrow::Cow::Owned);
            }
            j -= r.points.len();
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Public helpers
// ---------------------------------------------------------------------------------------------

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

/// The mark style of a claimed outcome: exact -> bar, "up to" -> open-ended bar, "about" ->
/// hollow marker, "at least"/"more than" -> open-ended bar upwards, a range -> range (whatever
/// its qualifier, which stays in the value text). `None` for values that are not numbers.
pub fn outcome_mark_kind(value: &ClaimValue, qualifier: Qualifier) -> Option<MarkKind> {
    qualified_kind(value, qualifier, MarkKind::Bar)
}

/// As [`outcome_mark_kind`], with `exact` for unhedged numbers (a bar or a point).
fn qualified_kind(value: &ClaimValue, qualifier: Qualifier, exact: MarkKind) -> Option<MarkKind> {
    match value {
        ClaimValue::Range(..) => Some(MarkKind::Range),
        ClaimValue::Number(_) => Some(match qualifier {
            Qualifier::Exact => exact,
            Qualifier::About => MarkKind::Hollow,
            Qualifier::UpTo => MarkKind::UpTo,
            Qualifier::AtLeast | Qualifier::MoreThan => MarkKind::AtLeast,
        }),
        ClaimValue::Date(_) | ClaimValue::Text(_) => None,
    }
}

/// [`derive_with`] with default options.
pub fn derive(
    kind: PlotKind,
    ds: &Dataset,
    ix: &Index,
    orgs: &[u32],
    models: &[u32],
    filters: Vec<String>,
) -> PlotData {
    derive_with(
        kind,
        ds,
        ix,
        orgs,
        models,
        filters,
        &DeriveOptions::default(),
    )
}

/// Derives plot `kind` from `ds` (indexed by `ix`), narrowed to the organization positions
/// `orgs` (adoption plots) or model positions `models` (model plots), as given by
/// `Explorer::rows` for the list's current search and filters. `filters` are the phrases of
/// the filters in force, shown in the footer.
///
/// Records that are not models themselves (adoptions and events on the timeline, claims and
/// series on the downloads plot) follow the model rows: they are kept when they concern a
/// listed model, its family, developer or developer's country, or concern no model at all
/// (events). When every model is listed, all of them are kept.
pub fn derive_with(
    kind: PlotKind,
    ds: &Dataset,
    ix: &Index,
    orgs: &[u32],
    models: &[u32],
    filters: Vec<String>,
    options: &DeriveOptions,
) -> PlotData {
    let mut b = Builder::new(ds, ix, orgs, models, options);
    let frame = (kind.spec().build)(&mut b);
    b.finish(kind, frame, filters)
}

// ---------------------------------------------------------------------------------------------
// The builder shared by the plots
// ---------------------------------------------------------------------------------------------

/// What a plot function decides beyond its marks.
struct Frame {
    subtitle: String,
    x_axis: Axis,
    y_axis: Axis,
    group_kind: GroupKind,
}

/// Where a date goes on a time axis.
enum Place {
    /// Known to the month or day: a point at this fractional year.
    At(f64),
    /// Known to the year only: this span.
    Year(f64, f64),
}

/// Places a date; `None` for an impossible one.
fn place(d: &PartialDate) -> Option<Place> {
    if d.precision() == Precision::Year {
        let (a, b) = period_bounds(d)?;
        Some(Place::Year(a, b))
    } else {
        d.as_year_fraction().map(Place::At)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "n values without a date are not shown".
fn undated_note(n: usize) -> String {
    if n == 1 {
        "1 value without a date is not shown".to_owned()
    } else {
        format!("{n} values without a date are not shown")
    }
}

/// "n items with zero or missing values not shown".
fn zero_note(n: usize) -> String {
    format!(
        "{} with zero or missing values not shown (log scale)",
        plural(n, "item", "items")
    )
}

/// "n items with negative or missing values not shown" (linear scale).
fn missing_note(n: usize) -> String {
    format!(
        "{} with negative or missing values not shown",
        plural(n, "item", "items")
    )
}

fn push_distinct<T: PartialEq + Clone>(out: &mut Vec<T>, items: &[T]) {
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
}

struct Builder<'a> {
    ds: &'a Dataset,
    ix: &'a Index,
    /// The organization rows (positions in `ds.organizations`) the adoption plots show.
    orgs: &'a [u32],
    /// The model rows (positions in `ds.models`) the model plots show.
    models: &'a [u32],
    /// Grouping of the model-size plot (see [`DeriveOptions::group_by`]).
    group_by: GroupBy,
    conflicts: HashMap<&'a RecordRef, &'a ConflictId>,
    marks: Vec<Mark>,
    runs: Vec<PointRun>,
    notes: Vec<String>,
    groups: Vec<(String, String)>,
    /// Whether the model rows are every model (nothing filtered out).
    all_models: bool,
    /// Count axes on a linear scale (see [`DeriveOptions::linear`]).
    linear: bool,
    model_set: HashSet<usize>,
    family_set: HashSet<usize>,
}

impl<'a> Builder<'a> {
    fn new(
        ds: &'a Dataset,
        ix: &'a Index,
        orgs: &'a [u32],
        models: &'a [u32],
        options: &DeriveOptions,
    ) -> Self {
        let mut conflicts = HashMap::new();
        for c in &ds.conflicts {
            for r in &c.records {
                conflicts.entry(r).or_insert(&c.id);
            }
        }
        let model_set: HashSet<usize> = models.iter().map(|&m| m as usize).collect();
        let family_set = model_set
            .iter()
            .filter_map(|&m| ix.family_of_model(m))
            .collect();
        Self {
            ds,
            ix,
            orgs,
            models,
            group_by: options.group_by,
            conflicts,
            marks: Vec::new(),
            runs: Vec::new(),
            notes: Vec::new(),
            groups: Vec::new(),
            all_models: model_set.len() >= ds.models.len(),
            linear: options.linear,
            model_set,
            family_set,
        }
    }

    /// Adds a mark, flagging it when its record takes part in a conflict.
    fn push(&mut self, mut m: Mark) -> usize {
        if m.in_conflict.is_none()
            && let Some(r) = &m.record
        {
            m.in_conflict = self.conflicts.get(r).map(|&c| c.clone());
        }
        self.marks.push(m);
        self.marks.len() - 1
    }

    /// Registers a group for the legend (first registration wins the label).
    fn group(&mut self, key: &str, label: &str) {
        if !self.groups.iter().any(|(k, _)| k == key) {
            self.groups.push((key.to_owned(), label.to_owned()));
        }
    }

    fn note(&mut self, n: usize, text: impl FnOnce(usize) -> String) {
        if n > 0 {
            self.notes.push(text(n));
        }
    }

    fn org_name(&self, id: &OrgId) -> String {
        self.ix
            .org(id)
            .and_then(|p| self.ds.organizations.get(p))
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    }

    fn family_name(&self, id: &FamilyId) -> String {
        self.ix
            .family(id)
            .and_then(|p| self.ds.families.get(p))
            .map_or_else(|| id.to_string(), |f| f.name.clone())
    }

    fn model_name(&self, id: &ModelId) -> String {
        self.ix
            .model(id)
            .and_then(|p| self.ds.models.get(p))
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    }

    fn target_name(&self, t: &AdoptionTarget) -> String {
        match t {
            AdoptionTarget::Model(m) => self.model_name(m),
            AdoptionTarget::Family(f) => format!("{} (family)", self.family_name(f)),
        }
    }

    fn subject_name(&self, s: &Subject) -> String {
        match s {
            Subject::Organization(o) => self.org_name(o),
            Subject::Model(m) => self.model_name(m),
            Subject::Family(f) => self.family_name(f),
            Subject::Country(c) => c.trim().to_owned(),
            Subject::Adoption(a) => self
                .ix
                .adoption(a)
                .and_then(|p| self.ds.adoptions.get(p))
                .map_or_else(
                    || a.to_string(),
                    |ad| {
                        format!(
                            "{} / {}",
                            self.org_name(&ad.organization),
                            self.target_name(&ad.target)
                        )
                    },
                ),
        }
    }

    /// Country of a family's developer (`""` when unknown).
    fn family_country(&self, f: usize) -> String {
        self.ds
            .families
            .get(f)
            .and_then(|fam| self.ix.org(&fam.developer))
            .and_then(|o| self.ix.org_country(o))
            .unwrap_or("")
            .to_owned()
    }

    /// Country of a model's developer (`""` when unknown).
    fn model_country(&self, m: usize) -> String {
        self.ix.model_developer_country(m).unwrap_or("").to_owned()
    }

    /// Developer country of an adoption's target (`""` when unknown or unresolved).
    fn target_country(&self, t: &AdoptionTarget) -> String {
        match t {
            AdoptionTarget::Model(m) => self
                .ix
                .model(m)
                .map(|p| self.model_country(p))
                .unwrap_or_default(),
            AdoptionTarget::Family(f) => self
                .ix
                .family(f)
                .map(|p| self.family_country(p))
                .unwrap_or_default(),
        }
    }

    /// Whether an adoption's target is among the plotted models (or a family of one).
    fn target_in_models(&self, t: &AdoptionTarget) -> bool {
        if self.all_models {
            return true;
        }
        match t {
            AdoptionTarget::Model(m) => self
                .ix
                .model(m)
                .is_some_and(|p| self.model_set.contains(&p)),
            AdoptionTarget::Family(f) => self
                .ix
                .family(f)
                .is_some_and(|p| self.family_set.contains(&p)),
        }
    }

    /// Whether a claim's or series' subject concerns the plotted models: the model itself, its
    /// family, its developer, its developer's country, or an adoption of it.
    fn subject_in_models(&self, s: &Subject) -> bool {
        if self.all_models {
            return true;
        }
        match s {
            Subject::Model(m) => self
                .ix
                .model(m)
                .is_some_and(|p| self.model_set.contains(&p)),
            Subject::Family(f) => self
                .ix
                .family(f)
                .is_some_and(|p| self.family_set.contains(&p)),
            Subject::Organization(o) => self
                .model_set
                .iter()
                .any(|&p| self.ds.models.get(p).is_some_and(|m| &m.developer == o)),
            Subject::Country(c) => {
                let c = c.trim();
                self.model_set
                    .iter()
                    .any(|&p| self.ix.model_developer_country(p) == Some(c))
            }
            Subject::Adoption(a) => self
                .ix
                .adoption(a)
                .and_then(|p| self.ds.adoptions.get(p))
                .is_some_and(|ad| self.target_in_models(&ad.target)),
        }
    }

    /// The date a claim holds at; without one, the publication date of its source (following
    /// reprints to the original), flagged as such.
    fn claim_date(&self, c: &Claim) -> Option<(When, bool)> {
        if let Some(w) = &c.when {
            return Some((w.clone(), false));
        }
        let mut id = &c.source;
        for _ in 0..8 {
            let s = self.ix.source(id).and_then(|p| self.ds.sources.get(p))?;
            if let Some(d) = s.date {
                return Some((When::By(d), true));
            }
            id = s.via.as_ref()?;
        }
        None
    }

    fn source_name(&self, id: &SourceId) -> String {
        let Some(s) = self.ix.source(id).and_then(|p| self.ds.sources.get(p)) else {
            return id.to_string();
        };
        let (title, publisher, locator) = (s.title.trim(), s.publisher.trim(), s.locator.trim());
        match (title.is_empty(), publisher.is_empty(), locator.is_empty()) {
            (false, false, _) if !title.contains(publisher) => format!("{title} ({publisher})"),
            (false, _, _) => title.to_owned(),
            (true, false, false) => format!("{publisher}, {locator}"),
            (true, false, true) => publisher.to_owned(),
            (true, true, false) => locator.to_owned(),
            (true, true, true) => id.to_string(),
        }
    }

    fn source_label(&self, id: &SourceId) -> String {
        let Some(s) = self.ix.source(id).and_then(|p| self.ds.sources.get(p)) else {
            return format!("{id} (not in the dataset)");
        };
        let parts: Vec<String> = [&s.title, &s.publisher, &s.locator]
            .into_iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .chain(s.date.map(|d| d.to_string()))
            .collect();
        if parts.is_empty() {
            id.to_string()
        } else {
            format!("{id}: {}", parts.join(", "))
        }
    }

    /// The dataset's credits that apply to `used` sources: a credit naming a used source's
    /// publisher ("Epoch AI"), or a file path (`data/hf_models.json`) found in a used source's
    /// locator or notes. A credit that matches no source of the dataset at all is always shown,
    /// since it cannot be attributed and may well apply.
    fn credits(&self, used: &[SourceId]) -> Vec<String> {
        let matches = |credit: &str, id: &SourceId| {
            let Some(s) = self.ix.source(id).and_then(|p| self.ds.sources.get(p)) else {
                return false;
            };
            if !s.publisher.trim().is_empty() && credit.contains(s.publisher.trim()) {
                return true;
            }
            credit
                .split_whitespace()
                .map(|t| t.trim_matches(|c: char| "()[],;\"'".contains(c)))
                .filter(|t| {
                    t.contains('/') && t.rsplit('/').next().is_some_and(|last| last.contains('.'))
                })
                .any(|t| s.locator.contains(t) || s.notes.contains(t))
        };
        self.ds
            .meta
            .credits
            .iter()
            .filter(|credit| {
                used.iter().any(|id| matches(credit, id))
                    || !self.ds.sources.iter().any(|s| matches(credit, &s.id))
            })
            .cloned()
            .collect()
    }

    fn finish(mut self, kind: PlotKind, frame: Frame, filters: Vec<String>) -> PlotData {
        // Flagged conflicts, said once under the plot.
        let mut conflict_ids: Vec<ConflictId> = Vec::new();
        let mut flagged = 0;
        for m in &self.marks {
            if let Some(c) = &m.in_conflict {
                flagged += 1;
                push_distinct(&mut conflict_ids, std::slice::from_ref(c));
            }
        }
        for r in &self.runs {
            if let Some(c) = &r.template.in_conflict {
                flagged += r.points.len();
                push_distinct(&mut conflict_ids, std::slice::from_ref(c));
            }
        }
        if flagged > 0 {
            let ids: Vec<&str> = conflict_ids.iter().map(ConflictId::as_str).collect();
            self.notes.push(format!(
                "{} in a recorded conflict, flagged (conflicts: {})",
                plural(flagged, "mark is", "marks are"),
                ids.join(", ")
            ));
        }
        if self.marks.is_empty() && self.runs.is_empty() {
            self.notes
                .push("Nothing to show for the current search and filters".to_owned());
        }

        let mut legend: Vec<LegendEntry> = Vec::new();
        // Every mark, a run's points standing for as many marks as it has points.
        let all: Vec<(&Mark, usize)> = self
            .marks
            .iter()
            .map(|m| (m, 1))
            .chain(self.runs.iter().map(|r| (&r.template, r.points.len())))
            .collect();
        for (key, label) in &self.groups {
            let mine: Vec<&(&Mark, usize)> = all.iter().filter(|(m, _)| &m.group == key).collect();
            if let Some((first, _)) = mine.first() {
                legend.push(LegendEntry {
                    group: Some(key.clone()),
                    label: label.clone(),
                    mark: first.kind,
                    count: mine.iter().map(|(_, n)| n).sum(),
                });
            }
        }
        let mut styles: Vec<MarkKind> = Vec::new();
        for (m, _) in &all {
            push_distinct(&mut styles, &[m.kind]);
        }
        for style in styles {
            legend.push(LegendEntry {
                group: None,
                label: style.explanation().to_owned(),
                mark: style,
                count: all
                    .iter()
                    .filter(|(m, _)| m.kind == style)
                    .map(|(_, n)| n)
                    .sum(),
            });
        }

        let mut sources: Vec<SourceId> = Vec::new();
        for (m, _) in &all {
            push_distinct(&mut sources, &m.sources);
        }
        drop(all);
        let meta = &self.ds.meta;
        let title = if meta.title.trim().is_empty() {
            "Untitled dataset".to_owned()
        } else {
            meta.title.trim().to_owned()
        };
        let footer = Footer {
            source_labels: sources.iter().map(|s| self.source_label(s)).collect(),
            source_names: {
                // A name several sources share ("LICENSE", "git log") gets its id.
                let names: Vec<String> = sources.iter().map(|s| self.source_name(s)).collect();
                names
                    .iter()
                    .zip(&sources)
                    .map(|(n, id)| {
                        if names.iter().filter(|m| *m == n).count() > 1 {
                            format!("{n} [{id}]")
                        } else {
                            n.clone()
                        }
                    })
                    .collect()
            },
            credits: self.credits(&sources),
            sources,
            filters,
            dataset: match meta.date {
                Some(d) => format!("{title}, {d}"),
                None => title,
            },
        };
        PlotData {
            kind,
            title: kind.title().to_owned(),
            subtitle: frame.subtitle,
            x_axis: frame.x_axis,
            y_axis: frame.y_axis,
            group_kind: frame.group_kind,
            legend,
            marks: self.marks,
            runs: self.runs,
            notes: self.notes,
            footer,
        }
    }
}

fn country_label(c: &str) -> String {
    if c.is_empty() {
        "Country unknown".to_owned()
    } else {
        c.to_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// The plots
// ---------------------------------------------------------------------------------------------

fn release_timeline(b: &mut Builder) -> Frame {
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
                |v| format!("{} parameters", format_params_b(v)),
            ),
            date_text: m.release_date.map(|d| d.to_string()).unwrap_or_default(),
            sources: m.sources.clone(),
            ..Mark::default()
        });
    }

    for a in &ds.adoptions {
        if !b.target_in_models(&a.target) {
            continue;
        }
        if a.status.is_empty() {
            undated += 1;
        }
        let country = b.target_country(&a.target);
        b.group(&country, &country_label(&country));
        let who = format!(
            "{} uses {}",
            b.org_name(&a.organization),
            b.target_name(&a.target)
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
            let mut sources = a.sources.clone();
            push_distinct(&mut sources, &step.sources);
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
                    sources: ev.sources.clone(),
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

fn model_size(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let (models, group_by) = (b.models, b.group_by);
    let (mut undated, mut year_only, mut missing) = (0, 0, 0);
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
        let Some(total) = m.total_params_b.filter(|v| *v > 0.0 && v.is_finite()) else {
            missing += 1;
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
            sources: m.sources.clone(),
            ..Mark::default()
        };
        widen(total * 1e9);
        let t = b.push(Mark {
            kind: MarkKind::TotalParams,
            y: count_coord(total * 1e9, b.linear).unwrap_or_default(),
            label: format!("{} (total)", m.name),
            value: Some(total),
            value_text: format!("{} total parameters", format_params_b(total)),
            ..base.clone()
        });
        let moe = m.architecture == Some(Architecture::MixtureOfExperts);
        match m.active_params_b {
            Some(a) if a > 0.0 && a.is_finite() && (moe || a < total) => {
                widen(a * 1e9);
                b.push(Mark {
                    kind: MarkKind::ActiveParams,
                    y: count_coord(a * 1e9, b.linear).unwrap_or_default(),
                    label: format!("{} (active)", m.name),
                    value: Some(a),
                    value_text: format!("{} active parameters", format_params_b(a)),
                    link: Some(t),
                    ..base
                });
            }
            // A dense model whose "active" count is its total: nothing more to draw.
            Some(a) if a > 0.0 && a.is_finite() => {}
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

fn who_uses_what(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let orgs = b.orgs;
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
    enum Col {
        Family(usize),
        Model(usize),
    }
    let mut rows: Vec<String> = Vec::new();
    let mut entries: Vec<(usize, Col, usize)> = Vec::new();
    let (mut without, mut unresolved) = (0, 0);
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
                AdoptionTarget::Model(m) => b.ix.model(m).map(|p| match b.ix.family_of_model(p) {
                    Some(f) => Col::Family(f),
                    None => Col::Model(p),
                }),
                AdoptionTarget::Family(f) => b.ix.family(f).map(Col::Family),
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
        let mut sources = ad.sources.clone();
        for s in &ad.status {
            push_distinct(&mut sources, &s.sources);
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
                b.target_name(&ad.target)
            ),
            record: Some(RecordRef::Adoption(ad.id.clone())),
            value_text: format!("{uses} · {status}"),
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

/// Rank of an outcome metric, `None` for metrics that are not outcomes.
fn outcome_rank(m: &Metric) -> Option<u8> {
    match m {
        Metric::AccuracyGain => Some(0),
        Metric::CostReduction => Some(1),
        Metric::SpeedGain => Some(2),
        _ => None,
    }
}

fn outcomes(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let orgs = b.orgs;
    let mut claims: Vec<usize> = Vec::new();
    for &o in orgs {
        let Some(org) = ds.organizations.get(o as usize) else {
            continue;
        };
        let mut mine: Vec<usize> =
            b.ix.claims_about(&Subject::Organization(org.id.clone()))
                .iter()
                .map(|&c| c as usize)
                .collect();
        for &a in b.ix.adoptions_of_org(o as usize) {
            if let Some(ad) = ds.adoptions.get(a as usize) {
                mine.extend(
                    b.ix.claims_about(&Subject::Adoption(ad.id.clone()))
                        .iter()
                        .map(|&c| c as usize),
                );
            }
        }
        mine.retain(|&c| {
            ds.claims
                .get(c)
                .is_some_and(|c| outcome_rank(&c.metric).is_some())
        });
        mine.sort_by_key(|&c| (ds.claims.get(c).and_then(|c| outcome_rank(&c.metric)), c));
        mine.dedup();
        claims.extend(mine);
    }

    let (mut not_numbers, mut other_units) = (0, 0);
    let mut categories: Vec<String> = Vec::new();
    for c in claims.iter().filter_map(|&c| ds.claims.get(c)) {
        let Some(kind) = outcome_mark_kind(&c.value, c.qualifier) else {
            not_numbers += 1;
            continue;
        };
        if c.unit != Unit::Percent {
            other_units += 1;
            continue;
        }
        let (y, y2, value) = match c.value {
            ClaimValue::Number(v) => (v, (kind != MarkKind::Hollow).then_some(0.0), v),
            ClaimValue::Range(lo, hi) => (hi, Some(lo), hi),
            ClaimValue::Date(_) | ClaimValue::Text(_) => continue,
        };
        let metric = c.metric.label();
        b.group(&metric, &metric);
        let x = categories.len() as f64;
        // The baseline is part of the claim: it goes on the axis, not only in the tooltip.
        let baseline = if c.baseline.trim().is_empty() {
            "baseline not stated".to_owned()
        } else {
            format!("vs {}", c.baseline.trim())
        };
        categories.push(format!(
            "{}: {} ({}) — {baseline}",
            b.subject_name(&c.subject),
            metric,
            c.source
        ));
        let mut label = claim_text(c);
        if c.baseline.trim().is_empty() {
            label.push_str(" (baseline not stated)");
        }
        b.push(Mark {
            kind,
            x,
            y,
            y2,
            width: 0.6,
            group: metric,
            label,
            record: Some(RecordRef::Claim(c.id.clone())),
            value: Some(value),
            value_text: value_text(&c.value, &c.unit, c.qualifier),
            date_text: c.when.as_ref().map(when_text).unwrap_or_default(),
            qualifier: c.qualifier,
            sources: vec![c.source.clone()],
            ..Mark::default()
        });
    }
    b.note(not_numbers, |n| {
        format!(
            "{} stated in words, not numbers, not shown",
            plural(n, "outcome", "outcomes")
        )
    });
    b.note(other_units, |n| {
        format!(
            "{} in units other than percent not shown",
            plural(n, "outcome", "outcomes")
        )
    });
    Frame {
        subtitle: "Claimed gains per organization or adoption, one mark per claim as its source \
                   states it; each label names the baseline compared with"
            .to_owned(),
        x_axis: Axis::new(
            "Claim (organization: metric (source), baseline)",
            Scale::Category(categories),
        ),
        y_axis: Axis::new("Claimed gain or reduction (%)", Scale::Linear),
        group_kind: GroupKind::Metric,
    }
}

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

fn downloads(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let (mut undated, mut missing, mut reported, mut words, mut rank_year) = (0, 0, 0, 0, 0);
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
            sources: vec![c.source.clone()],
            ..Mark::default()
        };
        if c.metric == Metric::DownloadRank {
            // A rank is not a count: a vertical line at its date, labelled with the rank.
            match (&when, place(&when.end())) {
                (When::On(_) | When::By(_), Some(Place::At(x))) => {
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
            When::On(d) | When::By(d) => place(d).and_then(|p| match p {
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
                sources: s.sources.clone(),
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
                sources: s.sources.clone(),
                ..Mark::default()
            });
        }
        if let Some(r) = run.filter(|r| !r.points.is_empty()) {
            b.runs.push(r);
        }
    }

    b.note(undated, undated_note);
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

fn releases_per_quarter(b: &mut Builder) -> Frame {
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
    for ((year, q), by_country) in &quarters {
        let x = f64::from(*year) + f64::from(q - 1) / 4.0 + 0.125;
        let mut base = 0usize;
        for (country, ms) in by_country {
            let top = base + ms.len();
            let mut sources = Vec::new();
            let mut members = Vec::new();
            for m in ms.iter().filter_map(|&m| ds.models.get(m)) {
                push_distinct(&mut sources, &m.sources);
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
                    "{year} Q{q}, {}: {}",
                    country_label(country),
                    plural(ms.len(), "model", "models")
                ),
                members,
                value: Some(ms.len() as f64),
                value_text: plural(ms.len(), "model", "models"),
                date_text: format!("{year} Q{q}"),
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
        x_axis: Axis::new("Quarter of release (year)", Scale::Time),
        y_axis: Axis::new("Models released (count)", Scale::Linear),
        group_kind: GroupKind::Country,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Model, OrgKind, Organization};

    fn lab(id: &str, country: &str) -> Organization {
        Organization {
            id: OrgId::new(id),
            name: id.to_uppercase(),
            native_name: String::new(),
            country: country.to_owned(),
            kind: OrgKind::AiLab,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    fn model(id: &str, dev: &str, date: Option<PartialDate>, params: Option<f64>) -> Model {
        Model {
            id: ModelId::new(id),
            name: id.to_owned(),
            family: None,
            developer: OrgId::new(dev),
            release_date: date,
            openness: None,
            license: String::new(),
            total_params_b: params,
            active_params_b: None,
            architecture: None,
            context_k_tokens: None,
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            organizations: vec![lab("cn", "China"), lab("us", "United States")],
            models: vec![
                model("a", "cn", Some(PartialDate::month(2024, 2)), Some(7.0)),
                model("b", "us", Some(PartialDate::day(2024, 8, 1)), Some(70.0)),
                model("c", "cn", Some(PartialDate::year(2023)), Some(1.0)),
                model("d", "us", None, None),
                model("e", "cn", Some(PartialDate::month(2024, 3)), Some(-1.0)),
            ],
            ..Dataset::default()
        }
    }

    fn derive_all(kind: PlotKind, ds: &Dataset) -> PlotData {
        let ix = Index::build(ds);
        let models: Vec<u32> = (0..ds.models.len() as u32).collect();
        derive(kind, ds, &ix, &[], &models, Vec::new())
    }

    #[test]
    fn groups_by_developer_country() {
        let p = derive_all(PlotKind::ReleasesPerQuarter, &dataset());
        let groups: Vec<(&str, &str, f64)> = p
            .marks
            .iter()
            .map(|m| (m.date_text.as_str(), m.group.as_str(), m.y))
            .collect();
        // a and e in 2024 Q1 (China), b in 2024 Q3 (United States); c year-only, d undated.
        assert_eq!(
            groups,
            [("2024 Q1", "China", 2.0), ("2024 Q3", "United States", 1.0)]
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n.contains("1 model with only a release year"))
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n == "1 value without a date is not shown")
        );
    }

    #[test]
    fn year_only_dates_are_spans_never_points() {
        assert!(matches!(
            place(&PartialDate::year(2023)),
            Some(Place::Year(a, b)) if a == 2023.0 && b == 2024.0
        ));
        assert!(matches!(
            place(&PartialDate::month(2023, 5)),
            Some(Place::At(_))
        ));
        assert!(place(&PartialDate::month(2023, 13)).is_none());
        let p = derive_all(PlotKind::ReleaseTimeline, &dataset());
        let c = p
            .marks
            .iter()
            .find(|m| m.label == "c")
            .map(|m| (m.kind, m.x, m.x2));
        assert_eq!(c, Some((MarkKind::YearSpan, 2023.0, Some(2024.0))));
    }

    #[test]
    fn log_scale_counts_zero_negative_and_missing() {
        let p = derive_all(PlotKind::ModelSize, &dataset());
        assert_eq!(
            p.marks.len(),
            2,
            "a and b; c year-only, d missing, e negative"
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n.starts_with("2 items with zero or missing values not shown")),
            "{:?}",
            p.notes
        );
        assert!(p.marks.iter().all(|m| m.y.is_finite()));
    }

    #[test]
    fn marker_radius_grows_with_size_and_has_a_default() {
        assert_eq!(marker_radius(None), DEFAULT_MARKER_RADIUS);
        assert_eq!(marker_radius(Some(0.0)), DEFAULT_MARKER_RADIUS);
        assert!((marker_radius(Some(1.0)) - 5.0).abs() < 1e-12);
        assert!(marker_radius(Some(7.0)) < marker_radius(Some(671.0)));
        assert_eq!(marker_radius(Some(1e9)), 16.0);
    }

    #[test]
    fn qualifiers_choose_the_style() {
        let n = ClaimValue::Number(5.0);
        assert_eq!(
            qualified_kind(&n, Qualifier::Exact, MarkKind::Point),
            Some(MarkKind::Point)
        );
        assert_eq!(outcome_mark_kind(&n, Qualifier::Exact), Some(MarkKind::Bar));
        assert_eq!(outcome_mark_kind(&n, Qualifier::UpTo), Some(MarkKind::UpTo));
        assert_eq!(
            outcome_mark_kind(&n, Qualifier::About),
            Some(MarkKind::Hollow)
        );
        assert_eq!(
            outcome_mark_kind(&ClaimValue::Range(1.0, 2.0), Qualifier::UpTo),
            Some(MarkKind::Range)
        );
        assert_eq!(
            outcome_mark_kind(&ClaimValue::Date(PartialDate::year(2020)), Qualifier::Exact),
            None
        );
    }

    #[test]
    fn footer_lines_say_what_is_shown() {
        let f = Footer {
            sources: vec![SourceId::new("s1"), SourceId::new("s2")],
            source_labels: vec!["s1".into(), "s2".into()],
            source_names: Vec::new(),
            filters: vec!["search: \"qwen\"".into()],
            dataset: "Data, 2025".into(),
            credits: vec!["Epoch AI, CC BY 4.0".into()],
        };
        assert_eq!(
            f.lines(),
            [
                "Source: s1; s2",
                "Filters: search: \"qwen\"",
                "Dataset: Data, 2025",
                "Data credits: Epoch AI, CC BY 4.0"
            ]
        );
        let empty = Footer::default().lines();
        assert_eq!(empty[0], "Source: none (no values shown)");
        assert_eq!(empty.len(), 3);
    }
}
