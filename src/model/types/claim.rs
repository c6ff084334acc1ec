//! Claims: reported or measured statements, what they are about, their value, when they hold
//! and who made them.

use serde::{Deserialize, Serialize};

use crate::model::{
    AdoptionId, ClaimId, FamilyId, Metric, ModelId, OrgId, PartialDate, PersonId, Qualifier,
    SourceId, Unit,
};

/// What a claim or series is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Subject {
    /// An organization.
    Organization(OrgId),
    /// A model.
    Model(ModelId),
    /// A model family.
    Family(FamilyId),
    /// An adoption.
    Adoption(AdoptionId),
    /// Models developed in a country, taken together (for example "China").
    Country(String),
}

/// The value of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClaimValue {
    /// A number.
    Number(f64),
    /// A range, low to high.
    Range(f64, f64),
    /// A date.
    Date(PartialDate),
    /// A statement that is not a number.
    Text(String),
}

/// When a claim holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum When {
    /// On or as of a date.
    On(PartialDate),
    /// By a date at the latest.
    By(PartialDate),
    /// During a period, from and to (both included).
    Between(PartialDate, PartialDate),
}

impl When {
    /// The latest date the claim refers to.
    pub fn end(&self) -> PartialDate {
        match self {
            When::On(d) | When::By(d) | When::Between(_, d) => *d,
        }
    }
}

/// Who made a claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Speaker {
    /// A person.
    Person(PersonId),
    /// An organization (a study's authors, a company).
    Organization(OrgId),
}

/// A reported or measured statement, with its source and the verbatim quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable id.
    pub id: ClaimId,
    /// What it is about.
    pub subject: Subject,
    /// What it measures.
    pub metric: Metric,
    /// The stated value.
    pub value: ClaimValue,
    /// Unit of the value.
    #[serde(default)]
    pub unit: Unit,
    /// How exact the value is.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// What it is compared with ("leading off-the-shelf models").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub baseline: String,
    /// What population or platform the value covers ("Hugging Face downloads").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// When the value holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<Speaker>,
    /// Where it was reported.
    pub source: SourceId,
    /// The words of the source, verbatim.
    pub quote: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}
