//! Colours that stay distinguishable for colour-blind readers (Okabe & Ito's palette), used
//! everywhere a country or a model family is coloured, so one country has one colour throughout;
//! and the colour of each group of a figure.

use egui::Color32;

use crate::plots::{GroupKind, PlotData};

/// Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
pub const OKABE_ITO: [Color32; 8] = [
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xF0, 0xE4, 0x42),
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0x99, 0x99, 0x99),
];

/// Grey, for unknown values.
pub const UNKNOWN: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);

/// The colour of a country. The countries of this dataset's story have fixed colours; any other
/// country gets one from its name, the same on every run.
pub fn country_color(country: &str) -> Color32 {
    match country {
        "China" => OKABE_ITO[5],
        "United States" => OKABE_ITO[4],
        "France" => OKABE_ITO[2],
        "United Kingdom" => OKABE_ITO[6],
        "" => UNKNOWN,
        other => OKABE_ITO[stable_hash(other) % 7],
    }
}

/// The colour of a model family, from its id (stable across runs and edits of other records).
pub fn family_color(family_id: &str) -> Color32 {
    OKABE_ITO[stable_hash(family_id) % 7]
}

/// FNV-1a: a hash that does not change between runs or Rust versions.
fn stable_hash(s: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % 1_000_003) as usize
}

/// The ring around figures in a recorded conflict (magenta: in no palette, readable on light
/// and dark).
pub const CONFLICT_RING: Color32 = Color32::from_rgb(0xE0, 0x1E, 0xC8);

/// The colour of a mark's group.
pub fn group_color(kind: GroupKind, group: &str) -> Color32 {
    match kind {
        GroupKind::Country => country_color(group),
        GroupKind::Family => family_color(group),
        GroupKind::Metric | GroupKind::Series => family_color(group),
    }
}

/// The colour of each group of `data`: countries and families keep their own colours
/// everywhere; metrics and series take the palette in legend order.
pub fn group_colors(data: &PlotData) -> std::collections::HashMap<String, Color32> {
    let mut out = std::collections::HashMap::new();
    let mut next = 0;
    for e in &data.legend {
        let Some(g) = &e.group else {
            continue;
        };
        let c = match data.group_kind {
            GroupKind::Country | GroupKind::Family => group_color(data.group_kind, g),
            GroupKind::Metric | GroupKind::Series => {
                next += 1;
                OKABE_ITO[(next - 1) % OKABE_ITO.len()]
            }
        };
        out.insert(g.clone(), c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_stable_and_distinct_for_the_main_countries() {
        assert_eq!(country_color("China"), country_color("China"));
        assert_ne!(country_color("China"), country_color("United States"));
        assert_eq!(country_color(""), UNKNOWN);
        assert_eq!(family_color("qwen"), family_color("qwen"));
    }
}
