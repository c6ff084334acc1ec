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

/// The environment variable that names another folder for the user's presets (tests, scripts).
pub const PRESETS_DIR_VAR: &str = "AI_ADOPTION_EXPLORER_PRESETS_DIR";

/// Where the user's saved presets live: `import-presets` in the app's data folder, beside its
/// settings and recovery copy (or the folder [`PRESETS_DIR_VAR`] names).
pub fn user_presets_dir() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os(PRESETS_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(dir.into());
    }
    eframe::storage_dir("ai-adoption-explorer").map(|d| d.join("import-presets"))
}

/// A mapping the user saved as a named preset: one RON file per preset in the presets folder,
/// the same text `import --mapping FILE.ron` reads (so either can be passed to the other).
#[derive(Clone, Debug, PartialEq)]
pub struct UserPreset {
    /// Its name, as typed when saved (`--preset NAME` finds it).
    pub name: String,
    /// Its file.
    pub path: std::path::PathBuf,
    /// The mapping it holds.
    pub mapping: Mapping,
}

/// The presets saved in `dir`, by name; files that are not saved mappings are left out and
/// listed as problems ("FILE: why").
pub fn user_presets(dir: &std::path::Path) -> (Vec<UserPreset>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (found, problems);
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let read = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| Mapping::from_ron(&t));
        match read {
            Ok(mut mapping) => {
                if mapping.name.trim().is_empty() {
                    mapping.name = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                found.push(UserPreset {
                    name: mapping.name.clone(),
                    path,
                    mapping,
                });
            }
            Err(why) => problems.push(format!("{}: {why}", path.display())),
        }
    }
    found.sort_by_key(|p| p.name.to_lowercase());
    (found, problems)
}

/// The saved preset named `name` (case ignored) in `dir`.
pub fn user_preset(dir: &std::path::Path, name: &str) -> Option<UserPreset> {
    user_presets(dir)
        .0
        .into_iter()
        .find(|p| p.name.trim().eq_ignore_ascii_case(name.trim()))
}

/// Saves `mapping` as the preset `name` in `dir` (made if missing), atomically, replacing a
/// preset of that name. Errors say what to do: an empty name, a built-in preset's name, a folder
/// that cannot be written.
pub fn save_user_preset(
    dir: &std::path::Path,
    name: &str,
    mapping: &Mapping,
) -> Result<std::path::PathBuf, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Type a name for the preset first.".into());
    }
    if Preset::by_name(name).is_some() {
        return Err(format!(
            "\"{name}\" is the name of a built-in preset; choose another name."
        ));
    }
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        return Err("Use letters or digits in the preset's name.".into());
    }
    let mut saved = mapping.clone();
    saved.name = name.to_owned();
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("Cannot make the presets folder {}: {e}", dir.display()))?;
    // A preset of this name saved before under another file name is replaced, not doubled.
    let path = user_preset(dir, name)
        .map(|p| p.path)
        .unwrap_or_else(|| dir.join(format!("{stem}.ron")));
    crate::io::write_bytes_atomic(&path, saved.to_ron().as_bytes())
        .map_err(|e| format!("Cannot save the preset: {e}"))?;
    Ok(path)
}

#[cfg(test)]
mod user_tests {
    use super::*;

    #[test]
    fn a_saved_preset_reads_back_as_a_mapping_file() {
        let dir = tempfile::tempdir().unwrap();
        let headers: Vec<String> = ["Model", "Organization", "Publication date", "Parameters"]
            .map(String::from)
            .to_vec();
        let mapping = PRESETS[0].mapping(&headers);
        let path = save_user_preset(dir.path(), "My Epoch copy", &mapping).unwrap();
        assert_eq!(path.file_name().unwrap(), "my-epoch-copy.ron");
        // The file is what `--mapping` reads.
        let text = std::fs::read_to_string(&path).unwrap();
        let back = Mapping::from_ron(&text).unwrap();
        assert_eq!(back.columns, mapping.columns);
        assert_eq!(back.name, "My Epoch copy");
        let found = user_preset(dir.path(), "my epoch COPY").unwrap();
        assert_eq!(found.mapping, back);
        // Saving again under the same name replaces it.
        let mut other = mapping.clone();
        other.columns.pop();
        save_user_preset(dir.path(), "My Epoch copy", &other).unwrap();
        let (all, problems) = user_presets(dir.path());
        assert_eq!(all.len(), 1);
        assert!(problems.is_empty());
        assert_eq!(all[0].mapping.columns, other.columns);
    }

    #[test]
    fn a_preset_needs_its_own_name_and_bad_files_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let m = Mapping::new(ImportKind::Models);
        assert!(save_user_preset(dir.path(), "  ", &m).is_err());
        assert!(
            save_user_preset(dir.path(), "Epoch-Models", &m)
                .unwrap_err()
                .contains("built-in")
        );
        std::fs::write(dir.path().join("junk.ron"), "not a mapping").unwrap();
        let (all, problems) = user_presets(dir.path());
        assert!(all.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("junk.ron"));
    }
}
