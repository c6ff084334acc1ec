//! A figure's scene as SVG: shapes as vector paths, text as real `<text>` (one element per run
//! of a row, at egui's positions, with its `textLength` so a viewer that substitutes the font
//! keeps the layout), the dense-marker layer as an embedded PNG `<image>`, and `<title>`,
//! `<desc>` (the alt texts) and `<metadata>` (Dublin Core: sources, dataset, software).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use base64::Engine as _;
use egui::{Color32, Rect};

use super::ExportError;
use super::faces::Faces;
use super::metadata::FigureMetadata;
use super::png_file::encode_png_with;
use super::shapes::{Clipped, Item, Line, TextRun, flatten, image_part};
use crate::figure::scene::Scene;

/// Escapes text for XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A number with at most two decimals, no trailing zeros.
fn num(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// ` name="#rrggbb"` and its opacity when not opaque.
fn paint(name: &str, c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let mut s = format!(" {name}=\"#{r:02x}{g:02x}{b:02x}\"");
    if a < 255 {
        let _ = write!(s, " {name}-opacity=\"{}\"", num(f32::from(a) / 255.0));
    }
    s
}

fn fill_stroke(fill: Option<Color32>, stroke: Line) -> String {
    let mut s = match fill {
        Some(c) => paint("fill", c),
        None => " fill=\"none\"".to_owned(),
    };
    if let Some((w, c)) = stroke {
        s.push_str(&paint("stroke", c));
        let _ = write!(s, " stroke-width=\"{}\"", num(w));
    }
    s
}

/// The CSS font list of a run: its face's family, then the bundled CJK font's names and the
/// system fonts found for other scripts, then any sans-serif.
fn font_family(faces: &Faces, run: &TextRun) -> (String, u16) {
    let mut names: Vec<String> = Vec::new();
    let mut weight = 400;
    if let Some(f) = run.face {
        let face = faces.face(f);
        names.push(face.family_name.clone());
        weight = face.weight;
    }
    // Then the bundled CJK font's names and any system font the scene drew other names with.
    let discovered = faces
        .all()
        .iter()
        .skip(faces.bundled())
        .map(|f| f.family_name.as_str());
    for extra in ["Ubuntu", "Noto Sans SC", "Noto Sans CJK SC"]
        .into_iter()
        .chain(discovered)
    {
        if !names.iter().any(|n| n == extra) {
            names.push(extra.to_owned());
        }
    }
    let mut list: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    list.push("sans-serif".to_owned());
    (xml_escape(&list.join(", ")), weight)
}

fn text_element(out: &mut String, faces: &Faces, run: &TextRun) {
    let (family, weight) = font_family(faces, run);
    // Every glyph at egui's position (viewers that ignore `textLength` keep the layout too).
    let xs: Vec<String> = run.glyphs.iter().map(|g| num(run.origin.x + g.x)).collect();
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-family=\"{family}\" font-size=\"{}\"",
        xs.join(" "),
        num(run.origin.y),
        num(run.size)
    );
    if weight != 400 {
        let _ = write!(out, " font-weight=\"{weight}\"");
    }
    out.push_str(&paint("fill", run.color));
    let _ = write!(
        out,
        " textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
        num(run.width)
    );
    if run.angle != 0.0 {
        let _ = write!(
            out,
            " transform=\"rotate({} {} {})\"",
            num(run.angle.to_degrees()),
            num(run.pivot.x),
            num(run.pivot.y)
        );
    }
    let _ = writeln!(
        out,
        " xml:space=\"preserve\">{}</text>",
        xml_escape(&run.text)
    );
}

fn metadata_element(out: &mut String, meta: &FigureMetadata) {
    let e = xml_escape;
    let _ = writeln!(
        out,
        "<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><rdf:Description rdf:about=\"\">"
    );
    let _ = writeln!(out, "<dc:title>{}</dc:title>", e(&meta.title));
    let _ = writeln!(
        out,
        "<dc:description>{}</dc:description>",
        e(&meta.alt.long)
    );
    let _ = writeln!(
        out,
        "<dc:subject>{}</dc:subject>",
        e(&meta.keywords.join(", "))
    );
    for s in &meta.sources {
        let _ = writeln!(out, "<dc:source>{}</dc:source>", e(s));
    }
    let _ = writeln!(
        out,
        "<dc:relation>Dataset: {}</dc:relation>",
        e(&meta.dataset_line())
    );
    if !meta.dataset_date.is_empty() {
        let _ = writeln!(out, "<dc:date>{}</dc:date>", e(&meta.dataset_date));
    }
    let _ = writeln!(out, "<dc:creator>{}</dc:creator>", e(&meta.software));
    out.push_str("</rdf:Description></rdf:RDF></metadata>\n");
}

