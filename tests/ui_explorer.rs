//! The explorer driven by egui_kittest through accessible labels, on the built-in dataset:
//! search, filters, detail views, links, back/forward, conflicts, problems, snapshots.

use ai_adoption_explorer::app::explorer::ListTab;
use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::{ConflictKind, ModelId, OrgId, RecordRef};
use ai_adoption_explorer::ui::ExplorerApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The window with the summary panel hidden, so a name is on screen once: in the list.
fn harness_sized(size: egui::Vec2) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
        let mut app = ExplorerApp::with_state(cc, state);
        app.view.prefs.show_plots = false;
        app
    });
    h.run();
    h
}

fn harness() -> Harness<'static, ExplorerApp> {
    harness_sized(egui::vec2(1400.0, 900.0))
}

fn selected(h: &Harness<'_, ExplorerApp>) -> Option<RecordRef> {
    h.state().state.selection.current().cloned()
}

fn org(id: &str) -> RecordRef {
    RecordRef::Organization(OrgId::new(id))
}

fn type_search(h: &mut Harness<'_, ExplorerApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search:").type_text(text);
    h.run();
}

#[test]
fn search_narrows_the_list_as_you_type() {
    let mut h = harness();
    let total = h.state().state.doc.dataset.organizations.len();
    assert!(h.query_by_label(&format!("{total} of {total}")).is_some());
    type_search(&mut h, "airbnb");
    assert!(
        h.query_by_label(&format!("1 of {total}")).is_some(),
        "one match"
    );
    assert!(h.query_by_label("Airbnb").is_some(), "Airbnb listed");
    assert!(
        h.query_by_label("Pinterest").is_none(),
        "Pinterest filtered out"
    );
    // A name in its own script finds the organization too.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state.query.search, "", "Esc clears the search");
    type_search(&mut h, "阿里巴巴");
    assert!(h.query_by_label(&format!("1 of {total}")).is_some());
    assert!(h.query_by_label_contains("Alibaba").is_some());
}

#[test]
fn the_filter_uses_a_model_from_china_lists_the_adopters_of_chinese_models() {
    let mut h = harness();
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("Uses a model from").click();
    h.run();
    // The combo box's popup lists the developer countries; pick China from it.
    // The combo box's option is a button; the list rows' country texts are plain labels.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "China")
        .click();
    h.run();
    let q = &h.state().state.query;
    assert_eq!(
        q.org_filter.uses_model_from_country.as_deref(),
        Some("China")
    );
    let total = h.state().state.doc.dataset.organizations.len();
    assert!(
        h.query_by_label(&format!("10 of {total}")).is_some(),
        "AI Singapore, Airbnb, Cursor, Instacart, Meta, Microsoft, Nvidia, Perplexity, Pinterest and Rakuten"
    );
    for adopter in ["Pinterest", "Airbnb", "Cursor", "Instacart", "Perplexity"] {
        assert!(h.query_by_label(adopter).is_some(), "{adopter}");
    }
    // Adopters of Mistral (France) only, and developers that adopt no Chinese model, are
    // filtered out (Meta trains a model with Qwen, so it is an adopter now).
    assert!(h.query_by_label("HSBC").is_none());
    assert!(h.query_by_label("OpenAI").is_none());
}

#[test]
fn selecting_airbnb_shows_qwen_with_its_use_case_and_source() {
    let mut h = harness();
    h.get_by_label("Airbnb").click();
    h.run();
    assert_eq!(selected(&h), Some(org("airbnb")));
    assert!(h.query_by_label("Uses these models").is_some());
    assert!(
        h.query_by_label("Qwen (family)").is_some(),
        "the adopted family is a link"
    );
    assert!(
        h.query_all_by_label_contains("customer-service agent")
            .next()
            .is_some(),
        "use case shown"
    );
    // Every figure has a source marker whose accessible name says which source it is.
    let markers = h.query_all_by_label_contains("Source [").count();
    assert!(
        markers >= 5,
        "source markers on facts, roles, adoption and claims: {markers}"
    );
    // Hovering a marker shows the source and the verbatim quote.
    h.query_all_by_label_contains("]: SCMP")
        .next()
        .expect("an SCMP marker")
        .hover();
    h.run();
    assert!(
        h.query_all_by_label_contains("its locator is not a web address")
            .next()
            .is_some(),
        "the tooltip says a non-web locator is shown, not opened"
    );
    // Clicking a marker whose locator is not a web address shows the source instead.
    h.query_all_by_label_contains("]: SCMP")
        .next()
        .expect("an SCMP marker")
        .click();
    h.run();
    let Some(RecordRef::Source(id)) = selected(&h) else {
        panic!("a source is selected, got {:?}", selected(&h));
    };
    let ds = h.state().state.doc.dataset.clone();
    let src = ds.sources.iter().find(|s| s.id == id).expect("exists");
    assert_eq!(src.publisher, "SCMP");
    assert!(
        h.query_by_label("Cited by").is_some(),
        "the source's detail lists what cites it"
    );
}

