//! The footer every plot carries (sources, filters, dataset, credits) and how it is collected
//! from the sources of the marks shown; the short source line it draws is made in
//! `source_line`.

use std::ops::Range;

use super::credit::{bare_source, full_source};
use super::source_line::{Credit, FullSource, source_line};
use super::{Mark, PlotData, PointRun};
use crate::app::explorer::Index;
use crate::model::{Dataset, SourceId, SourceName, source_name};

/// The footer every plot carries: sources, filters, dataset and credits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footer {
    /// Distinct sources of the marks, in order of first use.
    pub sources: Vec<SourceId>,
    /// A human label per source, parallel to `sources` ("id: title, publisher, locator"): the
    /// CSV's `source_details`.
    pub source_labels: Vec<String>,
    /// The complete list, parallel to `sources`: each source's title, publisher, date,
    /// locator, whom the short line credits it to, and which marks cite it. The figure draws
    /// only the short line made from it ([`Footer::source_line`]); exports that carry
    /// metadata write this list.
    pub full_sources: Vec<FullSource>,
    /// The filters in force (from `ListQuery::describe`), empty when none.
    pub filters: Vec<String>,
    /// The dataset's title and date.
    pub dataset: String,
    /// Data credits for the data shown (for example Epoch AI, CC BY 4.0).
    pub credits: Vec<String>,
}

/// Characters of the source line [`Footer::lines`] allows when no drawing measures it: two
/// lines of the footer's small text (about 10 points, some 5 points a character) on the
/// default export's 872 points of text width hold about 340; 300 leaves room for wide letters.
pub const SOURCE_LINE_CHARS: usize = 300;

impl Footer {
    /// The footer as text lines: "Source: ..." (at most [`SOURCE_LINE_CHARS`] characters),
    /// "Filters: ...", "Dataset: ...", and "Data credits: ..." when any apply.
    pub fn lines(&self) -> Vec<String> {
        self.lines_fitting(&|l: &str| l.chars().count() <= SOURCE_LINE_CHARS)
    }

    /// [`Footer::lines`] with the source line as long as `fits` accepts (the figure: two
    /// lines at its width; see [`Footer::source_line`]).
    pub fn lines_fitting(&self, fits: &dyn Fn(&str) -> bool) -> Vec<String> {
        let mut out = vec![self.source_line(fits)];
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

    /// The short source line: "Source: " and the groups of the sources (publishers, sites, the
    /// developers of the primary sources), the most used first, as many as `fits` accepts,
    /// then "and N more"; "Source: none (no values shown)" when there are no sources. A footer
    /// without a full list (built by hand) names its sources by their labels or ids.
    pub fn source_line(&self, fits: &dyn Fn(&str) -> bool) -> String {
        if self.full_sources.len() == self.sources.len() {
            return source_line(&self.full_sources, fits);
        }
        let by_label: Vec<FullSource> = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, id)| FullSource {
                credit: Credit::Named(
                    self.source_labels
                        .get(i)
                        .map_or_else(|| id.to_string(), Clone::clone),
                ),
                ..bare_source(id, std::iter::once(i..i + 1).collect())
            })
            .collect();
        source_line(&by_label, fits)
    }

    /// The footer of what `shown` keeps of `data`'s marks (a view with legend entries hidden):
    /// only the sources some kept mark cites, each with the kept marks citing it.
    pub fn for_shown(&self, data: &PlotData, shown: &dyn Fn(&Mark) -> bool) -> Footer {
        let mut visible: Vec<Range<usize>> = Vec::new();
        for (i, m) in data.marks.iter().enumerate() {
            if shown(m) {
                push_range(&mut visible, i..i + 1);
            }
        }
        let mut at = data.marks.len();
        for r in &data.runs {
            if shown(&r.template) {
                push_range(&mut visible, at..at + r.points.len());
            }
            at += r.points.len();
        }
        let mut f = Footer {
            sources: Vec::new(),
            source_labels: Vec::new(),
            full_sources: Vec::new(),
            ..self.clone()
        };
        let full = self.full_sources.len() == self.sources.len();
        for (i, id) in self.sources.iter().enumerate() {
            let cited = if full {
                intersect(&self.full_sources[i].marks, &visible)
            } else {
                // Without a full list: kept when a shown mark cites it.
                let cites = |m: &Mark| shown(m) && m.sources.contains(id);
                let any = data.marks.iter().any(cites)
                    || data.runs.iter().map(|r| &r.template).any(cites);
                if any {
                    std::iter::once(0..1).collect()
                } else {
                    Vec::new()
                }
            };
            if cited.is_empty() {
                continue;
            }
            f.sources.push(id.clone());
            if let Some(l) = self.source_labels.get(i) {
                f.source_labels.push(l.clone());
            }
            if full {
                f.full_sources.push(FullSource {
                    marks: cited,
                    ..self.full_sources[i].clone()
                });
            }
        }
        f
    }
}

