//! Plots: pure plot-data derivation (dataset -> marks, axes, legend, notes, footer), the
//! nearest-mark picking used for clicks, and the CSV of the plotted values.
//!
//! Nothing here draws or touches egui: the drawing layer reads a [`PlotData`] and colours each
//! mark from its group key (a country or a family id, see [`GroupKind`]) with `figure::colors`.
//!
//! Rules kept everywhere:
//! - a value goes on a time axis as a point only when its date is known to the month or the day;
//!   a year-only date is drawn as a span over that year ([`MarkKind::YearSpan`]) or counted in a
//!   note, and an undated value is counted in "n values without a date are not shown";
//! - a log axis shows no zero, negative or missing value: they are counted in "n items with zero
//!   or missing values not shown";
//! - a hedged value keeps its hedge: "up to" and "at least" are open-ended marks, "about" a
//!   hollow marker, a range a range;
//! - every mark carries the record it comes from and the sources that support it, and the
//!   exported CSV has exactly one row per mark.

mod csv;
mod data;
mod pick;
mod related;
mod scale;

pub use csv::{csv_field, to_csv};
pub use data::{
    Axis, DEFAULT_MARKER_RADIUS, DeriveOptions, Footer, GroupBy, GroupKind, LegendEntry, Mark,
    MarkKind, PlotData, PlotKind, PointRun, RUN_MIN, RunPoint, Scale, count_coord, derive,
    derive_with, marker_radius, outcome_mark_kind,
};
pub use pick::nearest_mark;
pub use related::related_records;
pub use scale::{count_label, log_ticks, period_bounds};
