//! Importing time series. Long form: rows of (subject, metric, date, value[, unit]) grouped into
//! one series per subject and metric. Wide form: one row per date, and every column not mapped
//! is one subject's series (the subject matched by its header), cells declared absent giving no
//! point. A series the dataset has for the same subject and metric gains the new dates; a
//! differing value at a date it has is a conflict handled by the user's choice.
//!
//! A series' points carry no citation of their own (a point is a date and a value), so the
//! series cites the file's source with the rows its points came from as detail ("rows 2-14").

use super::conflicts::{ConflictChoice, Differing, other_conflict};
use super::decide::Decision;
use super::fields::Field;
use super::mapping::{Cell, CellProblem, MappedRow};
use super::matching::fold;
use super::parse::parse_number;
use super::plan::{Skipped, Work};
use super::resolve::{resolve_subject, rows_detail};
use super::session::Import;
use crate::model::{
    Citation, ClaimValue, Metric, PartialDate, RecordKind, RecordRef, ScanLists, Series, SeriesId,
    SeriesPoint, Subject, Unit, When, subject_name,
};

/// What a series import did.
pub(super) struct Done {
    /// Rows that gave at least one point.
    pub imported: usize,
    /// Rows (or, in wide form, columns: row 1) left out, and why.
    pub skipped: Vec<Skipped>,
}

/// One series to import: its subject as the file names it, its measure and unit, its points
/// with their rows.
struct Group {
    name: String,
    metric: Metric,
    unit: Unit,
    points: Vec<(u32, PartialDate, f64)>,
    /// Where the subject's name is: a row, or a wide file's column (header row 1).
    column: Option<String>,
}

/// Imports the series of a long or wide file.
pub(super) fn import_series(
    w: &mut Work,
    import: &Import,
    problems: &mut Vec<CellProblem>,
) -> Done {
    let mut skipped = Vec::new();
    let groups = if import.mapping.wide {
        wide_groups(import, problems, &mut skipped)
    } else {
        long_groups(import, &mut skipped)
    };
    let choice = |row: u32, f: Field| {
        import
            .conflict_choices
            .get(&(row, f))
            .copied()
            .unwrap_or(import.settings.on_conflict)
    };
    let word = import.table.locator(0);
    let word = word.split(' ').next().unwrap_or("row");
    let mut rows_with_points = std::collections::BTreeSet::new();
    for g in groups {
        let subject = match resolve_subject(w, &g.name, import.settings.accept_best) {
            Ok(s) => s,
            Err(why) => {
                skip_group(&g, &why, &mut skipped);
                continue;
            }
        };
        let exists =
            w.ds.series
                .iter()
                .any(|s| s.subject == subject && s.metric == g.metric);
        if exists && import.settings.new_only {
            let reason =
                "the dataset has this series already, and only new records are added (--new-only)";
            skip_group(&g, reason, &mut skipped);
            continue;
        }
        let points = dedupe(g.points, &mut skipped);
        rows_with_points.extend(points.iter().map(|p| p.0));
        merge(w, subject, g.metric, g.unit, points, word, &choice);
    }
    Done {
        imported: rows_with_points.len(),
        skipped,
    }
}

/// Leaves a whole series out: a wide file's column (its header, row 1), or a long file's rows.
fn skip_group(g: &Group, reason: &str, skipped: &mut Vec<Skipped>) {
    match &g.column {
        Some(h) => skipped.push(Skipped {
            row: 1,
            reason: format!("column \"{h}\": {reason}"),
        }),
        None => skipped.extend(g.points.iter().map(|(row, ..)| Skipped {
            row: *row,
            reason: reason.to_owned(),
        })),
    }
}

fn skip_words(row: &MappedRow) -> String {
    if row.problems.is_empty() {
        "was skipped".into()
    } else {
        "was skipped: a cell does not parse".into()
    }
}

