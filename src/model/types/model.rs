//! Model families and model releases, with their openness and architecture.

use serde::{Deserialize, Serialize};

use crate::model::{Citation, FamilyId, ModelId, OrgId, PartialDate, Qualifier, SourceId};

/// A family of models sharing a name and developer (Qwen, Llama, DeepSeek...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFamily {
    /// Stable id.
    pub id: FamilyId,
    /// Family name (required).
    pub name: String,
    /// Developing organization.
    pub developer: OrgId,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for this record.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

/// How openly a model is released, in Epoch AI's categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Openness {
    /// Open weights (unrestricted).
    OpenWeightsUnrestricted,
    /// Open weights (restricted use).
    OpenWeightsRestricted,
    /// Open weights (non-commercial).
    OpenWeightsNonCommercial,
    /// API access.
    ApiAccess,
    /// Hosted access only.
    HostedAccessOnly,
    /// Unreleased.
    Unreleased,
}

impl Openness {
    /// All categories, in display order.
    pub const ALL: [Openness; 6] = [
        Openness::OpenWeightsUnrestricted,
        Openness::OpenWeightsRestricted,
        Openness::OpenWeightsNonCommercial,
        Openness::ApiAccess,
        Openness::HostedAccessOnly,
        Openness::Unreleased,
    ];

    /// Epoch AI's label for this category.
    pub fn label(self) -> &'static str {
        match self {
            Openness::OpenWeightsUnrestricted => "Open weights (unrestricted)",
            Openness::OpenWeightsRestricted => "Open weights (restricted use)",
            Openness::OpenWeightsNonCommercial => "Open weights (non-commercial)",
            Openness::ApiAccess => "API access",
            Openness::HostedAccessOnly => "Hosted access only",
            Openness::Unreleased => "Unreleased",
        }
    }

    /// Whether the weights can be downloaded.
    pub fn has_open_weights(self) -> bool {
        matches!(
            self,
            Openness::OpenWeightsUnrestricted
                | Openness::OpenWeightsRestricted
                | Openness::OpenWeightsNonCommercial
        )
    }
}

/// Where a model's openness category comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpennessBasis {
    /// Inferred from the model's licence.
    License,
    /// The category as this source gives it (for example Epoch AI's).
    Source(SourceId),
}

/// Model architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Architecture {
    /// All parameters are used for every token.
    Dense,
    /// Mixture of experts: only some parameters are active per token.
    MixtureOfExperts,
}

impl Architecture {
    /// All architectures, in display order.
    pub const ALL: [Architecture; 2] = [Architecture::Dense, Architecture::MixtureOfExperts];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Architecture::Dense => "Dense",
            Architecture::MixtureOfExperts => "Mixture of experts",
        }
    }
}

/// One model release (a size or version).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Stable id.
    pub id: ModelId,
    /// Model name as released (required).
    pub name: String,
    /// Family it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<FamilyId>,
    /// Developing organization.
    pub developer: OrgId,
    /// Release date, as precise as the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<PartialDate>,
    /// Openness category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openness: Option<Openness>,
    /// Where the openness category comes from: the licence, or a source that gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openness_basis: Option<OpennessBasis>,
    /// License name as the source gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub license: String,
    /// Total parameters, in billions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_params_b: Option<f64>,
    /// Parameters active per token, in billions (mixture-of-experts models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_params_b: Option<f64>,
    /// How exact the parameter counts are (`About` for "~2T"); applies to total and active.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub params_qualifier: Qualifier,
    /// Dense or mixture-of-experts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// Context length in thousands of tokens, as the source states it ("128K" is 128).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_k_tokens: Option<f64>,
    /// How exact the context length is.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub context_qualifier: Qualifier,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for the facts in this record.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

impl Model {
    /// A model with only its id, name and developer: every other fact unknown (empty), sizes
    /// exact, no notes and no sources yet.
    pub fn new(id: ModelId, name: String, developer: OrgId) -> Model {
        Model {
            id,
            name,
            family: None,
            developer,
            release_date: None,
            openness: None,
            openness_basis: None,
            license: String::new(),
            total_params_b: None,
            active_params_b: None,
            params_qualifier: Qualifier::Exact,
            architecture: None,
            context_k_tokens: None,
            context_qualifier: Qualifier::Exact,
            notes: String::new(),
            sources: Vec::new(),
        }
    }
}
