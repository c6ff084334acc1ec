//! Where everything goes: the menu bar on top, the status bar below, and the panels' tiles in
//! between; what each panel draws.

use super::a11y;
use super::behavior::PanesBehavior;
use super::panes::Pane;
use crate::ui::command::UiCommand;
use crate::ui::queue::CommandQueue;
use crate::ui::{ExplorerApp, detail, list, plots_panel, problems, summary};

impl ExplorerApp {
    /// Lays out every panel of the window for one frame; what they ask for goes to `queue`.
    pub(crate) fn panels_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        egui::Panel::top("menu_bar").show(ui, |ui| {
            a11y::panel_ui(ui, "Menu bar", |ui| self.menu_bar_ui(ui, queue));
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            a11y::panel_ui(ui, "Status bar", |ui| self.status_bar_ui(ui, queue));
        });
        let frame = egui::Frame::central_panel(ui.style()).inner_margin(0);
        egui::CentralPanel::default()
            .frame(frame)
            .show(ui, |ui| self.tiles_ui(ui, queue));
    }

    /// The panels' tiles: the user's arrangement, or its folded form in a narrow window.
    fn tiles_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let size = ui.available_size();
        let (plots, problems) = (self.view.prefs.show_plots, self.view.prefs.show_problems);
        let mut layout = std::mem::take(&mut self.view.layout);
        let (narrow, tree) = layout.prepare(size, |p| match p {
            Pane::Plots => plots,
            Pane::Problems => problems,
            Pane::List | Pane::Detail => true,
        });
        let mut behavior = PanesBehavior {
            app: self,
            queue,
            narrow,
        };
        tree.ui(&mut behavior, ui);
        self.view.layout = layout;
    }

    /// What the panel `pane` shows.
    pub(super) fn pane_contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        pane: Pane,
        queue: &mut CommandQueue,
    ) {
        match pane {
            Pane::List => queue.collect_actions(|actions| {
                list::list_panel_ui(
                    ui,
                    &self.state,
                    &mut self.explorer,
                    &mut self.view.list,
                    actions,
                );
            }),
            Pane::Detail => self.detail_pane_ui(ui, queue),
            Pane::Plots => self.plots_area_ui(ui, queue),
            Pane::Problems => queue.collect_actions(|actions| {
                problems::problems_ui(ui, &self.state, actions);
            }),
        }
    }

    /// Back, Forward and the selected record's detail view and form.
    fn detail_pane_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        ui.horizontal_wrapped(|ui| {
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
    }

    /// The plots area, or the summary while no plot is chosen; in a low panel it scrolls rather
    /// than cutting the legend or the summary's last lines off.
    fn plots_area_ui(&mut self, ui: &mut egui::Ui, queue: &mut CommandQueue) {
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("plots_pane")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                a11y::scroll_view(ui, true, false);
                self.plots_area_contents_ui(ui, queue, &mut commands);
            });
        for command in commands {
            queue.push(command);
        }
    }

    fn plots_area_contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        queue: &mut CommandQueue,
        commands: &mut Vec<UiCommand>,
    ) {
        queue.collect_actions(|actions| {
            let plotted = plots_panel::plots_area_ui(
                ui,
                &mut plots_panel::PlotsAreaContext {
                    state: &self.state,
                    explorer: &mut self.explorer,
                    actions,
                    commands,
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
                    &mut self.view.prefs.plot,
                );
            }
        });
    }
}
