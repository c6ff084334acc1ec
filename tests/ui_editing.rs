//! Editing through the window, driven by egui_kittest: a rename is one undo step and shows at
//! once in the list; delete with cascade is undone whole; closing with unsaved changes asks.
//! Every test name contains `undo` or `close`, so `cargo test undo` finds the undo flows.

use ai_adoption_explorer::app::{Action, AppState, Modal, ScriptedDialogs, Settings};
use ai_adoption_explorer::io::to_ron_string;
use ai_adoption_explorer::model::{Citation, OrgId, RecordRef};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

fn harness() -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    common::window::window(state, egui::vec2(1400.0, 900.0), |_| {})
}

fn pinterest() -> RecordRef {
    RecordRef::Organization(OrgId::new("pinterest"))
}

fn org_name(h: &Harness<'_, ExplorerApp>, id: &str) -> Option<String> {
    h.state()
        .state
        .doc
        .dataset
        .organizations
        .iter()
        .find(|o| o.id.as_str() == id)
        .map(|o| o.name.clone())
}

#[test]
fn undo_a_rename_typed_in_the_form_in_one_step() {
    let mut h = harness();
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Edit record").click();
    h.run();
    common::window::type_at_end(&mut h, "Name", " Inc");
    assert_eq!(org_name(&h, "pinterest").as_deref(), Some("Pinterest Inc"));
    assert!(h.state().state.doc.is_dirty());
    assert!(
        h.state().state.window_title().ends_with('*'),
        "unsaved marker in the title"
    );
    assert!(
        h.query_all_by_label_contains("Pinterest Inc").count() >= 2,
        "the list shows the new name as soon as it is typed"
    );
    // Leave the field, then Ctrl+Z undoes the whole typing burst at once.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().state.history.undo_len(),
        1,
        "four keystrokes, one step"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(org_name(&h, "pinterest").as_deref(), Some("Pinterest"));
    assert!(!h.state().state.doc.is_dirty(), "back at the saved state");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        org_name(&h, "pinterest").as_deref(),
        Some("Pinterest Inc"),
        "Ctrl+Y redoes"
    );
}

#[test]
fn undo_a_delete_with_cascade_restores_everything() {
    let mut h = harness();
    let before = to_ron_string(&h.state().state.doc.dataset).unwrap();
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Delete...").click();
    h.run();
    assert!(
        matches!(h.state().state.modal, Some(Modal::ConfirmDelete { .. })),
        "records refer to Pinterest: the app asks"
    );
    h.get_by_label("Delete them too").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    assert!(org_name(&h, "pinterest").is_none());
    assert!(
        ds.adoptions
            .iter()
            .all(|a| a.organization.as_str() != "pinterest"),
        "its adoptions went with it"
    );
    assert!(
        h.state().state.doc.problems.is_empty(),
        "no dangling reference left"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        to_ron_string(&h.state().state.doc.dataset).unwrap(),
        before,
        "one undo restores the organization and everything deleted with it"
    );
}

#[test]
fn close_with_unsaved_changes_is_cancelled_and_asks_then_dont_save_closes() {
    let mut h = harness();
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Edit record").click();
    h.run();
    h.get_by_label("Name").focus();
    h.run();
    h.get_by_label("Name").type_text("!");
    h.run();
    assert!(h.state().state.doc.is_dirty());
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&ViewportCommand::CancelClose));
    assert!(
        cancelled,
        "the close is cancelled while there are unsaved changes"
    );
    h.run();
    assert!(
        h.query_by_label("Save changes?").is_some(),
        "the dialog appears"
    );
    h.get_by_label("Don't save").click();
    h.step();
    let closing = h
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&ViewportCommand::Close));
    assert!(closing, "Don't save closes the window");
}

#[test]
fn close_dialog_cancel_keeps_the_changes() {
    let mut h = harness();
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Edit record").click();
    h.run();
    h.get_by_label("Name").focus();
    h.run();
    h.get_by_label("Name").type_text("!");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().state.modal.is_none());
    assert!(h.state().state.doc.is_dirty(), "still there, still unsaved");
    assert_eq!(org_name(&h, "pinterest").as_deref(), Some("Pinterest!"));
}

