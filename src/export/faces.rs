//! The font faces a figure's text is drawn with, as egui picks them: for each character the
//! first face of its family that has a glyph for it (egui's defaults, then the bundled CJK
//! subset). The vector exports name these faces (SVG) or embed them (PDF).

use std::collections::{BTreeMap, HashMap};

use crate::figure::font_definitions;

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
    families: BTreeMap<egui::FontFamily, Vec<usize>>,
    cache: HashMap<(egui::FontFamily, char), Option<(usize, u16)>>,
}

impl Default for Faces {
    fn default() -> Self {
        Self::new()
    }
}

impl Faces {
    /// The faces the figure installs ([`crate::figure::install_fonts`]).
    pub fn new() -> Self {
        let defs = font_definitions();
        let mut faces = Vec::new();
        let mut index_of = HashMap::new();
        for (key, data) in &defs.font_data {
            let bytes = data.font.clone();
            let Ok(face) = ttf_parser::Face::parse((*bytes).as_ref(), data.index) else {
                continue;
            };
            let family_name = face
                .names()
                .into_iter()
                .filter(|n| {
                    n.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
                        || n.name_id == ttf_parser::name_id::FAMILY
                })
                .filter_map(|n| n.to_string())
                .next()
                .unwrap_or_else(|| key.clone());
            index_of.insert(key.clone(), faces.len());
            faces.push(Face {
                key: key.clone(),
                family_name,
                weight: face.weight().to_number(),
                bytes,
                index: data.index,
            });
        }
        let families = defs
            .families
            .iter()
            .map(|(family, keys)| {
                let list = keys.iter().filter_map(|k| index_of.get(k).copied());
                (family.clone(), list.collect())
            })
            .collect();
        Self {
            faces,
            families,
            cache: HashMap::new(),
        }
    }

    /// Face number `i`.
    pub fn face(&self, i: usize) -> &Face {
        &self.faces[i]
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
