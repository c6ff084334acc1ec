//! Matching the whole file's rows and building the summary: at once for a small file, on a
//! thread for a large one (with how far it got and a Cancel button), so no frame waits for them.

use std::sync::Arc;

use super::{
    Built, FullRead, ImportDialog, Job, MATCH_ON_THREAD_ROWS, Matching, Polled, Step, grouped,
    plain_mapping_error,
};
use crate::import::Import;
use crate::model::Dataset;

impl ImportDialog {
    /// Maps and matches the whole file against `ds` (again, when the dataset changed): at once
    /// for a small file (`Ok(true)`), on a thread for a large one (`Ok(false)`: [`Matching`]
    /// shows `then` when done). Errors: why it cannot be built yet, in a sentence.
    pub fn build(&mut self, ds: &Arc<Dataset>, revision: u64, then: Step) -> Result<bool, String> {
        if self.built.as_ref().is_some_and(|b| b.revision == revision) {
            return Ok(true);
        }
        if let Some(m) = self.matching.as_mut().filter(|m| m.revision == revision) {
            m.then = then;
            return Ok(false);
        }
        let Some(table) = self.full.shared().cloned() else {
            return Err(match &self.full {
                FullRead::Reading(_) => "The whole file is still being read; wait a moment.".into(),
                _ => "The file could not be read; choose another file in step 1.".into(),
            });
        };
        // A date not typed right yet does not stop the matching; step 4 asks for it.
        let settings = self.settings().unwrap_or_else(|_| self.settings_with(None));
        let mapping = self.mapping.clone();
        self.forget_plan();
        if table.rows.len() >= MATCH_ON_THREAD_ROWS {
            let ds = Arc::clone(ds);
            let job = Job::start(table.rows.len(), move |p| {
                let table = (*table).clone();
                match Import::new_with_progress(&ds, table, mapping, settings, &mut |n| p.set(n)) {
                    Ok(Some(import)) => Some(Ok(import)),
                    Ok(None) => None,
                    Err(wrong) => Some(Err(wrong)),
                }
            });
            self.matching = Some(Matching {
                job,
                revision,
                then,
            });
            return Ok(false);
        }
        let built = Import::new(ds, (*table).clone(), mapping, settings);
        self.matched(built, revision).map(|()| true)
    }

    /// Keeps a finished matching, or says what is wrong with the mapping.
    fn matched(&mut self, built: Result<Import, Vec<String>>, revision: u64) -> Result<(), String> {
        match built {
            Ok(import) => {
                self.built = Some(Built {
                    import: Arc::new(import),
                    revision,
                });
                self.forget_plan();
                Ok(())
            }
            Err(wrong) => Err(wrong
                .iter()
                .map(|w| plain_mapping_error(w))
                .collect::<Vec<_>>()
                .join("\n")),
        }
    }

    /// Takes the result of matching or planning on a thread when done; returns whether one is
    /// still working (the window then repaints soon to show how far it got).
    pub fn poll_jobs(&mut self) -> bool {
        // The cell check is polled where its result is shown (`problems`).
        let mut working = self.checking.is_some();
        if let Some(m) = &self.matching {
            match m.job.poll() {
                Polled::Working => working = true,
                Polled::Done(result) => {
                    let (revision, then) = (m.revision, m.then);
                    self.matching = None;
                    match result.map(|r| self.matched(r, revision)) {
                        Some(Ok(())) => self.step = then,
                        Some(Err(e)) => {
                            self.message = Some(e);
                            self.step = Step::Columns;
                        }
                        None => {}
                    }
                }
            }
        }
        if let Some((job, from)) = &self.planning {
            match job.poll() {
                Polled::Working => working = true,
                Polled::Done(plan) => {
                    let current = self
                        .built
                        .as_ref()
                        .is_some_and(|b| Arc::ptr_eq(&b.import, from));
                    if current {
                        self.plan = plan;
                    }
                    self.planning = None;
                }
            }
        }
        working
    }

    /// Stops matching or planning on a thread; nothing of it is kept or applied.
    pub fn cancel_jobs(&mut self) {
        if self.matching.take().is_some() {
            self.message = Some("Matching was cancelled; nothing was imported.".into());
        }
        if self.planning.take().is_some() {
            self.message = Some("Building the summary was cancelled; nothing was imported.".into());
            self.step = Step::Rows;
        }
    }

    /// The progress of matching or planning on a thread, and a button that stops it.
    pub(super) fn working_ui(&mut self, ui: &mut egui::Ui) {
        let line = match (&self.matching, &self.planning) {
            (Some(m), _) => format!(
                "Matching {} of {} rows…",
                grouped(m.job.done()),
                grouped(m.job.total)
            ),
            (None, Some((job, _))) => {
                format!("Building the summary of {} rows…", grouped(job.total))
            }
            (None, None) => return,
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(line);
        });
        ui.add_space(8.0);
        let (button, hover) = if self.matching.is_some() {
            (
                "Cancel matching",
                "Stop; nothing is imported and the columns stay as they are",
            )
        } else {
            (
                "Cancel the summary",
                "Stop; nothing is imported, and the rows' decisions stay as they are",
            )
        };
        if ui.button(button).on_hover_text(hover).clicked() {
            self.cancel_jobs();
        }
    }
}
