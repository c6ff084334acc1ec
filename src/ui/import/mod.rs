//! The import dialog (File > Import data…): a file's rows brought into the dataset in four steps.
//! Here: the dialog's state, its window and the step bar; one file per step; `load` reads on a
//! thread, `build` matches and summarises (on a thread through `job` when the file is large).

mod apply_step;
mod build;
mod columns_step;
mod file_step;
mod job;
mod load;
mod presets_ui;
mod rows_step;

use std::path::PathBuf;
use std::sync::Arc;

use super::ExplorerApp;
use super::command::UiCommand;
use super::queue::CommandQueue;
use crate::app::{Action, DialogOutcome};
use crate::import::{
    CellProblem, ConflictChoice, Import, ImportKind, Mapping, Plan, Preset, Preview, ReadOptions,
    Settings, SourceInfo, Table, map_rows, parse_date, preview,
};
use crate::model::Dataset;

pub use job::{Job, MATCH_ON_THREAD_ROWS, Polled, grouped};
pub use load::{FullRead, READ_ON_THREAD_BYTES};

/// The dialog's four steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// What was detected, and the first rows.
    File,
    /// What each column becomes, and the cells that do not parse.
    Columns,
    /// Each row's decision.
    Rows,
    /// The source record, the conflict rule, the summary; Apply.
    Apply,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 4] = [Step::File, Step::Columns, Step::Rows, Step::Apply];

    /// Its title in the step bar.
    pub fn title(self) -> &'static str {
        match self {
            Step::File => "1. File",
            Step::Columns => "2. Columns",
            Step::Rows => "3. Rows",
            Step::Apply => "4. Apply",
        }
    }
}

/// The source record's fields as the user types them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceFields {
    /// Title as published.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Date the file was retrieved, as typed (may be empty).
    pub retrieved: String,
    /// Licence and credit.
    pub license: String,
}

/// Which rows step 3 lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowFilter {
    /// Every row.
    #[default]
    All,
    /// Rows with close candidates and no exact match.
    Ambiguous,
    /// Rows to be added as new records.
    New,
    /// Rows matched to a record.
    Matched,
    /// Rows left out.
    Skipped,
}

/// The import built from the whole file, and the dataset revision it was matched against.
#[derive(Debug)]
pub struct Built {
    /// The rows mapped, matched and decided (shared with a thread building the summary; a change
    /// goes through `Arc::make_mut`).
    pub import: Arc<Import>,
    /// The revision of the dataset when it was matched.
    pub revision: u64,
}

/// The state of an open import dialog (kept in the window's view state).
#[derive(Debug)]
pub struct ImportDialog {
    /// The file being imported.
    pub path: PathBuf,
    /// The path as typed in step 1.
    pub path_text: String,
    /// The step shown.
    pub step: Step,
    /// How the file is read (sheet, delimiter, encoding; `None` = detected).
    pub options: ReadOptions,
    /// The first rows, or why the file cannot be read.
    pub preview: Result<Preview, String>,
    /// The whole file, read on a thread when large.
    pub full: FullRead,
    /// What each column becomes.
    pub mapping: Mapping,
    /// The cells that do not parse under `mapping`, and whether they come from the whole file.
    pub problems: Option<(Vec<CellProblem>, bool)>,
    /// A large file's cells being checked under `mapping` on a thread (the preview's problems
    /// are shown meanwhile).
    pub checking: Option<Job<Vec<CellProblem>>>,
    /// The import, once the mapping is accepted.
    pub built: Option<Built>,
    /// What applying would do, for step 4.
    pub plan: Option<Plan>,
    /// A large file's rows being matched on a thread.
    pub matching: Option<Matching>,
    /// The summary of a large import being built on a thread, and the import it is built from.
    pub planning: Option<(Job<Plan>, Arc<Import>)>,
    /// The name typed for saving the mapping as a preset.
    pub preset_name: String,
    /// The folder of the user's saved presets (`None`: there is no settings folder here).
    pub presets_dir: Option<PathBuf>,
    /// The user's saved presets, read when the dialog opens and after a save.
    pub saved_presets: Vec<crate::import::UserPreset>,
    /// The source record's fields.
    pub source: SourceFields,
    /// What to do with a value that differs from the dataset's.
    pub on_conflict: ConflictChoice,
    /// Which rows step 3 lists.
    pub row_filter: RowFilter,
    /// What stops the user going on, shown under the step.
    pub message: Option<String>,
}

