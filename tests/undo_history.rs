//! Undo/redo: each primitive edit's inverse, coalescing of bursts, the step cap, atomic steps,
//! deletes with cascade or unlink (no dangling reference, undo restores the file byte for byte),
//! and a property test over random edit sequences. Every test name contains `undo`, so
//! `cargo test undo` runs them all.

use std::collections::HashSet;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::app::edit::*;
use ai_adoption_explorer::app::history::{CoalesceKey, History};
use ai_adoption_explorer::io::{load_bytes, to_ron_string};
use ai_adoption_explorer::model::synth::synthetic;
use ai_adoption_explorer::model::*;
use proptest::prelude::*;

fn builtin() -> Dataset {
    load_bytes("data.ron", BUILTIN_RON.as_bytes())
        .expect("built-in data loads")
        .dataset
}

fn ron(ds: &Dataset) -> String {
    to_ron_string(ds).expect("serializes")
}

/// The "refers to ... which does not exist" problems, without field paths (which shift when a
/// list loses an element).
fn missing_refs(ds: &Dataset) -> HashSet<(RecordKind, String, String)> {
    validate(ds)
        .into_iter()
        .filter(|p| p.message.contains("which does not exist"))
        .map(|p| (p.kind, p.id, p.message))
        .collect()
}

fn org(id: &str, name: &str) -> Organization {
    Organization {
        id: OrgId::new(id),
        name: name.into(),
        native_name: String::new(),
        country: String::new(),
        kind: OrgKind::Company,
        sector: String::new(),
        headquarters: String::new(),
        founded: None,
        notes: String::new(),
        sources: vec![Citation::new("s0")],
    }
}

fn find_org<'a>(ds: &'a Dataset, id: &str) -> &'a Organization {
    ds.organizations
        .iter()
        .find(|o| o.id.as_str() == id)
        .expect("organization exists")
}

// ---------------------------------------------------------------------------------------------
// Primitive edits.

#[test]
fn undo_insert_inverse_is_remove() {
    let mut ds = synthetic(100, 1);
    let before = ds.clone();
    let inv = apply(
        &mut ds,
        Edit::Insert {
            at: 2,
            record: org("new", "New").into(),
        },
    )
    .expect("applies");
    assert_eq!(
        inv,
        Edit::Remove {
            kind: RecordKind::Organization,
            at: 2
        }
    );
    assert_eq!(ds.organizations[2].id.as_str(), "new");
    let back = apply(&mut ds, inv).expect("inverse applies");
    assert_eq!(ds, before);
    assert_eq!(
        back,
        Edit::Insert {
            at: 2,
            record: org("new", "New").into()
        }
    );
}

#[test]
fn undo_remove_inverse_holds_the_record() {
    let mut ds = synthetic(100, 1);
    let before = ds.clone();
    let removed = ds.models[5].clone();
    let inv = apply(
        &mut ds,
        Edit::Remove {
            kind: RecordKind::Model,
            at: 5,
        },
    )
    .expect("applies");
    assert_eq!(
        inv,
        Edit::Insert {
            at: 5,
            record: removed.into()
        }
    );
    assert_eq!(ds.models.len(), before.models.len() - 1);
    apply(&mut ds, inv).expect("inverse applies");
    assert_eq!(ds, before);
}

#[test]
fn undo_replace_inverse_holds_the_old_record() {
    let mut ds = synthetic(100, 1);
    let before = ds.clone();
    let mut changed = ds.organizations[3].clone();
    changed.name = "Renamed".into();
    let inv = apply(
        &mut ds,
        Edit::Replace {
            at: 3,
            record: changed.clone().into(),
        },
    )
    .expect("applies");
    assert_eq!(
        inv,
        Edit::Replace {
            at: 3,
            record: before.organizations[3].clone().into()
        }
    );
    assert_eq!(ds.organizations[3], changed);
    apply(&mut ds, inv).expect("inverse applies");
    assert_eq!(ds, before);
}

#[test]
fn undo_set_meta_inverse_restores_meta() {
    let mut ds = synthetic(100, 1);
    let before = ds.clone();
    let meta = Meta {
        title: "Other".into(),
        ..Meta::default()
    };
    let inv = apply(&mut ds, Edit::SetMeta(meta.clone())).expect("applies");
    assert_eq!(inv, Edit::SetMeta(before.meta.clone()));
    assert_eq!(ds.meta, meta);
    apply(&mut ds, inv).expect("inverse applies");
    assert_eq!(ds, before);
}

