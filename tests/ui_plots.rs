//! The plots area driven the way a user does, through egui_kittest: hovering a mark shows its
//! value and source, clicking selects its record, the legend hides a series, the log switch,
//! and the window's exports (PNG through the Save dialog, clipboard, CSV).

use ai_adoption_explorer::app::{Action, AppState, DialogOutcome, ScriptedDialogs, Settings};
use ai_adoption_explorer::figure::{PlotView, plot_id};
use ai_adoption_explorer::plots::{MarkKind, PlotKind, Scale};
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(kind: PlotKind, answers: Vec<DialogOutcome>) -> Harness<'static, ExplorerApp> {
    let state = AppState::new(Box::new(ScriptedDialogs::new(answers)), Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = true;
            app.view.prefs.plot = PlotChoice::Plot(kind);
            app
        });
    h.run();
    h
}

/// Screen position of mark `i` of the plot shown.
fn mark_pos(h: &Harness<'_, ExplorerApp>, kind: PlotKind, i: usize) -> egui::Pos2 {
    let data = h.state().shown_plot().expect("a plot is shown");
    let m = data.mark(i).unwrap();
    let mem = egui_plot::PlotMemory::load(&h.ctx, plot_id(kind)).expect("plot drawn");
    mem.transform()
        .position_from_point(&egui_plot::PlotPoint::new(m.x, m.y))
}

fn labels_containing(h: &Harness<'_, ExplorerApp>, text: &str) -> Vec<String> {
    h.query_all_by_label_contains(text)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// A model-size mark whose point stands alone (no other mark within 14 px), so that hover and
/// click find exactly it.
fn lone_model_mark(h: &Harness<'_, ExplorerApp>) -> usize {
    let data = h.state().shown_plot().unwrap();
    let pos: Vec<egui::Pos2> = (0..data.marks.len())
        .map(|i| mark_pos(h, PlotKind::ModelSize, i))
        .collect();
    (0..data.marks.len())
        .find(|&i| {
            data.marks[i].kind == MarkKind::TotalParams
                && (0..pos.len()).all(|j| j == i || pos[j].distance(pos[i]) > 14.0)
        })
        .expect("a lone model")
}

#[test]
fn hovering_a_mark_shows_its_value_date_and_source_and_clicking_selects_it() {
    let mut h = harness(PlotKind::ModelSize, vec![]);
    let i = lone_model_mark(&h);
    let data = h.state().shown_plot().unwrap();
    let m = data.marks[i].clone();
    let pos = mark_pos(&h, PlotKind::ModelSize, i);
    h.hover_at(pos);
    h.run();
    assert!(
        !labels_containing(&h, &m.label).is_empty(),
        "tooltip names the mark: {}",
        m.label
    );
    assert!(!labels_containing(&h, &m.value_text).is_empty());
    assert!(!labels_containing(&h, &m.date_text).is_empty());
    let ds = h.state().state.doc.dataset.clone();
    let src = ds.sources.iter().find(|s| s.id == m.sources[0]).unwrap();
    let title = ai_adoption_explorer::model::source_name(
        &ds,
        src,
        ai_adoption_explorer::model::SourceName::Title,
    );
    assert!(
        !labels_containing(&h, &format!("Source: {title}")).is_empty(),
        "tooltip names the source {title}"
    );
    assert!(!labels_containing(&h, "Click to select it.").is_empty());

    // Click: the model is selected, in the explorer too.
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(h.state().state.selection.current(), m.record.as_ref());
}

#[test]
fn a_legend_click_hides_a_series_and_exports_keep_it_hidden() {
    let mut h = harness(PlotKind::ModelSize, vec![]);
    let view = PlotView::capture(&h.ctx, &h.state().shown_plot().unwrap());
    assert!(view.hidden.is_empty());
    // The legend entry: the "China" furthest right (the plots area is on the right).
    h.query_all_by_label("China")
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .expect("a legend entry")
        .click();
    h.run();
    let data = h.state().shown_plot().unwrap();
    let view = PlotView::capture(&h.ctx, &data);
    assert_eq!(view.hidden, ["China"]);
    assert!(view.bounds.is_some());
    // The exported figure leaves the hidden series out too.
    let mut off = ai_adoption_explorer::export::Offscreen::headless().unwrap();
    let opts = ai_adoption_explorer::export::FigureOptions::from_points(
        700.0,
        500.0,
        1.0,
        egui::Theme::Light,
    );
    let ds = h.state().state.doc.dataset.clone();
    let fig = ai_adoption_explorer::export::render_figure(&mut off, &ds, &data, &view, None, &opts)
        .unwrap();
    let china = data.marks.iter().filter(|m| m.group == "China").count();
    assert!(china > 0);
    assert_eq!(fig.stats.marks_drawn, data.mark_count() - china);
    // Its footer names only the sources of the values still shown.
    let footer = ai_adoption_explorer::figure::footer_for_view(&data, &view.hidden);
    let shown: std::collections::HashSet<_> = data
        .marks
        .iter()
        .filter(|m| m.group != "China")
        .flat_map(|m| m.sources.iter().cloned())
        .collect();
    assert_eq!(footer.sources.len(), shown.len());
    assert!(footer.sources.iter().all(|s| shown.contains(s)));
    assert!(footer.sources.len() < data.footer.sources.len());
    assert_eq!(footer.full_sources.len(), footer.sources.len());
}

#[test]
fn the_log_switch_redraws_on_a_linear_scale() {
    let mut h = harness(PlotKind::ModelSize, vec![]);
    assert_eq!(h.state().shown_plot().unwrap().y_axis.scale, Scale::Log10);
    h.get_by_label("Log scale").click();
    h.run();
    let data = h.state().shown_plot().unwrap();
    assert_eq!(data.y_axis.scale, Scale::Linear);
    assert!(data.y_axis.title.contains("linear scale"));
    h.get_by_label("Colour by family").click();
    h.run();
    assert!(
        h.state()
            .shown_plot()
            .unwrap()
            .subtitle
            .contains("model family")
    );
}

#[test]
fn export_image_saves_a_png_of_the_figure_at_the_chosen_density() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("figure.png");
    let mut h = harness(
        PlotKind::Outcomes,
        vec![DialogOutcome::Picked(png.clone()), DialogOutcome::Cancelled],
    );
    h.get_by_label("Export image…").click();
    h.run();
    let status = h.state().state.status.clone();
    assert!(
        status.starts_with("Exported \"Reported outcomes\""),
        "{status}"
    );
    let img = image::open(&png).unwrap();
    // The figure as shown (the plots area's size, at least 480x360 points) at 2x by default.
    assert_eq!(img.width() % 2, 0);
    assert!(
        img.width() >= 960 && img.height() >= 720,
        "{}x{}",
        img.width(),
        img.height()
    );
    // Ctrl+E asks again; cancelling writes nothing and keeps the last message.
    std::fs::remove_file(&png).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(!png.exists());
}

