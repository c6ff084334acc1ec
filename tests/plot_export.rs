//! Plot images: the `export` command line on the built-in dataset and on datasets kept outside
//! the repo, its errors, pixel sizes, 2x rendered at 2x (not resampled), marks drawn = CSV rows,
//! and one image snapshot per plot. Rendering runs offscreen on wgpu (lavapipe without a GPU).

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::export::{FigureOptions, Offscreen, derive_all, render_figure};
use ai_adoption_explorer::figure::PlotView;
use ai_adoption_explorer::io::{load_bytes, save_atomic};
use ai_adoption_explorer::model::Dataset;
use ai_adoption_explorer::plots::{DeriveOptions, PlotKind, to_csv};

fn exe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
}

fn builtin() -> Arc<Dataset> {
    Arc::new(
        load_bytes("built-in", BUILTIN_RON.as_bytes())
            .unwrap()
            .dataset,
    )
}

fn png_size(path: &Path) -> (u32, u32) {
    let img = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (img.width(), img.height())
}

/// Number of records of a CSV text (quoted fields may hold new lines), header excluded.
fn csv_records(text: &str) -> usize {
    let (mut records, mut quoted, mut any) = (0, false, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                records += 1;
                any = false;
                continue;
            }
            _ => {}
        }
        any = true;
    }
    records + usize::from(any) - 1
}

/// "N marks" from the export's report line.
fn marks_reported(stdout: &str) -> usize {
    let at = stdout.find(" marks").expect("report names the marks drawn");
    let head = &stdout[..at];
    let start = head.rfind(' ').map_or(0, |i| i + 1);
    head[start..].parse().expect("a number of marks")
}

