//! A figure's egui shapes ([`crate::figure::scene`]) flattened into what a vector file draws:
//! paths, circles, rectangles, images and runs of text with each glyph where egui placed it,
//! each with its clip rectangle. The SVG and PDF writers both read this list, so the two look
//! the same as the PNG, which tessellates the very same shapes.

use egui::epaint::{ClippedShape, Shape, TextShape};
use egui::{Color32, Pos2, Rect};

use super::faces::Faces;

/// A stroke: width in points and colour.
pub type Line = Option<(f32, Color32)>;

/// One glyph of a [`TextRun`].
#[derive(Clone, Debug, PartialEq)]
pub struct RunGlyph {
    /// The character.
    pub chr: char,
    /// Its glyph id in the run's face.
    pub id: u16,
    /// Left edge, in points from the run's origin.
    pub x: f32,
    /// Advance width in points.
    pub advance: f32,
}

/// Glyphs of one row of text in one face, size and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The characters.
    pub text: String,
    /// Face number in [`Faces`]; `None` when no face has these characters.
    pub face: Option<usize>,
    /// Font size in points.
    pub size: f32,
    /// Colour.
    pub color: Color32,
    /// Baseline start in page points (before `angle`).
    pub origin: Pos2,
    /// Rotation in radians, clockwise, around `pivot`.
    pub angle: f32,
    /// Centre of the rotation.
    pub pivot: Pos2,
    /// The glyphs, left to right.
    pub glyphs: Vec<RunGlyph>,
    /// Width from the first glyph's left edge to the last one's right edge.
    pub width: f32,
    /// The row's box in page points (before `angle`): for layout checks.
    pub row_rect: Rect,
}

/// Something a vector file draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A polyline or polygon.
    Path {
        /// Its points.
        points: Vec<Pos2>,
        /// Whether the last point joins the first.
        closed: bool,
        /// Fill (closed paths).
        fill: Option<Color32>,
        /// Outline.
        stroke: Line,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: Pos2,
        /// Radius.
        radius: f32,
        /// Fill.
        fill: Option<Color32>,
        /// Outline.
        stroke: Line,
    },
    /// A rectangle with rounded corners.
    Rect {
        /// The rectangle.
        rect: Rect,
        /// Corner radius.
        radius: f32,
        /// Fill.
        fill: Option<Color32>,
        /// Outline.
        stroke: Line,
    },
    /// Part of an image (the dense markers): `uv` (0..1) of texture `texture` drawn over `rect`.
    Image {
        /// The texture (see [`crate::figure::scene::Scene::images`]).
        texture: egui::TextureId,
        /// Where it is drawn.
        rect: Rect,
        /// The part of the image drawn.
        uv: Rect,
    },
    /// Text.
    Text(TextRun),
}

/// An item and the rectangle it is clipped to.
#[derive(Clone, Debug, PartialEq)]
pub struct Clipped {
    /// Clip rectangle in page points.
    pub clip: Rect,
    /// What is drawn.
    pub item: Item,
}

fn visible(c: Color32) -> Option<Color32> {
    (c.a() > 0).then_some(c)
}

fn line(width: f32, c: Color32) -> Line {
    (width > 0.0 && c.a() > 0).then_some((width, c))
}

/// A flattened curve as a path.
fn curve(
    points: Vec<Pos2>,
    closed: bool,
    fill: Color32,
    stroke: &egui::epaint::PathStroke,
) -> Item {
    Item::Path {
        points,
        closed,
        fill: if closed { visible(fill) } else { None },
        stroke: match &stroke.color {
            egui::epaint::ColorMode::Solid(c) => line(stroke.width, *c),
            egui::epaint::ColorMode::UV(_) => None,
        },
    }
}

/// The part `uv` (0..1) of `image`, or `None` when it is empty.
pub fn image_part(image: &egui::ColorImage, uv: Rect) -> Option<egui::ColorImage> {
    let [w, h] = image.size;
    let x0 = ((uv.min.x * w as f32).round() as usize).min(w);
    let x1 = ((uv.max.x * w as f32).round() as usize).clamp(x0, w);
    let y0 = ((uv.min.y * h as f32).round() as usize).min(h);
    let y1 = ((uv.max.y * h as f32).round() as usize).clamp(y0, h);
    if x1 == x0 || y1 == y0 {
        return None;
    }
    let mut part = egui::ColorImage::filled([x1 - x0, y1 - y0], Color32::TRANSPARENT);
    for (row, y) in (y0..y1).enumerate() {
        part.pixels[row * (x1 - x0)..(row + 1) * (x1 - x0)]
            .copy_from_slice(&image.pixels[y * w + x0..y * w + x1]);
    }
    Some(part)
}

