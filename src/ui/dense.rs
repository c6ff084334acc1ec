//! Many points, few pixels: above [`DENSE_MIN`] filled markers a plot draws its markers as one
//! image rasterized on the CPU at the screen's (or the export's) pixel density for the bounds
//! shown, instead of one vector circle per point. Every point still lands on its own pixel, so
//! zoom and pan stay exact; only what the pixels could not show anyway is merged.
//!
//! The window keeps the image for a region larger than the view (half a view on every side), so
//! panning moves the cached picture and re-rasterizes only when the view leaves that region or
//! the zoom changes.

use egui::{Color32, ColorImage};

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
    let mut hit = vec![false; mw * mh];
    let (wf, hf) = (w as f64, h as f64);
    for &[x, y] in &g.points {
        let px = (x - x0) * sx;
        let py = (y1 - y) * sy;
        if !(px >= -reach && px < wf + reach && py >= -reach && py < hf + reach) {
            continue;
        }
        let ix = (px.floor() as isize + pad as isize) as usize;
        let iy = (py.floor() as isize + pad as isize) as usize;
        hit[iy * mw + ix] = true;
    }
    let stamp: Vec<(isize, u8)> = disk
        .iter()
        .map(|&(dx, dy, c)| (dy as isize * mw as isize + dx as isize, c))
        .collect();
    let mut mask = vec![0u8; mw * mh];
    for (at, _) in hit.iter().enumerate().filter(|(_, h)| **h) {
        for &(off, cover) in &stamp {
            let m = &mut mask[(at as isize + off) as usize];
            *m = (*m).max(cover);
        }
    }
    (g.color, pad, mask)
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
    fn degenerate_regions_give_an_empty_image() {
        let l = layer(vec![[5.0, 5.0]]);
        let img = rasterize(&l, &|_| true, [1.0, 1.0, 1.0, 1.0], [10, 10], 1.0);
        assert!(img.pixels.iter().all(|p| p.a() == 0));
        let img = rasterize(&l, &|_| true, [0.0, 0.0, 10.0, 10.0], [0, 0], 1.0);
        assert!(img.pixels.is_empty());
    }
}