#[test]
fn export_list_prints_every_plot_name_one_a_line() {
    let out = exe().args(["export", "--list"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text.lines().collect();
    let expected: Vec<&str> = PlotKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, expected);
}

#[test]
fn every_plot_exports_from_the_command_line_at_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    for kind in PlotKind::ALL {
        let png = dir.path().join(format!("{}.png", kind.name()));
        let csv = dir.path().join(format!("{}.csv", kind.name()));
        // The downloads figure's seven panels need a taller page (at 480 it is refused as too
        // small: tests/figure_layout.rs, small_custom_pages_keep_the_rules_or_are_refused).
        let height = if kind == PlotKind::Downloads {
            820
        } else {
            480
        };
        let height_arg = height.to_string();
        let out = exe()
            .args(["export", "--plot", kind.name(), "--scale", "1"])
            .args(["--width", "700", "--height", &height_arg, "--out"])
            .arg(&png)
            .arg("--csv")
            .arg(&csv)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{kind:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(png_size(&png), (700, height), "{kind:?}");
        // Every mark drawn has its row in the CSV, and no more.
        let rows = csv_records(&std::fs::read_to_string(&csv).unwrap());
        assert_eq!(marks_reported(&stdout), rows, "{kind:?}: {stdout}");
        assert!(rows > 0, "{kind:?} shows something on the built-in data");
    }
    // Default size at 2x and 4x: 900 points wide, as tall as the figure; the same layout at
    // both densities, so the 4x image is exactly twice the 2x one.
    let mut sizes = Vec::new();
    for scale in ["2", "4"] {
        let png = dir.path().join(format!("size-{scale}.png"));
        let out = exe()
            .args([
                "export", "--plot", "outcomes", "--scale", scale, "--theme", "dark",
            ])
            .arg("--out")
            .arg(&png)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        sizes.push(png_size(&png));
    }
    assert_eq!(sizes[0].0, 1800);
    assert!(
        sizes[0].1 > 2 * 420,
        "the plot alone is 420 points high: {sizes:?}"
    );
    assert_eq!(sizes[1], (2 * sizes[0].0, 2 * sizes[0].1));
}

#[test]
fn export_reads_datasets_kept_outside_the_repo() {
    let dir = tempfile::tempdir().unwrap();
    // A 30 000-point scatter (drawn as a dense image) and a linear-scale model-size plot.
    let data = dir.path().join("elsewhere.ron");
    save_atomic(
        &ai_adoption_explorer::model::synth::scatter_series(30_000, 7),
        &data,
    )
    .unwrap();
    let png = dir.path().join("scatter.png");
    let csv = dir.path().join("scatter.csv");
    let out = exe()
        .args(["export", "--plot", "downloads", "--scale", "1", "--out"])
        .arg(&png)
        .arg("--csv")
        .arg(&csv)
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(marks_reported(&stdout), 30_000);
    assert_eq!(csv_records(&std::fs::read_to_string(&csv).unwrap()), 30_000);
    // The benchmark's synthetic data is valid: nothing to report.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("problem"));

    let copy = dir.path().join("builtin-copy.ron");
    std::fs::write(&copy, BUILTIN_RON).unwrap();
    let png = dir.path().join("size.png");
    let out = exe()
        .args([
            "export",
            "--plot",
            "model-size",
            "--linear",
            "--by-family",
            "--width",
            "1600",
            "--height",
            "1000",
            "--out",
        ])
        .arg(&png)
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(png_size(&png), (1600, 1000));
}

#[test]
fn export_errors_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("x.png");
    let run = |args: &[&str]| {
        let out = exe().args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let p = png.to_str().unwrap();
    let (code, err) = run(&["export", "--plot", "pie-chart", "--out", p]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown plot \"pie-chart\""), "{err}");
    assert!(err.contains("release-timeline"), "lists the plots: {err}");

    // `export --plot outcomes --out p` plus `extra`.
    let outcomes = |extra: &[&str]| {
        let mut args = vec!["export", "--plot", "outcomes", "--out", p];
        args.extend_from_slice(extra);
        run(&args)
    };
    let missing = dir.path().join("no-such.ron");
    let (code, err) = outcomes(&[missing.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no-such.ron"), "{err}");

    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Dataset(format_version: 1, sources: [").unwrap();
    let (code, err) = outcomes(&[broken.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("broken.ron:1:"), "file:line:col: {err}");

    let (code, err) = run(&["export", "--plot", "outcomes", "--width", "100", "--out", p]);
    assert_eq!(code, Some(2));
    assert!(err.contains("at least 200x150 points"), "{err}");
    // A page whose title, key and sources leave the plot too little: refused, with the ways out;
    // the plot alone (--plain) fits the same page.
    let small = [
        "export",
        "--plot",
        "downloads",
        "--width",
        "600",
        "--height",
        "450",
    ];
    let (code, err) = run(&[&small[..], &["--scale", "1", "--out", p]].concat());
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("too small for this figure"), "{err}");
    assert!(
        err.contains("make the page about") && err.contains("plain"),
        "{err}"
    );
    let plain = dir.path().join("plain.png");
    let plain_args = [&small[..], &["--scale", "1", "--plain", "--out"]].concat();
    let (code, err) = run(&[&plain_args[..], &[plain.to_str().unwrap()]].concat());
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(png_size(&plain), (600, 450));
    // Larger than any renderer takes (lavapipe: 8192 or 16384 a side).
    let (code, err) = run(&[
        "export", "--plot", "outcomes", "--width", "40000", "--height", "900", "--out", p,
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("at most"), "{err}");
    let (code, err) = run(&["export", "--plot", "outcomes", "--scale", "0", "--out", p]);
    assert_eq!(code, Some(2));
    assert!(err.contains("scale"), "{err}");

    let (code, err) = run(&[
        "export",
        "--plot",
        "outcomes",
        "--out",
        dir.path().join("no/such/dir/x.png").to_str().unwrap(),
    ]);
    assert_eq!(code, Some(3));
    assert!(err.contains("could not write"), "{err}");
    assert!(!png.exists(), "nothing written by failed exports");

    let (code, _) = run(&["export", "--plot", "outcomes"]);
    assert_eq!(code, Some(2), "--out is required");

    // No graphics adapter at all (here: only a backend Linux does not have).
    let out = exe()
        .env("WGPU_BACKEND", "dx12")
        .args(["export", "--plot", "outcomes", "--out", p])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("no renderer available"), "{err}");
    assert!(
        err.contains("mesa-vulkan-drivers"),
        "names the package: {err}"
    );
    assert!(!png.exists());
}

fn render(kind: PlotKind, w_pt: f32, h_pt: f32, scale: f32) -> egui::ColorImage {
    let ds = builtin();
    let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
    let mut off = Offscreen::headless().expect("a wgpu adapter (lavapipe in CI)");
    let opts = FigureOptions::from_points(w_pt, h_pt, scale, egui::Theme::Light);
    let fig = render_figure(&mut off, &ds, &data, &PlotView::default(), None, &opts).unwrap();
    assert_eq!(fig.stats.marks_drawn, data.mark_count());
    assert_eq!(csv_records(&to_csv(&data)), fig.stats.marks_drawn);
    fig.image
}

/// As the command line draws by default: the plot `plot_pt` high, the image as tall as the
/// figure.
fn render_fitted(kind: PlotKind, w_pt: f32, plot_pt: f32, scale: f32) -> egui::ColorImage {
    let ds = builtin();
    let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
    let mut off = Offscreen::headless().expect("a wgpu adapter (lavapipe in CI)");
    let mut opts = FigureOptions::from_points(w_pt, 400.0, scale, egui::Theme::Light);
    opts.plot_height = Some(plot_pt);
    let fig = render_figure(&mut off, &ds, &data, &PlotView::default(), None, &opts).unwrap();
    assert_eq!(fig.stats.marks_drawn, data.mark_count());
    assert!(fig.image.size[1] as f32 > plot_pt * scale);
    fig.image
}

fn luma(img: &egui::ColorImage, x: usize, y: usize) -> i32 {
    let p = img.pixels[y * img.size[0] + x];
    (i32::from(p.r()) * 299 + i32::from(p.g()) * 587 + i32::from(p.b()) * 114) / 1000
}

/// Pixels where the brightness jumps by more than `step` to the right neighbour.
fn sharp_edges(img: &egui::ColorImage, step: i32) -> usize {
    let [w, h] = img.size;
    let mut n = 0;
    for y in 0..h {
        for x in 0..w - 1 {
            if (luma(img, x, y) - luma(img, x + 1, y)).abs() > step {
                n += 1;
            }
        }
    }
    n
}

/// 2x2 blocks with a sharp brightness step inside (an upscaled image has none: each 1x pixel
/// became one uniform block, or a smooth ramp).
fn sharp_blocks(img: &egui::ColorImage) -> usize {
    let [w, h] = img.size;
    let mut n = 0;
    for by in 0..h / 2 {
        for bx in 0..w / 2 {
            let px = [
                luma(img, 2 * bx, 2 * by),
                luma(img, 2 * bx + 1, 2 * by),
                luma(img, 2 * bx, 2 * by + 1),
                luma(img, 2 * bx + 1, 2 * by + 1),
            ];
            if px.iter().max().unwrap() - px.iter().min().unwrap() > 120 {
                n += 1;
            }
        }
    }
    n
}

/// `img` resampled to twice its size, nearest or bilinear: what a screenshot upscale gives.
fn upscale(img: &egui::ColorImage, bilinear: bool) -> egui::ColorImage {
    let [w, h] = img.size;
    let mut out = egui::ColorImage::filled([2 * w, 2 * h], egui::Color32::BLACK);
    for y in 0..2 * h {
        for x in 0..2 * w {
            let c = if bilinear {
                let fx = ((x as f32 + 0.5) / 2.0 - 0.5).clamp(0.0, (w - 1) as f32);
                let fy = ((y as f32 + 0.5) / 2.0 - 0.5).clamp(0.0, (h - 1) as f32);
                let (x0, y0) = (fx.floor() as usize, fy.floor() as usize);
                let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
                let (tx, ty) = (fx - x0 as f32, fy - y0 as f32);
                let at = |x: usize, y: usize| img.pixels[y * w + x].to_array().map(f32::from);
                let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
                let mix = |i: usize| {
                    (a[i] * (1.0 - tx) * (1.0 - ty)
                        + b[i] * tx * (1.0 - ty)
                        + c[i] * (1.0 - tx) * ty
                        + d[i] * tx * ty)
                        .round() as u8
                };
                egui::Color32::from_rgba_premultiplied(mix(0), mix(1), mix(2), mix(3))
            } else {
                img.pixels[(y / 2) * w + x / 2]
            };
            out.pixels[y * 2 * w + x] = c;
        }
    }
    out
}

#[test]
fn two_x_is_rendered_at_two_x_not_resampled() {
    let one = render(PlotKind::ModelSize, 600.0, 420.0, 1.0);
    let two = render(PlotKind::ModelSize, 600.0, 420.0, 2.0);
    assert_eq!(one.size, [600, 420]);
    assert_eq!(two.size, [1200, 840]);
    let (nearest, smooth) = (upscale(&one, false), upscale(&one, true));
    // Text and marker edges of a 2x render fall inside 2x2 blocks as sharp steps; a nearest
    // upscale has uniform blocks, a bilinear one only soft ramps.
    let real = sharp_blocks(&two);
    assert_eq!(sharp_blocks(&nearest), 0);
    assert!(
        real > 1_000 && real > 20 * sharp_blocks(&smooth).max(1),
        "sharp blocks: 2x render {real}, bilinear upscale {}",
        sharp_blocks(&smooth)
    );
    // And there are about twice as many sharp edges as at 1x (edges are lines, twice as long
    // in pixels), as a nearest upscale would give too, but a bilinear one would not.
    let (e1, e2) = (sharp_edges(&one, 120), sharp_edges(&two, 120));
    assert!(e2 as f64 > 1.5 * e1 as f64, "sharp edges: 1x {e1}, 2x {e2}");
    assert!((sharp_edges(&smooth, 120) as f64) < 1.5 * e1 as f64);
}

#[test]
fn one_image_snapshot_per_plot() {
    for kind in PlotKind::ALL {
        let img = render_fitted(kind, 760.0, 300.0, 1.0);
        let [w, h] = img.size;
        let rgba = image::RgbaImage::from_raw(w as u32, h as u32, img.as_raw().to_vec()).unwrap();
        egui_kittest::image_snapshot(&rgba, format!("plot_{}", kind.name()));
    }
}

/// A 1 MB model and organization name and a 1 MB locator in the footer: every plot still
/// exports at the size the same dataset with short texts gets (labels and footer entries are
/// ellipsized instead of growing the image), and the figure says nothing raw.
#[test]
fn huge_names_and_locators_do_not_grow_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let plain = builtin();
    let mut ds = (*plain).clone();
    let model = &mut ds.models[0];
    model.name = format!("{}\u{1b}[2J", "M".repeat(1 << 20));
    let (developer, cited) = (model.developer.clone(), model.sources[0].source.clone());
    for o in ds.organizations.iter_mut().filter(|o| o.id == developer) {
        o.name = "O".repeat(1 << 20);
    }
    for s in ds.sources.iter_mut().filter(|s| s.id == cited) {
        s.title = String::new();
        s.locator = format!("https://example.org/{}", "a".repeat(1 << 20));
    }
    let (normal, hostile) = (
        dir.path().join("normal.ron"),
        dir.path().join("hostile.ron"),
    );
    save_atomic(&plain, &normal).unwrap();
    save_atomic(&ds, &hostile).unwrap();
    for kind in PlotKind::ALL {
        let size = |data: &Path| {
            let png = dir.path().join(format!("{}.png", kind.name()));
            let out = exe()
                .args(["export", "--plot", kind.name(), "--out"])
                .arg(&png)
                .arg(data)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            // Written; the hostile names are problems in the data, reported (exit 1).
            let reported = err.contains("problem(s) in the data");
            let code = if reported { 1 } else { 0 };
            assert_eq!(out.status.code(), Some(code), "{}: {err}", kind.name());
            assert!(err.lines().all(|l| l.len() < 400), "{err}");
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.lines().all(|l| l.len() < 400), "{stdout}");
            png_size(&png)
        };
        let (w, h) = size(&normal);
        let (hw, hh) = size(&hostile);
        assert_eq!(hw, w, "{}", kind.name());
        // At most a few lines of ellipsized text more than the plain dataset's figure.
        assert!(hh <= h + 200, "{}: {hw}x{hh} against {w}x{h}", kind.name());
    }
    // What the figure draws is ellipsized and escaped.
    let data = derive_all(
        PlotKind::ReleaseTimeline,
        &Arc::new(ds),
        &DeriveOptions::default(),
    );
    let footer = data.footer.lines().join("\n");
    assert!(footer.len() < 20_000, "{}", footer.len());
    assert!(data.marks.iter().all(|m| m.label.chars().count() <= 200));
    assert!(data.marks.iter().all(|m| !m.label.contains('\u{1b}')));
    assert!(data.legend.iter().all(|e| e.label.chars().count() <= 600));
}

/// A figure that grows, with all its notes and sources, taller than the renderer can draw
/// (here: 200 points wide at scale 8) is a failed rendering, exit 3 with a plain message, not
/// a bad argument (exit 2): no size was asked for that is impossible in itself.
#[test]
fn a_figure_too_tall_to_render_is_not_a_bad_argument() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("tall.png");
    let out = exe()
        .args([
            "export",
            "--plot",
            "release-timeline",
            "--scale",
            "8",
            "--width",
            "1600",
        ])
        .arg("--out")
        .arg(&png)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        // A renderer that takes textures this tall draws it.
        Some(0) => assert!(png.exists()),
        Some(3) => {
            assert!(err.contains("points tall"), "{err}");
            assert!(err.contains("--height"), "says what to do: {err}");
            assert!(!png.exists());
        }
        code => panic!("exit {code:?}: {err}"),
    }
}

