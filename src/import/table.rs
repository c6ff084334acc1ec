//! What a file holds once read, whatever its format: a header row and rows of text cells, each
//! row with its number as a spreadsheet shows it, and what was detected (format, encoding,
//! delimiter, sheet). [`read_file`] picks the reader from the file's first bytes and name.

use std::path::Path;

use super::ImportError;
use super::{json, sheet, text};
use crate::io::{LoadError, open_input_file_with_limit};

/// The most columns a file may have; a wider one is refused (no mapping could show it).
pub const MAX_COLUMNS: usize = 4096;

/// The kinds of file that can be imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Delimited text (comma, tab, semicolon or bar).
    Delimited,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// An OpenDocument spreadsheet (.ods).
    Ods,
    /// JSON: an array of objects, or an object holding one.
    Json,
}

impl FileFormat {
    /// Plain name for messages and the preview.
    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Delimited => "delimited text",
            FileFormat::Xlsx => "Excel workbook",
            FileFormat::Ods => "OpenDocument spreadsheet",
            FileFormat::Json => "JSON",
        }
    }
}

/// What was detected about a file (or forced by the user), shown on the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    /// The format.
    pub format: FileFormat,
    /// Text encoding (delimited text and JSON), for example "UTF-8" or "windows-1252".
    pub encoding: Option<&'static str>,
    /// Whether the text started with a byte-order mark.
    pub bom: bool,
    /// The delimiter of delimited text.
    pub delimiter: Option<u8>,
    /// Whether the first row was taken as the header (else columns are named "Column 1"...).
    pub header_row: bool,
    /// The sheet read (spreadsheets).
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// Where the list of items is in a JSON file ("" for a top-level array, else its key).
    pub json_path: Option<String>,
}

impl Detected {
    /// One line for people: "delimited text, UTF-8 with BOM, delimiter comma, header row".
    pub fn describe(&self) -> String {
        let mut parts = vec![self.format.label().to_owned()];
        if let Some(e) = self.encoding {
            parts.push(if self.bom {
                format!("{e} with BOM")
            } else {
                e.to_owned()
            });
        }
        if let Some(d) = self.delimiter {
            parts.push(format!("delimiter {}", delimiter_name(d)));
        }
        if let Some(s) = &self.sheet {
            parts.push(format!("sheet \"{s}\" of {}", self.sheets.len()));
        }
        if let Some(p) = &self.json_path {
            parts.push(if p.is_empty() {
                "top-level list".into()
            } else {
                format!("list \"{p}\"")
            });
        }
        parts.push(if self.header_row {
            "header row".into()
        } else {
            "no header row".into()
        });
        parts.join(", ")
    }
}

/// A delimiter in words ("comma", "tab").
pub fn delimiter_name(d: u8) -> String {
    match d {
        b',' => "comma".into(),
        b'\t' => "tab".into(),
        b';' => "semicolon".into(),
        b'|' => "bar".into(),
        other => format!("'{}'", other as char),
    }
}

/// How to read a file; everything left `None` is detected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// The delimiter of delimited text.
    pub delimiter: Option<u8>,
    /// The text encoding, by its WHATWG label ("utf-8", "utf-16le", "windows-1252", "latin1").
    pub encoding: Option<String>,
    /// Read only this many data rows (a preview); `None` reads them all.
    pub max_rows: Option<usize>,
}

/// One data row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Its number as a spreadsheet shows it (the header is row 1); in JSON the item's number.
    pub number: u32,
    /// Its cells, one per header column (rows with another count are reported, not kept).
    pub cells: Vec<String>,
}

/// A row that could not be read as it stands (ragged: more or fewer cells than the header).
#[derive(Clone, Debug, PartialEq)]
pub struct RowIssue {
    /// The row's number.
    pub row: u32,
    /// What is wrong.
    pub message: String,
}

/// A file read into rows of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The file's name, as shown in messages.
    pub file: String,
    /// What was detected.
    pub detected: Detected,
    /// Column names (for JSON, dotted paths such as `card.license`).
    pub headers: Vec<String>,
    /// The data rows, in file order.
    pub rows: Vec<Row>,
    /// Rows left out, with the reason.
    pub issues: Vec<RowIssue>,
    /// Whether reading stopped at [`ReadOptions::max_rows`] before the end.
    pub truncated: bool,
}

impl Table {
    /// How a row is cited: "row 37" (JSON: "item 37").
    pub fn locator(&self, row: u32) -> String {
        if self.detected.format == FileFormat::Json {
            format!("item {row}")
        } else {
            format!("row {row}")
        }
    }

