//! The font faces a figure's text is drawn with, as egui picks them: for each character the
//! first face of its family that has a glyph for it (egui's defaults, then the bundled CJK
//! subset, then the system fonts the scene's context discovered for characters those lack).
//! The vector exports name these faces (SVG) or embed them (PDF); `missing_glyph_names` lists
//! the names no face can draw (they show boxes).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use egui::epaint::text::FontInsert;

use crate::figure::font_definitions;
use crate::figure::scene::Scene;

/// One font face of the figure's fonts.
pub struct Face {
    /// egui's name for it ("Ubuntu-Light", "noto-sans-sc-subset").
    pub key: String,
    /// Its family name as the font itself says ("Ubuntu", "Noto Sans SC").
    pub family_name: String,
    /// Its weight (400 regular, 300 light).
    pub weight: u16,
    /// The font file.
    pub bytes: egui::epaint::text::Blob,
    /// The face's index in a collection.
    pub index: u32,
}

impl Face {
    /// The font file's bytes.
    pub fn data(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }
}

/// The figure's faces and which one draws a character.
pub struct Faces {
    faces: Vec<Face>,
    /// How many of `faces` are the bundled ones (the discovered system fonts follow).
    bundled: usize,
    families: BTreeMap<egui::FontFamily, Vec<usize>>,
    cache: HashMap<(egui::FontFamily, char), Option<(usize, u16)>>,
}

impl Default for Faces {
    fn default() -> Self {
        Self::new()
    }
}

impl Faces {
    /// The faces the figure installs ([`crate::figure::install_fonts`]), without any
    /// discovered system font.
    pub fn new() -> Self {
        Self::with_discovered(&[])
    }

    /// The faces `ctx` drew with: the bundled ones and the system fonts it discovered so far.
    pub fn of_context(ctx: &egui::Context) -> Self {
        let found = ctx.fonts(|f| f.discovered_fonts().to_vec());
        Self::with_discovered(&found)
    }

    /// The faces of a laid-out figure (see [`Faces::of_context`]).
    pub fn of_scene(scene: &Scene) -> Self {
        Self::of_context(&scene.ctx)
    }

    /// Adds the fonts `ctx` discovered that are not here yet (a second context, as the PDF's
    /// Sources page, may have found others), after the ones already known.
    pub fn add_discovered_of(&mut self, ctx: &egui::Context) {
        let found = ctx.fonts(|f| f.discovered_fonts().to_vec());
        for insert in &found {
            if self.faces.iter().any(|f| f.key == insert.name) {
                continue;
            }
            let Some(face) = parse_face(&insert.name, &insert.data) else {
                continue;
            };
            let i = self.faces.len();
            self.faces.push(face);
            for fam in &insert.families {
                self.families.entry(fam.family.clone()).or_default().push(i);
            }
        }
        self.cache.clear();
    }

    /// The bundled faces, then `discovered` (egui appends each to the families it names).
    fn with_discovered(discovered: &[FontInsert]) -> Self {
        let defs = font_definitions();
        let mut faces = Vec::new();
        let mut index_of = HashMap::new();
        for (key, data) in &defs.font_data {
            let Some(face) = parse_face(key, data) else {
                continue;
            };
            index_of.insert(key.clone(), faces.len());
            faces.push(face);
        }
        let mut families: BTreeMap<egui::FontFamily, Vec<usize>> = defs
            .families
            .iter()
            .map(|(family, keys)| {
                let list = keys.iter().filter_map(|k| index_of.get(k).copied());
                (family.clone(), list.collect())
            })
            .collect();
        let bundled = faces.len();
        for insert in discovered {
            let Some(face) = parse_face(&insert.name, &insert.data) else {
                continue;
            };
            let i = faces.len();
            faces.push(face);
            for fam in &insert.families {
                families.entry(fam.family.clone()).or_default().push(i);
            }
        }
        Self {
            faces,
            bundled,
            families,
            cache: HashMap::new(),
        }
    }

    /// Face number `i`.
    pub fn face(&self, i: usize) -> &Face {
        &self.faces[i]
    }

    /// How many of [`Faces::all`] are the bundled faces (system fonts come after them).
    pub fn bundled(&self) -> usize {
        self.bundled
    }

