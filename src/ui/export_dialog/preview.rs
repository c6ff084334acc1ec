//! The preview: the very scene the file is written from ([`crate::figure::scene`], laid out by
//! the export's own functions for the dialog's options), tessellated as the PNG renderer does
//! and drawn scaled into the dialog with the scene's own font atlas and images, so what is seen
//! is what will be written. Kept until the options or the plot change.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{ClippedPrimitive, Mesh, Primitive};
use egui::{Color32, Rect, TextureId};

use crate::app::ExportFormat;
use crate::export::{
    ExportError, FigureOptions, missing_glyph_names, png_scene, vector_scene_with_fonts,
};
use crate::figure::PlotView;
use crate::figure::scene::Scene;
use crate::model::Dataset;
use crate::plots::PlotData;

/// Largest PNG side assumed before the renderer is opened (what wgpu guarantees on desktops);
/// the renderer's own limit is checked again when the file is rendered.
pub const ASSUMED_MAX_TEXTURE_SIDE: usize = 8192;

/// Meshes placed in the dialog, each with its clip rectangle there.
type Placed = Vec<(Rect, Arc<Mesh>)>;

/// What a preview is for: the file's format and options, and the plot data it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewKey {
    /// The format.
    pub format: ExportFormat,
    /// The figure's options.
    pub options: FigureOptions,
    /// The plot data (by address: a new derivation is a new preview).
    pub data: usize,
    /// The largest PNG side.
    pub max_side: usize,
}

/// A laid-out figure ready to draw and to write.
pub struct Preview {
    /// What it was laid out for.
    pub key: PreviewKey,
    /// The scene the file is written from (taken by the export).
    pub scene: Option<Scene>,
    /// Its size in points and in pixels.
    pub size_points: egui::Vec2,
    /// The page in pixels (what a PNG will be).
    pub size_px: [u32; 2],
    /// The page's background.
    pub background: Color32,
    /// Names no font can draw.
    pub missing: Vec<String>,
    /// The scene tessellated, in page points.
    primitives: Vec<ClippedPrimitive>,
    /// The scene's textures (font atlas, dense images) loaded into the window.
    textures: HashMap<TextureId, egui::TextureHandle>,
    /// The meshes placed in the dialog for the rectangle they were placed in.
    placed: Option<(Rect, Placed)>,
}

/// Lays out the scene of `key` (the same function the file is written with).
pub fn layout(
    ds: &Dataset,
    data: &Arc<PlotData>,
    view: &PlotView,
    key: &PreviewKey,
) -> Result<Scene, ExportError> {
    match key.format {
        ExportFormat::Png => png_scene(ds, data, view, None, &key.options, key.max_side),
        ExportFormat::Svg | ExportFormat::Pdf => {
            vector_scene_with_fonts(ds, data, view, None, &key.options)
        }
    }
}

/// The full images of `scene`'s textures: every update applied in order.
fn texture_images(scene: &Scene) -> HashMap<TextureId, (egui::ColorImage, egui::TextureOptions)> {
    let mut out: HashMap<TextureId, (egui::ColorImage, egui::TextureOptions)> = HashMap::new();
    #[expect(clippy::iter_over_hash_type)] // each texture's updates stay in order
    for (id, deltas) in &scene.output.textures_delta.set {
        for delta in deltas {
            let egui::ImageData::Color(image) = &delta.image;
            match delta.pos {
                None => {
                    out.insert(*id, ((**image).clone(), delta.options));
                }
                Some([x0, y0]) => {
                    let Some((full, _)) = out.get_mut(id) else {
                        continue;
                    };
                    let [w, h] = image.size;
                    let [fw, fh] = full.size;
                    for y in 0..h.min(fh.saturating_sub(y0)) {
                        for x in 0..w.min(fw.saturating_sub(x0)) {
                            full.pixels[(y0 + y) * fw + x0 + x] = image.pixels[y * w + x];
                        }
                    }
                }
            }
        }
    }
    out
}

impl Preview {
    /// The preview of `scene`, laid out for `key`, its textures loaded into `ctx`.
    pub fn new(ctx: &egui::Context, key: PreviewKey, scene: Scene) -> Self {
        let ppp = scene.output.pixels_per_point;
        let primitives = scene.ctx.tessellate(scene.output.shapes.clone(), ppp);
        let max_side = ctx.input(|i| i.max_texture_side).max(1);
        let textures = texture_images(&scene)
            .into_iter()
            .map(|(id, (image, options))| {
                // The window may take smaller textures than the export's renderer: the
                // coordinates are fractions, so a shrunk atlas draws the same glyphs, coarser.
                let image = shrink_to(image, max_side);
                let handle = ctx.load_texture(format!("export preview {id:?}"), image, options);
                (id, handle)
            })
            .collect();
        Self {
            key,
            size_points: scene.size_points,
            size_px: scene.size_px,
            background: scene.background,
            missing: missing_glyph_names(&scene),
            scene: Some(scene),
            primitives,
            textures,
            placed: None,
        }
    }

