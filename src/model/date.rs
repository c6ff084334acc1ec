//! Partial dates: a year, a year and month, or a full date, never more precise than the source.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to a year, a month or a day.
///
/// Stored in files as `"2025"`, `"2025-01"` or `"2025-01-20"`. The shape is checked when the file
/// is read; whether the month and day exist is checked by validation, so that an impossible date
/// is reported as a problem at its record and field instead of making the whole file unreadable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year (four digits in files).
    pub year: i32,
    /// Month 1..=12 when known.
    pub month: Option<u8>,
    /// Day of month when known (only together with a month).
    pub day: Option<u8>,
}

/// How precise a [`PartialDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// Year and month are known.
    Month,
    /// The full date is known.
    Day,
}

/// Why a text is not a partial date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateShapeError {
    /// The offending text.
    pub text: String,
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A full date.
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// How precise this date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (shape only; see [`PartialDate::check`]).
    ///
    /// ```
    /// use ai_adoption_explorer::model::{PartialDate, Precision};
    /// let d = PartialDate::parse("2025-09").unwrap();
    /// assert_eq!(d.precision(), Precision::Month);
    /// assert_eq!(d.to_string(), "2025-09");
    /// // The shape is right, but February 30th does not exist: validation reports it.
    /// assert!(PartialDate::parse("2025-02-30").unwrap().check().is_err());
    /// assert!(PartialDate::parse("Sept 2025").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateShapeError> {
        let err = || DateShapeError {
            text: text.to_owned(),
        };
        let mut parts = text.split('-');
        let year_text = parts.next().ok_or_else(err)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = year_text.parse().map_err(|_| err())?;
        let two_digits = |p: Option<&str>| -> Result<Option<u8>, DateShapeError> {
            match p {
                None => Ok(None),
                Some(s) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) => {
                    s.parse().map(Some).map_err(|_| err())
                }
                Some(_) => Err(err()),
            }
        };
        let month = two_digits(parts.next())?;
        let day = two_digits(parts.next())?;
        if parts.next().is_some() {
            return Err(err());
        }
        Ok(Self { year, month, day })
    }

    /// Checks that the month and day exist; returns a reason when they do not.
    pub fn check(&self) -> Result<(), String> {
        if !(1000..=9999).contains(&self.year) {
            return Err(format!("year {} is outside 1000..=9999", self.year));
        }
        let Some(month) = self.month else {
            return Ok(());
        };
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} does not exist"));
        }
        if let Some(day) = self.day {
            let last = days_in_month(self.year, month);
            if day == 0 || day > last {
                return Err(format!("{self} does not exist (month has {last} days)"));
            }
        }
        Ok(())
    }

    /// Whether this date exists in the calendar.
    pub fn is_valid(&self) -> bool {
        self.check().is_ok()
    }

    /// A sort key: earliest day the date can mean (year-only sorts as January 1st).
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// The first day this date can mean, as (year, month, day): "2025" is 2025-01-01.
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean: "2025" is 2025-12-31, "2024-02" is 2024-02-29.
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }

    /// Whether this date certainly lies after `other`: every day it can mean is later than every
    /// day `other` can mean. "2020-05" is not after "2020", since "2020" may mean December.
    pub fn is_surely_after(&self, other: &PartialDate) -> bool {
        self.earliest() > other.latest()
    }

    /// The date as a fractional year for time axes, at the middle of the period it names
    /// (mid-year for a year, mid-month for a month). `None` for an impossible date.
    pub fn as_year_fraction(&self) -> Option<f64> {
        self.check().ok()?;
        let y = f64::from(self.year);
        Some(match (self.month, self.day) {
            (None, _) => y + 0.5,
            (Some(m), None) => y + (f64::from(m) - 0.5) / 12.0,
            (Some(m), Some(d)) => {
                let before: u32 = (1..m)
                    .map(|mm| u32::from(days_in_month(self.year, mm)))
                    .sum();
                let len = if is_leap(self.year) { 366.0 } else { 365.0 };
                y + (f64::from(before) + f64::from(d) - 0.5) / len
            }
        })
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2025").unwrap(), PartialDate::year(2025));
        assert_eq!(
            PartialDate::parse("2025-09").unwrap(),
            PartialDate::month(2025, 9)
        );
        assert_eq!(
            PartialDate::parse("2025-01-20").unwrap(),
            PartialDate::day(2025, 1, 20)
        );
        for bad in [
            "",
            "25",
            "2025-1",
            "2025-01-2",
            "2025/01",
            "2025-01-20-1",
            "２０２５",
            "-2025",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn checks_calendar() {
        assert!(PartialDate::day(2024, 2, 29).is_valid());
        assert!(!PartialDate::day(2025, 2, 29).is_valid());
        assert!(!PartialDate::day(2025, 4, 31).is_valid());
        assert!(!PartialDate::month(2025, 13).is_valid());
        assert!(!PartialDate::day(2025, 1, 0).is_valid());
        assert!(PartialDate::day(2000, 2, 29).is_valid());
        assert!(!PartialDate::day(1900, 2, 29).is_valid());
    }

    #[test]
    fn partial_dates_overlap_rather_than_order() {
        let y = PartialDate::year(2020);
        let m = PartialDate::month(2020, 5);
        assert!(!m.is_surely_after(&y) && !y.is_surely_after(&m));
        assert!(PartialDate::year(2021).is_surely_after(&m));
        assert_eq!(PartialDate::month(2024, 2).latest(), (2024, 2, 29));
        assert!(!PartialDate::day(2024, 6, 15).is_surely_after(&PartialDate::month(2024, 6)));
    }

    #[test]
    fn display_round_trips() {
        for t in ["2023", "2023-08", "2023-08-03"] {
            assert_eq!(PartialDate::parse(t).unwrap().to_string(), t);
        }
    }

    #[test]
    fn year_fraction_is_mid_period() {
        assert_eq!(PartialDate::year(2025).as_year_fraction(), Some(2025.5));
        let m = PartialDate::month(2025, 1).as_year_fraction().unwrap();
        assert!((m - (2025.0 + 0.5 / 12.0)).abs() < 1e-9);
        assert_eq!(PartialDate::day(2025, 2, 30).as_year_fraction(), None);
    }
}
