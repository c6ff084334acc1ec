//! Saving: canonical pretty RON, written atomically, with the previous version kept as `.bak`.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::SystemTime;

use super::load::describe_io_error;
use crate::model::Dataset;

/// Why a save failed. The file on disk is then unchanged and the data in memory is kept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The dataset could not be turned into text (should not happen for valid data).
    #[error("could not write the dataset as text: {0}")]
    Serialize(String),
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
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line("\n".to_owned())
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = ron::Options::default()
        .to_string_pretty(ds, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
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

/// Saves `ds` to `path` atomically: the text goes to a temporary file in the same folder, which is
/// flushed to disk and renamed over `path`; the folder is then flushed. The previous file, if
/// any, is kept as `<name>.bak` (for `data.ron`, `data.ron.bak`). A crash at any moment leaves
/// either the old or the new file whole. Returns the stamp of the written file.
pub fn save_atomic(ds: &Dataset, path: &Path) -> Result<FileStamp, SaveError> {
    save_atomic_failing_at(ds, path, None)
}

/// [`save_atomic`] with a simulated failure, for tests.
#[doc(hidden)]
pub fn save_atomic_failing_at(
    ds: &Dataset,
    path: &Path,
    fail: Option<FailPoint>,
) -> Result<FileStamp, SaveError> {
    let text = to_ron_string(ds)?;
    write_atomic(path, text.as_bytes(), fail)
}

/// Writes `bytes` to `path` atomically (temporary file, flush, rename, flush the folder), keeping
/// the previous file as `<name>.bak`. For files that are not datasets (recovery copies).
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<FileStamp, SaveError> {
    write_atomic(path, bytes, None)
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

fn write_atomic(
    path: &Path,
    bytes: &[u8],
    fail: Option<FailPoint>,
) -> Result<FileStamp, SaveError> {
    let file = path.display().to_string();
    let err = |step: &'static str| {
        let file = file.clone();
        move |e: std::io::Error| SaveError::Io {
            file,
            step,
            reason: describe_io_error(&e),
        }
    };
    if path.file_name().is_none() {
        return Err(SaveError::Io {
            file,
            step: "choosing the file",
            reason: "the path names no file".into(),
        });
    }
    if path.is_dir() {
        return Err(SaveError::Io {
            file,
            step: "choosing the file",
            reason: "it is a folder, not a file".into(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(SaveError::Io {
            file,
            step: "finding the folder",
            reason: "the folder does not exist".into(),
        });
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = sibling(path, &format!(".tmp-{}-{n}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(err("creating a temporary file"))?;
        if fail == Some(FailPoint::MidWrite) {
            f.write_all(&bytes[..bytes.len() / 2])
                .map_err(err("writing"))?;
            return Err(SaveError::Io {
                file: file.clone(),
                step: "writing",
                reason: "simulated failure".into(),
            });
        }
        f.write_all(bytes).map_err(err("writing"))?;
        f.sync_all().map_err(err("flushing to disk"))?;
        drop(f);
        if fail == Some(FailPoint::BeforeRename) {
            return Err(SaveError::Io {
                file: file.clone(),
                step: "replacing the file",
                reason: "simulated failure".into(),
            });
        }
        if path.exists() {
            // Keep the previous version: copy it to a temporary backup, then rename that into
            // place, so the `.bak` is itself always whole.
            let bak = sibling(path, ".bak");
            let bak_tmp = sibling(path, &format!(".bak.tmp-{}-{n}", std::process::id()));
            let kept = fs::copy(path, &bak_tmp).and_then(|_| fs::rename(&bak_tmp, &bak));
            if kept.is_err() {
                let _ = fs::remove_file(&bak_tmp);
            }
            kept.map_err(err("keeping the previous version as .bak"))?;
        }
        fs::rename(&tmp, path).map_err(err("replacing the file"))?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    FileStamp::of(path).ok_or_else(|| SaveError::Io {
        file,
        step: "checking the saved file",
        reason: "the file is not there after saving".into(),
    })
}

/// Flushes a folder's entries to disk so a rename survives a power cut (a no-op where folders
/// cannot be opened, as on Windows).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
