//! The import dialog (File > Import data…), driven by egui_kittest through accessible labels:
//! the recognised preset, the four steps, Apply as one undo step, Cancel and Esc applying nothing.

mod common;

use std::path::{Path, PathBuf};

use ai_adoption_explorer::app::{Action, AppState, DialogOutcome, ScriptedDialogs, Settings};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

const EPOCH: &str = "epoch_large_scale_ai_models_2026-02_first80.csv";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The app on the hand-made records (a copy of data/base.ron: the built-in dataset already
/// holds Epoch AI's table), its file dialog answering `path` twice.
fn harness(path: &Path) -> Harness<'static, ExplorerApp> {
    let picked = || DialogOutcome::Picked(path.to_path_buf());
    let mut state = AppState::new(
        Box::new(ScriptedDialogs::new([picked(), picked()])),
        Settings::default(),
    );
    let base = tempfile::tempdir().unwrap().keep().join("base.ron");
    std::fs::write(&base, include_str!("../data/base.ron")).unwrap();
    state.apply(Action::Open(base));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // As the app does: the Epoch table names a model with an emoji no bundled font has.
        .allow_missing_glyphs()
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
fn importing_the_epoch_table_adds_records_as_one_undo_step() {
    let mut h = harness(&fixture(EPOCH));
    let before = h.state().state.doc.dataset.clone();
    let steps_before = h.state().state.history.undo_len();

    click(&mut h, "File");
    // The menu item's label carries its shortcut ("Import data… Ctrl+I").
    h.query_all_by_label_contains("Import data…")
        .next()
        .expect("File > Import data…")
        .click();
    h.run();
    assert!(h.state().view.import.is_some(), "the dialog opened");
    assert!(
        has_text(&h, "Recognised as Epoch AI's model tables"),
        "the preset is named"
    );
    assert!(has_text(&h, "delimited text"));
    assert!(has_text(&h, "80 rows"), "the whole file was read");

    click(&mut h, "Next");
    assert!(has_text(&h, "Each row becomes one of:"));
    assert!(has_text(&h, "Publication date"), "the columns are listed");

    click(&mut h, "Next");
    assert!(has_text(&h, "80 rows:"), "every row has a decision");
    click(&mut h, "Accept all exact matches");
    click(&mut h, "All unmatched as new");

    click(&mut h, "Next");
    assert!(has_text(&h, "models:"), "the summary per kind");
    assert!(has_text(&h, "new,"), "the summary counts new records");
    let apply = h
        .query_all_by_label_contains("Apply: import")
        .next()
        .expect("an Apply button naming the rows")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let rows: usize = apply
        .trim_start_matches("Apply: import ")
        .trim_end_matches(" rows")
        .parse()
        .expect("the number of rows");
    assert!(rows > 0 && rows <= 80, "{apply}");
    click(&mut h, &apply);

    let app = h.state();
    assert!(app.view.import.is_none(), "the dialog closed");
    let after = app.state.doc.dataset.clone();
    assert!(
        after.models.len() > before.models.len(),
        "models were added"
    );
    assert!(
        after.sources.len() == before.sources.len() + 1,
        "one source for the file"
    );
    assert_eq!(app.state.history.undo_len(), steps_before + 1, "one step");
    assert_eq!(
        app.state.history.undo_menu_text(),
        format!("Undo import of {rows} rows from {EPOCH}")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        *h.state().state.doc.dataset,
        *before,
        "undo restores the dataset"
    );
}

#[test]
fn cancel_and_escape_apply_nothing() {
    let path = fixture(EPOCH);
    let mut h = harness(&path);
    let before = h.state().state.doc.dataset.clone();
    let steps = h.state().state.history.undo_len();

    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(h.state().view.import.is_some(), "Ctrl+I opens the dialog");
    click(&mut h, "Next");
    click(&mut h, "Next");
    click(&mut h, "Next");
    click(&mut h, "Cancel");
    assert!(h.state().view.import.is_none());

    // Esc closes it too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(h.state().view.import.is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().view.import.is_none(), "Esc closes the dialog");
    assert_eq!(*h.state().state.doc.dataset, *before);
    assert_eq!(h.state().state.history.undo_len(), steps);
}

#[test]
fn a_row_matched_by_its_folded_name_shows_the_record_and_a_cell_that_does_not_parse_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let ds = harness(&dir.path().join("none.csv"))
        .state()
        .state
        .doc
        .dataset
        .clone();
    let known = ds.models.first().expect("a built-in model").name.clone();
    let developer = ds
        .organizations
        .first()
        .expect("an organization")
        .name
        .clone();
    let folded = known.to_uppercase();
    let csv = format!(
        "Model,Developer,Release date\n\"{folded}\",\"{developer}\",\n\"Brand New Model 9000\",\"{developer}\",not a date\n"
    );
    let path = dir.path().join("mine.csv");
    std::fs::write(&path, csv).unwrap();
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(has_text(&h, "No known table"));
    click(&mut h, "Next");
    assert!(
        has_text(&h, "Row 3, column 3 \"Release date\""),
        "the cell that does not parse, by row and column"
    );
    click(&mut h, "Next");
    assert!(
        has_text(&h, &format!("same name as {known}")),
        "the row matches the record by its folded name"
    );
    let dialog = h.state().view.import.as_ref().expect("the dialog");
    let built = dialog.built.as_ref().expect("the rows matched");
    assert!(matches!(
        built.import.matches[0].decision,
        ai_adoption_explorer::import::Decision::Match(_)
    ));
    assert_eq!(
        built.import.matches[1].decision,
        ai_adoption_explorer::import::Decision::Skip,
        "a row with a cell that does not parse waits for the user"
    );
}

#[test]
fn without_a_file_dialog_the_path_is_typed() {
    let mut state = AppState::new(
        Box::new(ScriptedDialogs::new([DialogOutcome::Unavailable])),
        Settings::default(),
    );
    state.apply(Action::OpenBuiltin);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 640.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| ExplorerApp::with_state(cc, state));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(has_text(&h, "No file dialog could be shown"));
    let path = fixture("epoch_organizations_2025-05.csv");
    let text_input = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(text_input, "File:").focus();
    h.run();
    h.get_by_role_and_label(text_input, "File:")
        .type_text(&path.display().to_string());
    h.run();
    click(&mut h, "Read");
    assert!(
        has_text(&h, "Recognised as Epoch AI's organizations table"),
        "the typed file is read"
    );
}