/// Rows being matched on a thread: the job, the dataset revision they are matched against, and
/// the step to show when done.
#[derive(Debug)]
pub struct Matching {
    /// The work under way.
    pub job: Job<Result<Import, Vec<String>>>,
    /// The dataset's revision it matches against.
    pub revision: u64,
    /// The step shown once matched.
    pub then: Step,
}

/// What the dialog asks the window to do.
pub enum Outcome {
    /// Apply this action (the import as one undo step) and say this in the status bar.
    Apply(Action, String),
    /// Close without applying anything.
    Close,
}

impl ImportDialog {
    /// The dialog on `path`: its preview read, the whole file being read, a mapping suggested.
    pub fn open(path: PathBuf) -> ImportDialog {
        let mut d = ImportDialog {
            path_text: path.display().to_string(),
            path,
            step: Step::File,
            options: ReadOptions::default(),
            preview: Err(String::new()),
            full: FullRead::Failed(String::new()),
            mapping: Mapping::new(ImportKind::Models),
            problems: None,
            checking: None,
            built: None,
            plan: None,
            matching: None,
            planning: None,
            preset_name: String::new(),
            presets_dir: None,
            saved_presets: Vec::new(),
            source: SourceFields::default(),
            on_conflict: ConflictChoice::Both,
            row_filter: RowFilter::All,
            message: None,
        };
        d.set_presets_dir(crate::import::user_presets_dir());
        d.reread(true);
        d
    }

    /// Where the user's presets are read from and saved to (tests use a folder of their own).
    pub fn set_presets_dir(&mut self, dir: Option<PathBuf>) {
        self.saved_presets = dir
            .as_deref()
            .map(|d| crate::import::user_presets(d).0)
            .unwrap_or_default();
        self.presets_dir = dir;
    }

    /// The dialog with no file yet: no file dialog could be shown, so the path is typed.
    pub fn asking_for_path() -> ImportDialog {
        let mut d = ImportDialog::open(PathBuf::new());
        d.path_text.clear();
        d.preview = Err(
            "No file dialog could be shown here: type the path of the file to import above and press Read."
                .into(),
        );
        d.full = FullRead::Failed(String::new());
        d
    }

    /// The file's name as each imported value will cite it.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    /// Reads the preview again (the file or how it is read changed) and starts the whole read;
    /// `fresh` (a new file) also resets the mapping and the source fields from the preset.
    pub fn reread(&mut self, fresh: bool) {
        let headers_before = self.preview.as_ref().ok().map(|p| p.table.headers.clone());
        self.preview = preview(&self.path, &self.options).map_err(|e| e.to_string());
        self.full = match &self.preview {
            Ok(_) => FullRead::start(&self.path, &self.options),
            Err(e) => FullRead::Failed(e.clone()),
        };
        let headers_now = self.preview.as_ref().ok().map(|p| p.table.headers.clone());
        if fresh || headers_before != headers_now {
            let preset = self.preset();
            let kind = preset.map_or(ImportKind::Models, |p| p.kind);
            self.set_kind(kind);
        }
        if fresh {
            let preset = self.preset();
            self.source = SourceFields {
                title: preset.map_or_else(|| self.file_name(), |p| p.title.to_owned()),
                publisher: preset.map_or("", |p| p.publisher).to_owned(),
                retrieved: String::new(),
                license: preset.map_or("", |p| p.license).to_owned(),
            };
        }
        self.mapping_changed();
    }

