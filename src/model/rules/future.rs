//! Dates far in the future: a date whose earliest day is more than a year after today is a
//! warning (a typo such as 2205 for 2025, or a plan recorded as a fact). Today comes from the
//! caller; the model reads no clock.

use super::walk::{At, each_record};
use crate::model::date::{PartialDate, days_in_month};
use crate::model::problem::Problem;
use crate::model::types::Dataset;

/// The last day that is not yet "more than a year after" `today`, as (year, month, day).
fn limit(today: PartialDate) -> (i32, u8, u8) {
    let (y, m, d) = today.latest();
    (y + 1, m, d.min(days_in_month(y + 1, m)))
}

/// Appends a warning for every date more than a year after `today`; dates that cannot exist
/// are left to the date rule. Many such dates in one list (a series' points) give one warning.
pub(super) fn check(ds: &Dataset, today: PartialDate, problems: &mut Vec<Problem>) {
    let limit = limit(today);
    each_record(ds, &mut |kind, id, r| {
        // Per list or field of this record: where the first late date is, that date, and how
        // many more there are.
        let mut found: Vec<(At, PartialDate, usize)> = Vec::new();
        r.dates(&mut |at, d| {
            if d.earliest() <= limit || !d.is_valid() {
                return;
            }
            match found.iter_mut().find(|(a, _, _)| a.base() == at.base()) {
                Some((_, _, more)) => *more += 1,
                None => found.push((at, *d, 0)),
            }
        });
        for (at, d, more) in found {
            let also = match more {
                0 => String::new(),
                1 => " (and 1 more date here)".to_owned(),
                n => format!(" (and {n} more dates here)"),
            };
            problems.push(Problem::warning(
                kind,
                id,
                at.to_string(),
                format!(
                    "{d} is more than a year after today ({today}){also}; check the year, or \
                     that the source states it as a fact"
                ),
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_from_today_is_the_limit() {
        assert_eq!(limit(PartialDate::day(2026, 3, 1)), (2027, 3, 1));
        assert_eq!(limit(PartialDate::day(2024, 2, 29)), (2025, 2, 28));
        assert_eq!(limit(PartialDate::month(2026, 2)), (2027, 2, 28));
    }
}
