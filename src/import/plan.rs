//! The plan: what an import will do to the dataset, as edits and a summary (new, updated,
//! unchanged, conflicts, skipped, per record kind), built from the rows' decisions on a working
//! copy; and [`Plan::action`], which applies it as one undoable step.

use std::collections::BTreeMap;

use super::conflicts::{ConflictChoice, FieldValue, compare, record_conflict};
use super::decide::{Decision, RowMatch, org_index};
use super::fields::{Field, ImportKind};
use super::mapping::{CellProblem, MappedRow};
use super::matching::NameIndex;
use super::provenance::{SourceInfo, row_citation, source_for};
use super::resolve::{family_by_name, resolve_family, resolve_org};
use crate::app::Action;
use crate::app::edit::Edit;
use crate::model::{
    AdoptionTarget, AnyRecord, Citation, Dataset, Model, ModelId, OpennessBasis, RecordKind,
    SourceId, Subject, fresh_id,
};

/// How an import treats what it finds.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The source record's details.
    pub source: SourceInfo,
    /// What to do with a value that differs from the dataset's, unless a field says otherwise.
    pub on_conflict: ConflictChoice,
    /// Accept the best close candidate at or above this score (0 to 1).
    pub accept_best: Option<f64>,
    /// Only add new records; rows that match are skipped.
    pub new_only: bool,
}

/// Counts for one record kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Records added.
    pub new: usize,
    /// Records changed.
    pub updated: usize,
    /// Rows matched to a record that already says the same.
    pub unchanged: usize,
    /// Values that differ from the dataset's.
    pub conflicts: usize,
    /// Rows left out.
    pub skipped: usize,
}

/// A row left out, and why.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Skipped {
    /// Its number as a spreadsheet shows it.
    pub row: u32,
    /// Why, in words.
    pub reason: String,
}

/// What an import will do.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The undo step's label: "Import of 912 rows from models.csv".
    pub label: String,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
    /// Counts per record kind, in the order of the dataset's lists.
    pub counts: BTreeMap<RecordKind, Counts>,
    /// Rows left out.
    pub skipped: Vec<Skipped>,
    /// Cells that did not parse.
    pub problems: Vec<CellProblem>,
    /// Each differing value, in a sentence, with what was done.
    pub conflicts: Vec<String>,
    /// Rows imported (new or matched).
    pub rows_imported: usize,
    /// The source the import cites.
    pub source: SourceId,
}

impl Plan {
    /// The import as one undoable step ("Undo import of 912 rows from ...").
    pub fn action(&self) -> Action {
        Action::Edit {
            label: self.label.clone(),
            edits: self.edits.clone(),
            coalesce: None,
        }
    }

    /// The summary in lines: "models: 12 new, 3 updated, 40 unchanged, 2 conflicts, 5 skipped".
    pub fn summary_lines(&self) -> Vec<String> {
        self.counts
            .iter()
            .map(|(k, c)| {
                format!(
                    "{}: {} new, {} updated, {} unchanged, {} conflicts, {} skipped",
                    plural(*k),
                    c.new,
                    c.updated,
                    c.unchanged,
                    c.conflicts,
                    c.skipped
                )
            })
            .collect()
    }
}

/// The plural name of a kind, for the summary.
pub fn plural(k: RecordKind) -> &'static str {
    match k {
        RecordKind::Source => "sources",
        RecordKind::Organization => "organizations",
        RecordKind::Family => "families",
        RecordKind::Model => "models",
        RecordKind::Claim => "claims",
        RecordKind::Conflict => "conflicts",
        RecordKind::Series => "series",
        RecordKind::Adoption => "adoptions",
        _ => "records",
    }
}

