//! The share-by-country plot and the populations of the counting plots, on datasets built here:
//! each bar sums to 100% (a property test over generated datasets), counts are in the tooltip
//! text and the CSV, one population is counted and named, and a segment's click filter lists
//! exactly the models it counts.

use std::collections::BTreeMap;

use ai_adoption_explorer::app::explorer::{Index, ListQuery, ListTab};
use ai_adoption_explorer::model::*;
use ai_adoption_explorer::plots::*;
use proptest::prelude::*;

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

fn dataset_source(id: &str, publisher: &str, title: &str, locator: &str) -> Source {
    Source {
        id: SourceId::new(id),
        title: title.into(),
        publisher: publisher.into(),
        author: String::new(),
        date: None,
        locator: locator.into(),
        kind: SourceKind::Dataset,
        via: None,
        notes: String::new(),
    }
}

const LABS: [(&str, &str); 4] = [
    ("cn", "China"),
    ("us", "United States"),
    ("fr", "France"),
    ("xx", ""),
];

/// Models `(lab, year, month, from Epoch's table)`, Epoch's large-scale table and a hand-made
/// source.
fn build(models: &[(usize, i32, u8, bool)]) -> Dataset {
    let mut ds = Dataset {
        organizations: LABS.iter().map(|(id, c)| lab(id, c)).collect(),
        sources: vec![
            dataset_source(
                "epoch-large-scale",
                "Epoch AI",
                "Epoch AI, Large-Scale AI Models",
                "data/epoch_large_scale_ai_models_2026-02.csv",
            ),
            Source {
                kind: SourceKind::Primary,
                ..dataset_source("card", "", "A model card", "lab/model@1:README.md")
            },
        ],
        ..Dataset::default()
    };
    for (i, &(l, year, month, epoch)) in models.iter().enumerate() {
        let mut m = Model::new(
            ModelId::new(format!("m{i}")),
            format!("Model {i}"),
            OrgId::new(LABS[l % LABS.len()].0),
        );
        m.release_date = Some(PartialDate::month(year, month));
        m.sources = vec![if epoch {
            Citation::with_detail("epoch-large-scale", format!("row {}", i + 2))
        } else {
            Citation::new("card")
        }];
        ds.models.push(m);
    }
    ds
}

/// Plot `kind` of every model of `ds`.
fn derive_kind(kind: PlotKind, ds: &Dataset, options: &DeriveOptions) -> PlotData {
    let ix = Index::build(ds);
    let models: Vec<u32> = (0..ds.models.len() as u32).collect();
    derive_with(kind, ds, &ix, &[], &models, Vec::new(), options)
}

fn derive_share(ds: &Dataset, options: &DeriveOptions) -> PlotData {
    derive_kind(PlotKind::ShareByCountry, ds, options)
}

