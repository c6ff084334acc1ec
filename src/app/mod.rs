//! Application state and the one function that changes it: UI code reads [`AppState`] and emits
//! [`Action`]s; [`AppState::apply`] carries each out. Menu items, shortcuts, buttons and tests
//! all go through it, so they cannot disagree.

mod action;
mod apply;
mod dialogs;
mod document;
pub mod edit;
pub mod explorer;
pub mod history;
pub mod recovery;
mod selection;
mod settings;
mod state;

pub use action::{Action, Modal, PathPurpose, UnsavedChoice};
pub use dialogs::{DialogOutcome, ExportRequests, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use document::{BUILTIN_NAME, BUILTIN_RON, Document, Origin};
pub use selection::{MAX_HISTORY, Selection};
pub use settings::{
    ExportBackground, ExportChoices, ExportFormat, MAX_RECENT, Settings, SizePreset,
};
pub use state::AppState;
