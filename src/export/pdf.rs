//! A figure's scene as PDF with `krilla`: shapes as vector paths, text as real text (each glyph
//! of egui's fonts placed where egui laid it out, the fonts subset and embedded, so the text is
//! selectable and searchable), the dense-marker layer as an image; then a "Sources" page with the
//! complete source list (laid out by egui's text layout too), and the document info: title,
//! subject (the alt text), keywords, creator (the software and its version).

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Pos2, Rect};
use krilla::Document;
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId};

use super::ExportError;
use super::faces::Faces;
use super::metadata::FigureMetadata;
use super::shapes::{Clipped, Item, Line, TextRun, flatten, image_part};
use crate::figure::install_export_fonts;
use crate::figure::scene::Scene;

fn failed(reason: String) -> ExportError {
    ExportError::Render(format!("PDF: {reason}"))
}

/// A glyph at an absolute position along its run.
struct Placed {
    id: u16,
    range: std::ops::Range<usize>,
    /// Advance to the next glyph in ems of the run's font size.
    advance_em: f32,
}

impl krilla::text::Glyph for Placed {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.id))
    }
    fn text_range(&self) -> std::ops::Range<usize> {
        self.range.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance_em * size
    }
    fn x_offset(&self, _size: f32) -> f32 {
        0.0
    }
    fn y_offset(&self, _size: f32) -> f32 {
        0.0
    }
    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

fn rgb(c: Color32) -> (krilla::paint::Paint, NormalizedF32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (
        krilla::color::rgb::Color::new(r, g, b).into(),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

fn set_paint(surface: &mut Surface<'_>, fill: Option<Color32>, stroke: Line) {
    surface.set_fill(fill.map(|c| {
        let (paint, opacity) = rgb(c);
        Fill {
            paint,
            opacity,
            rule: FillRule::NonZero,
        }
    }));
    surface.set_stroke(stroke.map(|(width, c)| {
        let (paint, opacity) = rgb(c);
        Stroke {
            paint,
            width,
            opacity,
            ..Default::default()
        }
    }));
}

/// Fills and strokes the path built in `pb`.
fn draw(surface: &mut Surface<'_>, pb: PathBuilder, fill: Option<Color32>, stroke: Line) {
    if let Some(path) = pb.finish() {
        set_paint(surface, fill, stroke);
        surface.draw_path(&path);
    }
}

/// Cubic Bézier handle length of a quarter circle.
const KAPPA: f32 = 0.552_284_8;

fn rounded_rect(pb: &mut PathBuilder, r: Rect, radius: f32) {
    let k = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    let c = k * KAPPA;
    let (x0, y0, x1, y1) = (r.min.x, r.min.y, r.max.x, r.max.y);
    pb.move_to(x0 + k, y0);
    pb.line_to(x1 - k, y0);
    pb.cubic_to(x1 - k + c, y0, x1, y0 + k - c, x1, y0 + k);
    pb.line_to(x1, y1 - k);
    pb.cubic_to(x1, y1 - k + c, x1 - k + c, y1, x1 - k, y1);
    pb.line_to(x0 + k, y1);
    pb.cubic_to(x0 + k - c, y1, x0, y1 - k + c, x0, y1 - k);
    pb.line_to(x0, y0 + k);
    pb.cubic_to(x0, y0 + k - c, x0 + k - c, y0, x0 + k, y0);
    pb.close();
}

fn circle(pb: &mut PathBuilder, c: Pos2, r: f32) {
    rounded_rect(
        pb,
        Rect::from_center_size(c, egui::vec2(2.0 * r, 2.0 * r)),
        r,
    );
}

fn rect_path(r: Rect) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(krilla::geom::Rect::from_ltrb(
        r.min.x, r.min.y, r.max.x, r.max.y,
    )?);
    pb.finish()
}

/// Draws the runs and shapes of one page.
struct Painter<'a> {
    faces: &'a Faces,
    fonts: HashMap<usize, Font>,
    images: HashMap<egui::TextureId, Arc<egui::ColorImage>>,
}

