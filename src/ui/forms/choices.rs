//! The lists the forms choose from: records as typed [`RecordRef`]s with the names the pickers
//! show (organizations, people, sources, families, claim subjects), and the option lists built
//! from the model's enums (`ALL` and `label()`) where a form adds a choice of its own; the values
//! of a text field already in the dataset (countries, sectors) and how a typed one matches them.

use crate::model::{AdoptionTarget, Dataset, Metric, RecordRef, WhenKind};

/// Organizations as (record, name).
pub(super) fn org_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    ds.organizations
        .iter()
        .map(|o| (RecordRef::Organization(o.id.clone()), o.name.clone()))
        .collect()
}

/// People as (record, name).
pub(super) fn person_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    ds.people
        .iter()
        .map(|x| (RecordRef::Person(x.id.clone()), x.name.clone()))
        .collect()
}

/// Model families as (record, name).
pub(super) fn family_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    ds.families
        .iter()
        .map(|x| (RecordRef::Family(x.id.clone()), x.name.clone()))
        .collect()
}

/// Sources as (record, name), each named so that no two look the same.
pub(super) fn source_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    ds.sources
        .iter()
        .map(|s| {
            (
                RecordRef::Source(s.id.clone()),
                crate::model::source_name(ds, s, crate::model::SourceName::Title),
            )
        })
        .collect()
}

/// The records a claim can be about, as one list: adoptions, organizations, families, models
/// (a country is typed, not picked). Turn a pick into a subject with
/// [`crate::model::Subject::from_record_ref`].
pub(super) fn subject_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    // Adoptions first: most figures are what an adoption brought.
    let mut out: Vec<(RecordRef, String)> = Vec::new();
    out.extend(ds.adoptions.iter().map(|a| {
        let target = match &a.target {
            Some(AdoptionTarget::Model(m)) => m.to_string(),
            Some(AdoptionTarget::Family(x)) => x.to_string(),
            None => crate::model::UNSET_TARGET.to_owned(),
        };
        (
            RecordRef::Adoption(a.id.clone()),
            format!("adoption: {} uses {target}", a.organization),
        )
    }));
    out.extend(org_candidates(ds));
    out.extend(ds.families.iter().map(|x| {
        (
            RecordRef::Family(x.id.clone()),
            format!("{} (family)", x.name),
        )
    }));
    out.extend(ds.models.iter().map(|m| {
        (
            RecordRef::Model(m.id.clone()),
            format!("{} (model)", m.name),
        )
    }));
    out
}

/// The measures a picker offers: every named one, then a measure named by the user,
/// `Metric::Other(other_name)`, shown as `other_label`.
pub(super) fn metric_choices(other_name: &str, other_label: &str) -> Vec<(Metric, String)> {
    Metric::ALL
        .into_iter()
        .map(|m| {
            let label = m.label();
            (m, label)
        })
        .chain([(Metric::Other(other_name.to_owned()), other_label.to_owned())])
        .collect()
}

/// When a claim holds, as a picker offers it: "not stated", then each kind of period.
pub(super) fn when_choices() -> Vec<(Option<WhenKind>, &'static str)> {
    std::iter::once((None, "not stated"))
        .chain(WhenKind::ALL.map(|k| (Some(k), k.label())))
        .collect()
}