/// Long form: one point a row, grouped by subject (folded) and metric.
fn long_groups(import: &Import, skipped: &mut Vec<Skipped>) -> Vec<Group> {
    let mapping = &import.mapping;
    let mut groups: Vec<Group> = Vec::new();
    let mut at: std::collections::HashMap<(String, Metric), usize> = Default::default();
    for (row, m) in import.rows.iter().zip(&import.matches) {
        let mut skip = |reason: String| {
            skipped.push(Skipped {
                row: row.row,
                reason,
            })
        };
        if m.decision == Decision::Skip {
            skip(skip_words(row));
            continue;
        }
        let name = row.text(Field::Subject).unwrap_or("").trim();
        if name.is_empty() {
            skip("no subject; map a column to \"subject\"".into());
            continue;
        }
        let metric = match super::claims::metric_of(row, mapping) {
            Ok(m) => m,
            Err(why) => {
                skip(why);
                continue;
            }
        };
        let Some(date) = row.date(Field::Date) else {
            skip("no date: the date cell is empty".into());
            continue;
        };
        let n = match row.values.get(&Field::Value) {
            Some(Cell::Number(n)) => *n,
            Some(Cell::Range(..)) => {
                skip("a range cannot be a point of a series; give one number".into());
                continue;
            }
            _ => {
                skip("no value: the value cell is empty".into());
                continue;
            }
        };
        let key = (fold(name).key(), metric.clone());
        let i = *at.entry(key).or_insert_with(|| {
            groups.push(Group {
                name: name.to_owned(),
                unit: super::claims::unit_of(row, mapping, &metric, n.percent),
                metric,
                points: Vec::new(),
                column: None,
            });
            groups.len() - 1
        });
        groups[i].points.push((row.row, date, n.value));
    }
    groups
}

/// Wide form: every column not mapped is a subject; each row's date and that column's cell is a
/// point, unless the cell is empty or declared absent.
fn wide_groups(
    import: &Import,
    problems: &mut Vec<CellProblem>,
    skipped: &mut Vec<Skipped>,
) -> Vec<Group> {
    let (table, mapping) = (&import.table, &import.mapping);
    let mapped: Vec<usize> = mapping
        .columns
        .iter()
        .filter_map(|c| table.column(&c.column))
        .collect();
    let metric = mapping
        .column_of(Field::Metric)
        .and_then(|_| import.rows.iter().find_map(|r| r.text(Field::Metric)))
        .and_then(super::values::parse_metric)
        .or_else(|| super::values::parse_metric(&mapping.metric))
        .unwrap_or_else(|| Metric::Other("value".into()));
    let absent_numbers: Vec<f64> = mapping
        .absent
        .iter()
        .filter_map(|a| parse_number(a).ok().map(|n| n.value))
        .collect();
    let is_absent = |t: &str| {
        let t = t.trim();
        t.is_empty()
            || mapping.absent.iter().any(|a| a.trim() == t)
            || parse_number(t).is_ok_and(|n| absent_numbers.contains(&n.value))
    };
    let mut rows = Vec::new();
    for (k, (row, m)) in import.rows.iter().zip(&import.matches).enumerate() {
        if m.decision == Decision::Skip {
            skipped.push(Skipped {
                row: row.row,
                reason: skip_words(row),
            });
        } else if let Some(d) = row.date(Field::Date) {
            rows.push((k, row.row, d));
        } else {
            skipped.push(Skipped {
                row: row.row,
                reason: "no date: the date cell is empty".into(),
            });
        }
    }
    let mut groups = Vec::new();
    for (col, header) in table.headers.iter().enumerate() {
        if mapped.contains(&col) {
            continue;
        }
        let mut percent = false;
        let mut points = Vec::new();
        for &(k, row, date) in &rows {
            let text = table.rows[k].cells[col].as_str();
            if is_absent(text) {
                continue;
            }
            match parse_number(text) {
                Ok(n) => {
                    percent |= n.percent;
                    points.push((row, date, n.value));
                }
                Err(message) => problems.push(CellProblem {
                    row,
                    column: col as u32 + 1,
                    header: header.clone(),
                    message,
                }),
            }
        }
        if points.is_empty() {
            continue;
        }
        let unit = super::values::parse_unit(&mapping.unit);
        groups.push(Group {
            name: header.trim().to_owned(),
            metric: metric.clone(),
            unit: match unit {
                Unit::None if percent => Unit::Percent,
                Unit::None => super::values::default_unit(&metric),
                u => u,
            },
            points,
            column: Some(header.clone()),
        });
    }
    groups
}