#[test]
fn undo_bad_positions_are_errors_and_change_nothing() {
    let mut ds = synthetic(100, 1);
    let before = ds.clone();
    let n = ds.organizations.len();
    let bad = [
        Edit::Insert {
            at: n + 1,
            record: org("x", "X").into(),
        },
        Edit::Remove {
            kind: RecordKind::Organization,
            at: n,
        },
        Edit::Remove {
            kind: RecordKind::Person,
            at: 0,
        },
        Edit::Remove {
            kind: RecordKind::Dataset,
            at: 0,
        },
        Edit::Replace {
            at: usize::MAX,
            record: org("x", "X").into(),
        },
    ];
    for edit in bad {
        assert!(apply(&mut ds, edit.clone()).is_err(), "{edit:?}");
        assert_eq!(ds, before);
    }
    assert_eq!(
        apply(
            &mut ds,
            Edit::Remove {
                kind: RecordKind::Organization,
                at: n
            }
        ),
        Err(EditError::OutOfRange {
            kind: RecordKind::Organization,
            at: n,
            len: n
        })
    );
}

// ---------------------------------------------------------------------------------------------
// History.

fn rename_step(ds: &Dataset, id: &str, name: &str) -> (String, Vec<Edit>) {
    let mut o = find_org(ds, id).clone();
    o.name = name.into();
    replace_record(ds, o.into()).expect("record exists")
}

fn name_key(id: &str) -> Option<CoalesceKey> {
    Some(CoalesceKey::field(
        RecordRef::Organization(OrgId::new(id)),
        "name",
    ))
}

#[test]
fn undo_typing_burst_is_one_step() {
    let mut ds = builtin();
    let original = ds.clone();
    let mut h = History::new(100);
    for name in ["Pinterest I", "Pinterest In", "Pinterest Inc"] {
        let (label, edits) = rename_step(&ds, "pinterest", name);
        h.record(&mut ds, label, edits, name_key("pinterest"))
            .expect("records");
    }
    assert_eq!(h.undo_len(), 1);
    assert_eq!(h.undo_label(), Some("Rename Pinterest to Pinterest Inc"));
    assert_eq!(h.undo_menu_text(), "Undo rename Pinterest to Pinterest Inc");
    // A burst over one slot keeps only the value before it.
    assert_eq!(h.undo_steps().map(|s| s.edits.len()).sum::<usize>(), 1);
    let edited = ds.clone();
    assert_eq!(
        h.undo(&mut ds).as_deref(),
        Some("Rename Pinterest to Pinterest Inc")
    );
    assert_eq!(ds, original);
    assert_eq!(find_org(&ds, "pinterest").name, "Pinterest");
    assert!(h.undo(&mut ds).is_none());
    assert_eq!(h.redo_menu_text(), "Redo rename Pinterest to Pinterest Inc");
    h.redo(&mut ds);
    assert_eq!(ds, edited);
}

#[test]
fn undo_different_key_or_seal_starts_a_new_step() {
    let mut ds = builtin();
    let mut h = History::new(100);
    let (l, e) = rename_step(&ds, "pinterest", "P1");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    // Another field: a new step.
    let (l, e) = rename_step(&ds, "airbnb", "A1");
    h.record(&mut ds, l, e, name_key("airbnb")).expect("ok");
    assert_eq!(h.undo_len(), 2);
    // Same key again but after another key: a new step.
    let (l, e) = rename_step(&ds, "pinterest", "P2");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    assert_eq!(h.undo_len(), 3);
    // Same key, still open: merged.
    let (l, e) = rename_step(&ds, "pinterest", "P3");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    assert_eq!(h.undo_len(), 3);
    // Sealed (focus lost): the next edit with the same key is a new step.
    h.seal();
    let (l, e) = rename_step(&ds, "pinterest", "P4");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    assert_eq!(h.undo_len(), 4);
    // No key: never merged.
    let (l, e) = rename_step(&ds, "pinterest", "P5");
    h.record(&mut ds, l, e, None).expect("ok");
    let (l, e) = rename_step(&ds, "pinterest", "P6");
    h.record(&mut ds, l, e, None).expect("ok");
    assert_eq!(h.undo_len(), 6);
    h.undo(&mut ds);
    assert_eq!(find_org(&ds, "pinterest").name, "P5");
    h.undo(&mut ds);
    assert_eq!(find_org(&ds, "pinterest").name, "P4");
    h.undo(&mut ds);
    assert_eq!(find_org(&ds, "pinterest").name, "P3");
    h.undo(&mut ds);
    assert_eq!(find_org(&ds, "pinterest").name, "P1");
}