#[test]
fn undo_clears_a_problem_marked_at_its_field_and_saving_with_problems_warns_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("with-problems.ron");
    let state = AppState::new(
        Box::new(ScriptedDialogs::new([
            ai_adoption_explorer::app::DialogOutcome::Picked(out.clone()),
        ])),
        Settings::default(),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ExplorerApp::with_state(cc, state));
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Edit record").click();
    h.run();
    // Empty the name: the problem shows at the field and in the status bar, live.
    h.get_by_label("Name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(org_name(&h, "pinterest").as_deref(), Some(""));
    assert!(
        h.query_by_label("is empty; a value is required").is_some(),
        "marked at the field"
    );
    assert!(
        h.query_by_label("1 problem").is_some(),
        "counted in the status bar"
    );
    // Saving is allowed after a warning that lists the problems.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().state.modal,
        Some(Modal::SaveWithProblems { .. })
    ));
    assert!(!out.exists(), "nothing written before the answer");
    h.get_by_label("Save anyway").click();
    h.run();
    assert!(out.exists(), "saved after the warning");
    // Undo brings the name back and the problem disappears.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(org_name(&h, "pinterest").as_deref(), Some("Pinterest"));
    assert!(h.state().state.doc.problems.is_empty());
}

#[test]
fn undo_all_of_adding_a_company_with_a_new_source_then_redo_it() {
    use ai_adoption_explorer::app::explorer::ListTab;
    let mut h = harness();
    let original = to_ron_string(&h.state().state.doc.dataset).unwrap();
    // A new source, titled in its form.
    h.state_mut().state.apply(Action::SetTab(ListTab::Sources));
    h.run();
    h.get_by_label("+ New").click();
    h.run();
    assert!(
        h.state().view.detail.editing,
        "a new record opens in its form"
    );
    let text_input = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(text_input, "Title").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(text_input, "Title")
        .type_text("Example report on Acme");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    // A new company, named, supported by that source.
    h.state_mut()
        .state
        .apply(Action::SetTab(ListTab::Organizations));
    h.run();
    h.get_by_label("+ New").click();
    h.run();
    assert!(
        h.state()
            .state
            .doc
            .problems
            .iter()
            .any(|p| p.field == "sources"),
        "a company without a source is a problem, shown at once"
    );
    h.get_by_label("Name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("Acme AI");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Add a source...").click();
    h.run();
    // 91 sources: narrow the list as a user would, then pick.
    h.get_by_role_and_label(text_input, "Find:").focus();
    h.run();
    h.get_by_role_and_label(text_input, "Find:")
        .type_text("acme");
    h.run();
    h.get_by_label_contains("Example report on Acme").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let acme = ds
        .organizations
        .iter()
        .find(|o| o.name == "Acme AI")
        .expect("added");
    let report = ds
        .sources
        .iter()
        .find(|s| s.title == "Example report on Acme")
        .expect("added");
    assert_eq!(acme.sources, vec![Citation::new(report.id.clone())]);
    assert!(
        h.state().state.doc.problems.is_empty(),
        "sourced: no problem left"
    );
    let edited = to_ron_string(&ds).unwrap();
    // Undo everything, step by step, then redo it all.
    let mut steps = 0;
    while h.state().state.history.can_undo() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        steps += 1;
    }
    assert!(
        steps >= 4,
        "new source, its title, new company, its name, its source: {steps} steps"
    );
    assert_eq!(
        to_ron_string(&h.state().state.doc.dataset).unwrap(),
        original
    );
    assert!(!h.state().state.doc.is_dirty());
    for _ in 0..steps {
        h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        h.run();
    }
    assert_eq!(to_ron_string(&h.state().state.doc.dataset).unwrap(), edited);
}

