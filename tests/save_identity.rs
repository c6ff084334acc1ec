//! Save keeps the file's identity and cleans up after itself: permissions and owner kept, a
//! symbolic link kept and its target written, a warning for a file with other hard links, the
//! leftovers of killed saves of that file removed (and nothing the app did not write), and a
//! dataset over the size limit refused with the data kept.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use ai_adoption_explorer::app::edit::{AnyRecord, replace_record};
use ai_adoption_explorer::app::{Action, AppState, Modal, ScriptedDialogs, Settings};
use ai_adoption_explorer::io::{
    SaveError, load_path, load_path_with_limit, save_atomic, save_atomic_with_limit, to_ron_string,
};
use ai_adoption_explorer::model::*;

mod common;
use common::sample;

fn other() -> Dataset {
    let mut ds = sample();
    ds.meta.title = "Another title".into();
    ds
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn permissions_are_kept() {
    for want in [0o600, 0o640, 0o644, 0o400] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        std::fs::write(&path, to_ron_string(&sample()).unwrap()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(want)).unwrap();
        save_atomic(&other(), &path).unwrap();
        assert_eq!(mode(&path), want, "mode {want:o} after a save");
        assert_eq!(load_path(&path).unwrap().dataset, other());
        // And again, over the file the first save wrote.
        save_atomic(&sample(), &path).unwrap();
        assert_eq!(mode(&path), want, "mode {want:o} after a second save");
        assert_eq!(names_in(dir.path()), set(&["data.ron", "data.ron.bak"]));
    }
}

#[test]
fn owner_is_kept_where_the_process_may_change_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, to_ron_string(&sample()).unwrap()).unwrap();
    let me = std::fs::metadata(&path).unwrap();
    // Only root may give a file to someone else; everyone else keeps their own files.
    let (uid, gid) = if me.uid() == 0 {
        std::os::unix::fs::chown(&path, Some(4321), Some(4322)).unwrap();
        (4321, 4322)
    } else {
        (me.uid(), me.gid())
    };
    save_atomic(&other(), &path).unwrap();
    let now = std::fs::metadata(&path).unwrap();
    assert_eq!((now.uid(), now.gid()), (uid, gid));
    assert_eq!(load_path(&path).unwrap().dataset, other());
}

#[test]
fn saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    let link_dir = dir.path().join("links");
    std::fs::create_dir(&real_dir).unwrap();
    std::fs::create_dir(&link_dir).unwrap();
    let target = real_dir.join("data.ron");
    let old = to_ron_string(&sample()).unwrap();
    std::fs::write(&target, &old).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    // A chain: links/current.ron -> links/middle.ron -> ../real/data.ron (relative links).
    std::os::unix::fs::symlink("../real/data.ron", link_dir.join("middle.ron")).unwrap();
    std::os::unix::fs::symlink("middle.ron", link_dir.join("current.ron")).unwrap();
    let link = link_dir.join("current.ron");

    let saved = save_atomic(&other(), &link).unwrap();
    assert!(saved.warnings.is_empty(), "{:?}", saved.warnings);
    for l in ["current.ron", "middle.ron"] {
        let m = std::fs::symlink_metadata(link_dir.join(l)).unwrap();
        assert!(m.file_type().is_symlink(), "{l} is still a link");
    }
    assert_eq!(
        std::fs::read_link(link_dir.join("current.ron")).unwrap(),
        Path::new("middle.ron")
    );
    assert_eq!(load_path(&target).unwrap().dataset, other());
    assert_eq!(load_path(&link).unwrap().dataset, other());
    assert_eq!(mode(&target), 0o640);
    // The previous version is kept beside the target; nothing else is left anywhere.
    assert_eq!(
        std::fs::read_to_string(real_dir.join("data.ron.bak")).unwrap(),
        old
    );
    assert_eq!(names_in(&real_dir), set(&["data.ron", "data.ron.bak"]));
    assert_eq!(names_in(&link_dir), set(&["current.ron", "middle.ron"]));
}

