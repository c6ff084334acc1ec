//! Publication files of the plots: the figure (title, subtitle, plot with legend, notes and
//! source footer) laid out by the same drawing code as the window ([`crate::figure::scene`]),
//! rendered offscreen with wgpu at the requested pixel density and encoded as PNG with text
//! chunks, or written from the same shapes as SVG (`svg`) and PDF (`pdf`) without a GPU, each
//! with the figure's metadata (`metadata`).
//!
//! Draws with [`crate::figure`], as the window does, and knows nothing of `ui`; the command line
//! (`ai-adoption-explorer export`) and the window's File > Export plot image... both come here.

pub mod faces;
pub mod metadata;
mod offscreen;
pub mod pdf;
mod png_file;
pub mod shapes;
pub mod svg;

use std::path::Path;
use std::sync::Arc;

pub use faces::{missing_glyph_names, missing_glyph_warning};
pub use metadata::FigureMetadata;
pub use offscreen::Offscreen;
pub use png_file::{encode_png_with, png_text_chunks};

use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::figure::scene::{FigureParts, Scene, SceneError, SceneOptions, figure_scene};
use crate::figure::{FigureStats, PlotView};
use crate::model::{Dataset, RecordRef};
use crate::plots::{DeriveOptions, PlotData, PlotKind, derive_with};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No wgpu adapter could be opened (no GPU and no software rasterizer such as lavapipe).
    #[error(
        "no renderer available: {0}. Install Mesa's Vulkan drivers (Debian: mesa-vulkan-drivers) \
         for software rendering without a GPU"
    )]
    NoRenderer(String),
    /// The renderer failed.
    #[error("rendering failed: {0}")]
    Render(String),
    /// The requested size cannot be rendered (a bad `--width`, `--height` or `--scale`).
    #[error("image size not possible: {0}")]
    BadSize(String),
    /// The figure, grown to hold all its notes and sources, is taller than the renderer can
    /// draw; no size was asked for, so this is not a bad argument.
    #[error(
        "the figure with its notes and sources is {points:.0} points tall ({pixels} pixels at \
         this scale), more than the {max} this renderer can draw; give --height or a smaller \
         --scale"
    )]
    TooTall {
        /// Height the figure took, in points.
        points: f32,
        /// That height in pixels.
        pixels: u64,
        /// The renderer's largest texture side.
        max: usize,
    },
    /// The PNG could not be encoded or written.
    #[error("could not write {file}: {reason}")]
    Write {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
}

impl From<SceneError> for ExportError {
    fn from(e: SceneError) -> Self {
        match e {
            SceneError::TooTall {
                points,
                pixels,
                max,
            } => ExportError::TooTall {
                points,
                pixels,
                max,
            },
            SceneError::TooSmall { page, plot, least } => {
                // Header and footer keep their height on a larger page: the plot gains the rest.
                let fits = egui::vec2(
                    page.x + (least.x - plot.x).max(0.0),
                    page.y + (least.y - plot.y).max(0.0),
                );
                ExportError::BadSize(format!(
                    "a page of {:.0}x{:.0} points is too small for this figure: its title, key \
                     and sources leave the plot {:.0}x{:.0} points, and it needs {:.0} wide and \
                     {:.0} high; make the page about {:.0}x{:.0} points or larger (the page is the \
                     size in pixels divided by the scale), or export the plot only (plain)",
                    page.x,
                    page.y,
                    plot.x.max(0.0),
                    plot.y.max(0.0),
                    least.x,
                    least.y,
                    fits.x.ceil(),
                    fits.y.ceil(),
                ))
            }
        }
    }
}

/// Largest pixel density offered (4x).
pub const MAX_SCALE: f32 = 8.0;

/// Height of the plot of the article preset, in points (the figure is as tall as it needs).
pub const ARTICLE_PLOT_POINTS: f32 = 360.0;

/// How to render a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureOptions {
    /// Width of the image in pixels.
    pub width_px: u32,
    /// Height of the image in pixels.
    pub height_px: u32,
    /// Pixels per point: 2.0 draws text and lines twice as finely as 1.0 on the same layout.
    pub scale: f32,
    /// Light or dark.
    pub theme: egui::Theme,
    /// Keep the plot this many points high and make the image as tall as the figure then is
    /// (the window's export: the plot as shown, with all its notes and sources below);
    /// `None` fits the figure into `height_px`.
    pub plot_height: Option<f32>,
    /// Plain or complete, transparent or not, and this export's texts.
    pub parts: FigureParts,
}

impl FigureOptions {
    /// A figure of `width_pt` x `height_pt` points at `scale` pixels per point.
    pub fn from_points(width_pt: f32, height_pt: f32, scale: f32, theme: egui::Theme) -> Self {
        Self {
            width_px: (width_pt * scale).round().max(1.0) as u32,
            height_px: (height_pt * scale).round().max(1.0) as u32,
            scale,
            theme,
            plot_height: None,
            parts: FigureParts::default(),
        }
    }

    /// The scene these options lay out, on pages of at most `max_side_px` pixels a side.
    pub fn scene(&self, max_side_px: usize) -> SceneOptions {
        SceneOptions {
            size_points: self.size_points(),
            pixels_per_point: self.scale,
            theme: self.theme,
            plot_height: self.plot_height,
            max_side_px,
            parts: self.parts.clone(),
        }
    }

