//! The command palette (Ctrl+K, Ctrl+P) and the plot keys (Alt+1..6), driven by egui_kittest
//! through accessible labels on the built-in dataset: commands, plots and records found by
//! typing, chosen with Enter, the arrows or a click; Esc closes.

use ai_adoption_explorer::app::{AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::{OrgId, RecordRef};
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::palette::{MAX_RECORDS, SEARCH_LABEL, TITLE};
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use ai_adoption_explorer::ui::{ExplorerApp, ThemeChoice};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

/// The window with the plots panel hidden and the summary chosen, as a first start shows it.
fn harness() -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    common::window::window(state, egui::vec2(1400.0, 900.0), |app| {
        app.view.prefs.plot = PlotChoice::Summary;
    })
}

fn palette_open(h: &Harness<'_, ExplorerApp>) -> bool {
    h.query_by_label(SEARCH_LABEL).is_some()
}

/// Ctrl+K, then `text` typed into the palette's search box.
fn open_and_type(h: &mut Harness<'_, ExplorerApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(palette_open(h), "Ctrl+K opens the palette");
    h.get_by_label(SEARCH_LABEL).type_text(text);
    h.run();
}

fn enter(h: &mut Harness<'_, ExplorerApp>) {
    h.key_press(Key::Enter);
    h.run();
    h.run();
}

#[test]
fn ctrl_k_and_ctrl_p_open_the_palette_and_esc_closes_it() {
    let mut h = harness();
    assert!(!palette_open(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(palette_open(&h), "Ctrl+K opens it");
    assert!(h.query_by_label(TITLE).is_some(), "it has its title");
    assert!(
        h.query_by_label("Undo Ctrl+Z").is_some(),
        "commands are listed with their keys before anything is typed"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!palette_open(&h), "Esc closes it");
    assert_eq!(
        h.state().state.selection.current(),
        None,
        "Esc in the palette did nothing else"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(palette_open(&h), "Ctrl+P opens it too");
    assert!(
        !h.state().view.prefs.show_problems,
        "Ctrl+P is not taken by Ctrl+Shift+P (problems panel)"
    );
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Command palette… Ctrl+K").click();
    h.run();
    h.run();
    assert!(palette_open(&h), "View > Command palette… opens it");
}

#[test]
fn typing_part_of_a_command_and_enter_runs_it() {
    let mut h = harness();
    assert_eq!(h.state().view.prefs.theme, ThemeChoice::System);
    open_and_type(&mut h, "DARK");
    assert!(
        h.query_by_label("Theme: Dark").is_some(),
        "the Dark theme is listed"
    );
    enter(&mut h);
    assert!(!palette_open(&h), "running a command closes the palette");
    assert_eq!(h.state().view.prefs.theme, ThemeChoice::Dark);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark, "the window turned dark");

    let before = h.state().view.prefs.show_problems;
    open_and_type(&mut h, "panel problems");
    enter(&mut h);
    assert_eq!(
        h.state().view.prefs.show_problems,
        !before,
        "words in any order find the problems panel toggle"
    );
}

#[test]
fn show_plot_and_a_plot_name_switches_the_plots_panel() {
    let mut h = harness();
    open_and_type(&mut h, "show plot who uses");
    enter(&mut h);
    let prefs = &h.state().view.prefs;
    assert_eq!(prefs.plot, PlotChoice::Plot(PlotKind::WhoUsesWhat));
    assert!(prefs.show_plots, "the plots panel is shown");
    assert!(
        h.query_by_label("Who uses what").is_some(),
        "the plot chooser shows the plot"
    );

    // Down moves to the second plot, Up back to the first, a second Down again.
    open_and_type(&mut h, "show plot");
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowUp);
    h.run();
    enter(&mut h);
    assert_eq!(
        h.state().view.prefs.plot,
        PlotChoice::Plot(PlotKind::ALL[1]),
        "Down, Down, Up: the second plot"
    );

    // A click runs an entry too.
    open_and_type(&mut h, "plot");
    h.get_by_label("Show plot: Reported outcomes Alt+4").click();
    h.run();
    h.run();
    assert_eq!(
        h.state().view.prefs.plot,
        PlotChoice::Plot(PlotKind::Outcomes)
    );
    assert!(!palette_open(&h), "a click closes the palette");
}

#[test]
fn typing_an_organizations_name_and_enter_selects_it() {
    let mut h = harness();
    open_and_type(&mut h, "pinter");
    assert!(
        h.query_by_label("Go to record...").is_some(),
        "records come under their heading"
    );
    enter(&mut h);
    assert_eq!(
        h.state().state.selection.current(),
        Some(&RecordRef::Organization(OrgId::new("pinterest")))
    );
    assert!(
        h.query_by_label("Edit record").is_some(),
        "the detail view shows the organization"
    );
    assert!(
        h.query_all_by_label("Pinterest").count() >= 2,
        "named in the list and in the detail view"
    );
}

#[test]
fn many_matching_records_are_capped_with_a_count_of_the_rest() {
    let mut h = harness();
    open_and_type(&mut h, "a");
    let more = h
        .query_all_by_label_contains("more — type more to narrow")
        .count();
    assert_eq!(more, 1, "the rest are counted");
    let dataset = h.state().state.doc.dataset.clone();
    assert!(
        dataset.organizations.len() + dataset.models.len() > MAX_RECORDS,
        "the built-in data has more records than the cap"
    );
}

#[test]
fn alt_and_a_digit_switch_plots_and_the_help_lists_every_key() {
    let mut h = harness();
    for (at, key) in [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ]
    .into_iter()
    .enumerate()
    {
        h.key_press_modifiers(Modifiers::ALT, key);
        h.run();
        h.run();
        let prefs = &h.state().view.prefs;
        assert_eq!(
            prefs.plot,
            PlotChoice::Plot(PlotKind::ALL[at]),
            "Alt+{}",
            at + 1
        );
        assert!(prefs.show_plots);
    }
    h.key_press(Key::F1);
    h.run();
    for keys in [
        "Ctrl+K, Ctrl+P",
        "Alt+1",
        "Alt+6",
        "Ctrl+Z",
        "Ctrl+Shift+Z, Ctrl+Y",
    ] {
        assert!(h.query_by_label(keys).is_some(), "{keys} is listed");
    }
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Alt+1").is_none(), "Esc closes the help");
}

#[test]
fn a_conflict_is_found_by_its_description_and_selected() {
    // Records of kinds without a list of their own are reached too.
    let mut h = harness();
    let ds = h.state().state.doc.dataset.clone();
    let conflict = &ds.conflicts[0];
    let start: String = conflict.description.chars().take(40).collect();
    open_and_type(&mut h, &start);
    enter(&mut h);
    assert_eq!(
        h.state().state.selection.current(),
        Some(&RecordRef::Conflict(conflict.id.clone()))
    );
}
