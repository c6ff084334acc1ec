//! Spreadsheets (XLSX and ODS) read with `calamine`, after the archive's entries were checked:
//! their declared sizes before anything is unpacked, then that none inflates past what it
//! declares (a zip bomb is refused; calamine itself does not check). Formula cells give their
//! cached value, never a new calculation.

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Ods, Reader, Xlsx};

use super::ImportError;
use super::table::{Detected, FileFormat, MAX_COLUMNS, ReadOptions, Table};
use crate::io::limits::human_bytes;

/// The most bytes one archive entry may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 256 << 20;
/// The most bytes all archive entries together may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// The most entries an archive may hold.
pub const MAX_ENTRIES: usize = 10_000;

/// Checks a zip archive's entries before any is unpacked: how many, and the size each declares,
/// alone and together; then that each inflates to no more than it declared.
pub fn check_archive(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let bad = |why: String| ImportError::file(file, why);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("this looks like a zip archive but cannot be opened ({e}); it may be damaged or cut short")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(bad(format!(
            "the archive holds {} entries, more than a spreadsheet has; it was not unpacked",
            archive.len()
        )));
    }
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| bad(format!("an entry of the archive cannot be read ({e})")))?;
        let size = entry.size();
        total = total.saturating_add(size);
        if size > MAX_ENTRY_BYTES || total > MAX_UNPACKED_BYTES {
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(bad(format!(
                "the archive would unpack to more than a spreadsheet may (entry \"{name}\" declares {}, {} in all so far; the limit is {} an entry, {} in all); it looks like a zip bomb and was not unpacked",
                human_bytes(size),
                human_bytes(total),
                human_bytes(MAX_ENTRY_BYTES),
                human_bytes(MAX_UNPACKED_BYTES),
            )));
        }
    }
    // Declared sizes can lie: inflate each entry, stopping one byte past what it declares.
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| bad(format!("an entry of the archive cannot be unpacked ({e})")))?;
        let declared = entry.size();
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let got = std::io::copy(&mut (&mut entry).take(declared + 1), &mut std::io::sink());
        match got {
            Ok(n) if n > declared => {
                return Err(bad(format!(
                    "entry \"{name}\" unpacks to more than it declares; it looks like a zip bomb and was not read"
                )));
            }
            Ok(_) => {}
            Err(e) => {
                return Err(bad(format!(
                    "entry \"{name}\" cannot be unpacked ({e}); the file may be damaged"
                )));
            }
        }
    }
    Ok(())
}

/// Reads a workbook (XLSX or ODS, told apart by their contents) after [`check_archive`].
pub fn read_workbook(
    file: &str,
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    check_archive(file, bytes)?;
    let is_ods = {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ImportError::file(file, e.to_string()))?;
        archive.by_name("content.xml").is_ok() || name.ends_with(".ods")
    };
    if is_ods {
        read_ods(file, bytes, options)
    } else {
        read_xlsx(file, bytes, options)
    }
}

fn pick_sheet(file: &str, sheets: &[String], wanted: Option<&str>) -> Result<String, ImportError> {
    match wanted {
        Some(w) => sheets
            .iter()
            .find(|s| s.as_str() == w || s.eq_ignore_ascii_case(w))
            .cloned()
            .ok_or_else(|| {
                ImportError::file(
                    file,
                    format!(
                        "there is no sheet \"{w}\"; the sheets are: {}",
                        sheets.join(", ")
                    ),
                )
            }),
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| ImportError::file(file, "the workbook has no sheets")),
    }
}

fn detected(format: FileFormat, sheet: String, sheets: Vec<String>) -> Detected {
    Detected {
        format,
        encoding: None,
        bom: false,
        delimiter: None,
        header_row: true,
        sheet: Some(sheet),
        sheets,
        json_path: None,
    }
}

