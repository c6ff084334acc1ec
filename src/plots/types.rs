//! What a derivation outputs: a [`PlotData`] with its axes, marks (and compact runs of
//! points), legend and notes, and the options a derivation takes. Pure data, no egui.

use serde::{Deserialize, Serialize};

use super::{Footer, PlotKind};
use crate::model::format::format_number;
use crate::model::{AdoptionStatus, ConflictId, PartialDate, Qualifier, RecordRef, SourceId};

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
    /// An axis titled `title`; a category axis gets a tick labelled with each category.
    pub(super) fn new(title: impl Into<String>, scale: Scale) -> Self {
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
/// (`figure::colors::country_color` for countries, `family_color` for family ids, the legend's
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
    /// Which models the counting plots (releases per quarter, share by country) count.
    pub population: super::PopulationChoice,
    /// What the share-by-country plot shares out: releases, downloads or derivatives.
    pub share_measure: super::ShareMeasure,
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
    /// The latest status of an adoption a matrix cell shows (drawn as a mark in the cell).
    pub status: Option<AdoptionStatus>,
    /// Sources supporting the mark, distinct, in order.
    pub sources: Vec<SourceId>,
    /// A conflict the mark's record takes part in, so the drawing can flag it.
    pub in_conflict: Option<ConflictId>,
    /// Index of a related mark: an active-parameter point's total-parameter point.
    pub link: Option<usize>,
    /// The label of the group the mark had before a figure with too many groups merged it into
    /// [`OTHER_GROUP`] (shown in its tooltip and the CSV).
    pub merged_from: Option<String>,
}

/// The group key of "Other": the groups beyond the [`MAX_COLOURED_GROUPS`] largest, and
/// unknown values with them.
pub const OTHER_GROUP: &str = "(other)";

/// Groups a figure colours at most; the rest are merged into [`OTHER_GROUP`] (grey), so a figure
/// has at most eight colours and never one twice.
pub const MAX_COLOURED_GROUPS: usize = 7;

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
    /// Small multiples: one panel per measure, stacked, sharing the x axis, each with its own
    /// y axis (then `y_axis` is unused by the drawing). Empty for a plot drawn as one panel.
    pub panels: Vec<Panel>,
}

/// One panel of a plot drawn as small multiples: a measure with its own y axis, the marks on
/// it and the series labelled at their ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// The measure in plain words ("Cumulative downloads").
    pub title: String,
    /// Its own y axis, with its unit.
    pub y_axis: Axis,
    /// The marks drawn in it (indices into [`PlotData::marks`]), in drawing order.
    pub marks: Vec<usize>,
    /// The long series drawn in it (indices into [`PlotData::runs`]).
    pub runs: Vec<usize>,
    /// Its series: one per subject, labelled directly.
    pub series: Vec<PanelSeries>,
}

/// The values of one subject in one panel.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelSeries {
    /// The subject's name: the label at its last value.
    pub name: String,
    /// Its group key (the colour).
    pub group: String,
    /// Every mark of the subject in the panel (indices into [`PlotData::marks`]).
    pub marks: Vec<usize>,
    /// The marks joined by a line, in date order; empty when fewer than two dates have a
    /// value as stated (a single-date value stays a point).
    pub line: Vec<usize>,
    /// Drawn emphasised (a thicker line in full colour; the others are thinner and muted).
    pub emphasised: bool,
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

    /// Panel `i` as a plot of its own: this plot's kind, texts, x axis and legend, the panel's
    /// y axis, its marks (mark `k` of it is `panels[i].marks[k]` here) and runs, no panels.
    pub fn panel_data(&self, i: usize) -> Option<PlotData> {
        let p = self.panels.get(i)?;
        Some(PlotData {
            kind: self.kind,
            title: p.title.clone(),
            subtitle: String::new(),
            x_axis: self.x_axis.clone(),
            y_axis: p.y_axis.clone(),
            group_kind: self.group_kind,
            legend: self.legend.clone(),
            marks: p
                .marks
                .iter()
                .filter_map(|&m| self.marks.get(m).cloned())
                .collect(),
            runs: p
                .runs
                .iter()
                .filter_map(|&r| self.runs.get(r).cloned())
                .collect(),
            notes: Vec::new(),
            footer: Footer::default(),
            panels: Vec::new(),
        })
    }
}