impl Painter<'_> {
    fn font(&mut self, face: usize) -> Option<Font> {
        if let Some(f) = self.fonts.get(&face) {
            return Some(f.clone());
        }
        let f = self.faces.face(face);
        let font = Font::new(krilla::Data::from(f.data().to_vec()), f.index)?;
        self.fonts.insert(face, font.clone());
        Some(font)
    }

    fn text(&mut self, surface: &mut Surface<'_>, run: &TextRun, shift: egui::Vec2) {
        let Some(face) = run.face else {
            return;
        };
        let Some(font) = self.font(face) else {
            return;
        };
        let mut glyphs = Vec::with_capacity(run.glyphs.len());
        let mut at = 0;
        for (i, g) in run.glyphs.iter().enumerate() {
            let next = run.glyphs.get(i + 1).map_or(g.x + g.advance, |n| n.x);
            let len = g.chr.len_utf8();
            glyphs.push(Placed {
                id: g.id,
                range: at..at + len,
                advance_em: (next - g.x) / run.size.max(0.1),
            });
            at += len;
        }
        set_paint(surface, Some(run.color), None);
        let rotated = run.angle != 0.0;
        if rotated {
            let p = run.pivot + shift;
            surface.push_transform(&Transform::from_rotate_at(run.angle.to_degrees(), p.x, p.y));
        }
        let o = run.origin + shift;
        surface.draw_glyphs(
            Point::from_xy(o.x, o.y),
            &glyphs,
            font,
            &run.text,
            run.size,
            false,
        );
        if rotated {
            surface.pop();
        }
    }

    fn item(&mut self, surface: &mut Surface<'_>, item: &Item) -> Result<(), ExportError> {
        match item {
            Item::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                if points.len() < 2 || (fill.is_none() && stroke.is_none()) {
                    return Ok(());
                }
                let mut pb = PathBuilder::new();
                pb.move_to(points[0].x, points[0].y);
                for p in &points[1..] {
                    pb.line_to(p.x, p.y);
                }
                if *closed {
                    pb.close();
                }
                draw(surface, pb, *fill, *stroke);
            }
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let mut pb = PathBuilder::new();
                circle(&mut pb, *center, *radius);
                draw(surface, pb, *fill, *stroke);
            }
            Item::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => {
                if fill.is_none() && stroke.is_none() || !rect.is_positive() {
                    return Ok(());
                }
                let mut pb = PathBuilder::new();
                rounded_rect(&mut pb, *rect, *radius);
                draw(surface, pb, *fill, *stroke);
            }
            Item::Image { texture, rect, uv } => {
                let Some(image) = self.images.get(texture) else {
                    return Ok(());
                };
                let Some(part) = image_part(image, *uv) else {
                    return Ok(());
                };
                let [w, h] = part.size;
                let mut rgba = Vec::with_capacity(w * h * 4);
                for p in &part.pixels {
                    rgba.extend_from_slice(&p.to_srgba_unmultiplied());
                }
                let img = krilla::image::Image::from_rgba8(rgba, w as u32, h as u32);
                let Some(size) = Size::from_wh(rect.width(), rect.height()) else {
                    return Ok(());
                };
                surface.push_transform(&Transform::from_translate(rect.min.x, rect.min.y));
                surface.draw_image(img, size);
                surface.pop();
            }
            Item::Text(run) => self.text(surface, run, egui::Vec2::ZERO),
        }
        Ok(())
    }
}

/// Draws `items` clipped as egui clips them.
fn draw_items(
    painter: &mut Painter<'_>,
    surface: &mut Surface<'_>,
    items: &[Clipped],
    page: Rect,
) -> Result<(), ExportError> {
    let mut open: Option<Rect> = None;
    for Clipped { clip, item } in items {
        let r = clip.intersect(page);
        let want = (r != page).then_some(r);
        if want != open {
            if open.is_some() {
                surface.pop();
            }
            open = None;
            if let Some(r) = want {
                let Some(path) = rect_path(r) else {
                    continue;
                };
                surface.push_clip_path(&path, &FillRule::NonZero);
                open = Some(r);
            }
        }
        painter.item(surface, item)?;
    }
    if open.is_some() {
        surface.pop();
    }
    Ok(())
}

