//! What a file can become ([`ImportKind`]) and the fields a column can fill ([`Field`]), each
//! with its name for `--map COLUMN=FIELD`, its label, and how its cells are parsed.

use serde::{Deserialize, Serialize};

/// What the rows of a file become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportKind {
    /// One organization a row.
    Organizations,
    /// One model a row (its developers matched or created as organizations).
    Models,
    /// One adoption a row.
    Adoptions,
    /// One claim a row.
    Claims,
    /// Dated values: one row per date and value (long form), or one column per subject (wide).
    Series,
}

impl ImportKind {
    /// Every kind, as `--kind` lists them.
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Organizations,
        ImportKind::Models,
        ImportKind::Adoptions,
        ImportKind::Claims,
        ImportKind::Series,
    ];

    /// The name typed after `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Organizations => "organizations",
            ImportKind::Models => "models",
            ImportKind::Adoptions => "adoptions",
            ImportKind::Claims => "claims",
            ImportKind::Series => "series",
        }
    }

    /// The kind named `name` (as `--kind` takes it).
    pub fn from_name(name: &str) -> Option<ImportKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The fields a column can fill for this kind, in the order `--list-fields` prints them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Organizations => &[
                Id,
                Name,
                NativeName,
                Country,
                OrgCategory,
                Sector,
                Headquarters,
                Founded,
                Notes,
            ],
            ImportKind::Models => &[
                Id,
                Name,
                Developer,
                Country,
                Family,
                ReleaseDate,
                Openness,
                License,
                TotalParams,
                ActiveParams,
                ContextLength,
                Notes,
            ],
            ImportKind::Adoptions => &[Id, Organization, Target, UseCases, Status, Date, Notes],
            ImportKind::Claims => &[
                Id, Subject, Metric, Value, Unit, Date, PeriodDays, Scope, Quote, Paraphrase, Notes,
            ],
            ImportKind::Series => &[Subject, Metric, Date, Value, Unit, Notes],
        }
    }
}

/// How a field's cells are parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parse {
    /// Text as it stands (trimmed).
    Text,
    /// A list of names (`China,United States`).
    List,
    /// A date at the precision given.
    Date,
    /// A number.
    Number,
    /// Epoch AI's openness wording.
    Openness,
    /// An adoption stage (evaluating, experimenting, in production, stopped).
    Status,
    /// A number, or a range of two (`10-20`, `10 to 20`).
    Value,
}