#[test]
fn undo_then_new_edit_clears_redo() {
    let mut ds = builtin();
    let mut h = History::new(100);
    let (l, e) = rename_step(&ds, "pinterest", "P1");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    let (l, e) = rename_step(&ds, "airbnb", "A1");
    h.record(&mut ds, l, e, None).expect("ok");
    h.undo(&mut ds);
    assert!(h.can_redo());
    h.redo(&mut ds);
    h.undo(&mut ds);
    assert!(h.can_redo());
    // Same key as the (now top) pinterest step: must not merge into it after an undo.
    let (l, e) = rename_step(&ds, "pinterest", "P2");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    assert!(!h.can_redo());
    assert!(h.redo(&mut ds).is_none());
    assert_eq!(h.undo_len(), 2);
    h.undo(&mut ds);
    assert_eq!(find_org(&ds, "pinterest").name, "P1");
    assert_eq!(find_org(&ds, "airbnb").name, "Airbnb");
}

#[test]
fn undo_history_is_capped() {
    let mut ds = synthetic(1000, 3);
    let mut h = History::new(100);
    for i in 0..150 {
        let mut o = ds.organizations[0].clone();
        o.name = format!("Name {i}");
        let (l, e) = replace_record(&ds, o.into()).expect("exists");
        h.record(&mut ds, l, e, None).expect("ok");
    }
    assert_eq!(h.undo_len(), 100);
    for _ in 0..100 {
        assert!(h.undo(&mut ds).is_some());
    }
    assert!(h.undo(&mut ds).is_none());
    // The oldest 50 steps were dropped: the name is the one after step 49.
    assert_eq!(ds.organizations[0].name, "Name 49");
}

#[test]
fn undo_failing_edit_rolls_back_the_step() {
    let mut ds = synthetic(200, 2);
    let before = ds.clone();
    let mut h = History::new(100);
    let start_revision = h.revision();
    let n = ds.organizations.len();
    let edits = vec![
        Edit::Insert {
            at: 0,
            record: org("new", "New").into(),
        },
        Edit::Remove {
            kind: RecordKind::Model,
            at: 3,
        },
        Edit::SetMeta(Meta::default()),
        Edit::Remove {
            kind: RecordKind::Organization,
            at: n + 5,
        },
    ];
    assert!(h.record(&mut ds, "Bad", edits, None).is_err());
    assert_eq!(ds, before);
    assert!(!h.can_undo());
    assert_eq!(h.revision(), start_revision);
}

#[test]
fn undo_revision_returns_to_the_saved_one() {
    let mut ds = builtin();
    let mut h = History::new(100);
    let saved = h.revision();
    let (l, e) = rename_step(&ds, "pinterest", "P1");
    h.record(&mut ds, l, e, None).expect("ok");
    let r1 = h.revision();
    assert_ne!(r1, saved);
    h.undo(&mut ds);
    assert_eq!(h.revision(), saved);
    h.redo(&mut ds);
    assert_eq!(h.revision(), r1);
    // A burst merged into a step is a new state.
    let (l, e) = rename_step(&ds, "pinterest", "P2");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    let r2 = h.revision();
    let (l, e) = rename_step(&ds, "pinterest", "P3");
    h.record(&mut ds, l, e, name_key("pinterest")).expect("ok");
    assert_ne!(h.revision(), r2);
    h.undo(&mut ds);
    assert_eq!(h.revision(), r1);
    // No edits: no step, no new revision.
    h.record(&mut ds, "Nothing", Vec::new(), None).expect("ok");
    assert_eq!(h.revision(), r1);
}

// ---------------------------------------------------------------------------------------------
// Helpers: labels, ids, duplicates, references, deletes.

#[test]
fn undo_labels_name_the_step() {
    let ds = builtin();
    let (label, edits) = rename_step(&ds, "pinterest", "Pinterest Inc.");
    assert_eq!(label, "Rename Pinterest to Pinterest Inc.");
    assert_eq!(edits.len(), 1);
    let mut o = find_org(&ds, "pinterest").clone();
    o.country = "Elsewhere".into();
    let (label, _) = replace_record(&ds, o.into()).expect("exists");
    assert_eq!(label, "Edit organization Pinterest");
    let (label, edits) =
        replace_record(&ds, find_org(&ds, "pinterest").clone().into()).expect("exists");
    assert!(edits.is_empty(), "{label}");
    assert!(replace_record(&ds, org("no-such-org", "X").into()).is_none());
    let (label, _) = insert_record(&ds, org("x", "Xyz").into());
    assert_eq!(label, "Add organization Xyz");
}

