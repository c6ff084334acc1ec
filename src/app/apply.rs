//! [`AppState::apply`]: the one function that carries out an [`Action`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::edit::{self, DeleteMode};
use super::recovery;
use super::state::NO_DIALOG_NOTE;
use super::{Action, AppState, DialogOutcome, Document, Modal, Origin, PathPurpose, UnsavedChoice};
use crate::io::FileStamp;
use crate::model::{Dataset, NameStyle, ScanLists, record_name, validate_on};

impl AppState {
    /// Whether `action` would throw away unsaved changes (and so must ask first).
    fn discards_document(action: &Action) -> bool {
        matches!(
            action,
            Action::NewDataset
                | Action::OpenDialog
                | Action::Open(_)
                | Action::OpenBuiltin
                | Action::Quit
        )
    }

    /// Carries out one action. The only place where the document changes.
    pub fn apply(&mut self, action: Action) {
        if self.doc.is_dirty() && Self::discards_document(&action) {
            self.modal = Some(Modal::UnsavedChanges {
                then: Box::new(action),
            });
            return;
        }
        self.apply_unguarded(action);
    }

    fn apply_unguarded(&mut self, action: Action) {
        match action {
            Action::NewDataset => {
                self.replace_document(Document::untitled());
                self.settings.last_file = None;
                self.status = "New empty dataset".into();
            }
            Action::OpenBuiltin => self.open_builtin(),
            Action::OpenDialog => match self.dialogs.pick_open(self.start_dir().as_deref()) {
                DialogOutcome::Picked(p) => self.apply(Action::Open(p)),
                DialogOutcome::Cancelled => {}
                DialogOutcome::Unavailable => self.apply(Action::PromptPath(PathPurpose::Open)),
            },
            Action::Open(path) => self.open(path),
            Action::Save => match self.doc.path().map(Path::to_path_buf) {
                None => self.apply(Action::SaveAs),
                Some(p) => {
                    let now = FileStamp::of(&p);
                    if now.is_some() && now != self.doc.stamp {
                        self.modal = Some(Modal::ConfirmOverwrite {
                            reason: format!(
                                "{} was changed on disk after you opened it (by another program or person). \
                                 Saving replaces those changes with yours; the replaced file is kept as {}.bak.",
                                p.display(),
                                p.file_name()
                                    .map(|n| n.to_string_lossy().into_owned())
                                    .unwrap_or_default()
                            ),
                            path: p,
                        });
                    } else {
                        self.write(p);
                    }
                }
            },
            Action::SaveAs => {
                let name = match &self.doc.origin {
                    Origin::File(_) => self.doc.display_name(),
                    _ => "dataset.ron".to_owned(),
                };
                match self.dialogs.pick_save(self.start_dir().as_deref(), &name) {
                    DialogOutcome::Picked(p) => self.apply(Action::SaveTo(p)),
                    DialogOutcome::Cancelled => {}
                    DialogOutcome::Unavailable => self.apply(Action::PromptPath(PathPurpose::Save)),
                }
            }
            Action::SaveTo(p) => self.write(with_ron_extension(p)),
            Action::SaveToTyped(p) => {
                let p = with_ron_extension(p);
                if p.exists() && self.doc.path() != Some(p.as_path()) {
                    self.modal = Some(Modal::ConfirmOverwrite {
                        reason: format!(
                            "{} already exists. Replace it? The replaced file is kept as .bak.",
                            p.display()
                        ),
                        path: p,
                    });
                } else {
                    self.write(p);
                }
            }
            Action::OverwriteConfirmed(p) => {
                self.modal = None;
                self.write(p);
            }
            Action::PromptPath(purpose) => {
                let text = self
                    .start_dir()
                    .map(|d| format!("{}/", d.display()))
                    .unwrap_or_default();
                self.modal = Some(Modal::PathPrompt {
                    purpose,
                    text,
                    note: NO_DIALOG_NOTE.into(),
                });
            }
            Action::SetPromptText(t) => {
                if let Some(Modal::PathPrompt { text, .. }) = &mut self.modal {
                    *text = t;
                }
            }
            Action::SubmitPrompt => {
                if let Some(Modal::PathPrompt { purpose, text, .. }) = self.modal.clone() {
                    let typed = text.trim();
                    if typed.is_empty() {
                        return;
                    }
                    self.modal = None;
                    let p = expand_home(typed);
                    match purpose {
                        PathPurpose::Open => self.apply(Action::Open(p)),
                        PathPurpose::Save => self.apply(Action::SaveToTyped(p)),
                    }
                }
            }
            Action::DismissModal => self.modal = None,
            Action::ClearRecent => self.settings.recent.clear(),
            Action::RememberExportChoices(choices) => self.export_choices = choices,
            Action::ShowStatus(message) => self.status = message,
            Action::Quit => self.quit_requested = true,
            Action::Select(r) => {
                self.show_list_of(&r);
                self.selection.select(r);
            }
            Action::Back => {
                self.selection.back();
                self.show_list_of_current();
            }
            Action::Forward => {
                self.selection.forward();
                self.show_list_of_current();
            }
            Action::SetTab(t) => self.tab = t,
            Action::SetQuery(q) => self.query = *q,
            Action::Edit {
                label,
                edits,
                coalesce,
            } => {
                if matches!(self.modal, Some(Modal::ConfirmDelete { .. })) {
                    self.modal = None;
                }
                let before = self.selected_place();
                let ds = Arc::make_mut(&mut self.doc.dataset);
                match self.history.record(ds, label, edits, coalesce) {
                    Ok(()) => {
                        self.follow_renamed(before);
                        self.data_changed();
                    }
                    Err(e) => self.error("The change could not be made", e.to_string()),
                }
            }
            Action::SealEdit => self.history.seal(),
            Action::AskDelete(target) => {
                let refs = edit::references_to(&self.doc.dataset, &target);
                if refs.is_empty() {
                    self.apply_unguarded(Action::Delete(target, DeleteMode::Cascade));
                } else {
                    let referrers = refs
                        .iter()
                        .map(|(r, field)| {
                            let name = record_name(
                                &self.doc.dataset,
                                &ScanLists,
                                r,
                                NameStyle::KindAndName,
                            );
                            let field =
                                crate::model::field_words::field_label(r.kind_and_id().0, field);
                            format!("{name}, {field}")
                        })
                        .collect();
                    self.modal = Some(Modal::ConfirmDelete { target, referrers });
                }
            }
            Action::Duplicate(r) => {
                if let Some((label, edits, new)) = edit::duplicate_record(&self.doc.dataset, &r) {
                    self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    });
                    self.apply_unguarded(Action::Select(new));
                }
            }
            Action::Insert(record) => {
                let r = record.record_ref();
                let (label, edits) = edit::insert_record(&self.doc.dataset, *record);
                self.apply_unguarded(Action::Edit {
                    label,
                    edits,
                    coalesce: None,
                });
                self.apply_unguarded(Action::Select(r));
            }
            Action::New(kind) => {
                if let Some(record) = new_record(&self.doc.dataset, kind) {
                    let r = record.record_ref();
                    let (label, edits) = edit::insert_record(&self.doc.dataset, record);
                    self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    });
                    self.apply_unguarded(Action::Select(r));
                }
            }
            Action::Delete(target, mode) => {
                match edit::delete_plan(&self.doc.dataset, &target, mode) {
                    Ok((label, edits)) => self.apply_unguarded(Action::Edit {
                        label,
                        edits,
                        coalesce: None,
                    }),
                    Err(e) => self.error("Could not delete", e.to_string()),
                }
            }
            Action::Undo => {
                let before = self.selected_place();
                let ds = Arc::make_mut(&mut self.doc.dataset);
                if let Some(label) = self.history.undo(ds) {
                    self.status = format!("Undid: {label}");
                    self.follow_renamed(before);
                    self.data_changed();
                }
            }
            Action::Redo => {
                let before = self.selected_place();
                let ds = Arc::make_mut(&mut self.doc.dataset);
                if let Some(label) = self.history.redo(ds) {
                    self.status = format!("Redid: {label}");
                    self.follow_renamed(before);
                    self.data_changed();
                }
            }
            Action::SaveDespiteProblems(path) => {
                self.modal = None;
                self.problems_acknowledged = Some(self.doc.revision);
                self.write(path);
            }
            Action::RestoreRecovery => {
                self.modal = None;
                let Some(path) = self.recovery_path.clone() else {
                    return;
                };
                match recovery::read(&path) {
                    Ok(r) => {
                        let problems = validate_on(&r.dataset, crate::io::today());
                        let origin = match &r.origin {
                            Some(p) => Origin::File(p.clone()),
                            None if r.builtin => Origin::Builtin,
                            None => Origin::Untitled,
                        };
                        let stamp = r.origin.as_deref().and_then(FileStamp::of);
                        self.replace_document(Document::new(r.dataset, problems, origin, stamp));
                        // Restored changes are unsaved until saved again.
                        self.doc.saved_revision = u64::MAX;
                        self.status = "Restored the unsaved changes from the recovery copy".into();
                    }
                    Err(e) => self.error("The recovery copy could not be read", e),
                }
            }
            Action::DiscardRecovery => {
                self.modal = None;
                self.clear_recovery();
            }
            Action::ResolveUnsaved(choice) => {
                let Some(Modal::UnsavedChanges { then }) = self.modal.take() else {
                    return;
                };
                match choice {
                    UnsavedChoice::Cancel => {}
                    UnsavedChoice::DontSave => {
                        if *then == Action::Quit {
                            self.close_confirmed = true;
                        }
                        self.clear_recovery();
                        self.apply_unguarded(*then);
                    }
                    UnsavedChoice::Save => {
                        self.apply_unguarded(Action::Save);
                        // Saved (not cancelled, no error, no question pending): go on.
                        if !self.doc.is_dirty() && self.modal.is_none() {
                            self.apply_unguarded(*then);
                        }
                    }
                }
            }
        }
    }
}

