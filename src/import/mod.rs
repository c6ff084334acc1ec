//! Bringing outside data in: reading CSV/TSV, XLSX/ODS and JSON into rows (`table`, `text`,
//! `sheet`, `json`), parsing cells, mapping columns to fields, presets, matching and deciding rows,
//! provenance, conflicts, and the plan applied as one undoable step (`session` ties them together);
//! each kind's rows in its own file (`orgs`, `adoptions`, `claims`, `series`; names in `resolve`;
//! values every row gets in `template`).

mod adoptions;
mod claims;
mod conflicts;
mod countries;
mod decide;
mod error;
mod fields;
mod json;
mod mapping;
mod matching;
mod orgs;
mod parse;
mod plan;
mod presets;
mod proposals;
mod provenance;
mod resolve;
mod series;
mod session;
mod sheet;
mod table;
mod template;
mod text;
mod values;

pub use conflicts::{Compared, ConflictChoice, FieldValue};
pub use countries::common_country_name;
pub use decide::{
    Decision, PROGRESS_EVERY, Proposal, RowMatch, accept_all_exact, all_unmatched_as_new,
    model_name, org_aliases, propose, propose_with_progress,
};
pub use error::{ImportError, Place};
pub use fields::{Field, ImportKind, Parse};
pub use mapping::{Cell, CellProblem, ColumnMap, MappedRow, Mapping, Target, map_rows, parse_cell};
pub use matching::{Folded, Found, NameIndex, compatible, fold, score};
pub use orgs::org_kind;
pub use parse::{Number, parse_date, parse_list, parse_number, parse_openness};
pub use plan::{Counts, Plan, Settings, Skipped, plural};
pub use presets::{
    PRESETS, PRESETS_DIR_VAR, Preset, UserPreset, save_user_preset, user_preset, user_presets,
    user_presets_dir,
};
pub use provenance::{SourceInfo, row_citation, source_for};
pub use session::{Import, PREVIEW_ROWS, Preview, preview};
pub use sheet::{MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_UNPACKED_BYTES, check_archive};
pub use table::{
    Detected, FileFormat, MAX_COLUMNS, PREVIEW_BYTES, ReadOptions, Row, RowIssue, Table,
    delimiter_name, read_bytes, read_file, read_file_with_limit,
};
pub use text::{Decoded, decode};
pub use values::{Value, parse_metric, parse_status, parse_unit, parse_value};
