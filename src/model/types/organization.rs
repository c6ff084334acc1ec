//! Organizations, the people in them, and the roles people hold.

use serde::{Deserialize, Serialize};

use crate::model::{Citation, OrgId, PartialDate, PersonId, RoleId};

/// What kind of organization this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum OrgKind {
    /// A company that adopts AI in its products or operations.
    Company,
    /// A company or lab that develops AI models.
    AiLab,
    /// A platform that hosts or distributes models.
    ModelHub,
    /// A university, institute or think tank.
    ResearchInstitute,
    /// A government body, committee or agency.
    Government,
    /// A news organization.
    Media,
    /// Anything else.
    Other,
}

impl OrgKind {
    /// All kinds, in display order.
    pub const ALL: [OrgKind; 7] = [
        OrgKind::Company,
        OrgKind::AiLab,
        OrgKind::ModelHub,
        OrgKind::ResearchInstitute,
        OrgKind::Government,
        OrgKind::Media,
        OrgKind::Other,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            OrgKind::Company => "Company",
            OrgKind::AiLab => "AI lab",
            OrgKind::ModelHub => "Model hub / platform",
            OrgKind::ResearchInstitute => "Research institute",
            OrgKind::Government => "Government body",
            OrgKind::Media => "Media",
            OrgKind::Other => "Other",
        }
    }
}

/// An organization: an adopter, a lab, a platform, an institute, a government body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable id.
    pub id: OrgId,
    /// Name in English (required).
    pub name: String,
    /// Name in its own script, for example 阿里巴巴集团.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub native_name: String,
    /// Country, in English (empty when unknown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// What kind of organization.
    pub kind: OrgKind,
    /// Sector or industry, free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sector: String,
    /// Headquarters city.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headquarters: String,
    /// When it was founded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<PartialDate>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for the facts in this record.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

/// A person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id.
    pub id: PersonId,
    /// Name as usually written in English (required).
    pub name: String,
    /// Name in its own script.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub native_name: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for the facts in this record.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

/// A title a person held at an organization ("CTO of Pinterest").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id.
    pub id: RoleId,
    /// Who.
    pub person: PersonId,
    /// Where.
    pub organization: OrgId,
    /// Title as the source words it (required).
    pub title: String,
    /// Since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Until when (empty while current or unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The role has ended though its end date is unknown ("former deputy prime minister").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub former: bool,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for this role.
    #[serde(default)]
    pub sources: Vec<Citation>,
}
