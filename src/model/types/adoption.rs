//! Adoptions: which organization uses which model or family, and its dated status history.

use serde::{Deserialize, Serialize};

use crate::model::{AdoptionId, Citation, FamilyId, ModelId, OrgId, PartialDate, RecordRef};

/// What an organization adopted: one model, or a family in general.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdoptionTarget {
    /// A specific model.
    Model(ModelId),
    /// A model family, when the source does not name a specific model.
    Family(FamilyId),
}

impl AdoptionTarget {
    /// The model or family adopted, as a reference.
    pub fn as_record_ref(&self) -> RecordRef {
        match self {
            AdoptionTarget::Model(i) => RecordRef::Model(i.clone()),
            AdoptionTarget::Family(i) => RecordRef::Family(i.clone()),
        }
    }

    /// The target a reference stands for, when it is a model or a family.
    pub fn from_record_ref(r: &RecordRef) -> Option<AdoptionTarget> {
        Some(match r {
            RecordRef::Model(i) => AdoptionTarget::Model(i.clone()),
            RecordRef::Family(i) => AdoptionTarget::Family(i.clone()),
            _ => return None,
        })
    }
}

/// Stage of an adoption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum AdoptionStatus {
    /// Being evaluated.
    Evaluating,
    /// Used in experiments.
    Experimenting,
    /// Used in production.
    Production,
    /// No longer used.
    Stopped,
}

impl AdoptionStatus {
    /// All stages, in order.
    pub const ALL: [AdoptionStatus; 4] = [
        AdoptionStatus::Evaluating,
        AdoptionStatus::Experimenting,
        AdoptionStatus::Production,
        AdoptionStatus::Stopped,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            AdoptionStatus::Evaluating => "Evaluating",
            AdoptionStatus::Experimenting => "Experimenting",
            AdoptionStatus::Production => "In production",
            AdoptionStatus::Stopped => "Stopped",
        }
    }
}

/// What the date of a status step means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusDate {
    /// The stage was reached on that date.
    Since,
    /// The stage was reported on that date; it may have been reached earlier (the weaker
    /// statement, and what a format-1 file is read as).
    #[default]
    AsOf,
}

impl StatusDate {
    /// Both meanings, in display order.
    pub const ALL: [StatusDate; 2] = [StatusDate::Since, StatusDate::AsOf];

    /// Human label, put before the date ("since 2025-10", "reported as of 2025-10").
    pub fn label(self) -> &'static str {
        match self {
            StatusDate::Since => "since",
            StatusDate::AsOf => "reported as of",
        }
    }
}

/// One dated step of an adoption's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    /// The stage reached.
    pub status: AdoptionStatus,
    /// When (as precise as known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Whether the stage was reached on `date` or only reported then.
    #[serde(default)]
    pub date_means: StatusDate,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for this step.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

/// An organization's use of a model or model family.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// Stable id.
    pub id: AdoptionId,
    /// The adopter.
    pub organization: OrgId,
    /// What it adopted (unset on a new adoption until the user picks a model or family).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::citation::optional_target"
    )]
    pub target: Option<AdoptionTarget>,
    /// What it is used for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub use_cases: Vec<String>,
    /// Dated status history, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<StatusEntry>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for the adoption itself.
    #[serde(default)]
    pub sources: Vec<Citation>,
}
