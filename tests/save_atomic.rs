//! Atomic save: the round trip is exact, the bytes are canonical, the previous version is kept
//! as `.bak`, and a failed save leaves the old file whole and no temporary files behind.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use ai_adoption_explorer::io::{
    FailPoint, FileStamp, SaveError, load_path, save_atomic, save_atomic_failing_at, to_ron_string,
};
use ai_adoption_explorer::model::*;

mod common;
use common::sample;

/// Another valid dataset, different from [`sample`] (and longer).
fn other() -> Dataset {
    let mut ds = sample();
    ds.meta.title = "Another title, longer than the first one".into();
    ds.organizations[0].notes = "changed «notes» 変更".into();
    ds.events[0].description = "more detail".into();
    ds
}

/// Names of the entries in `dir`, sorted.
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

/// A hand-written, non-canonical version of `ds`: one line, a comment, CRLF, a BOM.
fn hand_written(ds: &Dataset) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF// written by hand\r\n".to_vec();
    bytes.extend_from_slice(ron::to_string(ds).unwrap().as_bytes());
    bytes.extend_from_slice(b"\r\n");
    bytes
}

#[test]
fn save_then_load_gives_the_same_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let ds = sample();
    save_atomic(&ds, &path).unwrap();
    let loaded = load_path(&path).unwrap();
    assert_eq!(loaded.dataset, ds);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_ron_string(&ds).unwrap()
    );
}

#[test]
fn load_save_load_gives_an_equal_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, hand_written(&sample())).unwrap();
    let first = load_path(&path).unwrap().dataset;
    assert_eq!(first, sample());
    save_atomic(&first, &path).unwrap();
    let second = load_path(&path).unwrap().dataset;
    assert_eq!(second, first);
}

#[test]
fn saving_the_same_dataset_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    save_atomic(&sample(), &a).unwrap();
    save_atomic(&sample(), &b).unwrap();
    let first = std::fs::read(&a).unwrap();
    assert_eq!(first, std::fs::read(&b).unwrap());
    save_atomic(&sample(), &a).unwrap();
    assert_eq!(first, std::fs::read(&a).unwrap());
    // Canonical form: LF line ends, a final newline, no BOM.
    let text = String::from_utf8(first).unwrap();
    assert!(!text.contains('\r'));
    assert!(text.ends_with(")\n"));
    assert!(text.starts_with("Dataset("));
}

#[test]
fn saving_a_reloaded_dataset_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    save_atomic(&sample(), &a).unwrap();
    let reloaded = load_path(&a).unwrap().dataset;
    save_atomic(&reloaded, &b).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // Also from a hand-written file: the second save is the canonical text.
    let c = dir.path().join("c.ron");
    std::fs::write(&c, hand_written(&sample())).unwrap();
    let from_hand = load_path(&c).unwrap().dataset;
    save_atomic(&from_hand, &c).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&c).unwrap());
}

#[test]
fn returned_stamp_is_the_stamp_of_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let stamp = save_atomic(&sample(), &path).unwrap().stamp;
    assert_eq!(Some(stamp), FileStamp::of(&path));
    assert_eq!(stamp.len, std::fs::metadata(&path).unwrap().len());
}

#[test]
fn previous_version_is_kept_as_bak_with_the_old_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");

    // First save of a new file: there is nothing to keep.
    save_atomic(&sample(), &path).unwrap();
    assert_eq!(names_in(dir.path()), set(&["data.ron"]));

    // A hand-written file is kept byte for byte.
    let old = hand_written(&sample());
    std::fs::write(&path, &old).unwrap();
    save_atomic(&other(), &path).unwrap();
    assert_eq!(std::fs::read(dir.path().join("data.ron.bak")).unwrap(), old);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_ron_string(&other()).unwrap()
    );
    assert_eq!(names_in(dir.path()), set(&["data.ron", "data.ron.bak"]));

    // The next save keeps the version just replaced.
    save_atomic(&sample(), &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("data.ron.bak")).unwrap(),
        to_ron_string(&other()).unwrap()
    );
    assert_eq!(load_path(&path).unwrap().dataset, sample());
    assert_eq!(names_in(dir.path()), set(&["data.ron", "data.ron.bak"]));
}

#[test]
fn bak_is_named_after_the_whole_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my data 中文.v2.ron");
    std::fs::write(&path, b"old").unwrap();
    save_atomic(&sample(), &path).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("my data 中文.v2.ron.bak")).unwrap(),
        b"old"
    );
}

#[test]
fn simulated_failures_leave_the_old_file_whole_and_no_temporary_files() {
    for fail in [FailPoint::MidWrite, FailPoint::BeforeRename] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        let old = to_ron_string(&sample()).unwrap();
        std::fs::write(&path, &old).unwrap();
        let stamp_before = FileStamp::of(&path);

        let e = save_atomic_failing_at(&other(), &path, Some(fail)).unwrap_err();
        assert!(matches!(e, SaveError::Io { .. }), "{fail:?}: {e:?}");
        let shown = e.to_string();
        assert!(shown.starts_with(&path.display().to_string()), "{shown}");
        assert!(shown.contains("unchanged"), "{shown}");

        assert_eq!(std::fs::read_to_string(&path).unwrap(), old, "{fail:?}");
        assert_eq!(FileStamp::of(&path), stamp_before, "{fail:?}");
        assert_eq!(load_path(&path).unwrap().dataset, sample(), "{fail:?}");
        assert_eq!(names_in(dir.path()), set(&["data.ron"]), "{fail:?}");

        // The same save without a failure then works.
        save_atomic(&other(), &path).unwrap();
        assert_eq!(load_path(&path).unwrap().dataset, other());
    }
}

