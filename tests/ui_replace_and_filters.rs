//! Small things users noticed: a search kept from the last session is said next to the count
//! (never a silent "0 of 28"); an export with no Save dialog asks before replacing a file in
//! the home folder; an export never leaves a `.bak` of the file it replaced.

use ai_adoption_explorer::app::explorer::ListTab;
use ai_adoption_explorer::app::{AppState, DialogOutcome, ScriptedDialogs, Settings};
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(answers: Vec<DialogOutcome>, search: &str) -> Harness<'static, ExplorerApp> {
    let mut state = AppState::new(Box::new(ScriptedDialogs::new(answers)), Settings::default());
    // As the app starts: the query comes back from the last session's preferences.
    state.tab = ListTab::Models;
    state.query.search = search.to_owned();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = true;
            app.view.prefs.plot = PlotChoice::Plot(PlotKind::ReleaseTimeline);
            app
        });
    h.run();
    h
}

#[test]
fn a_search_kept_from_the_last_session_is_said_and_cleared_in_one_click() {
    let mut h = harness(vec![], "no model is called this");
    let total = h.state().state.doc.dataset.models.len();
    assert!(h.query_by_label(&format!("0 of {total}")).is_some());
    assert!(
        h.query_by_label("filtered: search: \"no model is called this\"")
            .is_some(),
        "the search in force is said next to the count"
    );
    assert!(
        h.query_by_label_contains("Nothing matches the search")
            .is_some()
    );
    h.get_by_label("clear").click();
    h.run();
    assert_eq!(h.state().state.query.search, "");
    assert!(h.query_by_label(&format!("{total} of {total}")).is_some());
    assert!(h.query_by_label_contains("filtered:").is_none());
}

/// HOME is the whole process's: only this test changes it, and it sets it back.
#[test]
fn an_export_without_a_dialog_asks_before_replacing_a_file_in_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    let old_home = std::env::var_os("HOME");
    // SAFETY: no other test of this binary reads HOME (the one below picks its paths).
    unsafe { std::env::set_var("HOME", home.path()) };
    let csv = home.path().join("release-timeline.csv");
    std::fs::write(&csv, "mine").unwrap();
    let mut h = harness(
        vec![DialogOutcome::Unavailable, DialogOutcome::Unavailable],
        "",
    );
    h.get_by_label("Export data…").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "mine",
        "not replaced yet"
    );
    assert!(h.query_by_label("Replace the file?").is_some(), "it asks");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "mine",
        "cancel keeps it"
    );
    assert!(h.query_by_label("Replace the file?").is_none());
    h.get_by_label("Export data…").click();
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.lines().count() > 1,
        "replaced once the user said so: {text}"
    );
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["release-timeline.csv"], "no .bak, no leftovers");
    match old_home {
        Some(h) => unsafe { std::env::set_var("HOME", h) },
        None => unsafe { std::env::remove_var("HOME") },
    }
}

#[test]
fn exporting_an_image_twice_to_one_file_leaves_no_bak() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("figure.png");
    let mut h = harness(
        vec![
            DialogOutcome::Picked(png.clone()),
            DialogOutcome::Picked(png.clone()),
        ],
        "",
    );
    for _ in 0..2 {
        h.get_by_label("Export image…").click();
        h.run();
        assert!(
            h.state().state.status.starts_with("Exported"),
            "{}",
            h.state().state.status
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["figure.png"],
        "the replaced image is not kept as .bak"
    );
}