#[test]
fn a_dangling_link_gets_its_target_created_and_a_link_loop_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("data.ron");
    std::os::unix::fs::symlink("target.ron", &link).unwrap();
    save_atomic(&sample(), &link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load_path(&dir.path().join("target.ron")).unwrap().dataset,
        sample()
    );

    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::os::unix::fs::symlink("b.ron", &a).unwrap();
    std::os::unix::fs::symlink("a.ron", &b).unwrap();
    let e = save_atomic(&sample(), &a).unwrap_err();
    assert!(e.to_string().contains("loop"), "{e}");
    assert_eq!(
        names_in(dir.path()),
        set(&["a.ron", "b.ron", "data.ron", "target.ron"])
    );
}

#[test]
fn a_file_with_other_hard_links_is_saved_with_a_warning_that_they_keep_the_old_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let twin = dir.path().join("twin.ron");
    let old = to_ron_string(&sample()).unwrap();
    std::fs::write(&path, &old).unwrap();
    std::fs::hard_link(&path, &twin).unwrap();

    let saved = save_atomic(&other(), &path).unwrap();
    assert_eq!(saved.warnings.len(), 1, "{:?}", saved.warnings);
    let w = &saved.warnings[0];
    assert!(w.contains("hard link"), "{w}");
    assert!(w.contains("old content"), "{w}");
    assert!(w.contains(&path.display().to_string()), "{w}");
    assert_eq!(load_path(&path).unwrap().dataset, other());
    assert_eq!(
        std::fs::read_to_string(&twin).unwrap(),
        old,
        "the other name is untouched"
    );
    // The file now has one name: the next save has nothing to warn about.
    assert!(save_atomic(&sample(), &path).unwrap().warnings.is_empty());
}

#[test]
fn format_prints_the_hard_link_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, ron::to_string(&sample()).unwrap()).unwrap();
    std::fs::hard_link(&path, dir.path().join("twin.ron")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .arg("format")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning:") && err.contains("old content"),
        "{err}"
    );
}

/// A process id no process has now: a child that has exited and been waited for.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    assert!(!Path::new(&format!("/proc/{pid}")).exists());
    pid
}

#[test]
fn leftovers_of_killed_saves_of_the_file_are_removed_and_nothing_else() {
    if !Path::new("/proc/self").exists() {
        return; // where writers cannot be checked, nothing is removed (tested below on Linux)
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, to_ron_string(&sample()).unwrap()).unwrap();
    let dead = dead_pid();
    let me = std::process::id();
    let alive = std::os::unix::process::parent_id();
    let hex = "0123456789abcdef";
    let ours = [
        format!(".data.ron.aae-save-{dead}-{hex}.tmp"),
        format!(".data.ron.aae-bak-{dead}-{hex}.tmp"),
        // Left by an earlier process that had this process's id (containers reuse ids).
        format!(".data.ron.aae-save-{me}-{hex}.tmp"),
        // Left by versions before format 2, which named their temporary files this way.
        format!("data.ron.tmp-{dead}-0"),
        format!("data.ron.bak.tmp-{dead}-3"),
    ];
    let kept = [
        // A save in progress in another process.
        format!(".data.ron.aae-save-{alive}-{hex}.tmp"),
        // Another file's leftovers, and names that only look like ours.
        format!(".other.ron.aae-save-{dead}-{hex}.tmp"),
        format!(".data.ron.aae-save-{dead}-{hex}.tmp.mine"),
        format!(".data.ron.aae-save-{dead}-0123.tmp"),
        format!("data.ron.aae-save-{dead}-{hex}.tmp"),
        format!("data.ron.tmp-{dead}-0.keep"),
        format!("data.ron.tmp-{alive}-0"),
        "notes.txt".to_owned(),
    ];
    for n in ours.iter().chain(&kept) {
        std::fs::write(dir.path().join(n), b"half a file").unwrap();
    }
    // A folder with our pattern is not a file we wrote.
    let folder = format!(".data.ron.aae-bak-{dead}-fedcba9876543210.tmp");
    std::fs::create_dir(dir.path().join(&folder)).unwrap();

    save_atomic(&other(), &path).unwrap();
    let mut want: BTreeSet<String> = kept.iter().cloned().collect();
    want.extend(["data.ron".to_owned(), "data.ron.bak".to_owned(), folder]);
    assert_eq!(names_in(dir.path()), want);
    assert_eq!(load_path(&path).unwrap().dataset, other());
}

