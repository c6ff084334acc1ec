//! `check`, `format` and the hidden `synth-scatter`: read a dataset, report its problems, rewrite it.

use std::io::Write;
use std::path::Path;

use super::lines::{kind_of, load_error_line, message_line, problem_line, shown_path};
use crate::app::{BUILTIN_NAME, BUILTIN_RON};
use crate::io::load_path;

/// Exit code of `check` for a valid file.
pub const EXIT_VALID: i32 = 0;
/// Exit code of `check` for a file with invalid data.
pub const EXIT_INVALID: i32 = 1;
/// Exit code of `check` for a file that cannot be read or parsed.
pub const EXIT_UNREADABLE: i32 = 2;

/// Runs `check` on `path`: problems go to `out`, one a line (warnings labelled `warning:`); a
/// summary goes to `err`. Returns the exit code: warnings alone leave it at [`EXIT_VALID`].
pub fn run_check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    report(&shown_path(path), load_path(path), out, err)
}

/// Runs `check` on the built-in dataset (`check --builtin`), reported as [`run_check`] reports
/// a file, under the name "Built-in dataset".
pub fn run_check_builtin(out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let loaded = crate::io::load_bytes(BUILTIN_NAME, BUILTIN_RON.as_bytes());
    report(BUILTIN_NAME, loaded, out, err)
}

/// Prints what loading `file` gave and returns the exit code.
fn report(
    file: &str,
    loaded: Result<crate::io::Loaded, crate::io::LoadError>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match loaded {
        Err(e) => {
            let _ = writeln!(out, "{}", load_error_line(&e));
            let _ = writeln!(err, "{file}: cannot be opened: {}", kind_of(&e));
            EXIT_UNREADABLE
        }
        Ok(loaded) => {
            for p in &loaded.problems {
                let _ = writeln!(out, "{}", problem_line(file, p));
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
