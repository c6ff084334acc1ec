//! Delimited text (CSV, TSV, semicolon- or bar-separated): its encoding (a byte-order mark,
//! UTF-16 without one, UTF-8, else Windows-1252, or as the user says) and its delimiter, detected
//! from the first rows; the rows themselves read by the `csv` crate.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ImportError;
use super::table::{Detected, FileFormat, ReadOptions, Table};

/// A file's text and how it was decoded.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name.
    pub encoding: &'static str,
    /// Whether a byte-order mark was found (and removed).
    pub bom: bool,
}

/// Decodes `bytes`: with the encoding named by `forced`, else the one a byte-order mark gives,
/// else UTF-16 when every other byte is zero, else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252 (which every byte sequence is).
pub fn decode(file: &str, bytes: &[u8], forced: Option<&str>) -> Result<Decoded, ImportError> {
    let (encoding, bom_len) = match forced {
        Some(label) => {
            let enc = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                ImportError::file(file, format!("`{label}` is not an encoding name this app knows; try utf-8, utf-16le, utf-16be or windows-1252"))
            })?;
            let bom = Encoding::for_bom(bytes)
                .filter(|(e, _)| *e == enc)
                .map_or(0, |(_, n)| n);
            (enc, bom)
        }
        None => match Encoding::for_bom(bytes) {
            Some((enc, n)) => (enc, n),
            None => (guess(bytes), 0),
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    if had_errors && forced.is_some() {
        return Err(ImportError::file(
            file,
            format!(
                "the file is not valid {} text; choose another encoding",
                encoding.name()
            ),
        ));
    }
    if text.contains('\0') {
        return Err(ImportError::file(
            file,
            "the file holds binary data, not text; choose a CSV, TSV, JSON, XLSX or ODS file",
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        bom: bom_len > 0,
    })
}

/// The likely encoding of text without a byte-order mark.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs >= 2 {
        let zero_at = |parity: usize| {
            sample
                .iter()
                .skip(parity)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let (even, odd) = (zero_at(0), zero_at(1));
        if odd * 10 >= pairs * 8 && even * 10 < pairs {
            return UTF_16LE;
        }
        if even * 10 >= pairs * 8 && odd * 10 < pairs {
            return UTF_16BE;
        }
    }
    // A cut preview may end inside a character: judge all but the last three bytes.
    let judged = if bytes.len() > 4 {
        &bytes[..bytes.len() - 3]
    } else {
        bytes
    };
    match std::str::from_utf8(judged) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

const CANDIDATES: [u8; 4] = [b',', b'\t', b';', b'|'];

/// The delimiter that splits the first rows into the same number of cells, the most of them.
fn detect_delimiter(text: &str) -> u8 {
    let sample: String = text.chars().take(64 * 1024).collect();
    let mut best = (b',', 0usize, false);
    for d in CANDIDATES {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(20)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        // The last sampled row may be cut; judge the others.
        let judged = &counts[..counts.len().saturating_sub(1).max(1)];
        let steady = judged.iter().all(|&c| c == first);
        if first > 1 && ((steady && !best.2) || (steady == best.2 && first > best.1)) {
            best = (d, first, steady);
        }
    }
    best.0
}

/// Reads delimited text into a table. `cut` says the text is only the file's start, so its last
/// row may be incomplete (and is dropped) rather than broken.
pub fn read_delimited(
    file: &str,
    decoded: Decoded,
    cut: bool,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(ImportError::file(
            file,
            "the file holds only white space; choose a file with a header row and data",
        ));
    }
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let limit = options.max_rows.map(|n| n + 1);
    let mut raw = Vec::new();
    let mut last_start = 0u64;
    let mut truncated = false;
    let mut record = csv::StringRecord::new();
    loop {
        if limit.is_some_and(|l| raw.len() >= l) {
            truncated = true;
            break;
        }
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                last_start = record.position().map_or(0, |p| p.byte());
                let number = u32::try_from(raw.len() + 1).unwrap_or(u32::MAX);
                if record.len() > super::table::MAX_COLUMNS && raw.is_empty() {
                    return Err(ImportError::at(
                        file,
                        Some(1),
                        None,
                        format!(
                            "the first row has {} cells, more than the {} an import can map; check the delimiter or split the file",
                            record.len(),
                            super::table::MAX_COLUMNS
                        ),
                    ));
                }
                raw.push((number, record.iter().map(str::to_owned).collect::<Vec<_>>()));
            }
            Err(e) => {
                let row = e.position().map(|p| p.record() + 1);
                return Err(ImportError::at(
                    file,
                    row.map(|r| r as u32),
                    None,
                    format!("cannot be read: {e}"),
                ));
            }
        }
    }
    if !truncated {
        // The csv crate ends an unclosed quote at the end of the file silently; a last row with an
        // odd number of quote marks was cut inside a quoted cell.
        let tail = &text.as_bytes()[(last_start as usize).min(text.len())..];
        let open_quote = tail.iter().filter(|b| **b == b'"').count() % 2 == 1;
        if open_quote && cut {
            raw.pop();
            truncated = true;
        } else if open_quote {
            let row = raw.len() as u32;
            return Err(ImportError::at(
                file,
                Some(row),
                None,
                "a quoted cell is never closed: the file ends inside quotes (it may have been cut short); fix or re-download it",
            ));
        } else if cut {
            raw.pop();
            truncated = true;
        }
    }
    let detected = Detected {
        format: FileFormat::Delimited,
        encoding: Some(decoded.encoding),
        bom: decoded.bom,
        delimiter: Some(delimiter),
        header_row: true,
        sheet: None,
        sheets: Vec::new(),
        json_path: None,
    };
    Table::from_cells(file, detected, raw, truncated)
}
