//! The lists the forms choose from (organizations, people, claim subjects, measures,
//! qualifiers), and the keys that stand for their items in a picker.

use crate::model::{
    AdoptionId, AdoptionTarget, Dataset, FamilyId, Metric, ModelId, OrgId, Qualifier, Subject,
};

/// Organizations as (id, name).
pub(super) fn org_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.organizations
        .iter()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect()
}

/// People as (id, name).
pub(super) fn person_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.people
        .iter()
        .map(|x| (x.id.to_string(), x.name.clone()))
        .collect()
}

/// Sources as (id, "[n] title"), numbered as the detail view cites them.
pub(super) fn numbered_source_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.sources
        .iter()
        .enumerate()
        .map(|(p, s)| {
            (
                s.id.to_string(),
                format!("[{}] {}", p + 1, crate::ui::detail::source_title(s)),
            )
        })
        .collect()
}

/// Subjects of a claim as one list ("o:", "m:", "f:", "a:" + id).
pub(super) fn subject_candidates(ds: &Dataset) -> Vec<(String, String)> {
    // Adoptions first: most figures are what an adoption brought.
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(ds.adoptions.iter().map(|a| {
        let target = match &a.target {
            AdoptionTarget::Model(m) => m.to_string(),
            AdoptionTarget::Family(x) => x.to_string(),
        };
        (
            format!("a:{}", a.id),
            format!("adoption: {} uses {target}", a.organization),
        )
    }));
    out.extend(
        ds.organizations
            .iter()
            .map(|o| (format!("o:{}", o.id), o.name.clone())),
    );
    out.extend(
        ds.families
            .iter()
            .map(|x| (format!("f:{}", x.id), format!("{} (family)", x.name))),
    );
    out.extend(
        ds.models
            .iter()
            .map(|m| (format!("m:{}", m.id), format!("{} (model)", m.name))),
    );
    out
}

/// The picker key of a claim's subject; a country is typed, not picked, so it has none.
pub(super) fn subject_key(s: &Subject) -> Option<String> {
    Some(match s {
        Subject::Organization(o) => format!("o:{o}"),
        Subject::Model(m) => format!("m:{m}"),
        Subject::Family(x) => format!("f:{x}"),
        Subject::Adoption(a) => format!("a:{a}"),
        Subject::Country(_) => return None,
    })
}

/// The subject a picker key (from [`subject_candidates`]) stands for.
pub(super) fn subject_from_key(k: &str) -> Option<Subject> {
    let (p, id) = k.split_once(':')?;
    Some(match p {
        "o" => Subject::Organization(OrgId(id.to_owned())),
        "m" => Subject::Model(ModelId(id.to_owned())),
        "f" => Subject::Family(FamilyId(id.to_owned())),
        "a" => Subject::Adoption(AdoptionId(id.to_owned())),
        _ => return None,
    })
}

/// The named measures as (key, label), in the order the pickers list them.
pub(super) const METRICS: [(&str, &str); 16] = [
    ("AccuracyGain", "Accuracy gain"),
    ("CostReduction", "Cost reduction"),
    ("SpeedGain", "Speed gain"),
    ("CumulativeDownloads", "Cumulative downloads"),
    ("MonthlyDownloads", "Monthly downloads"),
    ("PeriodDownloads", "Downloads in period"),
    ("DownloadShare", "Share of downloads"),
    ("DownloadRank", "Download rank"),
    ("Derivatives", "Derivative models"),
    ("DerivativeShare", "Share of derivatives"),
    ("ReleaseShare", "Share of releases"),
    ("ModelCount", "Number of models"),
    ("UsageShare", "Share of usage"),
    ("MonthlyActiveUsers", "Monthly active users"),
    ("TrendingModels", "Trending models"),
    ("Date", "Date"),
];

/// The key of a measure in [`METRICS`]; "Other" for a measure named by the user.
pub(super) fn metric_key(m: &Metric) -> &'static str {
    match m {
        Metric::AccuracyGain => "AccuracyGain",
        Metric::CostReduction => "CostReduction",
        Metric::SpeedGain => "SpeedGain",
        Metric::CumulativeDownloads => "CumulativeDownloads",
        Metric::MonthlyDownloads => "MonthlyDownloads",
        Metric::PeriodDownloads => "PeriodDownloads",
        Metric::DownloadShare => "DownloadShare",
        Metric::DownloadRank => "DownloadRank",
        Metric::Derivatives => "Derivatives",
        Metric::DerivativeShare => "DerivativeShare",
        Metric::ReleaseShare => "ReleaseShare",
        Metric::ModelCount => "ModelCount",
        Metric::UsageShare => "UsageShare",
        Metric::MonthlyActiveUsers => "MonthlyActiveUsers",
        Metric::TrendingModels => "TrendingModels",
        Metric::Date => "Date",
        Metric::Other(_) => "Other",
    }
}

/// The measure a key stands for; an unknown key is a measure named `other`.
pub(super) fn metric_from_key(k: &str, other: &str) -> Metric {
    match k {
        "AccuracyGain" => Metric::AccuracyGain,
        "CostReduction" => Metric::CostReduction,
        "SpeedGain" => Metric::SpeedGain,
        "CumulativeDownloads" => Metric::CumulativeDownloads,
        "MonthlyDownloads" => Metric::MonthlyDownloads,
        "PeriodDownloads" => Metric::PeriodDownloads,
        "DownloadShare" => Metric::DownloadShare,
        "DownloadRank" => Metric::DownloadRank,
        "Derivatives" => Metric::Derivatives,
        "DerivativeShare" => Metric::DerivativeShare,
        "ReleaseShare" => Metric::ReleaseShare,
        "ModelCount" => Metric::ModelCount,
        "UsageShare" => Metric::UsageShare,
        "MonthlyActiveUsers" => Metric::MonthlyActiveUsers,
        "TrendingModels" => Metric::TrendingModels,
        "Date" => Metric::Date,
        _ => Metric::Other(other.to_owned()),
    }
}

/// How exact a claimed value is, as (qualifier, label).
pub(super) const QUALIFIERS: [(Qualifier, &str); 5] = [
    (Qualifier::Exact, "exact"),
    (Qualifier::About, "about"),
    (Qualifier::UpTo, "up to"),
    (Qualifier::AtLeast, "at least"),
    (Qualifier::MoreThan, "more than"),
];
