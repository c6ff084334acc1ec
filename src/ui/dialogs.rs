//! The app's own dialogs (errors, overwrite, typed paths) and the drop overlay.

use egui::Key;

use crate::app::{Action, AppState, Modal, PathPurpose};

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
                        ui.add(egui::Label::new(egui::RichText::new(message).monospace()).wrap());
                    });
                ui.add_space(8.0);
                if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
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
                // Put the cursor in the field when the prompt opens, so the user can type at once.
                if ui.memory(|m| m.focused().is_none()) {
                    edit.request_focus();
                }
                if t != *text {
                    actions.push(Action::SetPromptText(t));
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
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
    if response.should_close() && !matches!(modal, Modal::PathPrompt { .. }) {
        actions.push(Action::DismissModal);
    }
}
