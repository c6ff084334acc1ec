//! Cells of the adoption, claim and series fields: an adoption stage from its wording, a measure
//! from its label or the name the model uses (`Monthly downloads`, `MonthlyDownloads`,
//! `monthly_downloads`), a unit, and a claim's value as a number or a range (`10-20`, `10 to 20`).

use super::parse::{Number, parse_number};
use crate::model::{AdoptionStatus, Metric, Unit};

/// Folds a label for comparing: lower case, letters and digits only.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses an adoption stage: `evaluating`, `pilot`, `experimenting`, `in production`,
/// `production`, `deployed`, `stopped`, `discontinued`.
pub fn parse_status(text: &str) -> Result<AdoptionStatus, String> {
    let t = squash(text);
    let found = AdoptionStatus::ALL
        .into_iter()
        .find(|s| squash(s.label()) == t || squash(&format!("{s:?}")) == t);
    if let Some(s) = found {
        return Ok(s);
    }
    Ok(match t.as_str() {
        "evaluation" | "evaluate" | "considering" | "testing" => AdoptionStatus::Evaluating,
        "experiment" | "experimental" | "pilot" | "piloting" | "trial" | "poc" => {
            AdoptionStatus::Experimenting
        }
        "deployed" | "live" | "inproduction" | "used" | "inuse" | "adopted" => {
            AdoptionStatus::Production
        }
        "stop" | "discontinued" | "dropped" | "ended" | "abandoned" => AdoptionStatus::Stopped,
        _ => {
            return Err(format!(
                "`{}` is not an adoption stage; write Evaluating, Experimenting, In production or Stopped",
                text.trim()
            ));
        }
    })
}

/// Parses a measure: one of the app's measures by its label ("Monthly downloads") or by the name
/// the data model uses ("MonthlyDownloads", "monthly_downloads"); any other words name a measure
/// of their own ([`Metric::Other`]). `None` for an empty text.
pub fn parse_metric(text: &str) -> Option<Metric> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return None;
    }
    let key = squash(&t);
    Metric::ALL
        .into_iter()
        .find(|m| squash(&m.label()) == key || squash(&format!("{m:?}")) == key)
        .or(Some(Metric::Other(t)))
}

/// Parses a unit: `%`, `percent`, `count`, `times`, `×`, `billion parameters`; any other words
/// name a unit of their own; an empty text is no unit.
pub fn parse_unit(text: &str) -> Unit {
    let t = text.trim();
    let key = squash(t);
    if t.is_empty() {
        return Unit::None;
    }
    if t == "%" || t == "×" || t == "x" {
        return if t == "%" { Unit::Percent } else { Unit::Times };
    }
    let found = Unit::ALL.into_iter().find(|u| {
        let label = squash(&u.label());
        (!label.is_empty() && label == key) || squash(&format!("{u:?}")) == key
    });
    match (found, key.as_str()) {
        (Some(u), _) => u,
        (None, "" | "none") => Unit::None,
        (None, "percentage" | "pct") => Unit::Percent,
        (None, "number" | "downloads" | "users" | "models") => Unit::Count,
        (None, "ratio" | "multiple") => Unit::Times,
        (None, "b" | "billions" | "bparams") => Unit::BillionParams,
        (None, _) => Unit::Other(t.to_owned()),
    }
}

/// The unit a measure's values have when nothing says otherwise: a count for downloads, models
/// and users; else none (a share is a percentage only when written with `%`).
pub fn default_unit(metric: &Metric) -> Unit {
    match metric {
        Metric::CumulativeDownloads
        | Metric::MonthlyDownloads
        | Metric::PeriodDownloads
        | Metric::Derivatives
        | Metric::ModelCount
        | Metric::MonthlyActiveUsers
        | Metric::TrendingModels => Unit::Count,
        _ => Unit::None,
    }
}

/// A claim's value as a cell gives it: one number, or a range of two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// One number.
    One(Number),
    /// A range, low then high.
    Range(Number, Number),
}

/// Parses a value: a number as [`parse_number`] reads it, or a range `10-20`, `10–20`,
/// `10 to 20`, `10%-20%` (low first).
pub fn parse_value(text: &str) -> Result<Value, String> {
    let t = text.trim();
    if let Ok(n) = parse_number(t) {
        return Ok(Value::One(n));
    }
    // A range: split at " to ", an en dash, or a hyphen that is not a leading minus sign.
    let lower = t.to_lowercase();
    let split = lower
        .find(" to ")
        .map(|i| (i, 4))
        .or_else(|| t.find('–').map(|i| (i, '–'.len_utf8())))
        .or_else(|| t[1.min(t.len())..].find('-').map(|i| (i + 1, 1)));
    if let Some((at, len)) = split {
        let (lo, hi) = (t[..at].trim(), t[at + len..].trim());
        if let (Ok(mut a), Ok(b)) = (parse_number(lo), parse_number(hi)) {
            // "10-20%": the percent sign covers both ends.
            if b.percent && !a.percent {
                a.percent = true;
            }
            if a.value > b.value {
                return Err(format!(
                    "`{t}` runs backwards; write a range low first, as 10-20"
                ));
            }
            return Ok(Value::Range(a, b));
        }
    }
    Err(format!(
        "`{t}` is not a number or a range; write it as 7000, 7,000, 1.5e11, 12% or 10-20"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_by_label_or_model_name_and_others_kept() {
        assert_eq!(
            parse_metric("Monthly downloads"),
            Some(Metric::MonthlyDownloads)
        );
        assert_eq!(
            parse_metric("MonthlyDownloads"),
            Some(Metric::MonthlyDownloads)
        );
        assert_eq!(
            parse_metric("share_of_downloads"),
            Some(Metric::DownloadShare)
        );
        assert_eq!(parse_metric("DownloadShare"), Some(Metric::DownloadShare));
        assert_eq!(
            parse_metric("  Elo   score "),
            Some(Metric::Other("Elo score".into()))
        );
        assert_eq!(parse_metric(" "), None);
    }

    #[test]
    fn statuses_and_units() {
        assert_eq!(
            parse_status("In production"),
            Ok(AdoptionStatus::Production)
        );
        assert_eq!(parse_status("pilot"), Ok(AdoptionStatus::Experimenting));
        assert!(parse_status("maybe").is_err());
        assert_eq!(parse_unit("%"), Unit::Percent);
        assert_eq!(parse_unit(""), Unit::None);
        assert_eq!(parse_unit("percent"), Unit::Percent);
        assert_eq!(parse_unit("billion parameters"), Unit::BillionParams);
        assert_eq!(parse_unit("Elo"), Unit::Other("Elo".into()));
    }

    #[test]
    fn values_and_ranges() {
        assert!(matches!(parse_value("12%"), Ok(Value::One(n)) if n.percent && n.value == 12.0));
        assert!(matches!(parse_value("-3"), Ok(Value::One(n)) if n.value == -3.0));
        assert!(
            matches!(parse_value("10-20%"), Ok(Value::Range(a, b)) if a.value == 10.0 && b.value == 20.0 && a.percent)
        );
        assert!(matches!(parse_value("1.5 to 2B"), Ok(Value::Range(_, b)) if b.value == 2e9));
        assert!(parse_value("20-10").is_err());
        assert!(parse_value("lots").is_err());
    }
}
