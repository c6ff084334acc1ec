//! The dataset schema, one file per record kind (or small group of kinds), as stored in `.ron`
//! files: this file holds the whole [`Dataset`] and its [`Meta`]; every type is re-exported here.
//!
//! Conventions: every struct refuses unknown fields (so a typo is an error, and nothing is
//! silently dropped by a later save); optional values are `Option`s or empty strings/lists and
//! may be left out of a file; records refer to each other by typed ids.

use serde::{Deserialize, Serialize};

use crate::model::PartialDate;

mod adoption;
mod claim;
mod conflict;
mod event;
mod measure;
mod model;
mod organization;
mod series;
mod source;

/// Kept at its old path (`types::RecordRef`): it now lives beside `RecordKind` in `ids`.
pub use super::ids::RecordRef;
pub use adoption::*;
pub use claim::*;
pub use conflict::*;
pub use event::*;
pub use measure::*;
pub use model::*;
pub use organization::*;
pub use series::*;
pub use source::*;

/// The newest file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole dataset file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// File format version; files from a newer version are refused.
    pub format_version: u32,
    /// What this dataset is.
    #[serde(default)]
    pub meta: Meta,
    /// Where the information comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Companies, labs, platforms, institutes, government bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
    /// People who hold roles or make claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Who held which title at which organization, and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Model families such as Qwen or Llama.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<ModelFamily>,
    /// Individual model releases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<Model>,
    /// Which organization uses which model or family.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adoptions: Vec<Adoption>,
    /// Reported or measured statements, each with its source and quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Records that disagree, and how.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Dated values of one metric for one subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// Dated milestones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            meta: Meta::default(),
            sources: Vec::new(),
            organizations: Vec::new(),
            people: Vec::new(),
            roles: Vec::new(),
            families: Vec::new(),
            models: Vec::new(),
            adoptions: Vec::new(),
            claims: Vec::new(),
            conflicts: Vec::new(),
            series: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// Describes the dataset as a whole (shown in the title, About box and plot footers).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Human name of the dataset.
    #[serde(default)]
    pub title: String,
    /// What it covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// When it was last compiled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Data credits to show wherever the data is shown (for example Epoch AI, CC BY 4.0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
}