/// The working copy a plan is built on, and how far each list reached before.
pub(super) struct Work {
    pub ds: Dataset,
    pub source: SourceId,
    /// The source's title, for conflict sentences (looked up once, not per conflict).
    pub source_title: String,
    pub counts: BTreeMap<RecordKind, Counts>,
    pub conflicts: Vec<String>,
    pub orgs: NameIndex<usize>,
    pub families: NameIndex<usize>,
    /// Models and families by name, for adoptions' targets (built when first needed).
    pub targets: Option<NameIndex<AdoptionTarget>>,
    /// Organizations, models and families by name, for subjects (built when first needed).
    pub subjects: Option<NameIndex<Subject>>,
    /// Records this import added, by folded name.
    new_models: std::collections::HashMap<String, usize>,
    pub new_orgs: std::collections::HashMap<String, usize>,
    /// Records already counted as updated (two rows changing one record update one record).
    pub updated: std::collections::HashSet<(RecordKind, usize)>,
    /// How many organizations and models the dataset had: records past these are new, and a
    /// later row changing one leaves it counted as new, not updated.
    before: (usize, usize),
    /// Ids in use per kind (filled when first needed), so a new id costs no scan of its list.
    taken: std::collections::HashMap<RecordKind, std::collections::HashSet<String>>,
    /// Positions of the claims about each subject (filled when first needed).
    claims: Option<std::collections::HashMap<crate::model::Subject, Vec<usize>>>,
    /// Positions of the claims with each scope but the empty one (filled when first needed).
    scoped: Option<std::collections::HashMap<String, Vec<usize>>>,
}

impl Work {
    /// An unused id for a new record of `kind`, made from `base` as [`fresh_id`] makes it
    /// (`alibaba-group`, then `-2`, `-3`... when taken), the same on every run.
    pub fn fresh(&mut self, kind: RecordKind, base: &str) -> String {
        let ds = &self.ds;
        let taken = self.taken.entry(kind).or_insert_with(|| ids_of(ds, kind));
        let slug = fresh_id(&Dataset::default(), kind, base);
        let id = if taken.contains(&slug) {
            (2..)
                .map(|n| format!("{slug}-{n}"))
                .find(|c| !taken.contains(c))
                .unwrap_or(slug)
        } else {
            slug
        };
        taken.insert(id.clone());
        id
    }

    /// Positions of the claims about `subject`.
    pub fn claims_about(&mut self, subject: &crate::model::Subject) -> Vec<usize> {
        let ds = &self.ds;
        let index = self.claims.get_or_insert_with(|| {
            let mut ix: std::collections::HashMap<_, Vec<usize>> = Default::default();
            for (i, c) in ds.claims.iter().enumerate() {
                ix.entry(c.subject.clone()).or_default().push(i);
            }
            ix
        });
        index.get(subject).cloned().unwrap_or_default()
    }

    /// Records that the claim about to be pushed is about `subject`.
    pub fn note_claim(&mut self, subject: &crate::model::Subject) {
        let at = self.ds.claims.len();
        if let Some(ix) = &mut self.claims {
            ix.entry(subject.clone()).or_default().push(at);
        }
    }

    /// Counts the record at `at` of kind `k` as updated, once however many rows change it (and
    /// not at all when this import added it).
    pub fn count_updated(&mut self, k: RecordKind, at: usize) {
        let existing = match k {
            RecordKind::Organization => at < self.before.0,
            RecordKind::Model => at < self.before.1,
            _ => true,
        };
        if existing && self.updated.insert((k, at)) {
            self.count(k).updated += 1;
        }
    }

    /// Positions of the claims whose scope is `scope` (none for an empty scope).
    pub fn claims_scoped(&mut self, scope: &str) -> Vec<usize> {
        if scope.is_empty() {
            return Vec::new();
        }
        let ds = &self.ds;
        let index = self.scoped.get_or_insert_with(|| {
            let mut ix: std::collections::HashMap<String, Vec<usize>> = Default::default();
            for (i, c) in ds.claims.iter().enumerate() {
                if !c.scope.is_empty() {
                    ix.entry(c.scope.clone()).or_default().push(i);
                }
            }
            ix
        });
        index.get(scope).cloned().unwrap_or_default()
    }

    /// Records that the claim about to be pushed has `scope` (a claim of another scope or none
    /// pushed without this is not found by [`Work::claims_scoped`]).
    pub fn note_scope(&mut self, scope: &str) {
        let at = self.ds.claims.len();
        if let Some(ix) = &mut self.scoped
            && !scope.is_empty()
        {
            ix.entry(scope.to_owned()).or_default().push(at);
        }
    }