#[test]
fn undo_fresh_ids_follow_the_id_shape() {
    let mut ds = builtin();
    assert_eq!(
        fresh_id(&ds, RecordKind::Organization, "Alibaba Group (China)"),
        "alibaba-group-china"
    );
    assert_eq!(
        fresh_id(&ds, RecordKind::Organization, "Société Générale"),
        "societe-generale"
    );
    assert_eq!(
        fresh_id(&ds, RecordKind::Organization, "Pinterest"),
        "pinterest-2"
    );
    assert_eq!(
        fresh_id(&ds, RecordKind::Model, "Zeta2.5 72B"),
        "zeta2.5-72b"
    );
    assert_eq!(fresh_id(&ds, RecordKind::Organization, "阿里巴巴"), "org-1");
    assert_eq!(fresh_id(&ds, RecordKind::Person, "  "), "person-1");
    ds.organizations.push(org("org-1", "x"));
    assert_eq!(fresh_id(&ds, RecordKind::Organization, "阿里巴巴"), "org-2");
    let long = "a".repeat(300);
    let id = fresh_id(&ds, RecordKind::Organization, &long);
    assert!(check_id_shape(&id).is_ok());
    for name in ["Ünïcödé ✓", "--x--", "A/B\\C", "公司7", "..."] {
        let id = fresh_id(&ds, RecordKind::Event, name);
        assert!(check_id_shape(&id).is_ok(), "{name} -> {id}");
    }
}

#[test]
fn undo_duplicate_gets_a_fresh_id() {
    let mut ds = builtin();
    let original = ds.clone();
    let mut h = History::new(100);
    let target = RecordRef::Organization(OrgId::new("pinterest"));
    let (label, edits, new_ref) = duplicate_record(&ds, &target).expect("exists");
    assert_eq!(label, "Duplicate organization Pinterest");
    assert_eq!(
        new_ref,
        RecordRef::Organization(OrgId::new("pinterest-copy"))
    );
    h.record(&mut ds, label, edits, None).expect("ok");
    let (l, e, second) = duplicate_record(&ds, &target).expect("exists");
    assert_eq!(
        second,
        RecordRef::Organization(OrgId::new("pinterest-copy-2"))
    );
    h.record(&mut ds, l, e, None).expect("ok");
    assert_eq!(find_org(&ds, "pinterest-copy").name, "Pinterest (copy)");
    assert!(validate(&ds).is_empty(), "{:?}", validate(&ds));
    h.undo(&mut ds);
    h.undo(&mut ds);
    assert_eq!(ron(&ds), ron(&original));
}

#[test]
fn undo_references_to_lists_every_referring_field() {
    let ds = builtin();
    let refs = references_to(&ds, &RecordRef::Organization(OrgId::new("pinterest")));
    let has = |r: &RecordRef, field: &str| refs.iter().any(|(x, f)| x == r && f == field);
    assert!(has(
        &RecordRef::Adoption(AdoptionId::new("pinterest-qwen3-vl")),
        "organization"
    ));
    assert!(has(
        &RecordRef::Role(RoleId::new("madrigal-cto-pinterest")),
        "organization"
    ));
    assert!(has(
        &RecordRef::Claim(ClaimId::new("pinterest-cost-article")),
        "subject"
    ));
    // Every reference found really points at the target; and for a source, the citations.
    let source = &ds.sources[0];
    let cites = references_to(&ds, &RecordRef::Source(source.id.clone()));
    assert!(!cites.is_empty());
    assert!(cites.iter().all(|(r, f)| {
        f.contains("sources")
            || f == "source"
            || f == "via"
            || r.kind_and_id().0 == RecordKind::Claim
    }));
}

#[test]
fn undo_cascade_delete_of_pinterest_restores_the_file() {
    let mut ds = builtin();
    let original_text = ron(&ds);
    let target = RecordRef::Organization(OrgId::new("pinterest"));
    let (label, edits) = delete_plan(&ds, &target, DeleteMode::Cascade).expect("plan");
    assert!(
        label.starts_with("Delete organization Pinterest and "),
        "{label}"
    );
    let mut h = History::new(100);
    h.record(&mut ds, label.clone(), edits, None)
        .expect("applies");

    let pin = |id: &str| id == "pinterest";
    assert!(!ds.organizations.iter().any(|o| pin(o.id.as_str())));
    assert!(!ds.adoptions.iter().any(|a| pin(a.organization.as_str())));
    assert!(!ds.roles.iter().any(|r| pin(r.organization.as_str())));
    assert!(
        !ds.claims
            .iter()
            .any(|c| c.subject == Subject::Organization(OrgId::new("pinterest")))
    );
    assert!(references_to(&ds, &target).is_empty());
    assert!(missing_refs(&ds).is_empty(), "{:?}", missing_refs(&ds));

    assert_eq!(h.undo(&mut ds).as_deref(), Some(label.as_str()));
    assert_eq!(ron(&ds), original_text);
    h.redo(&mut ds);
    assert!(references_to(&ds, &target).is_empty());
    h.undo(&mut ds);
    assert_eq!(ron(&ds), original_text);
}

