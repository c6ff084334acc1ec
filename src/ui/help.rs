//! Help windows: the keyboard shortcuts (from the command registry), the claims table and About.

use egui::Modifiers;

use super::command::UiCommand;
use super::prefs::HelpWindow;
use super::{ExplorerApp, forms, layout};

/// Mouse gestures of the plots, as (modifier or none, the gesture after it, what it does); the
/// modifier is written by egui as this system writes it.
const PLOT_GESTURES: &[(Option<Modifiers>, &str, &str)] = &[
    (
        Some(Modifiers::COMMAND),
        "scroll, scroll or drag, right-drag, double-click (plot)",
        "Zoom, pan, box zoom, reset the plot",
    ),
    (None, "Click a legend entry", "Hide that series"),
    (
        Some(Modifiers::ALT),
        "click a legend entry",
        "Show that series alone",
    ),
];

/// The commands the shortcuts window lists first, in this order; the others follow.
const READING_ORDER: &[UiCommand] = &[
    UiCommand::New,
    UiCommand::Open,
    UiCommand::Save,
    UiCommand::SaveAs,
    UiCommand::ExportFigure,
    UiCommand::Quit,
    UiCommand::Undo,
    UiCommand::Redo,
    UiCommand::Find,
];

/// Every row of Help > Keyboard shortcuts, as (keys, what it does): each command of the
/// registry that has a shortcut or a mouse button, then the plots' mouse gestures.
pub fn shortcut_rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
    let mut commands: Vec<UiCommand> = UiCommand::all()
        .filter(|c| !c.shortcuts().is_empty() || c.mouse_button().is_some())
        .collect();
    // The registry's order is the order keys are checked in (Redo before Undo); a reader wants
    // the file and edit commands first, the rest as declared.
    commands.sort_by_key(|c| {
        READING_ORDER
            .iter()
            .position(|r| r == c)
            .unwrap_or(usize::MAX)
    });
    let commands = commands
        .into_iter()
        .map(|c| (c.shortcut_text(ctx), c.tooltip()));
    let gestures = PLOT_GESTURES.iter().map(|(modifiers, gesture, what)| {
        let keys = match modifiers {
            Some(m) => format!("{}+{gesture}", ctx.format_modifiers(*m)),
            None => (*gesture).to_owned(),
        };
        (keys, *what)
    });
    commands.chain(gestures).collect()
}

/// The list of shortcuts.
pub fn shortcuts_ui(ui: &mut egui::Ui) {
    let rows = shortcut_rows(ui.ctx());
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in rows {
                ui.monospace(keys);
                ui.label(what);
                ui.end_row();
            }
        });
}

/// Where most of the built-in dataset's models come from, and whom they are credited to.
pub const BUILT_FROM_TABLES: &str = "Most of its models come from two public tables, imported with the app's own importer: Epoch AI's Large-Scale AI Models table (models trained with more than 10^23 FLOP; Epoch AI, CC BY 4.0) and a snapshot of 514 Hugging Face models taken about 2026-03-01 (Hugging Face model API, as scraped into rauletorresc/llmfit, MIT License). Where they disagree with the hand-checked records, both values are kept as a conflict.";

/// Version, licenses and where the built-in data comes from.
pub fn about_ui(ui: &mut egui::Ui, credits: &[String]) {
    ui.heading(format!(
        "AI Adoption Explorer {}",
        env!("CARGO_PKG_VERSION")
    ));
    ui.label("Explore and edit a sourced dataset of which organizations use which AI models, where the models come from, and what the adopters report they gained.");
    ui.add_space(6.0);
    ui.strong("The built-in dataset");
    ui.label("Built from a news article on US firms adopting Chinese open-weight models (Pinterest, Airbnb, Qwen overtaking Llama on Hugging Face) and a checked fact sheet of model releases, licenses, people and download figures. Every record lists its sources; every figure carries its source and what the source says: its own words in quotation marks, or a summary marked \"as summarised\". Unknown values are left empty.");
    ui.label(BUILT_FROM_TABLES);
    ui.add_space(6.0);
    ui.strong("Data credits");
    if credits.is_empty() {
        ui.label("None for the open dataset.");
    }
    for c in credits {
        ui.label(format!("• {c}"));
    }
    ui.add_space(6.0);
    ui.strong("Fonts");
    ui.label("egui's default fonts: Ubuntu-Light (Ubuntu Font Licence 1.0), Hack (MIT, with Bitstream Vera parts under the Bitstream Vera License), Noto Emoji (SIL OFL 1.1), emoji-icon-font (MIT).");
    ui.label("Noto Sans CJK SC, a subset for the dataset's Chinese names: © 2014-2021 Adobe, SIL Open Font License 1.1 (assets/fonts/OFL.txt).");
    ui.add_space(6.0);
    ui.label("License of the app: MIT OR Apache-2.0.");
}

impl ExplorerApp {
    /// The open help window, if any.
    pub(super) fn help_windows_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.view.help != HelpWindow::Closed;
        // Esc closes the reading windows (the claims table keeps it for its cells).
        if matches!(self.view.help, HelpWindow::Shortcuts | HelpWindow::About)
            && UiCommand::Cancel.key_pressed(ctx)
        {
            open = false;
        }
        match self.view.help {
            HelpWindow::Closed => {}
            HelpWindow::Shortcuts => {
                egui::Window::new(UiCommand::ShowShortcuts.label())
                    .open(&mut open)
                    .collapsible(false)
                    .vscroll(true)
                    .show(ctx, shortcuts_ui);
            }
            HelpWindow::ClaimsTable => {
                let ds = self.state.doc.dataset.clone();
                let mut actions = Vec::new();
                // Never larger than the window, whatever the zoom.
                let room = ctx.content_rect().size() - egui::vec2(24.0, 72.0);
                egui::Window::new(UiCommand::ShowClaimsTable.label())
                    .open(&mut open)
                    .default_size(egui::vec2(1000.0, 500.0).min(room))
                    .max_size(room)
                    .show(ctx, |ui| {
                        layout::a11y::panel_ui(ui, UiCommand::ShowClaimsTable.label(), |ui| {
                            forms::claims_table_ui(
                                ui,
                                &ds,
                                &mut self.view.claim_sort,
                                &mut actions,
                            );
                        });
                    });
                drop(ds);
                for a in actions {
                    self.state.apply(a);
                }
            }
            HelpWindow::About => {
                let credits = self.state.doc.dataset.meta.credits.clone();
                egui::Window::new(UiCommand::ShowAbout.label())
                    .open(&mut open)
                    .collapsible(false)
                    .default_width(480.0)
                    .vscroll(true)
                    .show(ctx, |ui| about_ui(ui, &credits));
            }
        }
        if !open {
            self.view.help = HelpWindow::Closed;
        }
    }
}
