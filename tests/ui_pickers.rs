//! Defaults that cannot mislead, in the window (egui_kittest, by accessible labels): a new figure
//! asks for its source and a new adoption for its model, and both are listed as problems until
//! chosen (saving stays allowed after the warning); an organization's country and sector are
//! picked among those already in the dataset, and a value added on purpose is trimmed and matched
//! to an existing one that differs only by case or spacing.

use ai_adoption_explorer::app::{
    Action, AppState, DialogOutcome, Modal, ScriptedDialogs, Settings,
};
use ai_adoption_explorer::model::{
    AdoptionTarget, Citation, OrgId, RecordRef, SourceName, source_name,
};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

const SOURCE_PROMPT: &str = "Choose the source this figure comes from";
const MODEL_PROMPT: &str = "Choose the model or family this organization uses";

/// The window on the built-in data, plots hidden; a save is answered with `save_to`.
fn harness(save_to: Option<std::path::PathBuf>) -> Harness<'static, ExplorerApp> {
    let dialogs = match save_to {
        Some(p) => ScriptedDialogs::new([DialogOutcome::Picked(p)]),
        None => ScriptedDialogs::default(),
    };
    let state = AppState::new(Box::new(dialogs), Settings::default());
    common::window::window(state, egui::vec2(1400.0, 1000.0), |_| {})
}

fn pinterest() -> RecordRef {
    RecordRef::Organization(OrgId::new("pinterest"))
}

fn select(h: &mut Harness<'_, ExplorerApp>, r: RecordRef) {
    h.state_mut().state.apply(Action::Select(r));
    h.run();
}

/// Opens the problems panel through the View menu.
fn show_problems(h: &mut Harness<'_, ExplorerApp>) {
    h.get_by_label("View").click();
    h.run();
    h.query_all_by_label_contains("Problems panel")
        .find(|n| label_of(n).is_some_and(|l| l.starts_with("Problems panel")))
        .expect("the menu item")
        .click();
    h.run();
    assert!(h.state().view.prefs.show_problems);
}

/// Whether the problems panel lists a problem reading `message`.
fn panel_lists(h: &Harness<'_, ExplorerApp>, message: &str) -> bool {
    h.query_all_by_role(Role::Link)
        .any(|n| label_of(&n).is_some_and(|l| l.ends_with(message)))
}

/// What the picker labelled `label` shows as chosen.
fn picker_value(h: &Harness<'_, ExplorerApp>, label: &str) -> Option<String> {
    use egui_kittest::kittest::NodeT as _;
    let picker = h.get_by_role_and_label(Role::ComboBox, label);
    picker.accesskit_node().value()
}

/// A node's accessible label.
fn label_of(n: &egui_kittest::Node<'_>) -> Option<String> {
    use egui_kittest::kittest::NodeT as _;
    n.accesskit_node().label()
}

/// Opens a form's picker labelled `label`, narrows it with `find` and picks `option`.
fn pick(h: &mut Harness<'_, ExplorerApp>, label: &str, find: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find:")
        .type_text(find);
    h.run();
    h.get_by_label(option).click();
    h.run();
}

