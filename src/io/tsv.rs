//! Rows pasted from a spreadsheet: series points as `date<TAB>value` lines, and the cells of
//! such a row.

use crate::model::{PartialDate, SeriesPoint};

/// Parses rows copied from a spreadsheet: `date<TAB>value` a line (a header line, blank lines
/// and thousands separators are accepted). Returns the points and, per bad line, why.
pub fn parse_tsv_points(text: &str) -> (Vec<SeriesPoint>, Vec<String>) {
    let mut points = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(';').collect()
        };
        let (Some(d), Some(v)) = (cells.first(), cells.get(1)) else {
            errors.push(format!(
                "line {}: expected a date and a value separated by a tab",
                i + 1
            ));
            continue;
        };
        let date = PartialDate::parse(d.trim());
        let value: Result<f64, _> = v.trim().replace([',', ' '], "").parse();
        match (date, value) {
            (Ok(date), Ok(value)) if date.is_valid() && value.is_finite() => {
                points.push(SeriesPoint { date, value });
            }
            // A header line ("date<TAB>value") is skipped silently.
            (Err(_), Err(_)) if i == 0 => {}
            (Err(_), _) => errors.push(format!(
                "line {}: `{}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                i + 1,
                d.trim()
            )),
            (Ok(date), _) if !date.is_valid() => {
                errors.push(format!("line {}: {date} does not exist", i + 1))
            }
            _ => errors.push(format!("line {}: `{}` is not a number", i + 1, v.trim())),
        }
    }
    (points, errors)
}

/// A number as typed in a spreadsheet cell: surrounding blanks, thousands separators (`,`) and
/// spaces are ignored. `None` unless it is a finite number.
pub fn parse_cell_number(text: &str) -> Option<f64> {
    text.trim()
        .replace([',', ' '], "")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// A date as typed in a spreadsheet cell (YYYY, YYYY-MM or YYYY-MM-DD). `None` unless it parses
/// and exists in the calendar.
pub fn parse_cell_date(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text.trim())
        .ok()
        .filter(PartialDate::is_valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_rows_report_each_bad_line() {
        let (points, errors) =
            parse_tsv_points("Date\tValue\n2025-09\t1,234\n\n2025-13\t5\nsoon\t6\n2025-10\tmany\n");
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].value, 1234.0);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].starts_with("line 4:") && errors[0].contains("does not exist"));
        assert!(errors[1].starts_with("line 5:") && errors[1].contains("not a date"));
        assert!(errors[2].starts_with("line 6:") && errors[2].contains("not a number"));
    }

    #[test]
    fn semicolons_separate_cells_when_a_line_has_no_tab() {
        let (points, errors) = parse_tsv_points("2024-01;10\r\n2024-02\t20\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].value, 10.0);
        assert_eq!(points[1].value, 20.0);
    }

    #[test]
    fn a_line_without_a_second_cell_says_what_is_expected() {
        let (points, errors) = parse_tsv_points("2024-01\n");
        assert!(points.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("line 1:") && errors[0].contains("separated by a tab"));
    }

    #[test]
    fn cells_accept_separators_and_refuse_what_is_not_finite_or_not_a_date() {
        assert_eq!(parse_cell_number(" 1,234 5 "), Some(12345.0));
        assert_eq!(parse_cell_number("-2.5"), Some(-2.5));
        assert_eq!(parse_cell_number("inf"), None);
        assert_eq!(parse_cell_number("many"), None);
        assert!(parse_cell_date(" 2025-09 ").is_some());
        assert_eq!(parse_cell_date("2025-13"), None);
        assert_eq!(parse_cell_date("soon"), None);
    }
}
