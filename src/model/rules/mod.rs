//! Rules on what records hold, beyond their shape and references: safe text in every string,
//! plausible values, and dates not far in the future. `validate` and `validate_on` run them.

mod future;
mod plausible;
mod safe_text;
mod walk;

use std::collections::HashSet;

use super::date::PartialDate;
use super::ids::RecordKind;
use super::problem::Problem;
use super::types::Dataset;

/// The fields that already have a problem, so that a later rule does not report a second one
/// at the same place (a blank name is "empty", not also "invisible").
pub(super) struct Reported(HashSet<(RecordKind, String, String)>);

impl Reported {
    fn of(problems: &[Problem]) -> Self {
        Self(
            problems
                .iter()
                .map(|p| (p.kind, p.id.clone(), p.field.clone()))
                .collect(),
        )
    }

    /// Whether `field` of record `kind` `id` has a problem already.
    fn has(&self, kind: RecordKind, id: &str, field: &str) -> bool {
        // Cheap when nothing was reported, the usual case.
        !self.0.is_empty() && self.0.contains(&(kind, id.to_owned(), field.to_owned()))
    }
}

/// The text and value rules: every string of every record, and values that fit their metric and
/// unit. Appends to `problems`, skipping fields that already have one.
pub(super) fn check(ds: &Dataset, problems: &mut Vec<Problem>) {
    let reported = Reported::of(problems);
    safe_text::check(ds, &reported, problems);
    plausible::check(ds, &reported, problems);
}

/// The rules that need today's date: dates more than a year after `today` are warnings.
pub(super) fn check_dates(ds: &Dataset, today: PartialDate, problems: &mut Vec<Problem>) {
    future::check(ds, today, problems);
}
