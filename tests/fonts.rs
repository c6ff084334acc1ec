//! The bundled CJK subset covers every non-ASCII character of the built-in dataset, so its names
//! never render as boxes (regenerate the subset with assets/fonts/make_subset.sh when this fails).

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::figure::CJK_SUBSET_FONT;

#[test]
fn the_bundled_font_subset_covers_the_builtin_dataset() {
    let face = ttf_parser::Face::parse(CJK_SUBSET_FONT, 0).expect("the bundled font parses");
    let missing: std::collections::BTreeSet<char> = BUILTIN_RON
        .chars()
        .filter(|c| !c.is_ascii() && face.glyph_index(*c).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "characters of data.ron missing from the subset: {missing:?}"
    );
    // And it really holds the Chinese names (a subset of nothing would pass the loop above
    // only if data.ron had no CJK; it has).
    assert!(face.glyph_index('阿').is_some());
}

mod common;

use std::sync::{Arc, Mutex};

use ai_adoption_explorer::export::{
    FigureOptions, derive_all, missing_glyph_names, missing_glyph_warning, svg::scene_to_svg,
    vector_scene,
};
use ai_adoption_explorer::figure::scene::Scene;
use ai_adoption_explorer::figure::{PlotView, set_export_font_discovery};
use ai_adoption_explorer::plots::{DeriveOptions, PlotKind};
use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider};

/// A font discovery that finds nothing and remembers what it was asked for.
#[derive(Default)]
struct Recording(Mutex<Vec<char>>);

impl FontProvider for Recording {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        self.0
            .lock()
            .unwrap()
            .extend(request.cluster.chars().next());
        None
    }
}

/// The sample with its first organization named `name` (and a title the subset covers: the
/// sample's has Chinese characters the subset, made for the built-in data, lacks), and the
/// scene of its who-uses-what figure.
fn who_uses_what(name: &str) -> (Arc<ai_adoption_explorer::model::Dataset>, Scene) {
    let mut ds = common::sample();
    ds.meta.title = "Sample".into();
    ds.organizations[0].name = name.into();
    let ds = Arc::new(ds);
    let data = Arc::new(derive_all(
        PlotKind::WhoUsesWhat,
        &ds,
        &DeriveOptions::default(),
    ));
    let options = FigureOptions::from_points(900.0, 600.0, 1.0, egui::Theme::Light);
    let scene = vector_scene(&ds, &data, &PlotView::default(), None, &options).unwrap();
    (ds, scene)
}

#[test]
fn a_name_in_a_script_no_font_has_is_named_and_the_system_was_asked() {
    // Hangul: neither egui's fonts nor the bundled Chinese subset have it, and (injected) no
    // system font either.
    let asked = Arc::new(Recording::default());
    set_export_font_discovery(asked.clone());
    let (ds, scene) = who_uses_what("네이버 Acme");
    let names = missing_glyph_names(&scene);
    assert_eq!(names, ["네이버"], "only the word with Hangul is named");
    assert!(
        asked.0.lock().unwrap().contains(&'네'),
        "the system's fonts were asked for the missing character"
    );
    let warning = missing_glyph_warning(&names).unwrap();
    assert!(
        warning.starts_with("These names will show boxes: 네이버"),
        "{warning}"
    );
    // The SVG still holds the name as text, for a viewer that has a font for it.
    let meta = ai_adoption_explorer::export::FigureMetadata::of(&ds, &scene.data);
    let svg = scene_to_svg(&scene, &meta).unwrap();
    assert!(svg.contains("네이버"));
    // The built-in's Chinese names are drawn by the bundle: nothing to warn about.
    let (_, scene) = who_uses_what("阿里巴巴 Acme");
    assert!(missing_glyph_names(&scene).is_empty());
    assert_eq!(missing_glyph_warning(&[]), None);
}

#[test]
fn the_warning_lists_a_dozen_names_and_counts_the_rest() {
    let names: Vec<String> = (0..15).map(|i| format!("이름{i}")).collect();
    let w = missing_glyph_warning(&names).unwrap();
    assert!(w.contains("이름11 and 3 more"), "{w}");
    assert!(!w.contains("이름12"));
}

#[test]
fn the_command_line_warns_of_names_that_will_show_boxes_and_still_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut ds = common::sample();
    ds.meta.title = "Sample".into();
    ds.organizations[0].name = "네이버 Acme".into();
    let data = dir.path().join("data.ron");
    ai_adoption_explorer::io::save_atomic(&ds, &data).unwrap();
    let out = dir.path().join("who.svg");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .env(ai_adoption_explorer::figure::NO_SYSTEM_FONTS_VAR, "1")
        .args(["export", "--plot", "who-uses-what", "--out"])
        .arg(&out)
        .arg(&data)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(0),
        "a warning, not a failure: {err}"
    );
    assert!(
        err.contains("warning: These names will show boxes: 네이버"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("네이버"));
}
