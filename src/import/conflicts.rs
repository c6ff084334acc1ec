//! A value that differs from the dataset's is never overwritten silently: per field the
//! existing value is kept, the new one taken, or both kept as a recorded conflict (a claim
//! citing the file's row, and a conflict record between it and what the dataset had, like the
//! release-date conflicts already in the built-in data).

use super::fields::Field;
use super::plan::Work;
use crate::model::{
    Citation, Claim, ClaimId, ClaimValue, Conflict, ConflictId, ConflictKind, Metric, Model,
    Openness, OpennessBasis, Organization, PartialDate, Qualifier, RecordKind, RecordRef, SourceId,
    Subject, Unit, When,
};

/// What to do with a value that differs from the dataset's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize)]
pub enum ConflictChoice {
    /// Keep the dataset's value; the file's is not imported.
    Keep,
    /// Take the file's value.
    New,
    /// Keep the dataset's value and record the file's as a conflicting claim.
    #[default]
    Both,
}

impl ConflictChoice {
    /// The choice named `keep`, `new` or `both`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "keep" => Some(Self::Keep),
            "new" => Some(Self::New),
            "both" => Some(Self::Both),
            _ => None,
        }
    }
}

/// A value a row gives for one field of a model, in the model's units.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// A date.
    Date(PartialDate),
    /// A number (billions of parameters, thousands of tokens).
    Number(f64),
    /// Text.
    Text(String),
    /// An openness category.
    Openness(Openness),
}

impl FieldValue {
    fn text(&self) -> String {
        match self {
            FieldValue::Date(d) => d.to_string(),
            FieldValue::Number(n) => format!("{n}"),
            FieldValue::Text(t) => t.clone(),
            FieldValue::Openness(o) => o.label().to_owned(),
        }
    }
}

/// How a row's value stands against the record's.
#[derive(Clone, Debug, PartialEq)]
pub enum Compared {
    /// The same (a less precise date that agrees counts as the same).
    Same,
    /// The record has no value.
    Missing,
    /// The record has this other value.
    Differs(FieldValue),
}

/// The record's value for a field.
fn model_value(m: &Model, f: Field) -> Option<FieldValue> {
    match f {
        Field::ReleaseDate => m.release_date.map(FieldValue::Date),
        Field::Openness => m.openness.map(FieldValue::Openness),
        Field::License => (!m.license.is_empty()).then(|| FieldValue::Text(m.license.clone())),
        Field::TotalParams => m.total_params_b.map(FieldValue::Number),
        Field::ActiveParams => m.active_params_b.map(FieldValue::Number),
        Field::ContextLength => m.context_k_tokens.map(FieldValue::Number),
        _ => None,
    }
}

