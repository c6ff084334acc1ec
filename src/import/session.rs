//! The import as a dialog (or the command line) walks it: [`preview`] a file, choose a mapping
//! ([`Import::new`] with a preset's or a suggested one), look at and change each row's decision,
//! choose per field what to do with conflicts, then [`Import::plan`] and apply its action.

use std::collections::BTreeMap;
use std::path::Path;

use super::ImportError;
use super::conflicts::ConflictChoice;
use super::decide::{
    Decision, RowMatch, accept_all_exact, all_unmatched_as_new, propose_with_progress,
};
use super::fields::Field;
use super::mapping::{MappedRow, Mapping, map_rows};
use super::plan::{Plan, Settings, build_plan};
use super::presets::Preset;
use super::table::{ReadOptions, Table, read_file};
use crate::model::Dataset;

/// Rows a preview shows.
pub const PREVIEW_ROWS: usize = 50;

/// The first rows of a file, what was detected about it, and the preset its headers fit.
#[derive(Clone, Debug)]
pub struct Preview {
    /// The rows read (at most [`PREVIEW_ROWS`]).
    pub table: Table,
    /// The preset the headers fit, if any.
    pub preset: Option<&'static Preset>,
}

/// Reads only the start of a file, for the mapping screen.
pub fn preview(path: &Path, options: &ReadOptions) -> Result<Preview, ImportError> {
    let mut o = options.clone();
    o.max_rows = Some(o.max_rows.unwrap_or(PREVIEW_ROWS).min(PREVIEW_ROWS));
    let table = read_file(path, &o)?;
    let preset = Preset::detect(&table.headers);
    Ok(Preview { table, preset })
}

/// An import under way: the whole file, its mapping, each row's parsed values and decision.
#[derive(Clone, Debug)]
pub struct Import {
    /// The file read.
    pub table: Table,
    /// The mapping in use.
    pub mapping: Mapping,
    /// Each row's parsed values.
    pub rows: Vec<MappedRow>,
    /// Each row's proposal and decision (same order as `rows`).
    pub matches: Vec<RowMatch>,
    /// Source details and rules.
    pub settings: Settings,
    /// Per row and field: what to do with a conflict, where it differs from the rule.
    pub conflict_choices: BTreeMap<(u32, Field), ConflictChoice>,
}

impl Import {
    /// Maps and matches every row of `table` against `ds`. Errors: what is wrong with the
    /// mapping, one line each.
    pub fn new(
        ds: &Dataset,
        table: Table,
        mapping: Mapping,
        settings: Settings,
    ) -> Result<Import, Vec<String>> {
        Self::new_with_progress(ds, table, mapping, settings, &mut |_| true)
            .map(|built| built.expect("matching without a way to stop it runs to the end"))
    }

    /// [`Import::new`], telling `progress` how many rows are matched as it goes (see
    /// [`propose_with_progress`]); `Ok(None)` when `progress` stopped it.
    pub fn new_with_progress(
        ds: &Dataset,
        table: Table,
        mapping: Mapping,
        settings: Settings,
        progress: &mut dyn FnMut(usize) -> bool,
    ) -> Result<Option<Import>, Vec<String>> {
        let wrong = mapping.check(&table);
        if !wrong.is_empty() {
            return Err(wrong);
        }
        let rows = map_rows(&table, &mapping);
        let Some(mut matches) = propose_with_progress(
            ds,
            mapping.kind,
            &rows,
            settings.accept_best,
            settings.new_only,
            progress,
        ) else {
            return Ok(None);
        };
        // A row with a cell that did not parse waits for the user (fix the mapping, or decide).
        for (r, m) in rows.iter().zip(&mut matches) {
            if !r.problems.is_empty() {
                m.decision = Decision::Skip;
            }
        }
        Ok(Some(Import {
            table,
            mapping,
            rows,
            matches,
            settings,
            conflict_choices: BTreeMap::new(),
        }))
    }

    /// Changes one row's decision (by its position in `matches`).
    pub fn decide(&mut self, index: usize, decision: Decision) {
        if let Some(m) = self.matches.get_mut(index) {
            m.decision = decision;
        }
    }

    /// Bulk: accept every exact match.
    pub fn accept_all_exact(&mut self) {
        accept_all_exact(&mut self.matches);
    }

    /// Bulk: every unmatched row becomes a new record.
    pub fn all_unmatched_as_new(&mut self) {
        all_unmatched_as_new(&mut self.matches);
    }

    /// Chooses what to do with the conflict in one row's field.
    pub fn choose_conflict(&mut self, row: u32, field: Field, choice: ConflictChoice) {
        self.conflict_choices.insert((row, field), choice);
    }

    /// What applying the import would do; nothing is changed until its action is applied.
    pub fn plan(&self, ds: &Dataset) -> Plan {
        build_plan(ds, self)
    }
}
