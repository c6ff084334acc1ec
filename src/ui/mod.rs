//! The window: menus, the list panel, the detail view, the plots area, the problems panel, the
//! status bar and dialogs. UI code reads the state and emits actions; `AppState::apply` runs them.

pub mod dense;
pub mod detail;
mod dialogs;
pub mod forms;
pub mod help;
pub mod list;
pub mod palette;
pub mod plots_panel;
mod problems;
mod summary;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{
    Action, AppState, DialogOutcome, FileDialogs, NativeDialogs, PathPurpose, Settings,
};
use crate::model::RecordKind;

/// Which way the colours go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Layout choices remembered between runs (with eframe's storage; egui remembers panel sizes
/// and the zoom itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    /// Show the problems panel.
    pub show_problems: bool,
    /// Show the plots area.
    pub show_plots: bool,
    /// Light, dark or the system's.
    pub theme: ThemeChoice,
    /// The list shown.
    pub tab: ListTab,
    /// Search, filters and order of the lists.
    pub query: ListQuery,
    /// What the plots area shows.
    pub plot: plots_panel::PlotChoice,
    /// Plot scales, grouping and export density.
    pub plot_options: plots_panel::PlotOptions,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            show_problems: false,
            show_plots: true,
            theme: ThemeChoice::System,
            tab: ListTab::default(),
            query: ListQuery::default(),
            plot: plots_panel::PlotChoice::default(),
            plot_options: plots_panel::PlotOptions::default(),
        }
    }
}

impl UiPrefs {
    /// Key under which eframe stores these.
    pub const KEY: &'static str = "ai-adoption-explorer/ui";
}

/// Which help window is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HelpWindow {
    /// None.
    #[default]
    Closed,
    /// The keyboard shortcuts.
    Shortcuts,
    /// All claims as an editable table.
    ClaimsTable,
    /// About the app and its data.
    About,
}

/// View state that is not part of the data (what is shown, not what is stored).
#[derive(Debug, Default)]
pub struct ViewState {
    /// Layout choices.
    pub prefs: UiPrefs,
    /// The open help window.
    pub help: HelpWindow,
    /// The list's scroll bookkeeping.
    pub list: list::ListView,
    /// The detail view's state (editing or not).
    pub detail: detail::DetailView,
    /// Order of the claims table.
    pub claim_sort: forms::ClaimSort,
    /// Title last sent to the window, to send it only when it changes.
    sent_title: String,
    /// Theme last applied.
    applied_theme: Option<ThemeChoice>,
}

/// The eframe app: the state plus what only the window needs.
pub struct ExplorerApp {
    /// The app state (document, selection, query, settings, dialogs).
    pub state: AppState,
    /// What is shown.
    pub view: ViewState,
    /// Cached index and list rows of the open dataset.
    pub explorer: Explorer,
    /// Cached summary of the plots area.
    summary: summary::SummaryCache,
    /// Cached derived plot.
    plots: plots_panel::PlotCache,
    /// eframe's wgpu device, for rendering exports offscreen.
    render_state: Option<eframe::egui_wgpu::RenderState>,
    /// The offscreen renderer, opened on the first export.
    offscreen: Option<crate::export::Offscreen>,
    /// An export asked for this frame.
    plot_command: Option<plots_panel::PlotCommand>,
}

