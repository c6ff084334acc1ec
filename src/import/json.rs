//! JSON read with `serde_json`: an array of objects, or an object holding one (the first key
//! whose value is such an array). Nested fields become dotted paths (`card.license`); lists of
//! plain values become comma-separated text.

use serde_json::Value;

use super::ImportError;
use super::table::{Detected, FileFormat, MAX_COLUMNS, ReadOptions, Table};
use super::text::Decoded;

/// Reads JSON text into a table: one row per item, one column per path found in any item.
/// `cut` says the text is only the file's start (a preview): then, as with
/// [`ReadOptions::max_rows`], only the first items are parsed, and the end of the text inside an
/// item after them is no error.
pub fn read_json(
    file: &str,
    decoded: Decoded,
    cut: bool,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    let invalid = |e: serde_json::Error| {
        ImportError::at(
            file,
            Some(e.line() as u32),
            Some(e.column() as u32),
            format!("is not valid JSON: {e}"),
        )
    };
    let (path, items, truncated) = match options.max_rows {
        Some(limit) => first_items(file, &decoded.text, limit, cut, invalid)?,
        None => {
            let value: Value = serde_json::from_str(&decoded.text).map_err(invalid)?;
            let (path, items) = whole_list(file, value)?;
            (path, items, false)
        }
    };
    let mut headers: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let limit = options.max_rows.unwrap_or(usize::MAX);
    let mut raw = Vec::new();
    let truncated = truncated || items.len() > limit;
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

/// The list of items of a whole JSON value: the value itself when it is an array, else the
/// first key (in the file's order) whose value is an array holding an object.
fn whole_list(file: &str, value: Value) -> Result<(String, Vec<Value>), ImportError> {
    match value {
        Value::Array(items) => Ok((String::new(), items)),
        Value::Object(map) => map
            .into_iter()
            .find(|(_, v)| matches!(v, Value::Array(a) if a.iter().any(Value::is_object)))
            .and_then(|(key, v)| match v {
                Value::Array(items) => Some((key, items)),
                _ => None,
            })
            .ok_or_else(|| no_list(file)),
        _ => Err(ImportError::file(
            file,
            "the JSON holds a single value, not a list of objects to import",
        )),
    }
}

fn no_list(file: &str) -> ImportError {
    ImportError::file(
        file,
        "the JSON object holds no list of objects to import; give an array of objects, or an object holding one",
    )
}

/// The first `limit` items (and whether there are more) of the list [`whole_list`] finds,
/// parsing no further into the text than them (a preview of a large file).
fn first_items(
    file: &str,
    text: &str,
    limit: usize,
    cut: bool,
    invalid: impl Fn(serde_json::Error) -> ImportError,
) -> Result<(String, Vec<Value>, bool), ImportError> {
    use serde::de::Deserializer as _;
    let mut found = Found::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let result = de.deserialize_any(TopVisitor {
        found: &mut found,
        limit: limit + 1,
    });
    let ended_early =
        |e: &serde_json::Error| cut && e.classify() == serde_json::error::Category::Eof;
    let mut more = found.more;
    match result {
        Ok(()) => {}
        // Parsing was stopped on purpose once the items were there.
        Err(_) if found.on_purpose => {}
        // The preview's text ends inside the list, after the items read.
        Err(e) if ended_early(&e) && found.list.is_some() => more = true,
        Err(e) => return Err(invalid(e)),
    }
    match found.list {
        Some((path, mut items)) => {
            more |= items.len() > limit;
            items.truncate(limit);
            Ok((path, items, more))
        }
        None if found.scalar => Err(ImportError::file(
            file,
            "the JSON holds a single value, not a list of objects to import",
        )),
        None => Err(no_list(file)),
    }
}

/// The visitor methods for plain values (true, 1, 1.5, "text"), each running `$body` with the
/// visitor as `$v` (null, `visit_unit`, is written out beside it).
macro_rules! plain_values {
    () => {
        plain_values!(|_v| ());
    };
    (|$v:ident| $body:expr) => {
        plain_values!(@one visit_bool(bool), $v, $body);
        plain_values!(@one visit_i64(i64), $v, $body);
        plain_values!(@one visit_u64(u64), $v, $body);
        plain_values!(@one visit_f64(f64), $v, $body);
        plain_values!(@one visit_str(&str), $v, $body);
    };
    (@one $name:ident($t:ty), $v:ident, $body:expr) => {
        #[allow(clippy::no_effect, clippy::unused_unit)]
        fn $name<E>(self, _: $t) -> Result<(), E> {
            let $v = self;
            $body;
            Ok(())
        }
    };
}

/// What [`first_items`] found.
#[derive(Default)]
struct Found {
    /// The list's path and its first items (all read before the text ended or broke).
    list: Option<(String, Vec<Value>)>,
    /// The list goes on after them.
    more: bool,
    /// Parsing was stopped on purpose (the error it makes is no error).
    on_purpose: bool,
    /// The text is a single plain value.
    scalar: bool,
}

/// The top of the text: a list (its first items), an object (the first key holding a list of
/// objects), or a plain value.
struct TopVisitor<'a> {
    found: &'a mut Found,
    limit: usize,
}

