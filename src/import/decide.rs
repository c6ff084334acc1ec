//! Each row's match decision: what matching proposed (an exact match by id or folded name,
//! close candidates, nothing) and what will be done (match a record, add a new one, skip), which
//! the user may change one row at a time or in bulk.

use super::fields::{Field, ImportKind};
use super::mapping::MappedRow;
use super::matching::{Found, NameIndex};
use crate::model::Dataset;

/// What matching proposed for a row; indices are positions in the kind's list.
#[derive(Clone, Debug, PartialEq)]
pub enum Proposal {
    /// The record with this id.
    ById(usize),
    /// The one record with this folded name (or alias, or native name).
    ByName(usize),
    /// Close records, best first, with a score from 0 to 1.
    Candidates(Vec<(usize, f64)>),
    /// No record is like it.
    Nothing,
    /// The row has no name to match.
    NoName,
}

/// What will be done with a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Update this record (position in its kind's list).
    Match(usize),
    /// Add a new record.
    New,
    /// Leave the row out.
    Skip,
}

/// One row's proposal and decision.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMatch {
    /// The row's number as a spreadsheet shows it.
    pub row: u32,
    /// The name in the row.
    pub name: String,
    /// What matching proposed.
    pub proposal: Proposal,
    /// What will be done.
    pub decision: Decision,
}

impl RowMatch {
    /// The decision in words for a list: "matched Qwen2.5-72B", "new", "ambiguous: 2 candidates".
    pub fn describe(&self, ds: &Dataset, kind: ImportKind) -> String {
        let name_at = |i: usize| record_name(ds, kind, i);
        match (&self.decision, &self.proposal) {
            (Decision::Match(i), _) => format!("matched {}", name_at(*i)),
            (Decision::New, _) => "new".into(),
            (Decision::Skip, Proposal::Candidates(c)) => {
                let names: Vec<String> = c
                    .iter()
                    .map(|(i, s)| format!("{} ({s:.2})", name_at(*i)))
                    .collect();
                format!("ambiguous, skipped; candidates: {}", names.join(", "))
            }
            (Decision::Skip, Proposal::NoName) => "skipped: no name".into(),
            (Decision::Skip, _) => "skipped".into(),
        }
    }
}

/// The name of the record at `i` of the kind's list.
pub fn record_name(ds: &Dataset, kind: ImportKind, i: usize) -> String {
    match kind {
        ImportKind::Organizations => ds.organizations.get(i).map(|o| o.name.clone()),
        ImportKind::Models => ds.models.get(i).map(|m| m.name.clone()),
        ImportKind::Adoptions => ds.adoptions.get(i).map(|a| {
            crate::model::display_name(ds, &crate::model::RecordRef::Adoption(a.id.clone()))
        }),
        _ => None,
    }
    .unwrap_or_default()
}

