//! The command line: `ai-adoption-explorer [FILE]`, `ai-adoption-explorer check FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::io::{LoadError, load_path};
use crate::model::Problem;
use crate::model::text::{safe_line, safe_text};

/// Explore and edit a sourced dataset of which organizations use which AI models.
#[derive(Debug, Parser)]
#[command(
    name = "ai-adoption-explorer",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Dataset file (.ron) to open in the window; without it, the file open last time, else the
    /// built-in dataset.
    pub file: Option<PathBuf>,
    /// A command to run without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset file and print each problem on its own line.
    ///
    /// Exit code 0: valid (warnings, such as a date more than a year ahead, are printed as
    /// `warning:` lines but keep it 0). 1: readable but with invalid data (a duplicate id, a
    /// missing reference, an impossible date...). 2: cannot be read or parsed (including an
    /// unknown field or a newer format version).
    Check {
        /// The dataset file to check.
        file: PathBuf,
    },
    /// Rewrite a dataset file in the app's canonical form (as File > Save writes it).
    ///
    /// The file must parse; problems in its data are listed but do not stop the rewrite. The
    /// previous version is kept as `<name>.bak`.
    Format {
        /// The dataset file to rewrite.
        file: PathBuf,
    },
    /// Export a plot as a PNG image (and its plotted values as CSV), without a window or GPU.
    ///
    /// The figure is the one the window draws (title, subtitle, plot, legend, notes and the
    /// source footer), rendered offscreen with wgpu; on a machine without a GPU, Mesa's
    /// lavapipe (Debian: mesa-vulkan-drivers) renders it. Exit code 0: written. 1: rendering
    /// or writing failed (no renderer, a figure taller than the renderer can draw...). 2: bad
    /// arguments or an unreadable dataset.
    Export(ExportArgs),
    /// Write a synthetic scatter dataset (three download series, made-up values) for the
    /// benchmarks; see `benches/compare_matplotlib.sh`.
    #[command(hide = true)]
    SynthScatter {
        /// Points in all.
        #[arg(long, default_value_t = 1_000_000)]
        points: usize,
        /// The dataset file to write.
        out: PathBuf,
    },
}

/// Runs `synth-scatter`. Returns the exit code.
pub fn run_synth_scatter(points: usize, out: &Path, err: &mut dyn Write) -> i32 {
    let ds = crate::model::synth::scatter_series(points, 1);
    match crate::io::save_atomic(&ds, out) {
        Ok(_) => EXIT_VALID,
        Err(e) => {
            let _ = writeln!(err, "{}", message_line(&e.to_string()));
            EXIT_UNREADABLE
        }
    }
}

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

/// Exit code of `check` for a valid file.
pub const EXIT_VALID: i32 = 0;
/// Exit code of `check` for a file with invalid data.
pub const EXIT_INVALID: i32 = 1;
/// Exit code of `check` for a file that cannot be read or parsed.
pub const EXIT_UNREADABLE: i32 = 2;

/// Runs `check` on `path`: problems go to `out`, one a line (warnings labelled `warning:`); a
/// summary goes to `err`. Returns the exit code: warnings alone leave it at [`EXIT_VALID`].
pub fn run_check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let file = shown_path(path);
    match load_path(path) {
        Err(e) => {
            let _ = writeln!(out, "{}", load_error_line(&e));
            let _ = writeln!(err, "{file}: cannot be opened: {}", kind_of(&e));
            EXIT_UNREADABLE
        }
        Ok(loaded) => {
            for p in &loaded.problems {
                let _ = writeln!(out, "{}", problem_line(&file, p));
            }
            if loaded.problems.iter().any(|p| p.is_error()) {
                let summary = crate::model::problems_summary(&loaded.problems);
                let _ = writeln!(err, "{file}: {summary}");
                return EXIT_INVALID;
            }
            let d = &loaded.dataset;
            let n = d.sources.len()
                + d.organizations.len()
                + d.people.len()
                + d.roles.len()
                + d.families.len()
                + d.models.len()
                + d.adoptions.len()
                + d.claims.len()
                + d.conflicts.len()
                + d.series.len()
                + d.events.len();
            let warnings = match loaded.problems.len() {
                0 => String::new(),
                1 => ", 1 warning".to_owned(),
                w => format!(", {w} warnings"),
            };
            let _ = writeln!(err, "{file}: valid ({n} records){warnings}");
            EXIT_VALID
        }
    }
}