/// The distinct values of a text field across the dataset (countries, sectors), each with how
/// many records hold it: trimmed, empty ones left out, sorted ignoring case.
pub(super) fn value_counts<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for v in values {
        let v = v.trim();
        if !v.is_empty() {
            *counts.entry(v).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> =
        counts.into_iter().map(|(v, n)| (v.to_owned(), n)).collect();
    out.sort_by_cached_key(|(v, _)| (v.to_lowercase(), v.clone()));
    out
}

/// The countries of the organizations, as [`value_counts`].
pub(super) fn country_counts(ds: &Dataset) -> Vec<(String, usize)> {
    value_counts(ds.organizations.iter().map(|o| o.country.as_str()))
}

/// The sectors of the organizations, as [`value_counts`].
pub(super) fn sector_counts(ds: &Dataset) -> Vec<(String, usize)> {
    value_counts(ds.organizations.iter().map(|o| o.sector.as_str()))
}

/// What a value typed through "Add a new ..." stores: the text trimmed, or the existing value it
/// differs from only by case or spacing ("  united states " is "United States"), so that no
/// near-duplicate is created.
pub(super) fn match_existing(typed: &str, existing: &[(String, usize)]) -> String {
    let typed = typed.trim();
    let key = fold(typed);
    existing
        .iter()
        .find(|(v, _)| fold(v) == key)
        .map_or_else(|| typed.to_owned(), |(v, _)| v.clone())
}

/// A value as [`match_existing`] compares it: lower case, runs of white space as one space.
fn fold(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Architecture, ConflictKind, Qualifier, Unit, ValueKind};

    // The words the pickers showed when they were string tables in the forms: they stay the same.
    #[test]
    fn pickers_show_the_same_words_as_before() {
        let metrics: Vec<String> = metric_choices("", "Other (named below)")
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(
            metrics,
            [
                "Accuracy gain",
                "Cost reduction",
                "Speed gain",
                "Cumulative downloads",
                "Monthly downloads",
                "Downloads in period",
                "Share of downloads",
                "Download rank",
                "Derivative models",
                "Share of derivatives",
                "Share of releases",
                "Number of models",
                "Share of usage",
                "Monthly active users",
                "Trending models",
                "Date",
                "Other (named below)",
            ]
        );
        assert_eq!(
            Unit::ALL.map(|u| u.label()),
            ["no unit", "%", "count", "× (times)", "billion parameters"]
        );
        assert_eq!(
            Qualifier::ALL.map(Qualifier::label),
            ["exact", "about", "up to", "at least", "more than"]
        );
        assert_eq!(
            ValueKind::ALL.map(ValueKind::label),
            ["a number", "a range", "a date", "a text"]
        );
        let whens: Vec<&str> = when_choices().into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            whens,
            [
                "not stated",
                "on / as of",
                "by",
                "between",
                "rolling period"
            ]
        );
        assert_eq!(
            Architecture::ALL.map(Architecture::label),
            ["Dense", "Mixture of experts"]
        );
        assert_eq!(
            ConflictKind::ALL.map(ConflictKind::label),
            [
                "Contradiction",
                "Different measure of the same thing",
                "Accounts differ without contradicting"
            ]
        );
    }

    #[test]
    fn the_other_measure_keeps_its_name() {
        let choices = metric_choices("Tokens served", "Other");
        assert_eq!(
            choices.last(),
            Some(&(Metric::Other("Tokens served".into()), "Other".to_owned()))
        );
    }

    #[test]
    fn values_are_counted_trimmed_and_sorted_ignoring_case() {
        let counts = value_counts([
            "United States",
            "china",
            " United States ",
            "",
            "  ",
            "China",
        ]);
        assert_eq!(
            counts,
            [
                ("China".to_owned(), 1),
                ("china".to_owned(), 1),
                ("United States".to_owned(), 2),
            ]
        );
    }

    #[test]
    fn a_typed_value_matches_an_existing_one_by_case_and_spacing_only() {
        let existing = value_counts(["United States", "United Kingdom", "China"]);
        assert_eq!(
            match_existing(" united states ", &existing),
            "United States"
        );
        assert_eq!(
            match_existing("UNITED  kingdom", &existing),
            "United Kingdom"
        );
        // A prefix is a new value, never a silent match.
        assert_eq!(match_existing("  United ", &existing), "United");
        assert_eq!(match_existing("Atlantis", &existing), "Atlantis");
        assert_eq!(match_existing("   ", &existing), "");
    }
}
