//! Changes to a dataset: [`Edit`] and [`apply`], which returns the exact inverse so undo history
//! keeps only the records an edit touched, and the helpers that turn a request into edits and an
//! Edit-menu label. Delete plans are in `plan.rs`; the records themselves in [`crate::model`].

mod follow;
mod plan;

use std::mem::size_of;

use crate::model::record::{Record, approx_bytes_of, by_kind, each_record};
use crate::model::{Dataset, Meta, RecordKind, RecordRef};

pub use crate::model::{
    AnyRecord, dataset_approx_bytes, find_record, fresh_id, position, record_at, references_to,
};
pub use follow::follow_name;
pub use plan::{DeleteBlocked, DeleteMode, delete_plan};

/// One primitive, invertible change to a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert `record` at position `at` of its kind's list (`at` may equal the list's length).
    Insert {
        /// Position in the list of the record's kind.
        at: usize,
        /// The record to insert.
        record: AnyRecord,
    },
    /// Remove the record at position `at` of the `kind` list; the inverse holds the record.
    Remove {
        /// Which list.
        kind: RecordKind,
        /// Position in that list.
        at: usize,
    },
    /// Replace the whole record at position `at` of its kind's list.
    Replace {
        /// Position in the list of the record's kind.
        at: usize,
        /// The new record.
        record: AnyRecord,
    },
    /// Replace the dataset's description.
    SetMeta(Meta),
}

impl Edit {
    /// Approximate bytes this edit holds in memory (the edit plus any record it carries).
    pub fn approx_bytes(&self) -> usize {
        size_of::<Edit>()
            + match self {
                Edit::Insert { record, .. } | Edit::Replace { record, .. } => record.approx_bytes(),
                Edit::Remove { .. } => 0,
                Edit::SetMeta(meta) => approx_bytes_of(meta),
            }
    }
}

/// Why an edit could not be applied; the dataset is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The position is past the end of the list.
    #[error("there is no {kind} at position {at} (the list holds {len})")]
    OutOfRange {
        /// Which list.
        kind: RecordKind,
        /// The position asked for.
        at: usize,
        /// How many records the list holds.
        len: usize,
    },
    /// The dataset header was given where a record kind is needed.
    #[error("the dataset header is not a record list; edit it with SetMeta")]
    NotARecordKind,
}

/// Applies one edit and returns its exact inverse. Never panics: on error the dataset is unchanged.
pub fn apply(ds: &mut Dataset, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Insert { at, record } => {
            let kind = record.kind();
            each_record!(record, r => insert_at(ds, at, *r))?;
            Ok(Edit::Remove { kind, at })
        }
        Edit::Remove { kind, at } => {
            let record = by_kind!(kind, T => remove_at::<T>(ds, at), dataset => Err(EditError::NotARecordKind))?;
            Ok(Edit::Insert { at, record })
        }
        Edit::Replace { at, record } => {
            let old = each_record!(record, r => replace_at(ds, at, *r))?;
            Ok(Edit::Replace { at, record: old })
        }
        Edit::SetMeta(meta) => Ok(Edit::SetMeta(std::mem::replace(&mut ds.meta, meta))),
    }
}

/// Applies `edits` in order, all or nothing. Returns the inverse edits in the order that undoes
/// them (last edit's inverse first); on error, the edits already applied are rolled back.
pub fn apply_all(ds: &mut Dataset, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverse = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(ds, edit) {
            Ok(inv) => inverse.push(inv),
            Err(e) => {
                for inv in inverse.into_iter().rev() {
                    // The inverse of an edit that just succeeded always applies.
                    let rolled_back = apply(ds, inv);
                    debug_assert!(rolled_back.is_ok());
                }
                return Err(e);
            }
        }
    }
    inverse.reverse();
    Ok(inverse)
}

fn out_of_range<T: Record>(at: usize, len: usize) -> EditError {
    EditError::OutOfRange {
        kind: T::KIND,
        at,
        len,
    }
}