impl<'de> serde::de::Visitor<'de> for TopVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of objects, or an object holding one")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let mut items = Vec::new();
        let read = first_of(seq, self.limit, &mut items);
        self.found.list = Some((String::new(), items));
        if read? {
            // Leave the rest unread: the error this makes is expected and ignored.
            self.found.more = true;
            self.found.on_purpose = true;
            return Err(serde::de::Error::custom("enough items"));
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let mut list = None;
            let read = map.next_value_seed(ListSeed {
                limit: self.limit,
                out: &mut list,
            });
            let Some((items, stopped)) = list else {
                read?;
                continue;
            };
            if stopped {
                // A list left before its end: the parser's complaint is expected.
                if !items.iter().any(Value::is_object) {
                    // What follows a long list of plain values cannot be reached without reading
                    // it all; this preview gives up on it.
                    return Err(serde::de::Error::custom(
                        "a long list of plain values comes before any list of objects",
                    ));
                }
                self.found.list = Some((key, items));
                self.found.more = true;
                self.found.on_purpose = true;
                return Err(serde::de::Error::custom("found the list"));
            }
            match read {
                Ok(()) if items.iter().any(Value::is_object) => {
                    self.found.list = Some((key, items));
                    self.found.on_purpose = true;
                    return Err(serde::de::Error::custom("found the list"));
                }
                Ok(()) => {}
                Err(e) => {
                    // The text ends (a preview) or breaks inside this list, after these items.
                    self.found.list = Some((key, items));
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    plain_values!(|v| v.found.scalar = true);

    fn visit_unit<E>(self) -> Result<(), E> {
        self.found.scalar = true;
        Ok(())
    }
}

/// Reads up to `limit` items of a list into `items`; whether it stopped before the list's end.
fn first_of<'de, A: serde::de::SeqAccess<'de>>(
    mut seq: A,
    limit: usize,
    items: &mut Vec<Value>,
) -> Result<bool, A::Error> {
    while items.len() < limit {
        match seq.next_element::<Value>()? {
            Some(v) => items.push(v),
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// A key's value in the top object: a list's first items (put in `out`, with whether it stopped
/// before the list's end), or nothing (any other value, skipped).
struct ListSeed<'a> {
    limit: usize,
    out: &'a mut Option<(Vec<Value>, bool)>,
}

impl<'de> serde::de::DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ListSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let mut items = Vec::new();
        let read = first_of(seq, self.limit, &mut items);
        *self.out = Some((items, *read.as_ref().unwrap_or(&false)));
        read.map(|_| ())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::IgnoredAny;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    plain_values!();

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
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