/// Compares a row's value with the model's.
pub fn compare(m: &Model, f: Field, v: &FieldValue) -> Compared {
    let Some(old) = model_value(m, f) else {
        return Compared::Missing;
    };
    let same = match (&old, v) {
        (FieldValue::Number(a), FieldValue::Number(b)) => {
            (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
        }
        (FieldValue::Date(a), FieldValue::Date(b)) => agrees(a, b),
        (FieldValue::Text(a), FieldValue::Text(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (a, b) => a == b,
    };
    if same {
        Compared::Same
    } else {
        Compared::Differs(old)
    }
}

/// Whether two dates agree as far as the less precise one goes (2025-01 agrees with 2025-01-20).
pub(super) fn agrees(a: &PartialDate, b: &PartialDate) -> bool {
    a.year == b.year
        && (a.month.is_none() || b.month.is_none() || a.month == b.month)
        && (a.day.is_none() || b.day.is_none() || a.day == b.day)
}

/// Sets a model's field to a row's value.
pub fn set_model(m: &mut Model, f: Field, v: &FieldValue, source: &SourceId) {
    match (f, v) {
        (Field::ReleaseDate, FieldValue::Date(d)) => m.release_date = Some(*d),
        (Field::Openness, FieldValue::Openness(o)) => {
            m.openness = Some(*o);
            m.openness_basis = Some(OpennessBasis::Source(source.clone()));
        }
        (Field::License, FieldValue::Text(t)) => m.license = t.clone(),
        (Field::TotalParams, FieldValue::Number(n)) => m.total_params_b = Some(*n),
        (Field::ActiveParams, FieldValue::Number(n)) => m.active_params_b = Some(*n),
        (Field::ContextLength, FieldValue::Number(n)) => m.context_k_tokens = Some(*n),
        _ => {}
    }
}

fn field_words(f: Field) -> &'static str {
    match f {
        Field::ReleaseDate => "release date",
        Field::Openness => "openness",
        Field::License => "licence",
        Field::TotalParams => "total parameters (billions)",
        Field::ActiveParams => "active parameters (billions)",
        Field::ContextLength => "context length (thousands of tokens)",
        Field::Country => "country",
        Field::NativeName => "native name",
        Field::Sector => "sector",
        _ => "headquarters",
    }
}

/// Handles a differing model value by `choice`; returns whether the model itself changed. The
/// model's conflict count grows only when the conflict is handled here (kept, taken or recorded),
/// not when a claim already records the file's value, so the summary counts what is applied.
pub fn record_conflict(
    w: &mut Work,
    m: &mut Model,
    f: Field,
    old: FieldValue,
    new: FieldValue,
    cite: &Citation,
    choice: ConflictChoice,
) -> bool {
    let title = w.source_title.clone();
    let what = field_words(f);
    let sentence = format!(
        "{} {what}: {} in the dataset vs {} in {title} ({})",
        m.name,
        old.text(),
        new.text(),
        cite.detail
    );
    match choice {
        ConflictChoice::Keep => {
            w.count(RecordKind::Model).conflicts += 1;
            w.conflicts.push(format!("{sentence}; kept {}", old.text()));
            false
        }
        ConflictChoice::New => {
            w.count(RecordKind::Model).conflicts += 1;
            w.conflicts.push(format!("{sentence}; took {}", new.text()));
            set_model(m, f, &new, &w.source);
            true
        }
        ConflictChoice::Both => {
            let subject = Subject::Model(m.id.clone());
            let (metric, value, unit) = match &new {
                FieldValue::Date(d) => (Metric::Date, ClaimValue::Date(*d), Unit::None),
                FieldValue::Number(n) if matches!(f, Field::TotalParams | Field::ActiveParams) => (
                    Metric::Other(what.into()),
                    ClaimValue::Number(*n),
                    Unit::BillionParams,
                ),
                FieldValue::Number(n) => (
                    Metric::Other(what.into()),
                    ClaimValue::Number(*n),
                    Unit::None,
                ),
                other => (
                    Metric::Other(what.into()),
                    ClaimValue::Text(other.text()),
                    Unit::None,
                ),
            };
            // The conflict is already recorded when a claim gives the same value (from this file
            // or another source, as the built-in Epoch release-date claims do).
            let about = w.claims_about(&subject);
            let known = about
                .iter()
                .any(|&i| w.ds.claims[i].metric == metric && w.ds.claims[i].value == value);
            if known {
                return false;
            }
            w.count(RecordKind::Model).conflicts += 1;
            // Stand for the dataset's value: its own claim of that value when it has one, else the model.
            let old_value = match &old {
                FieldValue::Date(d) => Some(ClaimValue::Date(*d)),
                _ => None,
            };
            let existing = old_value
                .and_then(|v| {
                    about
                        .iter()
                        .map(|&i| &w.ds.claims[i])
                        .find(|c| c.metric == metric && c.value == v)
                })
                .map(|c| RecordRef::Claim(c.id.clone()));
            let base = format!("{}-{}-{}", m.id, short(f), w.source);
            push_recorded(
                w,
                Recorded {
                    subject,
                    metric,
                    value,
                    unit,
                    when: None,
                    cite,
                    paraphrase: format!("{title} gives {} as the {what} of {}", new.text(), m.name),
                    first: existing.unwrap_or(RecordRef::Model(m.id.clone())),
                    kind: if f == Field::ReleaseDate {
                        ConflictKind::DifferentMeasure
                    } else {
                        ConflictKind::Contradiction
                    },
                    sentence,
                    base,
                },
            );
            false
        }
    }
}

/// The title of the source the import cites.
fn short(f: Field) -> &'static str {
    match f {
        Field::ReleaseDate => "date",
        Field::TotalParams => "params",
        Field::ActiveParams => "active-params",
        Field::ContextLength => "context",
        Field::Openness => "openness",
        Field::License => "license",
        Field::Country => "country",
        _ => "value",
    }
}

/// Handles a differing organization text field by `choice`; returns whether the record changed
/// (counted as [`record_conflict`] counts).
pub fn org_conflict(
    w: &mut Work,
    o: &mut Organization,
    f: Field,
    old: &str,
    new: &str,
    cite: &Citation,
    choice: ConflictChoice,
) -> bool {
    let title = w.source_title.clone();
    let what = field_words(f);
    let sentence = format!(
        "{} {what}: {old} in the dataset vs {new} in {title} ({})",
        o.name, cite.detail
    );
    match choice {
        ConflictChoice::Keep => {
            w.count(RecordKind::Organization).conflicts += 1;
            w.conflicts.push(format!("{sentence}; kept {old}"));
            false
        }
        ConflictChoice::New => {
            w.count(RecordKind::Organization).conflicts += 1;
            w.conflicts.push(format!("{sentence}; took {new}"));
            match f {
                Field::Country => o.country = new.to_owned(),
                Field::NativeName => o.native_name = new.to_owned(),
                Field::Sector => o.sector = new.to_owned(),
                _ => o.headquarters = new.to_owned(),
            }
            true
        }
        ConflictChoice::Both => {
            let subject = Subject::Organization(o.id.clone());
            let value = ClaimValue::Text(new.to_owned());
            let metric = Metric::Other(what.into());
            let about = w.claims_about(&subject);
            if about
                .iter()
                .any(|&i| w.ds.claims[i].metric == metric && w.ds.claims[i].value == value)
            {
                return false;
            }
            w.count(RecordKind::Organization).conflicts += 1;
            let base = format!("{}-{}-{}", o.id, short(f), w.source);
            push_recorded(
                w,
                Recorded {
                    subject,
                    metric,
                    value,
                    unit: Unit::None,
                    when: None,
                    cite,
                    paraphrase: format!("{title} gives {new} as the {what} of {}", o.name),
                    first: RecordRef::Organization(o.id.clone()),
                    kind: ConflictKind::Contradiction,
                    sentence,
                    base,
                },
            );
            false
        }
    }
}

/// A differing value to record: a claim of the file's value citing its row, and a conflict
/// between it and what stands for the dataset's value.
struct Recorded<'a> {
    subject: Subject,
    metric: Metric,
    value: ClaimValue,
    unit: Unit,
    when: Option<When>,
    cite: &'a Citation,
    paraphrase: String,
    first: RecordRef,
    kind: ConflictKind,
    sentence: String,
    base: String,
}

