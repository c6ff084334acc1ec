//! Importing one row as a claim: its subject (an organization, model, family or country,
//! matched by name), measure, value (a number, range or percentage, with its hedge), date, the
//! source's words as the file gives them (a quote column stays a quote, a paraphrase column a
//! paraphrase), scope and notes; its source is the file's source record, the row as detail. A
//! date with a number of days (`period_days`) is a rolling period ([`When::Trailing`]). A claim
//! the dataset already has from this file (same subject, measure, period and value, whatever its
//! words; or the same scope, measure, period and value about another record) is unchanged; one with the same subject, measure, period and scope but another value
//! is a conflict, handled as `--on-conflict` says.

use super::conflicts::ConflictChoice;
use super::fields::Field;
use super::mapping::{Cell, MappedRow, Mapping};
use super::plan::{Settings, Work};
use super::resolve::resolve_subject;
use super::values::{parse_metric, parse_unit};
use crate::model::{
    Citation, Claim, ClaimId, ClaimValue, Conflict, ConflictId, ConflictKind, Metric, RecordKind,
    RecordRef, ScanLists, Subject, Unit, When, format::value_text, subject_name,
};

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

/// When a row's value holds: its date, over the `period_days` up to it when given.
fn when_of(row: &MappedRow, name: &str) -> Result<Option<When>, String> {
    let date = row.date(Field::Date);
    let Some(n) = row.number(Field::PeriodDays) else {
        return Ok(date.map(When::On));
    };
    let days = n.value;
    if !(days >= 1.0 && days.fract() == 0.0 && days <= f64::from(u32::MAX)) {
        return Err(format!(
            "\"{name}\": a period is a whole number of days (30), not {days}"
        ));
    }
    match date {
        Some(d) => Ok(Some(When::Trailing(days as u32, d))),
        None => Err(format!(
            "\"{name}\": a period of {days} days needs the date it runs up to; the date cell is empty"
        )),
    }
}

/// Imports one claim row; `choice` says what to do with a value that differs from the
/// dataset's.
pub(super) fn import_claim(
    w: &mut Work,
    row: &MappedRow,
    mapping: &Mapping,
    cite: &Citation,
    settings: &Settings,
    choice: ConflictChoice,
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
            "\"{name}\": neither the source's words (quote) nor a summary of them (paraphrase) is given; map a column to quote or paraphrase, or give one for every row with --set paraphrase=TEXT"
        ));
    }
    let metric = metric_of(row, mapping).map_err(|why| format!("\"{name}\": {why}"))?;
    let when = when_of(row, name)?;
    let subject = resolve_subject(w, name, settings.accept_best)?;
    let unit = unit_of(row, mapping, &metric, percent);
    let scope = row.text(Field::Scope).unwrap_or("").to_owned();
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
        scope: scope.clone(),
        when: when.clone(),
        said_by: None,
        source: Some(cite.clone()),
        quote: quote.clone(),
        paraphrase: paraphrase.clone(),
        notes: notes.join("; "),
    };
    let about = w.claims_about(&subject);
    // The same figure from the same file, in whatever words: already there.
    let same = |c: &Claim| {
        c.metric == metric
            && c.when == when
            && c.value == value
            && c.source.as_ref().is_some_and(|s| s.source == cite.source)
    };
    // A scope that names what is counted (a repository) names the figure even where the same
    // thing is two records (a model added twice under two names): the same figure, not a new one.
    let scoped = w.claims_scoped(&scope);
    let mut known = about.iter().chain(&scoped);
    if known.any(|&i| same(&w.ds.claims[i])) {
        w.count(RecordKind::Claim).unchanged += 1;
        return Ok(());
    }
    // Another value for the same figure (same measure, period and scope): a conflict.
    let differing = about.iter().copied().find(|&i| {
        let c = &w.ds.claims[i];
        c.metric == metric && c.when == when && c.scope == scope && c.value != value
    });
    let base = row
        .text(Field::Id)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}-{}", subject_slug(&subject), metric.label()));
    let Some(old) = differing else {
        let id = ClaimId::new(w.fresh(RecordKind::Claim, &base));
        w.note_claim(&subject);
        w.note_scope(&scope);
        w.ds.claims.push(claim(id));
        w.count(RecordKind::Claim).new += 1;
        return Ok(());
    };
    let sentence = {
        let c = &w.ds.claims[old];
        let title =
            w.ds.sources
                .iter()
                .find(|s| s.id == w.source)
                .map(|s| s.title.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "the file".to_owned());
        let within = if scope.is_empty() {
            String::new()
        } else {
            format!(" ({scope})")
        };
        format!(
            "{} {}{within}: {} in the dataset vs {} in {title} ({})",
            subject_name(&w.ds, &ScanLists, &subject),
            metric.label().to_lowercase(),
            value_text(&c.value, &c.unit, c.qualifier),
            value_text(&value, &unit, qualifier),
            cite.detail
        )
    };
    w.count(RecordKind::Claim).conflicts += 1;
    match choice {
        ConflictChoice::Keep => {
            w.conflicts.push(format!("{sentence}; kept the dataset's"));
        }
        ConflictChoice::New => {
            w.conflicts.push(format!("{sentence}; took the file's"));
            let id = w.ds.claims[old].id.clone();
            w.ds.claims[old] = claim(id);
            w.count(RecordKind::Claim).updated += 1;
        }
        ConflictChoice::Both => {
            let id = ClaimId::new(w.fresh(RecordKind::Claim, &base));
            let first = RecordRef::Claim(w.ds.claims[old].id.clone());
            w.note_claim(&subject);
            w.note_scope(&scope);
            w.ds.claims.push(claim(id.clone()));
            w.count(RecordKind::Claim).new += 1;
            let conflict = ConflictId::new(w.fresh(RecordKind::Conflict, &base));
            w.ds.conflicts.push(Conflict {
                id: conflict,
                kind: ConflictKind::Contradiction,
                records: vec![first, RecordRef::Claim(id)],
                description: format!(
                    "{sentence}. Recorded by an import; no source says which is right."
                ),
            });
            w.count(RecordKind::Conflict).new += 1;
            w.conflicts
                .push(format!("{sentence}; recorded as a conflict"));
        }
    }
    Ok(())
}
