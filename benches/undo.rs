//! Undo history at 100 000 records: one recorded edit plus its undo (target under 1 ms), a
//! cascade delete plus its undo, and the memory 100 steps of history hold (must stay under 10% of
//! the dataset). The dataset is held as `Arc<Dataset>` and edited through `Arc::make_mut`, as the
//! app does; nothing else holds it, so it is never cloned.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use ai_adoption_explorer::app::edit::{
    AnyRecord, DeleteMode, dataset_approx_bytes, delete_plan, replace_record,
};
use ai_adoption_explorer::app::history::History;
use ai_adoption_explorer::io::to_ron_string;
use ai_adoption_explorer::model::synth::synthetic;
use ai_adoption_explorer::model::{Dataset, RecordRef};
use criterion::{Criterion, criterion_group, criterion_main};

/// Renames the organization at `at` through the history (lookup by id, as a form would) and
/// undoes it.
fn edit_and_undo(doc: &mut Arc<Dataset>, history: &mut History, at: usize, name: &str) {
    let ds = Arc::make_mut(doc);
    let mut org = ds.organizations[at].clone();
    org.name = name.to_owned();
    let (label, edits) = replace_record(ds, AnyRecord::from(org)).expect("the record exists");
    history.record(ds, label, edits, None).expect("applies");
    black_box(history.undo(ds).expect("undoes"));
}

fn undo_benches(c: &mut Criterion) {
    let mut doc = Arc::new(synthetic(100_000, 1));
    let original_ptr = Arc::as_ptr(&doc);
    let mut history = History::new(100);
    let middle = doc.organizations.len() / 2;

    // (b) Memory of 100 steps of history against the dataset.
    for i in 0..100 {
        let ds = Arc::make_mut(&mut doc);
        let mut org = ds.organizations[i * 97].clone();
        org.name = format!("{} (edited {i})", org.name);
        let (label, edits) = replace_record(ds, org.into()).expect("the record exists");
        history.record(ds, label, edits, None).expect("applies");
    }
    assert_eq!(history.undo_len(), 100);
    let history_bytes = history.approx_bytes();
    let dataset_bytes = dataset_approx_bytes(&doc);
    let ron_bytes = to_ron_string(&doc).map_or(0, |s| s.len());
    let ratio = history_bytes as f64 / dataset_bytes as f64;
    eprintln!(
        "100 steps of history: {history_bytes} bytes; dataset: {dataset_bytes} bytes \
         (structural estimate), {ron_bytes} bytes as RON; ratio {:.4}% (limit 10%)",
        ratio * 100.0
    );
    assert!(
        ratio < 0.10,
        "history holds {:.2}% of the dataset",
        ratio * 100.0
    );
    while history.undo(Arc::make_mut(&mut doc)).is_some() {}
    assert_eq!(
        Arc::as_ptr(&doc),
        original_ptr,
        "the dataset was cloned by make_mut"
    );

    // A plain timing of (a), printed next to criterion's, to compare with the 1 ms target.
    let runs = 2000;
    let start = Instant::now();
    for i in 0..runs {
        edit_and_undo(&mut doc, &mut history, middle, &format!("Name {i}"));
    }
    let mean = start.elapsed() / runs;
    eprintln!("one edit + undo on 100 000 records: {mean:?} on average (target < 1 ms)");

    let mut g = c.benchmark_group("undo_100k");
    g.sample_size(20);
    // (a) One Replace recorded plus its undo.
    g.bench_function("replace_record_and_undo", |b| {
        let mut i = 0u64;
        b.iter(|| {
            i += 1;
            edit_and_undo(
                &mut doc,
                &mut history,
                middle,
                if i.is_multiple_of(2) { "A" } else { "B" },
            );
        });
    });
    // A cascade delete of an organization (plan, apply, undo): the heaviest edit there is.
    let target = RecordRef::Organization(doc.organizations[middle].id.clone());
    g.bench_function("delete_cascade_plan_apply_undo", |b| {
        b.iter(|| {
            let ds = Arc::make_mut(&mut doc);
            let (label, edits) =
                delete_plan(ds, &target, DeleteMode::Cascade).expect("the record exists");
            history.record(ds, label, edits, None).expect("applies");
            black_box(history.undo(ds).expect("undoes"));
        });
    });
    g.finish();
    assert_eq!(
        Arc::as_ptr(&doc),
        original_ptr,
        "the dataset was cloned by make_mut"
    );
    assert_eq!(Arc::strong_count(&doc), 1);
}

criterion_group!(benches, undo_benches);
criterion_main!(benches);
