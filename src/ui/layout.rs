//! Where the panels go: the menu bar on top, the status bar and the problems panel below, the
//! list on the left, the plots area on the right and the detail view in the middle.

use super::command::UiCommand;
use super::queue::CommandQueue;
use super::{ExplorerApp, detail, list, plots_panel, problems, summary};

impl ExplorerApp {
    /// Lays out every panel of the window for one frame; what they ask for goes to `queue`.
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui, queue));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, queue));
        if self.view.prefs.show_problems {
            egui::Panel::bottom("problems_panel")
                .resizable(true)
                .default_size(160.0)
                .min_size(60.0)
                .show(ui, |ui| {
                    queue.collect_actions(|actions| {
                        problems::problems_ui(ui, &self.state, actions);
                    });
                });
        }
        egui::Panel::left("list_panel")
            .resizable(true)
            .default_size(330.0)
            .min_size(220.0)
            .show(ui, |ui| {
                queue.collect_actions(|actions| {
                    list::list_panel_ui(
                        ui,
                        &self.state,
                        &mut self.explorer,
                        &mut self.view.list,
                        actions,
                    );
                });
            });
        if self.view.prefs.show_plots {
            egui::Panel::right("plots_panel")
                .resizable(true)
                .default_size(380.0)
                .min_size(200.0)
                .show(ui, |ui| self.plots_area_ui(ui, queue));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                let sel = &self.state.selection;
                if ui
                    .add_enabled(sel.can_go_back(), egui::Button::new("◀ Back"))
                    .on_hover_text(UiCommand::Back.tooltip_with_shortcut(ui.ctx()))
                    .clicked()
                {
                    queue.push(UiCommand::Back);
                }
                if ui
                    .add_enabled(sel.can_go_forward(), egui::Button::new("Forward ▶"))
                    .on_hover_text(UiCommand::Forward.tooltip_with_shortcut(ui.ctx()))
                    .clicked()
                {
                    queue.push(UiCommand::Forward);
                }
            });
            ui.separator();
            let ix = self
                .explorer
                .index(&self.state.doc.dataset, self.state.doc.revision);
            queue.collect_actions(|actions| {
                detail::detail_ui(ui, &self.state, &ix, &mut self.view.detail, actions);
            });
        });
    }

    /// The plots area, or the summary while no plot is chosen.
    fn plots_area_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let mut commands = Vec::new();
        queue.collect_actions(|actions| {
            let plotted = plots_panel::plots_area_ui(
                ui,
                &mut plots_panel::PlotsAreaContext {
                    state: &self.state,
                    explorer: &mut self.explorer,
                    actions,
                    commands: &mut commands,
                },
                &mut self.plots,
                &mut self.view.prefs.plot,
                &mut self.view.prefs.plot_options,
            );
            if !plotted {
                summary::summary_ui(
                    ui,
                    &self.state,
                    &mut self.explorer,
                    &mut self.summary,
                    actions,
                );
            }
        });
        for command in commands {
            queue.push(command);
        }
    }
}
