//! Presets: known files recognised by their header names (never their order), each filling a
//! mapping and the defaults of the source record the import creates (title, publisher, licence
//! and credit).

use super::fields::{Field, ImportKind};
use super::mapping::{ColumnMap, Mapping, Target};

/// A known kind of file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// The name typed after `--preset`.
    pub name: &'static str,
    /// What files it is for, in a line.
    pub description: &'static str,
    /// What the rows become.
    pub kind: ImportKind,
    /// Headers that must all be present for the preset to be detected.
    pub keys: &'static [&'static str],
    /// Each field with the headers that may hold it (the first present one is used) and what a
    /// bare number in it counts.
    pub columns: &'static [(Field, &'static [&'static str], Option<f64>)],
    /// Headers kept in the notes of new records.
    pub notes: &'static [&'static str],
    /// The source record's title.
    pub title: &'static str,
    /// Its publisher.
    pub publisher: &'static str,
    /// Licence and credit, kept in the source's notes.
    pub license: &'static str,
}

const EPOCH_LICENSE: &str = "Epoch AI data, CC BY 4.0 (credit: Epoch AI)";

/// Every preset, in the order `--list-presets` prints them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "epoch-models",
        description: "Epoch AI's model tables (notable, large-scale, frontier): Model, Organization, Publication date, Parameters...",
        kind: ImportKind::Models,
        keys: &["Model", "Organization", "Publication date"],
        columns: &[
            (Field::Name, &["Model"], None),
            (Field::Developer, &["Organization"], None),
            (Field::Country, &["Country (of organization)"], None),
            (Field::ReleaseDate, &["Publication date"], None),
            (Field::Openness, &["Model accessibility"], None),
            (Field::TotalParams, &["Parameters"], None),
        ],
        notes: &["Domain", "Task", "Link"],
        title: "Epoch AI, AI models table",
        publisher: "Epoch AI",
        license: EPOCH_LICENSE,
    },
    Preset {
        name: "epoch-organizations",
        description: "Epoch AI's organizations table: Organization, Country, Organization categorization",
        kind: ImportKind::Organizations,
        keys: &["Organization", "Organization categorization"],
        columns: &[
            (Field::Name, &["Organization"], None),
            (Field::Country, &["Country"], None),
            (Field::OrgCategory, &["Organization categorization"], None),
        ],
        notes: &["Info"],
        title: "Epoch AI, organizations table",
        publisher: "Epoch AI",
        license: EPOCH_LICENSE,
    },
    Preset {
        name: "huggingface-models",
        description: "Hugging Face model API JSON (id, author, createdAt...) and snapshots of it (name, provider, parameters_raw, release_date...)",
        kind: ImportKind::Models,
        keys: &[],
        columns: &[
            (Field::Name, &["name", "id", "modelId"], None),
            (Field::Developer, &["provider", "author"], None),
            (Field::ReleaseDate, &["release_date", "createdAt"], None),
            (
                Field::TotalParams,
                &["parameters_raw", "safetensors.total"],
                None,
            ),
            (Field::ActiveParams, &["active_parameters"], None),
            (Field::License, &["cardData.license", "license"], None),
            (Field::ContextLength, &["context_length"], None),
        ],
        notes: &["pipeline_tag", "architecture"],
        title: "Hugging Face model list",
        publisher: "Hugging Face",
        license: "",
    },
];

impl Preset {
    /// The preset named `name`.
    pub fn by_name(name: &str) -> Option<&'static Preset> {
        PRESETS
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Whether a file with these headers is one this preset is for.
    pub fn fits(&self, headers: &[String]) -> bool {
        let has = |h: &str| headers.iter().any(|x| x.trim() == h);
        if self.name == "huggingface-models" {
            // The API writes `id` and `downloads`; snapshots of it `name` and `hf_downloads`.
            return (has("id") && has("downloads") && (has("author") || has("createdAt")))
                || (has("name") && has("hf_downloads") && has("provider"));
        }
        !self.keys.is_empty() && self.keys.iter().all(|k| has(k))
    }

    /// The preset that fits these headers, if one does.
    pub fn detect(headers: &[String]) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.fits(headers))
    }

    /// The mapping this preset gives for these headers (columns the file lacks are left out).
    pub fn mapping(&self, headers: &[String]) -> Mapping {
        let mut m = Mapping::new(self.kind);
        m.name = self.name.to_owned();
        for (field, names, unit) in self.columns {
            if let Some(h) = names
                .iter()
                .find(|n| headers.iter().any(|h| h.trim() == **n))
            {
                m.columns.push(ColumnMap {
                    column: (*h).to_owned(),
                    target: Target::Field(*field),
                    bare_unit: *unit,
                });
            }
        }
        for n in self.notes {
            if headers.iter().any(|h| h.trim() == *n) {
                m.columns.push(ColumnMap {
                    column: (*n).to_owned(),
                    target: Target::Notes,
                    bare_unit: None,
                });
            }
        }
        m
    }
}
