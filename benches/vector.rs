//! Vector exports against the PNG export (issue #12 item 7): the built-in model-size plot and
//! the 1 000 000-point scatter laid out and written as SVG and PDF bytes (no GPU), beside the
//! same figure rendered offscreen and encoded as PNG (lavapipe without a GPU). All at 600x400
//! points, 2x (a 1200x800 px PNG). `benches/compare_matplotlib.sh` times the command line,
//! file loading included, against matplotlib writing the same formats.

use std::hint::black_box;
use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::export::pdf::scene_to_pdf;
use ai_adoption_explorer::export::svg::scene_to_svg;
use ai_adoption_explorer::export::{
    FigureMetadata, FigureOptions, Offscreen, derive_all, encode_png_with, render_figure,
    vector_scene,
};
use ai_adoption_explorer::figure::PlotView;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::Dataset;
use ai_adoption_explorer::model::synth::scatter_series;
use ai_adoption_explorer::plots::{DeriveOptions, PlotKind};
use criterion::{Criterion, criterion_group, criterion_main};

/// Which file an export writes.
#[derive(Clone, Copy)]
enum Format {
    Svg,
    Pdf,
}

fn vector_bytes(ds: &Arc<Dataset>, kind: PlotKind, opts: &FigureOptions, format: Format) -> usize {
    let data = Arc::new(derive_all(kind, ds, &DeriveOptions::default()));
    let scene = vector_scene(ds, &data, &PlotView::default(), None, opts).unwrap();
    let meta = FigureMetadata::of(ds, &scene.data);
    match format {
        Format::Svg => scene_to_svg(&scene, &meta).unwrap().len(),
        Format::Pdf => scene_to_pdf(&scene, &meta).unwrap().len(),
    }
}

fn vector_benches(c: &mut Criterion) {
    let builtin = Arc::new(load_bytes("b", BUILTIN_RON.as_bytes()).unwrap().dataset);
    let scatter = Arc::new(scatter_series(1_000_000, 7));
    let opts = FigureOptions::from_points(600.0, 400.0, 2.0, egui::Theme::Light);
    for (name, ds, kind) in [
        ("builtin_model_size", &builtin, PlotKind::ModelSize),
        ("scatter_1m", &scatter, PlotKind::Downloads),
    ] {
        let mut g = c.benchmark_group(format!("export_{name}"));
        g.sample_size(10);
        for (label, format) in [("svg", Format::Svg), ("pdf", Format::Pdf)] {
            eprintln!(
                "{name} {label}: {} bytes",
                vector_bytes(ds, kind, &opts, format)
            );
            g.bench_function(label, |b| {
                b.iter(|| black_box(vector_bytes(ds, kind, &opts, format)))
            });
        }
        match Offscreen::headless() {
            Ok(mut off) => {
                g.bench_function("png", |b| {
                    b.iter(|| {
                        let data = Arc::new(derive_all(kind, ds, &DeriveOptions::default()));
                        let fig =
                            render_figure(&mut off, ds, &data, &PlotView::default(), None, &opts)
                                .unwrap();
                        let meta = FigureMetadata::of(ds, &data);
                        black_box(encode_png_with(&fig.image, Some(&meta)).unwrap().len())
                    })
                });
            }
            Err(e) => eprintln!("no wgpu adapter ({e}): the PNG benchmark is skipped"),
        }
        g.finish();
    }
}

criterion_group!(benches, vector_benches);
criterion_main!(benches);