/// The segments of each period (by x): (base, top, value).
fn bars(p: &PlotData) -> BTreeMap<i64, Vec<(f64, f64, f64)>> {
    let mut out: BTreeMap<i64, Vec<(f64, f64, f64)>> = BTreeMap::new();
    for m in &p.marks {
        assert_eq!(m.kind, MarkKind::StackSegment);
        out.entry((m.x * 1e6).round() as i64).or_default().push((
            m.y2.unwrap(),
            m.y,
            m.value.unwrap(),
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every bar of every generated dataset sums to 100%: its segments' shares add up to 100,
    /// each starts where the one below ends, from 0 to exactly 100.
    #[test]
    fn every_bar_sums_to_100_percent(
        models in proptest::collection::vec(
            (0usize..4, 2019i32..2027, 1u8..=12, any::<bool>()),
            1..80,
        ),
        all in any::<bool>(),
    ) {
        let ds = build(&models);
        let options = DeriveOptions {
            population: if all { PopulationChoice::AllModels } else { PopulationChoice::Default },
            ..DeriveOptions::default()
        };
        let p = derive_share(&ds, &options);
        // Epoch's models by default when there are any, else all of them.
        let epoch_only = !all && models.iter().any(|m| m.3);
        let counted = models.iter().filter(|m| !epoch_only || m.3).count();
        let members: usize = p.marks.iter().map(|m| m.members.len()).sum();
        prop_assert_eq!(members, counted);
        for (_, segs) in bars(&p) {
            let sum: f64 = segs.iter().map(|s| s.2).sum();
            prop_assert!((sum - 100.0).abs() < 1e-9, "sum {}", sum);
            prop_assert_eq!(segs[0].0, 0.0);
            prop_assert_eq!(segs.last().unwrap().1, 100.0);
            for w in segs.windows(2) {
                prop_assert!((w[0].1 - w[1].0).abs() < 1e-9);
            }
        }
    }
}

#[test]
fn a_mixed_dataset_counts_only_epochs_large_scale_models_and_says_so() {
    // Three Epoch models (two Chinese, one US) and two hand-made ones in the same quarters.
    let ds = build(&[
        (0, 2024, 1, true),
        (0, 2024, 2, true),
        (1, 2024, 3, true),
        (1, 2024, 1, false),
        (2, 2024, 2, false),
    ]);
    let p = derive_share(&ds, &DeriveOptions::default());
    assert!(
        p.subtitle
            .contains("models trained with more than 10^23 FLOP (known or likely), per Epoch AI"),
        "{}",
        p.subtitle
    );
    // One quarter? No: five months span less than a year, so per month.
    let ticks: Vec<&str> = p.x_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(ticks, ["Jan 2024 n=1", "Feb 2024 n=1", "Mar 2024 n=1"]);
    assert!(
        p.notes
            .iter()
            .any(|n| n.starts_with("2 listed models outside this population")),
        "{:?}",
        p.notes
    );
    // The same models on the releases-per-quarter plot: one quarter, n=3, by country.
    let q = derive_kind(PlotKind::ReleasesPerQuarter, &ds, &DeriveOptions::default());
    let segs: Vec<(&str, f64)> = q.marks.iter().map(|m| (m.group.as_str(), m.y)).collect();
    assert_eq!(segs, [("China", 2.0), ("United States", 3.0)]);
    assert_eq!(q.x_axis.ticks[0].1, "Q1 2024 n=3");
    assert!(q.subtitle.contains("per Epoch AI"), "{}", q.subtitle);
    // All models, when asked: the hand-made ones count too, and the subtitle says so.
    let all = derive_kind(
        PlotKind::ReleasesPerQuarter,
        &ds,
        &DeriveOptions {
            population: PopulationChoice::AllModels,
            ..DeriveOptions::default()
        },
    );
    assert_eq!(all.x_axis.ticks[0].1, "Q1 2024 n=5");
    assert!(
        all.subtitle.contains("all models in this dataset"),
        "{}",
        all.subtitle
    );
}

#[test]
fn without_epoch_models_all_models_are_counted() {
    let ds = build(&[(0, 2023, 1, false), (1, 2024, 6, false)]);
    let p = derive_share(&ds, &DeriveOptions::default());
    assert!(
        p.subtitle.contains("all models in this dataset"),
        "{}",
        p.subtitle
    );
    // Over a year apart: per quarter.
    let ticks: Vec<&str> = p.x_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(ticks, ["Q1 2023 n=1", "Q2 2024 n=1"]);
}

#[test]
fn counts_are_in_the_tooltip_text_and_the_csv() {
    let ds = build(&[
        (0, 2024, 1, true),
        (0, 2024, 5, true),
        (1, 2024, 2, true),
        (1, 2025, 3, true),
    ]);
    let p = derive_share(&ds, &DeriveOptions::default());
    let china = p.marks.iter().find(|m| m.group == "China").unwrap();
    assert_eq!(china.label, "Q1 2024, China: 50.0% (1 of 2 models)");
    let csv = to_csv(&p);
    assert!(csv.contains("50.0% (1 of 2 models)"), "{csv}");
    assert!(csv.contains("model:m0"), "{csv}");
}

#[test]
fn download_shares_count_one_sources_figures_at_their_date() {
    let mut ds = build(&[(0, 2024, 1, true), (1, 2024, 2, true), (2, 2024, 3, false)]);
    ds.sources.push(dataset_source(
        "hf-snapshot",
        "Hugging Face",
        "Hugging Face models API snapshot",
        "data/hf_models.json",
    ));
    ds.sources
        .push(dataset_source("other", "Someone", "Other counts", "x.csv"));
    let figure = |id: &str, model: &str, v: f64, src: &str| Claim {
        id: ClaimId::new(id),
        subject: Subject::Model(ModelId::new(model)),
        metric: Metric::MonthlyDownloads,
        value: ClaimValue::Number(v),
        unit: Unit::Count,
        qualifier: Qualifier::Exact,
        baseline: String::new(),
        scope: String::new(),
        when: Some(When::Trailing(30, PartialDate::day(2026, 3, 1))),
        said_by: None,
        source: Some(Citation::new(src)),
        quote: String::new(),
        paraphrase: String::new(),
        notes: String::new(),
    };
    ds.claims = vec![
        figure("a", "m0", 300.0, "hf-snapshot"),
        figure("b", "m1", 100.0, "hf-snapshot"),
        figure("c", "m2", 600.0, "hf-snapshot"),
        figure("d", "m1", 5000.0, "other"),
    ];
    let p = derive_share(
        &ds,
        &DeriveOptions {
            share_measure: ShareMeasure::Downloads,
            ..DeriveOptions::default()
        },
    );
    let shares: Vec<(&str, f64)> = p
        .marks
        .iter()
        .map(|m| (m.group.as_str(), m.value.unwrap()))
        .collect();
    assert_eq!(
        shares,
        [("China", 30.0), ("France", 60.0), ("United States", 10.0)]
    );
    assert_eq!(p.x_axis.ticks.len(), 1, "one snapshot, one bar");
    assert_eq!(p.x_axis.ticks[0].1, "Mar 2026 n=3");
    assert!(
        p.notes
            .iter()
            .any(|n| n.starts_with("1 figure from other sources not counted")),
        "{:?}",
        p.notes
    );
    assert!(
        p.subtitle.contains("Hugging Face models API snapshot"),
        "{}",
        p.subtitle
    );
}

#[test]
fn a_segments_filter_lists_exactly_the_models_it_counts() {
    let ds = std::sync::Arc::new(build(&[
        (0, 2024, 1, true),
        (0, 2024, 2, true),
        (0, 2024, 2, false),
        (1, 2024, 3, true),
    ]));
    let p = derive_kind(PlotKind::ReleasesPerQuarter, &ds, &DeriveOptions::default());
    let china = p.marks.iter().find(|m| m.group == "China").unwrap();
    let filter = segment_filter(PlotKind::ReleasesPerQuarter, ShareMeasure::Releases, china)
        .expect("a segment counts models");
    assert_eq!(
        filter.describe(),
        "Models released in Q1 2024 by developers in China (2)"
    );
    let mut q = ListQuery::default();
    q.model_filter.segment = Some(filter);
    let mut ex = ai_adoption_explorer::app::explorer::Explorer::new();
    let listed: Vec<&str> = ex
        .rows(&ds, 1, ListTab::Models, &q)
        .iter()
        .map(|&p| ds.models[p as usize].id.as_str())
        .collect();
    assert_eq!(listed, ["m0", "m1"], "the hand-made m2 is not counted");
    assert_eq!(
        q.describe(ListTab::Models, &ds),
        ["Models released in Q1 2024 by developers in China (2)"]
    );
}

#[test]
fn a_long_span_is_labelled_per_year_with_the_years_n() {
    let ds = build(&[
        (0, 2020, 1, true),
        (1, 2020, 7, true),
        (0, 2024, 5, true),
        (1, 2025, 2, false),
    ]);
    let p = derive_share(&ds, &DeriveOptions::default());
    let ticks: Vec<&str> = p.x_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(ticks, ["2020 n=2", "2024 n=1"]);
    assert!(
        p.subtitle.contains("n (models) per year under the axis"),
        "{}",
        p.subtitle
    );
    // The bars stay per quarter.
    assert_eq!(bars(&p).len(), 3);
}