#[test]
fn a_new_figure_asks_for_its_source_and_is_a_problem_until_it_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("unsourced.ron");
    let mut h = harness(Some(out.clone()));
    show_problems(&mut h);
    assert!(!panel_lists(&h, "no source chosen yet"));
    select(&mut h, pinterest());
    // The button may be below the fold of the details panel: scroll it into view first.
    h.get_by_label("+ Add a figure").scroll_to_me();
    h.run();
    h.get_by_label("+ Add a figure").click();
    h.run();
    assert!(
        h.state().view.detail.editing,
        "the new figure opens in its form"
    );
    let claim = h.state().state.doc.dataset.claims.last().unwrap().clone();
    assert_eq!(claim.source, None);
    assert!(
        h.query_by_label(SOURCE_PROMPT).is_some(),
        "the form asks for the source beside its picker"
    );
    assert_eq!(
        picker_value(&h, "Source").as_deref(),
        Some("Choose..."),
        "the empty picker says what to do"
    );
    assert!(
        panel_lists(&h, "no source chosen yet"),
        "listed in the problems panel"
    );
    // Saving with the problem is allowed after the warning, as for any problem.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().state.modal,
        Some(Modal::SaveWithProblems { .. })
    ));
    h.get_by_label("Save anyway").click();
    h.run();
    assert!(out.exists(), "saved after the warning");
    let saved = ai_adoption_explorer::io::load_path(&out).unwrap();
    assert_eq!(
        saved.dataset.claims.last().unwrap().source,
        None,
        "nothing invented"
    );
    // Pick a source (one whose title no other source has): the problem goes.
    let ds = h.state().state.doc.dataset.clone();
    let titles: Vec<String> = ds
        .sources
        .iter()
        .map(|s| source_name(&ds, s, SourceName::Title))
        .collect();
    let p = (0..titles.len())
        .find(|&p| !titles[p].is_empty() && titles.iter().filter(|t| **t == titles[p]).count() == 1)
        .expect("a source with a title of its own");
    // Pickers name sources by their names alone (no "[n]" numbers).
    pick(&mut h, "Source", &titles[p], &titles[p]);
    let ds = h.state().state.doc.dataset.clone();
    let now = ds.claims.iter().find(|c| c.id == claim.id).unwrap();
    assert_eq!(now.source, Some(Citation::new(ds.sources[p].id.clone())));
    assert!(
        !h.state()
            .state
            .doc
            .problems
            .iter()
            .any(|x| x.id == claim.id.as_str() && x.field == "source")
    );
    assert!(h.query_by_label(SOURCE_PROMPT).is_none(), "no longer asked");
    assert!(!panel_lists(&h, "no source chosen yet"));
}

#[test]
fn a_new_adoption_asks_for_its_model_and_is_a_problem_until_it_has_one() {
    let mut h = harness(None);
    show_problems(&mut h);
    select(&mut h, pinterest());
    h.get_by_label("+ Add an adoption").click();
    h.run();
    let adoption = h
        .state()
        .state
        .doc
        .dataset
        .adoptions
        .last()
        .unwrap()
        .clone();
    assert_eq!(adoption.target, None);
    assert!(h.query_by_label(MODEL_PROMPT).is_some());
    assert_eq!(
        picker_value(&h, "Uses (model or family)").as_deref(),
        Some("Choose...")
    );
    assert!(panel_lists(&h, "no model or family chosen yet"));
    let model = h.state().state.doc.dataset.models[0].clone();
    pick(&mut h, "Uses (model or family)", &model.name, &model.name);
    let ds = h.state().state.doc.dataset.clone();
    let now = ds.adoptions.iter().find(|a| a.id == adoption.id).unwrap();
    assert_eq!(now.target, Some(AdoptionTarget::Model(model.id.clone())));
    assert!(h.query_by_label(MODEL_PROMPT).is_none());
    assert_eq!(
        picker_value(&h, "Uses (model or family)").as_deref(),
        Some(model.name.as_str())
    );
    assert!(!panel_lists(&h, "no model or family chosen yet"));
}

/// Pinterest's country, as stored.
fn country(h: &Harness<'_, ExplorerApp>) -> String {
    let ds = &h.state().state.doc.dataset;
    let o = ds
        .organizations
        .iter()
        .find(|o| o.id.as_str() == "pinterest");
    o.unwrap().country.clone()
}

/// The distinct countries of the organizations, sorted, with how many have each.
fn countries(h: &Harness<'_, ExplorerApp>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for o in &h.state().state.doc.dataset.organizations {
        if o.country.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(c, _)| *c == o.country) {
            Some((_, n)) => *n += 1,
            None => out.push((o.country.clone(), 1)),
        }
    }
    out.sort_by_key(|(c, _)| c.to_lowercase());
    out
}

/// Opens Pinterest's form and the country picker's "Add a new country..." box, types `text` in
/// it and presses Enter.
fn add_country(h: &mut Harness<'_, ExplorerApp>, text: &str) {
    h.get_by_role_and_label(Role::ComboBox, "Country").click();
    h.run();
    h.get_by_label("Add a new country...").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "New country:");
    assert!(field.is_focused(), "the box has the keyboard at once");
    field.type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("New country:").is_none(),
        "the box closes once left"
    );
}

