//! [`AppState`]: the whole state of the app, without egui, and the helpers its actions use.

use std::path::{Path, PathBuf};

use super::edit;
use super::history::{self, History};
use super::recovery;
use super::{
    Action, BUILTIN_NAME, DialogOutcome, Document, FileDialogs, Modal, Origin, Selection, Settings,
};
use crate::app::explorer::{ListQuery, ListTab};
use crate::io::{
    FileStamp, LoadError, MAX_DATASET_BYTES, SaveError, load_path_with_limit,
    save_atomic_with_limit,
};
use crate::model::{FORMAT_VERSION, RecordRef, validate_on};

/// The whole state of the app, without egui.
pub struct AppState {
    /// The open dataset.
    pub doc: Document,
    /// Remembered between runs.
    pub settings: Settings,
    /// The export dialog's last choices (remembered between runs too).
    pub export_choices: super::settings::ExportChoices,
    /// The dialog shown, if any.
    pub modal: Option<Modal>,
    /// A short message for the status bar (what the last action did).
    pub status: String,
    /// Set when the user asked to quit; the UI closes the window.
    pub quit_requested: bool,
    /// The selected record and the selection history.
    pub selection: Selection,
    /// The list shown.
    pub tab: ListTab,
    /// Search, filters and order of the lists (the plots are narrowed by them too).
    pub query: ListQuery,
    /// Undo and redo of data changes to the open dataset.
    pub history: History,
    /// Set when the user chose to close despite unsaved changes (Don't save).
    pub close_confirmed: bool,
    /// The revision whose problems the user agreed to save anyway.
    pub(super) problems_acknowledged: Option<u64>,
    /// Where recovery copies go (beside the settings); `None` turns them off.
    pub recovery_path: Option<PathBuf>,
    /// When the data last became unsaved or was last copied, and which revision was copied.
    pub(super) recovery_clock: Option<std::time::Instant>,
    pub(super) recovered_revision: Option<u64>,
    pub(super) dialogs: Box<dyn FileDialogs>,
    /// The size limit of dataset files opened and saved ([`MAX_DATASET_BYTES`]; tests lower it).
    pub(super) size_limit: u64,
}

pub(super) const NO_DIALOG_NOTE: &str = "No file dialog could be shown: this system has neither a desktop portal \
(install `xdg-desktop-portal` with `xdg-desktop-portal-gtk`) nor `zenity` (install the `zenity` package). \
Type the file's full path instead.";

impl AppState {
    /// A state on the built-in dataset.
    pub fn new(dialogs: Box<dyn FileDialogs>, settings: Settings) -> Self {
        let doc = Document::untitled();
        let history = History::starting_at(history::DEFAULT_MAX_STEPS, doc.revision);
        let mut state = Self {
            doc,
            settings,
            export_choices: super::settings::ExportChoices::default(),
            modal: None,
            status: String::new(),
            quit_requested: false,
            selection: Selection::default(),
            tab: ListTab::default(),
            query: ListQuery::default(),
            history,
            close_confirmed: false,
            problems_acknowledged: None,
            recovery_path: None,
            recovery_clock: None,
            recovered_revision: None,
            dialogs,
            size_limit: MAX_DATASET_BYTES,
        };
        state.open_builtin();
        state
    }

    /// Starts as the app does: the file given on the command line, else the file open last time
    /// (if it still exists), else the built-in dataset.
    pub fn startup(
        dialogs: Box<dyn FileDialogs>,
        settings: Settings,
        cli_file: Option<PathBuf>,
    ) -> Self {
        let last = settings.last_file.clone();
        let mut state = Self::new(dialogs, settings);
        if let Some(p) = cli_file {
            state.apply(Action::Open(p));
        } else if let Some(p) = last.filter(|p| p.is_file()) {
            state.apply(Action::Open(p));
        }
        state
    }

    /// The same state with another size limit for the files it opens and saves, so tests can
    /// reach the limit with a small dataset.
    #[doc(hidden)]
    pub fn with_size_limit(mut self, bytes: u64) -> Self {
        self.size_limit = bytes;
        self
    }

