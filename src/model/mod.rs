//! The dataset: types, ids, dates, validation, and records of any kind with their references and
//! names. Pure data: no egui, no I/O.

mod date;
pub mod field_words;
pub mod format;
mod ids;
pub mod locator;
mod names;
mod problem;
pub(crate) mod record;
pub(crate) mod refs;
mod rules;
pub mod synth;
pub mod text;
mod types;
mod validate;
mod visit;

pub use date::{DateShapeError, PartialDate, Precision, days_in_month, is_leap};
pub use ids::*;
pub use names::{
    FindRecord, NameStyle, ScanLists, SourceName, UNSET_TARGET, display_name, missing_name,
    record_name, source_list_name, source_name, subject_name, target_ref,
};
pub use problem::{Problem, Severity, problems_summary};
pub use record::{AnyRecord, dataset_approx_bytes, find_record, fresh_id, position, record_at};
pub use refs::references_to;
pub use types::*;
pub use validate::{validate, validate_on};
pub use visit::{SourcedValue, ValueRef, for_each_sourced_value};
