//! Planning a delete: which records go with the target and which are only unlinked.
//!
//! Every reference field has a strength (see [`crate::model::refs`]).
//! [`DeleteMode::Cascade`] ("delete them too") deletes, recursively, every record that refers to
//! a deleted record through an optional, member or required field; citations are unlinked, since
//! a source is evidence for a record, not part of it (deleting a source deletes the claims that
//! quote it, because `Claim::source` is required once chosen, but not the organizations that cite
//! it; an unset source or adoption target refers to nothing, so no delete touches it).
//!
//! [`DeleteMode::Unlink`] ("unlink them") drops citations, optional and member references (the
//! reference is removed from the list or set to `None`) and only deletes, recursively, the
//! records that refer to a deleted record through a required field: these cannot exist without
//! it.
//!
//! In both modes a conflict left with fewer than two different records is deleted too, since a
//! conflict needs two. No mode can leave a reference to a record that no longer exists.

use crate::model::record::{PerKind, Record, each_kind};
use crate::model::refs::{Gone, Link};
use crate::model::{Dataset, RecordKind, RecordRef, find_record};

use super::Edit;

/// What to do with the records that refer to a record being deleted (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeleteMode {
    /// Delete them too, recursively; citations (`sources`, `via`) are unlinked.
    Cascade,
    /// Drop the references; records that cannot exist without the target are deleted.
    Unlink,
}

/// Why a delete cannot be planned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeleteBlocked {
    /// The record to delete is not in the dataset.
    #[error("{kind} `{id}` does not exist")]
    NotFound {
        /// Its kind.
        kind: RecordKind,
        /// Its id.
        id: String,
    },
}

/// The edits that delete `target` and deal with the records referring to it as `mode` says, with
/// a label ("Delete organization Pinterest and 12 dependent records"). Rewrites come first, then
/// removals, highest position first within each kind, so the edits apply in order.
pub fn delete_plan(
    ds: &Dataset,
    target: &RecordRef,
    mode: DeleteMode,
) -> Result<(String, Vec<Edit>), DeleteBlocked> {
    let (kind, id) = target.kind_and_id();
    let Some((_, record)) = find_record(ds, target) else {
        return Err(DeleteBlocked::NotFound {
            kind,
            id: id.to_owned(),
        });
    };
    let mut gone = Gone::default();
    gone.insert(kind, id);

    // Grow the set of deleted records until nothing more must go with them.
    struct Grow<'a> {
        gone: &'a Gone,
        mode: DeleteMode,
        found: Vec<(RecordKind, String)>,
    }
    impl PerKind for Grow<'_> {
        fn visit<T: Record>(&mut self, list: &[T]) {
            for r in list {
                if self.gone.has(T::KIND, r.id_str()) {
                    continue;
                }
                let mut hit = false;
                r.refs(&mut |_, kind, id, link| {
                    hit = hit || (deletes_referrer(link, self.mode) && self.gone.has(kind, id));
                });
                if hit || r.orphaned(self.gone) {
                    self.found.push((T::KIND, r.id_str().to_owned()));
                }
            }
        }
    }
    loop {
        let mut grow = Grow {
            gone: &gone,
            mode,
            found: Vec::new(),
        };
        each_kind(ds, &mut grow);
        if grow.found.is_empty() {
            break;
        }
        for (k, i) in grow.found {
            gone.insert(k, &i);
        }
    }

    struct Plan<'a> {
        gone: &'a Gone,
        rewrites: Vec<Edit>,
        removals: Vec<Edit>,
    }
    impl PerKind for Plan<'_> {
        fn visit<T: Record>(&mut self, list: &[T]) {
            for (at, r) in list.iter().enumerate().rev() {
                if self.gone.has(T::KIND, r.id_str()) {
                    self.removals.push(Edit::Remove { kind: T::KIND, at });
                    continue;
                }
                let mut hit = false;
                r.refs(&mut |_, kind, id, _| hit = hit || self.gone.has(kind, id));
                if hit {
                    let mut rewritten = r.clone();
                    if rewritten.unlink(self.gone) {
                        self.rewrites.push(Edit::Replace {
                            at,
                            record: rewritten.into(),
                        });
                    }
                }
            }
        }
    }
    let mut plan = Plan {
        gone: &gone,
        rewrites: Vec::new(),
        removals: Vec::new(),
    };
    each_kind(ds, &mut plan);

    let mut label = format!("Delete {kind} {}", record.display_name());
    let dependents = gone.count().saturating_sub(1);
    if dependents > 0 {
        label.push_str(&format!(
            " and {dependents} dependent record{}",
            plural(dependents)
        ));
    }
    let unlinked = plan.rewrites.len();
    if unlinked > 0 {
        label.push_str(&format!(
            ", unlinking {unlinked} record{}",
            plural(unlinked)
        ));
    }
    let mut edits = plan.rewrites;
    edits.extend(plan.removals);
    Ok((label, edits))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether a record referring to a deleted record through a `link` field is deleted too.
fn deletes_referrer(link: Link, mode: DeleteMode) -> bool {
    match mode {
        DeleteMode::Cascade => link != Link::Citation,
        DeleteMode::Unlink => link == Link::Required,
    }
}
