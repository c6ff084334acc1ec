//! Orders of the organization and model lists ([`OrgSort`], [`ModelSort`]) and the sort that
//! applies them: integer keys, missing values last, ties by name then position.

use serde::{Deserialize, Serialize};

use crate::model::PartialDate;

use super::search::TabText;

/// How the organization list is ordered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum OrgSort {
    /// By name, case-insensitively.
    #[default]
    Name,
    /// By number of adoptions.
    Adoptions,
    /// By earliest dated adoption step (organizations without one go last).
    FirstAdoption,
}

impl OrgSort {
    /// All orders, in menu order.
    pub const ALL: [OrgSort; 3] = [OrgSort::Name, OrgSort::Adoptions, OrgSort::FirstAdoption];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            OrgSort::Name => "Name",
            OrgSort::Adoptions => "Adoptions",
            OrgSort::FirstAdoption => "First adoption",
        }
    }
}

/// How the model list is ordered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ModelSort {
    /// By name, case-insensitively.
    #[default]
    Name,
    /// By number of adopting organizations (directly or through the family).
    Adoptions,
    /// By release date (undated models go last).
    ReleaseDate,
    /// By total parameters (models of unknown size go last).
    Parameters,
}

impl ModelSort {
    /// All orders, in menu order.
    pub const ALL: [ModelSort; 4] = [
        ModelSort::Name,
        ModelSort::Adoptions,
        ModelSort::ReleaseDate,
        ModelSort::Parameters,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ModelSort::Name => "Name",
            ModelSort::Adoptions => "Adopters",
            ModelSort::ReleaseDate => "Release date",
            ModelSort::Parameters => "Parameters",
        }
    }
}

/// Positions in name order that pass `pass`.
pub(super) fn in_name_order(t: &TabText, pass: impl Fn(usize) -> bool) -> Vec<u32> {
    t.order
        .iter()
        .copied()
        .filter(|&p| pass(p as usize))
        .collect()
}

/// Sorts `rows` by `key` (reversed when `descending`), missing keys last in either direction,
/// ties by name then position.
pub(super) fn sort_rows(
    t: &TabText,
    rows: impl Iterator<Item = usize>,
    key: impl Fn(usize) -> Option<u64>,
    descending: bool,
) -> Vec<u32> {
    let mut keys: Vec<u128> = rows
        .map(|p| {
            let (missing, primary) = match key(p) {
                Some(k) if descending => (0u128, u128::from(!k)),
                Some(k) => (0, u128::from(k)),
                None => (1, 0),
            };
            (missing << 96) | (primary << 32) | u128::from(t.order_idx[p])
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| t.order[(k as u32) as usize])
        .collect()
}

/// An order-preserving integer for a date (earliest day it can mean first).
pub(super) fn date_key(d: PartialDate) -> u64 {
    let (y, m, day) = d.sort_key();
    let y = (i64::from(y) + (1 << 31)) as u64;
    (y << 16) | (u64::from(m) << 8) | u64::from(day)
}

/// An order-preserving integer for a number (`None` for NaN).
pub(super) fn f64_key(x: f64) -> Option<u64> {
    if x.is_nan() {
        return None;
    }
    let b = x.to_bits();
    Some(if b >> 63 == 1 { !b } else { b | (1 << 63) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_keys_preserve_order() {
        let xs = [-1e9, -2.5, -0.0, 0.5, 1.0, 671.0, f64::INFINITY];
        for w in xs.windows(2) {
            assert!(f64_key(w[0]) < f64_key(w[1]), "{w:?}");
        }
        assert_eq!(f64_key(f64::NAN), None);
        let ds = ["2023", "2023-01", "2023-01-02", "2023-02", "2024"]
            .map(|t| date_key(PartialDate::parse(t).unwrap_or(PartialDate::year(1))));
        for w in ds.windows(2) {
            assert!(w[0] < w[1]);
        }
    }
}