/// The points with one per date: a later row giving another value for a date already given is
/// left out (listed); the same value again is dropped quietly.
fn dedupe(
    points: Vec<(u32, PartialDate, f64)>,
    skipped: &mut Vec<Skipped>,
) -> Vec<(u32, PartialDate, f64)> {
    let mut out: Vec<(u32, PartialDate, f64)> = Vec::with_capacity(points.len());
    let mut seen: std::collections::HashMap<PartialDate, usize> = Default::default();
    for (row, date, v) in points {
        match seen.get(&date) {
            Some(&i) if same(out[i].2, v) => {}
            Some(&i) => skipped.push(Skipped {
                row,
                reason: format!(
                    "gives {v} for {date}, but row {} gave {} for the same series and date",
                    out[i].0, out[i].2
                ),
            }),
            None => {
                seen.insert(date, out.len());
                out.push((row, date, v));
            }
        }
    }
    out
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Adds one group's points to the dataset's series of that subject and metric, or as a new one.
fn merge(
    w: &mut Work,
    subject: Subject,
    metric: Metric,
    unit: Unit,
    points: Vec<(u32, PartialDate, f64)>,
    word: &str,
    choice: &dyn Fn(u32, Field) -> ConflictChoice,
) {
    let source = w.source.clone();
    let found =
        w.ds.series
            .iter()
            .position(|s| s.subject == subject && s.metric == metric);
    let Some(at) = found else {
        let rows: Vec<u32> = points.iter().map(|p| p.0).collect();
        let name = format!(
            "{}: {}",
            subject_name(&w.ds, &ScanLists, &subject),
            metric.label()
        );
        let base = format!(
            "{}-{}",
            super::claims::subject_slug(&subject),
            metric.label()
        );
        let id = SeriesId::new(w.fresh(RecordKind::Series, &base));
        let mut pts: Vec<SeriesPoint> = points
            .into_iter()
            .map(|(_, date, value)| SeriesPoint { date, value })
            .collect();
        pts.sort_by_key(|p| p.date);
        w.ds.series.push(Series {
            id,
            name,
            subject,
            metric,
            unit,
            points: pts,
            notes: String::new(),
            sources: vec![Citation::with_detail(source, rows_detail(word, &rows))],
        });
        w.count(RecordKind::Series).new += 1;
        return;
    };
    let mut s = w.ds.series[at].clone();
    let mut cited_rows = Vec::new();
    let mut conflicted = false;
    for (row, date, value) in points {
        match s.points.iter().position(|p| p.date == date) {
            None => {
                s.points.push(SeriesPoint { date, value });
                cited_rows.push(row);
            }
            Some(i) if same(s.points[i].value, value) => {}
            Some(i) => {
                conflicted = true;
                w.count(RecordKind::Series).conflicts += 1;
                let cite = Citation::with_detail(source.clone(), format!("{word} {row}"));
                let differing = Differing {
                    record: RecordRef::Series(s.id.clone()),
                    name: s.name.clone(),
                    what: format!("value for {date}"),
                    old: format!("{}", s.points[i].value),
                    new: format!("{value}"),
                    subject: s.subject.clone(),
                    metric: s.metric.clone(),
                    value: ClaimValue::Number(value),
                    unit: s.unit.clone(),
                    when: Some(When::On(date)),
                    cite: &cite,
                    base: format!("{}-{date}-{}", s.id, source),
                };
                if other_conflict(w, differing, choice(row, Field::Value)) {
                    s.points[i].value = value;
                    cited_rows.push(row);
                }
            }
        }
    }
    if !cited_rows.is_empty() {
        s.points.sort_by_key(|p| p.date);
        let cite = Citation::with_detail(source, rows_detail(word, &cited_rows));
        if !s.sources.contains(&cite) {
            s.sources.push(cite);
        }
    }
    if s != w.ds.series[at] {
        w.ds.series[at] = s;
        w.count(RecordKind::Series).updated += 1;
    } else if !conflicted {
        w.count(RecordKind::Series).unchanged += 1;
    }
}
