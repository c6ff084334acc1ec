//! Loading (parse + validate) and saving a generated dataset of 100 000 records, and the same
//! with serde_json for comparison; the refusal of 20 MB of junk in memory and of 200 MB junk
//! files on disk. Results are reported in the README.

use std::hint::black_box;

use ai_adoption_explorer::io::{load_bytes, load_path, save_atomic, to_ron_string};
use ai_adoption_explorer::model::{Dataset, PartialDate, synth::synthetic, validate_on};
use criterion::{Criterion, criterion_group, criterion_main};

fn io_benches(c: &mut Criterion) {
    let ds = synthetic(100_000, 1);
    let ron_text = to_ron_string(&ds).expect("serializes");
    let json_text = serde_json::to_string_pretty(&ds).expect("serializes");
    eprintln!(
        "100 000 records: RON {} bytes, JSON {} bytes",
        ron_text.len(),
        json_text.len()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.ron");

    // Every rule, as loading runs them, with a fixed clock.
    let today = PartialDate::day(2026, 1, 1);
    let mut g = c.benchmark_group("io_100k");
    g.sample_size(10);
    g.bench_function("load_and_validate_ron", |b| {
        b.iter(|| {
            black_box(load_bytes("bench.ron", black_box(ron_text.as_bytes())).expect("loads"))
        });
    });
    g.bench_function("load_and_validate_json", |b| {
        b.iter(|| {
            let d: Dataset = serde_json::from_str(black_box(&json_text)).expect("loads");
            black_box(validate_on(&d, today));
            black_box(d)
        });
    });
    g.bench_function("save_ron_atomic", |b| {
        b.iter(|| black_box(save_atomic(black_box(&ds), &path).expect("saves")));
    });
    g.bench_function("serialize_ron", |b| {
        b.iter(|| black_box(to_ron_string(black_box(&ds)).expect("ok")))
    });
    g.bench_function("serialize_json", |b| {
        b.iter(|| black_box(serde_json::to_string_pretty(black_box(&ds)).expect("ok")));
    });
    g.bench_function("validate_only", |b| {
        b.iter(|| black_box(validate_on(black_box(&ds), today)))
    });
    g.finish();

    // Junk that is not a dataset: how fast it is refused (the tests only check that the time grows
    // linearly with the size; this measures it).
    const JUNK: usize = 20 * 1024 * 1024;
    let printable: Vec<u8> = (0..JUNK).map(|i| b' ' + ((i * 7919) % 95) as u8).collect();
    let mut unterminated = b"Dataset(format_version: 1, meta: Meta(title: \"".to_vec();
    unterminated.resize(JUNK, b'a');
    let mut g = c.benchmark_group("reject_junk_20mb");
    g.sample_size(10);
    for (name, bytes) in [
        ("printable_ascii", printable),
        ("unterminated_string", unterminated),
        ("brackets", vec![b'['; JUNK]),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| black_box(load_bytes("junk.ron", black_box(&bytes)).is_err()))
        });
    }
    g.finish();

    // Junk files of 200 MB on disk, through `load_path` as `check` and Open use it: refused from
    // their first bytes, so the time does not depend on the size.
    const BIG_JUNK: usize = 200 * 1024 * 1024;
    let junk_dir = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("reject_junk_file_200mb");
    g.sample_size(10);
    for (name, unit) in [
        (
            "printable_ascii",
            (0..4096).map(|i| b' ' + ((i * 7919) % 95) as u8).collect(),
        ),
        (
            "csv",
            b"2025-01-01,acme,\"Qwen 2.5\",production,1234.5\n".to_vec(),
        ),
        ("one_huge_word", b"x".to_vec()),
    ] {
        let path = junk_dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, unit.repeat(BIG_JUNK / unit.len())).expect("junk written");
        g.bench_function(name, |b| {
            b.iter(|| black_box(load_path(black_box(&path)).is_err()))
        });
        std::fs::remove_file(&path).expect("junk removed");
    }
    g.finish();
}

criterion_group!(benches, io_benches);
criterion_main!(benches);
