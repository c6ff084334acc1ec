//! A mapping: which column fills which field (or is ignored, or kept in notes), how bare
//! numbers in a column are to be read, which cells mean "absent"; suggestions from header
//! names; saving a mapping as RON; and [`map_rows`], which parses every mapped cell, listing
//! those that do not parse by row and column with the reason.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::fields::{Field, ImportKind, Parse};
use super::parse::{Number, parse_date, parse_list, parse_number, parse_openness};
use super::table::Table;
use super::template::{check_template, fill, has_placeholders};
use super::values::{Value, parse_status, parse_value};
use crate::model::{AdoptionStatus, Openness, PartialDate};

/// What one column is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Target {
    /// It fills this field.
    Field(Field),
    /// Its cells are kept in the record's notes ("Header: value").
    Notes,
    /// It is left out.
    Ignore,
}

/// One column's place in a mapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// The column: its header, or `#N` counting from 1 (JSON: a dotted path).
    pub column: String,
    /// What it is for.
    pub target: Target,
    /// What a bare number in this column counts, when it is not the field's own unit: 1e9
    /// when "236" means 236 billion parameters. Numbers with a suffix (`236B`) ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bare_unit: Option<f64>,
}

/// How the columns of a file become fields of records of one kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    /// A name for a saved mapping (shown beside the presets).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the rows become.
    pub kind: ImportKind,
    /// The columns mapped; a column not listed is ignored.
    pub columns: Vec<ColumnMap>,
    /// Cell texts that mean "no value" (besides an empty cell), such as "0.0" or "n/a".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// Wide form (series only): one row per date, every column not mapped is one subject's
    /// series.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wide: bool,
    /// The measure of every row when no column gives it (claims and series; a wide file's
    /// columns all measure it): a label such as "Monthly downloads", or any other words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub metric: String,
    /// The unit of every value when no column gives it ("%", "count", or any other name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Values every row gets for a field no column gives it (`--set FIELD=TEXT`), parsed like a
    /// cell of that field; `{COLUMN}` in the text is the row's cell of that column (see
    /// [`super::template`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fixed: BTreeMap<Field, String>,
    /// Models only: a model the row gives no family, and the dataset none, joins the existing
    /// family whose name begins its name ("Qwen" for "Qwen2.5-7B", not for "Qwenlike") and
    /// whose developer is its developer (`--family-from-name`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family_from_name: bool,
}

impl Mapping {
    /// An empty mapping for `kind`.
    pub fn new(kind: ImportKind) -> Self {
        Self {
            name: String::new(),
            kind,
            columns: Vec::new(),
            absent: Vec::new(),
            wide: false,
            metric: String::new(),
            unit: String::new(),
            fixed: BTreeMap::new(),
            family_from_name: false,
        }
    }

    /// Whether a column or a value for every row gives `field`.
    fn gives(&self, field: Field) -> bool {
        self.column_of(field).is_some() || self.fixed.contains_key(&field)
    }

    /// Maps `column` to `field` (replacing what it was mapped to).
    pub fn set(&mut self, column: &str, target: Target) {
        self.columns.retain(|c| c.column != column);
        self.columns.push(ColumnMap {
            column: column.to_owned(),
            target,
            bare_unit: None,
        });
    }

    /// Turns the wide form on or off. On, only the date column (and columns kept in notes or
    /// ignored) stay mapped: every other column is one subject's series.
    pub fn set_wide(&mut self, wide: bool) {
        self.wide = wide;
        if wide {
            self.columns.retain(|c| {
                matches!(
                    c.target,
                    Target::Notes | Target::Ignore | Target::Field(Field::Date)
                )
            });
        }
    }

    /// The column mapped to `field`, if any.
    pub fn column_of(&self, field: Field) -> Option<&ColumnMap> {
        self.columns
            .iter()
            .find(|c| c.target == Target::Field(field))
    }

    /// Suggests a mapping from header names alone.
    pub fn suggest(kind: ImportKind, headers: &[String]) -> Mapping {
        let mut m = Mapping::new(kind);
        for h in headers {
            if let Some(f) = suggest_field(kind, h)
                && m.column_of(f).is_none()
            {
                m.set(h, Target::Field(f));
            }
        }
        m
    }

    /// The mapping as RON text, to save as a named preset.
    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    /// Reads a saved mapping.
    pub fn from_ron(text: &str) -> Result<Mapping, String> {
        ron::from_str(text).map_err(|e| format!("is not a saved mapping: {e}"))
    }

