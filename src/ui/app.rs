//! [`ExplorerApp`]: the eframe app. Each frame it lays out the panels, collects what the
//! shortcuts, menus and panels ask for in one [`CommandQueue`] and carries it out at the end.

use std::path::PathBuf;

use super::command::{self, UiCommand};
use super::layout::Pane;
use super::palette::{Palette, PaletteChoice};
use super::plots_panel::PlotChoice;
use super::prefs::{HelpWindow, ThemeChoice, UiPrefs, ViewState};
use super::queue::{CommandQueue, Queued};
use super::{dialogs, list, plots_panel, summary};
use crate::app::explorer::Explorer;
use crate::app::{Action, AppState, FileDialogs, Settings};
use crate::figure::install_fonts;

/// The eframe app: the state plus what only the window needs.
pub struct ExplorerApp {
    /// The app state (document, selection, query, settings, dialogs).
    pub state: AppState,
    /// What is shown.
    pub view: ViewState,
    /// Cached index and list rows of the open dataset.
    pub explorer: Explorer,
    /// Cached summary of the plots area.
    pub(super) summary: summary::SummaryCache,
    /// Cached derived plot.
    pub(super) plots: plots_panel::PlotCache,
    /// eframe's wgpu device, for rendering exports offscreen.
    pub(super) render_state: Option<eframe::egui_wgpu::RenderState>,
    /// The offscreen renderer, opened on the first export.
    pub(super) offscreen: Option<crate::export::Offscreen>,
    /// The command palette (Ctrl+K).
    pub(super) palette: Palette,
    /// The export dialog (Ctrl+E), while open.
    pub(super) export_dialog: Option<Box<super::export_dialog::ExportDialog>>,
}

