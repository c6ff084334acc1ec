//! The import dialog's "Family from the name" (models), driven by egui_kittest through
//! accessible labels: with it ticked, a model whose name begins with its developer's family
//! joins that family; one whose name only looks alike, or by another developer, does not.

use std::path::{Path, PathBuf};

use ai_adoption_explorer::app::{Action, AppState, DialogOutcome, ScriptedDialogs, Settings};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn click(h: &mut Harness<'_, ExplorerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn family_from_the_name_joins_only_the_developers_own_family() {
    let picked = || DialogOutcome::Picked(fixture("family_models.csv"));
    let mut state = AppState::new(
        Box::new(ScriptedDialogs::new([picked(), picked()])),
        Settings::default(),
    );
    state.apply(Action::Open(fixture("kinds_base.ron")));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = false;
            app
        });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert!(h.state().view.import.is_some(), "the dialog opened");
    click(&mut h, "Next");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Each row becomes one of:")
        .click();
    h.run();
    click(&mut h, "models");
    click(&mut h, "Family from the name");
    assert!(
        h.state()
            .view
            .import
            .as_ref()
            .is_some_and(|d| d.mapping.family_from_name),
        "the option is on"
    );
    click(&mut h, "Next");
    click(&mut h, "Next");
    let apply = h
        .query_all_by_label_contains("Apply: import")
        .next()
        .expect("an Apply button naming the rows")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    click(&mut h, &apply);
    let ds = &h.state().state.doc.dataset;
    let family = |name: &str| {
        ds.models
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("{name} imported"))
            .family
            .as_ref()
            .map(|f| f.to_string())
    };
    assert_eq!(family("Zephyr-13B").as_deref(), Some("zephyr"));
    assert_eq!(family("Zephyrlike-3B"), None);
    assert_eq!(family("Zephyr-13B-Tuned"), None);
}