#[test]
fn undo_unlink_delete_of_pinterest_leaves_no_dangling_reference() {
    let mut ds = builtin();
    let original_text = ron(&ds);
    let target = RecordRef::Organization(OrgId::new("pinterest"));
    let people = ds.people.len();
    let (_, edits) = delete_plan(&ds, &target, DeleteMode::Unlink).expect("plan");
    let mut h = History::new(100);
    h.record(&mut ds, "Delete", edits, None).expect("applies");
    assert!(references_to(&ds, &target).is_empty());
    assert!(missing_refs(&ds).is_empty(), "{:?}", missing_refs(&ds));
    // People who held roles at Pinterest stay; their roles there go (a role needs its org).
    assert_eq!(ds.people.len(), people);
    assert!(
        !ds.roles
            .iter()
            .any(|r| r.organization.as_str() == "pinterest")
    );
    h.undo(&mut ds);
    assert_eq!(ron(&ds), original_text);
}

#[test]
fn undo_delete_of_every_record_in_both_modes_leaves_no_dangling_reference() {
    let base = builtin();
    let before = missing_refs(&base);
    let base_text = ron(&base);
    let mut all = Vec::new();
    all.extend(base.sources.iter().map(|r| RecordRef::Source(r.id.clone())));
    all.extend(
        base.organizations
            .iter()
            .map(|r| RecordRef::Organization(r.id.clone())),
    );
    all.extend(base.people.iter().map(|r| RecordRef::Person(r.id.clone())));
    all.extend(base.roles.iter().map(|r| RecordRef::Role(r.id.clone())));
    all.extend(
        base.families
            .iter()
            .map(|r| RecordRef::Family(r.id.clone())),
    );
    all.extend(base.models.iter().map(|r| RecordRef::Model(r.id.clone())));
    all.extend(
        base.adoptions
            .iter()
            .map(|r| RecordRef::Adoption(r.id.clone())),
    );
    all.extend(base.claims.iter().map(|r| RecordRef::Claim(r.id.clone())));
    all.extend(
        base.conflicts
            .iter()
            .map(|r| RecordRef::Conflict(r.id.clone())),
    );
    all.extend(base.series.iter().map(|r| RecordRef::Series(r.id.clone())));
    all.extend(base.events.iter().map(|r| RecordRef::Event(r.id.clone())));
    let mut ds = base.clone();
    let mut h = History::new(100);
    for target in &all {
        for mode in [DeleteMode::Cascade, DeleteMode::Unlink] {
            let (label, edits) = delete_plan(&ds, target, mode).expect("plan");
            h.record(&mut ds, label, edits, None).expect("applies");
            assert!(position(&ds, target).is_none());
            let after = missing_refs(&ds);
            assert!(after.is_subset(&before), "{target:?} {mode:?}: {after:?}");
            let conflicts_ok = ds
                .conflicts
                .iter()
                .all(|c| c.records.iter().collect::<HashSet<_>>().len() >= 2);
            assert!(
                conflicts_ok,
                "{target:?} {mode:?} left a conflict of one record"
            );
            h.undo(&mut ds);
            assert_eq!(ds, base);
        }
    }
    assert_eq!(ron(&ds), base_text);
    assert!(matches!(
        delete_plan(
            &ds,
            &RecordRef::Person(PersonId::new("nobody")),
            DeleteMode::Cascade
        ),
        Err(DeleteBlocked::NotFound { .. })
    ));
}

#[test]
fn undo_unlink_keeps_records_that_only_cite_a_source() {
    let mut ds = synthetic(100, 4);
    let source = ds.sources[0].id.clone();
    let citing = ds
        .organizations
        .iter()
        .filter(|o| o.sources.iter().any(|c| c.source == source))
        .count();
    assert!(citing > 0);
    let orgs = ds.organizations.len();
    let cites = |c: &Claim| c.source.as_ref().is_some_and(|s| s.source == source);
    let claims_quoting = ds.claims.iter().filter(|c| cites(c)).count();
    let (label, edits) =
        delete_plan(&ds, &RecordRef::Source(source.clone()), DeleteMode::Unlink).expect("plan");
    assert!(label.contains("unlinking"), "{label}");
    let mut h = History::new(10);
    h.record(&mut ds, label, edits, None).expect("applies");
    assert_eq!(ds.organizations.len(), orgs);
    assert!(
        ds.organizations
            .iter()
            .all(|o| !o.sources.iter().any(|c| c.source == source))
    );
    // A claim cannot exist without its source: those go.
    assert!(claims_quoting > 0);
    assert!(!ds.claims.iter().any(cites));
    assert!(missing_refs(&ds).is_empty());
}

