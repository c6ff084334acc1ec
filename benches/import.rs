//! Importing a 100 000-row, 20-column CSV of models into a dataset of 100 000 models (333 340
//! records): reading, mapping with the Epoch preset, matching every row and building the plan
//! (the edits of one undo step). Half the rows name existing models, half are new. Also the
//! preview of a file: only its first `PREVIEW_BYTES` are read and parsed, whatever its size.

use std::hint::black_box;

use ai_adoption_explorer::import::{
    ConflictChoice, Import, PREVIEW_BYTES, Preset, ReadOptions, Settings, SourceInfo, read_bytes,
};
use ai_adoption_explorer::model::synth::synthetic;
use criterion::{Criterion, criterion_group, criterion_main};

fn csv(ds: &ai_adoption_explorer::model::Dataset, rows: usize) -> String {
    let mut header = vec![
        "Model",
        "Organization",
        "Publication date",
        "Parameters",
        "Model accessibility",
    ];
    let fillers: Vec<String> = (0..15).map(|i| format!("Extra {i}")).collect();
    header.extend(fillers.iter().map(String::as_str));
    let mut out = header.join(",");
    out.push('\n');
    for i in 0..rows {
        let name = if i % 2 == 0 {
            ds.models[i % ds.models.len()].name.clone()
        } else {
            format!("Imported Model {i}B")
        };
        let org = &ds.organizations[i % ds.organizations.len()].name;
        out.push_str(&format!(
            "\"{name}\",\"{org}\",2024-{:02}-{:02},{}000000000.0,Open weights (unrestricted)",
            i % 12 + 1,
            i % 28 + 1,
            i % 400 + 1
        ));
        for k in 0..15 {
            out.push_str(&format!(",cell {k}"));
        }
        out.push('\n');
    }
    out
}

fn import_benches(c: &mut Criterion) {
    let ds = synthetic(333_340, 7);
    let text = csv(&ds, 100_000);
    let settings = Settings {
        source: SourceInfo {
            title: "Bench table".into(),
            locator: "bench.csv".into(),
            ..Default::default()
        },
        on_conflict: ConflictChoice::Both,
        accept_best: None,
        new_only: false,
    };
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("csv_100k_rows_20_cols_into_100k_models", |b| {
        b.iter(|| {
            let table = read_bytes(
                "bench.csv",
                "bench.csv",
                text.as_bytes(),
                false,
                &ReadOptions::default(),
            )
            .unwrap();
            let mapping = Preset::by_name("epoch-models")
                .unwrap()
                .mapping(&table.headers);
            let import = Import::new(&ds, table, mapping, settings.clone()).unwrap();
            black_box(import.plan(&ds).edits.len())
        })
    });
    let head = &text.as_bytes()[..PREVIEW_BYTES.min(text.len())];
    g.bench_function("preview_of_a_large_file", |b| {
        b.iter(|| {
            let options = ReadOptions {
                max_rows: Some(50),
                ..Default::default()
            };
            black_box(
                read_bytes("big.csv", "big.csv", head, true, &options)
                    .unwrap()
                    .rows
                    .len(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
