//! `export`: a plot drawn offscreen to a PNG (and its values to CSV), without a window.

use std::io::Write;
use std::path::PathBuf;

use super::check::EXIT_VALID;
use super::lines::{NAME_CAP, load_error_line, message_line, shown_path};
use crate::io::load_path;
use crate::model::text::safe_text;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Print the plot names, one a line, and exit.
    #[arg(long, conflicts_with_all = ["plot", "out", "all"])]
    pub list: bool,
    /// The plot to draw (see --list): release-timeline, model-size, ...
    #[arg(long, required_unless_present_any = ["list", "all"])]
    pub plot: Option<String>,
    /// The file to write (.png, .svg or .pdf; see --format).
    #[arg(long, required_unless_present_any = ["list", "all", "alt_text"], conflicts_with = "all")]
    pub out: Option<PathBuf>,
    /// Every plot, each written to DIR/<plot name>.<format>.
    #[arg(long, requires = "out_dir", conflicts_with_all = ["plot", "csv"])]
    pub all: bool,
    /// The folder `--all` writes into (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// File format; by default from the file's extension (PNG for --all).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// A size preset: article (640 points wide, as tall as the figure), slide (1920x1080) or
    /// square (1080x1080); a PNG has the preset's size times --scale in pixels.
    #[arg(long, value_enum, conflicts_with_all = ["width", "height"])]
    pub preset: Option<PresetArg>,
    /// The plot only: no title, subtitle, key, notes or source footer.
    #[arg(long)]
    pub plain: bool,
    /// No background (PNG with alpha; SVG and PDF without a background rectangle).
    #[arg(long)]
    pub transparent: bool,
    /// A title instead of the plot's own.
    #[arg(long)]
    pub title: Option<String>,
    /// A subtitle instead of the plot's own (an empty one removes it).
    #[arg(long)]
    pub subtitle: Option<String>,
    /// A note added under the plot's notes.
    #[arg(long)]
    pub note: Option<String>,
    /// Who made the chart, printed as "Chart: ..." under the sources.
    #[arg(long)]
    pub byline: Option<String>,
    /// Print the plot's alt texts (short, then long); with --out or --all the files are
    /// written too.
    #[arg(long)]
    pub alt_text: bool,
    /// Pixel density: 1 for screens, 2 (default) or 4 for print; text and lines are drawn at
    /// this density, never upscaled (SVG and PDF are laid out at it too).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// Image width in pixels (default 900 points times the scale).
    #[arg(long)]
    pub width: Option<u32>,
    /// Image height in pixels; without it the plot is 420 points high and the image as tall as
    /// the figure with all its notes and sources.
    #[arg(long)]
    pub height: Option<u32>,
    /// Light or dark.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Linear instead of log scale for the count axes (model-size, downloads).
    #[arg(long)]
    pub linear: bool,
    /// Group the model-size plot by family instead of developer country.
    #[arg(long)]
    pub by_family: bool,
    /// What share-by-country shares out: releases, downloads or derivatives.
    #[arg(long, value_enum, default_value_t = MeasureArg::Releases)]
    pub measure: MeasureArg,
    /// Count all models of the dataset in releases-per-quarter and share-by-country (by
    /// default: Epoch AI's large-scale models when the dataset has them).
    #[arg(long)]
    pub all_models: bool,
    /// Also write the plotted values to this CSV file, one row per mark with its sources.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// The dataset file (.ron); the built-in dataset when omitted.
    pub dataset: Option<PathBuf>,
}

/// What share-by-country shares out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MeasureArg {
    /// Model releases.
    Releases,
    /// Monthly downloads.
    Downloads,
    /// Derivative models.
    Derivatives,
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A raster image, rendered offscreen with wgpu.
    Png,
    /// Vector, text as text (browsers, Inkscape).
    Svg,
    /// Vector, fonts embedded, with a Sources page.
    Pdf,
}

impl FormatArg {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            FormatArg::Png => "png",
            FormatArg::Svg => "svg",
            FormatArg::Pdf => "pdf",
        }
    }

    /// The format a file's extension names, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        [FormatArg::Png, FormatArg::Svg, FormatArg::Pdf]
            .into_iter()
            .find(|f| f.extension() == ext)
    }
}

/// A size preset of an export, in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PresetArg {
    /// 640 points wide, as tall as the figure (an article's column).
    Article,
    /// 1920x1080 (16:9).
    Slide,
    /// 1080x1080 (social media).
    Square,
}

/// Height of the plot of the article preset, in points.
pub use crate::export::ARTICLE_PLOT_POINTS;

/// The figure's theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on white.
    Light,
    /// Light text on dark grey.
    Dark,
}

/// Default figure size in points (the image is this times the scale in pixels).
pub const DEFAULT_FIGURE_POINTS: (f32, f32) = (900.0, 600.0);
/// Height of the plot itself, in points, when no `--height` is given (the image is then as
/// tall as the figure).
pub const DEFAULT_PLOT_POINTS: f32 = 420.0;

