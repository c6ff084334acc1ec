//! CPU time of one frame of the main window (UI plus tessellation, no GPU) with 100 000
//! organizations and 100 000 models loaded, standing still and while the search changes.

use std::hint::black_box;

use ai_adoption_explorer::app::explorer::ListQuery;
use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::io::save_atomic;
use ai_adoption_explorer::model::{RecordRef, synth::synthetic};
use ai_adoption_explorer::ui::ExplorerApp;
use criterion::{Criterion, criterion_group, criterion_main};

/// The window on a synthetic dataset of `records` records, opened from a file through `apply`
/// as a user's would be (so it reads as saved), with its first organization selected.
fn app_with(records: usize) -> (egui::Context, ExplorerApp) {
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let ds = synthetic(records, 11);
    let first_org = ds.organizations[0].id.clone();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("synthetic.ron");
    save_atomic(&ds, &path).expect("the synthetic dataset is written");
    drop(ds);
    state.apply(Action::Open(path));
    assert!(state.modal.is_none(), "the synthetic dataset opens");
    state.apply(Action::Select(RecordRef::Organization(first_org)));
    let ctx = egui::Context::default();
    let app = ExplorerApp::for_context(&ctx, state);
    (ctx, app)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut ExplorerApp) -> usize {
    let mut out = ctx.run_ui(input(), |ui| app.window_ui(ui));
    // No GPU here: texture uploads (the font atlas) are dropped on purpose.
    out.textures_delta.clear();
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    primitives.len()
}

fn frame_benches(c: &mut Criterion) {
    // synthetic() makes 3 organizations and 3 models per 10 records.
    let (ctx, mut app) = app_with(333_340);
    assert!(app.state.doc.dataset.organizations.len() >= 100_000);
    assert!(app.state.doc.dataset.models.len() >= 100_000);
    for _ in 0..5 {
        frame(&ctx, &mut app); // builds the index, lays out fonts
    }
    let mut g = c.benchmark_group("frame_100k_orgs_100k_models");
    g.sample_size(50);
    g.bench_function("main_window_idle", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)))
    });
    g.finish();

    // Typing: each frame the search text changes by one character, so the list is re-filtered.
    let mut g = c.benchmark_group("search_100k");
    g.sample_size(20);
    let queries = [
        "n", "ni", "nim", "nimb", "nimbu", "nimbus", "nimbu", "nimb", "nim", "ni",
    ];
    let mut i = 0;
    g.bench_function("frame_while_typing", |b| {
        b.iter(|| {
            let q = ListQuery {
                search: queries[i % queries.len()].to_owned(),
                ..ListQuery::default()
            };
            i += 1;
            app.state.apply(Action::SetQuery(Box::new(q)));
            black_box(frame(&ctx, &mut app))
        })
    });
    g.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
