//! Fields and problems in words: a field path such as `status[0].sources[1]` as people read
//! it ("the first status step's second source"), and a problem as the problems panel shows it
//! (the record by its name, the field by its label, then what is wrong).

use super::ids::{RecordKind, RecordRef};
use super::names::{FindRecord, NameStyle, record_name};
use super::problem::Problem;
use super::types::Dataset;

/// "first", "second"... "tenth", then "11th", "12th", "21st"...: the `i`th (from 0) item.
pub fn ordinal(i: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if let Some(w) = WORDS.get(i) {
        return (*w).to_owned();
    }
    let n = i + 1;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The label of one field (no index) of a record of `kind`, as the forms write it, when it is
/// not just the field's name with `_` as spaces.
fn known_label(kind: RecordKind, name: &str) -> Option<&'static str> {
    Some(match (kind, name) {
        (RecordKind::Source, "via") => "reprint or summary of",
        (RecordKind::Role, "title") => "title",
        (RecordKind::Claim, "metric") => "measure",
        (RecordKind::Claim, "baseline") => "compared with (baseline)",
        (RecordKind::Claim, "subject") => "what it is about",
        (RecordKind::Claim, "source") => "source",
        (RecordKind::Claim, "source.detail") => "place in the source",
        (RecordKind::Claim, "quote") => "quote",
        (RecordKind::Adoption, "target") => "model or family",
        (RecordKind::Conflict, "records") => "records in conflict",
        (RecordKind::Event, "related") => "related records",
        (_, "meta.title") => "dataset title",
        (_, "meta.description") => "dataset description",
        (_, "meta.date") => "dataset date",
        (_, "meta.credits") => "credits",
        (_, "format_version") => "format version",
        (_, "native_name") => "name in its own script",
        (_, "release_date") => "release date",
        (_, "total_params_b") => "total parameters (billions)",
        (_, "active_params_b") => "active parameters (billions)",
        (_, "context_k_tokens") => "context (thousands of tokens)",
        (_, "openness_basis") => "openness basis",
        (_, "said_by") => "said by",
        (_, "use_cases") => "use cases",
        (_, "status") => "status history",
        (_, "detail") => "place in the source",
        _ => return None,
    })
}

/// One item of the list `list` of a record of `kind`: "source", "status step", "point"...
fn item_noun(kind: RecordKind, list: &str) -> String {
    match (kind, list) {
        (_, "sources") => "source".to_owned(),
        (_, "status") => "status step".to_owned(),
        (_, "use_cases") => "use case".to_owned(),
        (RecordKind::Conflict, "records") => "record in conflict".to_owned(),
        (_, "related") => "related record".to_owned(),
        (_, "points") => "point".to_owned(),
        (_, "meta.credits") => "credit".to_owned(),
        (_, other) => other.trim_end_matches('s').replace('_', " "),
    }
}

/// A field path of a record of `kind` in words: `name` is "name", `sources[1]` "the second
/// source", `status[0].sources` "the first status step's sources", `points[3].value` "the
/// fourth point's value". Parts it does not know keep their names with `_` as spaces; no
/// brackets or dots are left.
pub fn field_label(kind: RecordKind, field: &str) -> String {
    if field.is_empty() {
        return String::new();
    }
    // "meta.date" and "source.detail" are one field each, not a path.
    if let Some(whole) = known_label(kind, field) {
        return whole.to_owned();
    }
    let mut words: Vec<String> = Vec::new();
    let parts: Vec<&str> = if field.starts_with("meta.") {
        vec![field]
    } else {
        field.split('.').collect()
    };
    let last = parts.len().saturating_sub(1);
    for (n, part) in parts.iter().enumerate() {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (*part, None),
        };
        let phrase = match index {
            // "the first status step's second source": one "the", at the start.
            Some(i) if n == 0 => format!("the {} {}", ordinal(i), item_noun(kind, name)),
            Some(i) => format!("{} {}", ordinal(i), item_noun(kind, name)),
            None => known_label(kind, name).map_or_else(|| name.replace('_', " "), str::to_owned),
        };
        if n < last {
            words.push(format!("{phrase}'s"));
        } else {
            words.push(phrase);
        }
    }
    words.join(" ")
}

/// A problem as people read it: "Pinterest uses Qwen, the first status step's sources: refers
/// to a source that is not in the dataset", after "warning: " for a warning. The record is
/// named by [`record_name`] (the dataset header as "The dataset"), the field by
/// [`field_label`]; the message is already words.
pub fn problem_text(ds: &Dataset, find: &dyn FindRecord, p: &Problem) -> String {
    let record = match RecordRef::from_kind_and_id(p.kind, &p.id) {
        Some(r) => record_name(ds, find, &r, NameStyle::Plain),
        None if p.kind == RecordKind::Dataset => "The dataset".to_owned(),
        None => format!("A {}", p.kind),
    };
    let field = field_label(p.kind, &p.field);
    let place = if field.is_empty() {
        record
    } else {
        format!("{record}, {field}")
    };
    format!("{}{place}: {}", p.label(), p.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_read_as_words() {
        use RecordKind as K;
        for (kind, path, words) in [
            (
                K::Adoption,
                "status[0].sources",
                "the first status step's sources",
            ),
            (
                K::Adoption,
                "status[0].sources[1]",
                "the first status step's second source",
            ),
            (K::Adoption, "sources[2]", "the third source"),
            (K::Adoption, "use_cases[0]", "the first use case"),
            (K::Adoption, "target", "model or family"),
            (K::Series, "points[11].value", "the 12th point's value"),
            (K::Dataset, "meta.date", "dataset date"),
            (K::Dataset, "meta.credits[1]", "the second credit"),
            (K::Claim, "source.detail", "place in the source"),
            (K::Model, "release_date", "release date"),
        ] {
            assert_eq!(field_label(kind, path), words, "{path}");
        }
        for (i, w) in [
            (0, "first"),
            (20, "21st"),
            (21, "22nd"),
            (10, "11th"),
            (102, "103rd"),
        ] {
            assert_eq!(ordinal(i), w);
        }
    }
}
