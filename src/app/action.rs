//! What the user can ask for ([`Action`]) and the app's own dialogs ([`Modal`]).

use std::path::PathBuf;

use super::edit::{self, DeleteMode, Edit};
use super::explorer::{ListQuery, ListTab};
use super::history::CoalesceKey;
use crate::model::RecordRef;

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
    /// Remember the export dialog's choices for next time.
    RememberExportChoices(super::settings::ExportChoices),
    /// Show a message in the status bar (what an export wrote, why it could not).
    ShowStatus(String),
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
