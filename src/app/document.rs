//! The open dataset ([`Document`]) and where it came from ([`Origin`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::history::fresh_revision;
use crate::io::{FileStamp, LoadError, load_bytes};
use crate::model::{Dataset, Problem};

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
    /// Names the state of the data: a [`fresh_revision`] when the document is made and after
    /// every data edit, the earlier one again when undo returns to an earlier state. Never the
    /// same for two documents, so caches key on it alone.
    pub revision: u64,
    /// The revision last saved or loaded; "unsaved" is `revision != saved_revision`.
    pub saved_revision: u64,
    /// The file as it was when opened or last saved, to notice changes made by others.
    pub stamp: Option<FileStamp>,
    /// Set while the file on disk is in an older format that the next save replaces: what to
    /// tell the user (on open, and again when that save is done).
    pub upgrade_note: Option<String>,
}

impl Document {
    pub(super) fn new(
        dataset: Dataset,
        problems: Vec<Problem>,
        origin: Origin,
        stamp: Option<FileStamp>,
    ) -> Self {
        let revision = fresh_revision();
        Self {
            dataset: Arc::new(dataset),
            origin,
            problems,
            revision,
            saved_revision: revision,
            stamp,
            upgrade_note: None,
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
