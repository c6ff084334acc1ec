//! Events: dated milestones and their kinds.

use serde::{Deserialize, Serialize};

use crate::model::{Citation, EventId, PartialDate, RecordRef};

/// What kind of milestone an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum EventKind {
    /// A model release.
    Release,
    /// One model or country passing another.
    Overtaking,
    /// A study or report published.
    Report,
    /// A letter or official inquiry.
    Letter,
    /// A public statement or interview.
    Statement,
    /// An appointment or leadership change.
    Appointment,
    /// Anything else.
    Other,
}

impl EventKind {
    /// All kinds, in display order.
    pub const ALL: [EventKind; 7] = [
        EventKind::Release,
        EventKind::Overtaking,
        EventKind::Report,
        EventKind::Letter,
        EventKind::Statement,
        EventKind::Appointment,
        EventKind::Other,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Release => "Release",
            EventKind::Overtaking => "Overtaking",
            EventKind::Report => "Report",
            EventKind::Letter => "Letter",
            EventKind::Statement => "Statement",
            EventKind::Appointment => "Appointment",
            EventKind::Other => "Other",
        }
    }
}

/// A dated milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// When, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// What kind of milestone.
    pub kind: EventKind,
    /// What happened, in a line (required).
    pub title: String,
    /// More detail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Records it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RecordRef>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<Citation>,
}
