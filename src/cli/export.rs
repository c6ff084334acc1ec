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
    #[arg(long, conflicts_with_all = ["plot", "out"])]
    pub list: bool,
    /// The plot to draw (see --list): release-timeline, model-size, ...
    #[arg(long, required_unless_present = "list")]
    pub plot: Option<String>,
    /// The PNG file to write.
    #[arg(long, required_unless_present = "list")]
    pub out: Option<PathBuf>,
    /// Pixel density: 1 for screens, 2 (default) or 4 for print; text and lines are drawn at
    /// this density, never upscaled.
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
    /// Also write the plotted values to this CSV file, one row per mark with its sources.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// The dataset file (.ron); the built-in dataset when omitted.
    pub dataset: Option<PathBuf>,
}

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

/// Exit code of `export` when rendering or writing failed.
pub const EXIT_EXPORT_FAILED: i32 = 1;
/// Exit code of `export` for bad arguments or an unreadable dataset.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Runs `export`: messages go to `out` (the plot list, what was written) and `err`.
/// Returns the exit code.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    use crate::export::{
        FigureOptions, Offscreen, derive_all, encode_png, render_figure, write_file,
    };
    use crate::plots::{DeriveOptions, GroupBy, PlotKind, to_csv};
    if args.list {
        for k in PlotKind::ALL {
            let _ = writeln!(out, "{}", k.name());
        }
        return EXIT_VALID;
    }
    let (Some(name), Some(png)) = (&args.plot, &args.out) else {
        let _ = writeln!(
            err,
            "export: --plot NAME and --out FILE.png are needed (or --list)"
        );
        return EXIT_BAD_INPUT;
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
    let scale = args.scale;
    let (wp, hp) = DEFAULT_FIGURE_POINTS;
    let options = FigureOptions {
        width_px: args.width.unwrap_or((wp * scale).round() as u32),
        height_px: args.height.unwrap_or((hp * scale).round() as u32),
        // Without --height the plot keeps a readable height and the image grows to hold every
        // note and source under it.
        plot_height: args.height.is_none().then_some(DEFAULT_PLOT_POINTS),
        scale,
        theme: match args.theme {
            ThemeArg::Light => egui::Theme::Light,
            ThemeArg::Dark => egui::Theme::Dark,
        },
        parts: Default::default(),
    };
    if let Err(e) = options.check() {
        let _ = writeln!(err, "export: {}", message_line(&e.to_string()));
        return EXIT_BAD_INPUT;
    }
    let dataset = match &args.dataset {
        None => match crate::io::load_bytes(
            crate::app::BUILTIN_NAME,
            crate::app::BUILTIN_RON.as_bytes(),
        ) {
            Ok(l) => l.dataset,
            Err(e) => {
                let _ = writeln!(err, "export: {}", load_error_line(&e));
                return EXIT_BAD_INPUT;
            }
        },
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
                l.dataset
            }
            Err(e) => {
                let _ = writeln!(err, "export: {}", load_error_line(&e));
                return EXIT_BAD_INPUT;
            }
        },
    };
    let ds = std::sync::Arc::new(dataset);
    let derive_options = DeriveOptions {
        group_by: if args.by_family {
            GroupBy::Family
        } else {
            GroupBy::Country
        },
        linear: args.linear,
    };
    let data = std::sync::Arc::new(derive_all(kind, &ds, &derive_options));
    let mut offscreen = match Offscreen::headless() {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(err, "export: {}", message_line(&e.to_string()));
            return EXIT_EXPORT_FAILED;
        }
    };
    let view = crate::figure::PlotView::default();
    let figure = match render_figure(&mut offscreen, &ds, &data, &view, None, &options) {
        Ok(f) => f,
        Err(e) => {
            let _ = writeln!(err, "export: {}", message_line(&e.to_string()));
            return match e {
                crate::export::ExportError::BadSize(_) => EXIT_BAD_INPUT,
                _ => EXIT_EXPORT_FAILED,
            };
        }
    };
    let written = encode_png(&figure.image).and_then(|bytes| write_file(png, &bytes));
    if let Err(e) = written {
        let _ = writeln!(err, "export: {}", message_line(&e.to_string()));
        return EXIT_EXPORT_FAILED;
    }
    let _ = writeln!(
        out,
        "{}: {} ({}x{} px, scale {}, {} marks, rendered on {})",
        shown_path(png),
        data.title,
        figure.image.size[0],
        figure.image.size[1],
        scale,
        figure.stats.marks_drawn,
        offscreen.adapter
    );
    if let Some(csv) = &args.csv {
        if let Err(e) = write_file(csv, to_csv(&data).as_bytes()) {
            let _ = writeln!(err, "export: {}", message_line(&e.to_string()));
            return EXIT_EXPORT_FAILED;
        }
        let _ = writeln!(out, "{}: {} rows", shown_path(csv), data.mark_count());
    }
    EXIT_VALID
}