    /// Size of the layout in points.
    pub fn size_points(&self) -> egui::Vec2 {
        egui::vec2(
            self.width_px as f32 / self.scale,
            self.height_px as f32 / self.scale,
        )
    }

    /// Checks the options: a scale in 0.5..=8 and a layout at least 200 x 150 points.
    pub fn check(&self) -> Result<(), ExportError> {
        if !(self.scale.is_finite() && (0.5..=MAX_SCALE).contains(&self.scale)) {
            return Err(ExportError::BadSize(format!(
                "scale {} (use 0.5 to {MAX_SCALE})",
                self.scale
            )));
        }
        let pt = self.size_points();
        if pt.x < 200.0 || pt.y < 150.0 {
            return Err(ExportError::BadSize(format!(
                "{}x{} pixels at scale {} is {:.0}x{:.0} points; a figure needs at least \
                 200x150 points (width and height are in pixels, divided by the scale)",
                self.width_px, self.height_px, self.scale, pt.x, pt.y
            )));
        }
        Ok(())
    }
}

/// A rendered figure.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The pixels.
    pub image: egui::ColorImage,
    /// What was drawn.
    pub stats: FigureStats,
    /// The names drawn with replacement boxes (no font has their characters).
    pub missing_glyphs: Vec<String>,
}

/// Derives plot `kind` of the whole dataset (no search or filter), for the command line.
pub fn derive_all(kind: PlotKind, ds: &Arc<Dataset>, options: &DeriveOptions) -> PlotData {
    let mut explorer = Explorer::new();
    let ix = explorer.index(ds, 0);
    let q = ListQuery::default();
    let orgs = explorer.rows(ds, 0, ListTab::Organizations, &q).to_vec();
    let models = explorer.rows(ds, 0, ListTab::Models, &q).to_vec();
    derive_with(kind, ds, &ix, &orgs, &models, Vec::new(), options)
}

/// Lays out the figure of `data` with `view` and renders it offscreen.
pub fn render_figure(
    offscreen: &mut Offscreen,
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    selected: Option<&RecordRef>,
    options: &FigureOptions,
) -> Result<Figure, ExportError> {
    let max = offscreen.max_texture_side();
    let scene = png_scene(ds, data, view, selected, options, max)?;
    render_scene(offscreen, scene)
}

/// Lays out the figure a PNG of `options` renders, on a renderer whose textures are at most
/// `max_side_px` a side: the scene [`render_scene`] draws.
pub fn png_scene(
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    selected: Option<&RecordRef>,
    options: &FigureOptions,
    max_side_px: usize,
) -> Result<Scene, ExportError> {
    options.check()?;
    let max = max_side_px;
    if options.width_px as usize > max || options.height_px as usize > max {
        return Err(ExportError::BadSize(format!(
            "{}x{} pixels: each side must be at most {max} on this renderer",
            options.width_px, options.height_px
        )));
    }
    Ok(figure_scene(ds, data, view, selected, &options.scene(max))?)
}

/// Renders a laid-out scene (from [`render_figure`], or the export dialog's preview, which
/// shows this very scene before it is written).
pub fn render_scene(offscreen: &mut Offscreen, mut scene: Scene) -> Result<Figure, ExportError> {
    let stats = scene.stats;
    let missing_glyphs = missing_glyph_names(&scene);
    let (size_px, background) = (scene.size_px, scene.background);
    let output = std::mem::take(&mut scene.output);
    let image = offscreen.render(&scene.ctx, output, size_px, background)?;
    Ok(Figure {
        image,
        stats,
        missing_glyphs,
    })
}

/// Largest side of a vector page in points (PDF's limit, 200 inches).
pub const MAX_PAGE_POINTS: f32 = 14_400.0;

/// Lays out the figure of `data` with `view` for a vector file (SVG, PDF): the same scene the
/// PNG renders, without a GPU.
pub fn vector_scene(
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    selected: Option<&RecordRef>,
    options: &FigureOptions,
) -> Result<Scene, ExportError> {
    let mut scene = vector_scene_with_fonts(ds, data, view, selected, options)?;
    // Only the dense images are read back from the texture updates; the font atlas is not.
    scene
        .output
        .textures_delta
        .set
        .retain(|id, _| *id != egui::TextureId::default());
    Ok(scene)
}

/// [`vector_scene`] with the font atlas kept among the texture updates, so the scene can also
/// be drawn on screen (the export dialog's preview) before it is written.
pub fn vector_scene_with_fonts(
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    selected: Option<&RecordRef>,
    options: &FigureOptions,
) -> Result<Scene, ExportError> {
    options.check()?;
    let pt = options.size_points();
    if pt.x > MAX_PAGE_POINTS || pt.y > MAX_PAGE_POINTS {
        return Err(ExportError::BadSize(format!(
            "{:.0}x{:.0} points: each side of a page must be at most {MAX_PAGE_POINTS:.0}",
            pt.x, pt.y
        )));
    }
    let max = (MAX_PAGE_POINTS * options.scale) as usize;
    Ok(figure_scene(ds, data, view, selected, &options.scene(max))?)
}

/// Encodes an image as PNG (8-bit RGBA), without metadata (see [`encode_png_with`]).
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, ExportError> {
    encode_png_with(image, None)
}

/// Writes `bytes` to `path` atomically (a failed export never leaves half a file).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::io::write_bytes_atomic(path, bytes)
        .map(|_| ())
        .map_err(|e| ExportError::Write {
            file: path.display().to_string(),
            reason: e.to_string(),
        })
}