/// Keyboard shortcuts; the menus show them and Help > Keyboard shortcuts lists them.
pub mod shortcuts {
    use super::*;
    /// File > New.
    pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
    /// File > Open...
    pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    /// File > Save.
    pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    /// File > Save As...
    pub const SAVE_AS: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    /// File > Quit.
    pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
    /// Edit > Undo.
    pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    /// Edit > Redo.
    pub const REDO: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    /// Edit > Redo (the other common key).
    pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    /// Edit > Find.
    pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    /// View > Back.
    pub const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
    /// View > Forward.
    pub const FORWARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);
    /// View > Problems.
    pub const PROBLEMS: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    /// File > Export plot image...
    pub const EXPORT_IMAGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
    /// Help > Keyboard shortcuts.
    pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
    /// View > Organizations, Models, Sources, Events.
    pub const TABS: [KeyboardShortcut; 4] = [
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num4),
    ];
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
        let mut app = Self::with_state(cc, state);
        app.state.tab = prefs.tab;
        app.state.query = prefs.query.clone();
        app.view.prefs = prefs;
        app
    }

    /// Wraps an existing state (tests build states directly) and sets up fonts.
    pub fn with_state(cc: &eframe::CreationContext<'_>, state: AppState) -> Self {
        Self::for_context(&cc.egui_ctx, state)
    }

    /// Wraps an existing state for a bare `egui::Context` (benchmarks) and sets up fonts.
    pub fn for_context(ctx: &egui::Context, state: AppState) -> Self {
        crate::figure::install_fonts(ctx);
        Self {
            state,
            view: ViewState::default(),
            explorer: Explorer::new(),
            summary: summary::SummaryCache::default(),
            plots: plots_panel::PlotCache::default(),
            render_state: None,
            offscreen: None,
            plot_command: None,
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
        let mut actions = Vec::new();
        // Closing the window with unsaved changes asks first (Save, Don't save, Cancel).
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.doc.is_dirty()
            && !self.state.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            actions.push(Action::Quit);
        }
        self.shortcuts(&ctx, &mut actions);

        // Files dropped on the window open like File > Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            actions.push(Action::Open(p));
        }

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui, &mut actions));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &mut actions));
        if self.view.prefs.show_problems {
            egui::Panel::bottom("problems_panel")
                .resizable(true)
                .default_size(160.0)
                .min_size(60.0)
                .show(ui, |ui| {
                    problems::problems_ui(ui, &self.state, &mut actions)
                });
        }
        egui::Panel::left("list_panel")
            .resizable(true)
            .default_size(330.0)
            .min_size(220.0)
            .show(ui, |ui| {
                list::list_panel_ui(
                    ui,
                    &self.state,
                    &mut self.explorer,
                    &mut self.view.list,
                    &mut actions,
                );
            });
        if self.view.prefs.show_plots {
            egui::Panel::right("plots_panel")
                .resizable(true)
                .default_size(380.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    let plotted = plots_panel::plots_area_ui(
                        ui,
                        &mut plots_panel::PlotsAreaContext {
                            state: &self.state,
                            explorer: &mut self.explorer,
                            actions: &mut actions,
                        },
                        &mut self.plots,
                        &mut self.view.prefs.plot,
                        &mut self.view.prefs.plot_options,
                        &mut self.plot_command,
                    );
                    if !plotted {
                        summary::summary_ui(
                            ui,
                            &self.state,
                            &mut self.explorer,
                            &mut self.summary,
                            &mut actions,
                        );
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                let sel = &self.state.selection;
                if ui
                    .add_enabled(sel.can_go_back(), egui::Button::new("◀ Back"))
                    .on_hover_text("Back to the previous selection (Alt+Left)")
                    .clicked()
                {
                    actions.push(Action::Back);
                }
                if ui
                    .add_enabled(sel.can_go_forward(), egui::Button::new("Forward ▶"))
                    .on_hover_text("Forward (Alt+Right)")
                    .clicked()
                {
                    actions.push(Action::Forward);
                }
            });
            ui.separator();
            let ix = self
                .explorer
                .index(&self.state.doc.dataset, self.state.doc.revision);
            detail::detail_ui(ui, &self.state, &ix, &mut self.view.detail, &mut actions);
        });
        dialogs::drop_overlay_ui(&ctx);
        dialogs::modal_ui(&ctx, &self.state, &mut actions);
        self.help_windows_ui(&ctx);

        for a in actions {
            if matches!(a, Action::New(_) | Action::Insert(_)) {
                // A new record opens in its form.
                self.view.detail.editing = true;
            }
            self.state.apply(a);
        }
        if let Some(cmd) = self.plot_command.take() {
            self.run_plot_command(&ctx, cmd);
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

    /// Exports the plot shown: a PNG through the Save dialog, the same picture on the
    /// clipboard, or the plotted values as CSV. The outcome goes to the status bar.
    fn run_plot_command(&mut self, ctx: &egui::Context, cmd: plots_panel::PlotCommand) {
        use crate::export::{FigureOptions, Offscreen, encode_png, render_figure, write_file};
        use plots_panel::PlotCommand;
        let shown = self.view.prefs.show_plots
            && matches!(self.view.prefs.plot, plots_panel::PlotChoice::Plot(_));
        let Some(data) = self.plots.current().filter(|_| shown) else {
            self.state.status = "Nothing to export: choose a plot in the plots area first".into();
            return;
        };
        let name = data.kind.name();
        // Where to write: the native Save dialog, or the home folder when none can be shown.
        let pick = |state: &mut AppState, file: String, filter: (&str, &str)| match state
            .pick_export_path(&file, filter)
        {
            DialogOutcome::Picked(p) => Some(p),
            DialogOutcome::Cancelled => None,
            DialogOutcome::Unavailable => {
                let dir = std::env::var_os("HOME")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| PathBuf::from("."));
                Some(dir.join(file))
            }
        };
        if cmd == PlotCommand::ExportData {
            let Some(path) = pick(&mut self.state, format!("{name}.csv"), ("CSV table", "csv"))
            else {
                return;
            };
            self.state.status = match write_file(&path, crate::plots::to_csv(&data).as_bytes()) {
                Ok(()) => format!(
                    "Exported {} rows of \"{}\" to {}",
                    data.mark_count(),
                    data.title,
                    path.display()
                ),
                Err(e) => format!("Export failed: {e}"),
            };
            return;
        }
        let view = plots_panel::PlotView::capture(ctx, &data);
        let size = self
            .plots
            .figure_size
            .unwrap_or(egui::vec2(900.0, 600.0))
            .max(egui::vec2(480.0, 360.0));
        let scale = f32::from(self.view.prefs.plot_options.export_scale.clamp(1, 4));
        let mut options = FigureOptions::from_points(size.x, size.y, scale, ctx.theme());
        // The plot as high as on screen, with every note and source below it.
        options.plot_height = self.plots.plot_height;
        if self.offscreen.is_none() {
            self.offscreen = match &self.render_state {
                Some(rs) => Some(Offscreen::from_render_state(rs)),
                None => match Offscreen::headless() {
                    Ok(o) => Some(o),
                    Err(e) => {
                        self.state.status = format!("Export failed: {e}");
                        return;
                    }
                },
            };
        }
        let Some(offscreen) = self.offscreen.as_mut() else {
            return;
        };
        let figure = match render_figure(
            offscreen,
            &self.state.doc.dataset,
            &data,
            &view,
            self.state.selection.current(),
            &options,
        ) {
            Ok(f) => f,
            Err(e) => {
                self.state.status = format!("Export failed: {e}");
                return;
            }
        };
        let [w, h] = figure.image.size;
        if cmd == PlotCommand::CopyImage {
            ctx.copy_image(figure.image);
            self.state.status = format!("Copied \"{}\" ({w}x{h} px) to the clipboard", data.title);
            return;
        }
        let Some(path) = pick(&mut self.state, format!("{name}.png"), ("PNG image", "png")) else {
            return;
        };
        self.state.status = match encode_png(&figure.image).and_then(|b| write_file(&path, &b)) {
            Ok(()) => format!(
                "Exported \"{}\" ({w}x{h} px, {scale}x) to {}",
                data.title,
                path.display()
            ),
            Err(e) => format!("Export failed: {e}"),
        };
    }

    fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.modal.is_some() {
            return;
        }
        // Mouse back and forward buttons walk the selection history.
        let (back_button, forward_button) = ctx.input(|i| {
            (
                i.pointer.button_pressed(egui::PointerButton::Extra1),
                i.pointer.button_pressed(egui::PointerButton::Extra2),
            )
        });
        if back_button {
            actions.push(Action::Back);
        }
        if forward_button {
            actions.push(Action::Forward);
        }
        if !ctx.egui_wants_keyboard_input() {
            ctx.input_mut(|i| {
                if i.consume_shortcut(&shortcuts::REDO) || i.consume_shortcut(&shortcuts::REDO_Y) {
                    actions.push(Action::Redo);
                }
                if i.consume_shortcut(&shortcuts::UNDO) {
                    actions.push(Action::Undo);
                }
            });
        }
        ctx.input_mut(|i| {
            // Longest shortcut first, so Ctrl+Shift+S is not taken as Ctrl+S.
            if i.consume_shortcut(&shortcuts::SAVE_AS) {
                actions.push(Action::SaveAs);
            }
            if i.consume_shortcut(&shortcuts::SAVE) {
                actions.push(Action::Save);
            }
            if i.consume_shortcut(&shortcuts::OPEN) {
                actions.push(Action::OpenDialog);
            }
            if i.consume_shortcut(&shortcuts::NEW) {
                actions.push(Action::NewDataset);
            }
            if i.consume_shortcut(&shortcuts::QUIT) {
                actions.push(Action::Quit);
            }
            if i.consume_shortcut(&shortcuts::BACK) {
                actions.push(Action::Back);
            }
            if i.consume_shortcut(&shortcuts::FORWARD) {
                actions.push(Action::Forward);
            }
            for (t, sc) in ListTab::ALL.into_iter().zip(shortcuts::TABS) {
                if i.consume_shortcut(&sc) {
                    actions.push(Action::SetTab(t));
                }
            }
            if i.consume_shortcut(&shortcuts::PROBLEMS) {
                self.view.prefs.show_problems = !self.view.prefs.show_problems;
            }
            if i.consume_shortcut(&shortcuts::HELP) {
                self.view.help = HelpWindow::Shortcuts;
            }
            if i.consume_shortcut(&shortcuts::EXPORT_IMAGE) {
                self.plot_command = Some(plots_panel::PlotCommand::ExportImage);
            }
        });
        if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::FIND)) {
            ctx.memory_mut(|m| m.request_focus(list::search_id()));
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let ctx = ui.ctx().clone();
        let item =
            |ui: &mut egui::Ui, label: &str, sc: Option<&KeyboardShortcut>, enabled: bool| {
                let mut b = egui::Button::new(label);
                if let Some(sc) = sc {
                    b = b.shortcut_text(ctx.format_shortcut(sc));
                }
                ui.add_enabled(enabled, b).clicked()
            };
        let state = &self.state;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item(ui, "New", Some(&shortcuts::NEW), true) {
                    actions.push(Action::NewDataset);
                }
                if item(ui, "Open...", Some(&shortcuts::OPEN), true) {
                    actions.push(Action::OpenDialog);
                }
                ui.menu_button("Open Recent", |ui| {
                    if state.settings.recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    for p in &state.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            actions.push(Action::Open(p.clone()));
                        }
                    }
                    ui.separator();
                    if ui
                        .add_enabled(
                            !state.settings.recent.is_empty(),
                            egui::Button::new("Clear recent files"),
                        )
                        .clicked()
                    {
                        actions.push(Action::ClearRecent);
                    }
                });
                if item(ui, "Open file by path...", None, true) {
                    actions.push(Action::PromptPath(PathPurpose::Open));
                }
                if item(ui, "Open built-in dataset", None, true) {
                    actions.push(Action::OpenBuiltin);
                }
                ui.separator();
                if item(ui, "Save", Some(&shortcuts::SAVE), true) {
                    actions.push(Action::Save);
                }
                if item(ui, "Save As...", Some(&shortcuts::SAVE_AS), true) {
                    actions.push(Action::SaveAs);
                }
                if item(ui, "Save to path...", None, true) {
                    actions.push(Action::PromptPath(PathPurpose::Save));
                }
                ui.separator();
                let plot_shown = self.view.prefs.show_plots
                    && matches!(self.view.prefs.plot, plots_panel::PlotChoice::Plot(_));
                if item(
                    ui,
                    "Export plot image...",
                    Some(&shortcuts::EXPORT_IMAGE),
                    plot_shown,
                ) {
                    self.plot_command = Some(plots_panel::PlotCommand::ExportImage);
                }
                if item(ui, "Copy plot image", None, plot_shown) {
                    self.plot_command = Some(plots_panel::PlotCommand::CopyImage);
                }
                if item(ui, "Export plot data (CSV)...", None, plot_shown) {
                    self.plot_command = Some(plots_panel::PlotCommand::ExportData);
                }
                ui.separator();
                if item(ui, "Quit", Some(&shortcuts::QUIT), true) {
                    actions.push(Action::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let h = &state.history;
                if item(
                    ui,
                    &h.undo_menu_text(),
                    Some(&shortcuts::UNDO),
                    h.can_undo(),
                ) {
                    actions.push(Action::Undo);
                }
                if item(
                    ui,
                    &h.redo_menu_text(),
                    Some(&shortcuts::REDO),
                    h.can_redo(),
                ) {
                    actions.push(Action::Redo);
                }
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
                            actions.push(Action::New(kind));
                        }
                    }
                    ui.weak(
                        "Adoptions, figures, families and series: from an organization's view.",
                    );
                });
                ui.separator();
                if item(ui, "Find...", Some(&shortcuts::FIND), true) {
                    ui.ctx().memory_mut(|m| m.request_focus(list::search_id()));
                }
                if item(ui, "Clear search and filters", None, true) {
                    actions.push(Action::SetQuery(Box::new(ListQuery {
                        org_sort: state.query.org_sort,
                        model_sort: state.query.model_sort,
                        descending: state.query.descending,
                        ..ListQuery::default()
                    })));
                }
                let sel = state.selection.current().cloned();
                if item(ui, "Copy id of selected record", None, sel.is_some())
                    && let Some(r) = sel
                {
                    ui.ctx().copy_text(r.kind_and_id().1.to_owned());
                }
            });
            ui.menu_button("View", |ui| {
                let sel = &state.selection;
                if item(ui, "Back", Some(&shortcuts::BACK), sel.can_go_back()) {
                    actions.push(Action::Back);
                }
                if item(
                    ui,
                    "Forward",
                    Some(&shortcuts::FORWARD),
                    sel.can_go_forward(),
                ) {
                    actions.push(Action::Forward);
                }
                ui.separator();
                for (t, sc) in ListTab::ALL.into_iter().zip(shortcuts::TABS.iter()) {
                    if item(ui, t.label(), Some(sc), true) {
                        actions.push(Action::SetTab(t));
                    }
                }
                ui.separator();
                let p = &mut self.view.prefs;
                ui.checkbox(&mut p.show_problems, "Problems panel")
                    .on_hover_text(ctx.format_shortcut(&shortcuts::PROBLEMS));
                ui.checkbox(&mut p.show_plots, "Plots and summary panel");
                if ui.button("Claims table").clicked() {
                    self.view.help = HelpWindow::ClaimsTable;
                }
                ui.separator();
                ui.menu_button("Theme", |ui| {
                    ui.radio_value(&mut p.theme, ThemeChoice::System, "Follow the system");
                    ui.radio_value(&mut p.theme, ThemeChoice::Light, "Light");
                    ui.radio_value(&mut p.theme, ThemeChoice::Dark, "Dark");
                });
                ui.separator();
                egui::gui_zoom::zoom_menu_buttons(ui);
                ui.weak(format!("Zoom: {:.0}%", ui.ctx().zoom_factor() * 100.0));
            });
            ui.menu_button("Help", |ui| {
                if item(ui, "Keyboard shortcuts", Some(&shortcuts::HELP), true) {
                    self.view.help = HelpWindow::Shortcuts;
                }
                if item(ui, "About AI Adoption Explorer", None, true) {
                    self.view.help = HelpWindow::About;
                }
            });
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui, _actions: &mut Vec<Action>) {
        let doc = &self.state.doc;
        let d = &doc.dataset;
        ui.horizontal(|ui| {
            ui.label(doc.display_name());
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
            let n = doc.problems.len();
            let text = match n {
                0 => "No problems".to_owned(),
                1 => "1 problem".to_owned(),
                n => format!("{n} problems"),
            };
            let color = if n == 0 {
                ui.visuals().text_color()
            } else {
                ui.visuals().warn_fg_color
            };
            if ui
                .add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false))
                .on_hover_text("Show or hide the problems panel (Ctrl+Shift+P)")
                .clicked()
            {
                self.view.prefs.show_problems = !self.view.prefs.show_problems;
            }
            if !self.state.status.is_empty() {
                ui.separator();
                ui.weak(&self.state.status);
            }
        });
    }

    fn help_windows_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.view.help != HelpWindow::Closed;
        match self.view.help {
            HelpWindow::Closed => {}
            HelpWindow::Shortcuts => {
                egui::Window::new("Keyboard shortcuts")
                    .open(&mut open)
                    .collapsible(false)
                    .show(ctx, help::shortcuts_ui);
            }
            HelpWindow::ClaimsTable => {
                let ds = self.state.doc.dataset.clone();
                let mut actions = Vec::new();
                egui::Window::new("Claims table")
                    .open(&mut open)
                    .default_size([1000.0, 500.0])
                    .show(ctx, |ui| {
                        forms::claims_table_ui(ui, &ds, &mut self.view.claim_sort, &mut actions);
                    });
                drop(ds);
                for a in actions {
                    self.state.apply(a);
                }
            }
            HelpWindow::About => {
                let credits = self.state.doc.dataset.meta.credits.clone();
                egui::Window::new("About AI Adoption Explorer")
                    .open(&mut open)
                    .collapsible(false)
                    .default_width(480.0)
                    .show(ctx, |ui| help::about_ui(ui, &credits));
            }
        }
        if !open {
            self.view.help = HelpWindow::Closed;
        }
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
    }
}

/// Opens the window and runs until it closes.
pub fn run_native(file: Option<PathBuf>) -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("AI Adoption Explorer")
            .with_app_id("ai-adoption-explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "AI Adoption Explorer",
        options,
        Box::new(move |cc| {
            Ok(Box::new(ExplorerApp::new(
                cc,
                Box::new(NativeDialogs),
                file,
            )))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ai-adoption-explorer: could not open the window: {e}");
            eprintln!(
                "(Is a display available? Run it on a desktop, or under Xvfb; `ai-adoption-explorer check FILE` works without one.)"
            );
            std::process::ExitCode::FAILURE
        }
    }
}
