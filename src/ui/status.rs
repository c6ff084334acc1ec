//! The status bar: the file, unsaved changes, what the dataset holds, its problems (a click
//! shows the problems panel) and what the last action did.

use super::ExplorerApp;
use super::command::UiCommand;
use super::queue::CommandQueue;
use crate::model::text::safe_line;

impl ExplorerApp {
    /// The status bar.
    pub(super) fn status_bar_ui(&self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let doc = &self.state.doc;
        let d = &doc.dataset;
        ui.horizontal_wrapped(|ui| {
            // The file's name and the messages (which may name records) are escaped and cut.
            ui.label(safe_line(&doc.display_name()));
            if doc.is_dirty() {
                ui.label("● unsaved changes");
            }
            ui.separator();
            ui.label(format!(
                "{} organizations, {} models, {} adoptions, {} claims, {} sources",
                d.organizations.len(),
                d.models.len(),
                d.adoptions.len(),
                d.claims.len(),
                d.sources.len()
            ));
            ui.separator();
            // Errors are the problems; warnings are counted apart ("2 problems, 1 warning").
            let text = crate::model::problems_summary(&doc.problems);
            let color = if doc.problems.is_empty() {
                ui.visuals().text_color()
            } else {
                ui.visuals().warn_fg_color
            };
            if ui
                .add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false))
                .on_hover_text(UiCommand::ToggleProblems.tooltip_with_shortcut(ui.ctx()))
                .clicked()
            {
                queue.push(UiCommand::ToggleProblems);
            }
            if !self.state.status.is_empty() {
                ui.separator();
                ui.weak(safe_line(&self.state.status));
            }
        });
    }
}