/// Names an organization cell gives: the whole, and the parts outside and inside parentheses
/// ("Z.ai (Zhipu AI)" is also "Z.ai" and "Zhipu AI").
pub fn org_aliases(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(open), Some(close)) = (name.find('('), name.rfind(')'))
        && open < close
    {
        out.push(name[..open].trim().to_owned());
        out.push(name[open + 1..close].trim().to_owned());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A model's name in a row: a Hugging Face repository id (`Qwen/Qwen2.5-7B`) is matched and
/// named by its part after the slash.
pub fn model_name(text: &str) -> &str {
    text.rsplit_once('/').map_or(text, |(_, n)| n).trim()
}

/// The index of the organizations' names (name, native name) for matching.
pub fn org_index(ds: &Dataset) -> NameIndex<usize> {
    let mut ix = NameIndex::new();
    for (i, o) in ds.organizations.iter().enumerate() {
        ix.add(o.id.as_str(), &[&o.name, &o.native_name], i);
    }
    ix
}

/// The index of the models' names for matching.
pub fn model_index(ds: &Dataset) -> NameIndex<usize> {
    let mut ix = NameIndex::new();
    for (i, m) in ds.models.iter().enumerate() {
        ix.add(m.id.as_str(), &[&m.name], i);
    }
    ix
}

/// Proposes a match for each row and decides by the rules of the command line: exact matches
/// are taken, rows with nothing like them are new, ambiguous rows are skipped unless their best
/// candidate scores at least `accept_best`; with `new_only`, matched rows are skipped.
pub fn propose(
    ds: &Dataset,
    kind: ImportKind,
    rows: &[MappedRow],
    accept_best: Option<f64>,
    new_only: bool,
) -> Vec<RowMatch> {
    propose_with_progress(ds, kind, rows, accept_best, new_only, &mut |_| true).unwrap_or_default()
}

/// Rows matched between two calls of a progress callback.
pub const PROGRESS_EVERY: usize = 1000;

/// [`propose`], telling `progress` how many rows are matched every [`PROGRESS_EVERY`] rows (and
/// at the end); when it returns `false` matching stops and `None` is returned (cancelled).
pub fn propose_with_progress(
    ds: &Dataset,
    kind: ImportKind,
    rows: &[MappedRow],
    accept_best: Option<f64>,
    new_only: bool,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Vec<RowMatch>> {
    if !matches!(kind, ImportKind::Organizations | ImportKind::Models) {
        return Some(super::proposals::propose_rows(ds, kind, rows, new_only));
    }
    let ix = match kind {
        ImportKind::Organizations => org_index(ds),
        ImportKind::Models => model_index(ds),
        _ => NameIndex::new(),
    };
    let mut out = Vec::with_capacity(rows.len());
    for (done, r) in rows.iter().enumerate() {
        if done.is_multiple_of(PROGRESS_EVERY) && !progress(done) {
            return None;
        }
        out.push(propose_row(&ix, kind, r, accept_best, new_only));
    }
    progress(rows.len()).then_some(out)
}

fn propose_row(
    ix: &NameIndex<usize>,
    kind: ImportKind,
    r: &MappedRow,
    accept_best: Option<f64>,
    new_only: bool,
) -> RowMatch {
    let raw = r.text(Field::Name).unwrap_or("");
    let name = if kind == ImportKind::Models {
        model_name(raw)
    } else {
        raw.trim()
    };
    let aliases = if kind == ImportKind::Organizations {
        org_aliases(name)
    } else {
        Vec::new()
    };
    let alias_refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
    let by_id = r
        .text(Field::Id)
        .and_then(|id| ix.by_id(id.trim()))
        .copied();
    let proposal = match by_id {
        Some(i) => Proposal::ById(i),
        None if name.is_empty() => Proposal::NoName,
        None => match ix.find(name, &alias_refs) {
            Found::Exact(i) => Proposal::ByName(i),
            Found::Candidates(c) => Proposal::Candidates(c),
            Found::None => Proposal::Nothing,
        },
    };
    let decision = initial_decision(&proposal, accept_best, new_only);
    RowMatch {
        row: r.row,
        name: name.to_owned(),
        proposal,
        decision,
    }
}

fn initial_decision(p: &Proposal, accept_best: Option<f64>, new_only: bool) -> Decision {
    let matched = |i: usize| {
        if new_only {
            Decision::Skip
        } else {
            Decision::Match(i)
        }
    };
    match p {
        Proposal::ById(i) | Proposal::ByName(i) => matched(*i),
        Proposal::Candidates(c) => match (c.first(), accept_best) {
            (Some((i, s)), Some(min)) if *s >= min => matched(*i),
            _ => Decision::Skip,
        },
        Proposal::Nothing => Decision::New,
        Proposal::NoName => Decision::Skip,
    }
}

/// Bulk: every row with an exact match (by id or name) is matched to it.
pub fn accept_all_exact(rows: &mut [RowMatch]) {
    for r in rows {
        if let Proposal::ById(i) | Proposal::ByName(i) = r.proposal {
            r.decision = Decision::Match(i);
        }
    }
}

/// Bulk: every row without a match (nothing like it, or ambiguous and skipped) becomes new.
pub fn all_unmatched_as_new(rows: &mut [RowMatch]) {
    for r in rows {
        if matches!(r.proposal, Proposal::Nothing | Proposal::Candidates(_))
            && r.decision == Decision::Skip
        {
            r.decision = Decision::New;
        }
    }
}
