//! Parsing one cell: dates at the precision given (`2025-01-20`, `20250120`, `Jan 2025`,
//! `2025`), numbers with their hedges and suffixes (`1.5e11`, `671B`, `7,000`, `12%`, `~2T`),
//! lists (`China,United States`) and Epoch AI's openness wording. Each returns why it failed.

use crate::model::{Openness, PartialDate, Qualifier};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .zip(full)
        .position(|(short, long)| long.starts_with(&w) || (w == "sept" && *short == "sep"))
        .map(|i| i as u8 + 1)
}

fn checked(d: PartialDate, text: &str) -> Result<PartialDate, String> {
    d.check()
        .map(|()| d)
        .map_err(|why| format!("`{text}` is not a real date: {why}"))
}

/// Parses a date, keeping the precision the text gives: `2025`, `2025-01`, `2025-01-20`,
/// `2025/01/20`, `20250120`, `2025-01-20T10:00:00Z`, `Jan 2025`, `January 20, 2025`,
/// `20 Jan 2025`.
pub fn parse_date(text: &str) -> Result<PartialDate, String> {
    let t = text.trim();
    let no = || {
        format!("`{t}` is not a date; write it as 2025-01-20, 2025-01, 2025, 20250120 or Jan 2025")
    };
    if t.is_empty() {
        return Err("the cell is empty".into());
    }
    // ISO date with a time after it.
    let date_part = t.split(['T', ' ']).next().unwrap_or(t);
    let iso = date_part.replace('/', "-");
    if let Ok(d) = PartialDate::parse(&iso) {
        return checked(d, t);
    }
    // 2025-1-5 (one-digit month or day).
    let parts: Vec<&str> = iso.split('-').collect();
    if parts.len() >= 2
        && parts.len() <= 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        let month = u8::try_from(n[1]).map_err(|_| no())?;
        let d = match n.get(2) {
            Some(&day) => {
                PartialDate::day(n[0] as i32, month, u8::try_from(day).map_err(|_| no())?)
            }
            None => PartialDate::month(n[0] as i32, month),
        };
        return checked(d, t);
    }
    // 20250120 or 202501.
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().map_err(|_| no());
        return match t.len() {
            8 => checked(
                PartialDate::day(n(0..4)? as i32, n(4..6)? as u8, n(6..8)? as u8),
                t,
            ),
            6 => checked(PartialDate::month(n(0..4)? as i32, n(4..6)? as u8), t),
            _ => Err(no()),
        };
    }
    // Words: "Jan 2025", "January 20, 2025", "20 Jan 2025".
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let month = words.iter().find_map(|w| month_of(w)).ok_or_else(no)?;
    let numbers: Vec<u32> = words
        .iter()
        .filter_map(|w| {
            w.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
                .parse()
                .ok()
        })
        .collect();
    let year = numbers
        .iter()
        .copied()
        .find(|n| (1000..=9999).contains(n))
        .ok_or_else(no)?;
    let day = numbers.iter().copied().find(|n| (1..=31).contains(n));
    if words.len() > 3 || numbers.len() > 2 {
        return Err(no());
    }
    let d = match day {
        Some(day) => PartialDate::day(year as i32, month, day as u8),
        None => PartialDate::month(year as i32, month),
    };
    checked(d, t)
}

/// A parsed number: its value (suffixes such as `B` applied, a percentage as its number of
/// percent) and how exact the text says it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// The value, with `K`/`M`/`B`/`T` applied ("671B" is 671e9).
    pub value: f64,
    /// Whether a suffix gave the scale (so a column's unit for bare numbers does not apply).
    pub scaled: bool,
    /// "~2T" is `About`, ">100" `MoreThan`, "up to 5" `UpTo`, "at least 3" `AtLeast`.
    pub qualifier: Qualifier,
    /// Whether the text ended in `%`.
    pub percent: bool,
}