/// The "Sources" page's text runs, laid out by egui at `width` points, from the top.
fn sources_runs(meta: &FigureMetadata, width: f32, faces: &mut Faces) -> Vec<TextRun> {
    let ctx = egui::Context::default();
    install_export_fonts(&ctx);
    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    ctx.set_theme(egui::Theme::Light);
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(width, 200_000.0),
        )),
        ..Default::default()
    };
    let mut out = None;
    // The first pass loads the fonts.
    for _ in 0..2 {
        let mut pass = ctx.run_ui(input.clone(), |ui| {
            let frame = egui::Frame::new().inner_margin(egui::Margin::same(36));
            egui::CentralPanel::default().frame(frame).show(ui, |ui| {
                ui.label(egui::RichText::new("Sources").strong().size(16.0));
                ui.label(format!("{}: {}", meta.title, meta.source_line));
                ui.add_space(6.0);
                for (i, s) in meta.sources.iter().enumerate() {
                    ui.label(format!("{}. {s}", i + 1));
                }
                ui.add_space(6.0);
                ui.weak(format!("Dataset: {}", meta.dataset_line()));
                ui.weak(format!("Made with {}", meta.software));
            });
        });
        pass.textures_delta.clear();
        out = Some(pass);
    }
    let shapes = out.map(|o| o.shapes).unwrap_or_default();
    faces.add_discovered_of(&ctx);
    flatten(&shapes, faces)
        .into_iter()
        .filter_map(|c| match c.item {
            Item::Text(run) => Some(run),
            _ => None,
        })
        .collect()
}

/// Writes `scene` as a PDF: the figure on page 1 at its size in points, the complete source
/// list on the pages after it, and `meta` as document info.
pub fn scene_to_pdf(scene: &Scene, meta: &FigureMetadata) -> Result<Vec<u8>, ExportError> {
    let mut faces = Faces::of_scene(scene);
    let items = flatten(scene.shapes(), &mut faces);
    let sources = sources_runs(meta, scene.size_points.x.max(400.0), &mut faces);
    let mut painter = Painter {
        faces: &faces,
        fonts: HashMap::new(),
        images: scene.images(),
    };
    let page = Rect::from_min_size(Pos2::ZERO, scene.size_points);
    let size = Size::from_wh(page.width(), page.height())
        .ok_or_else(|| failed("the page has no size".to_owned()))?;
    let mut doc = Document::new();
    {
        let mut p = doc.start_page_with(PageSettings::new(size));
        let mut surface = p.surface();
        if scene.background.a() > 0
            && let Some(path) = rect_path(page)
        {
            set_paint(&mut surface, Some(scene.background), None);
            surface.draw_path(&path);
        }
        draw_items(&mut painter, &mut surface, &items, page)?;
        surface.finish();
        p.finish();
    }
    // Sources pages: as wide as the figure, A4's proportions at least 600 points high, the
    // rows cut into pages between rows.
    let width = scene.size_points.x.max(400.0);
    let height = (width * 1.414).max(600.0);
    let margin = 36.0;
    let usable = height - 2.0 * margin;
    let mut pages: Vec<Vec<(TextRun, f32)>> = Vec::new();
    let mut offset = 0.0f32;
    let mut last_top = f32::NEG_INFINITY;
    for run in sources {
        let top = run.row_rect.min.y - margin;
        let bottom = run.row_rect.max.y - margin;
        if bottom - offset > usable && top > last_top {
            offset = top;
            pages.push(Vec::new());
        }
        last_top = last_top.max(top);
        if pages.is_empty() {
            pages.push(Vec::new());
        }
        let shift = -offset;
        pages.last_mut().expect("pushed").push((run, shift));
    }
    let size = Size::from_wh(width, height).ok_or_else(|| failed("no page size".to_owned()))?;
    for runs in &pages {
        let mut p = doc.start_page_with(PageSettings::new(size));
        let mut surface = p.surface();
        for (run, shift) in runs {
            painter.text(&mut surface, run, egui::vec2(0.0, *shift));
        }
        surface.finish();
        p.finish();
    }
    let mut keywords = meta.keywords.clone();
    if !meta.dataset.is_empty() {
        keywords.push(format!("Dataset: {}", meta.dataset_line()));
    }
    let info = krilla::metadata::Metadata::new()
        .title(meta.title.clone())
        .description(meta.alt.short.clone())
        .keywords(keywords)
        .creator(meta.software.clone())
        .producer(format!("krilla, {}", meta.software))
        .language("en".to_owned());
    doc.set_metadata(info);
    doc.finish().map_err(|e| failed(format!("{e:?}")))
}
