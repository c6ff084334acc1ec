//! Sources: the documents that support records and claims, and their kinds.

use serde::{Deserialize, Serialize};

use crate::model::{PartialDate, SourceId};

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum SourceKind {
    /// The developer's or organization's own repository, model card, paper or official blog.
    Primary,
    /// A news article, press report or its reprint.
    Press,
    /// A study, analysis or report by a third party.
    Study,
    /// A statement by a company (interview, post, letter) reported directly.
    CompanyStatement,
    /// A published dataset (for example Epoch AI's).
    Dataset,
    /// A blog post, forum post or other secondary web page.
    Web,
}

impl SourceKind {
    /// All kinds, in display order.
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Primary,
        SourceKind::Press,
        SourceKind::Study,
        SourceKind::CompanyStatement,
        SourceKind::Dataset,
        SourceKind::Web,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Primary => "Primary source",
            SourceKind::Press => "Press",
            SourceKind::Study => "Study",
            SourceKind::CompanyStatement => "Company statement",
            SourceKind::Dataset => "Dataset",
            SourceKind::Web => "Web page",
        }
    }
}

/// A document that supports records and claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: SourceId,
    /// Title as published; empty when the source gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Publisher or site; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Author(s) when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Publication date, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// URL or other locator (repository path, file name), stored exactly as read, even when
    /// truncated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locator: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// When this is a reprint or summary: the source it reprints or summarizes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<SourceId>,
    /// Remarks on reliability or provenance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Source {
    /// A new source to fill in: titled "New source", a press article until the user says
    /// otherwise, every other field empty.
    pub fn new_draft(id: SourceId) -> Self {
        Self {
            id,
            title: "New source".into(),
            publisher: String::new(),
            author: String::new(),
            date: None,
            locator: String::new(),
            kind: SourceKind::Press,
            via: None,
            notes: String::new(),
        }
    }
}