#[test]
fn copy_image_puts_the_figure_on_the_clipboard() {
    let mut h = harness(PlotKind::ReleasesPerQuarter, vec![]);
    h.get_by_label("Copy image").click();
    h.run_steps(1);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyImage(img) => Some(img.size),
            _ => None,
        });
    let size = copied.expect("an image was copied");
    assert!(size[0] >= 960 && size[1] >= 720, "{size:?}");
    h.run();
    assert!(h.state().state.status.starts_with("Copied"));
}

#[test]
fn export_data_writes_one_csv_row_per_mark() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("values.csv");
    let mut h = harness(
        PlotKind::ReleaseTimeline,
        vec![DialogOutcome::Picked(csv.clone())],
    );
    h.get_by_label("Export data…").click();
    h.run();
    let text = std::fs::read_to_string(&csv).unwrap();
    let data = h.state().shown_plot().unwrap();
    // No field of this plot holds a line break: rows are lines.
    assert_eq!(text.lines().count() - 1, data.mark_count());
    assert!(
        h.state()
            .state
            .status
            .contains(&format!("{} rows", data.mark_count()))
    );
}

#[test]
fn a_dense_plot_on_a_high_density_screen_stays_within_the_texture_limit() {
    // 30 000 points are drawn as an image; at 3 pixels per point (plus the panning margin) it
    // is wider than egui's default 2048-pixel texture limit, so it must come in tiles (egui
    // asserts the limit in debug builds).
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(3.0)
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = true;
            app.view.prefs.plot = PlotChoice::Plot(PlotKind::Downloads);
            app
        });
    // The dense dataset comes in as a user's would: opened from a file, through `apply`.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dense.ron");
    let ds = ai_adoption_explorer::model::synth::scatter_series(30_000, 3);
    ai_adoption_explorer::io::save_atomic(&ds, &path).unwrap();
    h.state_mut().state.apply(Action::Open(path));
    assert!(h.state().state.modal.is_none(), "the dense dataset opens");
    h.run();
    assert_eq!(h.state().shown_plot().unwrap().mark_count(), 30_000);
    assert!(h.ctx.input(|i| i.max_texture_side) <= 2048);
}