#[test]
fn simulated_failures_keep_an_existing_bak_unchanged() {
    for fail in [FailPoint::MidWrite, FailPoint::BeforeRename] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        let bak = dir.path().join("data.ron.bak");
        std::fs::write(&path, to_ron_string(&sample()).unwrap()).unwrap();
        std::fs::write(&bak, b"older version").unwrap();
        assert!(save_atomic_failing_at(&other(), &path, Some(fail)).is_err());
        assert_eq!(std::fs::read(&bak).unwrap(), b"older version", "{fail:?}");
        assert_eq!(load_path(&path).unwrap().dataset, sample(), "{fail:?}");
        assert_eq!(names_in(dir.path()), set(&["data.ron", "data.ron.bak"]));
    }
}

#[test]
fn simulated_failures_on_a_new_file_leave_nothing_behind() {
    for fail in [FailPoint::MidWrite, FailPoint::BeforeRename] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ron");
        assert!(save_atomic_failing_at(&sample(), &path, Some(fail)).is_err());
        assert!(names_in(dir.path()).is_empty(), "{fail:?}");
    }
}

#[test]
fn saving_into_a_missing_folder_names_the_folder_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("deeper").join("data.ron");
    let e = save_atomic(&sample(), &path).unwrap_err();
    match &e {
        SaveError::Io { file, step, reason } => {
            assert_eq!(file, &path.display().to_string());
            assert!(
                format!("{step} {reason}").contains("folder"),
                "step `{step}`, reason `{reason}`"
            );
        }
        other => panic!("expected SaveError::Io, got {other:?}"),
    }
    assert!(e.to_string().contains("folder"), "{e}");
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn saving_to_a_path_that_is_a_folder_errors_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data.ron");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), b"x").unwrap();
    let e = save_atomic(&sample(), &folder).unwrap_err();
    assert!(matches!(e, SaveError::Io { .. }), "{e:?}");
    assert!(e.to_string().contains("folder"), "{e}");
    assert!(folder.is_dir());
    assert_eq!(names_in(&folder), set(&["inside.txt"]));
    assert_eq!(names_in(dir.path()), set(&["data.ron"]));
}

#[test]
fn saving_to_a_path_without_a_file_name_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("..");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    assert!(matches!(
        save_atomic(&sample(), &path),
        Err(SaveError::Io { .. })
    ));
    assert_eq!(names_in(dir.path()), set(&["sub"]));
    assert!(names_in(&dir.path().join("sub")).is_empty());
}

#[test]
fn failing_to_keep_the_bak_leaves_the_old_file_and_no_temporary_files() {
    // A folder where the .bak should go makes keeping the previous version fail.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let old = to_ron_string(&sample()).unwrap();
    std::fs::write(&path, &old).unwrap();
    std::fs::create_dir(dir.path().join("data.ron.bak")).unwrap();
    std::fs::write(dir.path().join("data.ron.bak").join("keep"), b"k").unwrap();
    let e = save_atomic(&other(), &path).unwrap_err();
    assert!(matches!(e, SaveError::Io { .. }), "{e:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);
    assert_eq!(names_in(dir.path()), set(&["data.ron", "data.ron.bak"]));
}

#[test]
fn file_stamp_changes_after_another_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    assert_eq!(FileStamp::of(&path), None);
    let first = save_atomic(&sample(), &path).unwrap().stamp;
    assert_eq!(FileStamp::of(&path), Some(first));

    // A save of different data changes the stamp (the length differs).
    let second = save_atomic(&other(), &path).unwrap().stamp;
    assert_ne!(first, second);
    assert_eq!(FileStamp::of(&path), Some(second));

    // Another program rewrites the file with the same length: the time changes.
    let same_len = vec![b'x'; usize::try_from(second.len).unwrap()];
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, &same_len).unwrap();
        let now = FileStamp::of(&path).unwrap();
        assert_eq!(now.len, second.len);
        if now != second {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the stamp did not change after rewriting the file"
        );
    }
    std::fs::remove_file(&path).unwrap();
    assert_eq!(FileStamp::of(&path), None);
}

#[test]
fn concurrent_saves_leave_one_whole_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let a = sample();
    let b = other();
    std::thread::scope(|s| {
        for i in 0..4 {
            let (path, ds) = (&path, if i % 2 == 0 { &a } else { &b });
            s.spawn(move || {
                for _ in 0..10 {
                    // Two saves can race for the .bak; only the file itself must stay whole.
                    let _ = save_atomic(ds, path);
                }
            });
        }
    });
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text == to_ron_string(&a).unwrap() || text == to_ron_string(&b).unwrap(),
        "the file is neither version"
    );
    let left = names_in(dir.path());
    assert!(
        left.iter().all(|n| n == "data.ron" || n == "data.ron.bak"),
        "temporary files left: {left:?}"
    );
}