    /// The column named `name` (a header, or `#N` counting from 1), as an index.
    pub fn column(&self, name: &str) -> Option<usize> {
        if let Some(n) = name.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
            return (1..=self.headers.len()).contains(&n).then(|| n - 1);
        }
        let exact = self.headers.iter().position(|h| h == name);
        exact.or_else(|| {
            self.headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
        })
    }

    /// Checks a header row and turns rows of cells into [`Row`]s, reporting ragged ones.
    pub(super) fn from_cells(
        file: &str,
        detected: Detected,
        mut raw: Vec<(u32, Vec<String>)>,
        truncated: bool,
    ) -> Result<Table, ImportError> {
        if raw.is_empty() {
            return Err(ImportError::file(
                file,
                "the file holds no rows; choose a file with a header row and data",
            ));
        }
        let mut detected = detected;
        let first = &raw[0].1;
        if first.len() > MAX_COLUMNS {
            return Err(ImportError::at(
                file,
                Some(raw[0].0),
                None,
                format!(
                    "the file has {} columns, more than the {MAX_COLUMNS} an import can map; check the delimiter or split the file",
                    first.len()
                ),
            ));
        }
        detected.header_row = detected.format == FileFormat::Json || looks_like_header(first);
        let headers: Vec<String> = if detected.header_row {
            raw.remove(0)
                .1
                .into_iter()
                .map(|h| h.trim().to_owned())
                .collect()
        } else {
            (1..=first.len()).map(|i| format!("Column {i}")).collect()
        };
        let mut rows = Vec::with_capacity(raw.len());
        let mut issues = Vec::new();
        for (number, mut cells) in raw {
            // Trailing empty cells (spreadsheets pad rows) are not a ragged row.
            while cells.len() > headers.len() && cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            if cells.len() != headers.len()
                && !(cells.len() < headers.len() && detected.format != FileFormat::Delimited)
            {
                issues.push(RowIssue {
                    row: number,
                    message: format!(
                        "has {} cells where the header has {}; the row is left out (fix the file or its delimiter)",
                        cells.len(),
                        headers.len()
                    ),
                });
                continue;
            }
            cells.resize(headers.len(), String::new());
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            rows.push(Row { number, cells });
        }
        Ok(Table {
            file: file.to_owned(),
            detected,
            headers,
            rows,
            issues,
            truncated,
        })
    }
}

/// A first row is a header when every cell holds text that is not a number or a date, and no
/// two cells are the same.
fn looks_like_header(cells: &[String]) -> bool {
    let mut seen = std::collections::HashSet::new();
    cells.iter().all(|c| {
        let t = c.trim();
        !t.is_empty()
            && t.parse::<f64>().is_err()
            && crate::model::PartialDate::parse(t).is_err()
            && seen.insert(t)
    })
}

/// Bytes read for a preview: enough for the rows a preview shows, never the whole of a large file.
pub const PREVIEW_BYTES: usize = 4 << 20;

/// Reads the file at `path` (after the size and type checks every input gets), detecting its
/// format from its first bytes and its name.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Table, ImportError> {
    read_file_with_limit(path, options, crate::io::MAX_DATASET_BYTES)
}

/// [`read_file`] with another size limit (tests use a small one).
#[doc(hidden)]
pub fn read_file_with_limit(
    path: &Path,
    options: &ReadOptions,
    limit: u64,
) -> Result<Table, ImportError> {
    let shown = path.display().to_string();
    let mut input = open_input_file_with_limit(path, limit)
        .map_err(|e| ImportError::file(&shown, load_error_text(&e)))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(shown.clone());
    let mut bytes = Vec::new();
    let mut cut = false;
    let lower = name.to_lowercase();
    let spreadsheet =
        lower.ends_with(".xlsx") || lower.ends_with(".ods") || lower.ends_with(".xlsm");
    let map_err = |e: LoadError| ImportError::file(&shown, load_error_text(&e));
    match options.max_rows {
        // A preview of text (JSON too) reads only its start; spreadsheets need their whole archive.
        Some(_) if !spreadsheet => {
            cut = !input
                .read_some(&mut bytes, PREVIEW_BYTES)
                .map_err(map_err)?;
        }
        _ => input.read_rest(&mut bytes).map_err(map_err)?,
    }
    read_bytes(&shown, &lower, &bytes, cut, options)
}

/// Reads a file's bytes. `name` (lowercase) helps tell formats apart; `cut` says the bytes are
/// only the start of the file (a preview).
pub fn read_bytes(
    file: &str,
    name: &str,
    bytes: &[u8],
    cut: bool,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::file(
            file,
            "the file is empty; choose a file with a header row and data",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return sheet::read_workbook(file, name, bytes, options);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::file(
            file,
            "this is an old Excel (.xls) workbook, which cannot be imported; save it as .xlsx, .ods or CSV",
        ));
    }
    let decoded = text::decode(file, bytes, options.encoding.as_deref())?;
    let trimmed = decoded.text.trim_start();
    if name.ends_with(".json") || trimmed.starts_with('[') || trimmed.starts_with('{') {
        return json::read_json(file, decoded, cut, options);
    }
    text::read_delimited(file, decoded, cut, options)
}

/// A load error from the size and type checks, in words.
fn load_error_text(e: &LoadError) -> String {
    let line = e.to_string();
    // `LoadError` names the file itself; keep only the reason.
    match line.split_once(": ") {
        Some((_, reason)) => reason.to_owned(),
        None => line,
    }
}
