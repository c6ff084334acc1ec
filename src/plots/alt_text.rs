//! Plain-language descriptions of a plot for readers who cannot see it (alt text): a short one
//! of at most [`SHORT_ALT_MAX`] characters and a long one saying what the chart shows, its
//! ranges and its main values. Generated from the plot data alone, so every export carries the
//! same words.

use super::{Mark, MarkKind, PlotData, PlotKind, Scale};

/// Characters a short alt text has at most.
pub const SHORT_ALT_MAX: usize = 150;

/// Values the long alt text names at most.
const TOP_VALUES: usize = 3;

/// Groups the long alt text names at most.
const GROUPS_NAMED: usize = 8;

/// A plot's alt texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltText {
    /// At most [`SHORT_ALT_MAX`] characters: the kind of chart, its title and its extent.
    pub short: String,
    /// What the chart shows, its axes and ranges, its groups and its largest values.
    pub long: String,
}

/// What kind of chart a plot draws, in words.
fn chart_form(kind: PlotKind) -> &'static str {
    match kind {
        PlotKind::ReleaseTimeline => "Timeline",
        PlotKind::ModelSize => "Scatter chart",
        PlotKind::WhoUsesWhat => "Matrix",
        PlotKind::Outcomes => "Bar chart",
        PlotKind::Downloads => "Chart of figures over time",
        PlotKind::ReleasesPerQuarter => "Stacked bar chart",
        PlotKind::ShareByCountry => "Stacked 100% bar chart",
    }
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// The years a time axis spans, from the marks' x (and x2) positions: "2019 to 2025".
fn time_span(data: &PlotData) -> Option<String> {
    let xs = data
        .marks
        .iter()
        .flat_map(|m| std::iter::once(m.x).chain(m.x2))
        .chain(data.runs.iter().flat_map(|r| r.points.iter().map(|p| p.x)))
        .filter(|x| x.is_finite());
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    if !lo.is_finite() {
        return None;
    }
    let (a, b) = (
        lo.floor() as i64,
        (hi - 1e-9).floor().max(lo.floor()) as i64,
    );
    Some(if a == b {
        format!("{a}")
    } else {
        format!("{a} to {b}")
    })
}

/// What the horizontal axis covers, in words.
fn x_extent(data: &PlotData) -> Option<String> {
    match &data.x_axis.scale {
        Scale::Time => time_span(data).map(|s| format!("from {s}")),
        Scale::Category(names) if !names.is_empty() => Some(format!(
            "over {} {}",
            names.len(),
            if names.len() == 1 {
                "category"
            } else {
                "categories"
            }
        )),
        _ => None,
    }
}

/// The marks that carry a value, with it.
fn valued(data: &PlotData) -> Vec<(f64, Mark)> {
    let mut out: Vec<(f64, Mark)> = data
        .marks
        .iter()
        .filter(|m| m.kind != MarkKind::EventLine)
        .filter_map(|m| m.value.filter(|v| v.is_finite()).map(|v| (v, m.clone())))
        .collect();
    // Each run contributes its largest and smallest point (a run may hold a million).
    let mut i = data.marks.len();
    for r in &data.runs {
        let finite = || {
            r.points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.value.is_finite())
        };
        let best = finite().max_by(|a, b| a.1.value.total_cmp(&b.1.value));
        let least = finite().min_by(|a, b| a.1.value.total_cmp(&b.1.value));
        for (j, p) in best.into_iter().chain(least) {
            if let Some(m) = data.mark(i + j) {
                out.push((p.value, m.into_owned()));
            }
        }
        i += r.points.len();
    }
    out
}

