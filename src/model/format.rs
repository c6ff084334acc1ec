//! Plain-text formatting of values, shared by the UI, exports and the command line.

use super::types::{Claim, ClaimValue, Qualifier, Unit, When};

/// A number with thousands separators and no needless decimals: 700000000 -> "700,000,000",
/// 17.1 -> "17.1", 0.5 -> "0.5".
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v}");
        s
    }
}

/// A number of parameters given in billions, in words people use: 0.5 -> "500M", 671 -> "671B",
/// 1000 -> "1T".
pub fn format_params_b(b: f64) -> String {
    if b >= 1000.0 {
        format!("{}T", trim(b / 1000.0))
    } else if b >= 1.0 {
        format!("{}B", trim(b))
    } else {
        format!("{}M", trim(b * 1000.0))
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The value with its unit and qualifier, as a reader would say it: "up to 90%", "about 385.3M"
/// is written "about 385,300,000", "more than 180,000", "2.6×", "2024-09-19".
pub fn value_text(value: &ClaimValue, unit: &Unit, qualifier: Qualifier) -> String {
    let body = match value {
        ClaimValue::Number(n) => format!("{}{}", format_number(*n), unit.suffix()),
        ClaimValue::Range(lo, hi) => format!(
            "{}–{}{}",
            format_number(*lo),
            format_number(*hi),
            unit.suffix()
        ),
        ClaimValue::Date(d) => d.to_string(),
        ClaimValue::Text(t) => t.clone(),
    };
    format!("{}{body}", qualifier.prefix())
}

/// When a claim holds, in words: "2025-09", "by 2025-10", "2024-08 to 2025-08".
pub fn when_text(when: &When) -> String {
    match when {
        When::On(d) => d.to_string(),
        When::By(d) => format!("by {d}"),
        When::Between(a, b) => format!("{a} to {b}"),
    }
}

/// One line for a claim: "Cost reduction: up to 90% (vs proprietary models), 2025".
pub fn claim_text(c: &Claim) -> String {
    let mut s = format!(
        "{}: {}",
        c.metric.label(),
        value_text(&c.value, &c.unit, c.qualifier)
    );
    if !c.baseline.is_empty() {
        s.push_str(&format!(" (vs {})", c.baseline));
    }
    if !c.scope.is_empty() {
        s.push_str(&format!(" [{}]", c.scope));
    }
    if let Some(w) = &c.when {
        s.push_str(&format!(", {}", when_text(w)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(700_000_000.0), "700,000,000");
        assert_eq!(format_number(151_448.0), "151,448");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(17.1), "17.1");
        assert_eq!(format_number(-1234.0), "-1,234");
        assert_eq!(format_params_b(671.0), "671B");
        assert_eq!(format_params_b(0.5), "500M");
        assert_eq!(format_params_b(1000.0), "1T");
        assert_eq!(format_params_b(116.83), "116.83B");
    }

    #[test]
    fn qualifiers_are_spoken() {
        assert_eq!(
            value_text(&ClaimValue::Number(90.0), &Unit::Percent, Qualifier::UpTo),
            "up to 90%"
        );
        assert_eq!(
            value_text(
                &ClaimValue::Range(180.0, 210.0),
                &Unit::Count,
                Qualifier::About
            ),
            "about 180–210"
        );
    }
}
