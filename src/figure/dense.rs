//! Many points, few pixels: above [`DENSE_MIN`] filled markers a plot draws its markers as one
//! image rasterized on the CPU at the screen's (or the export's) pixel density for the bounds
//! shown, instead of one vector circle per point. Every point still lands on its own pixel, so
//! zoom and pan stay exact; only what the pixels could not show anyway is merged.
//!
//! The window keeps the image for a region larger than the view (half a view on every side), so
//! panning moves the cached picture and re-rasterizes only when the view leaves that region or
//! the zoom changes.

use std::sync::Arc;

use egui::{Color32, ColorImage};
use egui_plot::PlotPoint;

/// From this many filled markers on, a plot draws them as an image.
pub const DENSE_MIN: usize = 20_000;

/// The markers of one legend group.
#[derive(Clone, Debug)]
pub struct DenseGroup {
    /// Legend name (the group's label).
    pub name: String,
    /// Fill colour.
    pub color: Color32,
    /// Marker radius in points.
    pub radius: f32,
    /// Positions in plot coordinates.
    pub points: Vec<[f64; 2]>,
}

/// All markers drawn as an image, in drawing order (later groups on top).
#[derive(Clone, Debug, Default)]
pub struct DenseLayer {
    /// The groups.
    pub groups: Vec<DenseGroup>,
    /// Extent of all points: `[min_x, min_y, max_x, max_y]`.
    pub extent: Option<[f64; 4]>,
}

impl DenseLayer {
    /// Number of markers.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.points.len()).sum()
    }

    /// Whether there is no marker.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Recomputes [`DenseLayer::extent`].
    pub fn update_extent(&mut self) {
        let mut e: Option<[f64; 4]> = None;
        for p in self.groups.iter().flat_map(|g| &g.points) {
            let [x, y] = *p;
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            e = Some(match e {
                None => [x, y, x, y],
                Some([a, b, c, d]) => [a.min(x), b.min(y), c.max(x), d.max(y)],
            });
        }
        self.extent = e;
    }
}

/// A disk's pixels around its centre: offsets and coverage (0..=255), anti-aliased at the rim.
fn disk(radius_px: f32) -> Vec<(i32, i32, u8)> {
    let r = radius_px.max(0.5);
    let reach = (r + 1.0).ceil() as i32;
    let mut out = Vec::new();
    for dy in -reach..=reach {
        for dx in -reach..=reach {
            let d = ((dx * dx + dy * dy) as f32).sqrt();
            let cover = (r + 0.5 - d).clamp(0.0, 1.0);
            if cover > 0.0 {
                out.push((dx, dy, (cover * 255.0).round() as u8));
            }
        }
    }
    out
}

/// Blends premultiplied `src` scaled by `cover` over `dst`.
#[inline]
fn blend(dst: &mut Color32, src: Color32, cover: u8) {
    if cover == 255 && src.a() == 255 {
        *dst = src;
        return;
    }
    let c = u32::from(cover);
    let s = |v: u8| (u32::from(v) * c + 127) / 255;
    let (sr, sg, sb, sa) = (s(src.r()), s(src.g()), s(src.b()), s(src.a()));
    let inv = 255 - sa;
    let d = |v: u8, sv: u32| (sv + (u32::from(v) * inv + 127) / 255).min(255) as u8;
    *dst = Color32::from_rgba_premultiplied(
        d(dst.r(), sr),
        d(dst.g(), sg),
        d(dst.b(), sb),
        d(dst.a(), sa),
    );
}

/// Rasterizes the visible groups (`visible(name)`) for plot `region` (`[min_x, min_y, max_x,
/// max_y]` in plot coordinates, y up) onto a transparent image of `size` pixels, markers of
/// `radius * pixels_per_point` pixels.
pub fn rasterize(
    layer: &DenseLayer,
    visible: &dyn Fn(&str) -> bool,
    region: [f64; 4],
    size: [usize; 2],
    pixels_per_point: f32,
) -> ColorImage {
    let [w, h] = size;
    let mut pixels = vec![Color32::TRANSPARENT; w * h];
    let [x0, _, x1, y1] = region;
    let (sx, sy) = (w as f64 / (x1 - x0), h as f64 / (y1 - region[1]));
    if !(w > 0 && h > 0 && sx.is_finite() && sy.is_finite() && sx > 0.0 && sy > 0.0) {
        return ColorImage::new([w, h], pixels);
    }
    let groups: Vec<&DenseGroup> = layer.groups.iter().filter(|g| visible(&g.name)).collect();
    // Groups' coverage masks are independent: a few at a time on the machine's cores, then
    // blended in drawing order (later groups on top).
    let cores = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .max(1);
    for chunk in groups.chunks(cores) {
        let masks: Vec<(Color32, usize, Vec<u8>)> = if chunk.len() == 1 {
            vec![coverage(
                chunk[0],
                region,
                [w, h],
                [sx, sy],
                pixels_per_point,
            )]
        } else {
            std::thread::scope(|scope| {
                let jobs: Vec<_> = chunk
                    .iter()
                    .map(|g| {
                        scope.spawn(move || coverage(g, region, [w, h], [sx, sy], pixels_per_point))
                    })
                    .collect();
                jobs.into_iter()
                    .map(|j| j.join().expect("a coverage job does not panic"))
                    .collect()
            })
        };
        for (color, pad, mask) in masks {
            let mw = w + 2 * pad;
            for y in 0..h {
                let row = &mask[(y + pad) * mw + pad..(y + pad) * mw + pad + w];
                for (x, &cover) in row.iter().enumerate() {
                    if cover == 0 {
                        continue;
                    }
                    let px = &mut pixels[y * w + x];
                    if cover == 255 && color.a() == 255 {
                        *px = color;
                    } else {
                        blend(px, color, cover);
                    }
                }
            }
        }
    }
    ColorImage::new([w, h], pixels)
}

