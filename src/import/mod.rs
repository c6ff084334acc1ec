//! Bringing outside data in: reading CSV/TSV, XLSX/ODS and JSON into rows (`table`, `text`,
//! `sheet`, `json`), parsing cells, mapping columns to fields, matching rows to records, planning.

mod error;
mod json;
mod sheet;
mod table;
mod text;

pub use error::{ImportError, Place};
pub use sheet::{MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_UNPACKED_BYTES, check_archive};
pub use table::{
    Detected, FileFormat, MAX_COLUMNS, PREVIEW_BYTES, ReadOptions, Row, RowIssue, Table,
    delimiter_name, read_bytes, read_file, read_file_with_limit,
};
pub use text::{Decoded, decode};
