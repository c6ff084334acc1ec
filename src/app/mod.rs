//! Application state and the one function that changes it.
//!
//! UI code reads [`AppState`] and emits [`Action`]s; [`AppState::apply`] carries each out. Menu
//! items, shortcuts, buttons and tests all go through it, so they cannot disagree.

mod dialogs;
pub mod edit;
pub mod explorer;
pub mod history;
pub mod recovery;
mod selection;
mod settings;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use dialogs::{DialogOutcome, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use selection::{MAX_HISTORY, Selection};
pub use settings::{MAX_RECENT, Settings};

use crate::io::{FileStamp, LoadError, load_bytes, load_path, save_atomic};
use crate::model::{Dataset, Problem, RecordRef, validate};
use edit::{DeleteMode, Edit};
use explorer::{ListQuery, ListTab};
use history::{CoalesceKey, History};

/// The built-in dataset's text, compiled into the binary.
pub const BUILTIN_RON: &str = include_str!("../../data.ron");

/// Name shown for the built-in dataset.
pub const BUILTIN_NAME: &str = "Built-in dataset";

/// Where the open dataset came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The dataset compiled into the app; never written over (Save means Save As).
    Builtin,
    /// A new dataset not yet saved.
    Untitled,
    /// A file on disk.
    File(PathBuf),
}

/// The open dataset and what is known about its file.
#[derive(Clone, Debug)]
pub struct Document {
    /// The data. Shared so that views and history can hold it cheaply.
    pub dataset: Arc<Dataset>,
    /// Where it came from.
    pub origin: Origin,
    /// Validation problems of the data as it is now.
    pub problems: Vec<Problem>,
    /// Bumped by every data change.
    pub revision: u64,
    /// The revision last saved or loaded.
    pub saved_revision: u64,
    /// The file as it was when opened or last saved, to notice changes made by others.
    pub stamp: Option<FileStamp>,
}

impl Document {
    fn new(
        dataset: Dataset,
        problems: Vec<Problem>,
        origin: Origin,
        stamp: Option<FileStamp>,
    ) -> Self {
        Self {
            dataset: Arc::new(dataset),
            origin,
            problems,
            revision: 0,
            saved_revision: 0,
            stamp,
        }
    }

    /// The built-in dataset. Falls back to an empty one (with the reason as a problem-free error
    /// text) only if the compiled-in file were broken, which a test rules out.
    pub fn builtin() -> Result<Self, LoadError> {
        let loaded = load_bytes(BUILTIN_NAME, BUILTIN_RON.as_bytes())?;
        Ok(Self::new(
            loaded.dataset,
            loaded.problems,
            Origin::Builtin,
            None,
        ))
    }

    /// An empty, untitled dataset.
    pub fn untitled() -> Self {
        Self::new(Dataset::default(), Vec::new(), Origin::Untitled, None)
    }

    /// Name for the title bar and status bar: the file name, or what the dataset is.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Builtin => BUILTIN_NAME.to_owned(),
            Origin::Untitled => "Untitled".to_owned(),
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// The file path, when the dataset has one.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            _ => None,
        }
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }
}

/// What a path typed by hand is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open that file.
    Open,
    /// Save to that file.
    Save,
}

/// A dialog of the app's own, shown over the window until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Something failed; what happened and what to do.
    Error {
        /// Short title.
        title: String,
        /// Full message.
        message: String,
    },
    /// The file changed on disk since it was opened: overwrite it?
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
        /// Why we ask.
        reason: String,
    },
    /// Other records refer to the one to delete: delete them too, unlink them, or cancel?
    ConfirmDelete {
        /// The record to delete.
        target: RecordRef,
        /// What refers to it: record and field, in words.
        referrers: Vec<String>,
    },
    /// A recovery copy from a session that did not end normally exists: restore it?
    OfferRecovery {
        /// The file the unsaved dataset came from, if any.
        origin: Option<PathBuf>,
        /// Whether the changes were made to the built-in dataset.
        builtin: bool,
        /// When the copy was written, in words.
        written: String,
    },
    /// The dataset has validation problems: save it anyway?
    SaveWithProblems {
        /// Where it would be saved.
        path: PathBuf,
        /// The problems, one a line.
        problems: Vec<String>,
    },
    /// There are unsaved changes: save them before `then`?
    UnsavedChanges {
        /// What was asked, carried out after Save or Don't save.
        then: Box<Action>,
    },
    /// No file dialog could appear: type a path instead.
    PathPrompt {
        /// What the path is for.
        purpose: PathPurpose,
        /// Text typed so far.
        text: String,
        /// Explanation shown above the field (why no dialog appeared, what to install).
        note: String,
    },
}

