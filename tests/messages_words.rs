//! Words for people on every screen: the texts of the kittest screens (each list tab, a record
//! of each kind in its detail view and its form, the claims table, the problems panel) name no
//! record by its id and show no field path. Texts are read from the accessibility tree, as a
//! screen reader hears them. (Every validation rule's message is checked in
//! `validation_rules`, through its `expect` helper.)

use ai_adoption_explorer::app::explorer::ListTab;
use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::*;
use ai_adoption_explorer::ui::ExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

mod common;
use common::words::Words;

/// The app on `ds`, opened from a file in `dir` as the user would.
fn harness(ds: &Dataset, dir: &tempfile::TempDir) -> Harness<'static, ExplorerApp> {
    let path = dir.path().join("data.ron");
    std::fs::write(&path, ai_adoption_explorer::io::to_ron_string(ds).unwrap()).unwrap();
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    state.apply(Action::Open(path));
    common::window::window(state, egui::vec2(1400.0, 1000.0), |_| {})
}

fn builtin() -> Dataset {
    (*ai_adoption_explorer::app::Document::builtin()
        .unwrap()
        .dataset)
        .clone()
}

/// Every text of the window: each node's label, value and description.
fn texts(h: &Harness<'_, ExplorerApp>) -> Vec<String> {
    let root = h.root();
    let mut out = Vec::new();
    for n in std::iter::once(root).chain(root.children_recursive()) {
        let a = n.accesskit_node();
        out.extend(
            [a.label(), a.value(), a.description()]
                .into_iter()
                .flatten(),
        );
    }
    out
}

/// What is not in words on the current screen, each fault with the screen's name and the text.
fn screen_faults(h: &Harness<'_, ExplorerApp>, words: &Words, screen: &str) -> Vec<String> {
    let texts = texts(h);
    assert!(texts.len() > 10, "{screen}: the tree holds texts");
    let mut out = Vec::new();
    for t in texts {
        let faults = words.faults(&t);
        if !faults.is_empty() {
            out.push(format!("{screen} shows {} in: {t:?}", faults.join(", ")));
        }
    }
    out.dedup();
    out
}

#[track_caller]
fn assert_none(faults: &[String]) {
    assert!(faults.is_empty(), "not in words:\n{}", faults.join("\n"));
}

/// The built-in data with a few things broken, so that the problems panel has something of
/// each sort to say: a reference to a missing source in a status step, a source cited twice,
/// a claim with no source yet.
fn broken_builtin() -> Dataset {
    let mut ds = builtin();
    let a = ds
        .adoptions
        .iter_mut()
        .find(|a| !a.status.is_empty())
        .unwrap();
    a.status[0].sources.push(Citation {
        source: SourceId::new("no-such-source-2024"),
        detail: String::new(),
    });
    let o = &mut ds.organizations[0];
    let first = o.sources[0].clone();
    o.sources.push(first);
    ds.claims[0].source = None;
    ds.models[0].active_params_b = Some(1.0e6);
    ds
}

#[test]
fn every_list_tab_detail_view_and_form_is_in_words() {
    let ds = builtin();
    let words = Words::of(&ds);
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&ds, &dir);
    let mut faults = Vec::new();
    for tab in ListTab::ALL {
        h.state_mut().state.apply(Action::SetTab(tab));
        h.run();
        faults.extend(screen_faults(&h, &words, &format!("the {tab:?} tab")));
    }
    let picks = common::first_of_each_kind(&ds);
    for editing in [false, true] {
        for r in &picks {
            h.state_mut().view.detail.editing = editing;
            h.state_mut().state.apply(Action::Select(r.clone()));
            h.run();
            let what = if editing { "form" } else { "detail view" };
            faults.extend(screen_faults(&h, &words, &format!("the {what} of {r:?}")));
        }
    }
    assert_none(&faults);
}

#[test]
fn the_claims_table_and_the_problems_panel_are_in_words() {
    let ds = broken_builtin();
    // The missing source's id must not show either.
    let words = Words::of(&ds).also_id("no-such-source-2024");
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&ds, &dir);
    h.state_mut().view.prefs.show_problems = true;
    h.run();
    let problems = h.state().state.doc.problems.len();
    assert!(problems >= 4, "the broken data has problems: {problems}");
    let mut faults = screen_faults(&h, &words, "the problems panel");
    assert!(
        texts(&h)
            .iter()
            .any(|t| t.contains("the first status step's")),
        "a field is named by its label"
    );
    h.state_mut().view.prefs.show_problems = false;
    h.state_mut().view.help = ai_adoption_explorer::ui::HelpWindow::ClaimsTable;
    h.run();
    assert!(
        texts(&h).iter().any(|t| t == "About"),
        "the claims table is open"
    );
    faults.extend(screen_faults(&h, &words, "the claims table"));
    assert_none(&faults);
}

#[test]
fn the_word_check_finds_ids_and_field_paths() {
    let ds = builtin();
    let words = Words::of(&ds);
    let id = ds.sources[0].id.to_string();
    assert!(!words.faults(&format!("refers to {id}")).is_empty());
    assert!(!words.faults("adoption (status[0].sources)").is_empty());
    assert!(!words.faults("see release_date").is_empty());
    assert!(words.faults("the first status step's sources").is_empty());
}

#[test]
fn a_new_records_id_follows_its_name_and_one_undo_takes_both_back() {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let ds = builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&ds, &dir);
    h.state_mut()
        .state
        .apply(Action::New(RecordKind::Organization));
    h.state_mut().view.detail.editing = true;
    h.run();
    let new_org = RecordRef::Organization(OrgId::new("new-organization"));
    assert_eq!(h.state().state.selection.current(), Some(&new_org));
    h.get_by_label("Name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Name").type_text("Test Co");
    h.run();
    let test_co = RecordRef::Organization(OrgId::new("test-co"));
    let orgs = &h.state().state.doc.dataset.organizations;
    let last = orgs.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("test-co", "Test Co")
    );
    assert_eq!(
        h.state().state.selection.current(),
        Some(&test_co),
        "the selection follows the new id"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let last = h
        .state()
        .state
        .doc
        .dataset
        .organizations
        .last()
        .cloned()
        .unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("new-organization", "New organization"),
        "one undo takes the name and the id back"
    );
    assert_eq!(h.state().state.selection.current(), Some(&new_org));
    // A record something refers to keeps its id: Pinterest renamed stays `pinterest`.
    let pinterest = RecordRef::Organization(OrgId::new("pinterest"));
    h.state_mut().state.apply(Action::Select(pinterest.clone()));
    h.run();
    common::window::type_at_end(&mut h, "Name", " Inc");
    assert_eq!(h.state().state.selection.current(), Some(&pinterest));
}
