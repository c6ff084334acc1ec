//! The dataset schema: every record kind, as stored in `.ron` files.
//!
//! Conventions: every struct refuses unknown fields (so a typo is an error, and nothing is
//! silently dropped by a later save); optional values are `Option`s or empty strings/lists and
//! may be left out of a file; records refer to each other by typed ids.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::ids::*;

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
    pub sources: Vec<SourceId>,
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
    pub sources: Vec<SourceId>,
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
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for this role.
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

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
    pub sources: Vec<SourceId>,
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

/// Model architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Architecture {
    /// All parameters are used for every token.
    Dense,
    /// Mixture of experts: only some parameters are active per token.
    MixtureOfExperts,
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
    /// License name as the source gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub license: String,
    /// Total parameters, in billions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_params_b: Option<f64>,
    /// Parameters active per token, in billions (mixture-of-experts models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_params_b: Option<f64>,
    /// Dense or mixture-of-experts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// Context length in thousands of tokens, as the source states it ("128K" is 128).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_k_tokens: Option<f64>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for the facts in this record.
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

/// What an organization adopted: one model, or a family in general.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdoptionTarget {
    /// A specific model.
    Model(ModelId),
    /// A model family, when the source does not name a specific model.
    Family(FamilyId),
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

/// One dated step of an adoption's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    /// The stage reached.
    pub status: AdoptionStatus,
    /// When (as precise as known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources for this step.
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

/// An organization's use of a model or model family.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// Stable id.
    pub id: AdoptionId,
    /// The adopter.
    pub organization: OrgId,
    /// What it adopted.
    pub target: AdoptionTarget,
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
    pub sources: Vec<SourceId>,
}

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

/// What a claim or series measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Metric {
    /// Accuracy gain over a baseline.
    AccuracyGain,
    /// Cost reduction against a baseline.
    CostReduction,
    /// Speed gain over a baseline.
    SpeedGain,
    /// Downloads, cumulative to a date.
    CumulativeDownloads,
    /// Downloads within a month or a rolling month.
    MonthlyDownloads,
    /// Downloads within a stated period.
    PeriodDownloads,
    /// Share of downloads.
    DownloadShare,
    /// Rank in downloads.
    DownloadRank,
    /// Number of derivative models (fine-tunes, quantizations...).
    Derivatives,
    /// Share of new derivatives or fine-tunes.
    DerivativeShare,
    /// Share of new model releases.
    ReleaseShare,
    /// Number of models released.
    ModelCount,
    /// Share of usage or inference.
    UsageShare,
    /// Monthly active users.
    MonthlyActiveUsers,
    /// Number of trending models.
    TrendingModels,
    /// A date (release date, overtaking date) as a claim of its own.
    Date,
    /// Anything else, named.
    Other(String),
}

impl Metric {
    /// A short human label.
    pub fn label(&self) -> String {
        match self {
            Metric::AccuracyGain => "Accuracy gain".into(),
            Metric::CostReduction => "Cost reduction".into(),
            Metric::SpeedGain => "Speed gain".into(),
            Metric::CumulativeDownloads => "Cumulative downloads".into(),
            Metric::MonthlyDownloads => "Monthly downloads".into(),
            Metric::PeriodDownloads => "Downloads in period".into(),
            Metric::DownloadShare => "Share of downloads".into(),
            Metric::DownloadRank => "Download rank".into(),
            Metric::Derivatives => "Derivative models".into(),
            Metric::DerivativeShare => "Share of derivatives".into(),
            Metric::ReleaseShare => "Share of releases".into(),
            Metric::ModelCount => "Number of models".into(),
            Metric::UsageShare => "Share of usage".into(),
            Metric::MonthlyActiveUsers => "Monthly active users".into(),
            Metric::TrendingModels => "Trending models".into(),
            Metric::Date => "Date".into(),
            Metric::Other(s) => s.clone(),
        }
    }
}

/// Unit of a value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
pub enum Unit {
    /// No unit (a plain number or text).
    #[default]
    None,
    /// Percent, 0 to 100 (a share, a gain or a reduction stated as a percentage).
    Percent,
    /// A count of things (downloads, models, users); never negative.
    Count,
    /// A ratio ("2.6 times").
    Times,
    /// Parameters, in billions.
    BillionParams,
    /// Any other unit, named.
    Other(String),
}