/// Everything the user can ask the app to do. UI, shortcuts and tests emit these.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// File > New: an empty dataset.
    NewDataset,
    /// File > Open...: the native Open dialog.
    OpenDialog,
    /// Open this file (recent files, dropped files, typed paths, the command line).
    Open(PathBuf),
    /// Open the built-in dataset.
    OpenBuiltin,
    /// File > Save (Save As for the built-in and untitled datasets).
    Save,
    /// File > Save As...: the native Save dialog.
    SaveAs,
    /// Save to this path (chosen in a dialog that already confirmed any overwrite).
    SaveTo(PathBuf),
    /// Save to a path typed by hand (asks before overwriting another file).
    SaveToTyped(PathBuf),
    /// Overwrite this file although it changed on disk.
    OverwriteConfirmed(PathBuf),
    /// Show the field to type a path.
    PromptPath(PathPurpose),
    /// Edit the text of the path field.
    SetPromptText(String),
    /// Use the typed path.
    SubmitPrompt,
    /// Close the app's dialog.
    DismissModal,
    /// Forget the recent files.
    ClearRecent,
    /// Close the window.
    Quit,
    /// Select a record everywhere (lists, detail view, plots).
    Select(RecordRef),
    /// Go back to the previous selection.
    Back,
    /// Go forward again.
    Forward,
    /// Show another list (organizations, models, sources, events).
    SetTab(ListTab),
    /// Change the lists' search, filters or order.
    SetQuery(Box<ListQuery>),
    /// Change the data: one undoable step.
    Edit {
        /// What the step does, for the Edit menu ("Rename Pinterest to ...").
        label: String,
        /// The primitive edits, applied in order.
        edits: Vec<Edit>,
        /// Consecutive edits with the same key (a typing burst in one field) are one step.
        coalesce: Option<CoalesceKey>,
    },
    /// End the current typing burst (the field lost focus).
    SealEdit,
    /// Ask before deleting a record: list what refers to it (deletes at once when nothing does).
    AskDelete(RecordRef),
    /// Add a copy of a record (with a new id) and select it.
    Duplicate(RecordRef),
    /// Add this record (built by a form, with a fresh id) and select it.
    Insert(Box<edit::AnyRecord>),
    /// Add a new, empty record of this kind (organization, model, source, person, event) and
    /// select it.
    New(crate::model::RecordKind),
    /// Delete a record; what refers to it is deleted too or unlinked.
    Delete(RecordRef, DeleteMode),
    /// Undo the last data change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Answer the "Save changes?" question.
    ResolveUnsaved(UnsavedChoice),
    /// Save although the dataset has problems (after the warning).
    SaveDespiteProblems(PathBuf),
    /// Restore the recovery copy left by a crash.
    RestoreRecovery,
    /// Delete the recovery copy left by a crash.
    DiscardRecovery,
}

/// The answers to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Go on and lose the changes.
    DontSave,
    /// Stay.
    Cancel,
}

/// The whole state of the app, without egui.
pub struct AppState {
    /// The open dataset.
    pub doc: Document,
    /// Remembered between runs.
    pub settings: Settings,
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
    problems_acknowledged: Option<u64>,
    /// Where recovery copies go (beside the settings); `None` turns them off.
    pub recovery_path: Option<PathBuf>,
    /// When the data last became unsaved or was last copied, and which revision was copied.
    recovery_clock: Option<std::time::Instant>,
    recovered_revision: Option<u64>,
    dialogs: Box<dyn FileDialogs>,
}

const NO_DIALOG_NOTE: &str = "No file dialog could be shown: this system has neither a desktop portal \
(install `xdg-desktop-portal` with `xdg-desktop-portal-gtk`) nor `zenity` (install the `zenity` package). \
Type the file's full path instead.";

