//! Fonts of every figure and of the window: egui's defaults plus a bundled CJK subset, so
//! Chinese names render the same on every machine; exports add the system's fonts for any
//! character neither has (`install_export_fonts`), found by a [`FontDiscovery`] that tests
//! replace (`set_export_font_discovery`) so what they draw does not depend on the machine.

use std::sync::{Arc, OnceLock, RwLock};

use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider};

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

/// Where an export finds a font for a character the bundled fonts lack: egui asks it once per
/// character and appends the font it gives to the family's fallbacks.
pub type FontDiscovery = Arc<dyn FontProvider>;

/// A discovery that finds nothing: only the bundled fonts are drawn (tests, and a machine
/// without fonts).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFontDiscovery;

impl FontProvider for NoFontDiscovery {
    fn font_for(&self, _request: &FallbackRequest<'_>) -> Option<FontInsert> {
        None
    }
}

/// egui's system font provider, started on the first character asked for: an export whose
/// characters the bundled fonts all have never enumerates the system's fonts.
#[derive(Default)]
struct LazySystemFonts(OnceLock<egui_system_font_provider::SystemFontProvider>);

impl FontProvider for LazySystemFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        self.0
            .get_or_init(egui_system_font_provider::SystemFontProvider::new)
            .font_for(request)
    }
}

/// The system's fonts, as the window finds them (egui's system font provider, through the
/// operating system's own fallback: fontconfig, CoreText, DirectWrite). Enumerated once per
/// process, when a character is first missing.
pub fn system_font_discovery() -> FontDiscovery {
    static SYSTEM: OnceLock<FontDiscovery> = OnceLock::new();
    Arc::clone(SYSTEM.get_or_init(|| Arc::new(LazySystemFonts::default())))
}

static EXPORT_DISCOVERY: RwLock<Option<FontDiscovery>> = RwLock::new(None);

/// Makes every export of this process find fonts with `discovery` instead of the system's
/// (a test gives [`NoFontDiscovery`] or its own, so its files do not depend on the machine).
pub fn set_export_font_discovery(discovery: FontDiscovery) {
    let mut slot = EXPORT_DISCOVERY
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = Some(discovery);
}

/// Set (to anything) in the environment, exports use the bundled fonts only: what a command-line
/// export draws then does not depend on the machine's fonts (tests, reproducible builds).
pub const NO_SYSTEM_FONTS_VAR: &str = "AI_ADOPTION_EXPLORER_NO_SYSTEM_FONTS";

/// The discovery exports use: the one set with [`set_export_font_discovery`], else none when
/// [`NO_SYSTEM_FONTS_VAR`] is set, else the system's fonts.
pub fn export_font_discovery() -> FontDiscovery {
    let slot = EXPORT_DISCOVERY
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(d) = slot.clone() {
        return d;
    }
    if std::env::var_os(NO_SYSTEM_FONTS_VAR).is_some() {
        return Arc::new(NoFontDiscovery);
    }
    system_font_discovery()
}

/// The figure's fonts for an export: the bundled ones first, then whatever
/// [`export_font_discovery`] finds for a character they lack, so a name is drawn in its own
/// script when the machine has a font for it.
pub fn install_export_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
    ctx.set_font_providers(vec![export_font_discovery()]);
}
