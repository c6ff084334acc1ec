//! Axis helpers: log-scale ticks with readable count labels, and the period a partial date
//! names on a time axis of fractional years.

use crate::model::{PartialDate, Precision, days_in_month, is_leap};

/// A power of ten in the words people use for counts: 1, 10, 100, 1K, ..., 1M, 10M, 100M, 1B,
/// 10B, 100B, 1T, ...; exponents from -4 to -1 give decimals ("0.1"), beyond 10^14 "1e15" and
/// below 10^-4 "1e-5".
pub fn count_label(exponent: i32) -> String {
    const SUFFIXES: [(i32, &str); 4] = [(12, "T"), (9, "B"), (6, "M"), (3, "K")];
    if (-4..0).contains(&exponent) {
        return format!("{}", 10f64.powi(exponent));
    }
    if !(0..15).contains(&exponent) {
        return format!("1e{exponent}");
    }
    for (base, suffix) in SUFFIXES {
        if exponent >= base {
            return format!("1{}{suffix}", "0".repeat((exponent - base) as usize));
        }
    }
    format!("1{}", "0".repeat(exponent as usize))
}

/// At most this many ticks on a log axis: a range wider than this many powers of ten is
/// labelled every 2, 5, 10... powers, so that the labels stay far enough apart to be drawn.
pub const MAX_LOG_TICKS: i32 = 16;

/// Ticks for a log10 axis covering raw values `min..=max` (both > 0): one tick per power of
/// ten from the one at or below `min` to the one at or above `max` (every 2nd, 5th, 10th...
/// power when that would be more than [`MAX_LOG_TICKS`]), as `(log10 position, label)`.
/// Positions are in the log space the marks are drawn in (a mark for 1e9 sits at 9.0), since
/// egui_plot has no log axis. Empty when the range holds no positive finite value.
pub fn log_ticks(min: f64, max: f64) -> Vec<(f64, String)> {
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if !(lo.is_finite() && hi.is_finite()) || lo <= 0.0 {
        return Vec::new();
    }
    let first = lo.log10().floor() as i32;
    let last = (hi.log10().ceil() as i32).max(first);
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500]
        .into_iter()
        .find(|s| (last - first) / s < MAX_LOG_TICKS)
        .unwrap_or(1000);
    let (first, last) = (
        first.div_euclid(step) * step,
        (last + step - 1).div_euclid(step) * step,
    );
    (first..=last)
        .step_by(step as usize)
        .map(|k| (f64::from(k), count_label(k)))
        .collect()
}

/// The period a date names, as `(start, end)` in fractional years: "2025" is 2025.0..2026.0,
/// "2025-03" is March, "2025-03-04" that day. `None` for an impossible date.
pub fn period_bounds(d: &PartialDate) -> Option<(f64, f64)> {
    d.check().ok()?;
    let y = f64::from(d.year);
    Some(match (d.precision(), d.month, d.day) {
        (Precision::Day, Some(m), Some(day)) => {
            let before: u32 = (1..m).map(|mm| u32::from(days_in_month(d.year, mm))).sum();
            let len = if is_leap(d.year) { 366.0 } else { 365.0 };
            let start = y + (f64::from(before) + f64::from(day) - 1.0) / len;
            (start, start + 1.0 / len)
        }
        (Precision::Month, Some(m), _) => {
            (y + (f64::from(m) - 1.0) / 12.0, y + f64::from(m) / 12.0)
        }
        _ => (y, y + 1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_labels_read_naturally() {
        let labels: Vec<String> = (6..=12).map(count_label).collect();
        assert_eq!(labels, ["1M", "10M", "100M", "1B", "10B", "100B", "1T"]);
        assert_eq!(count_label(0), "1");
        assert_eq!(count_label(2), "100");
        assert_eq!(count_label(4), "10K");
        assert_eq!(count_label(-1), "0.1");
        assert_eq!(count_label(16), "1e16");
        assert_eq!(count_label(-4), "0.0001");
        assert_eq!(count_label(-300), "1e-300");
    }

    #[test]
    fn log_ticks_cover_the_range() {
        let t = log_ticks(5e8, 6.71e11);
        let pos: Vec<f64> = t.iter().map(|(p, _)| *p).collect();
        assert_eq!(pos, [8.0, 9.0, 10.0, 11.0, 12.0]);
        assert_eq!(t[1].1, "1B");
        assert_eq!(t[4].1, "1T");
        assert!(log_ticks(0.0, 10.0).is_empty());
        assert!(log_ticks(-1.0, 10.0).is_empty());
        assert!(log_ticks(f64::NAN, 10.0).is_empty());
        // A single value still gets a tick.
        assert_eq!(log_ticks(1e9, 1e9), vec![(9.0, "1B".to_owned())]);
        // Hundreds of powers of ten: a few labelled ticks, the range still covered.
        for (lo, hi) in [
            (1e9, 1e308),
            (1e-300, 1e300),
            (1.0, f64::MAX),
            (5e-324, 1.0),
        ] {
            let t = log_ticks(lo, hi);
            assert!(
                (2..=MAX_LOG_TICKS as usize + 1).contains(&t.len()),
                "{lo} {hi}: {t:?}"
            );
            assert!(
                t[0].0 <= lo.log10() && t[t.len() - 1].0 >= hi.log10(),
                "{t:?}"
            );
            assert!(t.iter().all(|(_, l)| !l.is_empty()));
        }
    }

    #[test]
    fn periods_are_never_more_precise_than_the_date() {
        assert_eq!(
            period_bounds(&PartialDate::year(2025)),
            Some((2025.0, 2026.0))
        );
        let (a, b) = period_bounds(&PartialDate::month(2025, 4)).unwrap_or_default();
        assert!((a - 2025.25).abs() < 1e-12 && (b - (2025.0 + 4.0 / 12.0)).abs() < 1e-12);
        let (a, b) = period_bounds(&PartialDate::day(2025, 1, 1)).unwrap_or_default();
        assert!((a - 2025.0).abs() < 1e-12 && (b - (2025.0 + 1.0 / 365.0)).abs() < 1e-12);
        let mid = PartialDate::day(2025, 1, 1)
            .as_year_fraction()
            .unwrap_or_default();
        assert!(a < mid && mid < b);
        assert_eq!(period_bounds(&PartialDate::month(2025, 13)), None);
    }
}
