//! The built-in dataset is a built file (issue #14 items 1, 2 and 8): `data/build.sh` run with
//! the debug binary reproduces `data.ron` byte for byte; every model of Epoch AI's table and of
//! the Hugging Face snapshot is in it once; it passes `check`; and the figures, the README and
//! the About window credit Epoch AI (CC BY 4.0) and Hugging Face wherever their values are used.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use ai_adoption_explorer::export::svg::scene_to_svg;
use ai_adoption_explorer::export::{FigureMetadata, FigureOptions, derive_all, vector_scene};
use ai_adoption_explorer::figure::PlotView;
use ai_adoption_explorer::import::fold;
use ai_adoption_explorer::io::load_path;
use ai_adoption_explorer::model::{
    Citation, Claim, ClaimValue, Dataset, Metric, Model, PartialDate, SourceId, Subject, Unit, When,
};
use ai_adoption_explorer::plots::{DeriveOptions, PlotKind};

mod common;

/// The credit the Epoch AI source carries, as `data/build.sh` passes it.
const EPOCH_CREDIT: &str = "Epoch AI (CC BY 4.0)";
/// The title of the Epoch AI source record.
const EPOCH_TITLE: &str = "Epoch AI, Large-Scale AI Models";
/// The id of base.ron's source for the Hugging Face snapshot, which the build reuses.
const HF_SOURCE: &str = "hf-fixture-2026-03";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_ai-adoption-explorer")
}

/// data.ron as it is in the repository (read from disk, so a stale build cannot hide a change).
fn built() -> Dataset {
    load_path(&root().join("data.ron"))
        .expect("data.ron loads")
        .dataset
}

fn base() -> Dataset {
    load_path(&root().join("data/base.ron"))
        .expect("data/base.ron loads")
        .dataset
}

fn key(name: &str) -> String {
    fold(name).key()
}

/// The models of `ds` by folded name.
fn by_key(ds: &Dataset) -> HashMap<String, Vec<&Model>> {
    let mut out: HashMap<String, Vec<&Model>> = HashMap::new();
    for m in &ds.models {
        out.entry(key(&m.name)).or_default().push(m);
    }
    out
}

/// The id of the source with this title.
fn source_titled(ds: &Dataset, title: &str) -> SourceId {
    ds.sources
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("a source titled {title:?}"))
        .id
        .clone()
}

#[test]
fn the_build_script_reproduces_data_ron_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data.ron");
    let run = Command::new("sh")
        .arg(root().join("data/build.sh"))
        .env("AAE_BIN", exe())
        .env("OUT", &out)
        .output()
        .expect("sh runs data/build.sh");
    assert!(
        run.status.success(),
        "data/build.sh failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let made = std::fs::read(&out).unwrap();
    let kept = std::fs::read(root().join("data.ron")).unwrap();
    assert!(
        made == kept,
        "data/build.sh gives other bytes than data.ron ({} against {} bytes): run data/build.sh \
         and commit data.ron",
        made.len(),
        kept.len()
    );
}

