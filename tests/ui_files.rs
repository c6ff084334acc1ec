//! The window, driven by egui_kittest through accessible labels: opening, saving, broken files,
//! no file dialog, dropped files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ai_adoption_explorer::app::{
    AppState, DialogOutcome, Modal, Origin, ScriptedDialogs, Settings,
};
use ai_adoption_explorer::io::{load_path, to_ron_string};
use ai_adoption_explorer::model::{
    Citation, Dataset, OrgId, OrgKind, Organization, Source, SourceId, SourceKind,
};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(dialogs: Vec<DialogOutcome>) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::new(dialogs)), Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |cc| ExplorerApp::with_state(cc, state));
    h.run();
    h
}

/// A small valid dataset with one organization named `name`.
fn small_dataset(name: &str) -> Dataset {
    Dataset {
        sources: vec![Source {
            id: SourceId::new("s1"),
            title: "A report".into(),
            publisher: String::new(),
            author: String::new(),
            date: None,
            locator: "example.org/report".into(),
            kind: SourceKind::Press,
            via: None,
            notes: String::new(),
        }],
        organizations: vec![Organization {
            id: OrgId::new("acme"),
            name: name.into(),
            native_name: String::new(),
            country: "Utopia".into(),
            kind: OrgKind::Company,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: vec![Citation::new("s1")],
        }],
        ..Dataset::default()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn click_menu(h: &mut Harness<'_, ExplorerApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    // Menu items carry their shortcut in the accessible label ("Open... Ctrl+O").
    h.query_all_by_label_contains(item)
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(item))
        })
        .expect("the menu item")
        .click();
    h.run();
}

#[test]
fn window_opens_on_the_builtin_dataset_with_its_records() {
    let mut h = harness(vec![]);
    assert_eq!(h.state().state.doc.origin, Origin::Builtin);
    assert_eq!(
        h.state().state.window_title(),
        "AI Adoption Explorer - Built-in dataset"
    );
    let orgs = h.state().state.doc.dataset.organizations.len();
    assert!(orgs > 0, "the built-in dataset has organizations");
    let first = h.state().state.doc.dataset.organizations[0].name.clone();
    h.get_by_label(&format!("Organizations ({orgs})")).click();
    h.run();
    assert!(
        h.query_all_by_label_contains(&first).next().is_some(),
        "the first organization `{first}` is listed"
    );
}

#[test]
fn file_open_dialog_replaces_the_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "mine.ron",
        &to_ron_string(&small_dataset("Acme Widgets")).unwrap(),
    );
    let mut h = harness(vec![DialogOutcome::Picked(p.clone())]);
    click_menu(&mut h, "File", "Open...");
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::File(p.clone()));
    assert_eq!(s.doc.dataset.organizations[0].name, "Acme Widgets");
    assert_eq!(s.window_title(), "AI Adoption Explorer - mine.ron");
    assert!(
        s.settings.recent.iter().any(|r| r.ends_with("mine.ron")),
        "remembered in Open Recent"
    );
    h.get_by_label("Organizations (1)").click();
    h.run();
    assert!(h.query_by_label_contains("Acme Widgets").is_some());
}

#[test]
fn a_broken_file_never_replaces_the_open_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "broken.ron",
        "Dataset(\n    format_version: 1,\n    organizations: [Organization(id: \"x\" name: \"X\")],\n)",
    );
    let mut h = harness(vec![DialogOutcome::Picked(p.clone())]);
    let before = h.state().state.doc.dataset.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::Builtin);
    assert!(Arc::ptr_eq(&before, &s.doc.dataset), "dataset untouched");
    let Some(Modal::Error { message, .. }) = &s.modal else {
        panic!("an error is shown, got {:?}", s.modal)
    };
    assert!(
        message.contains(&format!("{}:3:", p.display())),
        "names file and line: {message}"
    );
    assert!(message.contains("unchanged"), "{message}");
    // The message is on screen, and OK dismisses it.
    assert!(h.query_by_label_contains("broken.ron:3:").is_some());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().state.modal.is_none());
}

#[test]
fn a_file_with_invalid_data_opens_with_its_problems_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut ds = small_dataset("Acme");
    ds.organizations.push(ds.organizations[0].clone()); // duplicate id
    let p = write(dir.path(), "dupe.ron", &to_ron_string(&ds).unwrap());
    let mut h = harness(vec![DialogOutcome::Picked(p.clone())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::File(p));
    assert_eq!(s.doc.problems.len(), 1);
    assert!(
        h.query_by_label_contains("duplicate id").is_none(),
        "problems panel closed at first"
    );
    // The status bar counts the problem; clicking the count opens the problems panel.
    h.get_by_label("1 problem").click();
    h.run();
    let problem = h.get_by_label_contains("duplicate id");
    problem.click();
    h.run();
    assert_eq!(
        h.state().state.selection.current(),
        Some(&ai_adoption_explorer::model::RecordRef::Organization(
            OrgId::new("acme")
        )),
        "clicking a problem selects its record"
    );
}

