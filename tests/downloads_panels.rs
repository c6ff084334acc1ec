//! The downloads figure as small multiples (docs/figure-style.md, "The downloads figure"): one
//! panel per measure, never two units on one panel, Qwen and Llama emphasised, both sides of a
//! conflict drawn and flagged, a single-date value never joined into a line, and hundreds of
//! single-model figures summarised in a note rather than drawn.

use std::collections::{HashMap, HashSet};

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::app::explorer::Index;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::*;
use ai_adoption_explorer::plots::*;

fn builtin() -> Dataset {
    load_bytes("data.ron", BUILTIN_RON.as_bytes())
        .expect("the built-in dataset parses")
        .dataset
}

fn downloads(ds: &Dataset) -> PlotData {
    let ix = Index::build(ds);
    let orgs: Vec<u32> = (0..ds.organizations.len() as u32).collect();
    let models: Vec<u32> = (0..ds.models.len() as u32).collect();
    derive(PlotKind::Downloads, ds, &ix, &orgs, &models, vec![])
}

/// The metric and unit of the record a mark comes from.
fn measure_of(ds: &Dataset, m: &Mark) -> (Metric, Unit) {
    match m
        .record
        .as_ref()
        .expect("every downloads mark has a record")
    {
        RecordRef::Claim(id) => {
            let c = ds.claims.iter().find(|c| &c.id == id).expect("its claim");
            (c.metric.clone(), c.unit.clone())
        }
        RecordRef::Series(id) => {
            let s = ds.series.iter().find(|s| &s.id == id).expect("its series");
            (s.metric.clone(), s.unit.clone())
        }
        other => panic!("unexpected record {other:?}"),
    }
}

#[test]
fn one_panel_per_measure_and_never_two_measures_on_one() {
    let ds = builtin();
    let p = downloads(&ds);
    assert!(
        p.panels.len() >= 3,
        "{:?}",
        p.panels.iter().map(|q| &q.title).collect::<Vec<_>>()
    );
    let titles: HashSet<&str> = p.panels.iter().map(|q| q.title.as_str()).collect();
    assert_eq!(titles.len(), p.panels.len(), "each panel its own measure");
    for want in [
        "Cumulative downloads",
        "Derivative models",
        "Downloads per month",
    ] {
        assert!(
            p.panels.iter().any(|q| q.title.starts_with(want)),
            "no panel {want}"
        );
    }
    let mut seen: HashSet<usize> = HashSet::new();
    for q in &p.panels {
        let measures: HashSet<(Metric, Unit)> = q
            .marks
            .iter()
            .map(|&i| measure_of(&ds, &p.marks[i]))
            .collect();
        assert_eq!(measures.len(), 1, "{}: {measures:?}", q.title);
        for &i in &q.marks {
            assert!(seen.insert(i), "mark {i} on two panels");
        }
    }
    assert_eq!(seen.len(), p.marks.len(), "every mark on a panel");
}

#[test]
fn qwen_and_llama_are_emphasised_and_named() {
    let ds = builtin();
    let p = downloads(&ds);
    let mut emphasised: HashSet<&str> = HashSet::new();
    for s in p.panels.iter().flat_map(|q| &q.series) {
        assert!(!s.name.contains(':'), "a name, not an id: {}", s.name);
        if s.emphasised {
            emphasised.insert(s.name.as_str());
        } else {
            assert!(!["Qwen", "Llama"].contains(&s.name.as_str()));
        }
    }
    assert!(
        emphasised.contains("Qwen") && emphasised.contains("Llama"),
        "{emphasised:?}"
    );
    // Colour by subject: a family's key is its id, the same in every figure.
    assert!(p.legend.iter().any(|e| e.group.as_deref() == Some("qwen")));
    assert_eq!(p.group_kind, GroupKind::Family);
}

