//! Country names as the dataset writes them: the short English name ("United States"), so a
//! table that uses the official long form (Epoch AI's "United States of America") does not make
//! a second country beside the first in every count and colour.

/// Official long forms and the short names the dataset uses for them.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("United States of America", "United States"),
    ("USA", "United States"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        "United Kingdom",
    ),
    ("Korea (Republic of)", "South Korea"),
    ("Republic of Korea", "South Korea"),
    ("Russian Federation", "Russia"),
];

/// The dataset's name for a country cell: its short name where the cell gives an official long
/// form, the cell itself (trimmed) otherwise.
pub fn common_country_name(name: &str) -> String {
    let name = name.trim();
    SHORT_NAMES
        .iter()
        .find(|(long, _)| long.eq_ignore_ascii_case(name))
        .map_or(name, |(_, short)| short)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_forms_become_the_short_names_others_stay() {
        assert_eq!(
            common_country_name("United States of America"),
            "United States"
        );
        assert_eq!(
            common_country_name(" United Kingdom of Great Britain and Northern Ireland"),
            "United Kingdom"
        );
        assert_eq!(common_country_name("Korea (Republic of)"), "South Korea");
        assert_eq!(common_country_name("China"), "China");
        assert_eq!(common_country_name("Hong Kong"), "Hong Kong");
    }
}
