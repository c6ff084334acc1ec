//! Work the import dialog does on a thread so no frame waits for it (matching a large file's
//! rows, building the summary): how far it got, a way to stop it, and its result when done.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Files with at least this many rows are matched on a thread (smaller ones at once).
pub const MATCH_ON_THREAD_ROWS: usize = 2_000;

/// What a job's thread sees: where to say how far it got, and whether to stop.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    done: Arc<AtomicUsize>,
    cancelled: Arc<AtomicBool>,
}

impl Progress {
    /// Records that `done` units are done; returns whether to go on (not cancelled).
    pub fn set(&self, done: usize) -> bool {
        self.done.store(done, Ordering::Relaxed);
        !self.cancelled.load(Ordering::Relaxed)
    }
}

/// What polling a job found.
#[derive(Debug)]
pub enum Polled<T> {
    /// Still working.
    Working,
    /// Done, with its result (`None`: it stopped because it was cancelled).
    Done(Option<T>),
}

/// Work under way on a thread.
#[derive(Debug)]
pub struct Job<T> {
    rx: Receiver<Option<T>>,
    progress: Progress,
    /// How many units there are in all (rows).
    pub total: usize,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread; it reports through the [`Progress`] it is given and returns
    /// `None` when told to stop.
    pub fn start(total: usize, work: impl FnOnce(&Progress) -> Option<T> + Send + 'static) -> Self {
        let progress = Progress::default();
        let (tx, rx) = channel();
        let seen = progress.clone();
        std::thread::spawn(move || {
            // The dialog may have closed meanwhile: then nobody listens, which is fine.
            let _ = tx.send(work(&seen));
        });
        Job {
            rx,
            progress,
            total,
        }
    }

    /// How many units are done.
    pub fn done(&self) -> usize {
        self.progress.done.load(Ordering::Relaxed)
    }

    /// Tells the thread to stop; its result will be dropped.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// Takes the result when the thread is done.
    pub fn poll(&self) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(r) => Polled::Done(r),
            Err(TryRecvError::Empty) => Polled::Working,
            Err(TryRecvError::Disconnected) => Polled::Done(None),
        }
    }

    /// Waits for the thread (tests).
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok().flatten()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        // Nobody will read the result: let the thread stop early.
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }
}

/// "12 000" (thin groups of three digits, as the progress line shows counts).
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_progress_and_its_result() {
        let job = Job::start(10, |p| {
            for i in 0..=10 {
                p.set(i);
            }
            Some(42)
        });
        assert_eq!(job.wait(), Some(42));
        assert_eq!(job.done(), 10);
    }

    #[test]
    fn a_cancelled_job_gives_nothing() {
        let (go_tx, go_rx) = channel::<()>();
        let job = Job::start(1, move |p| {
            go_rx.recv().unwrap();
            p.set(1).then_some(1)
        });
        job.cancel();
        go_tx.send(()).unwrap();
        assert_eq!(job.wait(), None);
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(12_000), "12 000");
        assert_eq!(grouped(100_000), "100 000");
        assert_eq!(grouped(1_234_567), "1 234 567");
    }
}