    /// Turns recovery copies on, at `path`; when a copy from an earlier session is there, asks
    /// whether to restore it.
    pub fn with_recovery(mut self, path: PathBuf) -> Self {
        if path.is_file() {
            match recovery::read(&path) {
                Ok(r) => {
                    let written = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .map(|e| format!("{} minutes ago", e.as_secs() / 60))
                        .unwrap_or_else(|| "at an unknown time".into());
                    self.modal = Some(Modal::OfferRecovery {
                        origin: r.origin,
                        builtin: r.builtin,
                        written,
                    });
                }
                Err(e) => {
                    log::warn!("ignoring unreadable recovery copy {}: {e}", path.display());
                    recovery::remove(&path);
                }
            }
        }
        self.recovery_path = Some(path);
        self
    }

    /// Called every frame with the current time: writes a recovery copy when changes have been
    /// unsaved for [`recovery::AUTOSAVE_EVERY`] since they began or since the last copy.
    pub fn tick(&mut self, now: std::time::Instant) {
        let Some(path) = self.recovery_path.clone() else {
            return;
        };
        if matches!(self.modal, Some(Modal::OfferRecovery { .. })) {
            return; // never overwrite the copy the user is being asked about
        }
        if !self.doc.is_dirty() {
            self.recovery_clock = None;
            return;
        }
        let since = *self.recovery_clock.get_or_insert(now);
        if now.duration_since(since) < recovery::AUTOSAVE_EVERY
            || self.recovered_revision == Some(self.doc.revision)
        {
            return;
        }
        let builtin = self.doc.origin == Origin::Builtin;
        match recovery::write(&path, self.doc.path(), builtin, &self.doc.dataset) {
            Ok(()) => self.recovered_revision = Some(self.doc.revision),
            Err(e) => log::warn!("could not write the recovery copy: {e}"),
        }
        self.recovery_clock = Some(now);
    }

    pub(super) fn clear_recovery(&mut self) {
        if let Some(p) = &self.recovery_path {
            recovery::remove(p);
        }
        self.recovered_revision = None;
        self.recovery_clock = None;
    }

