//! Plot data, pure (no egui): `kinds` derives each plot's [`PlotData`] (`types`, `footer` with
//! its short `source_line` and the `credit` of each source) with the shared `builder`, its
//! texts made safe and bounded by `fit`; `pick` finds the mark under a click, `population` which models a counting plot counts, `csv` exports the
//! plotted values, `scale` makes axis ticks and time periods, and `related` what a selection
//! highlights; `alt_text` describes a plot in words for readers who cannot see it.

mod alt_text;
mod builder;
mod credit;
mod csv;
mod fit;
mod footer;
mod kinds;
mod pick;
mod population;
mod related;
mod scale;
mod source_line;
mod types;

pub use alt_text::{AltText, SHORT_ALT_MAX, alt_text};
pub use builder::count_coord;
pub use csv::{csv_field, to_csv};
pub use fit::{ENTRY_CAP, LABEL_CAP, NOTE_CAP};
pub use footer::{Footer, SOURCE_LINE_CHARS};
pub use kinds::{
    DEFAULT_MARKER_RADIUS, PlotKind, ShareMeasure, derive, derive_with, marker_radius,
    outcome_mark_kind,
};
pub use pick::nearest_mark;
pub use population::{
    ALL_MODELS_PHRASE, EPOCH_LARGE_SCALE_PHRASE, Population, PopulationChoice,
    is_epoch_large_scale, population_of, populations, segment_filter,
};
pub use related::related_records;
pub use scale::{count_label, log_ticks, period_bounds};
pub use source_line::{Credit, FullSource, PRIMARY_GROUP, SourceGroup, source_groups, source_line};
pub use types::{
    Axis, DeriveOptions, GroupBy, GroupKind, LegendEntry, MAX_COLOURED_GROUPS, Mark, MarkKind,
    OTHER_GROUP, Panel, PanelSeries, PlotData, PointRun, RUN_MIN, RunPoint, Scale,
};
