//! The first screen, driven through egui_kittest on the built-in data: the summary opens on a
//! reading generated from the data (its numbers with source markers) and three small charts,
//! each a click away from its full plot.

use ai_adoption_explorer::app::{AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(size: egui::Vec2) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::new(vec![])), Settings::default());
    let mut h = Harness::builder()
        .with_size(size)
        .wgpu()
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = true;
            app.view.prefs.plot = PlotChoice::Summary;
            app
        });
    h.run();
    h
}

#[test]
fn the_summary_opens_on_a_reading_and_three_charts_each_a_click_from_its_plot() {
    let mut h = harness(egui::vec2(1280.0, 800.0));
    // The reading: sentences drawn from the data, numbers followed by "[n]" markers.
    assert!(
        h.query_all_by_label_contains("Among ").next().is_some(),
        "the reading counts releases"
    );
    assert!(
        h.query_all_by_label_contains("[").next().is_some(),
        "source markers"
    );
    for kind in [
        PlotKind::ReleasesPerQuarter,
        PlotKind::Downloads,
        PlotKind::WhoUsesWhat,
    ] {
        assert!(
            h.query_by_label(&format!("Open the full plot: {}", kind.title()))
                .is_some(),
            "{kind:?}"
        );
    }
    h.get_by_label("Open the full plot: Releases per quarter")
        .click();
    h.run();
    assert_eq!(
        h.state().view.prefs.plot,
        PlotChoice::Plot(PlotKind::ReleasesPerQuarter)
    );
}

#[test]
fn summary_snapshot_at_1024x640() {
    let mut h = harness(egui::vec2(1024.0, 640.0));
    h.run();
    h.snapshot("summary_1024x640");
}
