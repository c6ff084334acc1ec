//! The dataset schema, one file per record kind (or small group of kinds), as stored in `.ron`
//! files: this file holds the whole [`Dataset`] and its [`Meta`]; every type is re-exported here.
//!
//! Conventions: every struct refuses unknown fields (so a typo is an error, and nothing is
//! silently dropped by a later save); optional values are `Option`s or empty strings/lists and
//! may be left out of a file; records refer to each other by typed ids.

use serde::{Deserialize, Serialize};

use crate::model::PartialDate;

mod adoption;
mod citation;
mod claim;
mod conflict;
mod event;
mod measure;
mod model;
mod organization;
mod series;
mod source;

pub use adoption::*;
pub use citation::Citation;
pub use claim::*;
pub use conflict::*;
pub use event::*;
pub use measure::*;
pub use model::*;
pub use organization::*;
pub use series::*;
pub use source::*;

/// The newest file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AdoptionId, FamilyId, ModelId, OrgId, PersonId, RecordRef, SourceId};

    /// Each list a picker shows has every item once, each with its own non-empty label.
    fn assert_distinct<T: PartialEq + std::fmt::Debug>(all: &[T], labels: &[String]) {
        for (i, a) in all.iter().enumerate() {
            assert!(!labels[i].is_empty(), "{a:?} has no label");
            for (j, b) in all.iter().enumerate().skip(i + 1) {
                assert_ne!(a, b, "listed twice");
                assert_ne!(labels[i], labels[j], "{a:?} and {b:?} share a label");
            }
        }
    }

    #[test]
    fn every_picker_list_has_distinct_items_and_labels() {
        fn labels<T>(all: &[T], f: impl Fn(&T) -> String) -> Vec<String> {
            all.iter().map(f).collect()
        }
        assert_distinct(
            &SourceKind::ALL,
            &labels(&SourceKind::ALL, |k| k.label().into()),
        );
        assert_distinct(&OrgKind::ALL, &labels(&OrgKind::ALL, |k| k.label().into()));
        assert_distinct(
            &Openness::ALL,
            &labels(&Openness::ALL, |k| k.label().into()),
        );
        assert_distinct(
            &Architecture::ALL,
            &labels(&Architecture::ALL, |k| k.label().into()),
        );
        let statuses = AdoptionStatus::ALL;
        assert_distinct(&statuses, &labels(&statuses, |k| k.label().into()));
        assert_distinct(&Metric::ALL, &labels(&Metric::ALL, Metric::label));
        assert_distinct(&Unit::ALL, &labels(&Unit::ALL, Unit::label));
        assert_distinct(
            &Qualifier::ALL,
            &labels(&Qualifier::ALL, |k| k.label().into()),
        );
        assert_distinct(
            &ValueKind::ALL,
            &labels(&ValueKind::ALL, |k| k.label().into()),
        );
        assert_distinct(
            &WhenKind::ALL,
            &labels(&WhenKind::ALL, |k| k.label().into()),
        );
        assert_distinct(
            &ConflictKind::ALL,
            &labels(&ConflictKind::ALL, |k| k.label().into()),
        );
        assert_distinct(
            &EventKind::ALL,
            &labels(&EventKind::ALL, |k| k.label().into()),
        );
    }

    #[test]
    fn kinds_of_values_and_periods_follow_their_variants() {
        let d = PartialDate::parse("2025-01").unwrap();
        let values = [
            ClaimValue::Number(1.0),
            ClaimValue::Range(1.0, 2.0),
            ClaimValue::Date(d),
            ClaimValue::Text("x".into()),
        ];
        assert_eq!(values.map(|v| v.kind()), ValueKind::ALL);
        let whens = [
            When::On(d),
            When::By(d),
            When::Between(d, d),
            When::Trailing(30, d),
        ];
        assert_eq!(whens.map(|w| w.kind()), WhenKind::ALL);
    }

    #[test]
    fn subjects_targets_and_speakers_round_trip_through_record_refs() {
        for s in [
            Subject::Organization(OrgId::new("o")),
            Subject::Model(ModelId::new("m")),
            Subject::Family(FamilyId::new("f")),
            Subject::Adoption(AdoptionId::new("a")),
        ] {
            let r = s.as_record_ref().unwrap();
            assert_eq!(Subject::from_record_ref(&r), Some(s));
        }
        assert_eq!(Subject::Country("China".into()).as_record_ref(), None);
        assert_eq!(
            Subject::from_record_ref(&RecordRef::Source(SourceId::new("s"))),
            None
        );
        for t in [
            AdoptionTarget::Model(ModelId::new("m")),
            AdoptionTarget::Family(FamilyId::new("f")),
        ] {
            assert_eq!(AdoptionTarget::from_record_ref(&t.as_record_ref()), Some(t));
        }
        assert_eq!(
            AdoptionTarget::from_record_ref(&RecordRef::Person(PersonId::new("p"))),
            None
        );
        for s in [
            Speaker::Person(PersonId::new("p")),
            Speaker::Organization(OrgId::new("o")),
        ] {
            assert_eq!(Speaker::from_record_ref(&s.as_record_ref()), Some(s));
        }
        assert_eq!(
            Speaker::from_record_ref(&RecordRef::Model(ModelId::new("m"))),
            None
        );
    }
}
