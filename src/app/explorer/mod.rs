//! The explorer's logic, below the UI and without egui: the [`Index`] of one dataset revision
//! (`index`, `build`, `tables`, `search`), the list queries (`query`, `filters`, `sort`) and the
//! [`Explorer`] cache that turns a [`ListQuery`] into a list's rows (`rows`).

mod build;
mod filters;
mod index;
mod query;
mod records;
mod rows;
mod search;
mod sort;
mod tables;

pub use filters::{ModelFilter, OrgFilter, SegmentFilter};
pub use index::Index;
pub use query::{ListQuery, ListTab};
pub use records::{Citation, CiteField, ModelAdopter, RecordAt};
pub use rows::Explorer;
pub use search::normalize_query;
pub use sort::{ModelSort, OrgSort};