#[test]
fn data_ron_passes_check() {
    let out = Command::new(exe())
        .arg("check")
        .arg(root().join("data.ron"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "check data.ron:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Checks that every name of a table is one model of data.ron, and that each model the table
/// added (its name not in base.ron) cites its row or item `detail`.
fn each_once(names: &[(String, String)], source: &SourceId, what: &str) {
    let ds = built();
    let models = by_key(&ds);
    let before = base();
    let had = by_key(&before);
    let mut first_row: HashMap<String, &str> = HashMap::new();
    for (name, detail) in names {
        let k = key(name);
        let found = models.get(&k).map_or(&[][..], Vec::as_slice);
        assert_eq!(
            found.len(),
            1,
            "{what} {detail} ({name:?}) is {} models of data.ron",
            found.len()
        );
        // The first row of a name makes its record; later rows of the same name match it.
        let first = *first_row.entry(k.clone()).or_insert(detail);
        if !had.contains_key(&k) {
            let cite = Citation::with_detail(source.clone(), first);
            assert!(
                found[0].sources.contains(&cite),
                "{what} {detail}: {name:?} cites its {first}: {:?}",
                found[0].sources
            );
        }
    }
    // No two models of data.ron share a folded name.
    let doubled: Vec<&String> = models
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k)
        .collect();
    assert!(doubled.is_empty(), "models named alike: {doubled:?}");
}

#[test]
fn every_model_of_the_epoch_table_is_in_the_dataset_once() {
    let mut csv =
        csv::Reader::from_path(root().join("data/epoch_large_scale_ai_models_2026-02.csv"))
            .unwrap();
    let at = csv
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Model")
        .unwrap();
    let names: Vec<(String, String)> = csv
        .records()
        .enumerate()
        .map(|(i, r)| (r.unwrap()[at].trim().to_owned(), format!("row {}", i + 2)))
        .collect();
    assert_eq!(names.len(), 485, "the table's rows");
    each_once(&names, &source_titled(&built(), EPOCH_TITLE), "Epoch AI");
}

#[test]
fn every_model_of_the_hugging_face_snapshot_is_in_the_dataset_once() {
    let text =
        std::fs::read_to_string(root().join("data/hf_models_downloads_2026-03.json")).unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let names: Vec<(String, String)> = items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let repo = v["name"].as_str().unwrap();
            let name = repo.rsplit_once('/').map_or(repo, |(_, n)| n);
            (name.trim().to_owned(), format!("item {}", i + 1))
        })
        .collect();
    assert_eq!(names.len(), 514, "the snapshot's models");
    each_once(&names, &SourceId::new(HF_SOURCE), "Hugging Face");
}

/// Every repository of the snapshot has one 30-day downloads claim, scoped to the repository,
/// with the file's `hf_downloads` as its value: imported (citing its item, about the model its
/// name after the slash names) or hand-made in base.ron (then not doubled by the import).
#[test]
fn every_repository_of_the_snapshot_has_one_downloads_claim_with_the_files_value() {
    let text =
        std::fs::read_to_string(root().join("data/hf_models_downloads_2026-03.json")).unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(items.len(), 514, "the snapshot's models");
    let ds = built();
    let hand_made: HashSet<String> = base()
        .claims
        .iter()
        .map(|c| c.id.as_str().to_owned())
        .collect();
    let period = Some(When::Trailing(
        30,
        PartialDate::parse("2026-03-01").unwrap(),
    ));
    let mut by_scope: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in ds
        .claims
        .iter()
        .filter(|c| c.metric == Metric::PeriodDownloads)
    {
        by_scope.entry(c.scope.as_str()).or_default().push(c);
    }
    let mut imported = 0;
    for (i, v) in items.iter().enumerate() {
        let repo = v["name"].as_str().unwrap();
        let downloads = v["hf_downloads"].as_f64().unwrap();
        let scope = format!("Hugging Face repo {repo}, 30 days");
        let found = by_scope.get(scope.as_str()).map_or(&[][..], Vec::as_slice);
        assert_eq!(
            found.len(),
            1,
            "item {}: {repo} has {} downloads claims",
            i + 1,
            found.len()
        );
        let c = found[0];
        assert_eq!(
            c.value,
            ClaimValue::Number(downloads),
            "item {}: {repo}",
            i + 1
        );
        assert_eq!(c.when, period, "item {}: {repo}", i + 1);
        let cite = c.source.as_ref().expect("a source");
        assert_eq!(cite.source.as_str(), HF_SOURCE, "item {}: {repo}", i + 1);
        if hand_made.contains(c.id.as_str()) {
            continue;
        }
        imported += 1;
        assert_eq!(cite.detail, format!("item {}", i + 1), "{repo}");
        assert_eq!(c.unit, Unit::Count, "{repo}");
        assert!(
            c.paraphrase.starts_with(&format!("{repo} had ")),
            "{repo}: {}",
            c.paraphrase
        );
        let name = repo.rsplit_once('/').map_or(repo, |(_, n)| n);
        let Subject::Model(id) = &c.subject else {
            panic!("{repo}: the claim is about {:?}, not a model", c.subject);
        };
        let model = ds.models.iter().find(|m| &m.id == id).expect("its model");
        assert_eq!(
            key(&model.name),
            key(name),
            "{repo} is about {}",
            model.name
        );
    }
    let hand = 514 - imported;
    assert!(
        (1..=10).contains(&hand),
        "base.ron's hand-made claims from the file stand for {hand} repositories"
    );
}

