//! Plain-text formatting of values, shared by the UI, exports and the command line.

use super::types::{
    Citation, Claim, ClaimValue, Model, OpennessBasis, Qualifier, Role, StatusEntry, Unit, When,
};

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

/// When a claim holds, in words: "2025-09", "by 2025-10", "2024-08 to 2025-08",
/// "30 days to 2026-03-01" (a rolling period).
pub fn when_text(when: &When) -> String {
    match when {
        When::On(d) => d.to_string(),
        When::By(d) => format!("by {d}"),
        When::Between(a, b) => format!("{a} to {b}"),
        When::Trailing(1, d) => format!("1 day to {d}"),
        When::Trailing(n, d) => format!("{n} days to {d}"),
    }
}

/// A parameter count in billions with its qualifier: "about 2T", "671B".
pub fn params_text(b: f64, qualifier: Qualifier) -> String {
    format!("{}{}", qualifier.prefix(), format_params_b(b))
}

/// A context length in thousands of tokens with its qualifier: "about 128K tokens".
pub fn context_text(k: f64, qualifier: Qualifier) -> String {
    format!("{}{}K tokens", qualifier.prefix(), format_number(k))
}

/// Where a model's openness category comes from, in words: "inferred from the licence", or
/// "per <source name>" with the name `source_name` gives the source.
pub fn openness_basis_text(basis: &OpennessBasis, source_name: impl Fn(&str) -> String) -> String {
    match basis {
        OpennessBasis::License => "inferred from the licence".to_owned(),
        OpennessBasis::Source(s) => format!("per {}", source_name(s.as_str())),
    }
}

/// A model's openness category with where it comes from: "Open weights (unrestricted),
/// inferred from the licence"; `None` when the model has no category.
pub fn openness_text(m: &Model, source_name: impl Fn(&str) -> String) -> Option<String> {
    let o = m.openness?;
    Some(match &m.openness_basis {
        Some(b) => format!("{}, {}", o.label(), openness_basis_text(b, source_name)),
        None => o.label().to_owned(),
    })
}

/// A cited source's name with the citation's detail beside it: "Epoch AI, row 37" (the detail
/// escaped and capped like any name, since it comes from the file).
pub fn citation_text(c: &Citation, source_name: &str) -> String {
    if c.detail.trim().is_empty() {
        source_name.to_owned()
    } else {
        format!("{source_name}, {}", super::text::safe_line(c.detail.trim()))
    }
}

/// A status step's date with what it means: "since 2025-10", "reported as of 2025-10"; `None`
/// when the step has no date.
pub fn status_date_text(step: &StatusEntry) -> Option<String> {
    step.date
        .map(|d| format!("{} {d}", step.date_means.label()))
}

/// Whether a role has ended: it has an end date, or is marked former.
pub fn role_is_former(r: &Role) -> bool {
    r.former || r.until.is_some()
}

/// A role's title as a reader should take it: "former deputy prime minister" when the role has
/// ended, else the title as written.
pub fn role_title_text(r: &Role) -> String {
    if role_is_former(r) {
        format!("former {}", r.title)
    } else {
        r.title.clone()
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
    fn periods_sizes_and_bases_read_naturally() {
        let d = crate::model::PartialDate::parse("2026-03-01").unwrap();
        assert_eq!(when_text(&When::Trailing(30, d)), "30 days to 2026-03-01");
        assert_eq!(when_text(&When::Trailing(1, d)), "1 day to 2026-03-01");
        assert_eq!(params_text(2000.0, Qualifier::About), "about 2T");
        assert_eq!(params_text(10.0, Qualifier::About), "about 10B");
        assert_eq!(params_text(671.0, Qualifier::Exact), "671B");
        assert_eq!(context_text(128.0, Qualifier::About), "about 128K tokens");
        let name = |id: &str| {
            if id == "epoch" {
                "Epoch AI".to_owned()
            } else {
                id.to_owned()
            }
        };
        assert_eq!(
            openness_basis_text(&OpennessBasis::License, name),
            "inferred from the licence"
        );
        assert_eq!(
            openness_basis_text(&OpennessBasis::Source("epoch".into()), name),
            "per Epoch AI"
        );
        assert_eq!(
            citation_text(&Citation::with_detail("epoch", "row 37"), "Epoch AI"),
            "Epoch AI, row 37"
        );
        assert_eq!(
            citation_text(&Citation::new("epoch"), "Epoch AI"),
            "Epoch AI"
        );
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