/// Parses a number: `1.5e11`, `671B`, `7,000`, `12.5%`, `~2T`, `$3.2M`, `>100`, `1 000`.
pub fn parse_number(text: &str) -> Result<Number, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("the cell is empty".into());
    }
    let no = || format!("`{t}` is not a number; write it as 7000, 7,000, 1.5e11, 671B or 12%");
    let mut rest = t;
    let mut qualifier = Qualifier::Exact;
    let lower = rest.to_lowercase();
    for (prefix, q) in [
        ("~", Qualifier::About),
        ("≈", Qualifier::About),
        ("about ", Qualifier::About),
        ("approx. ", Qualifier::About),
        ("approximately ", Qualifier::About),
        (">=", Qualifier::AtLeast),
        ("≥", Qualifier::AtLeast),
        ("at least ", Qualifier::AtLeast),
        (">", Qualifier::MoreThan),
        ("over ", Qualifier::MoreThan),
        ("more than ", Qualifier::MoreThan),
        ("<=", Qualifier::UpTo),
        ("up to ", Qualifier::UpTo),
    ] {
        if lower.starts_with(prefix) {
            rest = rest[prefix.len()..].trim_start();
            qualifier = q;
            break;
        }
    }
    let rest = rest.trim_start_matches(['$', '€', '£']);
    let (rest, percent) = match rest.strip_suffix('%') {
        Some(r) => (r.trim_end(), true),
        None => (rest, false),
    };
    let (digits, scale) = match rest.chars().last() {
        Some(c @ ('k' | 'K' | 'm' | 'M' | 'b' | 'B' | 't' | 'T')) if !percent => {
            let s = match c.to_ascii_uppercase() {
                'K' => 1e3,
                'M' => 1e6,
                'B' => 1e9,
                _ => 1e12,
            };
            (rest[..rest.len() - 1].trim_end(), Some(s))
        }
        _ => (rest, None),
    };
    // Thousands separators: "7,000", "1 000" (a comma followed by exactly three digits each time).
    let plain: String = if digits.contains(',') {
        let groups: Vec<&str> = digits.split(',').collect();
        let grouped = groups[1..].iter().all(|g| {
            g.len() == 3
                || (g.len() > 3
                    && g.as_bytes()[3] == b'.'
                    && g[..3].bytes().all(|b| b.is_ascii_digit()))
        });
        if !grouped {
            return Err(no());
        }
        groups.concat()
    } else {
        digits.replace([' ', '\u{a0}', '\u{202f}', '_'], "")
    };
    if plain.is_empty()
        || plain
            .chars()
            .any(|c| c.is_alphabetic() && c != 'e' && c != 'E')
    {
        return Err(no());
    }
    let value: f64 = plain.parse().map_err(|_| no())?;
    if !value.is_finite() {
        return Err(no());
    }
    Ok(Number {
        value: value * scale.unwrap_or(1.0),
        scaled: scale.is_some(),
        qualifier,
        percent,
    })
}

/// Splits a list cell on commas and semicolons: `China,United States` -> two items (empty items
/// dropped, each trimmed).
pub fn parse_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split([',', ';', '\n']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        // "Qilin Hesheng Network Technology Co., Ltd. (APUS)" is one name, not two.
        match out.last_mut() {
            Some(prev) if is_company_suffix(part) => {
                prev.push_str(", ");
                prev.push_str(part);
            }
            _ => out.push(part.to_owned()),
        }
    }
    out
}

/// Whether a list item is the abbreviated legal-form tail of the name before it, written with
/// its period ("Ltd.", "Inc.", "Co."): "Co A" or "Inc" alone may be names of their own.
fn is_company_suffix(part: &str) -> bool {
    let word = part
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(word.as_str(), "ltd." | "inc." | "co." | "llc.")
}

