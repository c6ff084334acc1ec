//! The short source line of a figure ("Source: Epoch AI; Hugging Face; model cards and
//! repositories of DeepSeek, Alibaba; BBC"): the groups the sources' credits make (see
//! `credit`), ordered by use, and the line cut to what fits ([`source_line`]). The complete
//! list stays in [`FullSource`]s. Pure: the drawing says what fits. The rules are written
//! down in `docs/figure-style.md`.

use std::ops::Range;

use crate::model::{PartialDate, SourceId, SourceKind};

/// One source of a figure, complete, for the CSV and the metadata of exported files: what the
/// short source line leaves out (titles, locators, which marks cite it).
#[derive(Clone, Debug, PartialEq)]
pub struct FullSource {
    /// The source's id.
    pub id: SourceId,
    /// Title as published (may be empty).
    pub title: String,
    /// Publisher or site (may be empty).
    pub publisher: String,
    /// Author(s) (may be empty).
    pub author: String,
    /// Publication date, when known.
    pub date: Option<PartialDate>,
    /// URL, repository path or file name (may be empty).
    pub locator: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// The source this one reprints or summarizes, when it is a reprint.
    pub via: Option<SourceId>,
    /// Whom the short source line credits it to.
    pub credit: Credit,
    /// The marks citing it, as ranges of mark numbers (see `PlotData::mark_count`: the marks,
    /// then the points of runs), sorted and not touching.
    pub marks: Vec<Range<usize>>,
}

impl FullSource {
    /// How many marks cite this source.
    pub fn mark_count(&self) -> usize {
        self.marks.iter().map(|r| r.len()).sum()
    }
}

/// Whom the short source line credits a source to (see [`credit_of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credit {
    /// A named group: a publisher, a site, an author, or a readable name for a file.
    Named(String),
    /// A primary source (repository, model card, official blog) of these developers, the most
    /// cited first: all of them together are "model cards and repositories of ...".
    Primary(Vec<String>),
}

/// The words the primary sources' group starts with.
pub const PRIMARY_GROUP: &str = "model cards and repositories of";

/// Number of marks in the union of `ranges`.
fn union_len(ranges: impl Iterator<Item = Range<usize>>) -> usize {
    let mut all: Vec<Range<usize>> = ranges.filter(|r| !r.is_empty()).collect();
    all.sort_by_key(|r| r.start);
    let (mut total, mut end) = (0, 0);
    for r in all {
        let start = r.start.max(end);
        if r.end > start {
            total += r.end - start;
            end = r.end;
        }
    }
    total
}

/// One group of the source line: a named group, or the primary sources' group with its
/// developers, and how many marks rely on it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceGroup {
    /// The group's name ("BBC"), or [`PRIMARY_GROUP`] for the primary sources.
    pub name: String,
    /// For the primary sources' group: the developers with the marks relying on each, the
    /// most first; empty otherwise.
    pub developers: Vec<(String, usize)>,
    /// Marks relying on the group (citing at least one of its sources).
    pub marks: usize,
}

impl SourceGroup {
    /// The group as the line says it, with the first `developers` of a primary group.
    fn text(&self, developers: usize) -> String {
        if self.developers.is_empty() {
            return self.name.clone();
        }
        let names: Vec<&str> = self
            .developers
            .iter()
            .take(developers)
            .map(|(n, _)| n.as_str())
            .collect();
        format!("{} {}", self.name, names.join(", "))
    }
}