/// Clicks an organization in the list, searched for first so it is on screen however long the
/// list is.
fn click_listed(h: &mut Harness<'_, ExplorerApp>, name: &str) {
    type_search(h, name);
    h.get_by_label(name).click();
    h.run();
}

#[test]
fn a_link_in_a_detail_view_selects_the_model_and_back_forward_walk_history() {
    let mut h = harness();
    click_listed(&mut h, "Pinterest");
    h.run();
    assert_eq!(selected(&h), Some(org("pinterest")));
    // The model Pinterest experimented with is a link in its detail view.
    h.query_all_by_label("DeepSeek-R1")
        .next()
        .expect("link to DeepSeek-R1")
        .click();
    h.run();
    assert_eq!(
        selected(&h),
        Some(RecordRef::Model(ModelId::new("deepseek-r1")))
    );
    assert_eq!(
        h.state().state.tab,
        ListTab::Models,
        "the list follows the selection"
    );
    assert!(h.query_by_label("Adopted by").is_some());

    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    assert_eq!(selected(&h), Some(org("pinterest")), "Alt+Left goes back");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(
        selected(&h),
        Some(RecordRef::Model(ModelId::new("deepseek-r1"))),
        "Alt+Right goes forward"
    );
    h.get_by_label("◀ Back").click();
    h.run();
    assert_eq!(selected(&h), Some(org("pinterest")), "the Back button too");
}

#[test]
fn a_conflict_is_shown_side_by_side_in_the_detail_view() {
    let mut h = harness();
    click_listed(&mut h, "Pinterest");
    h.run();
    assert!(h.query_by_label("Sources disagree").is_some());
    assert!(
        h.query_all_by_label_contains("Accounts differ without contradicting")
            .next()
            .is_some(),
        "the 30% credited to Chinese models' techniques vs to in-house models"
    );
    assert!(
        h.query_all_by_label_contains("credit Madrigal's 30% accuracy gain")
            .next()
            .is_some(),
        "the accuracy conflict is among Pinterest's"
    );
    assert!(
        h.query_all_by_label_contains("Different measure")
            .next()
            .is_some(),
        "up to 90% vs ~90%"
    );
}

#[test]
fn up_and_down_move_the_selection_through_the_list() {
    let mut h = harness();
    h.state_mut().state.apply(Action::Select(org("airbnb")));
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    // The organizations are sorted by name (lowercased, then as written): the one after Airbnb.
    let mut names: Vec<(String, String, OrgId)> = h
        .state()
        .state
        .doc
        .dataset
        .organizations
        .iter()
        .map(|o| (o.name.to_lowercase(), o.name.clone(), o.id.clone()))
        .collect();
    names.sort();
    let at = names.iter().position(|n| n.2.as_str() == "airbnb").unwrap();
    let next = names[at + 1].2.clone();
    assert_eq!(selected(&h), Some(RecordRef::Organization(next)));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h), Some(org("airbnb")));
}

#[test]
fn help_lists_the_shortcuts_and_about_names_data_credits() {
    let mut h = harness();
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_some());
    assert!(h.query_by_label("Ctrl+F").is_some());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About AI Adoption Explorer").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("CC BY 4.0").next().is_some(),
        "Epoch AI credit"
    );
    assert!(
        h.query_all_by_label_contains("SIL Open Font License")
            .next()
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_all_by_label_contains("CC BY 4.0").next().is_none(),
        "Esc closes the About window"
    );
}

#[test]
fn the_shortcuts_window_lists_undo_and_redo_and_closes_with_esc() {
    let mut h = harness_sized(egui::vec2(1024.0, 640.0));
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Ctrl+Z").is_some(), "Undo is listed");
    assert!(
        h.query_by_label("Ctrl+Shift+Z, Ctrl+Y").is_some(),
        "Redo with both its keys"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Ctrl+Z").is_none(),
        "Esc closes the shortcuts window"
    );
}

fn snapshot_main_window(name: &str, theme: egui::Theme) {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .wgpu()
        .build_eframe(move |cc| {
            let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.theme = match theme {
                egui::Theme::Light => ai_adoption_explorer::ui::ThemeChoice::Light,
                egui::Theme::Dark => ai_adoption_explorer::ui::ThemeChoice::Dark,
            };
            app
        });
    h.state_mut().state.apply(Action::Select(org("pinterest")));
    h.run();
    h.snapshot(name);
}

#[test]
fn main_window_snapshot_light() {
    snapshot_main_window("main_window_light", egui::Theme::Light);
}

#[test]
fn main_window_snapshot_dark() {
    snapshot_main_window("main_window_dark", egui::Theme::Dark);
}

