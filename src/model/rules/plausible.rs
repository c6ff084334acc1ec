//! Plausible values: counts that are whole, ranks from 1, shares with a unit and at most 100%,
//! values of the kind their metric and unit call for, and model sizes between 1 000 and 100
//! trillion parameters.

use super::Reported;
use crate::model::format::format_number;
use crate::model::ids::RecordKind;
use crate::model::problem::Problem;
use crate::model::types::*;

/// The most parameters a model may have, in billions: 100 trillion.
const MAX_PARAMS_B: f64 = 100_000.0;
/// The fewest parameters a model may have, in billions: 1 000.
const MIN_PARAMS_B: f64 = 0.000_001;

/// `v` for a message: digits with thousands separators, or an exponent when huge or tiny.
fn shown(v: f64) -> String {
    if v != 0.0 && !(1e-4..1e15).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format_number(v)
    }
}

/// Metrics whose values count things, so are whole when given as plain numbers.
fn counts(metric: &Metric) -> bool {
    matches!(
        metric,
        Metric::CumulativeDownloads
            | Metric::MonthlyDownloads
            | Metric::PeriodDownloads
            | Metric::Derivatives
            | Metric::ModelCount
            | Metric::MonthlyActiveUsers
            | Metric::TrendingModels
    )
}

/// Metrics that are a share of a whole.
fn is_share(metric: &Metric) -> bool {
    matches!(
        metric,
        Metric::DownloadShare | Metric::DerivativeShare | Metric::ReleaseShare | Metric::UsageShare
    )
}

/// Units whose values are numbers.
fn numeric(unit: &Unit) -> bool {
    matches!(
        unit,
        Unit::Percent | Unit::Count | Unit::Times | Unit::BillionParams
    )
}

/// What is wrong with a size of `b` billion parameters, if anything (not for sizes of zero or
/// less, or not finite: the rule for positive numbers reports those).
pub(super) fn params_issue(b: f64) -> Option<String> {
    if !b.is_finite() || b <= 0.0 {
        None
    } else if b > MAX_PARAMS_B {
        Some(format!(
            "{} billion is more than 100 trillion parameters; sizes are in billions (7 for a 7B \
             model)",
            shown(b)
        ))
    } else if b < MIN_PARAMS_B {
        Some(format!(
            "{} billion is fewer than 1,000 parameters; sizes are in billions (0.5 for a 500M \
             model)",
            shown(b)
        ))
    } else {
        None
    }
}

/// What is wrong with the number `v` of `metric` in `unit`, if anything (`v` finite).
fn number_issue(metric: &Metric, unit: &Unit, v: f64) -> Option<String> {
    let whole = v.fract() == 0.0;
    if *metric == Metric::DownloadRank && !matches!(unit, Unit::Other(_)) {
        if v < 1.0 {
            return Some(format!(
                "rank {} is below 1; ranks start at 1 (the most downloaded)",
                shown(v)
            ));
        }
        if !whole {
            return Some(format!("rank {} is not a whole number", shown(v)));
        }
    }
    let counted = *unit == Unit::Count || counts(metric) && *unit == Unit::None;
    if counted && !whole {
        let what = if counts(metric) {
            format!("{} is a count", metric.label())
        } else {
            "the unit is count".to_owned()
        };
        return Some(format!(
            "{} is not a whole number; {what}, and counts are whole",
            shown(v)
        ));
    }
    if is_share(metric) && *unit == Unit::None {
        if v > 100.0 {
            return Some(format!("a share of {} is more than 100%", shown(v)));
        }
        if v < 0.0 {
            return Some(format!("a share of {} is less than 0%", shown(v)));
        }
    }
    if *unit == Unit::BillionParams {
        return params_issue(v);
    }
    None
}

/// Why a value of kind `value` does not fit `metric` and `unit`, if it does not.
fn kind_issue(metric: &Metric, unit: &Unit, value: ValueKind) -> Option<String> {
    let number = matches!(value, ValueKind::Number | ValueKind::Range);
    if *metric == Metric::Date && number {
        return Some(format!(
            "the measure is Date but the value is {}; give the date, or choose what the number \
             measures",
            value.label()
        ));
    }
    if numeric(unit) && !number {
        return Some(format!(
            "a value in {} must be a number, but this one is {}; give the number, or set the \
             unit to none",
            unit.label(),
            value.label()
        ));
    }
    let numbers = counts(metric) || is_share(metric) || *metric == Metric::DownloadRank;
    if numbers && value == ValueKind::Date {
        return Some(format!(
            "{} is a number, not a date; give the number, or choose the measure Date",
            metric.label()
        ));
    }
    None
}

