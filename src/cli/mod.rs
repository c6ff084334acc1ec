//! The command line: the window's arguments and the subcommands that run without a window
//! (`check`, `format`, `export`, `import`), one file per subcommand, and the safe output lines they share.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod check;
mod export;
mod import;
mod lines;

pub use check::{
    EXIT_INVALID, EXIT_UNREADABLE, EXIT_VALID, run_check, run_check_builtin, run_format,
    run_synth_scatter,
};
pub use export::{
    DEFAULT_FIGURE_POINTS, DEFAULT_PLOT_POINTS, EXIT_BAD_INPUT, EXIT_EXPORT_FAILED,
    EXIT_WITH_PROBLEMS, ExportArgs, FormatArg, PresetArg, ThemeArg, run_export,
};
pub use import::{
    EXIT_IMPORT_DONE, EXIT_IMPORT_PROBLEMS, EXIT_IMPORT_UNUSABLE, EXIT_IMPORT_WRITE_FAILED,
    ImportArgs, run_import,
};
pub use lines::{load_error_line, problem_line};

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
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once at start; export's options are many"
)]
pub enum Command {
    /// Check a dataset file and print each problem on its own line.
    ///
    /// Exit code 0: valid (warnings, such as a date more than a year ahead, are printed as
    /// `warning:` lines but keep it 0). 1: readable but with invalid data (a duplicate id, a
    /// missing reference, an impossible date...). 2: cannot be read or parsed (including an
    /// unknown field or a newer format version).
    Check {
        /// The dataset file to check.
        #[arg(required_unless_present = "builtin")]
        file: Option<PathBuf>,
        /// Check the built-in dataset (the one inside the app) instead of a file.
        #[arg(long, conflicts_with = "file")]
        builtin: bool,
    },
    /// Rewrite a dataset file in the app's canonical form (as File > Save writes it).
    ///
    /// The file must parse; problems in its data are listed but do not stop the rewrite. The
    /// previous version is kept as `<name>.bak`.
    Format {
        /// The dataset file to rewrite.
        file: PathBuf,
    },
    /// Export a plot (or --all) as PNG, SVG or PDF (and its plotted values as CSV), without a
    /// window.
    ///
    /// The figure is the one the window draws (title, subtitle, plot, legend, notes and the
    /// source footer). SVG and PDF are written from its shapes with text as text, no GPU
    /// needed; a PNG is rendered offscreen with wgpu (without a GPU, Mesa's lavapipe, Debian:
    /// mesa-vulkan-drivers). Every file carries the title, alt texts, sources, dataset and
    /// software. Exit code 0: written. 1: written, with problems in the data reported. 2: bad
    /// arguments or an unreadable dataset. 3: rendering or writing failed (no renderer, a
    /// figure taller than the renderer can draw, a folder that cannot be written...).
    Export(ExportArgs),
    /// Import a CSV, TSV, XLSX, ODS or JSON file into a dataset: match its rows to the records
    /// already there, cite the file's row for every value, record differing values as conflicts.
    ///
    /// Exit code 0: done. 1: done, with rows skipped or problems listed. 2: unusable file,
    /// mapping or arguments (`FILE:ROW:COLUMN: message` lines). 3: the result could not be written.
    Import(Box<ImportArgs>),
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
