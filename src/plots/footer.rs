//! The footer every plot carries (sources, filters, dataset, credits) and how it is collected
//! from the sources of the marks shown.

use crate::app::explorer::Index;
use crate::model::{Dataset, NameStyle, RecordRef, SourceId, SourceName, record_name, source_name};

/// The footer every plot carries: sources, filters, dataset and credits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footer {
    /// Distinct sources of the marks, in order of first use.
    pub sources: Vec<SourceId>,
    /// A human label per source, parallel to `sources` ("id: title, publisher, locator").
    pub source_labels: Vec<String>,
    /// A short name per source for the figure's footer, parallel to `sources`: its title
    /// (with the publisher), else its publisher and locator, else its id. Empty when not given
    /// (the footer then uses `source_labels`).
    pub source_names: Vec<String>,
    /// The filters in force (from `ListQuery::describe`), empty when none.
    pub filters: Vec<String>,
    /// The dataset's title and date.
    pub dataset: String,
    /// Data credits for the data shown (for example Epoch AI, CC BY 4.0).
    pub credits: Vec<String>,
}

impl Footer {
    /// The footer as text lines: "Source: ...", "Filters: ...", "Dataset: ...", and
    /// "Data credits: ..." when any apply.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.sources.is_empty() {
            out.push("Source: none (no values shown)".to_owned());
        } else {
            // Short names when the derivation gave them (it always does), else the long labels,
            // else the bare ids.
            let names: Vec<&str> = if self.source_names.len() == self.sources.len() {
                self.source_names.iter().map(String::as_str).collect()
            } else if self.source_labels.len() == self.sources.len() {
                self.source_labels.iter().map(String::as_str).collect()
            } else {
                self.sources.iter().map(SourceId::as_str).collect()
            };
            out.push(format!(
                "Source: {}",
                joined_within(&names, SOURCES_LINE_CAP)
            ));
        }
        if self.filters.is_empty() {
            out.push("Filters: none".to_owned());
        } else {
            out.push(format!("Filters: {}", self.filters.join("; ")));
        }
        out.push(format!("Dataset: {}", self.dataset));
        if !self.credits.is_empty() {
            out.push(format!("Data credits: {}", self.credits.join("; ")));
        }
        out
    }
}

/// Characters of the "Source:" line at most (about twenty lines of a figure): past them the
/// footer says how many more sources there are, so that thousands of sources cannot grow an
/// export beyond what can be drawn.
pub const SOURCES_LINE_CAP: usize = 3_000;

/// `names` joined by "; ", as many as fit in `cap` characters, then "and N more".
fn joined_within(names: &[&str], cap: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for (i, n) in names.iter().enumerate() {
        let len = n.chars().count() + 2;
        if i > 0 && chars + len > cap {
            out.push_str(&format!("; and {} more", names.len() - i));
            return out;
        }
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(n);
        chars += len;
    }
    out
}

impl Footer {
    /// The footer of marks citing `sources` (distinct, in order of first use) under the filters
    /// `filters`: a short name and a long label per source, the dataset's title and date, and
    /// the credits that apply to those sources.
    pub(super) fn collect(
        ds: &Dataset,
        ix: &Index,
        sources: Vec<SourceId>,
        filters: Vec<String>,
    ) -> Footer {
        let meta = &ds.meta;
        let title = if meta.title.trim().is_empty() {
            "Untitled dataset".to_owned()
        } else {
            meta.title.trim().to_owned()
        };
        Footer {
            source_labels: sources
                .iter()
                .map(|s| source_long_label(ds, ix, s))
                .collect(),
            source_names: {
                // A name several sources share ("LICENSE", "git log") gets its id.
                let names: Vec<String> = sources
                    .iter()
                    .map(|s| source_short_name(ds, ix, s))
                    .collect();
                names
                    .iter()
                    .zip(&sources)
                    .map(|(n, id)| {
                        if names.iter().filter(|m| *m == n).count() > 1 {
                            format!("{n} [{id}]")
                        } else {
                            n.clone()
                        }
                    })
                    .collect()
            },
            credits: credits(ds, ix, &sources),
            sources,
            filters,
            dataset: match meta.date {
                Some(d) => format!("{title}, {d}"),
                None => title,
            },
        }
    }
}

/// A short name for a source ([`SourceName::Short`], the source's plain name), else its id.
fn source_short_name(ds: &Dataset, ix: &Index, id: &SourceId) -> String {
    record_name(ds, ix, &RecordRef::Source(id.clone()), NameStyle::Plain)
}

/// A long label for a source ([`SourceName::Described`]: "id: title, publisher, locator,
/// date").
fn source_long_label(ds: &Dataset, ix: &Index, id: &SourceId) -> String {
    ix.source(id).and_then(|p| ds.sources.get(p)).map_or_else(
        || format!("{id} (not in the dataset)"),
        |s| source_name(s, SourceName::Described),
    )
}

/// The dataset's credits that apply to `used` sources: a credit naming a used source's
/// publisher ("Epoch AI"), or a file path (`data/hf_models.json`) found in a used source's
/// locator or notes. A credit that matches no source of the dataset at all is always shown,
/// since it cannot be attributed and may well apply.
fn credits(ds: &Dataset, ix: &Index, used: &[SourceId]) -> Vec<String> {
    let matches = |credit: &str, id: &SourceId| {
        let Some(s) = ix.source(id).and_then(|p| ds.sources.get(p)) else {
            return false;
        };
        if !s.publisher.trim().is_empty() && credit.contains(s.publisher.trim()) {
            return true;
        }
        credit
            .split_whitespace()
            .map(|t| t.trim_matches(|c: char| "()[],;\"'".contains(c)))
            .filter(|t| {
                t.contains('/') && t.rsplit('/').next().is_some_and(|last| last.contains('.'))
            })
            .any(|t| s.locator.contains(t) || s.notes.contains(t))
    };
    ds.meta
        .credits
        .iter()
        .filter(|credit| {
            used.iter().any(|id| matches(credit, id))
                || !ds.sources.iter().any(|s| matches(credit, &s.id))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_lines_say_what_is_shown() {
        let f = Footer {
            sources: vec![SourceId::new("s1"), SourceId::new("s2")],
            source_labels: vec!["s1".into(), "s2".into()],
            source_names: Vec::new(),
            filters: vec!["search: \"qwen\"".into()],
            dataset: "Data, 2025".into(),
            credits: vec!["Epoch AI, CC BY 4.0".into()],
        };
        assert_eq!(
            f.lines(),
            [
                "Source: s1; s2",
                "Filters: search: \"qwen\"",
                "Dataset: Data, 2025",
                "Data credits: Epoch AI, CC BY 4.0"
            ]
        );
        let many: Vec<String> = (0..2_000).map(|i| format!("Source number {i}")).collect();
        let f = Footer {
            sources: (0..2_000).map(|i| SourceId::new(format!("s{i}"))).collect(),
            source_names: many,
            ..Footer::default()
        };
        let line = &f.lines()[0];
        assert!(
            line.chars().count() < SOURCES_LINE_CAP + 40,
            "{}",
            line.len()
        );
        assert!(line.starts_with("Source: Source number 0; Source number 1;"));
        assert!(line.ends_with(" more"), "{line}");
        let empty = Footer::default().lines();
        assert_eq!(empty[0], "Source: none (no values shown)");
        assert_eq!(empty.len(), 3);
    }
}
