//! What format 2 adds, in the window (egui_kittest, by accessible labels): quotes in quotation
//! marks and paraphrases "as summarised", citation details beside their source, what a status
//! date means, former roles, openness bases, approximate sizes, rolling periods, the new conflict
//! kind; the form fields for each; new claims and adoptions that cite and target nothing yet.

use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::io::save_atomic;
use ai_adoption_explorer::model::*;
use ai_adoption_explorer::ui::ExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

/// The shared sample with every format 2 feature set somewhere (and its text in scripts the
/// bundled fonts draw: the tests refuse a missing glyph).
fn dataset() -> Dataset {
    let mut ds = common::sample();
    ds.meta.title = "Sample".into();
    ds.organizations[0].native_name.clear();
    ds.people[0].native_name.clear();
    ds.sources[1].publisher = "News".into();
    ds.claims[0].paraphrase = "Costs fell by as much as 30%.".into();
    ds.claims[0].source = Some(Citation::with_detail("s2", "p. 4"));
    ds.claims[1].when = Some(When::Trailing(30, common::d("2024-12-31")));
    ds.roles[0].until = None;
    ds.roles[0].former = true;
    ds.models[0].openness_basis = Some(OpennessBasis::License);
    ds.models[0].params_qualifier = Qualifier::About;
    ds.models[0].context_qualifier = Qualifier::About;
    ds.models[1].openness_basis = Some(OpennessBasis::Source(common::src("s1")));
    ds.organizations[1].sources[1].detail = "row 37".into();
    ds.conflicts[0].kind = ConflictKind::DifferingAccounts;
    ds
}

/// The window on `dataset()` (saved to a file and opened), plots hidden.
fn harness() -> (tempfile::TempDir, Harness<'static, ExplorerApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.ron");
    save_atomic(&dataset(), &path).unwrap();
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    state.apply(Action::Open(path));
    assert!(state.doc.problems.is_empty(), "{:?}", state.doc.problems);
    // Tall, so that the longest form is on screen whole.
    let h = common::window::window(state, egui::vec2(1400.0, 1800.0), |_| {});
    (dir, h)
}

fn select(h: &mut Harness<'_, ExplorerApp>, r: RecordRef) {
    h.state_mut().state.apply(Action::Select(r));
    h.run();
}

#[test]
fn a_quote_is_in_quotation_marks_and_a_paraphrase_is_labelled_as_summarised() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Claim(ClaimId::new("c-cost")));
    // In the claim's own view and in the conflict it is part of.
    assert!(h.query_all_by_label("“costs fell by up to 30%”").count() >= 1);
    assert!(h.query_all_by_label("As summarised:").count() >= 1);
    assert!(
        h.query_all_by_label("Costs fell by as much as 30%.")
            .count()
            >= 1
    );
    assert!(
        h.query_by_label("“Costs fell by as much as 30%.”")
            .is_none(),
        "a paraphrase is never shown as the source's words"
    );
    // The citation's detail sits beside its source: the link to it, and its marker.
    let ds = dataset();
    let source_name = source_name(&ds, &ds.sources[1], SourceName::Title);
    // In the claim's view (a link) and in its conflict's summary.
    assert_eq!(
        h.query_all_by_label(&format!("{source_name}, p. 4"))
            .count(),
        2
    );
    assert!(
        h.query_all_by_label(&format!("Source [2]: {source_name}, p. 4"))
            .count()
            >= 1
    );
}

#[test]
fn a_rolling_period_reads_as_days_to_a_date() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Claim(ClaimId::new("c-downloads")));
    assert!(h.query_by_label("30 days to 2024-12-31").is_some());
}

#[test]
fn status_steps_say_since_or_reported_as_of() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Adoption(AdoptionId::new("acme-fam-7b")));
    assert!(
        h.query_by_label("Evaluating, reported as of 2024-01")
            .is_some()
    );
    assert!(h.query_by_label("In production since 2024-06-15").is_some());
}