/// The problem of a share with no unit, at its `unit` field.
fn share_without_unit(metric: &Metric, unit: &Unit) -> Option<String> {
    (is_share(metric) && *unit == Unit::None).then(|| {
        format!(
            "{} has no unit; a share is a percentage (%) of a whole",
            metric.label()
        )
    })
}

/// Appends the problems of claims, series and models whose values are implausible.
pub(super) fn check(ds: &Dataset, reported: &Reported, problems: &mut Vec<Problem>) {
    let mut report = |kind: RecordKind, id: &str, field: &str, why: Option<String>| {
        if let Some(why) = why
            && !reported.has(kind, id, field)
        {
            problems.push(Problem::error(kind, id, field, why));
        }
    };
    for c in &ds.claims {
        let id = c.id.as_str();
        let numbers = match c.value {
            ClaimValue::Number(v) => [Some(v), None],
            ClaimValue::Range(lo, hi) => [Some(lo), Some(hi)],
            ClaimValue::Date(_) | ClaimValue::Text(_) => [None, None],
        };
        let why = kind_issue(&c.metric, &c.unit, c.value.kind()).or_else(|| {
            numbers
                .into_iter()
                .flatten()
                .filter(|v| v.is_finite())
                .find_map(|v| number_issue(&c.metric, &c.unit, v))
        });
        report(RecordKind::Claim, id, "value", why);
        report(
            RecordKind::Claim,
            id,
            "unit",
            share_without_unit(&c.metric, &c.unit),
        );
    }
    for s in &ds.series {
        let id = s.id.as_str();
        if s.metric == Metric::Date {
            report(
                RecordKind::Series,
                id,
                "metric",
                Some(
                    "a series holds numbers over time, so its measure cannot be Date; choose \
                     what the numbers measure"
                        .to_owned(),
                ),
            );
        }
        report(
            RecordKind::Series,
            id,
            "unit",
            share_without_unit(&s.metric, &s.unit),
        );
        // One problem for all the points with an implausible value, however many.
        let mut first: Option<(String, String)> = None;
        let mut more = 0usize;
        for (i, p) in s.points.iter().enumerate() {
            if !p.value.is_finite() {
                continue;
            }
            let Some(why) = number_issue(&s.metric, &s.unit, p.value) else {
                continue;
            };
            let field = format!("points[{i}].value");
            if reported.has(RecordKind::Series, id, &field) {
                continue;
            }
            if first.is_none() {
                first = Some((field, why));
            } else {
                more += 1;
            }
        }
        if let Some((field, why)) = first {
            let why = match more {
                0 => why,
                1 => format!("{why} (and 1 more point like it)"),
                n => format!("{why} (and {n} more points like it)"),
            };
            report(RecordKind::Series, id, &field, Some(why));
        }
    }
    for m in &ds.models {
        let id = m.id.as_str();
        for (field, v) in [
            ("total_params_b", m.total_params_b),
            ("active_params_b", m.active_params_b),
        ] {
            report(RecordKind::Model, id, field, v.and_then(params_issue));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_stay_short() {
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(0.5), "0.5");
        assert_eq!(shown(1_000_000.0), "1,000,000");
        assert_eq!(shown(-3.0), "-3");
        assert_eq!(shown(1e-9), "1e-9");
    }

    #[test]
    fn sizes_between_a_thousand_and_a_hundred_trillion_pass() {
        for b in [MIN_PARAMS_B, 0.5, 7.0, 1_000.0, MAX_PARAMS_B] {
            assert_eq!(params_issue(b), None, "{b}");
        }
        assert!(params_issue(1e308).unwrap().contains("100 trillion"));
        assert!(params_issue(1e-7).unwrap().contains("1,000 parameters"));
        assert_eq!(params_issue(-1.0), None, "the positive-number rule's case");
    }
}