    /// Checks the mapping against a table: every column exists, the kind's required field is
    /// mapped, each field once. Returns what is wrong, one message each.
    pub fn check(&self, table: &Table) -> Vec<String> {
        let mut wrong = Vec::new();
        for c in &self.columns {
            if table.column(&c.column).is_none() {
                wrong.push(format!(
                    "there is no column \"{}\"; the columns are: {}",
                    c.column,
                    table.headers.join(", ")
                ));
            }
            if let Target::Field(f) = c.target
                && !self.kind.fields().contains(&f)
            {
                wrong.push(format!(
                    "\"{}\" is not a field of {}; use `import --list-fields {}`",
                    f.name(),
                    self.kind.name(),
                    self.kind.name()
                ));
            }
        }
        for (f, text) in &self.fixed {
            if !self.kind.fields().contains(f) {
                wrong.push(format!(
                    "--set {}: \"{}\" is not a field of {}; use `import --list-fields {}`",
                    f.name(),
                    f.name(),
                    self.kind.name(),
                    self.kind.name()
                ));
            } else if let Err(why) = check_template(text, table) {
                wrong.push(format!("--set {}: {why}", f.name()));
            } else if !has_placeholders(text)
                && let Err(why) = parse_cell(*f, text, None)
            {
                wrong.push(format!("--set {}: {why}", f.name()));
            }
        }
        if self.gives(Field::PeriodDays) && !self.gives(Field::Date) {
            wrong.push(
                "a period of days (period_days) counts up to a date, and no date is given; add --map COLUMN=date or --set date=DATE".to_owned(),
            );
        }
        let required: &[Field] = match self.kind {
            ImportKind::Organizations | ImportKind::Models => &[Field::Name],
            ImportKind::Adoptions => &[Field::Organization, Field::Target],
            ImportKind::Claims => &[Field::Subject, Field::Value],
            ImportKind::Series if self.wide => &[Field::Date],
            ImportKind::Series => &[Field::Subject, Field::Date, Field::Value],
        };
        if matches!(self.kind, ImportKind::Claims | ImportKind::Series)
            && self.metric.trim().is_empty()
            && !self.gives(Field::Metric)
        {
            wrong.push(format!(
                "no column is mapped to \"metric\" and no measure is given for every row; add --map COLUMN=metric or --metric \"Monthly downloads\" (the measure {} need)",
                self.kind.name()
            ));
        }
        if self.wide && self.kind != ImportKind::Series {
            wrong.push(format!(
                "the wide form (one column per subject) is for series, not {}; leave out --wide or use --kind series",
                self.kind.name()
            ));
        }
        for f in required {
            if !self.gives(*f) {
                wrong.push(format!(
                    "no column is mapped to \"{}\", which {} need; add --map COLUMN={}",
                    f.name(),
                    self.kind.name(),
                    f.name()
                ));
            }
        }
        wrong
    }
}

/// The field a header suggests, from its words.
fn suggest_field(kind: ImportKind, header: &str) -> Option<Field> {
    let h: String = header
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
    let fields = kind.fields();
    let by_word = |f: Field| f.name().replace('_', " ") == h;
    if let Some(f) = fields.iter().copied().find(|f| by_word(*f)) {
        return Some(f);
    }
    use Field::*;
    let guess = match (kind, h.as_str()) {
        (ImportKind::Models, "model" | "model name") => Name,
        (ImportKind::Organizations, "organization" | "organisation" | "org" | "company") => Name,
        (
            ImportKind::Models,
            "organization" | "organisation" | "developer" | "provider" | "author",
        ) => Developer,
        (_, "publication date" | "release date" | "released" | "created at" | "createdat")
            if fields.contains(&ReleaseDate) =>
        {
            ReleaseDate
        }
        (
            _,
            "parameters" | "params" | "parameter count" | "parameters raw" | "total parameters",
        ) if fields.contains(&TotalParams) => TotalParams,
        (_, "active parameters") => ActiveParams,
        (_, "context length" | "context window" | "context") if fields.contains(&ContextLength) => {
            ContextLength
        }
        (_, "model accessibility" | "accessibility" | "openness") if fields.contains(&Openness) => {
            Openness
        }
        (_, "licence" | "license") if fields.contains(&License) => License,
        (_, "country of organization" | "country") if fields.contains(&Country) => Country,
        (_, "organization categorization" | "category" | "type")
            if fields.contains(&OrgCategory) =>
        {
            OrgCategory
        }
        (_, "note" | "notes" | "comment" | "comments") => Notes,
        (_, "month" | "day" | "date" | "as of" | "status date" | "since" | "week")
            if fields.contains(&Date) =>
        {
            Date
        }
        (
            ImportKind::Adoptions,
            "organization" | "organisation" | "org" | "company" | "adopter" | "user",
        ) => Organization,
        (ImportKind::Adoptions, "model" | "model name" | "family" | "adopted" | "uses") => Target,
        (ImportKind::Adoptions, "use case" | "use" | "used for" | "purpose") => UseCases,
        (ImportKind::Adoptions, "stage") => Status,
        (
            ImportKind::Claims | ImportKind::Series,
            "about" | "entity" | "model" | "organization" | "organisation" | "company" | "country",
        ) => Subject,
        (ImportKind::Claims | ImportKind::Series, "measure" | "what") => Metric,
        (ImportKind::Claims | ImportKind::Series, "number" | "amount" | "score") => Value,
        (ImportKind::Claims, "quotation" | "words" | "verbatim") => Quote,
        (ImportKind::Claims, "summary") => Paraphrase,
        _ => return None,
    };
    fields.contains(&guess).then_some(guess)
}