#[test]
fn undo_cascade_and_unlink_differ_on_optional_and_member_references() {
    let base = small_dataset(7);
    let ada = RecordRef::Person(PersonId::new("p0"));
    let claim_c0 = RecordRef::Claim(ClaimId::new("c0"));
    let event_e0 = RecordRef::Event(EventId::new("e0"));
    let role_r0 = RecordRef::Role(RoleId::new("r0"));
    let conflict_k0 = RecordRef::Conflict(ConflictId::new("k0"));

    let mut ds = base.clone();
    let mut h = History::new(10);
    let (label, edits) = delete_plan(&ds, &ada, DeleteMode::Cascade).expect("plan");
    assert_eq!(label, "Delete person Ada and 4 dependent records");
    h.record(&mut ds, label, edits, None).expect("applies");
    // Said by Ada, related to Ada, Ada's role, and the conflict left with one claim.
    for gone in [&claim_c0, &event_e0, &role_r0, &conflict_k0] {
        assert!(position(&ds, gone).is_none(), "{gone:?}");
    }
    h.undo(&mut ds);
    assert_eq!(ds, base);

    let (label, edits) = delete_plan(&ds, &ada, DeleteMode::Unlink).expect("plan");
    assert_eq!(
        label,
        "Delete person Ada and 1 dependent record, unlinking 2 records"
    );
    h.record(&mut ds, label, edits, None).expect("applies");
    assert!(position(&ds, &role_r0).is_none());
    let (_, claim) = find_record(&ds, &claim_c0).expect("claim stays");
    let AnyRecord::Claim(claim) = claim else {
        panic!("a claim")
    };
    assert_eq!(claim.said_by, None);
    let (_, event) = find_record(&ds, &event_e0).expect("event stays");
    let AnyRecord::Event(event) = event else {
        panic!("an event")
    };
    assert_eq!(
        event.related,
        vec![RecordRef::Organization(OrgId::new("o1"))]
    );
    assert!(position(&ds, &conflict_k0).is_some());
    h.undo(&mut ds);
    assert_eq!(ds, base);
}

// ---------------------------------------------------------------------------------------------
// Property test: random sequences of steps, all undone, all redone.

/// A small dataset with every kind of reference: via chains, people, roles, said_by, subjects of
/// every kind, conflicts, series, events and status-entry citations.
fn small_dataset(seed: u64) -> Dataset {
    let mut ds = synthetic(60, seed);
    let s = |i: usize| SourceId(format!("s{i}"));
    let cite = |i: usize| Citation::from(s(i));
    let mut via = ds.sources[0].clone();
    via.id = SourceId::new("s-reprint");
    via.via = Some(s(0));
    ds.sources.push(via.clone());
    via.id = SourceId::new("s-reprint-2");
    via.via = Some(SourceId::new("s-reprint"));
    ds.sources.push(via);
    for (i, name) in ["Ada", "Grace"].into_iter().enumerate() {
        ds.people.push(Person {
            id: PersonId(format!("p{i}")),
            name: name.into(),
            native_name: String::new(),
            notes: String::new(),
            sources: vec![cite(i)],
        });
        ds.roles.push(Role {
            id: RoleId(format!("r{i}")),
            person: PersonId(format!("p{i}")),
            organization: OrgId(format!("o{}", i + 1)),
            title: "CTO".into(),
            since: None,
            until: None,
            former: false,
            notes: String::new(),
            sources: vec![cite(2)],
        });
    }
    ds.claims[0].said_by = Some(Speaker::Person(PersonId::new("p0")));
    ds.claims[1].said_by = Some(Speaker::Organization(OrgId::new("o3")));
    ds.claims[2].subject = Subject::Organization(OrgId::new("o1"));
    ds.claims[3].subject = Subject::Model(ModelId::new("m1"));
    ds.claims[4].subject = Subject::Family(FamilyId::new("f0"));
    ds.claims[5].source = Some(Citation::new("s-reprint"));
    ds.adoptions[0].status[0].sources = vec![cite(1)];
    ds.adoptions[1].target = Some(AdoptionTarget::Family(FamilyId::new("f0")));
    ds.conflicts.push(Conflict {
        id: ConflictId::new("k0"),
        kind: ConflictKind::Contradiction,
        records: vec![
            RecordRef::Claim(ClaimId::new("c0")),
            RecordRef::Claim(ClaimId::new("c1")),
        ],
        description: "They disagree.".into(),
    });
    ds.conflicts.push(Conflict {
        id: ConflictId::new("k1"),
        kind: ConflictKind::DifferentMeasure,
        records: vec![
            RecordRef::Claim(ClaimId::new("c2")),
            RecordRef::Organization(OrgId::new("o1")),
            RecordRef::Model(ModelId::new("m2")),
        ],
        description: "Measured differently.".into(),
    });
    for (i, subject) in [
        Subject::Organization(OrgId::new("o1")),
        Subject::Model(ModelId::new("m3")),
    ]
    .into_iter()
    .enumerate()
    {
        ds.series.push(Series {
            id: SeriesId(format!("ser{i}")),
            name: format!("Series {i}"),
            subject,
            metric: Metric::MonthlyDownloads,
            unit: Unit::Count,
            points: vec![SeriesPoint {
                date: PartialDate::month(2025, 1),
                value: 10.0,
            }],
            notes: String::new(),
            sources: vec![cite(0)],
        });
    }
    ds.events.push(Event {
        id: EventId::new("e0"),
        date: None,
        kind: EventKind::Appointment,
        title: "Ada joins".into(),
        description: String::new(),
        related: vec![
            RecordRef::Organization(OrgId::new("o1")),
            RecordRef::Person(PersonId::new("p0")),
        ],
        sources: vec![cite(3)],
    });
    ds.events.push(Event {
        id: EventId::new("e1"),
        date: None,
        kind: EventKind::Release,
        title: "Release".into(),
        description: String::new(),
        related: vec![RecordRef::Model(ModelId::new("m1"))],
        sources: vec![cite(3)],
    });
    ds
}

