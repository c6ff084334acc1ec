//! File dialogs behind a seam: the app gets rfd's native dialogs, tests get a fake.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose this path.
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this system (no desktop portal and no zenity).
    Unavailable,
}

/// Native Open and Save dialogs.
pub trait FileDialogs {
    /// Asks for a dataset file to open.
    fn pick_open(&mut self, start_dir: Option<&Path>) -> DialogOutcome;
    /// Asks where to save a dataset, suggesting a file name.
    fn pick_save(&mut self, start_dir: Option<&Path>, file_name: &str) -> DialogOutcome;
    /// Asks where to save an export (a PNG image, a CSV table), suggesting a file name;
    /// `filter` is the file type's name and extension (`("PNG image", "png")`).
    fn pick_export(
        &mut self,
        start_dir: Option<&Path>,
        file_name: &str,
        filter: (&str, &str),
    ) -> DialogOutcome;
    /// Asks for a file to import (CSV, TSV, XLSX, ODS or JSON).
    fn pick_import(&mut self, start_dir: Option<&Path>) -> DialogOutcome;
}

/// rfd's blocking native dialogs, filtered to `*.ron`.
///
/// On Linux rfd asks the desktop portal, then falls back to `zenity`; when neither exists it
/// returns nothing at once, exactly as if the user had cancelled. A person cannot dismiss a dialog
/// within a fraction of a second, so an instant "nothing" is taken as "no dialog could appear".
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// Answers faster than this are taken to mean that no dialog appeared.
const INSTANT: Duration = Duration::from_millis(250);

fn outcome(picked: Option<PathBuf>, started: Instant) -> DialogOutcome {
    match picked {
        Some(p) => DialogOutcome::Picked(p),
        None if started.elapsed() < INSTANT => DialogOutcome::Unavailable,
        None => DialogOutcome::Cancelled,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, start_dir: Option<&Path>) -> DialogOutcome {
        let mut d = rfd::FileDialog::new()
            .set_title("Open dataset")
            .add_filter("Dataset (*.ron)", &["ron"])
            .add_filter("All files", &["*"]);
        if let Some(dir) = start_dir {
            d = d.set_directory(dir);
        }
        let started = Instant::now();
        outcome(d.pick_file(), started)
    }

    fn pick_save(&mut self, start_dir: Option<&Path>, file_name: &str) -> DialogOutcome {
        let mut d = rfd::FileDialog::new()
            .set_title("Save dataset as")
            .add_filter("Dataset (*.ron)", &["ron"])
            .set_file_name(file_name);
        if let Some(dir) = start_dir {
            d = d.set_directory(dir);
        }
        let started = Instant::now();
        outcome(d.save_file(), started)
    }

    fn pick_export(
        &mut self,
        start_dir: Option<&Path>,
        file_name: &str,
        (name, ext): (&str, &str),
    ) -> DialogOutcome {
        let mut d = rfd::FileDialog::new()
            .set_title(format!("Export {name}"))
            .add_filter(format!("{name} (*.{ext})"), &[ext])
            .set_file_name(file_name);
        if let Some(dir) = start_dir {
            d = d.set_directory(dir);
        }
        let started = Instant::now();
        outcome(d.save_file(), started)
    }

    fn pick_import(&mut self, start_dir: Option<&Path>) -> DialogOutcome {
        let mut d = rfd::FileDialog::new()
            .set_title("Import data")
            .add_filter(
                "Tables (*.csv, *.tsv, *.txt, *.xlsx, *.ods, *.json)",
                &["csv", "tsv", "txt", "xlsx", "ods", "json"],
            )
            .add_filter("All files", &["*"]);
        if let Some(dir) = start_dir {
            d = d.set_directory(dir);
        }
        let started = Instant::now();
        outcome(d.pick_file(), started)
    }
}

/// Dialogs that answer from a script, for tests: each call takes the next answer
/// (`Cancelled` when the script is used up). Never opens a window.
#[derive(Debug, Default, Clone)]
pub struct ScriptedDialogs {
    /// Answers still to give, first first.
    pub answers: std::collections::VecDeque<DialogOutcome>,
    /// What each export dialog was asked with: the suggested file name and the filter's
    /// extension (shared, so a test keeps a handle after the dialogs move into the app).
    pub export_requests: ExportRequests,
}

/// The export dialogs asked for, in order: suggested file name and extension.
pub type ExportRequests = std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>;

impl ScriptedDialogs {
    /// Dialogs that will give these answers in order.
    pub fn new(answers: impl IntoIterator<Item = DialogOutcome>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            export_requests: std::sync::Arc::default(),
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, _start_dir: Option<&Path>) -> DialogOutcome {
        self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled)
    }

    fn pick_save(&mut self, _start_dir: Option<&Path>, _file_name: &str) -> DialogOutcome {
        self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled)
    }

    fn pick_export(
        &mut self,
        _start_dir: Option<&Path>,
        file_name: &str,
        (_, ext): (&str, &str),
    ) -> DialogOutcome {
        if let Ok(mut asked) = self.export_requests.lock() {
            asked.push((file_name.to_owned(), ext.to_owned()));
        }
        self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled)
    }

    fn pick_import(&mut self, _start_dir: Option<&Path>) -> DialogOutcome {
        self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled)
    }
}
