//! Colours that stay distinguishable for colour-blind readers (Okabe & Ito's palette), used
//! everywhere a country or a model family is coloured, so one country has one colour throughout;
//! the colour of each group of a figure (never two groups on one colour), and the contrast rules
//! (WCAG relative luminance) the figure's marks and texts meet in light and dark.

use std::collections::HashMap;

use egui::Color32;

use crate::plots::{GroupKind, OTHER_GROUP, PlotData};

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

/// The seven hues a figure's groups take (Okabe-Ito without its grey, which is for unknown
/// values and "Other").
const HUES: usize = 7;

/// Grey, for unknown values.
pub const UNKNOWN: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);

/// Contrast a mark keeps against the plot's background (WCAG: graphical objects).
pub const MARK_CONTRAST: f32 = 3.0;

/// Contrast a text keeps against what it is drawn on (WCAG AA: normal text).
pub const TEXT_CONTRAST: f32 = 4.5;

/// The palette index a country prefers. The countries of this dataset's story have fixed
/// colours; any other country one from its name, the same on every run.
fn country_index(country: &str) -> Option<usize> {
    Some(match country {
        "" => return None,
        "China" => 5,
        "United States" => 4,
        "France" => 2,
        "United Kingdom" => 6,
        "Canada" => 1,
        "Germany" => 0,
        "Japan" => 3,
        other => stable_hash(other) % HUES,
    })
}

/// The palette index a model family prefers (fixed for the families of the built-in data, from
/// the id otherwise: stable across runs and edits of other records).
fn family_index(family_id: &str) -> Option<usize> {
    Some(match family_id {
        "" => return None,
        "qwen" => 0,
        "llama" => 4,
        "deepseek" => 1,
        "gpt" => 2,
        "glm" => 3,
        "kimi" => 5,
        "mistral" => 6,
        other => stable_hash(other) % HUES,
    })
}

/// The colour of a country (lists and detail views; a figure takes [`group_colors`]).
pub fn country_color(country: &str) -> Color32 {
    country_index(country).map_or(UNKNOWN, |i| OKABE_ITO[i])
}

/// The colour of a model family, from its id (lists and detail views).
pub fn family_color(family_id: &str) -> Color32 {
    family_index(family_id).map_or(UNKNOWN, |i| OKABE_ITO[i])
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

/// WCAG relative luminance of an opaque colour (0 black, 1 white).
pub fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `c` (premultiplied, possibly translucent) as it shows over the opaque `bg`.
pub fn over(c: Color32, bg: Color32) -> Color32 {
    let inv = 255 - u32::from(c.a());
    let mix = |s: u8, d: u8| (u32::from(s) + (u32::from(d) * inv + 127) / 255).min(255) as u8;
    Color32::from_rgb(mix(c.r(), bg.r()), mix(c.g(), bg.g()), mix(c.b(), bg.b()))
}

/// `c` darkened (on a light `bg`) or lightened (on a dark one) just enough to reach `ratio`
/// against `bg`, keeping its hue.
pub fn with_contrast(c: Color32, bg: Color32, ratio: f32) -> Color32 {
    let target = if luminance(bg) > 0.18 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    for step in 0..=40 {
        let m = c.lerp_to_gamma(target, step as f32 / 40.0);
        if contrast(m, bg) >= ratio {
            return m;
        }
    }
    target
}

/// The background of the plot area in `theme` (marks are drawn on it).
pub fn plot_background(dark: bool) -> Color32 {
    visuals(dark).extreme_bg_color
}

/// The background of the figure around the plot in `theme` (titles, legend and notes).
pub fn figure_background(dark: bool) -> Color32 {
    visuals(dark).panel_fill
}

fn visuals(dark: bool) -> egui::Visuals {
    if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    }
}