/// One group's coverage of a `size` image of `region` (`scale` pixels per unit): a crowd of
/// points on one pixel costs one disk, and a pixel under many disks keeps the largest coverage.
/// The mask has a rim of `pad` pixels (returned) so that disks of points just outside still
/// reach in.
fn coverage(
    g: &DenseGroup,
    region: [f64; 4],
    [w, h]: [usize; 2],
    [sx, sy]: [f64; 2],
    pixels_per_point: f32,
) -> (Color32, usize, Vec<u8>) {
    let [x0, _, _, y1] = region;
    let disk = disk(g.radius * pixels_per_point);
    let reach = f64::from((g.radius * pixels_per_point).ceil() + 1.0);
    let r = reach as usize;
    let pad = 2 * r;
    let (mw, mh) = (w + 2 * pad, h + 2 * pad);
    let (wf, hf) = (w as f64, h as f64);
    // Points per pixel: a pixel's shade grows with the log of its count, so crowds show
    // darker (brighter on dark) than lone points instead of one solid block.
    let mut hits = vec![0u32; mw * mh];
    for &[x, y] in &g.points {
        let px = (x - x0) * sx;
        let py = (y1 - y) * sy;
        if !(px >= -reach && px < wf + reach && py >= -reach && py < hf + reach) {
            continue;
        }
        let ix = (px.floor() as isize + pad as isize) as usize;
        let iy = (py.floor() as isize + pad as isize) as usize;
        hits[iy * mw + ix] += 1;
    }
    let most = hits.iter().copied().max().unwrap_or(0);
    let stamp: Vec<(isize, u8)> = disk
        .iter()
        .map(|&(dx, dy, c)| (dy as isize * mw as isize + dx as isize, c))
        .collect();
    let mut mask = vec![0u8; mw * mh];
    for (at, &n) in hits.iter().enumerate().filter(|(_, n)| **n > 0) {
        let shade = density_shade(n, most);
        for &(off, cover) in &stamp {
            let m = &mut mask[(at as isize + off) as usize];
            *m = (*m).max(((u32::from(cover) * u32::from(shade) + 127) / 255) as u8);
        }
    }
    (g.color, pad, mask)
}

/// The opacity (0..=255) of a pixel holding `n` of a group's points when the most crowded pixel
/// holds `most`: a lone point at 35%, the most crowded pixel opaque, log-scaled between.
pub fn density_shade(n: u32, most: u32) -> u8 {
    if n == 0 {
        return 0;
    }
    if most <= 1 {
        return 255;
    }
    let t = (n as f32).ln() / (most as f32).ln();
    (255.0 * (0.35 + 0.65 * t.clamp(0.0, 1.0))).round() as u8
}

/// The key's words for the density shading in the light or `dark` theme.
pub fn density_key(dark: bool) -> &'static str {
    if dark {
        "Shading: brighter, more points on the pixel (dense layer, 20 000 points and more)"
    } else {
        "Shading: darker, more points on the pixel (dense layer, 20 000 points and more)"
    }
}

/// The cached image of a dense layer in one plot.
#[derive(Clone)]
pub struct DenseImage {
    /// What it was made for: the layer's identity, hidden groups, pixels per point.
    pub key: (usize, Vec<String>, u32),
    /// Plot region the image covers.
    pub region: [f64; 4],
    /// Pixels per plot unit (x, y) it was rasterized at.
    pub density: [f64; 2],
    /// The image, in tiles no larger than the GPU's largest texture, each with the plot
    /// region it covers (`[min_x, min_y, max_x, max_y]`).
    pub tiles: Vec<(egui::TextureHandle, [f64; 4])>,
}