/// Reads Epoch AI's openness wording ("Open weights (unrestricted)", "API access", "Hosted
/// access (no API)", "Unreleased") and the app's own labels.
pub fn parse_openness(text: &str) -> Result<Openness, String> {
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let found = match t.as_str() {
        "open weights unrestricted" | "open source" | "open weights" => {
            Openness::OpenWeightsUnrestricted
        }
        "open weights restricted use" | "open weights restricted" => {
            Openness::OpenWeightsRestricted
        }
        "open weights noncommercial" | "open weights non commercial" => {
            Openness::OpenWeightsNonCommercial
        }
        "api access" | "api" => Openness::ApiAccess,
        "hosted access no api" | "hosted access only" | "hosted access" => {
            Openness::HostedAccessOnly
        }
        "unreleased" | "not released" => Openness::Unreleased,
        _ => {
            return Err(format!(
                "`{}` is not an openness category; use Epoch AI's wording: {}",
                text.trim(),
                Openness::ALL.map(|o| o.label()).join(", ")
            ));
        }
    };
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_precision_given() {
        assert_eq!(
            parse_date("2025-01-20").unwrap(),
            PartialDate::day(2025, 1, 20)
        );
        assert_eq!(
            parse_date("20250120").unwrap(),
            PartialDate::day(2025, 1, 20)
        );
        assert_eq!(parse_date("Jan 2025").unwrap(), PartialDate::month(2025, 1));
        assert_eq!(
            parse_date("January 20, 2025").unwrap(),
            PartialDate::day(2025, 1, 20)
        );
        assert_eq!(
            parse_date("20 Sept 2025").unwrap(),
            PartialDate::day(2025, 9, 20)
        );
        assert_eq!(parse_date("2025").unwrap(), PartialDate::year(2025));
        assert_eq!(
            parse_date("2025-3-7").unwrap(),
            PartialDate::day(2025, 3, 7)
        );
        assert_eq!(
            parse_date("2024-03-29T00:00:00.000Z").unwrap(),
            PartialDate::day(2024, 3, 29)
        );
        assert!(parse_date("2025-02-30").is_err());
        assert!(parse_date("soon").is_err());
        assert!(parse_date("12").is_err());
    }

    #[test]
    fn numbers_take_suffixes_separators_and_hedges() {
        let n = |t: &str| parse_number(t).unwrap();
        assert_eq!(n("1.5e11").value, 1.5e11);
        assert_eq!(n("671B").value, 671e9);
        assert!(n("671B").scaled);
        assert_eq!(n("7,000").value, 7000.0);
        assert_eq!(n("1,234,567.5").value, 1_234_567.5);
        assert_eq!(n("12.5%").value, 12.5);
        assert!(n("12.5%").percent);
        assert_eq!(n("~2T").qualifier, Qualifier::About);
        assert_eq!(n("~2T").value, 2e12);
        assert_eq!(n("236000000000.0").value, 236e9);
        assert!(parse_number("7,00").is_err());
        assert!(parse_number("seven").is_err());
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("").is_err());
    }

    #[test]
    fn lists_and_openness() {
        assert_eq!(
            parse_list("China, United States,"),
            vec!["China", "United States"]
        );
        assert_eq!(
            parse_list("Qilin Hesheng Network Technology Co., Ltd. (APUS),Kunlun Inc."),
            vec![
                "Qilin Hesheng Network Technology Co., Ltd. (APUS)",
                "Kunlun Inc."
            ]
        );
        assert_eq!(
            parse_openness("Open weights (restricted use)").unwrap(),
            Openness::OpenWeightsRestricted
        );
        assert_eq!(
            parse_openness("Hosted access (no API)").unwrap(),
            Openness::HostedAccessOnly
        );
        assert_eq!(parse_openness("API access").unwrap(), Openness::ApiAccess);
        for o in Openness::ALL {
            assert_eq!(parse_openness(o.label()).unwrap(), o);
        }
        assert!(parse_openness("maybe").is_err());
    }
}