/// Flattens `shapes` in paint order.
pub fn flatten(shapes: &[ClippedShape], faces: &mut Faces) -> Vec<Clipped> {
    let mut out = Vec::new();
    for s in shapes {
        flatten_shape(&s.shape, s.clip_rect, faces, &mut out);
    }
    out
}

fn flatten_shape(shape: &Shape, clip: Rect, faces: &mut Faces, out: &mut Vec<Clipped>) {
    let mut push = |item| out.push(Clipped { clip, item });
    match shape {
        Shape::Noop | Shape::Callback(_) => {}
        Shape::Vec(v) => {
            for s in v {
                flatten_shape(s, clip, faces, out);
            }
        }
        Shape::Circle(c) => push(Item::Circle {
            center: c.center,
            radius: c.radius,
            fill: visible(c.fill),
            stroke: line(c.stroke.width, c.stroke.color),
        }),
        Shape::Ellipse(e) => {
            let points = (0..48)
                .map(|i| {
                    let t = i as f32 / 48.0 * std::f32::consts::TAU;
                    e.center + egui::vec2(e.radius.x * t.cos(), e.radius.y * t.sin())
                })
                .collect();
            push(Item::Path {
                points,
                closed: true,
                fill: visible(e.fill),
                stroke: line(e.stroke.width, e.stroke.color),
            });
        }
        Shape::LineSegment { points, stroke } => push(Item::Path {
            points: points.to_vec(),
            closed: false,
            fill: None,
            stroke: line(stroke.width, stroke.color),
        }),
        Shape::Path(p) => {
            let stroke = match &p.stroke.color {
                egui::epaint::ColorMode::Solid(c) => line(p.stroke.width, *c),
                // A colour per position: drawn in the colour of its middle.
                egui::epaint::ColorMode::UV(f) => {
                    let r = Rect::from_points(&p.points);
                    line(p.stroke.width, f(r, r.center()))
                }
            };
            push(Item::Path {
                points: p.points.clone(),
                closed: p.closed,
                fill: if p.closed { visible(p.fill) } else { None },
                stroke,
            });
        }
        Shape::Rect(r) => {
            if r.angle != 0.0 {
                let rot = egui::emath::Rot2::from_angle(r.angle);
                let c = r.rect.center();
                let points = [
                    r.rect.left_top(),
                    r.rect.right_top(),
                    r.rect.right_bottom(),
                    r.rect.left_bottom(),
                ]
                .map(|p| c + rot * (p - c))
                .to_vec();
                push(Item::Path {
                    points,
                    closed: true,
                    fill: visible(r.fill),
                    stroke: line(r.stroke.width, r.stroke.color),
                });
            } else {
                push(Item::Rect {
                    rect: r.rect,
                    radius: f32::from(r.corner_radius.nw),
                    fill: visible(r.fill),
                    stroke: line(r.stroke.width, r.stroke.color),
                });
            }
        }
        Shape::Band(b) => {
            let mut points: Vec<Pos2> = b.points.iter().map(|p| egui::pos2(p.x, p.y.min)).collect();
            points.extend(b.points.iter().rev().map(|p| egui::pos2(p.x, p.y.max)));
            push(Item::Path {
                points,
                closed: true,
                fill: visible(b.fill),
                stroke: line(b.stroke.width, b.stroke.color),
            });
        }
        Shape::QuadraticBezier(q) => push(curve(q.flatten(Some(0.1)), q.closed, q.fill, &q.stroke)),
        Shape::CubicBezier(q) => push(curve(q.flatten(Some(0.1)), q.closed, q.fill, &q.stroke)),
        Shape::Mesh(mesh) => {
            if mesh.texture_id != egui::TextureId::default() {
                // An image: the bounds of its vertices and of their texture coordinates.
                let rect =
                    Rect::from_points(&mesh.vertices.iter().map(|v| v.pos).collect::<Vec<_>>());
                let uv = Rect::from_points(&mesh.vertices.iter().map(|v| v.uv).collect::<Vec<_>>());
                push(Item::Image {
                    texture: mesh.texture_id,
                    rect,
                    uv,
                });
            } else {
                for t in mesh.indices.chunks_exact(3) {
                    let v = t.iter().map(|&i| mesh.vertices[i as usize]);
                    let points: Vec<Pos2> = v.clone().map(|v| v.pos).collect();
                    let fill = v.map(|v| v.color).next().and_then(visible);
                    push(Item::Path {
                        points,
                        closed: true,
                        fill,
                        stroke: None,
                    });
                }
            }
        }
        Shape::Text(t) => {
            for run in text_runs(t, faces) {
                push(Item::Text(run));
            }
        }
    }
}