impl AppState {
    /// A state on the built-in dataset.
    pub fn new(dialogs: Box<dyn FileDialogs>, settings: Settings) -> Self {
        let mut state = Self {
            doc: Document::untitled(),
            settings,
            modal: None,
            status: String::new(),
            quit_requested: false,
            selection: Selection::default(),
            tab: ListTab::default(),
            query: ListQuery::default(),
            history: History::new(history::DEFAULT_MAX_STEPS),
            close_confirmed: false,
            problems_acknowledged: None,
            recovery_path: None,
            recovery_clock: None,
            recovered_revision: None,
            dialogs,
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

    fn clear_recovery(&mut self) {
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

    fn open_builtin(&mut self) {
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
    fn show_list_of(&mut self, r: &RecordRef) {
        match r {
            RecordRef::Organization(_) => self.tab = ListTab::Organizations,
            RecordRef::Model(_) => self.tab = ListTab::Models,
            RecordRef::Source(_) => self.tab = ListTab::Sources,
            RecordRef::Event(_) => self.tab = ListTab::Events,
            _ => {}
        }
    }

    fn show_list_of_current(&mut self) {
        if let Some(r) = self.selection.current().cloned() {
            self.show_list_of(&r);
        }
    }

    /// Puts a newly opened or created document in place; the old selection means nothing in it.
    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.selection.clear();
        self.history = History::new(history::DEFAULT_MAX_STEPS);
        self.doc.revision = self.history.revision();
        self.doc.saved_revision = self.doc.revision;
    }

    /// Whether `action` would throw away unsaved changes (and so must ask first).
    fn discards_document(action: &Action) -> bool {
        matches!(
            action,
            Action::NewDataset
                | Action::OpenDialog
                | Action::Open(_)
                | Action::OpenBuiltin
                | Action::Quit
        )
    }

    /// After any change of the data: new revision, fresh validation, no selection of a record
    /// that is gone.
    fn data_changed(&mut self) {
        self.doc.revision = self.history.revision();
        self.doc.problems = validate(&self.doc.dataset);
        let ds = &self.doc.dataset;
        self.selection.retain(|r| edit::position(ds, r).is_some());
    }

    fn error(&mut self, title: impl Into<String>, message: impl Into<String>) {
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

    fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Carries out one action. The only place where the document changes.
    pub fn apply(&mut self, action: Action) {
        if self.doc.is_dirty() && Self::discards_document(&action) {
            self.modal = Some(Modal::UnsavedChanges {
                then: Box::new(action),
            });
            return;
        }
        self.apply_unguarded(action);
    }

    fn apply_unguarded(&mut self, action: Action) {
        match action {
            Action::NewDataset => {
                self.replace_document(Document::untitled());
                self.settings.last_file = None;
                self.status = "New empty dataset".into();
            }
            Action::OpenBuiltin => self.open_builtin(),
            Action::OpenDialog => match self.dialogs.pick_open(self.start_dir().as_deref()) {
                DialogOutcome::Picked(p) => self.apply(Action::Open(p)),
                DialogOutcome::Cancelled => {}
                DialogOutcome::Unavailable => self.apply(Action::PromptPath(PathPurpose::Open)),
            },
            Action::Open(path) => self.open(path),
            Action::Save => match self.doc.path().map(Path::to_path_buf) {
                None => self.apply(Action::SaveAs),
                Some(p) => {
                    let now = FileStamp::of(&p);
                    if now.is_some() && now != self.doc.stamp {
                        self.modal = Some(Modal::ConfirmOverwrite {
                            reason: format!(
                                "{} was changed on disk after you opened it (by another program or person). \
                                 Saving replaces those changes with yours; the replaced file is kept as {}.bak.",
                                p.display(),
                                p.file_name()
                                    .map(|n| n.to_string_lossy().into_owned())
                                    .unwrap_or_default()
                            ),
                            path: p,
                        });
                    } else {
                        self.write(p);
                    }
                }
            },
            Action::SaveAs => {
                let name = match &self.doc.origin {
                    Origin::File(_) => self.doc.display_name(),
                    _ => "dataset.ron".to_owned(),
                };
                match self.dialogs.pick_save(self.start_dir().as_deref(), &name) {
                    DialogOutcome::Picked(p) => self.apply(Action::SaveTo(p)),
                    DialogOutcome::Cancelled => {}
                    DialogOutcome::Unavailable => self.apply(Action::PromptPath(PathPurpose::Save)),
                }
            }
            Action::SaveTo(p) => self.write(with_ron_extension(p)),
            Action::SaveToTyped(p) => {
                let p = with_ron_extension(p);
                if p.exists() && self.doc.path() != Some(p.as_path()) {
                    self.modal = Some(Modal::ConfirmOverwrite {
                        reason: format!(
                            "{} already exists. Replace it? The replaced file is kept as .bak.",
                            p.display()
                        ),
                        path: p,
                    });
                } else {
                    self.write(p);
                }
            }
            Action::OverwriteConfirmed(p) => {
                self.modal = None;
                self.write(p);
            }
            Action::PromptPath(purpose) => {
                let text = self
                    .start_dir()
                    .map(|d| format!("{}/", d.display()))
                    .unwrap_or_default();
                self.modal = Some(Modal::PathPrompt {
                    purpose,
                    text,
                    note: NO_DIALOG_NOTE.into(),
                });
            }
            Action::SetPromptText(t) => {
                if let Some(Modal::PathPrompt { text, .. }) = &mut self.modal {
                    *text = t;
                }
            }
            Action::SubmitPrompt => {
                if let Some(Modal::PathPrompt { purpose, text, .. }) = self.modal.clone() {
                    let typed = text.trim();
                    if typed.is_empty() {
                        return;
                    }
                    self.modal = None;
                    let p = expand_home(typed);
                    match purpose {
                        PathPurpose::Open => self.apply(Action::Open(p)),
                        PathPurpose::Save => self.apply(Action::SaveToTyped(p)),
                    }
                }
            }
            Action::DismissModal => self.modal = None,
            Action::ClearRecent => self.settings.recent.clear(),
            Action::Quit => self.quit_requested = true,
            Action::Select(r) => {
                self.show_list_of(&r);
                self.selection.select(r);
            }
            Action::Back => {
                self.selection.back();
                self.show_list_of_current();
            }
            Action::Forward => {
                self.selection.forward();
                self.show_list_of_current();
            }
            Action::SetTab(t) => self.tab = t,
            Action::SetQuery(q) => self.query = *q,
            Action::Edit {
                label,
                edits,
                coalesce,
            } => {
                if matches!(self.modal, Some(Modal::ConfirmDelete { .. })) {
                    self.modal = None;
                }
                let ds = Arc::make_mut(&mut self.doc.dataset);
                match self.history.record(ds, label, edits, coalesce) {
                    Ok(()) => self.data_changed(),
                    Err(e) => self.error("The change could not be made", e.to_string()),
                }
            }
            Action::SealEdit => self.history.seal(),
            Action::AskDelete(target) => {
                let refs = edit::references_to(&self.doc.dataset, &target);
                if refs.is_empty() {
                    self.apply_unguarded(Action::Delete(target, DeleteMode::Cascade));
                } else {
                    let referrers = refs
                        .iter()
                        .map(|(r, field)| {
                            let (kind, id) = r.kind_and_id();
                            format!("{kind} {id} ({field})")
                        })
                        .collect();
                    self.modal = Some(Modal::ConfirmDelete { target, referrers });
                }
            }
            Action::Duplicate(r) => {
                if let Some((label, edits, new)) = edit::duplicate_record(&self.doc.dataset, &r) {
                    self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    });
                    self.apply_unguarded(Action::Select(new));
                }
            }
            Action::Insert(record) => {
                let r = record.record_ref();
                let (label, edits) = edit::insert_record(&self.doc.dataset, *record);
                self.apply_unguarded(Action::Edit {
                    label,
                    edits,
                    coalesce: None,
                });
                self.apply_unguarded(Action::Select(r));
            }
            Action::New(kind) => {
                if let Some(record) = new_record(&self.doc.dataset, kind) {
                    let r = record.record_ref();
                    let (label, edits) = edit::insert_record(&self.doc.dataset, record);
                    self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    });
                    self.apply_unguarded(Action::Select(r));
                }
            }
            Action::Delete(target, mode) => {
                match edit::delete_plan(&self.doc.dataset, &target, mode) {
                    Ok((label, edits)) => self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    }),
                    Err(e) => self.error("Could not delete", e.to_string()),
                }
            }
            Action::Undo => {
                let ds = Arc::make_mut(&mut self.doc.dataset);
                if let Some(label) = self.history.undo(ds) {
                    self.status = format!("Undid: {label}");
                    self.data_changed();
                }
            }
            Action::Redo => {
                let ds = Arc::make_mut(&mut self.doc.dataset);
                if let Some(label) = self.history.redo(ds) {
                    self.status = format!("Redid: {label}");
                    self.data_changed();
                }
            }
            Action::SaveDespiteProblems(path) => {
                self.modal = None;
                self.problems_acknowledged = Some(self.doc.revision);
                self.write(path);
            }
            Action::RestoreRecovery => {
                self.modal = None;
                let Some(path) = self.recovery_path.clone() else {
                    return;
                };
                match recovery::read(&path) {
                    Ok(r) => {
                        let problems = validate(&r.dataset);
                        let origin = match &r.origin {
                            Some(p) => Origin::File(p.clone()),
                            None if r.builtin => Origin::Builtin,
                            None => Origin::Untitled,
                        };
                        let stamp = r.origin.as_deref().and_then(FileStamp::of);
                        self.replace_document(Document::new(r.dataset, problems, origin, stamp));
                        // Restored changes are unsaved until saved again.
                        self.doc.saved_revision = u64::MAX;
                        self.status = "Restored the unsaved changes from the recovery copy".into();
                    }
                    Err(e) => self.error("The recovery copy could not be read", e),
                }
            }
            Action::DiscardRecovery => {
                self.modal = None;
                self.clear_recovery();
            }
            Action::ResolveUnsaved(choice) => {
                let Some(Modal::UnsavedChanges { then }) = self.modal.take() else {
                    return;
                };
                match choice {
                    UnsavedChoice::Cancel => {}
                    UnsavedChoice::DontSave => {
                        if *then == Action::Quit {
                            self.close_confirmed = true;
                        }
                        self.clear_recovery();
                        self.apply_unguarded(*then);
                    }
                    UnsavedChoice::Save => {
                        self.apply_unguarded(Action::Save);
                        // Saved (not cancelled, no error, no question pending): go on.
                        if !self.doc.is_dirty() && self.modal.is_none() {
                            self.apply_unguarded(*then);
                        }
                    }
                }
            }
        }
    }

    fn open(&mut self, path: PathBuf) {
        match load_path(&path) {
            Ok(loaded) => {
                let stamp = FileStamp::of(&path);
                let n = loaded.problems.len();
                self.replace_document(Document::new(
                    loaded.dataset,
                    loaded.problems,
                    Origin::File(path.clone()),
                    stamp,
                ));
                self.settings.remember(&path);
                self.status = if n == 0 {
                    format!("Opened {}", path.display())
                } else {
                    format!(
                        "Opened {} with {n} problem{} (see Problems)",
                        path.display(),
                        if n == 1 { "" } else { "s" }
                    )
                };
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

    fn write(&mut self, path: PathBuf) {
        // A dataset with problems can be saved, after a warning that lists them.
        if !self.doc.problems.is_empty() && self.problems_acknowledged != Some(self.doc.revision) {
            let problems = self.doc.problems.iter().map(ToString::to_string).collect();
            self.modal = Some(Modal::SaveWithProblems { path, problems });
            return;
        }
        match save_atomic(&self.doc.dataset, &path) {
            Ok(stamp) => {
                self.doc.origin = Origin::File(path.clone());
                self.doc.saved_revision = self.doc.revision;
                self.doc.stamp = Some(stamp);
                self.settings.remember(&path);
                self.status = format!("Saved {}", path.display());
                self.clear_recovery();
            }
            Err(e) => self.error(
                "Could not save",
                format!("{e}\n\nYour data is still open here; try another folder or file name (File > Save As...)."),
            ),
        }
    }
}

/// A new record of `kind` with a fresh id and placeholder name, for the user to fill in (its
/// problems, such as a missing source, show at once). `None` for kinds without a form.
fn new_record(ds: &Dataset, kind: crate::model::RecordKind) -> Option<edit::AnyRecord> {
    use crate::model::*;
    let id = |base: &str| edit::fresh_id(ds, kind, base);
    Some(match kind {
        RecordKind::Organization => edit::AnyRecord::from(Organization {
            id: OrgId(id("new-organization")),
            name: "New organization".into(),
            native_name: String::new(),
            country: String::new(),
            kind: OrgKind::Company,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: Vec::new(),
        }),
        RecordKind::Model => {
            let developer = ds.organizations.first()?.id.clone();
            edit::AnyRecord::from(Model {
                id: ModelId(id("new-model")),
                name: "New model".into(),
                family: None,
                developer,
                release_date: None,
                openness: None,
                license: String::new(),
                total_params_b: None,
                active_params_b: None,
                architecture: None,
                context_k_tokens: None,
                notes: String::new(),
                sources: Vec::new(),
            })
        }
        RecordKind::Source => edit::AnyRecord::from(Source {
            id: SourceId(id("new-source")),
            title: "New source".into(),
            publisher: String::new(),
            author: String::new(),
            date: None,
            locator: String::new(),
            kind: SourceKind::Press,
            via: None,
            notes: String::new(),
        }),
        RecordKind::Person => edit::AnyRecord::from(Person {
            id: PersonId(id("new-person")),
            name: "New person".into(),
            native_name: String::new(),
            notes: String::new(),
            sources: Vec::new(),
        }),
        RecordKind::Conflict => edit::AnyRecord::from(Conflict {
            id: ConflictId(id("conflict")),
            kind: ConflictKind::Contradiction,
            records: Vec::new(),
            description: String::new(),
        }),
        RecordKind::Event => edit::AnyRecord::from(Event {
            id: EventId(id("new-event")),
            date: None,
            kind: EventKind::Other,
            title: "New event".into(),
            description: String::new(),
            related: Vec::new(),
            sources: Vec::new(),
        }),
        _ => return None,
    })
}

fn with_ron_extension(p: PathBuf) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension("ron")
    }
}

fn expand_home(typed: &str) -> PathBuf {
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(typed)
}
