//! Undo/redo history of data edits, kept as inverse edits.
//!
//! Each step holds only the records its edits touched (see [`super::edit`]), so a hundred steps
//! on a 100 000-record dataset cost kilobytes, not copies of the dataset. A typing burst in one
//! field or one drag is one step: the UI passes the same [`CoalesceKey`] for each change and
//! calls [`History::seal`] when the burst ends. Each state of the data gets a revision number
//! ([`History::revision`]); the app compares it with the revision last saved to know whether
//! there are unsaved changes, and undoing back to the saved state makes the document clean again.
//! Revisions come from [`fresh_revision`], one counter for the whole process, so no two
//! documents or states ever share one and caches can key on the revision alone.

use std::collections::VecDeque;
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};

use super::edit::{AnyRecord, Edit, EditError, apply_all, describe_change, record_at};
use crate::model::{Dataset, RecordRef};

/// How many steps the app keeps (Rerun keeps 100 as well).
pub const DEFAULT_MAX_STEPS: usize = 100;

/// The revision [`fresh_revision`] hands out next. Starts at 1, so 0 is never a document's.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

/// A revision never handed out before in this process. Every new, opened or restored document
/// and every data edit takes one (undo and redo return to the revision of the state they
/// restore), so equal revisions always mean the same data, whichever document it came from.
/// Atomic, because tests run in threads of one process.
pub fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// What a burst of edits is about, so consecutive edits with the same key merge into one step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CoalesceKey {
    /// The record being edited, if any.
    pub record: Option<RecordRef>,
    /// The field or gesture ("name", "points[3] drag").
    pub field: String,
}

impl CoalesceKey {
    /// The key for edits of one field of one record.
    pub fn field(record: RecordRef, field: impl Into<String>) -> Self {
        Self {
            record: Some(record),
            field: field.into(),
        }
    }

    /// A key not tied to a record (for example the dataset description).
    pub fn named(field: impl Into<String>) -> Self {
        Self {
            record: None,
            field: field.into(),
        }
    }
}

/// One undoable step: a label for the Edit menu and the edits that carry it out.
///
/// In the undo stack `edits` are the inverse edits (applying them in order undoes the step); in
/// the redo stack they are the edits that redo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What the step did ("Rename Pinterest to Pinterest Inc.").
    pub label: String,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
    /// The burst this step belongs to, if it may absorb further edits.
    pub coalesce: Option<CoalesceKey>,
}

/// A step with the revisions of the data before and after it.
#[derive(Clone, Debug)]
struct Entry {
    step: Step,
    before: u64,
    after: u64,
}

impl Entry {
    fn approx_bytes(&self) -> usize {
        size_of::<Entry>()
            + self.step.label.capacity()
            + self
                .step
                .edits
                .iter()
                .map(Edit::approx_bytes)
                .sum::<usize>()
            + self
                .step
                .coalesce
                .as_ref()
                .map_or(0, |k| k.field.capacity() + size_of::<RecordRef>())
    }
}

/// Undo and redo stacks of data edits, capped at a number of steps.
#[derive(Clone, Debug)]
pub struct History {
    undo: VecDeque<Entry>,
    redo: Vec<Entry>,
    max_steps: usize,
    /// Whether the top undo step may still absorb edits with its coalesce key.
    open: bool,
    revision: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_STEPS)
    }
}

impl History {
    /// An empty history that keeps at most `max_steps` undo steps (the oldest are dropped), on
    /// data at a [`fresh_revision`].
    pub fn new(max_steps: usize) -> Self {
        Self::starting_at(max_steps, fresh_revision())
    }

