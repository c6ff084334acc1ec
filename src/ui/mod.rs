//! The window: menus, the list panel, the detail view, the plots area, the problems panel, the
//! status bar and dialogs. UI code reads the state and queues commands ([`command::UiCommand`])
//! and actions; `ExplorerApp` carries them out once per frame through `AppState::apply`.

mod app;
pub mod command;
pub mod detail;
mod dialogs;
pub mod export_dialog;
pub mod forms;
pub mod help;
pub mod import;
pub mod layout;
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
pub use command::UiCommand;
pub use prefs::{HelpWindow, ThemeChoice, UiPrefs, ViewState};

/// The window and taskbar icon (rendered from `assets/icons/ai-adoption-explorer.svg`).
const APP_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/ai-adoption-explorer-256.png");

/// Opens the window and runs until it closes.
pub fn run_native(file: Option<PathBuf>) -> std::process::ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("AI Adoption Explorer")
        .with_app_id("ai-adoption-explorer")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(APP_ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_app_icon_is_a_256_px_png() {
        let icon = eframe::icon_data::from_png_bytes(super::APP_ICON_PNG).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
