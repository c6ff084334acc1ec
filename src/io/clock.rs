//! Today's date from the system clock, for the rules that compare dates with today (the model
//! reads no clock; everything that validates a dataset asks here).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::PartialDate;

/// Today's date (UTC) from the system clock; 1970-01-01 if the clock is set before it.
pub fn today() -> PartialDate {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    PartialDate::day(i32::try_from(year).unwrap_or(i32::MAX), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(civil_date(0), PartialDate::day(1970, 1, 1));
        assert_eq!(civil_date(59), PartialDate::day(1970, 3, 1));
        assert_eq!(civil_date(11_016), PartialDate::day(2000, 2, 29));
        assert_eq!(civil_date(20_513), PartialDate::day(2026, 3, 1));
        assert_eq!(civil_date(-1), PartialDate::day(1969, 12, 31));
        // Every day of a leap and a common year, in order.
        let mut prev = civil_date(19_722); // 2023-12-31
        for n in 19_723..19_723 + 731 {
            let d = civil_date(n);
            assert!(d.is_valid(), "{d}");
            assert!(d > prev, "{d} after {prev}");
            prev = d;
        }
        assert_eq!(prev, PartialDate::day(2025, 12, 31));
    }

    #[test]
    fn today_is_a_real_date() {
        let t = today();
        assert!(t.is_valid() && t.year >= 2025, "{t}");
    }
}
