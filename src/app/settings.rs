//! What the app remembers between runs (through eframe's storage).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files File > Open Recent keeps.
pub const MAX_RECENT: usize = 10;

/// Settings remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last ran; `None` for the built-in or an unsaved dataset.
    pub last_file: Option<PathBuf>,
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// A raster image.
    #[default]
    Png,
    /// Vector, text as text.
    Svg,
    /// Vector, fonts embedded, with a Sources page.
    Pdf,
}

impl ExportFormat {
    /// Every format, in the order offered.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf];

    /// Its file extension ("png").
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// Its name for people, as a Save dialog's filter names it ("PNG image").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Png => "PNG image",
            ExportFormat::Svg => "SVG drawing",
            ExportFormat::Pdf => "PDF document",
        }
    }
}

/// The size of an exported figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizePreset {
    /// 640 points wide, as tall as the figure (an article's column).
    #[default]
    Article,
    /// 1920x1080 (16:9).
    Slide,
    /// 1080x1080 (social media).
    Square,
    /// The width and height typed in the dialog.
    Custom,
}

impl SizePreset {
    /// Every preset, in the order offered.
    pub const ALL: [SizePreset; 4] = [
        SizePreset::Article,
        SizePreset::Slide,
        SizePreset::Square,
        SizePreset::Custom,
    ];

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            SizePreset::Article => "Article (640 wide)",
            SizePreset::Slide => "Slide (1920×1080)",
            SizePreset::Square => "Square (1080×1080)",
            SizePreset::Custom => "Custom",
        }
    }
}

/// What an exported figure is drawn on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportBackground {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on dark grey.
    Dark,
    /// No background (light theme's colours).
    Transparent,
}

impl ExportBackground {
    /// Every background, in the order offered.
    pub const ALL: [ExportBackground; 3] = [
        ExportBackground::Light,
        ExportBackground::Dark,
        ExportBackground::Transparent,
    ];

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            ExportBackground::Light => "Light",
            ExportBackground::Dark => "Dark",
            ExportBackground::Transparent => "Transparent",
        }
    }
}

/// The export dialog's choices, remembered between runs under their own key (the texts are
/// the plot's own each time, so they are not kept).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoices {
    /// PNG, SVG or PDF.
    pub format: ExportFormat,
    /// Article, slide, square or custom.
    pub preset: SizePreset,
    /// Custom width in points (pixels at 1x).
    pub width: u32,
    /// Custom height in points.
    pub height: u32,
    /// Pixel density of a PNG: 1, 2 or 4.
    pub scale: u8,
    /// The plot only, without title, key, notes and sources.
    pub plain: bool,
    /// Light, dark or transparent.
    pub background: ExportBackground,
}

impl ExportChoices {
    /// Key under which eframe stores them.
    pub const KEY: &'static str = "ai-adoption-explorer/export";
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            format: ExportFormat::Png,
            preset: SizePreset::Article,
            width: 900,
            height: 600,
            scale: 2,
            plain: false,
            background: ExportBackground::Light,
        }
    }
}

impl Settings {
    /// Key under which eframe stores the settings.
    pub const KEY: &'static str = "ai-adoption-explorer/settings";

    /// Records `path` as the open file and the newest recent one.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }

    /// Drops `path` from the recent files (it no longer exists).
    pub fn forget(&mut self, path: &Path) {
        let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != path && *p != canon);
        if self.last_file.as_deref() == Some(path) {
            self.last_file = None;
        }
    }
}