impl ExplorerApp {
    /// Creates the app, restoring settings and layout from eframe's storage when there is one.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        dialogs: Box<dyn FileDialogs>,
        cli_file: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::KEY))
            .unwrap_or_default();
        let prefs: UiPrefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, UiPrefs::KEY))
            .unwrap_or_default();
        // A character no font (bundled or system) has is drawn as a box, never a crash.
        cc.egui_ctx
            .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
        let mut state = AppState::startup(dialogs, settings, cli_file);
        // Recovery copies live beside eframe's own settings file, never beside the user's data.
        if let Some(dir) = eframe::storage_dir("ai-adoption-explorer")
            && std::fs::create_dir_all(&dir).is_ok()
        {
            state = state.with_recovery(dir.join(crate::app::recovery::RECOVERY_FILE_NAME));
        }
        if let Some(choices) = cc
            .storage
            .and_then(|s| eframe::get_value(s, crate::app::ExportChoices::KEY))
        {
            state.export_choices = choices;
        }
        let mut app = Self::with_state(cc, state);
        app.state.tab = prefs.tab;
        app.state.query = prefs.query.clone();
        app.view.prefs = prefs;
        app.view.layout = super::layout::PanelLayout::restore(cc.storage);
        app
    }

    /// Wraps an existing state (tests build states directly) and sets up fonts.
    pub fn with_state(cc: &eframe::CreationContext<'_>, state: AppState) -> Self {
        Self::for_context(&cc.egui_ctx, state)
    }

    /// Wraps an existing state for a bare `egui::Context` (benchmarks) and sets up fonts.
    pub fn for_context(ctx: &egui::Context, state: AppState) -> Self {
        install_fonts(ctx);
        Self {
            state,
            view: ViewState::default(),
            explorer: Explorer::new(),
            summary: summary::SummaryCache::default(),
            plots: plots_panel::PlotCache::default(),
            render_state: None,
            offscreen: None,
            palette: Palette::default(),
            export_dialog: None,
        }
    }

    /// The plot shown in the plots area, as last drawn (for tests and exports).
    pub fn shown_plot(&self) -> Option<std::sync::Arc<crate::plots::PlotData>> {
        self.plots.current()
    }

    /// The window's whole UI for one frame, without eframe's `Frame` (so benchmarks and tests
    /// can run it on a bare `egui::Context`).
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.view.applied_theme != Some(self.view.prefs.theme) {
            ctx.set_theme(self.view.prefs.theme.preference());
            self.view.applied_theme = Some(self.view.prefs.theme);
        }
        let mut queue = CommandQueue::default();
        // Closing the window with unsaved changes asks first (Save, Don't save, Cancel).
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.doc.is_dirty()
            && !self.state.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            queue.push_action(Action::Quit);
        }
        // No shortcut while one of the app's dialogs is open: the dialog has the keyboard.
        if self.state.modal.is_none() && self.view.import.is_none() && self.export_dialog.is_none()
        {
            for pressed in command::pressed_window_commands(&ctx) {
                queue.push(pressed);
            }
            // Before the panels, so its Up, Down, Enter and Esc do not reach the list.
            self.palette_ui(&ctx, &mut queue);
        }

        // Files dropped on the window open like File > Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            queue.push_action(Action::Open(p));
        }

        self.panels_ui(ui, &mut queue);
        dialogs::drop_overlay_ui(&ctx);
        queue.collect_actions(|actions| dialogs::modal_ui(&ctx, &self.state, actions));
        self.import_dialog_ui(&ctx, &mut queue);
        self.export_dialog_ui(&ctx, &mut queue);
        self.help_windows_ui(&ctx);
        self.replace_prompt_ui(&ctx);

        for queued in queue.take() {
            match queued {
                Queued::Action(action) => self.apply_action(action),
                Queued::Command(command) => self.run_command(&ctx, command),
            }
        }
        self.state.tick(std::time::Instant::now());
        if self.state.doc.is_dirty() {
            // Wake up now and then so the recovery copy is written even while the user is away.
            ctx.request_repaint_after(std::time::Duration::from_secs(5));
        }
        self.view.prefs.tab = self.state.tab;
        if self.view.prefs.query != self.state.query {
            self.view.prefs.query = self.state.query.clone();
        }
        let title = self.state.window_title();
        if title != self.view.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.view.sent_title = title;
        }
        if self.state.quit_requested {
            self.state.quit_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The command palette, when open: what is chosen there is queued like a menu click.
    fn palette_ui(&mut self, ctx: &egui::Context, queue: &mut CommandQueue) {
        if !self.palette.is_open() {
            return;
        }
        let ds = self.state.doc.dataset.clone();
        let revision = self.state.doc.revision;
        let index = self.explorer.index(&ds, revision);
        match self.palette.ui(ctx, &ds, &index, revision) {
            Some(PaletteChoice::Command(c)) => queue.push(c),
            Some(PaletteChoice::Record(r)) => queue.push_action(Action::Select(r)),
            None => {}
        }
    }

    /// Carries out an app action; a new record opens in its form.
    fn apply_action(&mut self, action: Action) {
        if matches!(action, Action::New(_) | Action::Insert(_)) {
            self.view.detail.editing = true;
        }
        if matches!(
            action,
            Action::New(_) | Action::Insert(_) | Action::Select(_) | Action::Duplicate(_)
        ) {
            // Where the details share the window with the list as tabs, show them.
            self.view.layout.bring_to_front(Pane::Detail);
        }
        self.state.apply(action);
    }

    /// Carries out a command of the registry: its app action, or what it changes in the window.
    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        if let Some(action) = command.action(&self.state) {
            self.apply_action(action);
            return;
        }
        let prefs = &mut self.view.prefs;
        match command {
            UiCommand::ToggleProblems => {
                prefs.show_problems = !prefs.show_problems;
                if prefs.show_problems {
                    self.view.layout.bring_to_front(Pane::Problems);
                }
            }
            UiCommand::TogglePlots => {
                prefs.show_plots = !prefs.show_plots;
                if prefs.show_plots {
                    self.view.layout.bring_to_front(Pane::Plots);
                }
            }
            UiCommand::ResetLayout => {
                self.view.layout.reset();
                let defaults = UiPrefs::default();
                prefs.show_plots = defaults.show_plots;
                prefs.show_problems = defaults.show_problems;
            }
            UiCommand::ThemeSystem => prefs.theme = ThemeChoice::System,
            UiCommand::ThemeLight => prefs.theme = ThemeChoice::Light,
            UiCommand::ThemeDark => prefs.theme = ThemeChoice::Dark,
            UiCommand::CommandPalette => self.palette.toggle(),
            UiCommand::ShowReleaseTimeline
            | UiCommand::ShowModelSize
            | UiCommand::ShowWhoUsesWhat
            | UiCommand::ShowOutcomes
            | UiCommand::ShowDownloads
            | UiCommand::ShowReleasesPerQuarter
            | UiCommand::ShowShareByCountry => {
                // What the plot chooser does, and the panel is shown if it was hidden.
                if let Some(kind) = command.plot() {
                    prefs.plot = PlotChoice::Plot(kind);
                    prefs.show_plots = true;
                    self.view.layout.bring_to_front(Pane::Plots);
                }
            }
            UiCommand::ShowShortcuts => self.view.help = HelpWindow::Shortcuts,
            UiCommand::ShowClaimsTable => self.view.help = HelpWindow::ClaimsTable,
            UiCommand::ShowAbout => self.view.help = HelpWindow::About,
            UiCommand::ImportData => self.open_import_dialog(),
            UiCommand::ExportFigure => self.open_export_dialog(ctx),
            UiCommand::WriteExport => self.write_export(),
            UiCommand::ExportPlotImage | UiCommand::CopyPlotImage | UiCommand::ExportPlotData => {
                self.run_plot_command(ctx, command);
            }
            UiCommand::Find => ctx.memory_mut(|m| m.request_focus(list::search_id())),
            UiCommand::CopySelectedId => {
                if let Some(r) = self.state.selection.current() {
                    ctx.copy_text(r.kind_and_id().1.to_owned());
                }
            }
            UiCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            UiCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            UiCommand::ResetZoom => ctx.set_zoom_factor(1.0),
            // Commands with an app action, carried out above.
            UiCommand::Redo
            | UiCommand::Undo
            | UiCommand::SaveAs
            | UiCommand::Save
            | UiCommand::Open
            | UiCommand::New
            | UiCommand::Quit
            | UiCommand::Back
            | UiCommand::Forward
            | UiCommand::ShowOrganizations
            | UiCommand::ShowModels
            | UiCommand::ShowSources
            | UiCommand::ShowEvents
            | UiCommand::OpenByPath
            | UiCommand::OpenBuiltin
            | UiCommand::ClearRecent
            | UiCommand::SaveToPath
            | UiCommand::ClearSearchAndFilters => return,
            // Keys that egui or a widget handles where they are pressed; never queued.
            UiCommand::SelectPrevious
            | UiCommand::SelectNext
            | UiCommand::ClearSearch
            | UiCommand::Confirm
            | UiCommand::Cancel
            | UiCommand::FocusNext
            | UiCommand::FocusPrevious => return,
        }
        // What changed shows in the next frame: make sure there is one.
        ctx.request_repaint();
    }
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.render_state.is_none() {
            self.render_state = frame.wgpu_render_state().cloned();
        }
        self.window_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.state.settings);
        eframe::set_value(storage, UiPrefs::KEY, &self.view.prefs);
        eframe::set_value(
            storage,
            crate::app::ExportChoices::KEY,
            &self.state.export_choices,
        );
        self.view.layout.save(storage);
    }
}