/// The footer of every built-in plot, laid out by the figure's own footer code on the CPU (no
/// GPU: egui's text layout only) at the default export width (900 points, the export's 14-point
/// margins) and at the snapshots' 760: its source line, read back from the text shapes drawn,
/// takes at most two lines and names publishers and developers, not locators.
#[test]
fn every_builtin_source_line_takes_at_most_two_lines_of_the_figure() {
    use ai_adoption_explorer::figure::{SOURCE_LINE_ROWS, figure_footer_ui, install_fonts};
    let ds = builtin();
    for kind in PlotKind::ALL {
        let data = Arc::new(derive_all(kind, &ds, &DeriveOptions::default()));
        for width in [900.0, 760.0] {
            let ctx = egui::Context::default();
            install_fonts(&ctx);
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(width, 3_000.0),
                )),
                ..Default::default()
            };
            let mut out = None;
            // The first pass loads the fonts.
            for _ in 0..2 {
                let mut pass = ctx.run_ui(input.clone(), |ui| {
                    let frame = egui::Frame::new().inner_margin(egui::Margin::symmetric(14, 8));
                    egui::CentralPanel::default()
                        .frame(frame)
                        .show(ui, |ui| figure_footer_ui(ui, &data, None));
                });
                // Nothing is rendered: the font atlas is not uploaded anywhere.
                pass.textures_delta.clear();
                out = Some(pass);
            }
            let lines: Vec<(String, usize, f32)> = out
                .unwrap()
                .shapes
                .iter()
                .filter_map(|c| match &c.shape {
                    egui::Shape::Text(t) if t.galley.text().starts_with("Source: ") => Some((
                        t.galley.text().to_owned(),
                        t.galley.rows.len(),
                        t.galley.rect.width(),
                    )),
                    _ => None,
                })
                .collect();
            let [(line, rows, drawn_width)] = &lines[..] else {
                panic!("{}: one source line, got {lines:?}", kind.name());
            };
            assert!(
                (1..=SOURCE_LINE_ROWS).contains(rows),
                "{} at {width}: {rows} lines: {line}",
                kind.name()
            );
            assert!(*drawn_width <= width - 28.0 + 0.5, "{}", kind.name());
            for locator in ["shared/sources", "@", "git log", "README", ".txt"] {
                assert!(!line.contains(locator), "{}: {line}", kind.name());
            }
        }
        // Every source is still in the full list, with its locator.
        assert_eq!(data.footer.full_sources.len(), data.footer.sources.len());
    }
    let timeline = derive_all(PlotKind::ReleaseTimeline, &ds, &DeriveOptions::default());
    let line = &timeline.footer.lines()[0];
    assert!(line.contains("Epoch AI"), "{line}");
    assert!(line.contains("model cards and repositories of"), "{line}");
    assert!(
        timeline
            .footer
            .full_sources
            .iter()
            .any(|s| s.locator == "shared/sources/000_b9b3d6cb2cdf0734.txt")
    );
}