fn insert_at<T: Record>(ds: &mut Dataset, at: usize, record: T) -> Result<(), EditError> {
    let list = T::list_mut(ds);
    if at > list.len() {
        return Err(out_of_range::<T>(at, list.len()));
    }
    list.insert(at, record);
    Ok(())
}

fn remove_at<T: Record>(ds: &mut Dataset, at: usize) -> Result<AnyRecord, EditError> {
    let list = T::list_mut(ds);
    if at >= list.len() {
        return Err(out_of_range::<T>(at, list.len()));
    }
    Ok(list.remove(at).into())
}

fn replace_at<T: Record>(ds: &mut Dataset, at: usize, record: T) -> Result<AnyRecord, EditError> {
    let list = T::list_mut(ds);
    let len = list.len();
    let Some(slot) = list.get_mut(at) else {
        return Err(out_of_range::<T>(at, len));
    };
    Ok(std::mem::replace(slot, record).into())
}

// ---------------------------------------------------------------------------------------------
// Helpers that build edits.

/// The label for changing `old` into `new`: "Rename Pinterest to X" when only the name changed,
/// else "Edit organization Pinterest".
pub fn describe_change(old: &AnyRecord, new: &AnyRecord) -> String {
    let kind = old.kind();
    let name = old.display_name();
    let mut renamed = old.clone();
    let new_name = new.clone().name_mut().map(|n| n.clone());
    if kind == new.kind()
        && let Some(to) = new_name
        && let Some(from) = renamed.name_mut()
        && *from != to
    {
        *from = to;
        if &renamed == new {
            return format!("Rename {name} to {}", new.display_name());
        }
    }
    format!("Edit {kind} {name}")
}

/// A whole-record replace of the record with `new`'s kind and id (found by id), labelled for the
/// Edit menu. No edits when nothing changed; `None` when no such record exists.
pub fn replace_record(ds: &Dataset, new: AnyRecord) -> Option<(String, Vec<Edit>)> {
    replace_record_at(ds, &new.record_ref(), new)
}

/// [`replace_record`] for the record `r`, which `new` replaces even when it has another id
/// (an id that follows the record's name, see [`follow_name`]).
pub fn replace_record_at(
    ds: &Dataset,
    r: &RecordRef,
    new: AnyRecord,
) -> Option<(String, Vec<Edit>)> {
    let (at, old) = find_record(ds, r)?;
    let label = describe_change(&old, &new);
    if old == new {
        return Some((label, Vec::new()));
    }
    Some((label, vec![Edit::Replace { at, record: new }]))
}

/// Appends `record` at the end of its kind's list ("Add organization Pinterest"). Give it an id
/// from [`fresh_id`] so ids stay unique.
pub fn insert_record(ds: &Dataset, record: AnyRecord) -> (String, Vec<Edit>) {
    let kind = record.kind();
    let at = by_kind!(kind, T => T::list(ds).len(), dataset => 0);
    let label = format!("Add {kind} {}", record.display_name());
    (label, vec![Edit::Insert { at, record }])
}

/// A copy of the record `r` with a fresh id (`<id>-copy`, `<id>-copy-2`, ...) and " (copy)" after
/// its name, inserted right after it. Returns the label, the edits and the new record's reference.
pub fn duplicate_record(ds: &Dataset, r: &RecordRef) -> Option<(String, Vec<Edit>, RecordRef)> {
    let (at, mut copy) = find_record(ds, r)?;
    let kind = copy.kind();
    let label = format!("Duplicate {kind} {}", copy.display_name());
    let id = fresh_id(ds, kind, &format!("{}-copy", copy.id()));
    copy.set_id(id);
    if let Some(name) = copy.name_mut()
        && !name.is_empty()
    {
        name.push_str(" (copy)");
    }
    let new_ref = copy.record_ref();
    Some((
        label,
        vec![Edit::Insert {
            at: at + 1,
            record: copy,
        }],
        new_ref,
    ))
}