/// Adds `r` to sorted, non-touching `ranges` (`r` starts at or after the last one).
fn push_range(ranges: &mut Vec<Range<usize>>, r: Range<usize>) {
    if r.is_empty() {
        return;
    }
    match ranges.last_mut() {
        Some(last) if last.end >= r.start => last.end = last.end.max(r.end),
        _ => ranges.push(r),
    }
}

/// The marks in both `a` and `b` (each sorted and not touching).
fn intersect(a: &[Range<usize>], b: &[Range<usize>]) -> Vec<Range<usize>> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            push_range(&mut out, start..end);
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

impl Footer {
    /// The footer of `marks` and `runs` (numbered as `PlotData::mark_count` says) under the
    /// filters `filters`: their distinct sources in order of first use, each with a long label
    /// and its full entry (whom it is credited to, which marks cite it), the dataset's title
    /// and date, and the credits that apply to those sources.
    pub(super) fn collect(
        ds: &Dataset,
        ix: &Index,
        marks: &[Mark],
        runs: &[PointRun],
        filters: Vec<String>,
    ) -> Footer {
        let mut sources: Vec<SourceId> = Vec::new();
        let mut cited: Vec<Vec<Range<usize>>> = Vec::new();
        let spans = marks
            .iter()
            .enumerate()
            .map(|(i, m)| (m, i..i + 1))
            .chain(runs.iter().scan(marks.len(), |at, r| {
                let span = *at..*at + r.points.len();
                *at = span.end;
                Some((&r.template, span))
            }));
        for (m, span) in spans {
            for s in &m.sources {
                let k = match sources.iter().position(|x| x == s) {
                    Some(k) => k,
                    None => {
                        sources.push(s.clone());
                        cited.push(Vec::new());
                        sources.len() - 1
                    }
                };
                push_range(&mut cited[k], span.clone());
            }
        }
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
            full_sources: sources
                .iter()
                .zip(cited)
                .map(|(s, marks)| full_source(ds, ix, s, marks))
                .collect(),
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

/// A long label for a source ([`SourceName::Described`]: "id: title, publisher, locator,
/// date").
fn source_long_label(ds: &Dataset, ix: &Index, id: &SourceId) -> String {
    ix.source(id).and_then(|p| ds.sources.get(p)).map_or_else(
        || format!("{id} (not in the dataset)"),
        |s| source_name(ds, s, SourceName::Described),
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
        // A footer built by hand, without full entries: its sources by their labels.
        let f = Footer {
            sources: vec![SourceId::new("s1"), SourceId::new("s2")],
            source_labels: vec!["s1".into(), "s2".into()],
            filters: vec!["search: \"qwen\"".into()],
            dataset: "Data, 2025".into(),
            credits: vec!["Epoch AI, CC BY 4.0".into()],
            ..Footer::default()
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
        let empty = Footer::default().lines();
        assert_eq!(empty[0], "Source: none (no values shown)");
        assert_eq!(empty.len(), 3);
    }

    #[test]
    fn two_thousand_sources_make_a_line_within_the_budget() {
        let f = Footer {
            sources: (0..2_000).map(|i| SourceId::new(format!("s{i}"))).collect(),
            full_sources: (0..2_000)
                .map(|i| FullSource {
                    credit: Credit::Named(format!("Publisher number {i}")),
                    ..bare_source(
                        &SourceId::new(format!("s{i}")),
                        std::iter::once(i..i + 1).collect(),
                    )
                })
                .collect(),
            ..Footer::default()
        };
        let line = &f.lines()[0];
        assert!(line.chars().count() <= SOURCE_LINE_CHARS, "{line}");
        assert!(line.starts_with("Source: Publisher number 0; Publisher number 1;"));
        assert!(line.ends_with(" more"), "{line}");
    }

    #[test]
    fn ranges_merge_and_intersect() {
        let mut r = Vec::new();
        for x in [0..1, 1..2, 4..5, 5..9] {
            push_range(&mut r, x);
        }
        assert_eq!(r, [0..2, 4..9]);
        assert_eq!(intersect(&r, &[1..5, 8..20]), [1..2, 4..5, 8..9]);
        assert!(intersect(&r, std::slice::from_ref(&(2..4))).is_empty());
    }
}