/// The names of the plot's colour groups, in legend order.
fn group_names(data: &PlotData) -> Vec<&str> {
    data.legend
        .iter()
        .filter(|e| e.group.is_some())
        .map(|e| e.label.as_str())
        .filter(|l| !l.is_empty())
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The alt texts of `data`.
pub fn alt_text(data: &PlotData) -> AltText {
    let form = chart_form(data.kind);
    let n = data.mark_count();
    let extent = x_extent(data);
    // The title in quotes: "Timeline \"Release timeline\"", not "Timeline of Release timeline".
    let tail = match &extent {
        Some(e) => format!("\": {}, {e}.", plural(n, "mark", "marks")),
        None => format!("\": {}.", plural(n, "mark", "marks")),
    };
    let head = format!("{form} \"");
    let room = SHORT_ALT_MAX.saturating_sub(head.chars().count() + tail.chars().count());
    let short = if room >= 20 {
        format!("{head}{}{tail}", cut(&data.title, room))
    } else {
        cut(&format!("{head}{}\".", data.title), SHORT_ALT_MAX)
    };

    let mut long = format!("{form} titled \"{}\".", data.title);
    if !data.subtitle.is_empty() {
        long.push_str(&format!(" {}", data.subtitle.trim_end_matches('.')));
        long.push('.');
    }
    long.push_str(&format!(" It shows {}", plural(n, "mark", "marks")));
    let groups = group_names(data);
    if !groups.is_empty() {
        let named: Vec<&str> = groups.iter().take(GROUPS_NAMED).copied().collect();
        long.push_str(&format!(
            " in {} ({}{})",
            plural(groups.len(), "group", "groups"),
            named.join(", "),
            if groups.len() > named.len() {
                format!(" and {} more", groups.len() - named.len())
            } else {
                String::new()
            }
        ));
    }
    long.push('.');
    if !data.x_axis.title.is_empty() || extent.is_some() {
        long.push_str(" Horizontal axis: ");
        long.push_str(if data.x_axis.title.is_empty() {
            "time"
        } else {
            &data.x_axis.title
        });
        if let Some(e) = &extent {
            long.push_str(&format!(", {e}"));
        }
        long.push('.');
    }
    let mut values = valued(data);
    values.sort_by(|a, b| b.0.total_cmp(&a.0));
    if !data.y_axis.title.is_empty() {
        long.push_str(&format!(" Vertical axis: {}", data.y_axis.title));
        if data.y_axis.scale == Scale::Log10 {
            long.push_str(" (log scale)");
        }
        if let (Some(hi), Some(lo)) = (values.first(), values.last())
            && hi.0 != lo.0
        {
            long.push_str(&format!(
                ", values from {} to {}",
                value_words(&lo.1),
                value_words(&hi.1)
            ));
        }
        long.push('.');
    }
    let mut seen = Vec::new();
    let top: Vec<String> = values
        .iter()
        .filter(|(_, m)| {
            let key = (m.label.clone(), m.value_text.clone());
            let fresh = !seen.contains(&key);
            seen.push(key);
            fresh
        })
        .take(TOP_VALUES)
        .map(|(_, m)| format!("{} ({})", m.label, value_words(m)))
        .collect();
    if !top.is_empty() {
        long.push_str(&format!(" Largest: {}.", top.join("; ")));
    }
    if data.marks.iter().any(|m| m.in_conflict.is_some()) {
        long.push_str(" Figures on which sources disagree are ringed in magenta.");
    }
    let sources = data
        .footer
        .full_sources
        .len()
        .max(data.footer.sources.len());
    if sources > 0 {
        long.push_str(&format!(
            " Based on {}.",
            plural(sources, "source", "sources")
        ));
    }
    AltText { short, long }
}

/// A mark's value as the chart states it ("up to 90%"), else its number.
fn value_words(m: &Mark) -> String {
    if m.value_text.is_empty() {
        m.value.map_or_else(String::new, |v| format!("{v}"))
    } else {
        m.value_text.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plots::Axis;

    fn plot(marks: Vec<Mark>) -> PlotData {
        PlotData {
            kind: PlotKind::ModelSize,
            title: "Model size".into(),
            subtitle: "Parameters by release date".into(),
            x_axis: Axis {
                title: "Release date".into(),
                scale: Scale::Time,
                ticks: Vec::new(),
            },
            y_axis: Axis {
                title: "Parameters".into(),
                scale: Scale::Log10,
                ticks: Vec::new(),
            },
            group_kind: crate::plots::GroupKind::Country,
            legend: Vec::new(),
            marks,
            runs: Vec::new(),
            notes: Vec::new(),
            footer: Default::default(),
            panels: Vec::new(),
        }
    }

    fn mark(x: f64, value: f64, label: &str) -> Mark {
        Mark {
            x,
            y: value.log10(),
            value: Some(value),
            value_text: format!("{value}B"),
            label: label.into(),
            ..Default::default()
        }
    }

    #[test]
    fn alt_texts_name_the_extent_and_the_largest_values() {
        let data = plot(vec![
            mark(2023.2, 7.0, "Small"),
            mark(2025.5, 671.0, "Big"),
            mark(2024.1, 70.0, "Mid"),
        ]);
        let alt = alt_text(&data);
        assert!(alt.short.chars().count() <= SHORT_ALT_MAX);
        assert_eq!(
            alt.short,
            "Scatter chart \"Model size\": 3 marks, from 2023 to 2025."
        );
        assert!(alt.long.contains("values from 7B to 671B"), "{}", alt.long);
        assert!(
            alt.long
                .contains("Largest: Big (671B); Mid (70B); Small (7B).")
        );
        assert!(alt.long.contains("(log scale)"));
    }

    #[test]
    fn a_long_title_is_cut_to_keep_the_short_text_short() {
        let mut data = plot(vec![mark(2024.0, 1.0, "One")]);
        data.title = "A very long title ".repeat(20);
        let alt = alt_text(&data);
        assert!(alt.short.chars().count() <= SHORT_ALT_MAX, "{}", alt.short);
        assert!(alt.short.ends_with("1 mark, from 2024."), "{}", alt.short);
        assert!(alt.short.contains('…'));
    }

    proptest::proptest! {
        #[test]
        fn the_short_alt_text_never_exceeds_its_limit(title in "\\PC{0,400}", n in 0usize..5) {
            let mut data = plot((0..n).map(|i| mark(2020.0 + i as f64, 1.0 + i as f64, "m")).collect());
            data.title = title;
            let alt = alt_text(&data);
            proptest::prop_assert!(alt.short.chars().count() <= SHORT_ALT_MAX);
        }
    }
}