    /// The preset the file's headers fit.
    pub fn preset(&self) -> Option<&'static Preset> {
        self.preview.as_ref().ok().and_then(|p| p.preset)
    }

    /// The headers of the file (empty when it cannot be read).
    pub fn headers(&self) -> &[String] {
        self.preview
            .as_ref()
            .map(|p| p.table.headers.as_slice())
            .unwrap_or(&[])
    }

    /// The whole file when it has been read, else the preview's rows.
    pub fn table(&self) -> Option<&Table> {
        self.full
            .table()
            .or_else(|| self.preview.as_ref().ok().map(|p| &p.table))
    }

    /// Makes the rows become `kind`: the preset's mapping when it is for `kind`, else one
    /// suggested from the headers.
    pub fn set_kind(&mut self, kind: ImportKind) {
        let headers = self.headers().to_vec();
        self.mapping = match self.preset() {
            Some(p) if p.kind == kind => p.mapping(&headers),
            _ => Mapping::suggest(kind, &headers),
        };
        self.mapping_changed();
    }

    /// Forgets what was built on the mapping (problems, decisions, plan).
    pub fn mapping_changed(&mut self) {
        self.problems = None;
        self.checking = None;
        self.built = None;
        self.matching = None;
        self.forget_plan();
        self.message = None;
    }

    /// Forgets the summary (a decision or a setting changed), stopping one being built.
    pub fn forget_plan(&mut self) {
        self.plan = None;
        self.planning = None;
    }

    /// The cells that do not parse, found once per mapping: in the preview at once, then in
    /// the whole file once read (a large file on a thread, so no frame waits for it; until it
    /// is done, the preview's).
    pub fn problems(&mut self) -> &[CellProblem] {
        let of = |t: &Table, m: &Mapping| -> Vec<CellProblem> {
            map_rows(t, m)
                .into_iter()
                .flat_map(|r| r.problems)
                .collect()
        };
        if self.problems.is_none()
            && let Ok(p) = &self.preview
        {
            self.problems = Some((of(&p.table, &self.mapping), false));
        }
        let whole_done = self.problems.as_ref().is_some_and(|(_, w)| *w);
        if !whole_done && let Some(table) = self.full.shared() {
            if table.rows.len() < MATCH_ON_THREAD_ROWS {
                self.problems = Some((of(table, &self.mapping), true));
            } else if self.checking.is_none() {
                let (table, mapping) = (Arc::clone(table), self.mapping.clone());
                self.checking = Some(Job::start(table.rows.len(), move |_| {
                    Some(of(&table, &mapping))
                }));
            }
        }
        if let Some(job) = &self.checking
            && let Polled::Done(found) = job.poll()
        {
            self.checking = None;
            if let Some(found) = found {
                self.problems = Some((found, true));
            }
        }
        self.problems.as_ref().map_or(&[], |(p, _)| p.as_slice())
    }

    /// The settings the import runs with, or what is wrong with the typed date.
    pub fn settings(&self) -> Result<Settings, String> {
        let retrieved = match self.source.retrieved.trim() {
            "" => None,
            t => Some(parse_date(t).map_err(|e| format!("Retrieved: {e}"))?),
        };
        Ok(self.settings_with(retrieved))
    }

    /// The settings with this retrieved date.
    fn settings_with(&self, retrieved: Option<crate::model::PartialDate>) -> Settings {
        Settings {
            source: SourceInfo {
                title: self.source.title.trim().to_owned(),
                publisher: self.source.publisher.trim().to_owned(),
                published: None,
                retrieved,
                license: self.source.license.trim().to_owned(),
                locator: self.file_name(),
            },
            on_conflict: self.on_conflict,
            accept_best: None,
            new_only: false,
        }
    }

    /// Moves to `step` if what it needs is there; else says why in `message`.
    pub fn go_to(&mut self, step: Step, ds: &Arc<Dataset>, revision: u64) {
        self.message = None;
        if step != Step::File && self.preview.is_err() {
            self.message = Some("Choose a file that can be read first.".into());
            return;
        }
        if matches!(step, Step::Rows | Step::Apply) {
            match self.build(ds, revision, step) {
                Ok(true) => {}
                Ok(false) => return,
                Err(e) => {
                    self.message = Some(e);
                    self.step = Step::Columns;
                    return;
                }
            }
        } else {
            self.matching = None;
        }
        self.step = step;
    }

    /// The dialog for one frame; what the window is to do, if anything.
    pub fn ui(&mut self, ctx: &egui::Context, ds: &Arc<Dataset>, revision: u64) -> Option<Outcome> {
        if self.full.poll() | self.poll_jobs() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        // The dataset changed under the dialog (an undo): match the rows again.
        if self.built.as_ref().is_some_and(|b| b.revision != revision) {
            self.built = None;
            self.forget_plan();
            let step = self.step;
            if matches!(step, Step::Rows | Step::Apply)
                && !matches!(self.build(ds, revision, step), Ok(true))
            {
                self.step = Step::Columns;
            }
        }
        let escape = !egui::Popup::is_any_open(ctx) && UiCommand::Cancel.key_pressed(ctx);
        let screen = ctx.content_rect();
        let size = egui::vec2(
            (screen.width() - 48.0).clamp(400.0, 1180.0),
            (screen.height() - 64.0).clamp(300.0, 900.0),
        );
        let mut outcome = None;
        egui::Modal::new(egui::Id::unique("import_dialog")).show(ctx, |ui| {
            ui.set_width(size.x);
            ui.set_height(size.y);
            ui.heading(if self.path.as_os_str().is_empty() {
                "Import data".to_owned()
            } else {
                format!("Import data from {}", self.file_name())
            });
            ui.horizontal(|ui| {
                for s in Step::ALL {
                    if ui.selectable_label(self.step == s, s.title()).clicked() {
                        self.go_to(s, ds, revision);
                    }
                    if s != Step::Apply {
                        ui.weak("›");
                    }
                }
            });
            ui.separator();
            let footer = 40.0;
            let body = (ui.available_height() - footer).max(120.0);
            ui.allocate_ui(egui::vec2(ui.available_width(), body), |ui| {
                ui.set_min_height(body);
                // The summary is built below the source fields (step 4), which stay editable.
                if self.matching.is_some() {
                    self.working_ui(ui);
                    return;
                }
                match self.step {
                    Step::File => file_step::ui(ui, self),
                    Step::Columns => {
                        columns_step::ui(ui, self);
                        presets_ui::ui(ui, self);
                    }
                    Step::Rows => rows_step::ui(ui, self, ds),
                    Step::Apply => apply_step::ui(ui, self, ds),
                }
            });
            ui.separator();
            outcome = self.footer_ui(ui, ds, revision);
        });
        if escape {
            return Some(Outcome::Close);
        }
        outcome
    }

    fn footer_ui(
        &mut self,
        ui: &mut egui::Ui,
        ds: &Arc<Dataset>,
        revision: u64,
    ) -> Option<Outcome> {
        let mut outcome = None;
        if let Some(m) = &self.message {
            ui.colored_label(ui.visuals().warn_fg_color, m);
        }
        ui.horizontal(|ui| {
            let at = Step::ALL.iter().position(|s| *s == self.step).unwrap_or(0);
            if at > 0 && ui.button("Back").clicked() {
                self.go_to(Step::ALL[at - 1], ds, revision);
            }
            if let Some(next) = Step::ALL.get(at + 1)
                && ui.button("Next").clicked()
            {
                self.go_to(*next, ds, revision);
            }
            if self.step == Step::Apply {
                let ready = self.plan.as_ref().filter(|p| p.rows_imported > 0);
                let label = match ready {
                    Some(p) => format!("Apply: import {} rows", p.rows_imported),
                    None => "Apply".to_owned(),
                };
                let settings_ok = self.settings().is_ok();
                let clicked = ui
                    .add_enabled(ready.is_some() && settings_ok, egui::Button::new(label))
                    .on_disabled_hover_text(
                        "Nothing to import yet, or the retrieved date is not a date",
                    )
                    .clicked();
                if clicked && let Some(p) = ready {
                    let status = format!(
                        "Imported {} rows from {} ({} undoes it)",
                        p.rows_imported,
                        self.file_name(),
                        UiCommand::Undo.shortcut_text(ui.ctx())
                    );
                    outcome = Some(Outcome::Apply(p.action(), status));
                }
            }
            if ui
                .button(UiCommand::Cancel.label())
                .on_hover_text("Close without importing anything (Esc)")
                .clicked()
            {
                outcome = Some(Outcome::Close);
            }
        });
        outcome
    }
}

