//! The plotted values as CSV: one row per mark, with its record and sources.

use std::borrow::Cow;

use super::{Mark, PlotData};
use crate::model::RecordRef;

/// Column names of [`to_csv`], in order.
const HEADER: [&str; 19] = [
    "plot",
    "mark",
    "group",
    "label",
    "record_kind",
    "record_id",
    "x",
    "x2",
    "y",
    "y2",
    "value",
    "value_text",
    "date",
    "qualifier",
    "conflict",
    "members",
    "sources",
    "source_details",
    "link",
];

/// One CSV field, quoted when it holds a comma, a quote, a line break, or leading or trailing
/// white space (quotes inside are doubled); as is otherwise.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

fn record_parts(r: &RecordRef) -> (&'static str, &str) {
    let (kind, id) = r.kind_and_id();
    (kind.name(), id)
}

fn num(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn row(data: &PlotData, m: &Mark) -> Vec<String> {
    let (kind, id) = m.record.as_ref().map_or(("", ""), record_parts);
    let members: Vec<String> = m
        .members
        .iter()
        .map(|r| {
            let (k, i) = record_parts(r);
            format!("{k}:{i}")
        })
        .collect();
    let sources: Vec<&str> = m.sources.iter().map(|s| s.as_str()).collect();
    let details: Vec<&str> = m
        .sources
        .iter()
        .filter_map(|s| {
            let i = data.footer.sources.iter().position(|f| f == s)?;
            data.footer.source_labels.get(i).map(String::as_str)
        })
        .collect();
    let y = (!m.kind.is_vertical_line()).then_some(m.y);
    vec![
        data.kind.name().to_owned(),
        m.kind.name().to_owned(),
        // A group merged into "Other" says which it was.
        match &m.merged_from {
            Some(was) => format!("Other: {was}"),
            None => m.group.clone(),
        },
        m.label.clone(),
        kind.to_owned(),
        id.to_owned(),
        num(Some(m.x)),
        num(m.x2),
        num(y),
        num(m.y2),
        num(m.value),
        m.value_text.clone(),
        m.date_text.clone(),
        m.qualifier.label().to_owned(),
        m.in_conflict
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        members.join(";"),
        sources.join(";"),
        details.join(" | "),
        m.link.map(|l| l.to_string()).unwrap_or_default(),
    ]
}

/// The plotted values as CSV text: a header, then exactly one row per mark (in mark order, the
/// points of runs last; see [`PlotData::mark_count`]) with
/// the plot's name, the mark's kind, group, label, record, coordinates as drawn (x, x2, y, y2;
/// `log10` on a log axis; y empty for vertical lines), the value in its own unit, value and
/// date text, qualifier, conflict, the records an aggregate counts, source ids joined by `;` and
/// the sources' titles and locators. Lines end in `\n`; fields are quoted by [`csv_field`].
pub fn to_csv(data: &PlotData) -> String {
    let mut out = String::new();
    let line = |out: &mut String, fields: &[&str]| {
        let quoted: Vec<Cow<'_, str>> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    };
    line(&mut out, &HEADER);
    for m in &data.marks {
        let fields = row(data, m);
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        line(&mut out, &refs);
    }
    // Then the points of long series, one row each, as their marks.
    for r in &data.runs {
        for j in 0..r.points.len() {
            if let Some(m) = r.mark(j) {
                let fields = row(data, &m);
                let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
                line(&mut out, &refs);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("通义千问"), "通义千问");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
        assert_eq!(csv_field("padded "), "\"padded \"");
        assert_eq!(csv_field(""), "");
    }
}