    /// All faces.
    pub fn all(&self) -> &[Face] {
        &self.faces
    }

    /// The advance of glyph `id` of face `face`, in ems.
    pub fn advance_em(&self, face: usize, id: u16) -> Option<f32> {
        let f = &self.faces[face];
        let parsed = ttf_parser::Face::parse(f.data(), f.index).ok()?;
        let adv = parsed.glyph_hor_advance(ttf_parser::GlyphId(id))?;
        Some(f32::from(adv) / f32::from(parsed.units_per_em().max(1)))
    }

    /// The face that draws `c` in `family` and its glyph id there; `None` when no face has it
    /// (egui draws a replacement box).
    pub fn resolve(&mut self, family: &egui::FontFamily, c: char) -> Option<(usize, u16)> {
        if let Some(hit) = self.cache.get(&(family.clone(), c)) {
            return *hit;
        }
        let order = self
            .families
            .get(family)
            .or_else(|| self.families.get(&egui::FontFamily::Proportional))
            .cloned()
            .unwrap_or_default();
        let hit = order.into_iter().find_map(|i| {
            let f = &self.faces[i];
            let face = ttf_parser::Face::parse(f.data(), f.index).ok()?;
            face.glyph_index(c).map(|g| (i, g.0))
        });
        self.cache.insert((family.clone(), c), hit);
        hit
    }
}

/// A face of a font file, named `key`; `None` when the file does not parse.
fn parse_face(key: &str, data: &egui::FontData) -> Option<Face> {
    let bytes = data.font.clone();
    let face = ttf_parser::Face::parse((*bytes).as_ref(), data.index).ok()?;
    let family_name = face
        .names()
        .into_iter()
        .filter(|n| {
            n.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
                || n.name_id == ttf_parser::name_id::FAMILY
        })
        .filter_map(|n| n.to_string())
        .next()
        .unwrap_or_else(|| key.to_owned());
    Some(Face {
        key: key.to_owned(),
        family_name,
        weight: face.weight().to_number(),
        bytes,
        index: data.index,
    })
}

/// Most names [`missing_glyph_names`] lists; the rest are counted.
pub const MISSING_NAMES_SHOWN: usize = 12;

/// The words of the figure's texts that hold a character no font of the figure has (neither
/// the bundled fonts nor a system font found for it): they show replacement boxes in every
/// format. Each once, in the order drawn.
pub fn missing_glyph_names(scene: &Scene) -> Vec<String> {
    let mut faces = Faces::of_scene(scene);
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    for s in scene.shapes() {
        missing_in_shape(&s.shape, &mut faces, &mut found, &mut seen);
    }
    found
}

fn missing_in_shape(
    shape: &egui::Shape,
    faces: &mut Faces,
    found: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) {
    match shape {
        egui::Shape::Vec(v) => {
            for s in v {
                missing_in_shape(s, faces, found, seen);
            }
        }
        egui::Shape::Text(t) => {
            let job = &t.galley.job;
            for section in &job.sections {
                let range = section.byte_range.start.0..section.byte_range.end.0;
                let Some(text) = job.text.get(range) else {
                    continue;
                };
                let family = &section.format.font_id.family;
                for word in text.split_whitespace() {
                    let missing = word.chars().any(|c| {
                        !c.is_control() && !is_invisible(c) && faces.resolve(family, c).is_none()
                    });
                    let word = word.trim_matches(|c: char| c.is_ascii_punctuation());
                    if missing && !word.is_empty() && seen.insert(word.to_owned()) {
                        found.push(word.to_owned());
                    }
                }
            }
        }
        _ => {}
    }
}

/// Characters drawn as nothing (joiners, variation selectors): never a box.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}')
}

/// "These names will show boxes: A, B and 3 more (no font on this computer has their
/// characters)", or `None` when every name can be drawn.
pub fn missing_glyph_warning(names: &[String]) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let shown: Vec<&str> = names
        .iter()
        .take(MISSING_NAMES_SHOWN)
        .map(String::as_str)
        .collect();
    let more = names.len().saturating_sub(MISSING_NAMES_SHOWN);
    let list = if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    };
    Some(format!(
        "These names will show boxes: {list} (no font on this computer has their characters; \
         install a font for their script, such as Noto Sans, to draw them)"
    ))
}
