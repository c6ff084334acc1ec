//! The explorer at 100 000 organizations and 100 000 models (333 340 records in all): building
//! the index (also for 200 000 records, the size its target is stated for), searching again
//! after one keystroke, applying a country filter, sorting models by parameters. Each list case
//! times only the call that changed the query, not the call that set it up.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ai_adoption_explorer::app::explorer::{Explorer, Index, ListQuery, ListTab, ModelSort};
use ai_adoption_explorer::model::Dataset;
use ai_adoption_explorer::model::synth::synthetic;
use criterion::{Criterion, criterion_group, criterion_main};

/// Times `to` after `from` on `tab`, each iteration starting again from `from`.
fn switch(
    ex: &mut Explorer,
    ds: &Arc<Dataset>,
    tab: ListTab,
    from: &ListQuery,
    to: &ListQuery,
    iters: u64,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        black_box(ex.rows(ds, 0, tab, from).len());
        let start = Instant::now();
        black_box(ex.rows(ds, 0, tab, to).len());
        total += start.elapsed();
    }
    total
}

fn explorer_benches(c: &mut Criterion) {
    // synthetic(n) makes 3 organizations and 3 models per 10 records.
    let ds = Arc::new(synthetic(333_340, 1));
    assert!(ds.organizations.len() >= 100_000 && ds.models.len() >= 100_000);
    let search = |s: &str| ListQuery {
        search: s.into(),
        ..ListQuery::default()
    };
    let all = ListQuery::default();
    let mut china = ListQuery::default();
    china.org_filter.countries.insert("China".into());
    let by_params = ListQuery {
        model_sort: ModelSort::Parameters,
        ..ListQuery::default()
    };

    let mut g = c.benchmark_group("explorer_100k_orgs_100k_models");
    g.sample_size(10);
    g.bench_function("index_build", |b| {
        b.iter(|| black_box(Index::build(black_box(&ds))))
    });
    let ds200 = synthetic(200_000, 1);
    g.bench_function("index_build_200k_records", |b| {
        b.iter(|| black_box(Index::build(black_box(&ds200))))
    });
    drop(ds200);
    let mut ex = Explorer::new();
    let (long, short) = (search("nimbus"), search("nimbu"));
    g.bench_function("search_backspace_nimbus_to_nimbu", |b| {
        b.iter_custom(|n| switch(&mut ex, &ds, ListTab::Organizations, &long, &short, n))
    });
    g.bench_function("search_type_nimbu_to_nimbus", |b| {
        b.iter_custom(|n| switch(&mut ex, &ds, ListTab::Organizations, &short, &long, n))
    });
    g.bench_function("org_filter_country_china", |b| {
        b.iter_custom(|n| switch(&mut ex, &ds, ListTab::Organizations, &all, &china, n))
    });
    g.bench_function("model_sort_by_parameters", |b| {
        b.iter_custom(|n| switch(&mut ex, &ds, ListTab::Models, &all, &by_params, n))
    });
    g.finish();
}

criterion_group!(benches, explorer_benches);
criterion_main!(benches);
