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

/// Steps frames (at most 1 000, 10 ms apart) until `text` shows, while a thread works.
fn step_until(h: &mut Harness<'_, ExplorerApp>, text: &str) {
    let mut frames = 0;
    while !has_text(h, text) && frames < 1000 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
        frames += 1;
    }
    assert!(has_text(h, text), "\"{text}\" after {frames} frames");
}

/// A models CSV of `rows` rows in Epoch's columns (large enough to be matched on a thread).
fn large_csv(dir: &Path, rows: usize) -> PathBuf {
    let mut csv = String::from("Model,Organization,Publication date\n");
    for i in 0..rows {
        csv.push_str(&format!("Made Up Model {i},Made Up Lab,2024-01-01\n"));
    }
    let path = dir.join("large.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn a_large_file_is_matched_on_a_thread_and_the_rows_step_shows_when_done() {
    use ai_adoption_explorer::ui::import::MATCH_ON_THREAD_ROWS;
    let dir = tempfile::tempdir().unwrap();
    let rows = MATCH_ON_THREAD_ROWS + 500;
    let mut h = harness(&large_csv(dir.path(), rows));
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    click(&mut h, "Next");
    // The spinner keeps frames coming while the rows are matched: step them, a bounded number.
    h.get_by_label("Next").click();
    h.step();
    let done = format!("{rows} rows:");
    step_until(&mut h, &done);
    let dialog = h.state().view.import.as_ref().unwrap();
    assert_eq!(dialog.built.as_ref().unwrap().import.matches.len(), rows);

    // The summary is built on a thread too, below the source fields.
    h.get_by_label("Next").click();
    h.step();
    let apply = format!("Apply: import {rows} rows");
    step_until(&mut h, &apply);
    assert!(has_text(&h, "Title"), "the source fields stay");
}

#[test]
fn a_large_file_s_cells_are_checked_on_a_thread_to_its_last_row() {
    use ai_adoption_explorer::ui::import::MATCH_ON_THREAD_ROWS;
    let dir = tempfile::tempdir().unwrap();
    let rows = MATCH_ON_THREAD_ROWS + 500;
    let path = large_csv(dir.path(), rows);
    // The last row's date cannot be read: far past the preview.
    let mut csv = std::fs::read_to_string(&path).unwrap();
    csv.push_str("Made Up Model Last,Made Up Lab,not a date\n");
    std::fs::write(&path, csv).unwrap();
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    h.get_by_label("Next").click();
    h.step();
    // The header is row 1: the appended row is row rows + 2.
    step_until(&mut h, &format!("Row {}, column 3", rows + 2));
    assert!(
        has_text(&h, "1 cell does not parse."),
        "found in the whole file"
    );
    // A mapping change checks again; the result comes the same way.
    let dialog = h.state_mut().view.import.as_mut().unwrap();
    dialog.mapping_changed();
    assert!(dialog.problems.is_none() && dialog.checking.is_none());
    h.step();
    step_until(&mut h, &format!("Row {}, column 3", rows + 2));
}

#[test]
fn cancelling_the_matching_of_a_large_file_applies_nothing() {
    use ai_adoption_explorer::ui::import::{MATCH_ON_THREAD_ROWS, Step};
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&large_csv(dir.path(), MATCH_ON_THREAD_ROWS * 10));
    let before = h.state().state.doc.dataset.clone();
    let steps = h.state().state.history.undo_len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    click(&mut h, "Next");
    let (ds, revision) = {
        let s = &h.state().state;
        (s.doc.dataset.clone(), s.doc.revision)
    };
    let dialog = h.state_mut().view.import.as_mut().unwrap();
    dialog.go_to(Step::Rows, &ds, revision);
    assert!(
        dialog.matching.is_some(),
        "a large file is matched on a thread"
    );
    dialog.cancel_jobs();
    assert!(dialog.matching.is_none() && dialog.built.is_none());
    h.run();
    assert!(has_text(
        &h,
        "Matching was cancelled; nothing was imported."
    ));
    assert!(
        has_text(&h, "Each row becomes one of:"),
        "back on the columns"
    );
    assert_eq!(*h.state().state.doc.dataset, *before);
    assert_eq!(h.state().state.history.undo_len(), steps);
}

#[test]
fn a_mapping_saved_as_a_preset_is_listed_and_reads_as_a_mapping_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&fixture(EPOCH));
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    h.state_mut()
        .view
        .import
        .as_mut()
        .unwrap()
        .set_presets_dir(Some(dir.path().to_path_buf()));
    click(&mut h, "Next");
    let text_input = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(text_input, "Save mapping as preset…")
        .focus();
    h.run();
    h.get_by_role_and_label(text_input, "Save mapping as preset…")
        .type_text("My models");
    h.run();
    click(&mut h, "Save preset");
    assert!(has_text(
        &h,
        "Saved the mapping as the preset \"My models\"."
    ));
    let dialog = h.state().view.import.as_ref().unwrap();
    assert_eq!(
        dialog.saved_presets.len(),
        1,
        "listed beside the built-in ones"
    );
    let saved = &dialog.saved_presets[0];
    let text = std::fs::read_to_string(&saved.path).unwrap();
    let back = ai_adoption_explorer::import::Mapping::from_ron(&text).unwrap();
    assert_eq!(
        back.columns, dialog.mapping.columns,
        "the file is the mapping"
    );
    assert_eq!(back.name, "My models");
}