    pub fn count(&mut self, k: RecordKind) -> &mut Counts {
        self.counts.entry(k).or_default()
    }
}

/// Builds the plan for an import whose rows are mapped and decided.
pub fn build_plan(ds: &Dataset, import: &super::session::Import) -> Plan {
    let file = import.table.file.as_str();
    let locator_of = |row: u32| import.table.locator(row);
    let (mapping, rows, matches) = (&import.mapping, &import.rows, &import.matches);
    let (settings, overrides) = (&import.settings, &import.conflict_choices);
    let (source, source_is_new) = source_for(ds, &settings.source);
    let mut families = NameIndex::new();
    for (i, f) in ds.families.iter().enumerate() {
        families.add(f.id.as_str(), &[&f.name], i);
    }
    // The working copy and the organizations' index are independent: made side by side.
    let (copy, orgs) = std::thread::scope(|s| {
        let orgs = s.spawn(|| org_index(ds));
        let copy = ds.clone();
        (
            copy,
            orgs.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
        )
    });
    let mut w = Work {
        ds: copy,
        source: source.id.clone(),
        // How conflict sentences name the file's source: its title, else its publisher, else
        // its locator (the file's name).
        source_title: [&source.title, &source.publisher, &source.locator]
            .into_iter()
            .find(|t| !t.trim().is_empty())
            .cloned()
            .unwrap_or_default(),
        counts: BTreeMap::new(),
        conflicts: Vec::new(),
        orgs,
        new_models: Default::default(),
        new_orgs: Default::default(),
        taken: Default::default(),
        updated: Default::default(),
        before: (ds.organizations.len(), ds.models.len()),
        claims: None,
        scoped: None,
        families,
        targets: None,
        subjects: None,
    };
    if source_is_new {
        w.ds.sources.push(source.clone());
        w.count(RecordKind::Source).new += 1;
    } else {
        w.count(RecordKind::Source).unchanged += 1;
    }
    let mut skipped = Vec::new();
    let mut problems = Vec::new();
    let mut imported = 0;
    let main_kind = match mapping.kind {
        ImportKind::Organizations => RecordKind::Organization,
        ImportKind::Models => RecordKind::Model,
        ImportKind::Adoptions => RecordKind::Adoption,
        ImportKind::Claims => RecordKind::Claim,
        ImportKind::Series => RecordKind::Series,
    };
    for (row, m) in rows.iter().zip(matches) {
        problems.extend(row.problems.iter().cloned());
        if mapping.kind == ImportKind::Series {
            continue;
        }
        let cite = row_citation(&w.source, &locator_of(row.row));
        let choice = |f: Field| {
            overrides
                .get(&(row.row, f))
                .copied()
                .unwrap_or(settings.on_conflict)
        };
        let done = match (&m.decision, mapping.kind) {
            (Decision::Skip, _) => Err(skip_reason(ds, mapping.kind, m)),
            (_, ImportKind::Models) => import_model(
                &mut w,
                row,
                m,
                &cite,
                settings,
                &choice,
                mapping.family_from_name,
            ),
            (_, ImportKind::Adoptions) => {
                super::adoptions::import_adoption(&mut w, row, m, &cite, settings, &choice)
            }
            (_, ImportKind::Claims) => super::claims::import_claim(
                &mut w,
                row,
                mapping,
                &cite,
                settings,
                choice(Field::Value),
            ),
            (_, _) => super::orgs::import_org(&mut w, row, m, &cite, &choice),
        };
        match done {
            Ok(()) => imported += 1,
            Err(reason) => {
                w.count(main_kind).skipped += 1;
                skipped.push(Skipped {
                    row: row.row,
                    reason,
                });
            }
        }
    }
    if mapping.kind == ImportKind::Series {
        let done = super::series::import_series(&mut w, import, &mut problems);
        w.count(RecordKind::Series).skipped += done.skipped.len();
        imported += done.imported;
        skipped.extend(done.skipped);
    }
    if imported > 0
        && !settings.source.license.is_empty()
        && !w
            .ds
            .meta
            .credits
            .iter()
            .any(|c| c == &settings.source.license)
    {
        w.ds.meta.credits.push(settings.source.license.clone());
    }
    if imported == 0 && source_is_new {
        // Nothing cites a new source: leave it out.
        w.ds.sources.pop();
        w.counts.remove(&RecordKind::Source);
    }
    let edits = diff_edits(ds, std::mem::take(&mut w.ds));
    let label = format!("Import of {imported} rows from {}", short_name(file));
    Plan {
        label,
        edits,
        counts: w.counts,
        skipped,
        problems,
        conflicts: w.conflicts,
        rows_imported: imported,
        source: w.source,
    }
}

