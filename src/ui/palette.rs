//! Colours that stay distinguishable for colour-blind readers (Okabe & Ito's palette), used
//! everywhere a country or a model family is coloured, so one country has one colour throughout.
//! They live in [`crate::figure::colors`] (the exported figures use them too).

pub use crate::figure::colors::{OKABE_ITO, UNKNOWN, country_color, family_color};
