//! A figure as egui's own shapes, without a renderer or GPU: the figure drawing code (header,
//! plot, footer) run in a headless `egui::Context` at the export's size, theme and pixel
//! density. The PNG export tessellates these shapes with wgpu; the SVG and PDF writers turn the
//! same shapes into vector files; tests check a figure's layout on them.

use std::collections::HashMap;
use std::sync::Arc;

use super::{
    FigureArgs, FigureStats, PlotView, figure_footer_ui, figure_header_ui, install_export_fonts,
    plot_only_ui,
};
use crate::model::{Dataset, RecordRef};
use crate::plots::PlotData;

/// Which parts of a figure an export draws, and the texts it may change for this export only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureParts {
    /// The plot only: no title, subtitle, key, notes or source footer.
    pub plain: bool,
    /// No background: the page and the plot area are transparent (text and marks stay).
    pub transparent: bool,
    /// A title instead of the plot's own.
    pub title: Option<String>,
    /// A subtitle instead of the plot's own (empty: none).
    pub subtitle: Option<String>,
    /// A note added under the plot's own notes.
    pub note: Option<String>,
    /// Who made the chart ("Chart: ..."), under the source footer.
    pub byline: Option<String>,
}

impl FigureParts {
    /// `data` with this export's title, subtitle and note.
    pub fn apply_texts(&self, data: &PlotData) -> PlotData {
        let mut out = data.clone();
        if let Some(t) = &self.title {
            out.title.clone_from(t);
        }
        if let Some(s) = &self.subtitle {
            out.subtitle.clone_from(s);
        }
        if let Some(n) = self.note.as_ref().filter(|n| !n.trim().is_empty()) {
            out.notes.push(n.clone());
        }
        out
    }
}

/// How to lay out a figure's scene.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    /// The page in points (the height is ignored with `plot_height`).
    pub size_points: egui::Vec2,
    /// Pixels per point: texts are laid out (rounded) for this density, as the PNG shows them.
    pub pixels_per_point: f32,
    /// Light or dark.
    pub theme: egui::Theme,
    /// Keep the plot this many points high and make the page as tall as the figure then is;
    /// `None` fits the figure into `size_points`.
    pub plot_height: Option<f32>,
    /// The largest side in pixels an image may have (a renderer's texture limit); a page that
    /// grows taller is refused.
    pub max_side_px: usize,
    /// Parts drawn and texts changed.
    pub parts: FigureParts,
}

/// Why a scene could not be laid out.
#[derive(Clone, Debug, PartialEq)]
pub enum SceneError {
    /// The figure grown to hold all its notes and sources is taller than `max` pixels.
    TooTall {
        /// Height the figure took, in points.
        points: f32,
        /// That height in pixels.
        pixels: u64,
        /// The largest side allowed.
        max: usize,
    },
    /// A fixed page too small for the figure: its header and footer leave the plot less than
    /// [`MIN_PLOT_POINTS`] on a side (panels: less than each needs at the least).
    TooSmall {
        /// The page, in points.
        page: egui::Vec2,
        /// The room left to the plot, in points.
        plot: egui::Vec2,
        /// The least room the plot needs (panels need more height, one row each).
        least: egui::Vec2,
    },
}

/// A laid-out figure: egui's shapes and what is needed to draw them anywhere.
pub struct Scene {
    /// The context that laid it out (fonts, for tessellation by a renderer).
    pub ctx: egui::Context,
    /// The last pass's output: shapes in paint order (`output.shapes`), pixels per point, and
    /// every texture update of all passes (`output.textures_delta`: the font atlas and the
    /// dense-marker images).
    pub output: egui::FullOutput,
    /// The page in points.
    pub size_points: egui::Vec2,
    /// The page in pixels at `output.pixels_per_point`.
    pub size_px: [u32; 2],
    /// The page's background (transparent with [`FigureParts::transparent`]).
    pub background: egui::Color32,
    /// What was drawn.
    pub stats: FigureStats,
    /// The texts the figure shows (title after this export's changes), for metadata.
    pub data: Arc<PlotData>,
}

impl Scene {
    /// The shapes in paint order, each with its clip rectangle, in points.
    pub fn shapes(&self) -> &[egui::epaint::ClippedShape] {
        &self.output.shapes
    }

