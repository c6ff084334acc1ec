//! The command line: `ai-adoption-explorer [FILE]`, `ai-adoption-explorer check FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::io::{LoadError, load_path};

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
    /// Exit code 0: valid. 1: readable but with invalid data (a duplicate id, a missing reference,
    /// an impossible date...). 2: cannot be read or parsed (including an unknown field or a newer
    /// format version).
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
}

/// Exit code of `check` for a valid file.
pub const EXIT_VALID: i32 = 0;
/// Exit code of `check` for a file with invalid data.
pub const EXIT_INVALID: i32 = 1;
/// Exit code of `check` for a file that cannot be read or parsed.
pub const EXIT_UNREADABLE: i32 = 2;

/// Runs `check` on `path`: problems go to `out`, one a line; a summary goes to `err`.
/// Returns the exit code.
pub fn run_check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let file = path.display().to_string();
    match load_path(path) {
        Err(e) => {
            let _ = writeln!(out, "{e}");
            let _ = writeln!(err, "{file}: cannot be opened: {}", kind_of(&e));
            EXIT_UNREADABLE
        }
        Ok(loaded) if loaded.problems.is_empty() => {
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
            let _ = writeln!(err, "{file}: valid ({n} records)");
            EXIT_VALID
        }
        Ok(loaded) => {
            for p in &loaded.problems {
                let _ = writeln!(out, "{file}: {p}");
            }
            let n = loaded.problems.len();
            let _ = writeln!(err, "{file}: {n} problem{}", if n == 1 { "" } else { "s" });
            EXIT_INVALID
        }
    }
}

/// Runs `format` on `path`. Returns the exit code (0 done, 2 unreadable or not writable).
pub fn run_format(path: &Path, err: &mut dyn Write) -> i32 {
    let loaded = match load_path(path) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_UNREADABLE;
        }
    };
    for p in &loaded.problems {
        let _ = writeln!(err, "{}: {p}", path.display());
    }
    match crate::io::save_atomic(&loaded.dataset, path) {
        Ok(_) => EXIT_VALID,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            EXIT_UNREADABLE
        }
    }
}

fn kind_of(e: &LoadError) -> &'static str {
    match e {
        LoadError::Io { .. } => "read error",
        LoadError::TooLarge { .. } => "too large",
        LoadError::Empty { .. } => "empty file",
        LoadError::NotText { .. } => "not text",
        LoadError::Syntax { .. } => "syntax error",
        LoadError::NewerVersion { .. } => "newer format version",
    }
}