/// A parsed cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A list of names.
    List(Vec<String>),
    /// A date.
    Date(PartialDate),
    /// A number, in the field's own unit (a count of parameters, of tokens; the value itself).
    Number(Number),
    /// An openness category.
    Openness(Openness),
    /// An adoption stage.
    Status(AdoptionStatus),
    /// A range of two numbers, low then high.
    Range(Number, Number),
}

/// A cell that did not parse.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// Its row as a spreadsheet numbers it.
    pub row: u32,
    /// Its column, counting from 1.
    pub column: u32,
    /// The column's header.
    pub header: String,
    /// Why it did not parse, and how to write it.
    pub message: String,
}

/// One row's parsed values.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedRow {
    /// Its number as a spreadsheet shows it.
    pub row: u32,
    /// The parsed value of each mapped field that has one.
    pub values: BTreeMap<Field, Cell>,
    /// "Header: value" for the columns kept in notes.
    pub notes: Vec<String>,
    /// Cells that did not parse (their fields are left out of `values`).
    pub problems: Vec<CellProblem>,
}

impl MappedRow {
    /// The text of a field.
    pub fn text(&self, f: Field) -> Option<&str> {
        match self.values.get(&f)? {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The list of a field.
    pub fn list(&self, f: Field) -> &[String] {
        match self.values.get(&f) {
            Some(Cell::List(l)) => l,
            _ => &[],
        }
    }

    /// The date of a field.
    pub fn date(&self, f: Field) -> Option<PartialDate> {
        match self.values.get(&f)? {
            Cell::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// The number of a field.
    pub fn number(&self, f: Field) -> Option<Number> {
        match self.values.get(&f)? {
            Cell::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Parses one cell for `field`; `bare_unit` multiplies numbers written without a suffix.
pub fn parse_cell(field: Field, text: &str, bare_unit: Option<f64>) -> Result<Cell, String> {
    Ok(match field.parse() {
        // Text becomes one line: a record's name may not hold line breaks.
        Parse::Text => Cell::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")),
        Parse::List if field == Field::Country => Cell::List(
            parse_list(text)
                .iter()
                .map(|c| super::countries::common_country_name(c))
                .collect(),
        ),
        Parse::List => Cell::List(parse_list(text)),
        Parse::Date => Cell::Date(parse_date(text)?),
        Parse::Openness => Cell::Openness(parse_openness(text)?),
        Parse::Status => Cell::Status(parse_status(text)?),
        Parse::Value => match parse_value(text)? {
            Value::One(n) => Cell::Number(scaled(n, bare_unit)),
            Value::Range(a, b) => Cell::Range(scaled(a, bare_unit), scaled(b, bare_unit)),
        },
        Parse::Number => Cell::Number(scaled(parse_number(text)?, bare_unit)),
    })
}

/// A number written without a suffix, counted in `bare_unit`.
fn scaled(mut n: Number, bare_unit: Option<f64>) -> Number {
    if !n.scaled
        && let Some(u) = bare_unit
    {
        n.value *= u;
    }
    n
}

/// Parses every mapped cell of every row. Empty cells and cells listed as absent give no value;
/// a field no column gives takes the mapping's value for every row, if it has one.
pub fn map_rows(table: &Table, mapping: &Mapping) -> Vec<MappedRow> {
    let columns: Vec<(usize, &ColumnMap)> = mapping
        .columns
        .iter()
        .filter_map(|c| table.column(&c.column).map(|i| (i, c)))
        .collect();
    let absent =
        |t: &str| t.trim().is_empty() || mapping.absent.iter().any(|a| a.trim() == t.trim());
    table
        .rows
        .iter()
        .map(|row| {
            let mut out = MappedRow {
                row: row.number,
                values: BTreeMap::new(),
                notes: Vec::new(),
                problems: Vec::new(),
            };
            for &(i, c) in &columns {
                let text = row.cells[i].as_str();
                if absent(text) {
                    continue;
                }
                match &c.target {
                    Target::Ignore => {}
                    Target::Notes => {
                        out.notes
                            .push(format!("{}: {}", table.headers[i], text.trim()))
                    }
                    Target::Field(f) => match parse_cell(*f, text, c.bare_unit) {
                        Ok(cell) => {
                            out.values.insert(*f, cell);
                        }
                        Err(message) => out.problems.push(CellProblem {
                            row: row.number,
                            column: i as u32 + 1,
                            header: table.headers[i].clone(),
                            message,
                        }),
                    },
                }
            }
            for (f, template) in &mapping.fixed {
                if out.values.contains_key(f) {
                    continue;
                }
                let text = fill(template, table, &row.cells);
                if absent(&text) {
                    continue;
                }
                match parse_cell(*f, &text, None) {
                    Ok(cell) => {
                        out.values.insert(*f, cell);
                    }
                    Err(message) => out.problems.push(CellProblem {
                        row: row.number,
                        column: 0,
                        header: format!("--set {}", f.name()),
                        message,
                    }),
                }
            }
            out
        })
        .collect()
}
