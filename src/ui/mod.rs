//! The window: menus, the list panel, the detail view, the plots area, the problems panel, the
//! status bar and dialogs. UI code reads the state and queues commands ([`command::UiCommand`])
//! and actions; `ExplorerApp` carries them out once per frame through `AppState::apply`.

mod app;
pub mod command;
pub mod dense;
pub mod detail;
mod dialogs;
pub mod forms;
pub mod help;
mod layout;
pub mod list;
mod menus;
pub mod palette;
mod plot_commands;
pub mod plots_panel;
mod prefs;
mod problems;
pub mod queue;
mod status;
mod summary;

use std::path::PathBuf;

use crate::app::NativeDialogs;

pub use app::ExplorerApp;
pub use command::{UiCommand, shortcuts};
pub use prefs::{HelpWindow, ThemeChoice, UiPrefs, ViewState};

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