#[test]
fn a_file_with_only_warnings_lists_them_as_warnings_and_saves_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut ds = small_dataset("Acme");
    // Founded more than a year after any day this test runs on: a warning, not an error.
    ds.organizations[0].founded = Some(ai_adoption_explorer::model::PartialDate::year(9999));
    let p = write(dir.path(), "ahead.ron", &to_ron_string(&ds).unwrap());
    let mut h = harness(vec![DialogOutcome::Picked(p.clone())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::File(p.clone()));
    assert_eq!(s.doc.problems.len(), 1);
    assert!(s.doc.problems[0].is_warning());
    // The status bar counts no problem and the warning apart; the panel labels it.
    h.get_by_label("No problems, 1 warning").click();
    h.run();
    assert!(h.query_by_label("Problems (0)").is_some());
    assert!(h.query_by_label("Warnings (1)").is_some());
    assert!(
        h.query_by_label_contains("warning: Acme, founded: 9999 is more than a year")
            .is_some()
    );
    // Saving does not stop at a warning.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().state.modal.is_none(),
        "no save-with-problems question"
    );
    assert!(
        h.state().state.status.starts_with("Saved "),
        "{}",
        h.state().state.status
    );
}

#[test]
fn without_a_file_dialog_the_user_can_type_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "typed.ron",
        &to_ron_string(&small_dataset("Typed Inc")).unwrap(),
    );
    let mut h = harness(vec![DialogOutcome::Unavailable]);
    click_menu(&mut h, "File", "Open...");
    assert!(matches!(
        h.state().state.modal,
        Some(Modal::PathPrompt { .. })
    ));
    assert!(
        h.query_by_label_contains("zenity").is_some(),
        "says which package to install"
    );
    let field = h.get_by_label("Path:");
    field.focus();
    field.type_text(&p.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().state.doc.origin, Origin::File(p));
    assert_eq!(
        h.state().state.doc.dataset.organizations[0].name,
        "Typed Inc"
    );
}

#[test]
fn save_on_the_builtin_dataset_means_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("copy.ron");
    let mut h = harness(vec![DialogOutcome::Picked(out.clone())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::File(out.clone()));
    let saved = load_path(&out).unwrap();
    assert_eq!(&saved.dataset, s.doc.dataset.as_ref());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        ai_adoption_explorer::app::BUILTIN_RON,
        "the built-in data.ron is in canonical form, so saving it unchanged gives the same bytes"
    );
}

#[test]
fn save_asks_before_overwriting_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "shared.ron",
        &to_ron_string(&small_dataset("Mine")).unwrap(),
    );
    let mut h = harness(vec![DialogOutcome::Picked(p.clone())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Someone else changes the file meanwhile.
    let theirs = to_ron_string(&small_dataset("Theirs, a longer name")).unwrap();
    std::fs::write(&p, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().state.modal,
        Some(Modal::ConfirmOverwrite { .. })
    ));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        theirs,
        "cancel keeps their file"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    assert_eq!(load_path(&p).unwrap().dataset.organizations[0].name, "Mine");
    let bak = dir.path().join("shared.ron.bak");
    assert_eq!(
        std::fs::read_to_string(bak).unwrap(),
        theirs,
        "their version is kept as .bak"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "dropped.ron",
        &to_ron_string(&small_dataset("Dropped Co")).unwrap(),
    );
    let mut h = harness(vec![]);
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(p.clone())));
    h.run();
    assert_eq!(h.state().state.doc.origin, Origin::File(p));
}

#[test]
fn file_new_starts_an_empty_dataset() {
    let mut h = harness(vec![]);
    click_menu(&mut h, "File", "New");
    let s = &h.state().state;
    assert_eq!(s.doc.origin, Origin::Untitled);
    assert_eq!(s.doc.dataset.organizations.len(), 0);
    assert_eq!(s.window_title(), "AI Adoption Explorer - Untitled");
}

#[test]
fn startup_reopens_the_last_file_else_the_builtin_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "last.ron",
        &to_ron_string(&small_dataset("Last Ltd")).unwrap(),
    );
    let settings = Settings {
        recent: vec![p.clone()],
        last_file: Some(p.clone()),
    };
    let s = AppState::startup(Box::new(ScriptedDialogs::default()), settings, None);
    assert_eq!(s.doc.dataset.organizations[0].name, "Last Ltd");

    let gone = Settings {
        recent: vec![],
        last_file: Some(dir.path().join("gone.ron")),
    };
    let s = AppState::startup(Box::new(ScriptedDialogs::default()), gone, None);
    assert_eq!(s.doc.origin, Origin::Builtin);

    // A path on the command line wins over the last file.
    let other = write(
        dir.path(),
        "cli.ron",
        &to_ron_string(&small_dataset("Cli Corp")).unwrap(),
    );
    let settings = Settings {
        recent: vec![],
        last_file: Some(p),
    };
    let s = AppState::startup(Box::new(ScriptedDialogs::default()), settings, Some(other));
    assert_eq!(s.doc.dataset.organizations[0].name, "Cli Corp");
}

#[test]
fn enter_in_the_typed_path_field_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "enter.ron",
        &to_ron_string(&small_dataset("Enter Ltd")).unwrap(),
    );
    let mut h = harness(vec![DialogOutcome::Unavailable]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // The field has the keyboard at once: type and press Enter.
    h.get_by_label("Path:").type_text(&p.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().state.doc.origin, Origin::File(p));
}