impl Unit {
    /// Suffix to show after a value.
    pub fn suffix(&self) -> String {
        match self {
            Unit::None | Unit::Count => String::new(),
            Unit::Percent => "%".into(),
            Unit::Times => "×".into(),
            Unit::BillionParams => "B params".into(),
            Unit::Other(s) => format!(" {s}"),
        }
    }
}

/// How exact a stated value is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord,
)]
pub enum Qualifier {
    /// As stated, no hedge.
    #[default]
    Exact,
    /// "About", "roughly", "~".
    About,
    /// "Up to": a maximum.
    UpTo,
    /// "At least".
    AtLeast,
    /// "More than", "over", ">".
    MoreThan,
}

impl Qualifier {
    /// Word shown before a value ("up to 90%").
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about ",
            Qualifier::UpTo => "up to ",
            Qualifier::AtLeast => "at least ",
            Qualifier::MoreThan => "more than ",
        }
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

/// Any record, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordRef {
    /// A source.
    Source(SourceId),
    /// An organization.
    Organization(OrgId),
    /// A person.
    Person(PersonId),
    /// A role.
    Role(RoleId),
    /// A model family.
    Family(FamilyId),
    /// A model.
    Model(ModelId),
    /// An adoption.
    Adoption(AdoptionId),
    /// A claim.
    Claim(ClaimId),
    /// A series.
    Series(SeriesId),
    /// An event.
    Event(EventId),
    /// A conflict.
    Conflict(ConflictId),
}

/// How records disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictKind {
    /// They cannot all be true.
    Contradiction,
    /// They measure the same thing differently (monthly vs cumulative, paper vs repo date).
    DifferentMeasure,
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

/// One value of a series. Written as a pair `("2025-01", 1000000.0)` (series can hold
/// millions of points); read from that pair or from the struct form
/// `SeriesPoint(date: "2025-01", value: 1000000.0)`.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    /// When.
    pub date: PartialDate,
    /// The value.
    pub value: f64,
}

impl Serialize for SeriesPoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let mut t = serializer.serialize_tuple(2)?;
        t.serialize_element(&self.date)?;
        t.serialize_element(&self.value)?;
        t.end()
    }
}

impl<'de> Deserialize<'de> for SeriesPoint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = SeriesPoint;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a point: (\"YYYY-MM-DD\", value) or SeriesPoint(date: .., value: ..)")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SeriesPoint, A::Error> {
                use serde::de::Error as _;
                let date = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let value = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(1, &self))?;
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(3, &self));
                }
                Ok(SeriesPoint { date, value })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<SeriesPoint, A::Error> {
                use serde::de::Error as _;
                let (mut date, mut value) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "date" if date.is_none() => date = Some(map.next_value()?),
                        "value" if value.is_none() => value = Some(map.next_value()?),
                        "date" | "value" => return Err(A::Error::duplicate_field("date or value")),
                        other => return Err(A::Error::unknown_field(other, &["date", "value"])),
                    }
                }
                Ok(SeriesPoint {
                    date: date.ok_or_else(|| A::Error::missing_field("date"))?,
                    value: value.ok_or_else(|| A::Error::missing_field("value"))?,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Values of one metric for one subject over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id.
    pub id: SeriesId,
    /// Short name.
    pub name: String,
    /// What it is about.
    pub subject: Subject,
    /// What it measures.
    pub metric: Metric,
    /// Unit of the values.
    #[serde(default)]
    pub unit: Unit,
    /// The points, by date.
    #[serde(default)]
    pub points: Vec<SeriesPoint>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources of the values.
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

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
    pub sources: Vec<SourceId>,
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

impl Architecture {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Architecture::Dense => "Dense",
            Architecture::MixtureOfExperts => "Mixture of experts",
        }
    }
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

impl ConflictKind {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Contradiction => "Contradiction",
            ConflictKind::DifferentMeasure => "Different measure of the same thing",
        }
    }
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