const KINDS: [RecordKind; 11] = [
    RecordKind::Source,
    RecordKind::Organization,
    RecordKind::Person,
    RecordKind::Role,
    RecordKind::Family,
    RecordKind::Model,
    RecordKind::Adoption,
    RecordKind::Claim,
    RecordKind::Conflict,
    RecordKind::Series,
    RecordKind::Event,
];

fn len_of(ds: &Dataset, kind: RecordKind) -> usize {
    match kind {
        RecordKind::Source => ds.sources.len(),
        RecordKind::Organization => ds.organizations.len(),
        RecordKind::Person => ds.people.len(),
        RecordKind::Role => ds.roles.len(),
        RecordKind::Family => ds.families.len(),
        RecordKind::Model => ds.models.len(),
        RecordKind::Adoption => ds.adoptions.len(),
        RecordKind::Claim => ds.claims.len(),
        RecordKind::Conflict => ds.conflicts.len(),
        RecordKind::Series => ds.series.len(),
        RecordKind::Event => ds.events.len(),
        RecordKind::Dataset => 0,
    }
}

/// Changes one text field of any record.
fn touch(r: &mut AnyRecord, text: &str, rename: bool) {
    match r {
        AnyRecord::Source(x) => x.title = text.into(),
        AnyRecord::Organization(x) if rename => x.name = text.into(),
        AnyRecord::Organization(x) => x.notes = text.into(),
        AnyRecord::Person(x) => x.name = text.into(),
        AnyRecord::Role(x) => x.title = text.into(),
        AnyRecord::Family(x) => x.notes = text.into(),
        AnyRecord::Model(x) if rename => x.name = text.into(),
        AnyRecord::Model(x) => x.total_params_b = Some(text.len() as f64),
        AnyRecord::Adoption(x) => x.use_cases.push(text.into()),
        AnyRecord::Claim(x) => x.quote = text.into(),
        AnyRecord::Conflict(x) => x.description = text.into(),
        AnyRecord::Series(x) => x.name = text.into(),
        AnyRecord::Event(x) => x.title = text.into(),
    }
}

#[derive(Clone, Debug)]
enum Op {
    InsertOrg {
        at: usize,
        name: String,
    },
    InsertClaim {
        org: usize,
        source: usize,
    },
    Remove {
        kind: usize,
        at: usize,
    },
    Touch {
        kind: usize,
        at: usize,
        text: String,
        rename: bool,
    },
    Meta(String),
    Delete {
        kind: usize,
        at: usize,
        cascade: bool,
    },
    Duplicate {
        kind: usize,
        at: usize,
    },
    Failing {
        at: usize,
    },
}