/// The groups the sources `full` make, the most used first (ties: in order of first use): a
/// group per credit name (case aside), all primary sources in one group. A group's use is the
/// number of marks citing any of its sources, each mark counted once.
pub fn source_groups(full: &[FullSource]) -> Vec<SourceGroup> {
    // (key, name, marks) in order of first use.
    let mut named: Vec<(String, String, Vec<Range<usize>>)> = Vec::new();
    let mut developers: Vec<(String, String, Vec<Range<usize>>)> = Vec::new();
    let mut primary: Vec<Range<usize>> = Vec::new();
    let mut primary_at: Option<usize> = None;
    let add = |list: &mut Vec<(String, String, Vec<Range<usize>>)>, name: &str, s: &FullSource| {
        let key = name.trim().to_lowercase();
        match list.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, marks)) => marks.extend(s.marks.iter().cloned()),
            None => list.push((key, name.trim().to_owned(), s.marks.clone())),
        }
    };
    for s in full {
        match &s.credit {
            Credit::Named(name) => add(&mut named, name, s),
            Credit::Primary(devs) => {
                primary_at.get_or_insert(named.len());
                primary.extend(s.marks.iter().cloned());
                for d in devs {
                    add(&mut developers, d, s);
                }
            }
        }
    }
    let mut groups: Vec<SourceGroup> = named
        .into_iter()
        .map(|(_, name, marks)| SourceGroup {
            name,
            developers: Vec::new(),
            marks: union_len(marks.into_iter()),
        })
        .collect();
    if let Some(at) = primary_at {
        let mut devs: Vec<(String, usize)> = developers
            .into_iter()
            .map(|(_, name, marks)| (name, union_len(marks.into_iter())))
            .collect();
        devs.sort_by_key(|d| std::cmp::Reverse(d.1));
        groups.insert(
            at,
            SourceGroup {
                name: PRIMARY_GROUP.to_owned(),
                developers: devs,
                marks: union_len(primary.into_iter()),
            },
        );
    }
    // Stable: ties keep the order of first use.
    groups.sort_by_key(|g| std::cmp::Reverse(g.marks));
    groups
}

/// Characters of the candidate lines [`source_line`] measures at most: no figure holds more
/// on two lines, and measuring thousands of groups one by one would be slow.
const MEASURE_CAP: usize = 2_000;

/// The "Source: ..." line of `full`: its groups ([`source_groups`]), the most used first,
/// as many as `fits` accepts (the figure: two lines at its width). The least used names
/// (groups, or developers of the primary group) are left out first, and the line ends with
/// "and N more" for the N names left out. When not even the most used name fits alone, the
/// line is that name and "and N more" (the drawing wraps it).
pub fn source_line(full: &[FullSource], fits: &dyn Fn(&str) -> bool) -> String {
    let groups = source_groups(full);
    if groups.is_empty() {
        return "Source: none (no values shown)".to_owned();
    }
    // Every name: (marks relying on it, its group), in order of display.
    let mut names: Vec<(usize, usize)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.developers.is_empty() {
            names.push((group.marks, g));
        } else {
            names.extend(group.developers.iter().map(|(_, marks)| (*marks, g)));
        }
    }
    let total = names.len();
    // Which names are dropped first: the least used, the later shown on ties.
    let mut drop_order: Vec<usize> = (0..total).collect();
    drop_order.sort_by(|&a, &b| names[a].0.cmp(&names[b].0).then(b.cmp(&a)));
    // Names kept per group (a primary group keeps its most used developers).
    let mut kept: Vec<usize> = groups.iter().map(|g| g.developers.len().max(1)).collect();
    let line = |kept: &[usize], left_out: usize| {
        let parts: Vec<String> = groups
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k > 0)
            .map(|(g, k)| g.text(*k))
            .collect();
        let mut out = format!("Source: {}", parts.join("; "));
        if left_out > 0 {
            out.push_str(&format!("; and {left_out} more"));
        }
        out
    };
    let mut dropped = 0;
    loop {
        let candidate = line(&kept, dropped);
        let fit = candidate.chars().count() <= MEASURE_CAP && fits(&candidate);
        // The most used name stays, fitting or not.
        if fit || dropped + 1 >= total {
            return candidate;
        }
        kept[names[drop_order[dropped]].1] -= 1;
        dropped += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_counts_each_mark_once() {
        assert_eq!(union_len([0..3, 2..5, 7..8].into_iter()), 6);
        assert_eq!(union_len([4..5, 0..1, 0..1].into_iter()), 2);
        assert_eq!(union_len(std::iter::empty()), 0);
    }
}
