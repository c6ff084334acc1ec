//! The `import` command line: its exit codes (0 done, 1 done with rows skipped or problems,
//! 2 unusable file/mapping/arguments, 3 could not write) and its messages.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data.ron");

fn run(args: &[&str]) -> (i32, String, String) {
    // No saved presets of whoever runs the tests: a folder that does not exist.
    run_with_presets(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/no-presets-here"
        )),
        args,
    )
}

/// `import ARGS` with the user's saved presets in `presets`.
fn run_with_presets(presets: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .env(ai_adoption_explorer::import::PRESETS_DIR_VAR, presets)
        .arg("import")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    Path::new(FIXTURES).join(name).display().to_string()
}

#[test]
fn lists_presets_and_fields() {
    let (code, out, _) = run(&["--list-presets"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(
        names,
        ["epoch-models", "epoch-organizations", "huggingface-models"]
    );
    let (code, out, _) = run(&["--list-fields", "models"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("release_date\t")));
    let (code, _, err) = run(&["--list-fields", "planets"]);
    assert_eq!(code, 2);
    assert!(err.contains("`planets` is not a kind"));
}

#[test]
fn a_detected_preset_imports_checks_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let out_path: PathBuf = dir.path().join("out.ron");
    let json = dir.path().join("summary.json");
    let (code, out, err) = run(&[
        &fixture("epoch_large_scale_ai_models_2026-02_first80.csv"),
        "--into",
        DATA,
        "--out",
        out_path.to_str().unwrap(),
        "--summary-json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("using preset epoch-models (detected from the headers)"),
        "{err}"
    );
    assert!(out.contains("80 of 80 rows imported"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("models: ") && l.contains(" new, ")),
        "{out}"
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(summary["rows_imported"], 80);
    let check = Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .arg("check")
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_dry_run_writes_nothing_and_skipped_rows_give_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("m.csv");
    std::fs::write(&csv, "Model,Organization,Publication date\nBrand New Model 9B,Alibaba,someday\nKimi K2 Thinkking,Moonshot AI,2025-11-06\n").unwrap();
    let out_path = dir.path().join("out.ron");
    let (code, _, err) = run(&[
        csv.to_str().unwrap(),
        "--into",
        DATA,
        "--out",
        out_path.to_str().unwrap(),
        "--kind",
        "models",
        "--dry-run",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out_path.exists());
    assert!(
        err.contains("m.csv:2:3: Publication date: `someday` is not a date"),
        "{err}"
    );
    assert!(
        err.contains("m.csv:3: skipped: \"Kimi K2 Thinkking\": ambiguous"),
        "{err}"
    );
}

#[test]
fn unusable_files_and_arguments_give_exit_2_with_file_row_column() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    let o = out.to_str().unwrap();
    let cut = dir.path().join("cut.csv");
    std::fs::write(&cut, "Model,Notes\nA,\"open").unwrap();
    let (code, _, err) = run(&[
        cut.to_str().unwrap(),
        "--into",
        DATA,
        "--out",
        o,
        "--kind",
        "models",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cut.csv:2: a quoted cell is never closed"),
        "{err}"
    );
    let plain = dir.path().join("plain.csv");
    std::fs::write(&plain, "Thing,Other\nA,B\n").unwrap();
    let (code, _, err) = run(&[plain.to_str().unwrap(), "--into", DATA, "--out", o]);
    assert_eq!(code, 2);
    assert!(err.contains("no preset fits these headers"), "{err}");
    let (code, _, err) = run(&[
        plain.to_str().unwrap(),
        "--into",
        DATA,
        "--out",
        o,
        "--kind",
        "models",
        "--map",
        "Nope=name",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("there is no column \"Nope\""), "{err}");
    let (code, _, err) = run(&[
        plain.to_str().unwrap(),
        "--into",
        DATA,
        "--out",
        o,
        "--on-conflict",
        "maybe",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--on-conflict takes keep, new or both"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_result_that_cannot_be_written_gives_exit_3() {
    let (code, _, err) = run(&[
        &fixture("epoch_organizations_2025-05.csv"),
        "--into",
        DATA,
        "--out",
        "/nonexistent-dir/out.ron",
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("cannot write"), "{err}");
}

/// A mapping saved as a preset (as the import dialog saves it) is listed by `--list-presets` after
/// the built-in ones, found by `--preset NAME`, and its file is what `--mapping FILE.ron` reads.
#[test]
fn a_saved_preset_is_listed_found_by_name_and_reads_as_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let presets = dir.path().join("presets");
    let file = Path::new(FIXTURES).join("epoch_large_scale_ai_models_2026-02_first80.csv");
    let table = ai_adoption_explorer::import::read_file(&file, &Default::default()).unwrap();
    let mapping = ai_adoption_explorer::import::Preset::by_name("epoch-models")
        .unwrap()
        .mapping(&table.headers);
    let saved =
        ai_adoption_explorer::import::save_user_preset(&presets, "My Epoch columns", &mapping)
            .unwrap();

    let (code, out, _) = run_with_presets(&presets, &["--list-presets"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(
        names.len(),
        ai_adoption_explorer::import::PRESETS.len() + 1,
        "{out}"
    );
    assert_eq!(
        names[ai_adoption_explorer::import::PRESETS.len()],
        "My Epoch columns"
    );

    let by_name = dir.path().join("by-name.ron");
    let (code, _, err) = run_with_presets(
        &presets,
        &[
            file.to_str().unwrap(),
            "--into",
            DATA,
            "--out",
            by_name.to_str().unwrap(),
            "--preset",
            "my epoch columns",
        ],
    );
    assert!(code == 0 || code == 1, "{err}");
    let by_file = dir.path().join("by-file.ron");
    let (code2, _, err2) = run_with_presets(
        &presets,
        &[
            file.to_str().unwrap(),
            "--into",
            DATA,
            "--out",
            by_file.to_str().unwrap(),
            "--mapping",
            saved.to_str().unwrap(),
        ],
    );
    assert_eq!(code2, code, "{err2}");
    assert_eq!(
        std::fs::read_to_string(&by_name).unwrap(),
        std::fs::read_to_string(&by_file).unwrap(),
        "--preset NAME and --mapping FILE import the same"
    );

    let (code, _, err) = run_with_presets(
        &presets,
        &[
            file.to_str().unwrap(),
            "--into",
            DATA,
            "--dry-run",
            "--preset",
            "nope",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("there is no preset `nope`"), "{err}");
}