#[test]
fn every_panel_passes_the_accessibility_check() {
    // egui_kittest fails a run() when a control lacks an accessible name; show every panel.
    let mut h = harness();
    for tab in [
        ListTab::Models,
        ListTab::Sources,
        ListTab::Events,
        ListTab::Organizations,
    ] {
        h.state_mut().state.apply(Action::SetTab(tab));
        h.run();
        if let Some(f) = h.query_by_label("Filters") {
            f.click();
            h.run();
        }
    }
    h.state_mut().state.apply(Action::SetTab(ListTab::Models));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    h.run();
    assert!(
        h.state().view.prefs.show_problems,
        "Ctrl+Shift+P opens the problems panel"
    );
    assert!(h.query_by_label("Problems (0)").is_some());
    // Detail views of each kind: each shows its kind and the record's own words (name, title or
    // description) in the detail view, which only that record's view can show.
    let ds = h.state().state.doc.dataset.clone();
    h.state_mut().state.apply(Action::SetTab(ListTab::Events));
    h.run();
    let model = &ds.models[0];
    let source = &ds.sources[0];
    let event = &ds.events[0];
    let family = &ds.families[0];
    let person = &ds.people[0];
    let claim = &ds.claims[0];
    let adoption = &ds.adoptions[0];
    let series = &ds.series[0];
    let role = &ds.roles[0];
    let conflict = &ds.conflicts[0];
    let adopter = ds
        .organizations
        .iter()
        .find(|o| o.id == adoption.organization)
        .map(|o| o.name.clone())
        .unwrap();
    let picks = [
        (
            RecordRef::Model(model.id.clone()),
            "Model".to_owned(),
            model.name.clone(),
        ),
        (
            RecordRef::Source(source.id.clone()),
            "Source [1]".to_owned(),
            [&source.title, &source.publisher, &source.locator]
                .into_iter()
                .find(|t| !t.is_empty())
                .cloned()
                .unwrap_or_default(),
        ),
        (
            RecordRef::Event(event.id.clone()),
            "Event · ".to_owned(),
            event.title.clone(),
        ),
        (
            RecordRef::Family(family.id.clone()),
            "Model family".to_owned(),
            family.name.clone(),
        ),
        (
            RecordRef::Person(person.id.clone()),
            "Person".to_owned(),
            person.name.clone(),
        ),
        (
            RecordRef::Claim(claim.id.clone()),
            "Claim".to_owned(),
            claim.quote.clone(),
        ),
        (
            RecordRef::Adoption(adoption.id.clone()),
            "Adoption".to_owned(),
            format!("{adopter} → "),
        ),
        (
            RecordRef::Series(series.id.clone()),
            "Series · ".to_owned(),
            series.name.clone(),
        ),
        (
            RecordRef::Role(role.id.clone()),
            "Role".to_owned(),
            role.title.clone(),
        ),
        (
            RecordRef::Conflict(conflict.id.clone()),
            match conflict.kind {
                ConflictKind::Contradiction => "Contradiction".to_owned(),
                ConflictKind::DifferentMeasure => "Different measure".to_owned(),
                ConflictKind::DifferingAccounts => "Accounts differ".to_owned(),
            },
            conflict.description.clone(),
        ),
    ];
    for (r, kind_label, own_words) in picks {
        h.state_mut().state.apply(Action::Select(r.clone()));
        h.run();
        let start: String = own_words.chars().take(24).collect();
        assert!(!start.is_empty(), "{r:?} has words to show");
        assert!(
            h.query_all_by_label_contains(&kind_label).next().is_some(),
            "the detail view of {r:?} names its kind ({kind_label})"
        );
        assert!(
            h.query_all_by_label_contains(&start).next().is_some(),
            "the detail view of {r:?} shows `{start}`"
        );
        assert!(
            h.query_by_label("Edit record").is_some(),
            "the detail view of {r:?} offers to edit it"
        );
    }
}

#[test]
fn zoom_and_theme_follow_the_shortcuts_and_view_menu() {
    let mut h = harness();
    let before = h.ctx.zoom_factor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(h.ctx.zoom_factor() > before, "Ctrl+Plus zooms in");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0, "Ctrl+0 resets");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(
        h.state().view.prefs.theme,
        ai_adoption_explorer::ui::ThemeChoice::Light
    );
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
}

#[test]
fn every_plot_shows_in_the_plots_area() {
    use ai_adoption_explorer::plots::PlotKind;
    use ai_adoption_explorer::ui::plots_panel::PlotChoice;
    let mut h = harness_sized(egui::vec2(1400.0, 900.0));
    h.state_mut().view.prefs.show_plots = true;
    h.run();
    for kind in PlotKind::ALL {
        h.state_mut().view.prefs.plot = PlotChoice::Plot(kind);
        h.run();
        assert!(
            h.query_by_label(kind.title()).is_some(),
            "{} is shown",
            kind.name()
        );
        assert!(
            h.query_all_by_label_contains("Source:").next().is_some(),
            "{} has its source footer",
            kind.name()
        );
    }
}
