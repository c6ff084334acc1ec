//! Recovery copies: while there are unsaved changes, the dataset is written every 30 seconds to
//! a file beside the user's settings (never over their file); at the next start after a crash,
//! the app offers to restore it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::io::{SaveError, write_bytes_atomic};
use crate::model::Dataset;

/// How often unsaved changes are copied.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// File name of the recovery copy in the settings folder.
pub const RECOVERY_FILE_NAME: &str = "recovery.ron";

/// What a recovery file holds: the unsaved dataset and the file it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Recovery", deny_unknown_fields)]
pub struct RecoveryFile {
    /// The file the dataset was opened from, if any.
    #[serde(default)]
    pub origin: Option<PathBuf>,
    /// Whether it is the built-in dataset (restored as such: saving it asks where).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
    /// The dataset with its unsaved changes.
    pub dataset: Dataset,
}

/// Writes a recovery copy atomically.
pub fn write(
    path: &Path,
    origin: Option<&Path>,
    builtin: bool,
    ds: &Dataset,
) -> Result<(), SaveError> {
    let file = RecoveryFile {
        origin: origin.map(Path::to_path_buf),
        builtin,
        dataset: ds.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line("\n".to_owned());
    let text = ron::Options::default()
        .to_string_pretty(&file, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_bytes_atomic(path, text.as_bytes())?;
    // The writer keeps the previous copy as .bak; a recovery copy needs no history.
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    let _ = std::fs::remove_file(PathBuf::from(bak));
    Ok(())
}

/// Reads a recovery copy, with the same size limit and file-type checks as any dataset file;
/// the error says why it cannot be used.
pub fn read(path: &Path) -> Result<RecoveryFile, String> {
    let bytes = crate::io::read_input_file(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    ron::Options::default()
        .with_recursion_limit(64)
        .from_str::<RecoveryFile>(&text)
        .map_err(|e| e.to_string())
}

/// Removes the recovery copy (after a save, or when the user discards the changes).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}