/// A mapping error without the command line's advice (`--map`, `import --list-fields`).
fn plain_mapping_error(w: &str) -> String {
    let cut = w
        .split("; add --map")
        .next()
        .and_then(|s| s.split("; use `import").next())
        .unwrap_or(w);
    let mut chars = cut.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// A field's name in plain words ("release date").
pub fn field_words(f: crate::import::Field) -> String {
    f.name().replace('_', " ")
}

impl ExplorerApp {
    /// File > Import data…: asks for a file and opens the import dialog on it.
    pub(super) fn open_import_dialog(&mut self) {
        match self.state.pick_import_path() {
            DialogOutcome::Picked(p) => self.view.import = Some(Box::new(ImportDialog::open(p))),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => {
                self.view.import = Some(Box::new(ImportDialog::asking_for_path()));
            }
        }
    }

    /// The import dialog, when open; Apply queues the import as one undoable step.
    pub(super) fn import_dialog_ui(&mut self, ctx: &egui::Context, queue: &mut CommandQueue) {
        let Some(dialog) = self.view.import.as_mut() else {
            return;
        };
        let ds = self.state.doc.dataset.clone();
        match dialog.ui(ctx, &ds, self.state.doc.revision) {
            Some(Outcome::Apply(action, status)) => {
                queue.push_action(action);
                queue.push_action(Action::ShowStatus(status));
                self.view.import = None;
            }
            Some(Outcome::Close) => self.view.import = None,
            None => {}
        }
    }
}