    /// The images the shapes use besides the font atlas (the dense-marker tiles), by texture id,
    /// as last set. A mesh with such a texture id draws (part of) that image.
    pub fn images(&self) -> HashMap<egui::TextureId, Arc<egui::ColorImage>> {
        let mut out = HashMap::new();
        #[expect(clippy::iter_over_hash_type)] // the last full image of each id wins
        for (id, deltas) in &self.output.textures_delta.set {
            if *id == egui::TextureId::default() {
                continue;
            }
            for delta in deltas.iter().filter(|d| d.pos.is_none()) {
                let egui::ImageData::Color(image) = &delta.image;
                out.insert(*id, Arc::clone(image));
            }
        }
        out
    }

    /// Drops the texture updates (when nothing will render them).
    pub fn forget_textures(&mut self) {
        self.output.textures_delta.clear();
    }
}

impl Drop for Scene {
    /// A scene nobody rendered drops its texture updates (egui insists they are handled).
    fn drop(&mut self) {
        self.output.textures_delta.clear();
    }
}

/// Lays out the figure of `data` (with this export's [`FigureParts`]) drawn with `view` and the
/// `selected` record ringed, by the same drawing code as the window, and returns its shapes.
/// Runs without a GPU.
pub fn figure_scene(
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    selected: Option<&RecordRef>,
    options: &SceneOptions,
) -> Result<Scene, SceneError> {
    let parts = &options.parts;
    let data = if parts.title.is_some() || parts.subtitle.is_some() || parts.note.is_some() {
        Arc::new(parts.apply_texts(data))
    } else {
        Arc::clone(data)
    };
    let ctx = egui::Context::default();
    install_export_fonts(&ctx);
    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    ctx.set_theme(options.theme);
    if parts.transparent {
        ctx.style_mut_of(options.theme, |s| {
            s.visuals.extreme_bg_color = egui::Color32::TRANSPARENT;
            s.visuals.panel_fill = egui::Color32::TRANSPARENT;
        });
    }
    let background = ctx.style_of(options.theme).visuals.panel_fill;
    let scale = options.pixels_per_point;
    let width = options.size_points.x;
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            options.size_points,
        )),
        max_texture_side: Some(options.max_side_px),
        ..Default::default()
    };
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(scale);
    let mut args = FigureArgs {
        ds,
        data: &data,
        selected,
        view: Some(view),
        interactive: false,
        layout_only: true,
        wheel_scrolls: false,
    };
    let margin = egui::Margin::symmetric(14, 8);
    let mut stats = FigureStats::default();
    let mut textures = egui::TexturesDelta::default();
    let mut last = None;
    let mut size_points = options.size_points;
    // With a fixed plot height the figure is laid out on a tall page first, then the page is
    // cut to the height the figure took.
    let mut passes = if options.plot_height.is_some() { 4 } else { 3 };
    if options.plot_height.is_some() {
        input.screen_rect = Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, 20_000.0),
        ));
    }
    // On a fixed page whose footer leaves the plot too little room, the notes are said in one
    // line from the next pass on (the plot keeps at least that share of the page).
    let squeezed_data = (!data.notes.is_empty()).then(|| {
        let n = data.notes.len();
        let mut d = (*data).clone();
        d.notes = vec![format!(
            "{n} {} left out at this size: export at a larger size or see the plot in the app",
            if n == 1 { "note" } else { "notes" }
        )];
        Arc::new(d)
    });
    let mut squeezed = false;
    let footer = |ui: &mut egui::Ui, squeezed: bool| {
        let shown = match (&squeezed_data, squeezed) {
            (Some(d), true) => d,
            _ => &data,
        };
        figure_footer_ui(ui, shown, Some(view));
        if let Some(by) = parts.byline.as_ref().filter(|b| !b.trim().is_empty()) {
            ui.label(egui::RichText::new(format!("Chart: {by}")).small());
        }
    };
    // Panels size themselves from the previous pass: three passes settle the layout.
    let mut pass = 0;
    let mut plot_room = egui::Vec2::INFINITY;
    let mut least_height = MIN_PLOT_POINTS;
    while pass < passes {
        args.layout_only = pass + 1 < passes;
        let mut squeeze = false;
        let mut used = 0.0f32;
        let mut out = ctx.run_ui(input.clone(), |ui| {
            let frame = egui::Frame::new().fill(background).inner_margin(margin);
            if let Some(plot_height) = options.plot_height {
                egui::CentralPanel::default().frame(frame).show(ui, |ui| {
                    if !parts.plain {
                        figure_header_ui(ui, &data);
                    }
                    // Small multiples grow the page so that each panel keeps its height, and
                    // many rows so that each keeps its name.
                    let plot_height = grown_plot_height(&data, plot_height);
                    stats = plot_only_ui(ui, &args, plot_height).stats;
                    if !parts.plain {
                        footer(ui, false);
                    }
                    used = ui.cursor().min.y + f32::from(margin.bottom);
                });
                return;
            }
            if !parts.plain {
                egui::Panel::top("figure_header")
                    .frame(frame)
                    .show_separator_line(false)
                    .resizable(false)
                    .show(ui, |ui| figure_header_ui(ui, &data));
                // A panel of its own once squeezed: a panel keeps the height it had.
                egui::Panel::bottom(if squeezed {
                    "figure_footer_squeezed"
                } else {
                    "figure_footer"
                })
                .frame(frame)
                .show_separator_line(false)
                .resizable(false)
                .show(ui, |ui| footer(ui, squeezed));
            }
            egui::CentralPanel::default().frame(frame).show(ui, |ui| {
                let h = ui.available_height();
                if h < MIN_PLOT_SHARE * size_points.y {
                    squeeze = true;
                }
                plot_room = egui::vec2(ui.available_width(), h);
                least_height = super::panels::least_plot_height(&data, ui.spacing().item_spacing.y);
                stats = plot_only_ui(ui, &args, h.max(60.0)).stats;
            });
        });
        textures.append(std::mem::take(&mut out.textures_delta));
        last = Some(out);
        if squeeze && !squeezed {
            // Three more passes: the smaller footer settles, the plot takes the room, and what
            // the plot measured of itself (its frame, for the axis title) is that of the last.
            squeezed = true;
            passes = passes.max(pass + 4);
        }
        if options.plot_height.is_some() && pass + 2 == passes {
            // Cut the page for the final pass.
            let h = used.ceil().max(150.0);
            let pixels = (f64::from(h) * f64::from(scale)).round() as u64;
            if pixels > options.max_side_px as u64 {
                // Nothing is rendered: the font textures are dropped unused.
                textures.clear();
                return Err(SceneError::TooTall {
                    points: h,
                    pixels,
                    max: options.max_side_px,
                });
            }
            size_points = egui::vec2(width, h);
            input.screen_rect = Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size_points));
        }
        pass += 1;
    }
    if plot_room.x < MIN_PLOT_POINTS || plot_room.y < least_height {
        textures.clear();
        return Err(SceneError::TooSmall {
            page: size_points,
            plot: plot_room,
            least: egui::vec2(MIN_PLOT_POINTS, least_height),
        });
    }
    let mut output = last.expect("the passes ran");
    output.textures_delta = textures;
    let size_px = [
        (size_points.x * scale).round().max(1.0) as u32,
        (size_points.y * scale).round().max(1.0) as u32,
    ];
    Ok(Scene {
        ctx,
        output,
        size_points,
        size_px,
        background,
        stats,
        data,
    })
}

