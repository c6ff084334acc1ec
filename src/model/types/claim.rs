//! Claims: reported or measured statements, what they are about, their value, when they hold
//! and who made them.

use serde::{Deserialize, Serialize};

use crate::model::{
    AdoptionId, Citation, ClaimId, FamilyId, Metric, ModelId, OrgId, PartialDate, PersonId,
    Qualifier, RecordRef, Unit,
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

impl Subject {
    /// The record this subject is, as a reference (`None` for a country, which is no record).
    pub fn as_record_ref(&self) -> Option<RecordRef> {
        Some(match self {
            Subject::Organization(i) => RecordRef::Organization(i.clone()),
            Subject::Model(i) => RecordRef::Model(i.clone()),
            Subject::Family(i) => RecordRef::Family(i.clone()),
            Subject::Adoption(i) => RecordRef::Adoption(i.clone()),
            Subject::Country(_) => return None,
        })
    }

    /// The subject a reference stands for, when a claim can be about a record of its kind.
    pub fn from_record_ref(r: &RecordRef) -> Option<Subject> {
        Some(match r {
            RecordRef::Organization(i) => Subject::Organization(i.clone()),
            RecordRef::Model(i) => Subject::Model(i.clone()),
            RecordRef::Family(i) => Subject::Family(i.clone()),
            RecordRef::Adoption(i) => Subject::Adoption(i.clone()),
            _ => return None,
        })
    }
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

impl ClaimValue {
    /// Which kind of value this is.
    pub fn kind(&self) -> ValueKind {
        match self {
            ClaimValue::Number(_) => ValueKind::Number,
            ClaimValue::Range(..) => ValueKind::Range,
            ClaimValue::Date(_) => ValueKind::Date,
            ClaimValue::Text(_) => ValueKind::Text,
        }
    }
}

/// The kinds of [`ClaimValue`], without their values: what a form asks the user to type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// [`ClaimValue::Number`].
    Number,
    /// [`ClaimValue::Range`].
    Range,
    /// [`ClaimValue::Date`].
    Date,
    /// [`ClaimValue::Text`].
    Text,
}

impl ValueKind {
    /// All kinds, in display order.
    pub const ALL: [ValueKind; 4] = [
        ValueKind::Number,
        ValueKind::Range,
        ValueKind::Date,
        ValueKind::Text,
    ];

    /// Human label ("a number").
    pub fn label(self) -> &'static str {
        match self {
            ValueKind::Number => "a number",
            ValueKind::Range => "a range",
            ValueKind::Date => "a date",
            ValueKind::Text => "a text",
        }
    }
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
    /// A rolling count over the given number of days up to a date ("30 days to 2026-03-01").
    Trailing(u32, PartialDate),
}

impl When {
    /// Which kind of period this is.
    pub fn kind(&self) -> WhenKind {
        match self {
            When::On(_) => WhenKind::On,
            When::By(_) => WhenKind::By,
            When::Between(..) => WhenKind::Between,
            When::Trailing(..) => WhenKind::Trailing,
        }
    }

    /// The latest date the claim refers to.
    pub fn end(&self) -> PartialDate {
        match self {
            When::On(d) | When::By(d) | When::Between(_, d) | When::Trailing(_, d) => *d,
        }
    }
}

/// The kinds of [`When`], without their dates: what a form asks the user to type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WhenKind {
    /// [`When::On`].
    On,
    /// [`When::By`].
    By,
    /// [`When::Between`].
    Between,
    /// [`When::Trailing`].
    Trailing,
}

impl WhenKind {
    /// All kinds, in display order.
    pub const ALL: [WhenKind; 4] = [
        WhenKind::On,
        WhenKind::By,
        WhenKind::Between,
        WhenKind::Trailing,
    ];

    /// Human label ("on / as of").
    pub fn label(self) -> &'static str {
        match self {
            WhenKind::On => "on / as of",
            WhenKind::By => "by",
            WhenKind::Between => "between",
            WhenKind::Trailing => "rolling period",
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

impl Speaker {
    /// The person or organization who spoke, as a reference.
    pub fn as_record_ref(&self) -> RecordRef {
        match self {
            Speaker::Person(i) => RecordRef::Person(i.clone()),
            Speaker::Organization(i) => RecordRef::Organization(i.clone()),
        }
    }

    /// The speaker a reference stands for, when it is a person or an organization.
    pub fn from_record_ref(r: &RecordRef) -> Option<Speaker> {
        Some(match r {
            RecordRef::Person(i) => Speaker::Person(i.clone()),
            RecordRef::Organization(i) => Speaker::Organization(i.clone()),
            _ => return None,
        })
    }
}

/// A reported or measured statement, with its source and what the source says: its verbatim
/// words (`quote`), a summary of them (`paraphrase`), or both.
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
    /// Where it was reported (unset on a new claim until the user picks a source).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::citation::optional_citation"
    )]
    pub source: Option<Citation>,
    /// Only the source's own words, verbatim (shown in quotation marks).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// A summary of what the source says (shown without quotation marks, "as summarised").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub paraphrase: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}
