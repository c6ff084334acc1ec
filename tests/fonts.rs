//! The bundled CJK subset covers every non-ASCII character of the built-in dataset, so its names
//! never render as boxes (regenerate the subset with assets/fonts/make_subset.sh when this fails).

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::figure::CJK_SUBSET_FONT;

#[test]
fn the_bundled_font_subset_covers_the_builtin_dataset() {
    let face = ttf_parser::Face::parse(CJK_SUBSET_FONT, 0).expect("the bundled font parses");
    let missing: std::collections::BTreeSet<char> = BUILTIN_RON
        .chars()
        .filter(|c| !c.is_ascii() && face.glyph_index(*c).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "characters of data.ron missing from the subset: {missing:?}"
    );
    // And it really holds the Chinese names (a subset of nothing would pass the loop above
    // only if data.ron had no CJK; it has).
    assert!(face.glyph_index('阿').is_some());
}
