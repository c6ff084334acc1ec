//! A click on a stacked bar's segment, driven through egui_kittest at the segment's position on
//! screen: the model list is filtered to the models it counts, the list says so in words, and
//! "Clear filter" shows every model again (a state change through `AppState::apply`).

mod common;

use ai_adoption_explorer::app::explorer::ListTab;
use ai_adoption_explorer::app::{AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::figure::plot_id;
use ai_adoption_explorer::plots::{Mark, PlotKind};
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(kind: PlotKind) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::new(vec![])), Settings::default());
    common::window::window(state, egui::vec2(1400.0, 900.0), move |app| {
        app.view.prefs.show_plots = true;
        app.view.prefs.plot = PlotChoice::Plot(kind);
    })
}

/// The screen position of the middle of segment `m`.
fn segment_centre(h: &Harness<'_, ExplorerApp>, kind: PlotKind, m: &Mark) -> egui::Pos2 {
    let mem = egui_plot::PlotMemory::load(&h.ctx, plot_id(kind)).expect("plot drawn");
    let mid = (m.y + m.y2.unwrap_or(0.0)) / 2.0;
    mem.transform()
        .position_from_point(&egui_plot::PlotPoint::new(m.x, mid))
}

fn click(h: &mut Harness<'_, ExplorerApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

fn clicking_a_segment_filters_the_list_to_its_models(kind: PlotKind) {
    let mut h = harness(kind);
    let data = h.state().shown_plot().expect("a plot is shown");
    // The tallest segment, so that the click lands well inside it.
    let m = data
        .marks
        .iter()
        .filter(|m| !m.members.is_empty())
        .max_by(|a, b| {
            let ha = a.y - a.y2.unwrap_or(0.0);
            let hb = b.y - b.y2.unwrap_or(0.0);
            ha.total_cmp(&hb)
        })
        .expect("a segment")
        .clone();
    let pos = segment_centre(&h, kind, &m);
    click(&mut h, pos);

    let state = &h.state().state;
    let seg = state
        .query
        .model_filter
        .segment
        .clone()
        .expect("the click set the segment filter");
    assert_eq!(state.tab, ListTab::Models, "the model list is shown");
    let ids: Vec<String> = m
        .members
        .iter()
        .map(|r| r.kind_and_id().1.to_owned())
        .collect();
    let mut filtered: Vec<String> = seg.models.iter().map(|i| i.as_str().to_owned()).collect();
    let mut expected = ids.clone();
    filtered.sort();
    expected.sort();
    assert_eq!(
        filtered, expected,
        "the filter holds what the segment counts"
    );
    let words = format!(
        "Models released in {} by developers in {} ({})",
        m.date_text,
        m.merged_from.as_deref().unwrap_or(&m.group),
        ids.len()
    );
    assert_eq!(seg.describe(), words);
    assert!(
        h.query_all_by_label_contains(&words).next().is_some(),
        "the list says what it shows: {words}"
    );
    assert!(
        h.query_by_label(&format!(
            "{} of {}",
            ids.len(),
            state.doc.dataset.models.len()
        ))
        .is_some(),
        "the list counts the segment's models"
    );
    // The plot stays whole: another segment can still be clicked.
    let shown = h.state().shown_plot().unwrap();
    assert_eq!(shown.marks.len(), data.marks.len());

    h.get_by_label("Clear filter").click();
    h.run();
    assert!(h.state().state.query.model_filter.segment.is_none());
}

#[test]
fn clicking_a_releases_per_quarter_segment_filters_the_model_list() {
    clicking_a_segment_filters_the_list_to_its_models(PlotKind::ReleasesPerQuarter);
}

#[test]
fn clicking_a_share_by_country_segment_filters_the_model_list() {
    clicking_a_segment_filters_the_list_to_its_models(PlotKind::ShareByCountry);
}
