//! Saved presets on the command line: a mapping saved as a preset (as the import dialog saves
//! it) is listed by `import --list-presets` after the built-in ones, found by `--preset NAME`,
//! and its file is the same text `--mapping FILE.ron` reads.

use std::path::Path;
use std::process::Command;

use ai_adoption_explorer::import::{PRESETS, PRESETS_DIR_VAR, Preset, read_file, save_user_preset};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data.ron");
const EPOCH: &str = "epoch_large_scale_ai_models_2026-02_first80.csv";

fn run(presets: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .env(PRESETS_DIR_VAR, presets)
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

#[test]
fn a_saved_preset_is_listed_found_by_name_and_reads_as_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let presets = dir.path().join("presets");
    let file = Path::new(FIXTURES).join(EPOCH);
    let table = read_file(&file, &Default::default()).unwrap();
    let mapping = Preset::by_name("epoch-models")
        .unwrap()
        .mapping(&table.headers);
    let saved = save_user_preset(&presets, "My Epoch columns", &mapping).unwrap();

    let (code, out, _) = run(&presets, &["--list-presets"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(names.len(), PRESETS.len() + 1, "{out}");
    assert_eq!(names[PRESETS.len()], "My Epoch columns");

    let by_name = dir.path().join("by-name.ron");
    let (code, _, err) = run(
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
    let (code2, _, err2) = run(
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

    let (code, _, err) = run(
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