#[test]
fn conflicting_figures_are_both_drawn_and_flagged_on_one_panel() {
    let ds = builtin();
    let p = downloads(&ds);
    let panel_of = |id: &str| {
        let r = RecordRef::Claim(ClaimId::new(id));
        let i = p
            .marks
            .iter()
            .position(|m| m.record.as_ref() == Some(&r))
            .expect(id);
        assert!(p.marks[i].in_conflict.is_some(), "{id} flagged");
        p.panels
            .iter()
            .position(|q| q.marks.contains(&i))
            .expect("on a panel")
    };
    assert_eq!(
        panel_of("qwen-derivatives-180k"),
        panel_of("qwen-derivatives-summer-2026")
    );
    assert!(
        p.notes
            .iter()
            .any(|n| n.contains("in a recorded conflict, flagged"))
    );
}

#[test]
fn a_single_date_value_is_a_point_never_joined() {
    let ds = builtin();
    let p = downloads(&ds);
    for q in &p.panels {
        for s in &q.series {
            // Joined only through values as stated at two distinct dates or more, in order.
            if s.line.is_empty() {
                continue;
            }
            assert!(s.line.len() >= 2, "{}: {}", q.title, s.name);
            let xs: Vec<f64> = s.line.iter().map(|&i| p.marks[i].x).collect();
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "{}: {xs:?}", s.name);
            for &i in &s.line {
                assert_eq!(p.marks[i].kind, MarkKind::Point);
                assert!(s.marks.contains(&i));
            }
        }
    }
    // China's cumulative downloads: one date, no line.
    let cumulative = p
        .panels
        .iter()
        .find(|q| q.title.starts_with("Cumulative"))
        .expect("a cumulative panel");
    let china = cumulative
        .series
        .iter()
        .find(|s| s.name == "China")
        .expect("China's figure");
    assert!(china.line.is_empty());
    // Llama's two announced totals are one line.
    let llama = cumulative
        .series
        .iter()
        .find(|s| s.name == "Llama")
        .expect("Llama");
    assert_eq!(llama.line.len(), 2);
}

#[test]
fn hundreds_of_single_model_figures_are_summarised_not_drawn() {
    let mut ds = builtin();
    let template = ds
        .claims
        .iter()
        .find(|c| c.id.as_str() == "hf-downloads-qwen2.5-7b-instruct-2026-03")
        .expect("a Hugging Face snapshot claim")
        .clone();
    let before = ds
        .claims
        .iter()
        .filter(|c| {
            matches!(c.subject, Subject::Model(_))
                && c.metric == template.metric
                && c.when == template.when
                // A zero cannot be drawn on the log axis: it is counted in another note.
                && !matches!(c.value, ClaimValue::Number(v) if v <= 0.0)
        })
        .count();
    let developer = ds.models[0].developer.clone();
    for i in 0..514 {
        let id = ModelId::new(format!("snapshot-model-{i}"));
        ds.models.push(Model::new(
            id.clone(),
            format!("Snapshot model {i}"),
            developer.clone(),
        ));
        let mut c = template.clone();
        c.id = ClaimId::new(format!("snapshot-claim-{i}"));
        c.subject = Subject::Model(id);
        ds.claims.push(c);
    }
    let p = downloads(&ds);
    assert!(
        p.marks.iter().all(|m| !m.group.starts_with("model:")),
        "no single-model figure drawn"
    );
    let want = format!("{} single-model figures of 2026-03", before + 514);
    assert!(
        p.notes.iter().any(|n| n.contains(&want)),
        "{want} in {:?}",
        p.notes
    );
    // The families' figures are all still drawn, in at most eight colours.
    let plain = downloads(&builtin());
    assert_eq!(p.marks.len(), plain.marks.len());
    let groups: HashMap<&str, usize> = p
        .legend
        .iter()
        .filter_map(|e| e.group.as_deref().map(|g| (g, e.count)))
        .collect();
    assert!(groups.len() <= MAX_COLOURED_GROUPS + 1, "{groups:?}");
}

#[test]
fn a_long_series_stays_a_compact_run_on_its_panel() {
    let ds = ai_adoption_explorer::model::synth::scatter_series(30_000, 3);
    let p = downloads(&ds);
    assert_eq!(p.mark_count(), 30_000);
    assert!(p.marks.len() < 1_000, "points kept as runs, not marks");
    assert_eq!(p.panels.len(), 1, "one measure, one panel");
    assert_eq!(p.panels[0].runs.len(), p.runs.len());
    // One panel: its axis is the plot's.
    assert_eq!(p.y_axis.title, p.panels[0].title);
}
