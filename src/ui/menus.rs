//! The menu bar. Every item is a command of the registry ([`UiCommand`]): its label and
//! shortcut come from there, and a click queues the command.

use super::ExplorerApp;
use super::command::UiCommand;
use super::plots_panel::PlotChoice;
use super::prefs::ThemeChoice;
use super::queue::CommandQueue;
use crate::app::Action;
use crate::model::RecordKind;

/// A menu item for `command`, with its main shortcut on the right; queues it when clicked.
fn command_item_ui(ui: &mut egui::Ui, queue: &mut CommandQueue, command: UiCommand, enabled: bool) {
    command_item_labelled_ui(ui, queue, command, command.label(), enabled);
}

/// Like [`command_item_ui`], with a label of the moment ("Undo Rename Pinterest").
fn command_item_labelled_ui(
    ui: &mut egui::Ui,
    queue: &mut CommandQueue,
    command: UiCommand,
    label: &str,
    enabled: bool,
) {
    let mut button = egui::Button::new(label);
    if let Some(keys) = command.main_shortcut_text(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        queue.push(command);
    }
}

/// A checkbox menu item that toggles a panel, with its shortcut as tooltip when it has one.
fn toggle_item_ui(ui: &mut egui::Ui, queue: &mut CommandQueue, command: UiCommand, on: bool) {
    let mut shown = on;
    let mut response = ui.checkbox(&mut shown, command.label());
    if let Some(keys) = command.main_shortcut_text(ui.ctx()) {
        response = response.on_hover_text(keys);
    }
    if response.clicked() {
        queue.push(command);
    }
}

impl ExplorerApp {
    /// The menu bar: File, Edit, View, Help.
    pub(super) fn menu_bar_ui(&self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui, queue));
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, queue));
            ui.menu_button("View", |ui| self.view_menu_ui(ui, queue));
            ui.menu_button("Help", |ui| {
                command_item_ui(ui, queue, UiCommand::ShowShortcuts, true);
                command_item_ui(ui, queue, UiCommand::ShowAbout, true);
            });
        });
    }

    fn file_menu_ui(&self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let state = &self.state;
        command_item_ui(ui, queue, UiCommand::New, true);
        command_item_ui(ui, queue, UiCommand::Open, true);
        ui.menu_button("Open Recent", |ui| {
            if state.settings.recent.is_empty() {
                ui.weak("No recent files");
            }
            for p in &state.settings.recent {
                if ui.button(p.display().to_string()).clicked() {
                    queue.push_action(Action::Open(p.clone()));
                }
            }
            ui.separator();
            let any = !state.settings.recent.is_empty();
            command_item_ui(ui, queue, UiCommand::ClearRecent, any);
        });
        command_item_ui(ui, queue, UiCommand::OpenByPath, true);
        command_item_ui(ui, queue, UiCommand::OpenBuiltin, true);
        ui.separator();
        command_item_ui(ui, queue, UiCommand::ImportData, true);
        ui.separator();
        command_item_ui(ui, queue, UiCommand::Save, true);
        command_item_ui(ui, queue, UiCommand::SaveAs, true);
        command_item_ui(ui, queue, UiCommand::SaveToPath, true);
        ui.separator();
        let plot_shown =
            self.view.prefs.show_plots && matches!(self.view.prefs.plot, PlotChoice::Plot(_));
        command_item_ui(ui, queue, UiCommand::ExportFigure, plot_shown);
        command_item_ui(ui, queue, UiCommand::ExportPlotImage, plot_shown);
        command_item_ui(ui, queue, UiCommand::CopyPlotImage, plot_shown);
        command_item_ui(ui, queue, UiCommand::ExportPlotData, plot_shown);
        ui.separator();
        command_item_ui(ui, queue, UiCommand::Quit, true);
    }

    fn edit_menu_ui(&self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let h = &self.state.history;
        command_item_labelled_ui(
            ui,
            queue,
            UiCommand::Undo,
            &h.undo_menu_text(),
            h.can_undo(),
        );
        command_item_labelled_ui(
            ui,
            queue,
            UiCommand::Redo,
            &h.redo_menu_text(),
            h.can_redo(),
        );
        ui.menu_button("New record", |ui| {
            for kind in [
                RecordKind::Organization,
                RecordKind::Model,
                RecordKind::Source,
                RecordKind::Person,
                RecordKind::Event,
                RecordKind::Conflict,
            ] {
                if ui.button(format!("New {kind}")).clicked() {
                    queue.push_action(Action::New(kind));
                }
            }
            ui.weak("Adoptions, figures, families and series: from an organization's view.");
        });
        ui.separator();
        command_item_ui(ui, queue, UiCommand::Find, true);
        command_item_ui(ui, queue, UiCommand::ClearSearchAndFilters, true);
        let selected = self.state.selection.current().is_some();
        command_item_ui(ui, queue, UiCommand::CopySelectedId, selected);
    }

    fn view_menu_ui(&self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let sel = &self.state.selection;
        command_item_ui(ui, queue, UiCommand::Back, sel.can_go_back());
        command_item_ui(ui, queue, UiCommand::Forward, sel.can_go_forward());
        ui.separator();
        for command in UiCommand::all().filter(|c| c.tab().is_some()) {
            command_item_ui(ui, queue, command, true);
        }
        ui.separator();
        let p = &self.view.prefs;
        toggle_item_ui(ui, queue, UiCommand::ToggleProblems, p.show_problems);
        toggle_item_ui(ui, queue, UiCommand::TogglePlots, p.show_plots);
        command_item_ui(ui, queue, UiCommand::ResetLayout, true);
        command_item_ui(ui, queue, UiCommand::ShowClaimsTable, true);
        ui.menu_button("Show plot", |ui| {
            for command in UiCommand::all().filter(|c| c.plot().is_some()) {
                command_item_ui(ui, queue, command, true);
            }
        });
        command_item_ui(ui, queue, UiCommand::CommandPalette, true);
        ui.separator();
        ui.menu_button("Theme", |ui| {
            for (command, theme) in [
                (UiCommand::ThemeSystem, ThemeChoice::System),
                (UiCommand::ThemeLight, ThemeChoice::Light),
                (UiCommand::ThemeDark, ThemeChoice::Dark),
            ] {
                if ui.radio(p.theme == theme, command.label()).clicked() {
                    queue.push(command);
                }
            }
        });
        ui.separator();
        // egui's own zoom buttons: they use the same shortcuts as the registry's zoom entries.
        egui::gui_zoom::zoom_menu_buttons(ui);
        ui.weak(format!("Zoom: {:.0}%", ui.ctx().zoom_factor() * 100.0));
    }
}
