//! Tall figures in the window at ordinary sizes: the downloads figure's panels (1280x800) and
//! the rows of "Who uses what" and the release timeline (1024x640) keep a readable height, and
//! the figure scrolls, under the wheel too, instead of squeezing them into slivers.

use ai_adoption_explorer::app::{AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::figure::plot_id;
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui_kittest::Harness;

fn harness_at(kind: PlotKind, size: egui::Vec2) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::new(vec![])), Settings::default());
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
        let mut app = ExplorerApp::with_state(cc, state);
        app.view.prefs.show_plots = true;
        app.view.prefs.plot = PlotChoice::Plot(kind);
        app
    });
    h.run();
    h
}

fn harness() -> Harness<'static, ExplorerApp> {
    harness_at(PlotKind::Downloads, egui::vec2(1280.0, 800.0))
}

/// The screen rectangle of panel `i`'s plot area (panel 0 carries the plot's own id).
fn panel_frame(h: &Harness<'_, ExplorerApp>, i: usize) -> egui::Rect {
    let id = if i == 0 {
        plot_id(PlotKind::Downloads)
    } else {
        plot_id(PlotKind::Downloads).with(("panel", i))
    };
    let mem =
        egui_plot::PlotMemory::load(&h.ctx, id).unwrap_or_else(|| panic!("panel {i} was drawn"));
    *mem.transform().frame()
}

#[test]
fn downloads_panels_keep_their_height_and_the_figure_scrolls() {
    let mut h = harness();
    let n = h
        .state()
        .shown_plot()
        .expect("the plot is shown")
        .panels
        .len();
    assert!(n >= 5, "the built-in data has many measures ({n} panels)");
    let frames: Vec<egui::Rect> = (0..n).map(|i| panel_frame(&h, i)).collect();
    for (i, f) in frames.iter().enumerate() {
        assert!(
            f.height() >= 60.0,
            "panel {i} is {:.0} points high: too low to read its axis",
            f.height()
        );
    }
    // So many panels do not fit under the header: the last is below the window, until the user
    // scrolls (the wheel over a panel scrolls the figure; dragging pans the panel).
    let last = frames[n - 1];
    assert!(last.bottom() > 800.0, "the last panel fits: {last:?}");
    let x_range = |h: &Harness<'_, ExplorerApp>| {
        egui_plot::PlotMemory::load(&h.ctx, plot_id(PlotKind::Downloads))
            .map(|m| m.transform().bounds().range_x())
            .expect("the first panel was drawn")
    };
    let x_before = x_range(&h);
    h.hover_at(frames[0].center());
    h.run();
    for _ in 0..20 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -5.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    let moved = panel_frame(&h, n - 1);
    assert!(
        moved.top() < last.top() - 100.0,
        "the wheel scrolled the figure: the last panel went from {:.0} to {:.0}",
        last.top(),
        moved.top()
    );
    // The wheel scrolled the figure; it did not pan the panel under the pointer.
    assert_eq!(x_range(&h), x_before, "the wheel panned the panel");
}

#[test]
fn rows_keep_room_for_their_names_at_1024x640() {
    use ai_adoption_explorer::plots::Scale;
    for kind in [PlotKind::WhoUsesWhat, PlotKind::ReleaseTimeline] {
        let h = harness_at(kind, egui::vec2(1024.0, 640.0));
        let data = h.state().shown_plot().expect("the plot is shown");
        let Scale::Category(rows) = &data.y_axis.scale else {
            panic!("{kind:?} has named rows");
        };
        let frame = *egui_plot::PlotMemory::load(&h.ctx, plot_id(kind))
            .expect("the plot was drawn")
            .transform()
            .frame();
        // egui_plot leaves out a row's name closer than its text (about 14 points) to the next.
        let per_row = frame.height() / rows.len() as f32;
        assert!(
            per_row >= 15.0,
            "{kind:?}: {} rows in {:.0} points ({per_row:.1} a row)",
            rows.len(),
            frame.height()
        );
        assert!(
            frame.bottom() > 640.0,
            "{kind:?} fits in the window: expected it to be taller, in a scrolled figure"
        );
    }
}
