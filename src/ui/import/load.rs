//! Reading the whole file for the import dialog: at once when it is small, on a thread when it is
//! large, so no frame waits for it (the preview, read first, reads only what it shows).

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::import::{ReadOptions, Table, read_file};

/// Files at least this large are read on a thread.
pub const READ_ON_THREAD_BYTES: u64 = 2 << 20;

/// The whole file: being read, read, or why it could not be.
#[derive(Debug)]
pub enum FullRead {
    /// A thread is reading it.
    Reading(Receiver<Result<Table, String>>),
    /// Read (shared with the thread that matches its rows).
    Ready(Arc<Table>),
    /// It could not be read: why.
    Failed(String),
}

impl FullRead {
    /// Starts reading the file at `path` with `options` (all rows).
    pub fn start(path: &Path, options: &ReadOptions) -> FullRead {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let path = path.to_owned();
        let mut options = options.clone();
        options.max_rows = None;
        let read = move || read_file(&path, &options).map_err(|e| e.to_string());
        if size < READ_ON_THREAD_BYTES {
            return Self::from_result(read());
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // The dialog may have closed meanwhile: then nobody listens, which is fine.
            let _ = tx.send(read());
        });
        FullRead::Reading(rx)
    }

    fn from_result(r: Result<Table, String>) -> FullRead {
        match r {
            Ok(t) => FullRead::Ready(Arc::new(t)),
            Err(e) => FullRead::Failed(e),
        }
    }

    /// Takes the thread's result when it is done. Returns whether it is still reading.
    pub fn poll(&mut self) -> bool {
        if let FullRead::Reading(rx) = self {
            match rx.try_recv() {
                Ok(r) => *self = Self::from_result(r),
                Err(TryRecvError::Empty) => return true,
                Err(TryRecvError::Disconnected) => {
                    *self = FullRead::Failed(
                        "reading the file stopped before the end; try again".into(),
                    );
                }
            }
        }
        false
    }

    /// Waits for the thread (tests).
    pub fn wait(&mut self) {
        if let FullRead::Reading(rx) = self {
            let r = rx
                .recv()
                .unwrap_or_else(|_| Err("reading the file stopped before the end".into()));
            *self = Self::from_result(r);
        }
    }

    /// The table, once read.
    pub fn table(&self) -> Option<&Table> {
        self.shared().map(|t| &**t)
    }

    /// The table, once read, to hand to a thread.
    pub fn shared(&self) -> Option<&Arc<Table>> {
        match self {
            FullRead::Ready(t) => Some(t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: usize, width: usize) -> String {
        let mut s = String::from("Model,Organization,Notes\n");
        let pad = "x".repeat(width);
        for i in 0..rows {
            s.push_str(&format!("Model {i},Lab {i},{pad}\n"));
        }
        s
    }

    #[test]
    fn a_small_file_is_read_at_once_and_a_large_one_on_a_thread() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.csv");
        std::fs::write(&small, csv(3, 1)).unwrap();
        let r = FullRead::start(&small, &ReadOptions::default());
        assert_eq!(r.table().map(|t| t.rows.len()), Some(3));

        let large = dir.path().join("large.csv");
        std::fs::write(&large, csv(30_000, 80)).unwrap();
        assert!(std::fs::metadata(&large).unwrap().len() >= READ_ON_THREAD_BYTES);
        let mut r = FullRead::start(&large, &ReadOptions::default());
        assert!(matches!(r, FullRead::Reading(_)));
        r.wait();
        assert!(!r.poll());
        assert_eq!(r.table().map(|t| t.rows.len()), Some(30_000));
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.csv");
        std::fs::write(&empty, "").unwrap();
        let r = FullRead::start(&empty, &ReadOptions::default());
        match r {
            FullRead::Failed(why) => assert!(why.contains("empty"), "{why}"),
            other => panic!("read an empty file: {other:?}"),
        }
    }
}
