//! A save killed midway leaves a whole file: the old one or the new one, never a mix.
//!
//! Runs the real binary's `format` command (which saves through the same atomic writer as the
//! app) on a large file and kills it with SIGKILL at many moments during the save; the next
//! whole save removes the temporary files the killed ones left.

use std::process::Command;
use std::time::Duration;

use ai_adoption_explorer::io::{load_path, to_ron_string};
use ai_adoption_explorer::model::synth::synthetic;

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let ds = synthetic(20_000, 3);
    // The old file is in a compact, non-canonical form, so old and new bytes differ.
    let old = ron::to_string(&ds).unwrap().into_bytes();
    let new = to_ron_string(&ds).unwrap().into_bytes();
    assert_ne!(old, new);
    let bin = env!("CARGO_BIN_EXE_ai-adoption-explorer");
    let mut saw_old = false;
    for delay_ms in [0u64, 5, 10, 20, 40, 60, 80, 120, 160, 250] {
        std::fs::write(&path, &old).unwrap();
        let mut child = Command::new(bin).arg("format").arg(&path).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&path).unwrap();
        assert!(
            now == old || now == new,
            "after a kill at {delay_ms} ms the file is neither the old nor the new version"
        );
        saw_old |= now == old;
        assert_eq!(
            load_path(&path).unwrap().dataset,
            ds,
            "the file still loads after a kill at {delay_ms} ms"
        );
        // Temporary files may be left by a killed save, but only under our own temporary names.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                name == "big.ron" || name == "big.ron.bak" || name.starts_with(".big.ron.aae-"),
                "unexpected file {name}"
            );
        }
    }
    assert!(
        saw_old,
        "at least one kill landed before the rename (else the test proves nothing)"
    );
    // And an uninterrupted save gives the new file.
    std::fs::write(&path, &old).unwrap();
    let status = Command::new(bin).arg("format").arg(&path).status().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&path).unwrap(), new);
    assert_eq!(
        std::fs::read(dir.path().join("big.ron.bak")).unwrap(),
        old,
        "previous version kept as .bak"
    );
    // The uninterrupted save removed what the killed ones left.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "big.ron" && n != "big.ron.bak")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
