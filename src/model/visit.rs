//! A visitor over every number and date in a dataset, with the sources that cover it.
//!
//! Each record type is destructured without `..`, so adding a field to the schema fails to
//! compile here until someone decides which sources cover it. The test over `data.ron` then
//! proves that every number and date has at least one source.

use super::date::PartialDate;
use super::ids::{RecordKind, SourceId};
use super::types::*;

/// A number or a date found in the dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueRef {
    /// A number.
    Number(f64),
    /// A date.
    Date(PartialDate),
}

/// One number or date, where it is, and the sources that support it.
#[derive(Clone, Debug)]
pub struct SourcedValue<'a> {
    /// Kind of record it is in.
    pub kind: RecordKind,
    /// Id of the record.
    pub id: &'a str,
    /// Field path.
    pub field: String,
    /// The value.
    pub value: ValueRef,
    /// Sources that cover it.
    pub sources: Vec<&'a SourceId>,
}

/// The ids of the sources a list of citations cites.
fn cited(list: &[Citation]) -> Vec<&SourceId> {
    list.iter().map(|c| &c.source).collect()
}

/// Calls `f` for every number and every date in `ds`, with the sources that cover it.
pub fn for_each_sourced_value<'a>(ds: &'a Dataset, mut f: impl FnMut(SourcedValue<'a>)) {
    let mut emit = |kind, id: &'a str, field: &str, value, sources: Vec<&'a SourceId>| {
        f(SourcedValue {
            kind,
            id,
            field: field.to_owned(),
            value,
            sources,
        });
    };
    let Dataset {
        format_version: _,
        meta,
        sources,
        organizations,
        people,
        roles,
        families,
        models,
        adoptions,
        claims,
        conflicts,
        series,
        events,
    } = ds;
    // The dataset's own date is when it was compiled, a fact about the file itself.
    let Meta {
        title: _,
        description: _,
        date: _,
        credits: _,
    } = meta;
    for s in sources {
        let Source {
            id,
            title: _,
            publisher: _,
            author: _,
            date,
            locator: _,
            kind: _,
            via: _,
            notes: _,
        } = s;
        if let Some(d) = date {
            // A source's publication date is supported by the source itself.
            emit(
                RecordKind::Source,
                id.as_str(),
                "date",
                ValueRef::Date(*d),
                vec![id],
            );
        }
    }
    for o in organizations {
        let Organization {
            id,
            name: _,
            native_name: _,
            country: _,
            kind: _,
            sector: _,
            headquarters: _,
            founded,
            notes: _,
            sources,
        } = o;
        if let Some(d) = founded {
            emit(
                RecordKind::Organization,
                id.as_str(),
                "founded",
                ValueRef::Date(*d),
                cited(sources),
            );
        }
    }
    for p in people {
        let Person {
            id: _,
            name: _,
            native_name: _,
            notes: _,
            sources: _,
        } = p;
    }
    for r in roles {
        let Role {
            id,
            person: _,
            organization: _,
            title: _,
            since,
            until,
            former: _,
            notes: _,
            sources,
        } = r;
        for (field, d) in [("since", since), ("until", until)] {
            if let Some(d) = d {
                emit(
                    RecordKind::Role,
                    id.as_str(),
                    field,
                    ValueRef::Date(*d),
                    cited(sources),
                );
            }
        }
    }
    for fam in families {
        let ModelFamily {
            id: _,
            name: _,
            developer: _,
            notes: _,
            sources: _,
        } = fam;
    }
    for m in models {
        let Model {
            id,
            name: _,
            family: _,
            developer: _,
            release_date,
            openness: _,
            openness_basis: _,
            license: _,
            total_params_b,
            active_params_b,
            params_qualifier: _,
            architecture: _,
            context_k_tokens,
            context_qualifier: _,
            notes: _,
            sources,
        } = m;
        if let Some(d) = release_date {
            emit(
                RecordKind::Model,
                id.as_str(),
                "release_date",
                ValueRef::Date(*d),
                cited(sources),
            );
        }
        for (field, v) in [
            ("total_params_b", total_params_b),
            ("active_params_b", active_params_b),
            ("context_k_tokens", context_k_tokens),
        ] {
            if let Some(v) = v {
                emit(
                    RecordKind::Model,
                    id.as_str(),
                    field,
                    ValueRef::Number(*v),
                    cited(sources),
                );
            }
        }
    }
    for a in adoptions {
        let Adoption {
            id,
            organization: _,
            target: _,
            use_cases: _,
            status,
            notes: _,
            sources,
        } = a;
        for (i, s) in status.iter().enumerate() {
            let StatusEntry {
                status: _,
                date,
                date_means: _,
                notes: _,
                sources: step_sources,
            } = s;
            if let Some(d) = date {
                // A step is covered by its own sources, or else by the adoption's.
                let covering = if step_sources.is_empty() {
                    sources
                } else {
                    step_sources
                };
                emit(
                    RecordKind::Adoption,
                    id.as_str(),
                    &format!("status[{i}].date"),
                    ValueRef::Date(*d),
                    cited(covering),
                );
            }
        }
    }
    for c in claims {
        let Claim {
            id,
            subject: _,
            metric: _,
            value,
            unit: _,
            qualifier: _,
            baseline: _,
            scope: _,
            when,
            said_by: _,
            source,
            quote: _,
            paraphrase: _,
            notes: _,
        } = c;
        let id = id.as_str();
        let source: Vec<&SourceId> = source.iter().map(|c| &c.source).collect();
        match value {
            ClaimValue::Number(v) => emit(
                RecordKind::Claim,
                id,
                "value",
                ValueRef::Number(*v),
                source.clone(),
            ),
            ClaimValue::Range(lo, hi) => {
                emit(
                    RecordKind::Claim,
                    id,
                    "value",
                    ValueRef::Number(*lo),
                    source.clone(),
                );
                emit(
                    RecordKind::Claim,
                    id,
                    "value",
                    ValueRef::Number(*hi),
                    source.clone(),
                );
            }
            ClaimValue::Date(d) => emit(
                RecordKind::Claim,
                id,
                "value",
                ValueRef::Date(*d),
                source.clone(),
            ),
            ClaimValue::Text(_) => {}
        }
        match when {
            Some(When::On(d) | When::By(d)) => emit(
                RecordKind::Claim,
                id,
                "when",
                ValueRef::Date(*d),
                source.clone(),
            ),
            Some(When::Between(a, b)) => {
                emit(
                    RecordKind::Claim,
                    id,
                    "when",
                    ValueRef::Date(*a),
                    source.clone(),
                );
                emit(
                    RecordKind::Claim,
                    id,
                    "when",
                    ValueRef::Date(*b),
                    source.clone(),
                );
            }
            Some(When::Trailing(days, d)) => {
                emit(
                    RecordKind::Claim,
                    id,
                    "when",
                    ValueRef::Number(f64::from(*days)),
                    source.clone(),
                );
                emit(
                    RecordKind::Claim,
                    id,
                    "when",
                    ValueRef::Date(*d),
                    source.clone(),
                );
            }
            None => {}
        }
    }
    for k in conflicts {
        let Conflict {
            id: _,
            kind: _,
            records: _,
            description: _,
        } = k;
    }
    for s in series {
        let Series {
            id,
            name: _,
            subject: _,
            metric: _,
            unit: _,
            points,
            notes: _,
            sources,
        } = s;
        for (i, p) in points.iter().enumerate() {
            let SeriesPoint { date, value } = p;
            let srcs: Vec<&SourceId> = cited(sources);
            emit(
                RecordKind::Series,
                id.as_str(),
                &format!("points[{i}].date"),
                ValueRef::Date(*date),
                srcs.clone(),
            );
            emit(
                RecordKind::Series,
                id.as_str(),
                &format!("points[{i}].value"),
                ValueRef::Number(*value),
                srcs,
            );
        }
    }
    for e in events {
        let Event {
            id,
            date,
            kind: _,
            title: _,
            description: _,
            related: _,
            sources,
        } = e;
        if let Some(d) = date {
            emit(
                RecordKind::Event,
                id.as_str(),
                "date",
                ValueRef::Date(*d),
                cited(sources),
            );
        }
    }
}