#[test]
fn undo_creating_an_adoption_with_a_claim_and_a_new_source() {
    use ai_adoption_explorer::model::{AdoptionTarget, Citation, ModelId, Subject};
    let mut h = harness();
    let original = to_ron_string(&h.state().state.doc.dataset).unwrap();
    let text_input = egui::accesskit::Role::TextInput;
    h.state_mut()
        .state
        .apply(Action::Select(RecordRef::Organization(OrgId::new(
            "airbnb",
        ))));
    h.run();
    // A new adoption by Airbnb, of an existing model picked from a searchable list.
    h.get_by_label("+ Add an adoption").click();
    h.run();
    h.get_by_label("Uses (model or family)").click();
    h.run();
    h.get_by_role_and_label(text_input, "Find:")
        .type_text("qwen3-8b");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Qwen3-8B")
        .click();
    h.run();
    h.get_by_role_and_label(text_input, "Use cases (comma-separated)")
        .focus();
    h.run();
    h.get_by_role_and_label(text_input, "Use cases (comma-separated)")
        .type_text("search ranking");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let adoption = ds.adoptions.last().unwrap().clone();
    assert_eq!(adoption.organization.as_str(), "airbnb");
    assert_eq!(
        adoption.target,
        Some(AdoptionTarget::Model(ModelId::new("qwen3-8b")))
    );
    assert_eq!(adoption.use_cases, vec!["search ranking".to_owned()]);
    // A figure about it, citing a source created in place.
    h.get_by_label("+ Add a figure").click();
    h.run();
    h.get_by_label("New source for this claim...").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let claim = ds.claims.last().unwrap();
    assert_eq!(claim.subject, Subject::Adoption(adoption.id.clone()));
    let source = ds.sources.last().unwrap();
    assert_eq!(
        claim.source,
        Some(Citation::new(source.id.clone())),
        "the claim cites the new source"
    );
    assert!(
        h.state()
            .state
            .doc
            .problems
            .iter()
            .any(|p| p.field == "quote"),
        "a claim without its quote is flagged until the quote is typed"
    );
    // Everything is undone in as many steps, back to the original bytes.
    while h.state().state.history.can_undo() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(
        to_ron_string(&h.state().state.doc.dataset).unwrap(),
        original
    );
}

#[test]
fn undo_rows_pasted_from_a_spreadsheet_into_a_series() {
    let mut h = harness();
    let ds = h.state().state.doc.dataset.clone();
    let series = ds.series[0].clone();
    let before = series.points.len();
    h.state_mut()
        .state
        .apply(Action::Select(RecordRef::Series(series.id.clone())));
    h.run();
    h.get_by_label("Edit record").click();
    h.run();
    let paste = h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Paste rows from a spreadsheet (date, tab, value; one point a line):",
    );
    paste.focus();
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Paste rows from a spreadsheet (date, tab, value; one point a line):",
    )
    .type_text("date\tvalue\n2027-01\t80.5\n2027-02\t81");
    h.run();
    h.get_by_label("Add 2 pasted point(s)").click();
    h.run();
    let now = &h.state().state.doc.dataset.series[0];
    assert_eq!(
        now.points.len(),
        before + 2,
        "both rows added, the header skipped"
    );
    assert_eq!(now.points[before].value, 80.5);
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state.doc.dataset.series[0].points.len(),
        before,
        "one undo removes the paste"
    );
}

#[test]
fn undo_free_every_form_opens_and_passes_the_accessibility_check() {
    let mut h = harness();
    let ds = h.state().state.doc.dataset.clone();
    h.state_mut().view.detail.editing = true;
    let picks = common::first_of_each_kind(&ds);
    for r in picks {
        h.state_mut().state.apply(Action::Select(r.clone()));
        h.run();
        assert!(
            h.query_by_label("Edit record").is_some(),
            "{r:?} has a form"
        );
    }
    assert!(
        !h.state().state.doc.is_dirty(),
        "showing forms changes nothing"
    );
}

#[test]
fn undo_an_edit_made_in_the_claims_table() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Claims table").click();
    h.run();
    let first_quote = h.state().state.doc.dataset.claims[0].quote.clone();
    let field = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().value().as_deref() == Some(first_quote.as_str())
        })
        .expect("the first claim's quote cell");
    field.focus();
    h.run();
    h.key_press(Key::End);
    h.run();
    let field = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().value().as_deref() == Some(first_quote.as_str())
        })
        .expect("still there");
    field.type_text(" [checked]");
    h.run();
    assert_eq!(
        h.state().state.doc.dataset.claims[0].quote,
        format!("{first_quote} [checked]")
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.dataset.claims[0].quote, first_quote);
}