/// The background of the two (plot area, figure) a colour has the least contrast with in the
/// light or `dark` theme, so a colour meeting a ratio against it meets it on both.
fn hardest_background(dark: bool) -> Color32 {
    let (a, b) = (plot_background(dark), figure_background(dark));
    // Dark marks on light backgrounds: the darker background is harder; light marks on dark
    // backgrounds: the lighter one.
    if (luminance(a) < luminance(b)) != dark {
        a
    } else {
        b
    }
}

/// The seven hues and the grey of a figure in the light or `dark` theme, each darkened or
/// lightened to [`MARK_CONTRAST`] against the figure's backgrounds.
pub fn figure_palette(dark: bool) -> [Color32; 8] {
    let bg = hardest_background(dark);
    OKABE_ITO.map(|c| with_contrast(c, bg, MARK_CONTRAST))
}

/// A group's colour `c` as the colour of a text (a value label) in the light or `dark` theme:
/// the same hue with [`TEXT_CONTRAST`] against the figure's backgrounds.
pub fn text_color_of(c: Color32, dark: bool) -> Color32 {
    with_contrast(c, hardest_background(dark), TEXT_CONTRAST)
}

/// The colour of the figure's secondary texts (subtitle, notes, source line) in the light or
/// `dark` theme: quieter than the main text, still [`TEXT_CONTRAST`] against the backgrounds.
pub fn weak_text_color(dark: bool) -> Color32 {
    let v = visuals(dark);
    let bg = hardest_background(dark);
    with_contrast(over(v.weak_text_color(), bg), bg, TEXT_CONTRAST)
}

/// The colour of each group of `data` in the light or `dark` theme: a country or family keeps
/// its own hue in every figure unless a larger group of the same figure has it already (then it
/// takes the next free hue), metrics and series take the hues in legend order; unknown values
/// and "Other" are grey. No two groups of one figure share a colour (the builder leaves at most
/// seven coloured groups, see [`crate::plots::MAX_COLOURED_GROUPS`]).
pub fn group_colors(data: &PlotData, dark: bool) -> HashMap<String, Color32> {
    let palette = figure_palette(dark);
    let mut groups: Vec<(&str, usize, usize)> = data
        .legend
        .iter()
        .enumerate()
        .filter_map(|(order, e)| e.group.as_deref().map(|g| (g, e.count, order)))
        .collect();
    // The largest groups choose first.
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let mut taken = [false; HUES];
    let mut out = HashMap::new();
    for (g, _, order) in groups {
        let preferred = match data.group_kind {
            _ if g == OTHER_GROUP => None,
            GroupKind::Country => country_index(g),
            GroupKind::Family => family_index(g),
            GroupKind::Metric | GroupKind::Series => Some(order % HUES),
        };
        let color = match preferred {
            None => palette[7],
            Some(p) => match (0..HUES).map(|k| (p + k) % HUES).find(|&i| !taken[i]) {
                Some(i) => {
                    taken[i] = true;
                    palette[i]
                }
                // More groups than hues (the builder prevents it): grey rather than a repeat.
                None => palette[7],
            },
        };
        out.insert(g.to_owned(), color);
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
        assert_ne!(family_color("qwen"), family_color("glm"));
    }

    #[test]
    fn the_figure_palette_meets_the_contrast_rules_in_both_themes() {
        for dark in [false, true] {
            let p = figure_palette(dark);
            for c in p {
                for bg in [plot_background(dark), figure_background(dark)] {
                    assert!(contrast(c, bg) >= MARK_CONTRAST, "{c:?} on {bg:?}");
                    let t = text_color_of(c, dark);
                    assert!(contrast(t, bg) >= TEXT_CONTRAST, "{t:?} on {bg:?}");
                    assert!(contrast(weak_text_color(dark), bg) >= TEXT_CONTRAST);
                }
            }
            for (i, a) in p.iter().enumerate() {
                assert!(p[i + 1..].iter().all(|b| b != a), "{a:?} twice");
            }
        }
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-6);
    }
}