/// A new record of `kind` with a fresh id and placeholder name, for the user to fill in (its
/// problems, such as a missing source, show at once). `None` for kinds without a form.
fn new_record(ds: &Dataset, kind: crate::model::RecordKind) -> Option<edit::AnyRecord> {
    use crate::model::*;
    let id = |base: &str| edit::fresh_id(ds, kind, base);
    Some(match kind {
        RecordKind::Organization => edit::AnyRecord::from(Organization {
            id: OrgId(id("new-organization")),
            name: "New organization".into(),
            native_name: String::new(),
            country: String::new(),
            kind: OrgKind::Company,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: Vec::new(),
        }),
        RecordKind::Model => {
            let developer = ds.organizations.first()?.id.clone();
            edit::AnyRecord::from(Model::new(
                ModelId(id("new-model")),
                "New model".into(),
                developer,
            ))
        }
        RecordKind::Source => edit::AnyRecord::from(Source::new_draft(SourceId(id("new-source")))),
        RecordKind::Person => edit::AnyRecord::from(Person {
            id: PersonId(id("new-person")),
            name: "New person".into(),
            native_name: String::new(),
            notes: String::new(),
            sources: Vec::new(),
        }),
        RecordKind::Conflict => edit::AnyRecord::from(Conflict {
            id: ConflictId(id("conflict")),
            kind: ConflictKind::Contradiction,
            records: Vec::new(),
            description: String::new(),
        }),
        RecordKind::Event => edit::AnyRecord::from(Event {
            id: EventId(id("new-event")),
            date: None,
            kind: EventKind::Other,
            title: "New event".into(),
            description: String::new(),
            related: Vec::new(),
            sources: Vec::new(),
        }),
        _ => return None,
    })
}

fn with_ron_extension(p: PathBuf) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension("ron")
    }
}

fn expand_home(typed: &str) -> PathBuf {
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(typed)
}
