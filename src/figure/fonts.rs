//! Fonts of every figure and of the window: egui's defaults plus a bundled CJK subset, so
//! Chinese names render the same on every machine.

/// The bundled CJK subset (Noto Sans CJK SC, SIL OFL 1.1): covers every character of the built-in
/// dataset, so its Chinese names render the same on every machine, tests included.
pub const CJK_SUBSET_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// Adds the bundled CJK subset after egui's default fonts. Characters neither covers are looked up
/// in the system's fonts by eframe's system font provider (in the native app), and are drawn as a
/// replacement box, never a crash, when no font has them.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The fonts [`install_fonts`] installs (the vector exports embed or name the same fonts).
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    let name = "noto-sans-sc-subset".to_owned();
    fonts.font_data.insert(
        name.clone(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_SUBSET_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(name.clone());
    }
    fonts
}