fn push_recorded(w: &mut Work, r: Recorded<'_>) {
    let claim_id = ClaimId::new(w.fresh(RecordKind::Claim, &r.base));
    w.note_claim(&r.subject);
    w.ds.claims.push(Claim {
        id: claim_id.clone(),
        subject: r.subject,
        metric: r.metric,
        value: r.value,
        unit: r.unit,
        qualifier: Qualifier::Exact,
        baseline: String::new(),
        scope: String::new(),
        when: r.when,
        said_by: None,
        source: Some(r.cite.clone()),
        quote: String::new(),
        paraphrase: r.paraphrase,
        notes: String::new(),
    });
    w.count(RecordKind::Claim).new += 1;
    let conflict_id = ConflictId::new(w.fresh(RecordKind::Conflict, &r.base));
    w.ds.conflicts.push(Conflict {
        id: conflict_id,
        kind: r.kind,
        records: vec![r.first, RecordRef::Claim(claim_id)],
        description: format!(
            "{}. Recorded by an import; no source says which is right.",
            r.sentence
        ),
    });
    w.count(RecordKind::Conflict).new += 1;
    w.conflicts
        .push(format!("{}; recorded as a conflict", r.sentence));
}

/// A differing value of an adoption (a status step's date) or a series (a point's value), to
/// handle by the user's choice.
pub(super) struct Differing<'a> {
    /// The record the dataset's value is in.
    pub record: RecordRef,
    /// Its name, for the sentence.
    pub name: String,
    /// What differs, in words ("date of the In production step", "value on 2025-03").
    pub what: String,
    /// The dataset's value, in words.
    pub old: String,
    /// The file's value, in words.
    pub new: String,
    /// The claim to record for the file's value: what it is about and says.
    pub subject: Subject,
    /// Its measure.
    pub metric: Metric,
    /// Its value.
    pub value: ClaimValue,
    /// Its unit.
    pub unit: Unit,
    /// When it holds.
    pub when: Option<When>,
    /// The row's citation.
    pub cite: &'a Citation,
    /// A base for the new records' ids.
    pub base: String,
}

/// Handles a differing value of an adoption or series by `choice`; returns whether the caller
/// is to take the file's value (the record changes).
pub(super) fn other_conflict(w: &mut Work, d: Differing<'_>, choice: ConflictChoice) -> bool {
    let title = w.source_title.clone();
    let sentence = format!(
        "{} {}: {} in the dataset vs {} in {title} ({})",
        d.name, d.what, d.old, d.new, d.cite.detail
    );
    match choice {
        ConflictChoice::Keep => {
            w.conflicts.push(format!("{sentence}; kept {}", d.old));
            false
        }
        ConflictChoice::New => {
            w.conflicts.push(format!("{sentence}; took {}", d.new));
            true
        }
        ConflictChoice::Both => {
            let about = w.claims_about(&d.subject);
            let known = about.iter().any(|&i| {
                let c = &w.ds.claims[i];
                c.metric == d.metric && c.value == d.value && c.when == d.when
            });
            if !known {
                push_recorded(
                    w,
                    Recorded {
                        subject: d.subject,
                        metric: d.metric,
                        value: d.value,
                        unit: d.unit,
                        when: d.when,
                        cite: d.cite,
                        paraphrase: format!(
                            "{title} gives {} as the {} of {}",
                            d.new, d.what, d.name
                        ),
                        first: d.record,
                        kind: ConflictKind::Contradiction,
                        sentence,
                        base: d.base,
                    },
                );
            }
            false
        }
    }
}