#[test]
fn a_former_role_is_shown_as_former() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Organization(OrgId::new("acme")));
    assert!(h.query_by_label("– former CTO").is_some());
    select(&mut h, RecordRef::Role(RoleId::new("ada-cto")));
    assert!(h.query_by_label("Role (former)").is_some());
    assert!(h.query_by_label("former CTO").is_some());
}

#[test]
fn models_say_where_their_openness_comes_from_and_how_exact_their_size_is() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Model(ModelId::new("fam-7b")));
    assert!(
        h.query_by_label("Open weights (unrestricted), inferred from the licence")
            .is_some()
    );
    assert!(
        h.query_by_label("about 7B total, about 7B active per token")
            .is_some()
    );
    assert!(h.query_by_label("about 128K tokens").is_some());
    select(&mut h, RecordRef::Model(ModelId::new("fam-moe")));
    assert!(
        h.query_by_label_contains("API access, per Model card")
            .is_some()
    );
    assert!(
        h.query_by_label("235B total, 22B active per token")
            .is_some()
    );
}

#[test]
fn a_conflict_shows_its_kind() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Conflict(ConflictId::new("k1")));
    assert!(
        h.query_by_label("≈ Accounts differ without contradicting")
            .is_some()
    );
}

#[test]
fn the_forms_have_a_field_for_each_new_value() {
    let (_dir, mut h) = harness();
    for (r, labels) in [
        (
            RecordRef::Claim(ClaimId::new("c-downloads")),
            &[
                "Paraphrase (as summarised)",
                "Where in the source (row, page)",
                "Period length (days)",
                "Period ends on",
            ][..],
        ),
        (
            RecordRef::Model(ModelId::new("fam-7b")),
            &[
                "Parameters are",
                "Context length is",
                "Openness according to",
            ][..],
        ),
        (
            RecordRef::Adoption(AdoptionId::new("acme-fam-7b")),
            &["The date says"][..],
        ),
        (RecordRef::Role(RoleId::new("ada-cto")), &["Former"][..]),
        (
            RecordRef::Conflict(ConflictId::new("k1")),
            &["How they disagree"][..],
        ),
    ] {
        select(&mut h, r.clone());
        // "Edit record" is a toggle that stays on from one record to the next.
        let form_shown =
            h.query_all_by_label("Notes").count() + h.query_all_by_label("Description").count() > 0;
        if !form_shown {
            h.get_by_label("Edit record").click();
            h.run();
        }
        for l in labels {
            assert!(h.query_all_by_label(l).count() > 0, "{r:?}: no field {l}");
        }
    }
}

#[test]
fn a_citation_detail_typed_in_the_form_is_stored() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Claim(ClaimId::new("c-downloads")));
    h.get_by_label("Edit record").click();
    h.run();
    h.get_by_label("Where in the source (row, page)").focus();
    h.run();
    h.get_by_label("Where in the source (row, page)")
        .type_text("row 12");
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    assert_eq!(
        ds.claims[1].source,
        Some(Citation::with_detail("s1", "row 12"))
    );
}

#[test]
fn a_new_claim_cites_nothing_and_a_new_adoption_targets_nothing_until_chosen() {
    let (_dir, mut h) = harness();
    select(&mut h, RecordRef::Organization(OrgId::new("acme")));
    h.get_by_label("+ Add a figure").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let claim = ds.claims.last().unwrap();
    assert_eq!(claim.source, None);
    let problems = &h.state().state.doc.problems;
    assert!(
        problems.iter().any(|p| p.id == claim.id.as_str()
            && p.field == "source"
            && p.message == "no source chosen yet"),
        "{problems:?}"
    );
    select(&mut h, RecordRef::Organization(OrgId::new("acme")));
    h.get_by_label("+ Add an adoption").click();
    h.run();
    let ds = h.state().state.doc.dataset.clone();
    let adoption = ds.adoptions.last().unwrap();
    assert_eq!(adoption.target, None);
    assert!(
        h.state()
            .state
            .doc
            .problems
            .iter()
            .any(|p| p.id == adoption.id.as_str() && p.field == "target")
    );
}
