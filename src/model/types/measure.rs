//! What a claim or series measures, the unit of its values, and how exact a stated value is.

use serde::{Deserialize, Serialize};

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
    /// Every measure but [`Metric::Other`] (which the user names), in the order pickers list them.
    pub const ALL: [Metric; 16] = [
        Metric::AccuracyGain,
        Metric::CostReduction,
        Metric::SpeedGain,
        Metric::CumulativeDownloads,
        Metric::MonthlyDownloads,
        Metric::PeriodDownloads,
        Metric::DownloadShare,
        Metric::DownloadRank,
        Metric::Derivatives,
        Metric::DerivativeShare,
        Metric::ReleaseShare,
        Metric::ModelCount,
        Metric::UsageShare,
        Metric::MonthlyActiveUsers,
        Metric::TrendingModels,
        Metric::Date,
    ];

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
    /// Every unit but [`Unit::Other`] (which is named in the file), in the order pickers list them.
    pub const ALL: [Unit; 5] = [
        Unit::None,
        Unit::Percent,
        Unit::Count,
        Unit::Times,
        Unit::BillionParams,
    ];

    /// Human label, as a picker shows it ("no unit", "%", "× (times)"); an other unit's own name.
    pub fn label(&self) -> String {
        match self {
            Unit::None => "no unit".into(),
            Unit::Percent => "%".into(),
            Unit::Count => "count".into(),
            Unit::Times => "× (times)".into(),
            Unit::BillionParams => "billion parameters".into(),
            Unit::Other(s) => s.clone(),
        }
    }

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
    /// All qualifiers, from the plainest to the most hedged, as pickers list them.
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
    ];

    /// Human label ("exact", "up to").
    pub fn label(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::UpTo => "up to",
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
        }
    }

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

    /// Whether this is [`Qualifier::Exact`] (such fields are left out of a file).
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }
}
