//! Saving: canonical pretty RON, never more than the size limit, written atomically (see
//! `save_file` for how the file keeps its permissions, owner, links and folder clean), with the
//! previous version kept as `.bak`.

use std::fmt;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use super::limits::{MAX_DATASET_BYTES, human_bytes};
use super::save_file::write_atomic;
use crate::model::Dataset;

/// Why a save failed. The file on disk is then unchanged and the data in memory is kept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The dataset could not be turned into text (should not happen for valid data).
    #[error("could not write the dataset as text: {0}")]
    Serialize(String),
    /// The dataset's text would be longer than a dataset file may be, so the file could not be
    /// opened again: nothing was written.
    #[error(
        "{file}: not saved: the dataset would take more than {limit} bytes ({}), the most a dataset file may have, so the app could not open the file again. Nothing was written and the file on disk is unchanged; remove some records or split the dataset, then save again.",
        human_bytes(*limit)
    )]
    TooLarge {
        /// File that was to be saved.
        file: String,
        /// The limit.
        limit: u64,
    },
    /// A step of the atomic write failed.
    #[error("{file}: could not save ({step}): {reason}. The file on disk is unchanged.")]
    Io {
        /// File being saved.
        file: String,
        /// Which step failed.
        step: &'static str,
        /// Why.
        reason: String,
    },
}

/// A save that worked: the stamp of the written file and what the user should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The stamp of the file as written.
    pub stamp: FileStamp,
    /// Warnings in plain words (the file had other hard links, which keep the old content).
    pub warnings: Vec<String>,
}

/// What a file looked like when it was opened or saved, to notice later changes by others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, when the file system gives one.
    pub modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now, or `None` when it does not exist.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let m = fs::metadata(path).ok()?;
        Some(FileStamp {
            len: m.len(),
            modified: m.modified().ok(),
        })
    }
}

/// The canonical text of a dataset: pretty RON, `\n` line ends, four-space indent, struct names,
/// records in their dataset order. The same dataset always gives the same bytes.
pub fn to_ron_string(ds: &Dataset) -> Result<String, SaveError> {
    to_ron_bounded(ds, usize::MAX)?.ok_or_else(|| SaveError::Serialize("too long".into()))
}

/// [`to_ron_string`], stopping as soon as the text would pass `limit` bytes (`None` then), so a
/// dataset too large to save never costs more memory than the limit.
fn to_ron_bounded(ds: &Dataset, limit: usize) -> Result<Option<String>, SaveError> {
    struct Bounded {
        out: String,
        limit: usize,
        over: bool,
    }
    impl fmt::Write for Bounded {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            if s.len() > self.limit - self.out.len() {
                self.over = true;
                return Err(fmt::Error);
            }
            self.out.push_str(s);
            Ok(())
        }
    }
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line("\n".to_owned())
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut w = Bounded {
        out: String::new(),
        // One byte for the final newline.
        limit: limit.saturating_sub(1),
        over: false,
    };
    let written = ron::Options::default().to_writer_pretty(&mut w, ds, config);
    if w.over {
        return Ok(None);
    }
    written.map_err(|e| SaveError::Serialize(e.to_string()))?;
    w.out.push('\n');
    Ok(Some(w.out))
}

/// Where a simulated failure happens, for tests of atomicity.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailPoint {
    /// After half of the temporary file is written.
    MidWrite,
    /// After the temporary file is complete, before it replaces the old file.
    BeforeRename,
}

/// Saves `ds` to `path` atomically: the text goes to a temporary file beside the file, which is
/// given the old file's permissions and owner, flushed to disk and renamed over it; the folder is
/// then flushed. A symbolic link is followed and its target written, the link kept. The previous
/// file, if any, is kept as `<name>.bak` (for `data.ron`, `data.ron.bak`). A crash at any moment
/// leaves either the old or the new file whole, and the next save removes the temporary file a
/// crash left. A dataset whose text would pass [`MAX_DATASET_BYTES`] is refused
/// ([`SaveError::TooLarge`]) before anything is written.
pub fn save_atomic(ds: &Dataset, path: &Path) -> Result<Saved, SaveError> {
    save_atomic_with_limit(ds, path, MAX_DATASET_BYTES)
}

/// [`save_atomic`] with another size limit (tests use a small one).
#[doc(hidden)]
pub fn save_atomic_with_limit(ds: &Dataset, path: &Path, limit: u64) -> Result<Saved, SaveError> {
    save(ds, path, limit, None)
}

/// [`save_atomic`] with a simulated failure, for tests.
#[doc(hidden)]
pub fn save_atomic_failing_at(
    ds: &Dataset,
    path: &Path,
    fail: Option<FailPoint>,
) -> Result<Saved, SaveError> {
    save(ds, path, MAX_DATASET_BYTES, fail)
}

fn save(
    ds: &Dataset,
    path: &Path,
    limit: u64,
    fail: Option<FailPoint>,
) -> Result<Saved, SaveError> {
    let limit_bytes = usize::try_from(limit).unwrap_or(usize::MAX);
    let Some(text) = to_ron_bounded(ds, limit_bytes)? else {
        return Err(SaveError::TooLarge {
            file: path.display().to_string(),
            limit,
        });
    };
    write_atomic(path, text.as_bytes(), fail, true)
}

/// Writes `bytes` to `path` atomically as [`save_atomic`] does (keeping permissions, owner and
/// links), for files that are not datasets (exports, recovery copies): without a `.bak` of the
/// file it replaces, since such a file is made again from the data (an exported image must not
/// leave a stray `.bak` beside it). Whoever calls it asks before replacing a file the user did
/// not choose in a dialog that confirmed it.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<FileStamp, SaveError> {
    write_atomic(path, bytes, None, false).map(|saved| saved.stamp)
}
