//! The import dialog on the new kinds, driven by egui_kittest through accessible labels: a
//! leaderboard-style history in wide form becomes one series per column, with 0.0 declared
//! absent, applied as one undo step.

use std::path::{Path, PathBuf};

use ai_adoption_explorer::app::{Action, AppState, DialogOutcome, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::{ModelId, OrgId, Subject};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The app on the import tests' small dataset, its file dialog answering `path`.
fn harness(path: &Path) -> Harness<'static, ExplorerApp> {
    let picked = || DialogOutcome::Picked(path.to_path_buf());
    let mut state = AppState::new(
        Box::new(ScriptedDialogs::new([picked(), picked()])),
        Settings::default(),
    );
    state.apply(Action::Open(fixture("kinds_base.ron")));
    assert_eq!(state.doc.dataset.series.len(), 1, "the test dataset opened");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = false;
            app
        });
    h.run();
    h
}

fn has_text(h: &Harness<'_, ExplorerApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn click(h: &mut Harness<'_, ExplorerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_wide_history_becomes_one_series_per_column_as_one_undo_step() {
    let mut h = harness(&fixture("kinds_leaderboard_wide.csv"));
    let before = h.state().state.doc.dataset.clone();
    let steps_before = h.state().state.history.undo_len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(h.state().view.import.is_some(), "the dialog opened");
    click(&mut h, "Next");
    assert!(has_text(&h, "Each row becomes one of:"));
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Each row becomes one of:")
        .click();
    h.run();
    click(&mut h, "series");
    assert!(!has_text(&h, "not supported"), "series can be imported");
    click(&mut h, "Wide form: one column per subject");
    let becomes = |h: &Harness<'_, ExplorerApp>, column: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, column)
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    assert_eq!(
        becomes(&h, "Acme Labs"),
        "a series, named by its header",
        "the subjects' columns say what they become"
    );
    assert_eq!(becomes(&h, "Date"), "date");
    h.get_by_label("Measure of every row:").focus();
    h.run();
    h.get_by_label("Measure of every row:")
        .type_text("Monthly downloads");
    h.run();
    click(&mut h, "Add an absent value");
    assert!(has_text(&h, "Absent value 1"));
    {
        let d = h.state().view.import.as_ref().expect("the dialog");
        assert!(d.mapping.wide);
        assert_eq!(d.mapping.absent, ["0.0"]);
        assert_eq!(d.mapping.metric, "Monthly downloads");
    }
    click(&mut h, "Next");
    click(&mut h, "Next");
    assert!(has_text(&h, "series:"), "the summary per kind");
    let apply = h
        .query_all_by_label_contains("Apply: import")
        .next()
        .expect("an Apply button naming the rows")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert_eq!(apply, "Apply: import 4 rows");
    click(&mut h, &apply);

    let app = h.state();
    assert!(app.view.import.is_none(), "the dialog closed");
    let after = app.state.doc.dataset.clone();
    let of = |s: Subject| after.series.iter().find(|x| x.subject == s);
    let instruct = of(Subject::Model(ModelId::new("zephyr-7b-instruct"))).expect("a new series");
    assert_eq!(instruct.points.len(), 2);
    let acme = of(Subject::Organization(OrgId::new("acme-labs"))).expect("a new series");
    assert_eq!(acme.points.len(), 1, "the 0.0 and 0 cells are absent");
    assert_eq!(app.state.history.undo_len(), steps_before + 1, "one step");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().state.doc.dataset, *before, "undo restores it");
}
