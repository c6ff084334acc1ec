//! Opening any file the app reads (a dataset for Open or `check`, a file to import): only a
//! regular file no larger than [`MAX_DATASET_BYTES`], checked from its metadata before a byte of
//! it is read, so a FIFO, a device or a huge file is refused at once.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use super::LoadError;
use super::limits::MAX_DATASET_BYTES;
use super::load::describe_io_error;

/// A file opened for reading after the checks every input gets: it is a regular file (not a
/// folder, FIFO, socket or device) and no larger than the size limit.
#[derive(Debug)]
pub struct InputFile {
    /// The open file, positioned at its start.
    pub file: File,
    /// Its size in bytes when it was opened.
    pub len: u64,
    /// Its name as shown in messages.
    pub name: String,
    limit: u64,
}

/// Opens `path` for reading after checking, from its metadata and before reading anything, that
/// it is a regular file of at most [`MAX_DATASET_BYTES`]. Every input (Open, `check`, `format`,
/// import) goes through here, so all obey the same limit.
pub fn open_input_file(path: &Path) -> Result<InputFile, LoadError> {
    open_input_file_with_limit(path, MAX_DATASET_BYTES)
}

/// [`open_input_file`] with another size limit (tests use a small one).
#[doc(hidden)]
pub fn open_input_file_with_limit(path: &Path, limit: u64) -> Result<InputFile, LoadError> {
    let name = path.display().to_string();
    let io_err = |e: std::io::Error| LoadError::Io {
        file: name.clone(),
        reason: describe_io_error(&e),
    };
    // The type comes from the metadata (following symbolic links), never from opening: opening a
    // FIFO blocks until some other program writes to it.
    let meta = std::fs::metadata(path).map_err(io_err)?;
    check_metadata(&name, &meta, limit)?;
    let file = open_without_blocking(path).map_err(io_err)?;
    // The path may have been replaced between the two steps: check what was really opened.
    let opened = file.metadata().map_err(io_err)?;
    check_metadata(&name, &opened, limit)?;
    Ok(InputFile {
        file,
        len: opened.len(),
        name,
        limit,
    })
}

/// Opens `path` to read. Where the flag's value is known, with `O_NONBLOCK`, so that even a
/// FIFO put in the file's place after its metadata was read cannot make the open wait for a
/// writer (the flag changes nothing for the regular file that is checked for right after).
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(all(
        target_os = "linux",
        any(
            target_arch = "x86_64",
            target_arch = "x86",
            target_arch = "aarch64",
            target_arch = "arm",
            target_arch = "riscv64"
        )
    ))]
    {
        const O_NONBLOCK: i32 = 0o4000;
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the whole file at `path` after the checks of [`open_input_file`].
pub fn read_input_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut input = open_input_file(path)?;
    let mut bytes = Vec::new();
    input.read_rest(&mut bytes)?;
    Ok(bytes)
}

impl InputFile {
    /// Appends up to `n` more bytes of the file to `buf` (fewer at its end). Returns whether the
    /// end of the file was reached.
    pub fn read_some(&mut self, buf: &mut Vec<u8>, n: usize) -> Result<bool, LoadError> {
        let want = n as u64;
        let got = (&mut self.file)
            .take(want)
            .read_to_end(buf)
            .map_err(|e| self.io_error(&e))?;
        Ok((got as u64) < want)
    }

    /// Appends the rest of the file to `buf`, refusing it if the file grew past the size limit
    /// while being read.
    pub fn read_rest(&mut self, buf: &mut Vec<u8>) -> Result<(), LoadError> {
        let len = usize::try_from(self.len).unwrap_or(0);
        buf.reserve(len.saturating_sub(buf.len()));
        // At most one byte past the limit, in case the file grew since it was opened.
        let room = (self.limit + 1).saturating_sub(buf.len() as u64);
        (&mut self.file)
            .take(room)
            .read_to_end(buf)
            .map_err(|e| self.io_error(&e))?;
        if buf.len() as u64 > self.limit {
            return Err(too_large(&self.name, buf.len() as u64, self.limit));
        }
        Ok(())
    }

    fn io_error(&self, e: &std::io::Error) -> LoadError {
        LoadError::Io {
            file: self.name.clone(),
            reason: describe_io_error(e),
        }
    }
}

pub(crate) fn too_large(file: &str, size: u64, limit: u64) -> LoadError {
    LoadError::TooLarge {
        file: file.to_owned(),
        size,
        limit,
    }
}

fn check_metadata(name: &str, meta: &Metadata, limit: u64) -> Result<(), LoadError> {
    if meta.is_dir() {
        return Err(LoadError::Io {
            file: name.to_owned(),
            reason: "it is a folder, not a file".into(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegularFile {
            file: name.to_owned(),
            kind: special_kind(meta),
        });
    }
    if meta.len() > limit {
        return Err(too_large(name, meta.len(), limit));
    }
    Ok(())
}

/// What a file that is neither a regular file nor a folder is, in plain words.
#[cfg(unix)]
pub(crate) fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
pub(crate) fn special_kind(_meta: &Metadata) -> &'static str {
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Even when a FIFO takes the file's place between the look at its metadata and the open,
    /// the open returns at once (and the check after it refuses the FIFO).
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    #[test]
    fn opening_a_fifo_does_not_wait_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: tests/check_cli.rs covers FIFOs through `check`
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let opened = open_without_blocking(&path).map(|f| f.metadata().map(|m| m.is_file()));
            let _ = tx.send(opened.is_ok_and(|m| m.is_ok_and(|is_file| !is_file)));
        });
        let opened = rx.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(opened, Ok(true), "the open of a FIFO blocked or failed");
        assert!(matches!(
            open_input_file(&fifo),
            Err(LoadError::NotRegularFile { .. })
        ));
    }
}
