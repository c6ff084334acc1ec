//! What the app remembers between runs (through eframe's storage).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files File > Open Recent keeps.
pub const MAX_RECENT: usize = 10;

/// Settings remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last ran; `None` for the built-in or an unsaved dataset.
    pub last_file: Option<PathBuf>,
}

impl Settings {
    /// Key under which eframe stores the settings.
    pub const KEY: &'static str = "ai-adoption-explorer/settings";

    /// Records `path` as the open file and the newest recent one.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }

    /// Drops `path` from the recent files (it no longer exists).
    pub fn forget(&mut self, path: &Path) {
        let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != path && *p != canon);
        if self.last_file.as_deref() == Some(path) {
            self.last_file = None;
        }
    }
}
