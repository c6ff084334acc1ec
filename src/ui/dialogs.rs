//! The app's own dialogs (errors, overwrite, typed paths) and the drop overlay.

use super::command::UiCommand;
use crate::app::edit::DeleteMode;
use crate::app::{Action, AppState, Modal, PathPurpose, UnsavedChoice};
use crate::model::text::{TEXT_CAP, safe_line, safe_text};
use crate::model::{NameStyle, ScanLists, record_name};

/// Darkens the window while a file is dragged over it.
pub fn drop_overlay_ui(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a dataset file (.ron) to open it",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}

/// The dialog of [`AppState::modal`], if any.
pub fn modal_ui(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(modal) = &state.modal else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("app_modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match modal {
            Modal::Error { title, message } => {
                ui.heading(title);
                ui.add_space(4.0);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        // Load errors quote the file: escaped and cut.
                        let message = safe_text(message, TEXT_CAP, true);
                        ui.add(egui::Label::new(egui::RichText::new(message).monospace()).wrap());
                    });
                ui.add_space(8.0);
                if ui.button(UiCommand::Confirm.label()).clicked()
                    || UiCommand::Confirm.key_pressed(ui.ctx())
                {
                    actions.push(Action::DismissModal);
                }
            }
            Modal::ConfirmOverwrite { path, reason } => {
                ui.heading("Replace the file?");
                ui.label(reason);
                ui.horizontal(|ui| {
                    if ui.button("Replace").clicked() {
                        actions.push(Action::OverwriteConfirmed(path.clone()));
                    }
                    if ui.button("Save As...").clicked() {
                        actions.push(Action::DismissModal);
                        actions.push(Action::SaveAs);
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::DismissModal);
                    }
                });
            }
            Modal::ConfirmDelete { target, referrers } => {
                let ds = state.doc.dataset.as_ref();
                let name = record_name(ds, &ScanLists, target, NameStyle::KindAndName);
                ui.heading(format!("Delete {name}?"));
                ui.label(format!("{} record fields refer to it:", referrers.len()));
                egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                    for r in referrers.iter().take(200) {
                        ui.label(format!("• {r}"));
                    }
                    if referrers.len() > 200 {
                        ui.weak(format!("and {} more", referrers.len() - 200));
                    }
                });
                ui.label("Delete them too (claims, adoptions and roles that cannot exist without it), or unlink them (remove the reference where it is optional)? Either can be undone.");
                ui.horizontal(|ui| {
                    if ui.button("Delete them too").clicked() {
                        actions.push(Action::Delete(target.clone(), DeleteMode::Cascade));
                    }
                    if ui.button("Unlink them").clicked() {
                        actions.push(Action::Delete(target.clone(), DeleteMode::Unlink));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::DismissModal);
                    }
                });
            }
            Modal::SaveWithProblems { path, problems } => {
                ui.heading("Save with problems?");
                ui.label(format!(
                    "The dataset has {} problem{} (see the problems panel). It can be saved as it is and fixed later:",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                ));
                egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                    for p in problems.iter().take(200) {
                        ui.label(format!("• {}", safe_line(&p.to_string())));
                    }
                    if problems.len() > 200 {
                        ui.weak(format!("and {} more", problems.len() - 200));
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button("Save anyway").clicked() {
                        actions.push(Action::SaveDespiteProblems(path.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::DismissModal);
                    }
                });
            }
            Modal::OfferRecovery {
                origin,
                builtin,
                written,
            } => {
                ui.heading("Restore unsaved changes?");
                let from = match origin {
                    Some(p) => format!("to {}", p.display()),
                    None if *builtin => "to the built-in dataset".to_owned(),
                    None => "to a dataset that had not been saved".to_owned(),
                };
                ui.label(format!(
                    "The app did not close normally last time. A recovery copy of unsaved changes {from} was written {written}."
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        actions.push(Action::RestoreRecovery);
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::DiscardRecovery);
                    }
                });
            }
            Modal::UnsavedChanges { then } => {
                ui.heading("Save changes?");
                let what = match then.as_ref() {
                    Action::Quit => "before closing",
                    Action::NewDataset => "before starting a new dataset",
                    _ => "before opening another dataset",
                };
                ui.label(format!(
                    "{} has unsaved changes. Save them {what}?",
                    state.doc.display_name()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        actions.push(Action::ResolveUnsaved(UnsavedChoice::Save));
                    }
                    if ui.button("Don't save").clicked() {
                        actions.push(Action::ResolveUnsaved(UnsavedChoice::DontSave));
                    }
                    if ui.button(UiCommand::Cancel.label()).clicked()
                        || UiCommand::Cancel.key_pressed(ui.ctx())
                    {
                        actions.push(Action::ResolveUnsaved(UnsavedChoice::Cancel));
                    }
                });
            }
            Modal::PathPrompt {
                purpose,
                text,
                note,
            } => {
                ui.heading(match purpose {
                    PathPurpose::Open => "Open a dataset by path",
                    PathPurpose::Save => "Save the dataset to a path",
                });
                ui.label(note);
                let label = ui.label("Path:");
                let mut t = text.clone();
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut t).desired_width(520.0))
                    .labelled_by(label.id);
                // Read Enter before anything moves the focus (`lost_focus` asks egui's memory).
                let enter = edit.lost_focus() && UiCommand::Confirm.key_pressed(ui.ctx());
                // Put the cursor in the field when the prompt opens, so the user can type at once.
                if !enter && ui.memory(|m| m.focused().is_none()) {
                    edit.request_focus();
                }
                if t != *text {
                    actions.push(Action::SetPromptText(t));
                }
                ui.horizontal(|ui| {
                    let verb = if *purpose == PathPurpose::Open {
                        "Open"
                    } else {
                        "Save"
                    };
                    if ui.button(verb).clicked() || enter {
                        actions.push(Action::SubmitPrompt);
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::DismissModal);
                    }
                });
            }
        }
    });
    if response.should_close()
        && !matches!(
            modal,
            Modal::PathPrompt { .. } | Modal::UnsavedChanges { .. }
        )
    {
        actions.push(Action::DismissModal);
    }
}
