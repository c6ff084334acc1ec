//! Conflicts: records that disagree, and how.

use serde::{Deserialize, Serialize};

use crate::model::{ConflictId, RecordRef};

/// How records disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictKind {
    /// They cannot all be true.
    Contradiction,
    /// They measure the same thing differently (monthly vs cumulative, paper vs repo date).
    DifferentMeasure,
    /// Their accounts differ without contradicting each other (both can be true).
    DifferingAccounts,
}

impl ConflictKind {
    /// All kinds, in display order.
    pub const ALL: [ConflictKind; 3] = [
        ConflictKind::Contradiction,
        ConflictKind::DifferentMeasure,
        ConflictKind::DifferingAccounts,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Contradiction => "Contradiction",
            ConflictKind::DifferentMeasure => "Different measure of the same thing",
            ConflictKind::DifferingAccounts => "Accounts differ without contradicting",
        }
    }
}

/// Records that disagree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Stable id.
    pub id: ConflictId,
    /// How they disagree.
    pub kind: ConflictKind,
    /// The records involved (at least two).
    pub records: Vec<RecordRef>,
    /// What the disagreement is, in a sentence.
    pub description: String,
}
