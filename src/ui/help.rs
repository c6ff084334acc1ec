//! Help windows: keyboard shortcuts and About.

/// Every keyboard shortcut, as (keys, what it does). The menus show the same shortcuts.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+N", "New empty dataset"),
    ("Ctrl+O", "Open a dataset file"),
    ("Ctrl+S", "Save (Save As for the built-in dataset)"),
    ("Ctrl+Shift+S", "Save As"),
    ("Ctrl+Q", "Quit"),
    ("Ctrl+F", "Search the list"),
    (
        "Esc",
        "Clear the search (in the search field); close a dialog",
    ),
    ("Up / Down", "Select the previous / next record in the list"),
    ("Tab / Shift+Tab", "Move between fields and panels"),
    (
        "Ctrl+1 … Ctrl+4",
        "Show organizations, models, sources, events",
    ),
    ("Alt+Left, mouse Back", "Back to the previous selection"),
    ("Alt+Right, mouse Forward", "Forward"),
    ("Ctrl+Shift+P", "Show or hide the problems panel"),
    ("Ctrl+E", "Export the plot shown as a PNG image"),
    (
        "Ctrl+scroll, scroll or drag, right-drag, double-click (plot)",
        "Zoom, pan, box zoom, reset the plot",
    ),
    (
        "Click / Alt+click a legend entry",
        "Hide that series / show it alone",
    ),
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in / out / reset"),
    ("F1", "This list of shortcuts"),
];

/// The list of shortcuts.
pub fn shortcuts_ui(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.monospace(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
}

/// Version, licenses and where the built-in data comes from.
pub fn about_ui(ui: &mut egui::Ui, credits: &[String]) {
    ui.heading(format!(
        "AI Adoption Explorer {}",
        env!("CARGO_PKG_VERSION")
    ));
    ui.label("Explore and edit a sourced dataset of which organizations use which AI models, where the models come from, and what the adopters report they gained.");
    ui.add_space(6.0);
    ui.strong("The built-in dataset");
    ui.label("Built from a news article on US firms adopting Chinese open-weight models (Pinterest, Airbnb, Qwen overtaking Llama on Hugging Face) and a checked fact sheet of model releases, licenses, people and download figures. Every record lists its sources; every figure carries its source and the verbatim quote. Unknown values are left empty.");
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