fn read_xlsx(file: &str, bytes: &[u8], options: &ReadOptions) -> Result<Table, ImportError> {
    let not_xlsx = |e: calamine::XlsxError| {
        ImportError::file(file, format!("cannot be read as an Excel workbook: {e}"))
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let sheets = book.sheet_names();
    let sheet = pick_sheet(file, &sheets, options.sheet.as_deref())?;
    let max_row = options.max_rows.map(|n| n as u32 + 1);
    // Cells are streamed, never laid out in a grid: a lone cell far down or right costs nothing.
    let mut rows: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    let mut truncated = false;
    {
        let mut cells = book.worksheet_cells_reader(&sheet).map_err(not_xlsx)?;
        while let Some(cell) = cells.next_cell().map_err(not_xlsx)? {
            let (r, c) = cell.get_position();
            if c as usize >= MAX_COLUMNS {
                return Err(ImportError::at(
                    file,
                    Some(r + 1),
                    Some(c + 1),
                    format!(
                        "the sheet has a cell in column {}, beyond the {MAX_COLUMNS} columns an import can map; delete the far columns or copy the table to a new sheet",
                        c + 1
                    ),
                ));
            }
            if max_row.is_some_and(|m| rows.len() as u32 >= m && !rows.contains_key(&r)) {
                truncated = true;
                break;
            }
            let text = data_ref_text(cell.get_value());
            if text.is_empty() {
                continue;
            }
            let row = rows.entry(r).or_default();
            if row.len() <= c as usize {
                row.resize(c as usize + 1, String::new());
            }
            row[c as usize] = text;
        }
    }
    let raw = rows.into_iter().map(|(r, cells)| (r + 1, cells)).collect();
    Table::from_cells(
        file,
        detected(FileFormat::Xlsx, sheet, sheets),
        raw,
        truncated,
    )
}

fn read_ods(file: &str, bytes: &[u8], options: &ReadOptions) -> Result<Table, ImportError> {
    let not_ods = |e: calamine::OdsError| {
        ImportError::file(
            file,
            format!("cannot be read as an OpenDocument spreadsheet: {e}"),
        )
    };
    let mut book = Ods::new(Cursor::new(bytes)).map_err(not_ods)?;
    let sheets = book.sheet_names();
    let sheet = pick_sheet(file, &sheets, options.sheet.as_deref())?;
    let range = book.worksheet_range(&sheet).map_err(not_ods)?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    if c0 as usize + range.width() > MAX_COLUMNS {
        return Err(ImportError::file(
            file,
            format!(
                "the sheet is {} columns wide, more than the {MAX_COLUMNS} an import can map",
                c0 as usize + range.width()
            ),
        ));
    }
    let limit = options.max_rows.map_or(usize::MAX, |n| n + 1);
    let mut raw = Vec::new();
    for (i, row) in range.rows().enumerate() {
        if raw.len() >= limit {
            break;
        }
        let mut cells: Vec<String> = vec![String::new(); c0 as usize];
        cells.extend(row.iter().map(data_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            raw.push((r0 + i as u32 + 1, cells));
        }
    }
    let truncated = raw.len() >= limit;
    Table::from_cells(
        file,
        detected(FileFormat::Ods, sheet, sheets),
        raw,
        truncated,
    )
}

fn number_text(f: f64) -> String {
    format!("{f}")
}

fn excel_date(dt: &calamine::ExcelDateTime) -> String {
    if dt.is_duration() {
        return number_text(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{d:02}")
}

/// A cell's text: its value, or a formula's cached value; errors as the spreadsheet shows them.
fn data_ref_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => {
            if *b {
                "TRUE".into()
            } else {
                "FALSE".into()
            }
        }
        DataRef::DateTime(dt) => excel_date(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            s.split('T').next().unwrap_or(s).to_owned()
        }
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn data_text(v: &Data) -> String {
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => {
            if *b {
                "TRUE".into()
            } else {
                "FALSE".into()
            }
        }
        Data::DateTime(dt) => excel_date(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}