fn short_name(file: &str) -> &str {
    std::path::Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file)
}

fn skip_reason(ds: &Dataset, kind: ImportKind, m: &RowMatch) -> String {
    let what = m.describe(ds, kind);
    if what == "skipped" {
        format!("\"{}\" was skipped", m.name)
    } else {
        format!("\"{}\": {what}", m.name)
    }
}

/// The values a model row gives, in the model's own units.
fn model_values(row: &MappedRow) -> Vec<(Field, FieldValue)> {
    let mut out = Vec::new();
    if let Some(d) = row.date(Field::ReleaseDate) {
        out.push((Field::ReleaseDate, FieldValue::Date(d)));
    }
    if let Some(super::mapping::Cell::Openness(o)) = row.values.get(&Field::Openness) {
        out.push((Field::Openness, FieldValue::Openness(*o)));
    }
    if let Some(l) = row.text(Field::License).filter(|l| !l.is_empty()) {
        out.push((Field::License, FieldValue::Text(l.to_owned())));
    }
    for (f, per) in [
        (Field::TotalParams, 1e9),
        (Field::ActiveParams, 1e9),
        (Field::ContextLength, 1e3),
    ] {
        if let Some(n) = row.number(f) {
            out.push((f, FieldValue::Number(round_sig(n.value / per))));
        }
    }
    out
}

/// Rounds away float noise from unit conversion (236e9 / 1e9 = 236 exactly, 0.512 stays).
fn round_sig(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 12 - v.abs().log10().ceil() as i32;
    let p = 10f64.powi(digits.clamp(-300, 300));
    (v * p).round() / p
}