/// Exit code of `export` when the files were written but problems were reported (the dataset
/// has invalid records, plotted anyway).
pub const EXIT_WITH_PROBLEMS: i32 = 1;
/// Exit code of `export` for bad arguments or an unreadable dataset.
pub const EXIT_BAD_INPUT: i32 = 2;
/// Exit code of `export` when rendering or writing failed.
pub const EXIT_EXPORT_FAILED: i32 = 3;

/// Prints `message` as `export: ...` and returns `code`.
fn fail(err: &mut dyn Write, code: i32, message: &str) -> i32 {
    let _ = writeln!(err, "export: {}", message_line(message));
    code
}

/// The figure options the arguments ask for (sizes in pixels at `--scale`).
fn figure_options(args: &ExportArgs) -> crate::export::FigureOptions {
    use crate::figure::scene::FigureParts;
    let scale = args.scale;
    let (wp, hp) = DEFAULT_FIGURE_POINTS;
    let px = |pt: f32| (pt * scale).round() as u32;
    let (width_px, height_px, plot_height) = match args.preset {
        Some(PresetArg::Article) => (px(640.0), px(hp), Some(ARTICLE_PLOT_POINTS)),
        Some(PresetArg::Slide) => (px(1920.0), px(1080.0), None),
        Some(PresetArg::Square) => (px(1080.0), px(1080.0), None),
        // Without --height the plot keeps a readable height and the image grows to hold every
        // note and source under it.
        None => (
            args.width.unwrap_or(px(wp)),
            args.height.unwrap_or(px(hp)),
            args.height.is_none().then_some(DEFAULT_PLOT_POINTS),
        ),
    };
    crate::export::FigureOptions {
        width_px,
        height_px,
        plot_height,
        scale,
        theme: match args.theme {
            ThemeArg::Light => egui::Theme::Light,
            ThemeArg::Dark => egui::Theme::Dark,
        },
        parts: FigureParts {
            plain: args.plain,
            transparent: args.transparent,
            title: args.title.clone(),
            subtitle: args.subtitle.clone(),
            note: args.note.clone(),
            byline: args.byline.clone(),
        },
    }
}

/// Loads the dataset of `args` (the built-in one without a file): the dataset and whether it
/// has problems, or the exit code after printing why it cannot be read.
fn load_dataset(
    args: &ExportArgs,
    err: &mut dyn Write,
) -> Result<(crate::model::Dataset, bool), i32> {
    match &args.dataset {
        None => crate::io::load_bytes(crate::app::BUILTIN_NAME, crate::app::BUILTIN_RON.as_bytes())
            .map(|l| (l.dataset, false))
            .map_err(|e| fail(err, EXIT_BAD_INPUT, &load_error_line(&e))),
        Some(path) => match load_path(path) {
            Ok(l) => {
                let errors = l.problems.iter().filter(|p| p.is_error()).count();
                if errors > 0 {
                    let _ = writeln!(
                        err,
                        "export: {}: {errors} problem(s) in the data (see `check`); plotting it anyway",
                        shown_path(path),
                    );
                }
                Ok((l.dataset, errors > 0))
            }
            Err(e) => Err(fail(err, EXIT_BAD_INPUT, &load_error_line(&e))),
        },
    }
}