/// Whether `image` can show `view` at `density` pixels per unit: same key, the view inside the
/// cached region and the zoom unchanged.
pub fn covers(
    image: &DenseImage,
    key: &(usize, Vec<String>, u32),
    view: [f64; 4],
    density: [f64; 2],
) -> bool {
    let same_zoom = (0..2).all(|i| {
        let (a, b) = (image.density[i], density[i]);
        (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
    });
    &image.key == key
        && same_zoom
        && view[0] >= image.region[0]
        && view[1] >= image.region[1]
        && view[2] <= image.region[2]
        && view[3] <= image.region[3]
}

/// The dense markers as an image shape over the plot frame, from the cache when it still
/// covers the view at this zoom.
pub fn dense_image_shape(
    ctx: &egui::Context,
    cached: &mut Option<DenseImage>,
    dense: &Arc<DenseLayer>,
    hidden: Vec<String>,
    transform: &egui_plot::PlotTransform,
    interactive: bool,
) -> Option<egui::Shape> {
    let frame = *transform.frame();
    let ppp = ctx.pixels_per_point();
    let b = transform.bounds();
    let view = [b.min()[0], b.min()[1], b.max()[0], b.max()[1]];
    let (w_px, h_px) = (
        (frame.width() * ppp).round().max(1.0),
        (frame.height() * ppp).round().max(1.0),
    );
    if !(b.width() > 0.0 && b.height() > 0.0 && b.is_finite()) {
        return None;
    }
    let density = [f64::from(w_px) / b.width(), f64::from(h_px) / b.height()];
    let key = (Arc::as_ptr(dense) as usize, hidden, ppp.to_bits());
    let fresh = cached
        .as_ref()
        .is_some_and(|img| covers(img, &key, view, density));
    if !fresh {
        // The window rasterizes half a view more on every side so that panning reuses it; not
        // while zooming (each zoom step needs a new image anyway).
        let zooming = cached.as_ref().is_some_and(|img| {
            (0..2).any(|i| (img.density[i] - density[i]).abs() > 1e-6 * density[i].abs())
        });
        let margin = if interactive && !zooming { 0.5 } else { 0.0 };
        let max_side = 4096.0;
        let mx = (margin * f64::from(w_px))
            .min((max_side - f64::from(w_px)) / 2.0)
            .max(0.0);
        let my = (margin * f64::from(h_px))
            .min((max_side - f64::from(h_px)) / 2.0)
            .max(0.0);
        let (mx, my) = (mx.floor(), my.floor());
        let region = [
            view[0] - mx / density[0],
            view[1] - my / density[1],
            view[2] + mx / density[0],
            view[3] + my / density[1],
        ];
        let size = [
            (f64::from(w_px) + 2.0 * mx) as usize,
            (f64::from(h_px) + 2.0 * my) as usize,
        ];
        let hidden = &key.1;
        let image = rasterize(
            dense,
            &|n| !hidden.contains(&n.to_owned()),
            region,
            size,
            ppp,
        );
        // Cut into tiles no side of which exceeds what the GPU takes.
        let max_tex = ctx.input(|i| i.max_texture_side).max(256);
        let [w, h] = image.size;
        let (nx, ny) = (w.div_ceil(max_tex).max(1), h.div_ceil(max_tex).max(1));
        let mut tiles = Vec::with_capacity(nx * ny);
        let mut whole = Some(image);
        let mut old: Vec<egui::TextureHandle> = cached
            .take()
            .map(|i| i.tiles.into_iter().map(|(t, _)| t).collect())
            .unwrap_or_default();
        for ty in 0..ny {
            for tx in 0..nx {
                let (x0, y0) = (tx * w / nx, ty * h / ny);
                let (x1, y1) = ((tx + 1) * w / nx, (ty + 1) * h / ny);
                let tile = if nx * ny == 1 {
                    whole.take().unwrap_or_default()
                } else {
                    let image = whole.as_ref().expect("kept until the last tile");
                    let mut t = egui::ColorImage::filled([x1 - x0, y1 - y0], Color32::TRANSPARENT);
                    for (row, y) in (y0..y1).enumerate() {
                        t.pixels[row * (x1 - x0)..(row + 1) * (x1 - x0)]
                            .copy_from_slice(&image.pixels[y * w + x0..y * w + x1]);
                    }
                    t
                };
                // Tile region in plot coordinates (y up: image rows grow downwards).
                let tr = [
                    region[0] + x0 as f64 / density[0],
                    region[3] - y1 as f64 / density[1],
                    region[0] + x1 as f64 / density[0],
                    region[3] - y0 as f64 / density[1],
                ];
                let texture = match old.pop() {
                    Some(mut t) => {
                        t.set(tile, egui::TextureOptions::NEAREST);
                        t
                    }
                    None => ctx.load_texture("dense-markers", tile, egui::TextureOptions::NEAREST),
                };
                tiles.push((texture, tr));
            }
        }
        *cached = Some(DenseImage {
            key,
            region,
            density,
            tiles,
        });
    }
    let img = cached.as_ref()?;
    // The part of each tile inside the frame, with matching texture coordinates.
    let mut shapes = Vec::new();
    for (texture, [rx0, ry0, rx1, ry1]) in &img.tiles {
        let full =
            transform.rect_from_values(&PlotPoint::new(*rx0, *ry0), &PlotPoint::new(*rx1, *ry1));
        let shown = full.intersect(frame);
        if !shown.is_positive() {
            continue;
        }
        let uv = egui::Rect::from_min_max(
            egui::pos2(
                (shown.min.x - full.min.x) / full.width(),
                (shown.min.y - full.min.y) / full.height(),
            ),
            egui::pos2(
                (shown.max.x - full.min.x) / full.width(),
                (shown.max.y - full.min.y) / full.height(),
            ),
        );
        let mut mesh = egui::Mesh::with_texture(texture.id());
        mesh.add_rect_with_uv(shown, uv, Color32::WHITE);
        shapes.push(egui::Shape::mesh(mesh));
    }
    (!shapes.is_empty()).then(|| egui::Shape::Vec(shapes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(points: Vec<[f64; 2]>) -> DenseLayer {
        let mut l = DenseLayer {
            groups: vec![DenseGroup {
                name: "a".into(),
                color: Color32::RED,
                radius: 1.0,
                points,
            }],
            extent: None,
        };
        l.update_extent();
        l
    }

    #[test]
    fn each_point_lands_on_its_own_pixel() {
        let l = layer(vec![[0.5, 9.5], [9.5, 0.5]]);
        let img = rasterize(&l, &|_| true, [0.0, 0.0, 10.0, 10.0], [10, 10], 0.5);
        // y up: (0.5, 9.5) is the top-left pixel, (9.5, 0.5) the bottom-right one.
        assert_eq!(img.pixels[0], Color32::RED);
        assert_eq!(img.pixels[99], Color32::RED);
        assert_eq!(img.pixels[50].a(), 0);
        assert_eq!(l.extent, Some([0.5, 0.5, 9.5, 9.5]));
    }

    #[test]
    fn hidden_groups_and_points_outside_are_not_drawn() {
        let l = layer(vec![[5.0, 5.0], [50.0, 50.0], [f64::NAN, 1.0]]);
        let none = rasterize(&l, &|_| false, [0.0, 0.0, 10.0, 10.0], [10, 10], 1.0);
        assert!(none.pixels.iter().all(|p| p.a() == 0));
        let some = rasterize(&l, &|_| true, [0.0, 0.0, 10.0, 10.0], [10, 10], 1.0);
        let lit = some.pixels.iter().filter(|p| p.a() > 0).count();
        assert!((4..=16).contains(&lit), "{lit}");
    }

    #[test]
    fn higher_density_gives_larger_disks() {
        let l = layer(vec![[5.0, 5.0]]);
        let lit = |ppp: f32| {
            rasterize(&l, &|_| true, [0.0, 0.0, 10.0, 10.0], [40, 40], ppp)
                .pixels
                .iter()
                .filter(|p| p.a() > 0)
                .count()
        };
        assert!(lit(2.0) > 2 * lit(1.0));
    }

    #[test]
    fn crowded_pixels_are_shaded_more_than_lone_points() {
        assert_eq!(density_shade(0, 10), 0);
        assert_eq!(density_shade(1, 1), 255);
        assert!(density_shade(1, 1000) < density_shade(10, 1000));
        assert!(density_shade(10, 1000) < density_shade(1000, 1000));
        assert_eq!(density_shade(1000, 1000), 255);
        // A crowd and a lone point of one group, rasterized: the crowd's pixel is more opaque.
        let mut pts = vec![[0.25, 0.25]; 500];
        pts.push([0.75, 0.75]);
        let img = rasterize(&layer(pts), &|_| true, [0.0, 0.0, 1.0, 1.0], [40, 40], 1.0);
        let alpha = |x: usize, y: usize| img.pixels[y * 40 + x].a();
        assert!(
            alpha(10, 30) > alpha(30, 10),
            "{} {}",
            alpha(10, 30),
            alpha(30, 10)
        );
    }

    #[test]
    fn degenerate_regions_give_an_empty_image() {
        let l = layer(vec![[5.0, 5.0]]);
        let img = rasterize(&l, &|_| true, [1.0, 1.0, 1.0, 1.0], [10, 10], 1.0);
        assert!(img.pixels.iter().all(|p| p.a() == 0));
        let img = rasterize(&l, &|_| true, [0.0, 0.0, 10.0, 10.0], [0, 0], 1.0);
        assert!(img.pixels.is_empty());
    }
}
