//! Recovery copies: written while changes are unsaved, offered at the next start after a crash,
//! restored with the edits. `cargo test recover` runs these.

use std::time::{Duration, Instant};

use ai_adoption_explorer::app::edit::{AnyRecord, replace_record};
use ai_adoption_explorer::app::recovery::{self, AUTOSAVE_EVERY};
use ai_adoption_explorer::app::{Action, AppState, Modal, Origin, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::OrgId;

fn rename_pinterest(state: &mut AppState, to: &str) {
    let ds = state.doc.dataset.clone();
    let mut o = ds
        .organizations
        .iter()
        .find(|o| o.id == OrgId::new("pinterest"))
        .unwrap()
        .clone();
    o.name = to.to_owned();
    let (label, edits) = replace_record(&ds, AnyRecord::from(o)).unwrap();
    drop(ds);
    state.apply(Action::Edit {
        label,
        edits,
        coalesce: None,
    });
}

fn fresh_state() -> AppState {
    AppState::new(Box::new(ScriptedDialogs::default()), Settings::default())
}

#[test]
fn recover_copy_is_written_after_30_seconds_of_unsaved_changes_and_never_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    let mut s = fresh_state().with_recovery(path.clone());
    let t0 = Instant::now();
    s.tick(t0);
    assert!(
        !path.exists(),
        "nothing to recover while there are no changes"
    );
    rename_pinterest(&mut s, "Pinterest (edited)");
    s.tick(t0 + Duration::from_secs(1));
    s.tick(t0 + Duration::from_secs(20));
    assert!(!path.exists(), "not before 30 seconds");
    s.tick(t0 + Duration::from_secs(1) + AUTOSAVE_EVERY);
    assert!(
        path.exists(),
        "written once changes were unsaved for 30 seconds"
    );
    let copy = recovery::read(&path).unwrap();
    assert_eq!(&copy.dataset, s.doc.dataset.as_ref());
    assert_eq!(copy.origin, None, "the built-in dataset has no file");
    assert!(copy.builtin, "but it is remembered as the built-in dataset");
}

#[test]
fn recover_after_a_crash_offers_the_copy_and_restores_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    // A session edits, its copy is written, then it "crashes" (is dropped without saving).
    let edited = {
        let mut s = fresh_state().with_recovery(path.clone());
        rename_pinterest(&mut s, "Pinterest, recovered");
        let t0 = Instant::now();
        s.tick(t0);
        s.tick(t0 + AUTOSAVE_EVERY);
        s.doc.dataset.clone()
    };
    assert!(path.exists());
    // The next start offers it...
    let mut s = fresh_state().with_recovery(path.clone());
    assert!(
        matches!(s.modal, Some(Modal::OfferRecovery { .. })),
        "got {:?}",
        s.modal
    );
    // ...and restoring brings the edits back, unsaved.
    s.apply(Action::RestoreRecovery);
    assert!(s.modal.is_none());
    assert_eq!(s.doc.dataset, edited);
    assert!(s.doc.is_dirty(), "restored changes still need saving");
    // Still the built-in dataset (not "Untitled"): saving it asks where, as before the crash.
    assert_eq!(s.doc.origin, Origin::Builtin);
}

#[test]
fn recover_copy_is_removed_by_save_and_by_discard() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    let out = dir.path().join("saved.ron");
    let mut s = AppState::new(
        Box::new(ScriptedDialogs::new([
            ai_adoption_explorer::app::DialogOutcome::Picked(out.clone()),
        ])),
        Settings::default(),
    )
    .with_recovery(path.clone());
    rename_pinterest(&mut s, "Pinterest 2");
    let t0 = Instant::now();
    s.tick(t0);
    s.tick(t0 + AUTOSAVE_EVERY);
    assert!(path.exists());
    s.apply(Action::Save);
    assert!(out.exists() && !s.doc.is_dirty());
    assert!(!path.exists(), "a save makes the copy unnecessary");

    // Discarding at the offer removes it too.
    recovery::write(&path, None, false, &s.doc.dataset).unwrap();
    let mut s = fresh_state().with_recovery(path.clone());
    s.apply(Action::DiscardRecovery);
    assert!(!path.exists());
    assert_eq!(s.doc.origin, Origin::Builtin);
}

#[test]
fn recover_ignores_a_broken_copy_without_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    std::fs::write(&path, b"\xff\xfe not a recovery file").unwrap();
    let s = fresh_state().with_recovery(path.clone());
    assert!(s.modal.is_none(), "nothing to offer");
    assert!(!path.exists(), "the unusable copy is removed");
}