/// Runs `export`: messages go to `out` (the plot list, what was written) and `err`.
/// Returns the exit code: 0 written, 1 written with problems reported, 2 bad arguments or an
/// unreadable dataset, 3 could not render or write.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    use crate::export::{ExportError, derive_all};
    use crate::plots::{DeriveOptions, GroupBy, PlotKind, alt_text};
    if args.list {
        for k in PlotKind::ALL {
            let _ = writeln!(out, "{}", k.name());
        }
        return EXIT_VALID;
    }
    let kinds: Vec<PlotKind> = if args.all {
        PlotKind::ALL.to_vec()
    } else {
        let Some(name) = &args.plot else {
            return fail(
                err,
                EXIT_BAD_INPUT,
                "--plot NAME and --out FILE are needed (or --all --out-dir DIR, or --list)",
            );
        };
        let Some(kind) = PlotKind::from_name(name) else {
            let names: Vec<&str> = PlotKind::ALL.iter().map(|k| k.name()).collect();
            let _ = writeln!(
                err,
                "export: unknown plot \"{}\"; the plots are: {}",
                safe_text(name, NAME_CAP, false),
                names.join(", ")
            );
            return EXIT_BAD_INPUT;
        };
        vec![kind]
    };
    // The format: --format, else the file's extension, else PNG.
    let format = match (args.format, &args.out) {
        (Some(f), _) => f,
        (None, Some(path)) => match FormatArg::from_path(path) {
            Some(f) => f,
            None if path.extension().is_none() => FormatArg::Png,
            None => {
                return fail(
                    err,
                    EXIT_BAD_INPUT,
                    &format!(
                        "{}: unknown file type; name it .png, .svg or .pdf, or give --format",
                        shown_path(path)
                    ),
                );
            }
        },
        (None, None) => FormatArg::Png,
    };
    let options = figure_options(args);
    if let Err(e) = options.check() {
        return fail(err, EXIT_BAD_INPUT, &e.to_string());
    }
    let (dataset, problems) = match load_dataset(args, err) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let ds = std::sync::Arc::new(dataset);
    let derive_options = DeriveOptions {
        group_by: if args.by_family {
            GroupBy::Family
        } else {
            GroupBy::Country
        },
        linear: args.linear,
        population: if args.all_models {
            crate::plots::PopulationChoice::AllModels
        } else {
            crate::plots::PopulationChoice::Default
        },
        share_measure: match args.measure {
            MeasureArg::Releases => crate::plots::ShareMeasure::Releases,
            MeasureArg::Downloads => crate::plots::ShareMeasure::Downloads,
            MeasureArg::Derivatives => crate::plots::ShareMeasure::Derivatives,
        },
    };
    if let Some(dir) = args.out_dir.as_ref().filter(|_| args.all)
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(
            err,
            EXIT_EXPORT_FAILED,
            &format!("could not create the folder {}: {e}", shown_path(dir)),
        );
    }
    let mut offscreen = None;
    for kind in kinds {
        let data = std::sync::Arc::new(derive_all(kind, &ds, &derive_options));
        if args.alt_text {
            let alt = alt_text(&options.parts.apply_texts(&data));
            let _ = writeln!(out, "{}: alt text (short): {}", kind.name(), alt.short);
            let _ = writeln!(out, "{}: alt text (long): {}", kind.name(), alt.long);
        }
        let path = match (&args.out, &args.out_dir) {
            (Some(p), _) => p.clone(),
            (None, Some(dir)) if args.all => {
                dir.join(format!("{}.{}", kind.name(), format.extension()))
            }
            _ => continue,
        };
        let written = write_one(format, &mut offscreen, &ds, &data, &options, &path);
        match written {
            Ok((line, missing)) => {
                let _ = writeln!(out, "{line}");
                // A warning, not a failure: the file is written, the exit code stays.
                if let Some(w) = crate::export::missing_glyph_warning(&missing) {
                    let _ = writeln!(err, "export: {}: warning: {w}", shown_path(&path));
                }
            }
            Err(e) => {
                let code = match e {
                    ExportError::BadSize(_) => EXIT_BAD_INPUT,
                    _ => EXIT_EXPORT_FAILED,
                };
                return fail(err, code, &e.to_string());
            }
        }
        if let Some(csv) = &args.csv {
            if let Err(e) = crate::export::write_file(csv, crate::plots::to_csv(&data).as_bytes()) {
                return fail(err, EXIT_EXPORT_FAILED, &e.to_string());
            }
            let _ = writeln!(out, "{}: {} rows", shown_path(csv), data.mark_count());
        }
    }
    if problems {
        EXIT_WITH_PROBLEMS
    } else {
        EXIT_VALID
    }
}

/// Writes the figure of `data` to `path` in `format` (a PNG through the headless renderer,
/// opened on first use) and returns the line that reports it and the names drawn as boxes.
fn write_one(
    format: FormatArg,
    offscreen: &mut Option<crate::export::Offscreen>,
    ds: &crate::model::Dataset,
    data: &std::sync::Arc<crate::plots::PlotData>,
    options: &crate::export::FigureOptions,
    path: &std::path::Path,
) -> Result<(String, Vec<String>), crate::export::ExportError> {
    use crate::export::{
        FigureMetadata, Offscreen, encode_png_with, missing_glyph_names, render_figure,
        vector_scene, write_file,
    };
    let view = crate::figure::PlotView::default();
    if format == FormatArg::Png {
        let off = match offscreen {
            Some(o) => o,
            None => offscreen.insert(Offscreen::headless()?),
        };
        let figure = render_figure(off, ds, data, &view, None, options)?;
        let meta = FigureMetadata::of(ds, &options.parts.apply_texts(data));
        write_file(path, &encode_png_with(&figure.image, Some(&meta))?)?;
        let line = format!(
            "{}: {} ({}x{} px, scale {}, {} marks, rendered on {})",
            shown_path(path),
            meta.title,
            figure.image.size[0],
            figure.image.size[1],
            options.scale,
            figure.stats.marks_drawn,
            off.adapter
        );
        return Ok((line, figure.missing_glyphs));
    }
    let scene = vector_scene(ds, data, &view, None, options)?;
    let meta = FigureMetadata::of(ds, &scene.data);
    let bytes = match format {
        FormatArg::Svg => crate::export::svg::scene_to_svg(&scene, &meta)?.into_bytes(),
        _ => crate::export::pdf::scene_to_pdf(&scene, &meta)?,
    };
    write_file(path, &bytes)?;
    let line = format!(
        "{}: {} ({:.0}x{:.0} points, {}, {} marks)",
        shown_path(path),
        meta.title,
        scene.size_points.x,
        scene.size_points.y,
        format.extension().to_uppercase(),
        scene.stats.marks_drawn
    );
    Ok((line, missing_glyph_names(&scene)))
}
