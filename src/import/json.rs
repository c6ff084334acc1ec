//! JSON read with `serde_json`: an array of objects, or an object holding one (the first key
//! whose value is such an array). Nested fields become dotted paths (`card.license`); lists of
//! plain values become comma-separated text.

use serde_json::Value;

use super::ImportError;
use super::table::{Detected, FileFormat, MAX_COLUMNS, ReadOptions, Table};
use super::text::Decoded;

/// Reads JSON text into a table: one row per item, one column per path found in any item.
pub fn read_json(
    file: &str,
    decoded: Decoded,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    let value: Value = serde_json::from_str(&decoded.text).map_err(|e| {
        ImportError::at(
            file,
            Some(e.line() as u32),
            Some(e.column() as u32),
            format!("is not valid JSON: {e}"),
        )
    })?;
    let (path, items) = match value {
        Value::Array(items) => (String::new(), items),
        Value::Object(map) => {
            let found = map
                .into_iter()
                .find(|(_, v)| matches!(v, Value::Array(a) if a.iter().any(Value::is_object)));
            match found {
                Some((key, Value::Array(items))) => (key, items),
                _ => {
                    return Err(ImportError::file(
                        file,
                        "the JSON object holds no list of objects to import; give an array of objects, or an object holding one",
                    ));
                }
            }
        }
        _ => {
            return Err(ImportError::file(
                file,
                "the JSON holds a single value, not a list of objects to import",
            ));
        }
    };
    let mut headers: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let limit = options.max_rows.unwrap_or(usize::MAX);
    let mut raw = Vec::new();
    let truncated = items.len() > limit;
    for (i, item) in items.into_iter().take(limit).enumerate() {
        let number = i as u32 + 1;
        let Value::Object(_) = &item else {
            return Err(ImportError::at(
                file,
                Some(number),
                None,
                "this item is not an object; every item of the list must be an object of fields",
            ));
        };
        let mut flat = Vec::new();
        flatten("", &item, &mut flat);
        let mut cells = vec![String::new(); headers.len()];
        for (key, text) in flat {
            let at = *index.entry(key.clone()).or_insert_with(|| {
                headers.push(key);
                headers.len() - 1
            });
            if headers.len() > MAX_COLUMNS {
                return Err(ImportError::at(
                    file,
                    Some(number),
                    None,
                    format!(
                        "the items have more than {MAX_COLUMNS} different fields, more than an import can map"
                    ),
                ));
            }
            if cells.len() <= at {
                cells.resize(at + 1, String::new());
            }
            cells[at] = text;
        }
        raw.push((number, cells));
    }
    if raw.is_empty() {
        return Err(ImportError::file(
            file,
            "the JSON list is empty; there is nothing to import",
        ));
    }
    for (_, cells) in &mut raw {
        cells.resize(headers.len(), String::new());
    }
    let detected = Detected {
        format: FileFormat::Json,
        encoding: Some(decoded.encoding),
        bom: decoded.bom,
        delimiter: None,
        header_row: true,
        sheet: None,
        sheets: Vec::new(),
        json_path: Some(path),
    };
    let mut rows = vec![(0, headers)];
    rows.extend(raw);
    Table::from_cells(file, detected, rows, truncated)
}

/// Every leaf of `v` as (dotted path, text).
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_owned()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                flatten(&key(k), child, out);
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            let parts: Vec<String> = items.iter().map(scalar).collect();
            out.push((prefix.to_owned(), parts.join(",")));
        }
        Value::Array(_) => out.push((prefix.to_owned(), v.to_string())),
        other => out.push((prefix.to_owned(), scalar(other))),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