#[derive(Clone, Debug)]
struct Spec {
    op: Op,
    key: Option<u8>,
    seal: bool,
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[A-Za-z é阿]{0,8}";
    prop_oneof![
        (0..50usize, text).prop_map(|(at, name)| Op::InsertOrg { at, name }),
        (0..50usize, 0..10usize).prop_map(|(org, source)| Op::InsertClaim { org, source }),
        (0..11usize, 0..50usize).prop_map(|(kind, at)| Op::Remove { kind, at }),
        (0..11usize, 0..50usize, text, any::<bool>()).prop_map(|(kind, at, text, rename)| {
            Op::Touch {
                kind,
                at,
                text,
                rename,
            }
        }),
        text.prop_map(Op::Meta),
        (0..11usize, 0..50usize, any::<bool>()).prop_map(|(kind, at, cascade)| Op::Delete {
            kind,
            at,
            cascade
        }),
        (0..11usize, 0..50usize).prop_map(|(kind, at)| Op::Duplicate { kind, at }),
        (0..50usize).prop_map(|at| Op::Failing { at }),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (op(), proptest::option::of(0..2u8), any::<bool>()).prop_map(|(op, key, seal)| Spec {
        op,
        key,
        seal,
    })
}

/// Builds the label and edits of one step against the current data (`None`: nothing to do).
fn build(ds: &Dataset, op: &Op) -> Option<(String, Vec<Edit>)> {
    let pick = |kind: usize, at: usize| {
        let kind = KINDS[kind % KINDS.len()];
        let len = len_of(ds, kind);
        (len > 0).then(|| (kind, at % len))
    };
    Some(match op {
        Op::InsertOrg { at, name } => {
            let id = fresh_id(ds, RecordKind::Organization, name);
            let at = at % (ds.organizations.len() + 1);
            (
                format!("Insert {id}"),
                vec![Edit::Insert {
                    at,
                    record: org(&id, name).into(),
                }],
            )
        }
        Op::InsertClaim { org, source } => {
            let o = ds.organizations.get(org % ds.organizations.len().max(1))?;
            let s = ds.sources.get(source % ds.sources.len().max(1))?;
            let mut c = ds.claims.first()?.clone();
            c.id = ClaimId(fresh_id(ds, RecordKind::Claim, "claim"));
            c.subject = Subject::Organization(o.id.clone());
            c.source = Some(Citation::new(s.id.clone()));
            insert_record(ds, c.into())
        }
        Op::Remove { kind, at } => {
            let (kind, at) = pick(*kind, *at)?;
            ("Remove".into(), vec![Edit::Remove { kind, at }])
        }
        Op::Touch {
            kind,
            at,
            text,
            rename,
        } => {
            let (kind, at) = pick(*kind, *at)?;
            let mut r = record_at(ds, kind, at)?;
            touch(&mut r, text, *rename);
            replace_record(ds, r)?
        }
        Op::Meta(title) => {
            let meta = Meta {
                title: title.clone(),
                ..ds.meta.clone()
            };
            ("Edit dataset".into(), vec![Edit::SetMeta(meta)])
        }
        Op::Delete { kind, at, cascade } => {
            let (kind, at) = pick(*kind, *at)?;
            let r = record_at(ds, kind, at)?.record_ref();
            let mode = if *cascade {
                DeleteMode::Cascade
            } else {
                DeleteMode::Unlink
            };
            delete_plan(ds, &r, mode).ok()?
        }
        Op::Duplicate { kind, at } => {
            let (kind, at) = pick(*kind, *at)?;
            let r = record_at(ds, kind, at)?.record_ref();
            let (label, edits, _) = duplicate_record(ds, &r)?;
            (label, edits)
        }
        Op::Failing { at } => (
            "Fails".into(),
            vec![
                Edit::SetMeta(Meta::default()),
                Edit::Insert {
                    at: *at % (ds.organizations.len() + 1),
                    record: org("failing", "Failing").into(),
                },
                Edit::Remove {
                    kind: RecordKind::Event,
                    at: ds.events.len() + at,
                },
            ],
        ),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_then_redo_all_round_trips(seed in 0..1000u64, specs in proptest::collection::vec(spec(), 1..25)) {
        let mut ds = small_dataset(seed);
        let original = ds.clone();
        let mut h = History::new(1000);
        let original_revision = h.revision();
        let mut calls = 0usize;
        for spec in &specs {
            let Some((label, edits)) = build(&ds, &spec.op) else { continue };
            let deleting = matches!(spec.op, Op::Delete { .. });
            let missing_before = if deleting { missing_refs(&ds) } else { HashSet::new() };
            let before = ds.clone();
            let key = spec.key.map(|k| CoalesceKey::named(format!("k{k}")));
            match h.record(&mut ds, label, edits, key) {
                Ok(()) => calls += 1,
                Err(_) => prop_assert_eq!(&ds, &before),
            }
            if matches!(spec.op, Op::Failing { .. }) {
                prop_assert_eq!(&ds, &before);
            }
            if deleting {
                prop_assert!(missing_refs(&ds).is_subset(&missing_before));
            }
            if spec.seal {
                h.seal();
            }
        }
        let edited = ds.clone();
        let edited_revision = h.revision();
        prop_assert!(h.undo_len() <= calls);
        for _ in 0..calls {
            h.undo(&mut ds);
        }
        prop_assert!(h.undo(&mut ds).is_none());
        prop_assert_eq!(&ds, &original);
        prop_assert_eq!(h.revision(), original_revision);
        for _ in 0..calls {
            h.redo(&mut ds);
        }
        prop_assert!(h.redo(&mut ds).is_none());
        prop_assert_eq!(&ds, &edited);
        prop_assert_eq!(h.revision(), edited_revision);
    }
}
