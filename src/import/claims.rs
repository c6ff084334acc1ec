//! Importing one row as a claim: its subject (an organization, model, family or country,
//! matched by name), measure, value (a number, range or percentage, with its hedge), date, the
//! source's words as the file gives them (a quote column stays a quote, a paraphrase column a
//! paraphrase) and notes; its source is the file's source record, the row as detail. A claim
//! the dataset already has from this file (same subject, measure, value, date and words) is
//! unchanged.

use super::fields::Field;
use super::mapping::{Cell, MappedRow, Mapping};
use super::plan::{Settings, Work};
use super::resolve::resolve_subject;
use super::values::{parse_metric, parse_unit};
use crate::model::{Citation, Claim, ClaimId, ClaimValue, Metric, RecordKind, Subject, Unit, When};

/// The unit of a row's value: its unit column, else the mapping's, else `%` when the value was
/// written as a percentage.
pub(super) fn unit_of(row: &MappedRow, mapping: &Mapping, metric: &Metric, percent: bool) -> Unit {
    let given = row
        .text(Field::Unit)
        .map(parse_unit)
        .filter(|u| *u != Unit::None)
        .unwrap_or_else(|| parse_unit(&mapping.unit));
    match given {
        Unit::None if percent => Unit::Percent,
        Unit::None => super::values::default_unit(metric),
        u => u,
    }
}

/// The measure of a row: its metric column, else the mapping's.
pub(super) fn metric_of(row: &MappedRow, mapping: &Mapping) -> Result<Metric, String> {
    row.text(Field::Metric)
        .and_then(parse_metric)
        .or_else(|| parse_metric(&mapping.metric))
        .ok_or_else(|| {
            "no measure: the metric cell is empty and no measure is given for every row".to_owned()
        })
}

/// A short id part for a subject.
pub(super) fn subject_slug(s: &Subject) -> String {
    match s {
        Subject::Organization(i) => i.to_string(),
        Subject::Model(i) => i.to_string(),
        Subject::Family(i) => i.to_string(),
        Subject::Adoption(i) => i.to_string(),
        Subject::Country(c) => c.clone(),
    }
}

/// Imports one claim row.
pub(super) fn import_claim(
    w: &mut Work,
    row: &MappedRow,
    mapping: &Mapping,
    cite: &Citation,
    settings: &Settings,
) -> Result<(), String> {
    let name = row.text(Field::Subject).unwrap_or("").trim();
    if name.is_empty() {
        return Err("no subject; map a column to \"subject\"".into());
    }
    let (value, qualifier, percent) = match row.values.get(&Field::Value) {
        Some(Cell::Number(n)) => (ClaimValue::Number(n.value), n.qualifier, n.percent),
        Some(Cell::Range(a, b)) => (
            ClaimValue::Range(a.value, b.value),
            a.qualifier,
            a.percent || b.percent,
        ),
        _ => return Err(format!("\"{name}\": the value cell is empty")),
    };
    let quote = row.text(Field::Quote).unwrap_or("").to_owned();
    let paraphrase = row.text(Field::Paraphrase).unwrap_or("").to_owned();
    if quote.is_empty() && paraphrase.is_empty() {
        return Err(format!(
            "\"{name}\": neither the source's words (quote) nor a summary of them (paraphrase) is given; map a column to quote or paraphrase"
        ));
    }
    let metric = metric_of(row, mapping).map_err(|why| format!("\"{name}\": {why}"))?;
    let subject = resolve_subject(w, name, settings.accept_best)?;
    let unit = unit_of(row, mapping, &metric, percent);
    let when = row.date(Field::Date).map(When::On);
    let mut notes = row.notes.clone();
    if let Some(t) = row.text(Field::Notes).filter(|t| !t.is_empty()) {
        notes.push(t.to_owned());
    }
    let claim = |id: ClaimId| Claim {
        id,
        subject: subject.clone(),
        metric: metric.clone(),
        value: value.clone(),
        unit: unit.clone(),
        qualifier,
        baseline: String::new(),
        scope: String::new(),
        when: when.clone(),
        said_by: None,
        source: Some(cite.clone()),
        quote: quote.clone(),
        paraphrase: paraphrase.clone(),
        notes: notes.join("; "),
    };
    let same = |c: &Claim| {
        c.metric == metric
            && c.value == value
            && c.when == when
            && c.quote == quote
            && c.paraphrase == paraphrase
            && c.source.as_ref().is_some_and(|s| s.source == cite.source)
    };
    let about = w.claims_about(&subject);
    if about.iter().any(|&i| same(&w.ds.claims[i])) {
        w.count(RecordKind::Claim).unchanged += 1;
        return Ok(());
    }
    let base = row
        .text(Field::Id)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}-{}", subject_slug(&subject), metric.label()));
    let id = ClaimId::new(w.fresh(RecordKind::Claim, &base));
    w.note_claim(&subject);
    w.ds.claims.push(claim(id));
    w.count(RecordKind::Claim).new += 1;
    Ok(())
}
