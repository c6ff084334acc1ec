//! The dataset: types, ids, dates, validation. Pure data: no egui, no I/O.

mod date;
pub mod format;
mod ids;
pub mod synth;
mod types;
mod validate;
mod visit;

pub use date::{DateShapeError, PartialDate, Precision, days_in_month, is_leap};
pub use ids::*;
pub use types::*;
pub use validate::{Problem, validate};
pub use visit::{SourcedValue, ValueRef, for_each_sourced_value};