#[test]
fn the_country_is_picked_among_the_datasets_countries_and_undo_restores_it() {
    let mut h = harness(None);
    select(&mut h, pinterest());
    h.get_by_label("Edit record").click();
    h.run();
    let original = country(&h);
    assert_eq!(original, "United States");
    let listed = countries(&h);
    assert!(listed.len() >= 3, "{listed:?}");
    h.get_by_role_and_label(Role::ComboBox, "Country").click();
    h.run();
    // Every country of the dataset, in order, with its count; then the way to add one.
    let shown: Vec<String> = h
        .query_all_by_role(Role::Button)
        .chain(h.query_all_by_role(Role::ListBoxOption))
        .filter_map(|n| label_of(&n))
        .filter(|l| listed.iter().any(|(c, n)| *l == format!("{c} ({n})")))
        .collect();
    let expected: Vec<String> = listed.iter().map(|(c, n)| format!("{c} ({n})")).collect();
    assert_eq!(shown, expected, "each country once, sorted");
    assert!(h.query_by_label("Add a new country...").is_some());
    let other = listed.iter().find(|(c, _)| *c != original).unwrap().clone();
    h.get_by_label(&format!("{} ({})", other.0, other.1))
        .click();
    h.run();
    assert_eq!(country(&h), other.0);
    assert_eq!(countries(&h).len(), listed.len(), "no country added");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(country(&h), original, "one undo restores the country");
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn a_country_typed_with_other_case_and_spaces_is_the_existing_one_and_a_new_one_is_added() {
    let mut h = harness(None);
    select(&mut h, pinterest());
    h.get_by_label("Edit record").click();
    h.run();
    let before = countries(&h);
    // Away from "United States" first, then back by typing it loosely.
    h.get_by_role_and_label(Role::ComboBox, "Country").click();
    h.run();
    h.get_by_label("unknown").click();
    h.run();
    assert_eq!(country(&h), "");
    add_country(&mut h, " united states ");
    assert_eq!(
        country(&h),
        "United States",
        "matched, not a near-duplicate"
    );
    assert_eq!(countries(&h).len(), before.len());
    let steps = h.state().state.history.undo_len();
    // A prefix is not silently taken for a country: nothing is stored until the box is left.
    h.get_by_role_and_label(Role::ComboBox, "Country").click();
    h.run();
    h.get_by_label("Add a new country...").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New country:")
        .type_text("United");
    h.run();
    assert_eq!(country(&h), "United States", "typing alone stores nothing");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(country(&h), "United States", "Esc cancels");
    assert_eq!(h.state().state.history.undo_len(), steps);
    // A genuinely new country, trimmed, is added in one step.
    add_country(&mut h, "  Atlantis ");
    assert_eq!(country(&h), "Atlantis");
    assert_eq!(countries(&h).len(), before.len() + 1);
    assert_eq!(h.state().state.history.undo_len(), steps + 1);
    h.get_by_role_and_label(Role::ComboBox, "Country").click();
    h.run();
    assert!(
        h.query_by_label("Atlantis (1)").is_some(),
        "the picker offers it from now on"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        country(&h),
        "United States",
        "undo takes the new country back"
    );
}

#[test]
fn a_sector_typed_with_other_case_is_the_existing_one() {
    let mut h = harness(None);
    select(&mut h, pinterest());
    h.get_by_label("Edit record").click();
    h.run();
    let sector = |h: &Harness<'_, ExplorerApp>| {
        let ds = &h.state().state.doc.dataset;
        let o = ds
            .organizations
            .iter()
            .find(|o| o.id.as_str() == "pinterest");
        o.unwrap().sector.clone()
    };
    // Another organization's sector, typed loosely.
    let ds = h.state().state.doc.dataset.clone();
    let other = ds
        .organizations
        .iter()
        .find(|o| o.id.as_str() != "pinterest" && !o.sector.is_empty() && o.sector != sector(&h))
        .expect("another sector")
        .sector
        .clone();
    let sectors = |h: &Harness<'_, ExplorerApp>| {
        let mut s: Vec<String> = (h.state().state.doc.dataset.organizations.iter())
            .map(|o| o.sector.clone())
            .collect();
        s.sort();
        s.dedup();
        s.len()
    };
    let before = sectors(&h);
    h.get_by_role_and_label(Role::ComboBox, "Sector").click();
    h.run();
    h.get_by_label("Add a new sector...").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New sector:")
        .type_text(&format!("  {} ", other.to_uppercase()));
    h.run();
    assert!(
        h.query_by_label(&format!("Already in the data as “{other}”: Enter picks it"))
            .is_some(),
        "the form says the typed sector is an existing one"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(sector(&h), other);
    assert_eq!(
        sectors(&h),
        before - 1,
        "Pinterest's old sector went; none added"
    );
}