/// Runs `format` on `path`. Returns the exit code (0 done, 2 unreadable or not writable).
pub fn run_format(path: &Path, err: &mut dyn Write) -> i32 {
    let loaded = match load_path(path) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(err, "{}", load_error_line(&e));
            return EXIT_UNREADABLE;
        }
    };
    let file = shown_path(path);
    for p in &loaded.problems {
        let _ = writeln!(err, "{}", problem_line(&file, p));
    }
    if let Some(note) = loaded.upgrade_note() {
        let _ = writeln!(err, "{}: note: {note}", path.display());
    }
    match crate::io::save_atomic(&loaded.dataset, path) {
        Ok(saved) => {
            for w in &saved.warnings {
                let _ = writeln!(err, "warning: {w}");
            }
            EXIT_VALID
        }
        Err(e) => {
            let _ = writeln!(err, "{}", message_line(&e.to_string()));
            EXIT_UNREADABLE
        }
    }
}

/// At most this many characters of a file name are printed.
const PATH_CAP: usize = 120;
/// At most this many characters of a record's id or a field path are printed in a problem line.
const ID_CAP: usize = 60;
/// At most this many characters of a name given on the command line are printed back.
const NAME_CAP: usize = 60;

/// A file name as printed: control characters escaped, long names cut (see
/// [`safe_text`]), so that a file name cannot act on the terminal either.
fn shown_path(path: &Path) -> String {
    safe_text(&path.display().to_string(), PATH_CAP, false).into_owned()
}

/// One problem as `check` and `format` print it, "FILE: kind id: field: message", safe for a
/// terminal whatever the file holds: every part with its control characters escaped and cut to
/// a length that keeps the line short and still says the record and field.
pub fn problem_line(file: &str, p: &Problem) -> String {
    format!(
        "{file}: {}{} {}: {}: {}",
        p.label(),
        p.kind,
        safe_text(&p.id, ID_CAP, false),
        safe_text(&p.field, ID_CAP, false),
        safe_line(&p.message)
    )
}

/// At most this many characters of one of the app's own messages (which may hold a file name
/// or the renderer's words) are printed.
const MESSAGE_CAP: usize = 600;

/// One of the app's own error messages as printed: escaped, and cut only past
/// [`MESSAGE_CAP`] characters (it may name a file).
fn message_line(message: &str) -> String {
    safe_text(message, MESSAGE_CAP, false).into_owned()
}

/// At most this many characters of a load error are printed: the loader already bounds its own
/// message (an excerpt of the file is at most 80 characters), so this leaves room for the file
/// name and the place in the file while keeping the line short.
const LOAD_ERROR_CAP: usize = 340;

/// A load error as printed: its message (which may quote the file) with control characters
/// escaped and cut to one line of at most [`LOAD_ERROR_CAP`] characters.
pub fn load_error_line(e: &LoadError) -> String {
    safe_text(&e.to_string(), LOAD_ERROR_CAP, false).into_owned()
}

fn kind_of(e: &LoadError) -> &'static str {
    match e {
        LoadError::Io { .. } => "read error",
        LoadError::TooLarge { .. } => "too large",
        LoadError::NotRegularFile { .. } => "not a regular file",
        LoadError::Empty { .. } => "empty file",
        LoadError::NotText { .. } => "not text",
        LoadError::Syntax { .. } => "syntax error",
        LoadError::NewerVersion { .. } => "newer format version",
    }
}