/// A field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Field {
    /// The record's id (matched first).
    Id,
    /// The record's name.
    Name,
    /// The name in its own script.
    NativeName,
    /// Country (for a model: of its developers, one per developer).
    Country,
    /// What kind of organization (Epoch AI's categorization: Industry, Academia...).
    OrgCategory,
    /// Sector or industry.
    Sector,
    /// Headquarters city.
    Headquarters,
    /// When an organization was founded.
    Founded,
    /// The developing organizations (a list; the first is the model's developer).
    Developer,
    /// The model's family.
    Family,
    /// Release date.
    ReleaseDate,
    /// Openness category.
    Openness,
    /// Licence name.
    License,
    /// Total parameters.
    TotalParams,
    /// Active parameters per token.
    ActiveParams,
    /// Context length.
    ContextLength,
    /// The adopting organization.
    Organization,
    /// The model adopted.
    Target,
    /// Use cases (a list).
    UseCases,
    /// Adoption status wording.
    Status,
    /// What a claim or series is about (a record's name).
    Subject,
    /// What is measured.
    Metric,
    /// The value.
    Value,
    /// The unit of the values.
    Unit,
    /// The date a value holds.
    Date,
    /// A rolling period: the number of days up to the date that a claim's value counts.
    PeriodDays,
    /// What a claim's value covers (a market, a sample, a repository).
    Scope,
    /// The source's own words.
    Quote,
    /// A summary of the source's words.
    Paraphrase,
    /// Free notes.
    Notes,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 30] = {
        use Field::*;
        [
            Id,
            Name,
            NativeName,
            Country,
            OrgCategory,
            Sector,
            Headquarters,
            Founded,
            Developer,
            Family,
            ReleaseDate,
            Openness,
            License,
            TotalParams,
            ActiveParams,
            ContextLength,
            Organization,
            Target,
            UseCases,
            Status,
            Subject,
            Metric,
            Value,
            Unit,
            Date,
            PeriodDays,
            Scope,
            Quote,
            Paraphrase,
            Notes,
        ]
    };

    /// The name typed in `--map COLUMN=FIELD`.
    pub fn name(self) -> &'static str {
        use Field::*;
        match self {
            Id => "id",
            Name => "name",
            NativeName => "native_name",
            Country => "country",
            OrgCategory => "category",
            Sector => "sector",
            Headquarters => "headquarters",
            Founded => "founded",
            Developer => "developer",
            Family => "family",
            ReleaseDate => "release_date",
            Openness => "openness",
            License => "license",
            TotalParams => "total_params",
            ActiveParams => "active_params",
            ContextLength => "context_length",
            Organization => "organization",
            Target => "target",
            UseCases => "use_cases",
            Status => "status",
            Subject => "subject",
            Metric => "metric",
            Value => "value",
            Unit => "unit",
            Date => "date",
            PeriodDays => "period_days",
            Scope => "scope",
            Quote => "quote",
            Paraphrase => "paraphrase",
            Notes => "notes",
        }
    }

    /// The field named `name` (as `--map` takes it).
    pub fn from_name(name: &str) -> Option<Field> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// What it is and how to write it, for `--list-fields` and the mapping's picker.
    pub fn help(self) -> &'static str {
        use Field::*;
        match self {
            Id => "the record's id; rows whose id exists are matched to that record",
            Name => "the name (required)",
            NativeName => "the name in its own script",
            Country => "country in English; for models, one per developer (China,United States)",
            OrgCategory => "Industry, Academia, Government, Research collective...",
            Sector => "sector or industry, free text",
            Headquarters => "headquarters city",
            Founded => "date founded (2015, 2015-12, 2015-12-11, Dec 2015)",
            Developer => {
                "developing organizations, a list; each is matched or created, the first is the developer"
            }
            Family => "model family name, matched or created",
            ReleaseDate => "release date (2025-01-20, 20250120, Jan 2025, 2025)",
            Openness => {
                "Open weights (unrestricted), API access, Hosted access (no API), Unreleased..."
            }
            License => "licence name as the source gives it",
            TotalParams => "total parameters as a count (7000000000, 7e9, 7B)",
            ActiveParams => "active parameters as a count (37B)",
            ContextLength => "context length in tokens (128000, 128K)",
            Organization => "the adopting organization, matched or created",
            Target => "the model or family adopted, matched by name",
            UseCases => "use cases, a list",
            Status => {
                "evaluating, experimenting, in production or stopped (dated by the date column)"
            }
            Subject => {
                "what the value is about: an organization, model, family or country, by name"
            }
            Metric => {
                "what is measured: Monthly downloads, Share of downloads, Cost reduction... (other words name a new measure)"
            }
            Value => "the value: a number (7,000, 1.5e11, 12%), or for claims a range (10-20)",
            Unit => "the unit: %, count, times, billion parameters, or any other name",
            Date => "the date the value holds, or an adoption's status date",
            PeriodDays => {
                "for claims, a rolling period: the value counts the N days up to the date (30)"
            }
            Scope => "for claims, what the value covers (a market, a sample, a repository)",
            Quote => "the source's own words, verbatim",
            Paraphrase => "a summary of what the source says",
            Notes => "free notes",
        }
    }

    /// How its cells are parsed.
    pub fn parse(self) -> Parse {
        use Field::*;
        match self {
            Developer | Country | UseCases => Parse::List,
            ReleaseDate | Founded | Date => Parse::Date,
            TotalParams | ActiveParams | ContextLength | PeriodDays => Parse::Number,
            Value => Parse::Value,
            Field::Openness => Parse::Openness,
            Field::Status => Parse::Status,
            _ => Parse::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_kind_has_a_name_or_subject() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
            assert!(!f.help().is_empty());
        }
        for k in ImportKind::ALL {
            assert_eq!(ImportKind::from_name(k.name()), Some(k));
            let fields = k.fields();
            assert!(
                fields.contains(&Field::Name)
                    || fields.contains(&Field::Subject)
                    || fields.contains(&Field::Organization)
            );
        }
    }
}
