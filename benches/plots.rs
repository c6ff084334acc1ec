//! Plots at scale: CPU time of one frame of a plot of a 1 000 000-point series (UI plus
//! tessellation, no GPU), standing still and while the user drags (pans) it; and the offscreen
//! export of a plot of the built-in dataset and of the 1 000 000-point scatter to PNG bytes.
//! `benches/compare_matplotlib.sh` times the command line against matplotlib.

use std::hint::black_box;
use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::app::explorer::Explorer;
use ai_adoption_explorer::export::{
    FigureOptions, Offscreen, derive_all, encode_png, render_figure,
};
use ai_adoption_explorer::figure::PlotView;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::synth::scatter_series;
use ai_adoption_explorer::plots::{DeriveOptions, PlotData, PlotKind};
use ai_adoption_explorer::ui::plots_panel::plot_ui;
use criterion::{Criterion, criterion_group, criterion_main};

const SIZE: egui::Vec2 = egui::vec2(1100.0, 750.0);

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        events,
        ..Default::default()
    }
}

/// One frame of the plot (as in the plots area), tessellated. Returns the number of primitives.
fn frame(
    ctx: &egui::Context,
    ds: &ai_adoption_explorer::model::Dataset,
    data: &Arc<PlotData>,
    events: Vec<egui::Event>,
) -> usize {
    let mut out = ctx.run_ui(input(events), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            plot_ui(ui, ds, data, None, &mut Vec::new());
        });
    });
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn plot_benches(c: &mut Criterion) {
    let ds = Arc::new(scatter_series(1_000_000, 1));
    let data = Arc::new(derive_all(
        PlotKind::Downloads,
        &ds,
        &DeriveOptions::default(),
    ));
    assert_eq!(data.mark_count(), 1_000_000);
    let ctx = egui::Context::default();
    ai_adoption_explorer::figure::install_fonts(&ctx);
    for _ in 0..3 {
        frame(&ctx, &ds, &data, Vec::new());
    }
    let bounds = || {
        egui_plot::PlotMemory::load(
            &ctx,
            ai_adoption_explorer::figure::plot_id(PlotKind::Downloads),
        )
        .map(|m| *m.bounds())
        .expect("the plot was drawn")
    };
    let prims = frame(&ctx, &ds, &data, Vec::new());
    eprintln!("primitives per frame: {prims}; bounds {:?}", bounds());
    let mut g = c.benchmark_group("plot_1m_points");
    g.sample_size(60);
    // The pointer rests over the plot: hover picking included.
    let rest = egui::pos2(600.0, 400.0);
    g.bench_function("frame_standing_still", |b| {
        b.iter(|| {
            black_box(frame(
                &ctx,
                &ds,
                &data,
                vec![egui::Event::PointerMoved(rest)],
            ))
        })
    });
    let press = |pos: egui::Pos2, pressed: bool| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    // Check that a drag pans the plot: press, move 4 points a frame, release.
    frame(&ctx, &ds, &data, vec![press(rest, true)]);
    let before = bounds();
    for i in 0..5 {
        frame(
            &ctx,
            &ds,
            &data,
            vec![egui::Event::PointerMoved(egui::pos2(
                rest.x + 4.0 * i as f32,
                rest.y,
            ))],
        );
    }
    let after = bounds();
    eprintln!("pan check: {before:?} -> {after:?}");
    assert_ne!(before.min(), after.min(), "the drag pans the plot");
    frame(&ctx, &ds, &data, vec![press(rest, false)]);
    // Worst case: every frame zooms, so every frame re-rasterizes the million points.
    let mut zoom_in = true;
    g.bench_function("frame_while_zooming_worst_case", |b| {
        b.iter(|| {
            zoom_in = !zoom_in;
            let f = if zoom_in { 1.02 } else { 1.0 / 1.02 };
            black_box(frame(
                &ctx,
                &ds,
                &data,
                vec![egui::Event::PointerMoved(rest), egui::Event::Zoom(f)],
            ))
        })
    });
    // Strokes of 60 frames dragging 10 points a frame, right then left: the view swings 600
    // points either way over the data, leaves the cached image's margin (half a view) once a
    // stroke, and the timing includes the frames that re-rasterize it.
    let mut step = 0i32;
    g.bench_function("frame_while_panning", |b| {
        b.iter(|| {
            let k = step % 60;
            let right = (step / 60) % 2 == 0;
            step += 1;
            let x = if right {
                250.0 + 10.0 * k as f32
            } else {
                850.0 - 10.0 * k as f32
            };
            let at = egui::pos2(x, rest.y);
            let events = match k {
                0 => vec![egui::Event::PointerMoved(at), press(at, true)],
                59 => vec![egui::Event::PointerMoved(at), press(at, false)],
                _ => vec![egui::Event::PointerMoved(at)],
            };
            black_box(frame(&ctx, &ds, &data, events))
        })
    });
    frame(&ctx, &ds, &data, vec![press(rest, false)]);
    eprintln!("after panning: {:?}", bounds());
    g.finish();

    // Exports (offscreen, on whatever adapter there is: lavapipe without a GPU).
    let Ok(mut off) = Offscreen::headless() else {
        eprintln!("no wgpu adapter: export benchmarks skipped");
        return;
    };
    let mut g = c.benchmark_group("export_png");
    g.sample_size(10);
    let builtin = Arc::new(load_bytes("b", BUILTIN_RON.as_bytes()).unwrap().dataset);
    let opts = FigureOptions::from_points(600.0, 400.0, 2.0, egui::Theme::Light);
    g.bench_function("builtin_model_size_1200x800", |b| {
        b.iter(|| {
            let mut explorer = Explorer::new();
            let _ = explorer.index(&builtin, 0);
            let data = Arc::new(derive_all(
                PlotKind::ModelSize,
                &builtin,
                &DeriveOptions::default(),
            ));
            let fig = render_figure(&mut off, &builtin, &data, &PlotView::default(), None, &opts)
                .unwrap();
            black_box(encode_png(&fig.image).unwrap().len())
        })
    });
    g.bench_function("scatter_1m_1200x800", |b| {
        b.iter(|| {
            let data = Arc::new(derive_all(
                PlotKind::Downloads,
                &ds,
                &DeriveOptions::default(),
            ));
            let fig =
                render_figure(&mut off, &ds, &data, &PlotView::default(), None, &opts).unwrap();
            black_box(encode_png(&fig.image).unwrap().len())
        })
    });
    g.finish();
}

criterion_group!(benches, plot_benches);
criterion_main!(benches);