    /// An empty history that keeps at most `max_steps` undo steps, on data at `revision` (the
    /// revision its document took from [`fresh_revision`]).
    pub fn starting_at(max_steps: usize, revision: u64) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            max_steps,
            open: false,
            revision,
        }
    }

    /// Forgets every step; the data takes a fresh revision.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = false;
        self.revision = fresh_revision();
    }

    /// Identifies the current state of the data: it changes with every recorded edit and returns
    /// to an earlier value when undo returns to that state. Compare with the revision saved.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edits` to `ds` as one undoable step labelled `label`, all or nothing, and clears
    /// redo. With a `coalesce` key equal to the open top step's, the edits join that step (one
    /// undo then restores the state before the whole burst). No edits: nothing happens.
    pub fn record(
        &mut self,
        ds: &mut Dataset,
        label: impl Into<String>,
        edits: Vec<Edit>,
        coalesce: Option<CoalesceKey>,
    ) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        let inverse = apply_all(ds, edits)?;
        let mut label = label.into();
        let before = self.revision;
        let after = fresh_revision();
        let merge = self.open
            && coalesce.is_some()
            && self.redo.is_empty()
            && self
                .undo
                .back()
                .is_some_and(|top| top.step.coalesce == coalesce);
        self.redo.clear();
        self.revision = after;
        if merge && let Some(top) = self.undo.back_mut() {
            // A standard label made against the value in mid-burst is remade against the value
            // before the burst ("Rename Pinterest to Pinterest Inc.", not "... Pinterest In to ...").
            if let Some(relabel) = relabel_burst(ds, &inverse, &top.step.edits, &label) {
                label = relabel;
            }
            let older = std::mem::take(&mut top.step.edits);
            top.step.edits = merge_inverse(inverse, older);
            top.step.label = label;
            top.after = after;
            return Ok(());
        }
        self.undo.push_back(Entry {
            step: Step {
                label,
                edits: inverse,
                coalesce: coalesce.clone(),
            },
            before,
            after,
        });
        while self.undo.len() > self.max_steps {
            self.undo.pop_front();
        }
        self.open = coalesce.is_some();
        Ok(())
    }

    /// Ends the current burst: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Undoes the last step and returns its label; `None` when there is nothing to undo.
    pub fn undo(&mut self, ds: &mut Dataset) -> Option<String> {
        let entry = self.undo.pop_back()?;
        self.open = false;
        let Entry {
            step,
            before,
            after,
        } = entry;
        match apply_all(ds, step.edits) {
            Ok(redo) => {
                self.revision = before;
                self.redo.push(Entry {
                    step: Step {
                        label: step.label.clone(),
                        edits: redo,
                        coalesce: step.coalesce,
                    },
                    before,
                    after,
                });
                Some(step.label)
            }
            Err(e) => self.give_up(&e),
        }
    }

    /// Redoes the last undone step and returns its label; `None` when there is nothing to redo.
    pub fn redo(&mut self, ds: &mut Dataset) -> Option<String> {
        let entry = self.redo.pop()?;
        self.open = false;
        let Entry {
            step,
            before,
            after,
        } = entry;
        match apply_all(ds, step.edits) {
            Ok(undo) => {
                self.revision = after;
                self.undo.push_back(Entry {
                    step: Step {
                        label: step.label.clone(),
                        edits: undo,
                        coalesce: step.coalesce,
                    },
                    before,
                    after,
                });
                Some(step.label)
            }
            Err(e) => self.give_up(&e),
        }
    }

    /// The data was changed without this history, so its steps no longer fit: forget them.
    fn give_up(&mut self, e: &EditError) -> Option<String> {
        log::warn!("undo history no longer matches the data ({e}); history cleared");
        self.clear();
        None
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Label of the step undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|e| e.step.label.as_str())
    }

    /// Label of the step redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.step.label.as_str())
    }

    /// Text of the Edit menu's undo item: "Undo rename Pinterest to X", or "Undo" when disabled.
    pub fn undo_menu_text(&self) -> String {
        menu_text("Undo", self.undo_label())
    }

    /// Text of the Edit menu's redo item: "Redo rename Pinterest to X", or "Redo" when disabled.
    pub fn redo_menu_text(&self) -> String {
        menu_text("Redo", self.redo_label())
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// The steps that can be undone, oldest first (each holding its inverse edits).
    pub fn undo_steps(&self) -> impl Iterator<Item = &Step> {
        self.undo.iter().map(|e| &e.step)
    }

    /// Approximate bytes held by both stacks (steps, labels and the records their edits hold).
    pub fn approx_bytes(&self) -> usize {
        size_of::<History>()
            + self.undo.iter().map(Entry::approx_bytes).sum::<usize>()
            + self.redo.iter().map(Entry::approx_bytes).sum::<usize>()
    }
}

fn menu_text(verb: &str, label: Option<&str>) -> String {
    let Some(label) = label else {
        return verb.to_owned();
    };
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => format!("{verb} {}{}", first.to_lowercase(), chars.as_str()),
        None => verb.to_owned(),
    }
}

/// Where a slot edit writes: the same slot written twice needs only the older inverse.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Meta,
    Record(crate::model::RecordKind, usize),
}

fn slot(edit: &Edit) -> Option<Slot> {
    match edit {
        Edit::SetMeta(_) => Some(Slot::Meta),
        Edit::Replace { at, record } => Some(Slot::Record(record.kind(), *at)),
        Edit::Insert { .. } | Edit::Remove { .. } => None,
    }
}

/// The inverse of a burst: `newer` (undoing the latest edits) then `older`. When `older` only
/// overwrites whole slots (no insert or remove, so positions stay put) and covers every slot
/// `newer` writes, `newer` is redundant and dropped, so a long typing burst holds one record.
fn merge_inverse(newer: Vec<Edit>, older: Vec<Edit>) -> Vec<Edit> {
    let older_slots: Option<Vec<Slot>> = older.iter().map(slot).collect();
    if let Some(older_slots) = older_slots {
        let covered = newer
            .iter()
            .all(|e| slot(e).is_some_and(|s| older_slots.contains(&s)));
        if covered {
            return older;
        }
    }
    let mut merged = newer;
    merged.extend(older);
    merged
}

/// For a burst on one record: when `label` is what [`describe_change`] says for the latest edit,
/// the label [`describe_change`] gives from the record before the burst to the record now.
fn relabel_burst(ds: &Dataset, newer: &[Edit], older: &[Edit], label: &str) -> Option<String> {
    let (
        [Edit::Replace { at, record: mid }],
        [
            Edit::Replace {
                at: at0,
                record: first,
            },
        ],
    ) = (newer, older)
    else {
        return None;
    };
    if at != at0 || mid.kind() != first.kind() {
        return None;
    }
    let now: AnyRecord = record_at(ds, mid.kind(), *at)?;
    (describe_change(mid, &now) == label).then(|| describe_change(first, &now))
}