    /// The meshes moved and scaled into `rect`, each with its clip rectangle there.
    fn place(&self, rect: Rect) -> Placed {
        let k = rect.width() / self.size_points.x.max(1.0);
        let at = |p: egui::Pos2| rect.min + p.to_vec2() * k;
        let mut out = Vec::with_capacity(self.primitives.len());
        for p in &self.primitives {
            let Primitive::Mesh(mesh) = &p.primitive else {
                continue;
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let mut m = mesh.clone();
            m.texture_id = texture.id();
            for v in &mut m.vertices {
                v.pos = at(v.pos);
            }
            let clip = Rect::from_min_max(at(p.clip_rect.min), at(p.clip_rect.max)).intersect(rect);
            out.push((clip, Arc::new(m)));
        }
        out
    }

    /// Draws the figure scaled to `width` points wide (at most `max_height` high) and returns
    /// the rectangle it took.
    pub fn ui(&mut self, ui: &mut egui::Ui, width: f32, max_height: f32) -> egui::Response {
        let aspect = self.size_points.y / self.size_points.x.max(1.0);
        let mut size = egui::vec2(width, width * aspect);
        if size.y > max_height {
            size = egui::vec2(max_height / aspect.max(0.01), max_height);
        }
        let (rect, response) =
            ui.allocate_exact_size(size.max(egui::vec2(1.0, 1.0)), egui::Sense::hover());
        if !ui.is_rect_visible(rect) {
            return response;
        }
        let painter = ui.painter_at(rect);
        if self.background.a() == 0 {
            checkerboard(&painter, rect);
        } else {
            painter.rect_filled(rect, 0.0, self.background);
        }
        if self.placed.as_ref().is_none_or(|(r, _)| *r != rect) {
            self.placed = Some((rect, self.place(rect)));
        }
        if let Some((_, meshes)) = &self.placed {
            for (clip, mesh) in meshes {
                painter
                    .with_clip_rect(*clip)
                    .add(egui::Shape::Mesh(Arc::clone(mesh)));
            }
        }
        painter.rect_stroke(
            rect,
            0.0,
            ui.visuals().widgets.noninteractive.bg_stroke,
            egui::StrokeKind::Outside,
        );
        response
    }
}

/// `image` shrunk by a whole factor (each pixel the mean of a square of them) until both sides
/// are at most `max_side`.
fn shrink_to(image: egui::ColorImage, max_side: usize) -> egui::ColorImage {
    let [w, h] = image.size;
    let f = w.max(h).div_ceil(max_side);
    if f <= 1 {
        return image;
    }
    let (nw, nh) = (w.div_ceil(f), h.div_ceil(f));
    let mut out = egui::ColorImage::filled([nw, nh], Color32::TRANSPARENT);
    for y in 0..nh {
        for x in 0..nw {
            let mut sum = [0u32; 4];
            let mut n = 0u32;
            for yy in y * f..((y + 1) * f).min(h) {
                for xx in x * f..((x + 1) * f).min(w) {
                    let p = image.pixels[yy * w + xx].to_array();
                    for (s, v) in sum.iter_mut().zip(p) {
                        *s += u32::from(v);
                    }
                    n += 1;
                }
            }
            let c = sum.map(|s| (s / n.max(1)) as u8);
            out.pixels[y * nw + x] = Color32::from_rgba_premultiplied(c[0], c[1], c[2], c[3]);
        }
    }
    // The font atlas's top-left texel is the white every solid shape samples: kept as it is,
    // or every fill and line would come out faint.
    out.pixels[0] = image.pixels[0];
    out
}

/// Grey squares behind a transparent figure, as image editors show transparency.
fn checkerboard(painter: &egui::Painter, rect: Rect) {
    let side = 8.0;
    painter.rect_filled(rect, 0.0, Color32::from_gray(250));
    let cols = (rect.width() / side).ceil() as usize;
    let rows = (rect.height() / side).ceil() as usize;
    for r in 0..rows {
        for c in (r % 2..cols).step_by(2) {
            let min = rect.min + egui::vec2(c as f32 * side, r as f32 * side);
            let cell = Rect::from_min_size(min, egui::vec2(side, side)).intersect(rect);
            painter.rect_filled(cell, 0.0, Color32::from_gray(225));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_texture_too_large_for_the_window_is_shrunk_keeping_the_white_texel() {
        let mut image = egui::ColorImage::filled([10, 4], Color32::TRANSPARENT);
        image.pixels[0] = Color32::WHITE;
        for p in &mut image.pixels[10..20] {
            *p = Color32::from_gray(200);
        }
        let small = shrink_to(image.clone(), 4);
        assert_eq!(small.size, [4, 2]);
        assert_eq!(small.pixels[0], Color32::WHITE, "solid fills stay solid");
        assert_eq!(
            shrink_to(image.clone(), 10).size,
            [10, 4],
            "fits: unchanged"
        );
        // Each pixel is the mean of its square (here 3x3: the grey row is a third of it).
        let c = small.pixels[1];
        assert!(c.r() > 50 && c.r() < 80, "{c:?}");
    }
}
