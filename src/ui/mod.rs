//! The window: menus, lists, status bar and dialogs. UI code reads the state and emits actions.

mod records;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{Action, AppState, FileDialogs, Modal, NativeDialogs, PathPurpose, Settings};
use crate::model::RecordKind;

/// View state that is not part of the data (what is shown, not what is stored).
#[derive(Clone, Debug)]
pub struct ViewState {
    /// Which kind of record the list shows.
    pub kind: RecordKind,
    /// Title last sent to the window, to send it only when it changes.
    sent_title: String,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            kind: RecordKind::Organization,
            sent_title: String::new(),
        }
    }
}

/// The eframe app: the state plus what only the window needs.
pub struct ExplorerApp {
    /// The app state (document, settings, dialogs).
    pub state: AppState,
    /// What is shown.
    pub view: ViewState,
}

/// Keyboard shortcuts of the File menu.
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
}

impl ExplorerApp {
    /// Creates the app, restoring settings from eframe's storage when there is one.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        dialogs: Box<dyn FileDialogs>,
        cli_file: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::KEY))
            .unwrap_or_default();
        Self::with_state(cc, AppState::startup(dialogs, settings, cli_file))
    }

    /// Wraps an existing state (tests build states directly) and sets up fonts.
    pub fn with_state(cc: &eframe::CreationContext<'_>, state: AppState) -> Self {
        install_fonts(&cc.egui_ctx);
        Self {
            state,
            view: ViewState::default(),
        }
    }

    fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.modal.is_some() {
            return;
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
        });
    }
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = Vec::new();
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

        egui::Panel::top("menu_bar").show(ui, |ui| menu_bar_ui(ui, &self.state, &mut actions));
        egui::Panel::bottom("status_bar").show(ui, |ui| status_bar_ui(ui, &self.state));
        egui::Panel::left("record_kinds")
            .resizable(true)
            .default_size(190.0)
            .show(ui, |ui| {
                records::kinds_ui(ui, &self.state.doc.dataset, &mut self.view.kind);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            records::records_ui(ui, &self.state.doc, self.view.kind);
        });
        drop_overlay_ui(&ctx);
        modal_ui(&ctx, &self.state, &mut actions);

        for a in actions {
            self.state.apply(a);
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.state.settings);
    }
}

fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let ctx = ui.ctx().clone();
            let item = |ui: &mut egui::Ui, label: &str, sc: Option<&KeyboardShortcut>| {
                let mut b = egui::Button::new(label);
                if let Some(sc) = sc {
                    b = b.shortcut_text(ctx.format_shortcut(sc));
                }
                ui.add(b).clicked()
            };
            if item(ui, "New", Some(&shortcuts::NEW)) {
                actions.push(Action::NewDataset);
            }
            if item(ui, "Open...", Some(&shortcuts::OPEN)) {
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
            if item(ui, "Open file by path...", None) {
                actions.push(Action::PromptPath(PathPurpose::Open));
            }
            if item(ui, "Open built-in dataset", None) {
                actions.push(Action::OpenBuiltin);
            }
            ui.separator();
            if item(ui, "Save", Some(&shortcuts::SAVE)) {
                actions.push(Action::Save);
            }
            if item(ui, "Save As...", Some(&shortcuts::SAVE_AS)) {
                actions.push(Action::SaveAs);
            }
            ui.separator();
            if item(ui, "Quit", Some(&shortcuts::QUIT)) {
                actions.push(Action::Quit);
            }
        });
    });
}

fn status_bar_ui(ui: &mut egui::Ui, state: &AppState) {
    let doc = &state.doc;
    let d = &doc.dataset;
    ui.horizontal(|ui| {
        ui.label(doc.display_name());
        if doc.is_dirty() {
            ui.label("(unsaved changes)");
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
        if n == 0 {
            ui.label("No problems");
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{n} problem{}", if n == 1 { "" } else { "s" }),
            );
        }
        if !state.status.is_empty() {
            ui.separator();
            ui.weak(&state.status);
        }
    });
}

fn drop_overlay_ui(ctx: &egui::Context) {
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

fn modal_ui(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
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

/// The bundled CJK subset (Noto Sans CJK SC, SIL OFL 1.1): covers every character of the built-in
/// dataset, so its Chinese names render the same on every machine, tests included.
pub const CJK_SUBSET_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// Adds the bundled CJK subset after egui's default fonts. Characters neither covers are looked up
/// in the system's fonts by eframe's system font provider (in the native app), and are drawn as a
/// replacement box, never a crash, when no font has them.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let name = "noto-sans-sc-subset".to_owned();
    fonts.font_data.insert(
        name.clone(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_SUBSET_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(name.clone());
    }
    ctx.set_fonts(fonts);
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
