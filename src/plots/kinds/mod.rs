//! The plots, one file each, and the one table that names them: [`PlotKind`] with its
//! command-line name, title, narrowing list and build function, and [`derive_with`], which runs
//! a plot's build function on a [`Builder`] and finishes its legend, notes and footer.

mod downloads;
mod downloads_panels;
mod model_size;
mod outcomes;
mod periods;
mod release_timeline;
mod releases_per_quarter;
mod share_by_country;
mod who_uses_what;

use serde::{Deserialize, Serialize};

pub use outcomes::outcome_mark_kind;
pub use release_timeline::{DEFAULT_MARKER_RADIUS, marker_radius};
pub use share_by_country::ShareMeasure;

use super::builder::{Builder, Frame};
use super::{DeriveOptions, PlotData};
use crate::app::explorer::{Index, ListTab};
use crate::model::Dataset;

/// Which plot to derive; each has a one-word command-line name.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum PlotKind {
    /// Model releases over time by developer country, with adoptions and events marked.
    #[default]
    ReleaseTimeline,
    /// Total (and active) parameters against release date, log scale.
    ModelSize,
    /// Organizations x model families as a matrix of adoptions.
    WhoUsesWhat,
    /// Claimed gains (accuracy, cost, speed) per adoption, qualifiers drawn honestly.
    Outcomes,
    /// Download and derivative figures over time, by subject (Qwen vs Llama...).
    Downloads,
    /// Releases per quarter, stacked by developer country.
    ReleasesPerQuarter,
    /// Each developer country's share of releases (or downloads, derivatives) per period,
    /// stacked to 100%.
    ShareByCountry,
}

impl PlotKind {
    /// Every plot, in the order of the plot selector.
    pub const ALL: [PlotKind; 7] = [
        PlotKind::ReleaseTimeline,
        PlotKind::ModelSize,
        PlotKind::WhoUsesWhat,
        PlotKind::Outcomes,
        PlotKind::Downloads,
        PlotKind::ReleasesPerQuarter,
        PlotKind::ShareByCountry,
    ];

    /// The one-word command-line name (`release-timeline`, `model-size`, ...).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The plot named `name` (surrounding space and case ignored), if any.
    pub fn from_name(name: &str) -> Option<PlotKind> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// The plot's title.
    pub fn title(self) -> &'static str {
        self.spec().title
    }

    /// The list whose search and filter narrow this plot (organizations for the adoption plots,
    /// models for the model plots); its `ListQuery::describe` gives the footer's filters.
    pub fn list_tab(self) -> ListTab {
        self.spec().list_tab
    }

    /// Everything that defines this plot, in the one table of plots.
    fn spec(self) -> KindSpec {
        match self {
            PlotKind::ReleaseTimeline => KindSpec {
                name: "release-timeline",
                title: "Release timeline",
                list_tab: ListTab::Models,
                build: release_timeline::build,
            },
            PlotKind::ModelSize => KindSpec {
                name: "model-size",
                title: "Model size over time",
                list_tab: ListTab::Models,
                build: model_size::build,
            },
            PlotKind::WhoUsesWhat => KindSpec {
                name: "who-uses-what",
                title: "Who uses what",
                list_tab: ListTab::Organizations,
                build: who_uses_what::build,
            },
            PlotKind::Outcomes => KindSpec {
                name: "outcomes",
                title: "Reported outcomes",
                list_tab: ListTab::Organizations,
                build: outcomes::build,
            },
            PlotKind::Downloads => KindSpec {
                name: "downloads",
                title: "Downloads and derivatives",
                list_tab: ListTab::Models,
                build: downloads::build,
            },
            PlotKind::ReleasesPerQuarter => KindSpec {
                name: "releases-per-quarter",
                title: "Releases per quarter",
                list_tab: ListTab::Models,
                build: releases_per_quarter::build,
            },
            PlotKind::ShareByCountry => KindSpec {
                name: "share-by-country",
                title: "Share by country",
                list_tab: ListTab::Models,
                build: share_by_country::build,
            },
        }
    }
}

