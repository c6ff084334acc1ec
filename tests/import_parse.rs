//! Property tests of the import's cell parsers (dates, numbers, lists) and of name folding.

use ai_adoption_explorer::import::{compatible, fold, parse_date, parse_list, parse_number};
use ai_adoption_explorer::model::{PartialDate, days_in_month};
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn day_date() -> impl Strategy<Value = PartialDate> {
    (1000i32..=9999, 1u8..=12, 1u8..=31)
        .prop_map(|(y, m, d)| PartialDate::day(y, m, d.min(days_in_month(y, m))))
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn dates_read_back_at_their_precision(d in day_date()) {
        prop_assert_eq!(parse_date(&d.to_string()).unwrap(), d);
        let compact = format!("{:04}{:02}{:02}", d.year, d.month.unwrap(), d.day.unwrap());
        prop_assert_eq!(parse_date(&compact).unwrap(), d);
        let month = PartialDate::month(d.year, d.month.unwrap());
        prop_assert_eq!(parse_date(&month.to_string()).unwrap(), month);
        let worded = format!("{} {}", MONTHS[usize::from(d.month.unwrap()) - 1], d.year);
        prop_assert_eq!(parse_date(&worded).unwrap(), month);
        prop_assert_eq!(parse_date(&d.year.to_string()).unwrap(), PartialDate::year(d.year));
    }

    #[test]
    fn impossible_days_are_refused(y in 1000i32..=9999, m in 1u8..=12, extra in 1u8..=5) {
        let day = days_in_month(y, m) + extra;
        let text = format!("{y:04}-{m:02}-{day:02}");
        prop_assert!(parse_date(&text).is_err());
    }

    #[test]
    fn numbers_with_separators_suffixes_and_exponents(n in 0u64..1_000_000_000_000, f in -1e300f64..1e300) {
        prop_assert_eq!(parse_number(&with_commas(n)).unwrap().value, n as f64);
        prop_assert_eq!(parse_number(&n.to_string()).unwrap().value, n as f64);
        let suffixed = format!("{n}B");
        let b = parse_number(&suffixed).unwrap();
        prop_assert_eq!(b.value, n as f64 * 1e9);
        prop_assert!(b.scaled);
        let (e, plain) = (format!("{f:e}"), format!("{f}"));
        prop_assert_eq!(parse_number(&e).unwrap().value, f);
        prop_assert_eq!(parse_number(&plain).unwrap().value, f);
    }

    #[test]
    fn lists_split_on_commas_and_trim(items in prop::collection::vec("[A-Za-z][A-Za-z ]{0,12}[A-Za-z]", 0..6)) {
        let text = items.join(", ");
        prop_assert_eq!(parse_list(&text), items.iter().map(|s| s.trim().to_owned()).collect::<Vec<_>>());
    }

    #[test]
    fn folding_ignores_case_and_separators_between_letters_and_digits(name in "[A-Za-z]{1,8}[0-9]{1,3}(\\.[0-9])?[A-Za-z]{0,6}", sep in "[ _-]{0,2}") {
        // Separators where letters meet digits ("Qwen2.5-72B" = "qwen 2.5 72 b").
        let mut spaced = String::new();
        let mut prev: Option<char> = None;
        for c in name.chars() {
            if let Some(p) = prev
                && p != '.' && c != '.' && p.is_ascii_digit() != c.is_ascii_digit()
            {
                spaced.push_str(&sep);
            }
            spaced.push(c);
            prev = Some(c);
        }
        prop_assert_eq!(fold(&name.to_uppercase()).key(), fold(&name).key());
        prop_assert!(compatible(&fold(&spaced), &fold(&name)));
    }

    #[test]
    fn a_different_number_never_matches(base in "[A-Za-z]{2,8}", a in 1u32..500, b in 1u32..500) {
        prop_assume!(a != b);
        let (x, y) = (format!("{base}-{a}B"), format!("{base}-{b}B"));
        prop_assert!(!compatible(&fold(&x), &fold(&y)));
    }
}