fn import_model(
    w: &mut Work,
    row: &MappedRow,
    m: &RowMatch,
    cite: &Citation,
    settings: &Settings,
    choice: &dyn Fn(Field) -> ConflictChoice,
    family_from_name: bool,
) -> Result<(), String> {
    let values = model_values(row);
    // A name the file already gave (a row above, added as new) is that record, not another one.
    let key = super::matching::fold(&m.name).key();
    let decision = match (&m.decision, w.new_models.get(&key)) {
        (Decision::New, Some(&i)) => Decision::Match(i),
        (d, _) => d.clone(),
    };
    match decision {
        Decision::Match(i) => {
            let mut model = w.ds.models[i].clone();
            let mut changed = false;
            let mut conflicted = false;
            for (f, v) in values {
                match compare(&model, f, &v) {
                    super::conflicts::Compared::Same => {}
                    super::conflicts::Compared::Missing => {
                        super::conflicts::set_model(&mut model, f, &v, &w.source);
                        changed = true;
                    }
                    super::conflicts::Compared::Differs(old) => {
                        let before = w.count(RecordKind::Model).conflicts;
                        if record_conflict(w, &mut model, f, old, v, cite, choice(f)) {
                            changed = true;
                        }
                        conflicted |= w.count(RecordKind::Model).conflicts > before;
                    }
                }
            }
            if family_from_name
                && model.family.is_none()
                && row.text(Field::Family).is_none_or(str::is_empty)
                && let Some(f) = family_by_name(&w.ds, &model.name, &model.developer)
            {
                model.family = Some(f);
                changed = true;
            }
            if changed && !model.sources.contains(cite) {
                model.sources.push(cite.clone());
            }
            if model != w.ds.models[i] {
                w.ds.models[i] = model;
                w.count_updated(RecordKind::Model, i);
            } else if !conflicted {
                w.count(RecordKind::Model).unchanged += 1;
            }
            Ok(())
        }
        Decision::New => {
            let devs = row.list(Field::Developer).to_vec();
            let countries = row.list(Field::Country).to_vec();
            let Some(first) = devs.first() else {
                return Err(format!(
                    "\"{}\" has no developer; map a column to \"developer\"",
                    m.name
                ));
            };
            let _ = first;
            // Resolve every developer before creating anything, so an ambiguous one leaves no trace.
            let mut ids = Vec::new();
            for (k, d) in devs.iter().enumerate() {
                let country = countries.get(k).or(countries.first()).map(String::as_str);
                ids.push(resolve_org(w, d, country, cite, settings.accept_best)?);
            }
            let developer = ids[0].clone();
            let family = row
                .text(Field::Family)
                .filter(|f| !f.is_empty())
                .map(|f| resolve_family(w, f, &developer, cite))
                .or_else(|| {
                    family_from_name
                        .then(|| family_by_name(&w.ds, &m.name, &developer))
                        .flatten()
                });
            let name = m.name.clone();
            let id = ModelId::new(w.fresh(RecordKind::Model, &name));
            let mut notes = row.notes.clone();
            if let Some(full) = row.text(Field::Name)
                && full.trim() != name
            {
                notes.insert(0, format!("Listed as {}", full.trim()));
            }
            if ids.len() > 1 {
                let others: Vec<&str> = devs[1..].iter().map(String::as_str).collect();
                notes.push(format!("Also developed by: {}", others.join(", ")));
            }
            if let Some(t) = row.text(Field::Notes) {
                notes.push(t.to_owned());
            }
            let mut model = Model {
                family,
                notes: notes.join("; "),
                sources: vec![cite.clone()],
                ..Model::new(id, name, developer)
            };
            for (f, v) in values {
                super::conflicts::set_model(&mut model, f, &v, &w.source);
            }
            if model.openness.is_some() {
                model.openness_basis = Some(OpennessBasis::Source(w.source.clone()));
            }
            w.new_models.insert(key, w.ds.models.len());
            w.ds.models.push(model);
            w.count(RecordKind::Model).new += 1;
            Ok(())
        }
        Decision::Skip => Err(String::new()),
    }
}

/// The edits that turn `before` into `after` when `after` only changed records in place or
/// appended them: a replace for each changed record, an insert for each new one (records moved
/// out of `after`, not copied).
fn diff_edits(before: &Dataset, after: Dataset) -> Vec<Edit> {
    let mut edits = Vec::new();
    fn lists<T: PartialEq + Into<AnyRecord>>(edits: &mut Vec<Edit>, a: &[T], b: Vec<T>) {
        for (at, y) in b.into_iter().enumerate() {
            match a.get(at) {
                Some(x) if *x == y => {}
                Some(_) => edits.push(Edit::Replace {
                    at,
                    record: y.into(),
                }),
                None => edits.push(Edit::Insert {
                    at,
                    record: y.into(),
                }),
            }
        }
    }
    lists(&mut edits, &before.sources, after.sources);
    lists(&mut edits, &before.organizations, after.organizations);
    lists(&mut edits, &before.families, after.families);
    lists(&mut edits, &before.models, after.models);
    lists(&mut edits, &before.adoptions, after.adoptions);
    lists(&mut edits, &before.claims, after.claims);
    lists(&mut edits, &before.conflicts, after.conflicts);
    lists(&mut edits, &before.series, after.series);
    if before.meta != after.meta {
        edits.push(Edit::SetMeta(after.meta));
    }
    edits
}

/// The ids of one kind's records.
fn ids_of(ds: &Dataset, kind: RecordKind) -> std::collections::HashSet<String> {
    let ids: Vec<&str> = match kind {
        RecordKind::Organization => ds.organizations.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Family => ds.families.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Model => ds.models.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Adoption => ds.adoptions.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Series => ds.series.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Claim => ds.claims.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Conflict => ds.conflicts.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Source => ds.sources.iter().map(|r| r.id.as_str()).collect(),
        _ => Vec::new(),
    };
    ids.into_iter().map(str::to_owned).collect()
}