fn svg_text(ds: &Arc<Dataset>, kind: PlotKind) -> String {
    let data = Arc::new(derive_all(kind, ds, &DeriveOptions::default()));
    let mut o = FigureOptions::from_points(900.0, 600.0, 1.0, egui::Theme::Light);
    o.plot_height = Some(420.0);
    let scene = vector_scene(ds, &data, &PlotView::default(), None, &o).unwrap();
    let meta = FigureMetadata::of(ds, &scene.data);
    let svg = scene_to_svg(&scene, &meta).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    texts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_figure_using_epoch_or_hugging_face_values_credits_them() {
    let ds = Arc::new(built());
    let epoch = source_titled(&ds, EPOCH_TITLE);
    let hf = SourceId::new(HF_SOURCE);
    let mut drew_epoch = Vec::new();
    for kind in PlotKind::ALL {
        let data = derive_all(kind, &ds, &DeriveOptions::default());
        let uses = |id: &SourceId| data.footer.sources.contains(id);
        if !uses(&epoch) && !uses(&hf) {
            continue;
        }
        let lines = data.footer.lines();
        let credits = lines
            .iter()
            .find(|l| l.starts_with("Data credits: "))
            .unwrap_or_else(|| panic!("{}: a data credits line: {lines:?}", kind.name()));
        let drawn = svg_text(&ds, kind);
        if uses(&epoch) {
            drew_epoch.push(kind.name());
            assert!(
                lines[0].contains("Epoch AI"),
                "{}: {}",
                kind.name(),
                lines[0]
            );
            assert!(credits.contains(EPOCH_CREDIT), "{}: {credits}", kind.name());
            assert!(
                drawn.contains(EPOCH_CREDIT),
                "{}: the exported figure says {EPOCH_CREDIT}: {drawn}",
                kind.name()
            );
        }
        if uses(&hf) {
            assert!(
                credits.contains("Hugging Face"),
                "{}: {credits}",
                kind.name()
            );
            assert!(
                drawn.contains("Hugging Face download counts"),
                "{}: the exported figure credits the snapshot: {drawn}",
                kind.name()
            );
        }
    }
    // The model plots draw Epoch's models, so the check above is not empty.
    for must in ["release-timeline", "model-size", "releases-per-quarter"] {
        assert!(
            drew_epoch.contains(&must),
            "{must} draws Epoch's models: {drew_epoch:?}"
        );
    }
}

#[test]
fn a_figure_without_epoch_values_does_not_credit_epoch_large_scale() {
    // A dataset of base.ron's records only: no Epoch large-scale source, no such credit.
    let ds = Arc::new(base());
    for kind in PlotKind::ALL {
        let data = derive_all(kind, &ds, &DeriveOptions::default());
        assert!(
            data.footer
                .lines()
                .iter()
                .all(|l| !l.contains(EPOCH_CREDIT)),
            "{}",
            kind.name()
        );
    }
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

#[test]
fn the_readme_credits_epoch_ai_and_hugging_face() {
    let r = readme();
    assert!(r.contains("Epoch AI, Large-Scale AI Models (CC BY 4.0)"));
    assert!(r.contains("Hugging Face"));
    assert!(r.contains("data/build.sh"));
    assert!(Path::new(&root().join("data/SOURCES.md")).exists());
}

#[test]
fn the_about_window_credits_epoch_ai_and_hugging_face() {
    use ai_adoption_explorer::app::{AppState, ScriptedDialogs, Settings};
    use egui_kittest::kittest::NodeT;
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut h = common::window::window(state, egui::vec2(1200.0, 900.0), |app| {
        app.view.help = ai_adoption_explorer::ui::HelpWindow::About;
    });
    h.run();
    let root = h.root();
    let texts: Vec<String> = std::iter::once(root)
        .chain(root.children_recursive())
        .flat_map(|n| {
            let a = n.accesskit_node();
            [a.label(), a.value(), a.description()]
                .into_iter()
                .flatten()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let all = texts.join("\n");
    assert!(all.contains("Epoch AI"), "{all}");
    assert!(all.contains("CC BY 4.0"), "{all}");
    assert!(all.contains("Hugging Face"), "{all}");
    assert!(
        all.contains(EPOCH_CREDIT),
        "the dataset's credits are listed: {all}"
    );
}