#[test]
fn undo_a_rename_and_the_list_and_the_plot_follow_at_once() {
    use ai_adoption_explorer::plots::{PlotKind, Scale};
    use ai_adoption_explorer::ui::plots_panel::PlotChoice;
    let mut h = harness();
    h.state_mut().view.prefs.show_plots = true;
    h.state_mut().view.prefs.plot = PlotChoice::Plot(PlotKind::WhoUsesWhat);
    h.state_mut()
        .state
        .apply(Action::Select(RecordRef::Organization(OrgId::new(
            "airbnb",
        ))));
    h.run();
    let rows = |h: &Harness<'_, ExplorerApp>| -> Vec<String> {
        match &h
            .state()
            .shown_plot()
            .expect("a plot is shown")
            .y_axis
            .scale
        {
            Scale::Category(names) => names.clone(),
            other => panic!("who-uses-what has organizations as categories, got {other:?}"),
        }
    };
    assert!(rows(&h).iter().any(|n| n == "Airbnb"));
    h.get_by_label("Edit record").click();
    h.run();
    h.get_by_label("Name").focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Name").type_text(" Travel");
    h.run();
    assert!(
        rows(&h).iter().any(|n| n == "Airbnb Travel"),
        "the plot follows the rename: {:?}",
        rows(&h)
    );
    assert!(
        h.query_all_by_label("Airbnb Travel").next().is_some(),
        "and the list"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        rows(&h).iter().any(|n| n == "Airbnb"),
        "undo shows in the plot too"
    );
}

#[test]
fn undo_new_records_from_the_edit_menu_and_an_organization_view() {
    use ai_adoption_explorer::model::Subject;
    let mut h = harness();
    let original = to_ron_string(&h.state().state.doc.dataset).unwrap();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("New record").click();
    h.run();
    h.get_by_label("New person").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    assert_eq!(ds.people.last().unwrap().name, "New person");
    assert_eq!(
        h.state().state.selection.current(),
        Some(&RecordRef::Person(ds.people.last().unwrap().id.clone())),
        "the new record is selected, its form open"
    );
    h.state_mut()
        .state
        .apply(Action::Select(RecordRef::Organization(OrgId::new(
            "alibaba",
        ))));
    h.run();
    h.get_by_label("+ Add a model family it develops").click();
    h.run();
    h.state_mut()
        .state
        .apply(Action::Select(RecordRef::Organization(OrgId::new(
            "alibaba",
        ))));
    h.run();
    h.get_by_label("+ Add a series about it").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    assert_eq!(ds.families.last().unwrap().developer.as_str(), "alibaba");
    assert_eq!(
        ds.series.last().unwrap().subject,
        Subject::Organization(OrgId::new("alibaba"))
    );
    while h.state().state.history.can_undo() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(
        to_ron_string(&h.state().state.doc.dataset).unwrap(),
        original
    );
}

#[test]
fn undo_adding_a_role_at_an_organization() {
    let mut h = harness();
    h.state_mut().state.apply(Action::Select(pinterest()));
    h.run();
    h.get_by_label("Add a role for:").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Jeff Boudier")
        .click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let role = ds.roles.last().unwrap();
    assert_eq!(
        (role.person.as_str(), role.organization.as_str()),
        ("jeff-boudier", "pinterest")
    );
    assert!(
        h.state()
            .state
            .doc
            .problems
            .iter()
            .any(|p| p.field == "title"),
        "the title is typed next; until then it is flagged"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.dataset.roles.len(), ds.roles.len() - 1);
}

#[test]
fn undo_a_row_added_to_the_claims_table() {
    let mut h = harness();
    let before = h.state().state.doc.dataset.claims.len();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Claims table").click();
    h.run();
    h.get_by_label("Add a claim about:").click();
    h.run();
    h.get_by_label_contains("adoption: airbnb uses").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    assert_eq!(ds.claims.len(), before + 1, "a row was added");
    assert!(matches!(
        ds.claims.last().unwrap().subject,
        ai_adoption_explorer::model::Subject::Adoption(_)
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.dataset.claims.len(), before);
}