    /// Window title: "AI Adoption Explorer - <file name>", with `*` while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " *" } else { "" };
        format!("AI Adoption Explorer - {}{dirty}", self.doc.display_name())
    }

    pub(super) fn open_builtin(&mut self) {
        match Document::builtin() {
            Ok(doc) => {
                self.replace_document(doc);
                self.settings.last_file = None;
                self.status = format!("Opened the {}", BUILTIN_NAME.to_lowercase());
            }
            Err(e) => self.error("The built-in dataset could not be read", e.to_string()),
        }
    }

    /// Shows the list that holds `r`, so a selection made anywhere is visible in the list too.
    pub(super) fn show_list_of(&mut self, r: &RecordRef) {
        match r {
            RecordRef::Organization(_) => self.tab = ListTab::Organizations,
            RecordRef::Model(_) => self.tab = ListTab::Models,
            RecordRef::Source(_) => self.tab = ListTab::Sources,
            RecordRef::Event(_) => self.tab = ListTab::Events,
            _ => {}
        }
    }

    pub(super) fn show_list_of_current(&mut self) {
        if let Some(r) = self.selection.current().cloned() {
            self.show_list_of(&r);
        }
    }

    /// Puts a newly opened or created document in place; the old selection means nothing in it.
    /// The history starts afresh at the document's own (fresh) revision, which reads as saved.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.selection.clear();
        self.history = History::starting_at(history::DEFAULT_MAX_STEPS, self.doc.revision);
        self.doc.saved_revision = self.doc.revision;
    }

    /// After any change of the data: new revision, fresh validation, no selection of a record
    /// that is gone.
    /// Where the selected record is before a data change: its reference, its position and how
    /// long its kind's list is (see [`Self::follow_renamed`]).
    pub(super) fn selected_place(&self) -> Option<(RecordRef, usize, usize)> {
        let r = self.selection.current()?.clone();
        let ds = &self.doc.dataset;
        let at = edit::position(ds, &r)?;
        let len = crate::model::record::list_len(ds, r.kind_and_id().0);
        Some((r, at, len))
    }

    /// After a data change: when the selected record's id changed (its id followed its name,
    /// or undo took that back), the selection follows it. Known by the record being gone from
    /// its place while its kind's list kept its length (a replacement, not a delete or insert).
    pub(super) fn follow_renamed(&mut self, before: Option<(RecordRef, usize, usize)>) {
        let Some((old, at, len)) = before else {
            return;
        };
        let ds = &self.doc.dataset;
        let kind = old.kind_and_id().0;
        if edit::position(ds, &old).is_some() || crate::model::record::list_len(ds, kind) != len {
            return;
        }
        if let Some(now) = edit::record_at(ds, kind, at) {
            self.selection.rename(&old, &now.record_ref());
        }
    }

    pub(super) fn data_changed(&mut self) {
        self.doc.revision = self.history.revision();
        self.doc.problems = validate_on(&self.doc.dataset, crate::io::today());
        let ds = &self.doc.dataset;
        self.selection.retain(|r| edit::position(ds, r).is_some());
    }

    pub(super) fn error(&mut self, title: impl Into<String>, message: impl Into<String>) {
        self.modal = Some(Modal::Error {
            title: title.into(),
            message: message.into(),
        });
    }

    /// Asks where to write an export (`filter`: type name and extension), starting beside the
    /// open file. Not an edit: the document is untouched.
    pub fn pick_export_path(&mut self, file_name: &str, filter: (&str, &str)) -> DialogOutcome {
        let dir = self.start_dir();
        self.dialogs.pick_export(dir.as_deref(), file_name, filter)
    }

    /// Asks for a file to import, starting beside the open dataset.
    pub fn pick_import_path(&mut self) -> DialogOutcome {
        let dir = self.start_dir();
        self.dialogs.pick_import(dir.as_deref())
    }

    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    pub(super) fn open(&mut self, path: PathBuf) {
        match load_path_with_limit(&path, self.size_limit) {
            Ok(loaded) => {
                let stamp = FileStamp::of(&path);
                let summary = (!loaded.problems.is_empty())
                    .then(|| crate::model::problems_summary(&loaded.problems).to_lowercase());
                let note = loaded.upgrade_note();
                let mut doc = Document::new(
                    loaded.dataset,
                    loaded.problems,
                    Origin::File(path.clone()),
                    stamp,
                );
                doc.upgrade_note.clone_from(&note);
                self.replace_document(doc);
                self.settings.remember(&path);
                self.status = match summary {
                    None => format!("Opened {}", path.display()),
                    Some(s) => format!("Opened {} with {s} (see Problems)", path.display()),
                };
                if let Some(note) = note {
                    self.status.push_str(". ");
                    self.status.push_str(&note);
                }
            }
            Err(e) => {
                if matches!(&e, LoadError::Io { .. }) && !path.exists() {
                    self.settings.forget(&path);
                }
                self.error(
                    format!(
                        "Could not open {}",
                        path.file_name()
                            .map(|n| n.to_string_lossy())
                            .unwrap_or_default()
                    ),
                    format!(
                        "{e}\n\nThe dataset that was open ({}) is unchanged.",
                        self.doc.display_name()
                    ),
                );
            }
        }
    }

    pub(super) fn write(&mut self, path: PathBuf) {
        // A dataset with problems can be saved, after a question that lists them (warnings are
        // not problems: they alone do not ask, and are not listed).
        let has_errors = self.doc.problems.iter().any(|p| p.is_error());
        if has_errors && self.problems_acknowledged != Some(self.doc.revision) {
            let problems = self
                .doc
                .problems
                .iter()
                .filter(|p| p.is_error())
                .map(ToString::to_string)
                .collect();
            self.modal = Some(Modal::SaveWithProblems { path, problems });
            return;
        }
        match save_atomic_with_limit(&self.doc.dataset, &path, self.size_limit) {
            Ok(saved) => {
                self.doc.origin = Origin::File(path.clone());
                self.doc.saved_revision = self.doc.revision;
                self.doc.stamp = Some(saved.stamp);
                self.settings.remember(&path);
                self.status = format!("Saved {}", path.display());
                // Said once more, now that it is done.
                if self.doc.upgrade_note.take().is_some() {
                    self.status.push_str(&format!(
                        " in format {FORMAT_VERSION}; older versions of the app cannot open it"
                    ));
                }
                for w in &saved.warnings {
                    log::warn!("{w}");
                    self.status.push_str(". Note: ");
                    self.status.push_str(w);
                }
                self.clear_recovery();
            }
            Err(e @ SaveError::TooLarge { .. }) => self.error(
                "Could not save",
                format!("{e}\n\nYour data is still open here, with its unsaved changes."),
            ),
            Err(e) => self.error(
                "Could not save",
                format!("{e}\n\nYour data is still open here; try another folder or file name (File > Save As...)."),
            ),
        }
    }
}