/// The runs of a text shape: per row, consecutive glyphs of one face, size and colour, at the
/// positions egui laid them out.
pub fn text_runs(t: &TextShape, faces: &mut Faces) -> Vec<TextRun> {
    let galley = &t.galley;
    let job = &galley.job;
    // Each glyph is one character of the text without its line breaks (an ellipsis at the end
    // of a cut text takes the place of the characters it replaces).
    let mut char_fonts: Vec<&egui::FontId> = Vec::new();
    for (at, c) in job.text.char_indices() {
        if c == '\n' {
            continue;
        }
        let section = job
            .sections
            .iter()
            .find(|s| s.byte_range.start.0 <= at && at < s.byte_range.end.0)
            .or(job.sections.last());
        if let Some(s) = section {
            char_fonts.push(&s.format.font_id);
        }
    }
    let fallback_font = egui::FontId::default();
    let mut runs = Vec::new();
    let mut k = 0usize;
    for placed in &galley.rows {
        let row = &placed.row;
        let mut current: Option<TextRun> = None;
        for g in &row.glyphs {
            let font = char_fonts
                .get(k.min(char_fonts.len().saturating_sub(1)))
                .copied()
                .unwrap_or(&fallback_font);
            k += 1;
            let mut color = row
                .visuals
                .mesh
                .vertices
                .get(g.first_vertex as usize)
                .map_or(t.fallback_color, |v| v.color);
            if color == Color32::PLACEHOLDER {
                color = t.fallback_color;
            }
            if let Some(c) = t.override_text_color {
                color = c;
            }
            if t.opacity_factor < 1.0 {
                color = color.gamma_multiply(t.opacity_factor);
            }
            let resolved = faces.resolve(&font.family, g.chr);
            let face = resolved.map(|(f, _)| f);
            let id = resolved.map_or(0, |(_, id)| id);
            let pos = t.pos + placed.pos.to_vec2() + g.pos.to_vec2();
            let blank = g.chr.is_whitespace();
            let same = current.as_ref().is_some_and(|r| {
                (r.face == face || blank) && r.size == font.size && (r.color == color || blank)
            });
            if !same && let Some(r) = current.take() {
                runs.push(r);
            }
            let run = current.get_or_insert_with(|| TextRun {
                text: String::new(),
                face,
                size: font.size,
                color,
                origin: pos,
                angle: t.angle,
                pivot: t.pos,
                glyphs: Vec::new(),
                width: 0.0,
                row_rect: placed.rect().translate(t.pos.to_vec2()),
            });
            run.text.push(g.chr);
            run.glyphs.push(RunGlyph {
                chr: g.chr,
                id,
                x: pos.x - run.origin.x,
                advance: g.advance_width,
            });
            run.width = pos.x + g.advance_width - run.origin.x;
        }
        runs.extend(current.take());
    }
    // Runs of blanks only draw nothing.
    runs.retain(|r| !r.text.trim().is_empty());
    for r in &mut runs {
        split_ligatures(r, faces);
    }
    runs
}

/// egui shapes ligatures ("fi") as one glyph with the whole advance followed by zero-width
/// glyphs for the other characters; the vector files draw each character's own glyph, so the
/// ligature's advance is shared among them in proportion to their own advances.
fn split_ligatures(run: &mut TextRun, faces: &Faces) {
    let Some(face) = run.face else {
        return;
    };
    let n = run.glyphs.len();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && run.glyphs[j].advance == 0.0 && !run.glyphs[j].chr.is_whitespace() {
            j += 1;
        }
        if j > i + 1 {
            let natural: Vec<f32> = run.glyphs[i..j]
                .iter()
                .map(|g| faces.advance_em(face, g.id).unwrap_or(0.0) * run.size)
                .collect();
            let sum: f32 = natural.iter().sum();
            let total = run.glyphs[i].advance;
            if sum > 0.0 && total > 0.0 {
                let mut x = run.glyphs[i].x;
                for (g, a) in run.glyphs[i..j].iter_mut().zip(natural) {
                    g.x = x;
                    g.advance = a * total / sum;
                    x += g.advance;
                }
            }
        }
        i = j;
    }
}

/// The box of a run's glyphs in page points (for overlap checks): its width and its row's
/// height, rotated boxes as their bounds.
pub fn run_box(r: &TextRun) -> Rect {
    let b = Rect::from_min_max(
        egui::pos2(r.origin.x, r.row_rect.min.y),
        egui::pos2(r.origin.x + r.width, r.row_rect.max.y),
    );
    if r.angle == 0.0 {
        return b;
    }
    let rot = egui::emath::Rot2::from_angle(r.angle);
    let pts = [
        b.left_top(),
        b.right_top(),
        b.right_bottom(),
        b.left_bottom(),
    ]
    .map(|p| r.pivot + rot * (p - r.pivot));
    Rect::from_points(&pts)
}