/// The least room, in points on each side, a fixed page leaves the plot (with its axes): less
/// cannot be read, and the export is refused rather than written so.
pub const MIN_PLOT_POINTS: f32 = 100.0;

/// The least share of a fixed page the plot keeps: below it the footer's notes go in one line.
const MIN_PLOT_SHARE: f32 = 0.4;

/// Points a row of a category axis needs so its name is drawn (egui_plot leaves out names
/// closer than their text), and what the plot's axis and margins take besides.
const ROW_POINTS: f32 = 17.0;
const ROWS_EXTRA: f32 = 60.0;
/// The same for a matrix's rows, whose cells hold text.
const CELL_ROW_POINTS: f32 = 32.0;

/// The plot's height where the page grows to fit it (the article preset, and the window, which
/// then scrolls): `height`, or more, so that each panel of small multiples keeps
/// [`MIN_PANEL`](super::panels::MIN_PANEL) and each row of a category axis its name.
pub fn grown_plot_height(data: &crate::plots::PlotData, height: f32) -> f32 {
    rows_height(data, super::panels::panels_height(data, height))
}

/// `height`, or more where the page grows to fit (the article preset) and the plot has so many
/// rows (lanes, organizations) that each would be too low to keep its name.
fn rows_height(data: &crate::plots::PlotData, height: f32) -> f32 {
    match &data.y_axis.scale {
        crate::plots::Scale::Category(rows) => {
            // A matrix's cells hold a line of text beside their status mark.
            let cells = data
                .marks
                .iter()
                .any(|m| m.kind == crate::plots::MarkKind::Cell);
            let row = if cells { CELL_ROW_POINTS } else { ROW_POINTS };
            height.max(rows.len() as f32 * row + ROWS_EXTRA)
        }
        _ => height,
    }
}