/// Writes `scene` as an SVG document carrying `meta`.
pub fn scene_to_svg(scene: &Scene, meta: &FigureMetadata) -> Result<String, ExportError> {
    let mut faces = Faces::of_scene(scene);
    let items = flatten(scene.shapes(), &mut faces);
    let images: HashMap<egui::TextureId, Arc<egui::ColorImage>> = scene.images();
    let page = Rect::from_min_size(egui::Pos2::ZERO, scene.size_points);
    let (w, h) = (num(page.width()), num(page.height()));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"figure-title figure-desc\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"figure-title\">{}</title>",
        xml_escape(&meta.title)
    );
    let _ = writeln!(
        out,
        "<desc id=\"figure-desc\">{}\n\n{}</desc>",
        xml_escape(&meta.alt.short),
        xml_escape(&meta.alt.long)
    );
    metadata_element(&mut out, meta);
    // Clip rectangles other than the page.
    let mut clips: Vec<Rect> = Vec::new();
    for c in &items {
        let r = c.clip.intersect(page);
        if r != page && !clips.contains(&r) {
            clips.push(r);
        }
    }
    if !clips.is_empty() {
        out.push_str("<defs>\n");
        for (i, r) in clips.iter().enumerate() {
            let _ = writeln!(
                out,
                "<clipPath id=\"clip{i}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
                num(r.min.x),
                num(r.min.y),
                num(r.width().max(0.0)),
                num(r.height().max(0.0))
            );
        }
        out.push_str("</defs>\n");
    }
    if scene.background.a() > 0 {
        let _ = writeln!(
            out,
            "<rect width=\"100%\" height=\"100%\"{}/>",
            paint("fill", scene.background)
        );
    }
    let mut open: Option<usize> = None;
    for Clipped { clip, item } in &items {
        let r = clip.intersect(page);
        let want = clips.iter().position(|c| *c == r);
        if want != open {
            if open.is_some() {
                out.push_str("</g>\n");
            }
            if let Some(i) = want {
                let _ = writeln!(out, "<g clip-path=\"url(#clip{i})\">");
            }
            open = want;
        }
        if !r.is_positive() {
            continue;
        }
        match item {
            Item::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                if points.len() < 2 || (fill.is_none() && stroke.is_none()) {
                    continue;
                }
                let mut d = String::with_capacity(points.len() * 12);
                for (i, p) in points.iter().enumerate() {
                    let _ = write!(
                        d,
                        "{}{} {}",
                        if i == 0 { "M" } else { " L" },
                        num(p.x),
                        num(p.y)
                    );
                }
                if *closed {
                    d.push_str(" Z");
                }
                let _ = writeln!(out, "<path d=\"{d}\"{}/>", fill_stroke(*fill, *stroke));
            }
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>",
                    num(center.x),
                    num(center.y),
                    num(*radius),
                    fill_stroke(*fill, *stroke)
                );
            }
            Item::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => {
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                let rx = if *radius > 0.0 {
                    format!(" rx=\"{}\"", num(*radius))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{rx}{}/>",
                    num(rect.min.x),
                    num(rect.min.y),
                    num(rect.width().max(0.0)),
                    num(rect.height().max(0.0)),
                    fill_stroke(*fill, *stroke)
                );
            }
            Item::Image { texture, rect, uv } => {
                let Some(image) = images.get(texture) else {
                    continue;
                };
                let Some(part) = image_part(image, *uv) else {
                    continue;
                };
                let png = encode_png_with(&part, None)?;
                let _ = writeln!(
                    out,
                    "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" \
                     image-rendering=\"optimizeQuality\" href=\"data:image/png;base64,{}\"/>",
                    num(rect.min.x),
                    num(rect.min.y),
                    num(rect.width()),
                    num(rect.height()),
                    base64::engine::general_purpose::STANDARD.encode(png)
                );
            }
            Item::Text(run) => text_element(&mut out, &faces, run),
        }
    }
    if open.is_some() {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    Ok(out)
}