/// One plot kind's entry in the table of plots: its command-line name, title, the list that
/// narrows it, and the function deriving its marks.
struct KindSpec {
    /// The one-word command-line name.
    name: &'static str,
    /// The plot's title.
    title: &'static str,
    /// The list whose rows narrow the plot.
    list_tab: ListTab,
    /// Adds the plot's marks, groups and notes to the builder and says its axes.
    build: fn(&mut Builder<'_>) -> Frame,
}

/// [`derive_with`] with default options.
pub fn derive(
    kind: PlotKind,
    ds: &Dataset,
    ix: &Index,
    orgs: &[u32],
    models: &[u32],
    filters: Vec<String>,
) -> PlotData {
    derive_with(
        kind,
        ds,
        ix,
        orgs,
        models,
        filters,
        &DeriveOptions::default(),
    )
}

/// Derives plot `kind` from `ds` (indexed by `ix`), narrowed to the organization positions
/// `orgs` (adoption plots) or model positions `models` (model plots), as given by
/// `Explorer::rows` for the list's current search and filters. `filters` are the phrases of
/// the filters in force, shown in the footer.
///
/// Records that are not models themselves (adoptions and events on the timeline, claims and
/// series on the downloads plot) follow the model rows: they are kept when they concern a
/// listed model, its family, developer or developer's country, or concern no model at all
/// (events). When every model is listed, all of them are kept.
pub fn derive_with(
    kind: PlotKind,
    ds: &Dataset,
    ix: &Index,
    orgs: &[u32],
    models: &[u32],
    filters: Vec<String>,
    options: &DeriveOptions,
) -> PlotData {
    let mut b = Builder::new(ds, ix, orgs, models, options);
    let frame = (kind.spec().build)(&mut b);
    let mut data = b.finish(kind, frame, filters);
    super::fit::fit_texts(&mut data);
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Model, ModelId, OrgId, OrgKind, Organization, PartialDate};
    use crate::plots::MarkKind;
    use crate::plots::builder::{Place, place};

    fn lab(id: &str, country: &str) -> Organization {
        Organization {
            id: OrgId::new(id),
            name: id.to_uppercase(),
            native_name: String::new(),
            country: country.to_owned(),
            kind: OrgKind::AiLab,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    fn model(id: &str, dev: &str, date: Option<PartialDate>, params: Option<f64>) -> Model {
        Model {
            id: ModelId::new(id),
            name: id.to_owned(),
            family: None,
            developer: OrgId::new(dev),
            release_date: date,
            openness: None,
            openness_basis: None,
            license: String::new(),
            total_params_b: params,
            active_params_b: None,
            params_qualifier: Default::default(),
            architecture: None,
            context_k_tokens: None,
            context_qualifier: Default::default(),
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            organizations: vec![lab("cn", "China"), lab("us", "United States")],
            models: vec![
                model("a", "cn", Some(PartialDate::month(2024, 2)), Some(7.0)),
                model("b", "us", Some(PartialDate::day(2024, 8, 1)), Some(70.0)),
                model("c", "cn", Some(PartialDate::year(2023)), Some(1.0)),
                model("d", "us", None, None),
                model("e", "cn", Some(PartialDate::month(2024, 3)), Some(-1.0)),
            ],
            ..Dataset::default()
        }
    }

    fn derive_all(kind: PlotKind, ds: &Dataset) -> PlotData {
        let ix = Index::build(ds);
        let models: Vec<u32> = (0..ds.models.len() as u32).collect();
        derive(kind, ds, &ix, &[], &models, Vec::new())
    }

    #[test]
    fn groups_by_developer_country() {
        let p = derive_all(PlotKind::ReleasesPerQuarter, &dataset());
        let groups: Vec<(&str, &str, f64)> = p
            .marks
            .iter()
            .map(|m| (m.date_text.as_str(), m.group.as_str(), m.y))
            .collect();
        // a and e in 2024 Q1 (China), b in 2024 Q3 (United States); c year-only, d undated.
        assert_eq!(
            groups,
            [("Q1 2024", "China", 2.0), ("Q3 2024", "United States", 1.0)]
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n.contains("1 model with only a release year"))
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n == "1 model without a release date not counted"),
            "{:?}",
            p.notes
        );
        // n per quarter under each bar, the population in the subtitle.
        let ticks: Vec<&str> = p.x_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(ticks, ["Q1 2024 n=2", "Q3 2024 n=1"]);
        assert!(
            p.subtitle.contains("all models in this dataset"),
            "{}",
            p.subtitle
        );
    }

    #[test]
    fn year_only_dates_are_spans_never_points() {
        assert!(matches!(
            place(&PartialDate::year(2023)),
            Some(Place::Year(a, b)) if a == 2023.0 && b == 2024.0
        ));
        assert!(matches!(
            place(&PartialDate::month(2023, 5)),
            Some(Place::At(_))
        ));
        assert!(place(&PartialDate::month(2023, 13)).is_none());
        let p = derive_all(PlotKind::ReleaseTimeline, &dataset());
        let c = p
            .marks
            .iter()
            .find(|m| m.label == "c")
            .map(|m| (m.kind, m.x, m.x2));
        assert_eq!(c, Some((MarkKind::YearSpan, 2023.0, Some(2024.0))));
    }

    #[test]
    fn log_scale_counts_zero_negative_and_missing() {
        let p = derive_all(PlotKind::ModelSize, &dataset());
        assert_eq!(
            p.marks.len(),
            2,
            "a and b; c year-only, d missing, e negative"
        );
        assert!(
            p.notes
                .iter()
                .any(|n| n.starts_with("2 items with zero or missing values not shown")),
            "{:?}",
            p.notes
        );
        assert!(p.marks.iter().all(|m| m.y.is_finite()));
    }
}