#[test]
fn a_dataset_just_under_the_limit_saves_and_opens_and_one_over_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let n = to_ron_string(&sample()).unwrap().len() as u64;
    save_atomic_with_limit(&sample(), &path, n).unwrap();
    assert_eq!(load_path_with_limit(&path, n).unwrap().dataset, sample());

    // Another dataset one byte longer than the limit.
    let mut bigger = sample();
    bigger.meta.title.push('x');
    assert_eq!(to_ron_string(&bigger).unwrap().len() as u64, n + 1);
    let before = std::fs::read(&path).unwrap();
    let e = save_atomic_with_limit(&bigger, &path, n).unwrap_err();
    assert_eq!(
        e,
        SaveError::TooLarge {
            file: path.display().to_string(),
            limit: n
        }
    );
    let shown = e.to_string();
    assert!(
        shown.contains("not saved") && shown.contains("Nothing was written"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file on disk is unchanged"
    );
    assert_eq!(
        names_in(dir.path()),
        set(&["data.ron"]),
        "no temporary file"
    );
}

/// Renames the first organization, which makes the dataset's text longer.
fn rename_first_org(state: &mut AppState, to: &str) {
    let ds = state.doc.dataset.clone();
    let mut o = ds.organizations[0].clone();
    o.name = to.to_owned();
    let (label, edits) = replace_record(&ds, AnyRecord::from(o)).unwrap();
    drop(ds);
    state.apply(Action::Edit {
        label,
        edits,
        coalesce: None,
    });
}

#[test]
fn save_in_the_app_refuses_a_dataset_over_the_limit_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    let old = to_ron_string(&sample()).unwrap();
    std::fs::write(&path, &old).unwrap();
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    state.apply(Action::Open(path.clone()));
    assert!(state.modal.is_none(), "{:?}", state.modal);
    rename_first_org(&mut state, "A much longer name for the first organization");
    let edited = state.doc.dataset.as_ref().clone();
    let edited_len = to_ron_string(&edited).unwrap().len() as u64;

    // One byte too many: refused, with a plain message; the data and its unsaved state are kept.
    let mut state = state.with_size_limit(edited_len - 1);
    state.apply(Action::Save);
    match &state.modal {
        Some(Modal::Error { title, message }) => {
            assert!(title.contains("Could not save"), "{title}");
            assert!(message.contains("not saved"), "{message}");
            assert!(message.contains("still open"), "{message}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(state.doc.is_dirty(), "the document stays unsaved");
    assert_eq!(state.doc.dataset.as_ref(), &edited, "the data is kept");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        old,
        "nothing written"
    );
    assert_eq!(
        names_in(dir.path()),
        set(&["data.ron"]),
        "no temporary file"
    );

    // At the limit exactly: saved, and it opens again under the same limit.
    let mut state = state.with_size_limit(edited_len);
    state.modal = None;
    state.apply(Action::Save);
    assert!(state.modal.is_none(), "{:?}", state.modal);
    assert!(!state.doc.is_dirty());
    assert!(state.status.starts_with("Saved"), "{}", state.status);
    state.apply(Action::Open(path.clone()));
    assert!(state.modal.is_none(), "{:?}", state.modal);
    assert_eq!(state.doc.dataset.as_ref(), &edited);
}

#[test]
fn save_in_the_app_shows_the_hard_link_warning_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, to_ron_string(&sample()).unwrap()).unwrap();
    std::fs::hard_link(&path, dir.path().join("twin.ron")).unwrap();
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    state.apply(Action::Open(path.clone()));
    rename_first_org(&mut state, "Renamed");
    state.apply(Action::Save);
    assert!(state.modal.is_none(), "{:?}", state.modal);
    assert!(state.status.starts_with("Saved"), "{}", state.status);
    assert!(state.status.contains("old content"), "{}", state.status);
}

#[test]
fn saving_over_a_fifo_is_refused_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    // Directly and through a link: refused before anything is opened (no hang, no rename over it).
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("pipe.ron", &link).unwrap();
    for path in [&fifo, &link] {
        let e = save_atomic(&sample(), path).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(e.to_string().contains("named pipe"), "{e}");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), set(&["link.ron", "pipe.ron"]));
}
