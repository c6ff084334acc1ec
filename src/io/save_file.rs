//! The atomic write under every save: through symbolic links to the real file, into a temporary
//! file named unmistakably as ours beside it, given the old file's permissions and owner, flushed,
//! renamed over the file; the leftovers of earlier saves of that file that were killed midway are
//! removed, and nothing else.

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::load::describe_io_error;
use super::save::{FailPoint, FileStamp, SaveError, Saved};

/// Symbolic links followed at most before giving up (as the Linux kernel does).
const MAX_LINKS: usize = 40;

/// Temporary files of this process being written now (never removed as leftovers).
static IN_FLIGHT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Keeps a temporary file's path in [`IN_FLIGHT`] while it is alive.
struct InFlight(PathBuf);

impl InFlight {
    fn new(path: PathBuf) -> Self {
        if let Ok(mut set) = IN_FLIGHT.lock() {
            set.get_or_insert_with(HashSet::new).insert(path.clone());
        }
        Self(path)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut set) = IN_FLIGHT.lock()
            && let Some(set) = set.as_mut()
        {
            set.remove(&self.0);
        }
    }
}

fn in_flight(path: &Path) -> bool {
    IN_FLIGHT
        .lock()
        .map(|set| set.as_ref().is_some_and(|s| s.contains(path)))
        .unwrap_or(true)
}

/// The marker in our temporary files' names: `.<file name>.aae-save-<pid>-<16 hex>.tmp` for the
/// new content, `.<file name>.aae-bak-<pid>-<16 hex>.tmp` for the copy that becomes the `.bak`.
const MARK: &str = ".aae-";
const TAGS: [&str; 2] = ["save", "bak"];

/// A temporary file name for `name` that no other program uses and no earlier run left.
fn temp_name(name: &OsStr, tag: &str) -> OsString {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded from the system's randomness; the counter and the clock make every
    // name of this process differ too.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    let mut out = OsString::from(".");
    out.push(name);
    out.push(format!(
        "{MARK}{tag}-{}-{:016x}.tmp",
        std::process::id(),
        h.finish()
    ));
    out
}

/// When `entry` is one of our temporary files for the file `name`, the process id that wrote it.
/// The whole name must match, so a look-alike another program made is never taken for ours.
pub(crate) fn leftover_pid(entry: &OsStr, name: &OsStr) -> Option<u32> {
    let entry = entry.to_str()?;
    let name = name.to_str()?;
    if let Some(pid) = legacy_leftover_pid(entry, name) {
        return Some(pid);
    }
    let rest = entry.strip_prefix('.')?.strip_prefix(name)?;
    let rest = rest.strip_prefix(MARK)?;
    let rest = TAGS
        .iter()
        .find_map(|t| rest.strip_prefix(t)?.strip_prefix('-'))?;
    let rest = rest.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>, ok: fn(&u8) -> bool| {
        n.contains(&s.len()) && s.bytes().all(|b| ok(&b))
    };
    if !digits(pid, 1..=10, u8::is_ascii_digit)
        || !digits(random, 16..=16, |b| {
            b.is_ascii_digit() || (b'a'..=b'f').contains(b)
        })
    {
        return None;
    }
    pid.parse().ok()
}

/// The temporary names the app used before format 2 (`<file name>.tmp-<pid>-<n>` for the new
/// content, `<file name>.bak.tmp-<pid>-<n>` for the backup copy, `n` a per-process counter):
/// a user upgrading may have such leftovers beside their file, and they are ours too.
fn legacy_leftover_pid(entry: &str, name: &str) -> Option<u32> {
    let rest = entry.strip_prefix(name)?;
    let rest = rest
        .strip_prefix(".tmp-")
        .or_else(|| rest.strip_prefix(".bak.tmp-"))?;
    let (pid, n) = rest.split_once('-')?;
    let digits =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid, 10) || !digits(n, 20) {
        return None;
    }
    pid.parse().ok()
}

/// Whether the process that wrote a temporary file may still be writing it. Where that cannot
/// be known (no `/proc`), it is taken as alive, so nothing is removed.
fn writer_alive(pid: u32, tmp: &Path) -> bool {
    if pid == std::process::id() {
        // This process: alive only if the file is one of its saves in progress (else it was
        // left by an earlier process that had the same id, as in containers).
        return in_flight(tmp);
    }
    let proc = Path::new("/proc");
    if !cfg!(target_os = "linux") || !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Removes, in `dir`, our temporary files for the file `name` (today's names and those of versions
/// before format 2) whose writers are gone: the leftovers of saves killed midway. Returns how
/// many were removed.
fn remove_leftovers(dir: &Path, name: &OsStr) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let Some(pid) = leftover_pid(&entry.file_name(), name) else {
            continue;
        };
        let path = entry.path();
        // Only regular files, never a folder or a link that happens to have such a name.
        let regular = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if regular && !writer_alive(pid, &path) && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The file a path really names: symbolic links followed, one after another, to a path that is
/// not a link (which may not exist yet: saving through a dangling link creates its target).
fn resolve_links(path: &Path) -> Result<PathBuf, String> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p).map_err(|e| describe_io_error(&e))?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err("too many symbolic links, one pointing to the next (is there a loop?)".into())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Gives the new file the old one's owner (where the process may: root can, others can keep the
/// group when they belong to it) and then its permissions (after the owner, which would clear
/// set-id bits).
fn copy_identity(f: &File, old: &Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = f.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid())
            && std::os::unix::fs::fchown(f, Some(old.uid()), Some(old.gid())).is_err()
        {
            // Not allowed to give the file away (EPERM): keep at least the group if we may.
            let _ = std::os::unix::fs::fchown(f, None, Some(old.gid()));
        }
    }
    f.set_permissions(old.permissions())
}

/// What a file that is not a regular file is, for messages.
fn kind_of(meta: &Metadata) -> &'static str {
    super::input::special_kind(meta)
}

/// Writes `bytes` to the file `path` names, atomically; see [`super::save_atomic`].
pub(super) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    fail: Option<FailPoint>,
    keep_bak: bool,
) -> Result<Saved, SaveError> {
    let file = path.display().to_string();
    let fail_with = |step: &'static str, reason: String| SaveError::Io {
        file: file.clone(),
        step,
        reason,
    };
    let err = |step: &'static str| {
        let file = file.clone();
        move |e: std::io::Error| SaveError::Io {
            file,
            step,
            reason: describe_io_error(&e),
        }
    };
    if path.file_name().is_none() {
        return Err(fail_with(
            "choosing the file",
            "the path names no file".into(),
        ));
    }
    let target = resolve_links(path).map_err(|r| fail_with("following the symbolic link", r))?;
    let Some(name) = target.file_name().map(OsStr::to_os_string) else {
        return Err(fail_with(
            "following the symbolic link",
            "the link points to no file".into(),
        ));
    };
    let old = match fs::symlink_metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(fail_with(
                "choosing the file",
                "it is a folder, not a file".into(),
            ));
        }
        Ok(m) if !m.is_file() => {
            return Err(fail_with(
                "choosing the file",
                format!(
                    "it is not a regular file (it is {}); choose another name",
                    kind_of(&m)
                ),
            ));
        }
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(err("looking at the file")(e)),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(fail_with(
            "finding the folder",
            "the folder does not exist".into(),
        ));
    }
    let removed = remove_leftovers(&dir, &name);
    if removed > 0 {
        log::info!(
            "removed {removed} temporary file(s) left by interrupted saves of {}",
            target.display()
        );
    }
    let tmp = dir.join(temp_name(&name, "save"));
    let _guard = InFlight::new(tmp.clone());
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if old.is_some() {
            // Private until it gets the old file's permissions.
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        let mut f = options
            .open(&tmp)
            .map_err(err("creating a temporary file"))?;
        if let Some(old) = &old {
            copy_identity(&f, old).map_err(err("giving the new file the old one's permissions"))?;
        }
        if fail == Some(FailPoint::MidWrite) {
            f.write_all(&bytes[..bytes.len() / 2])
                .map_err(err("writing"))?;
            return Err(fail_with("writing", "simulated failure".into()));
        }
        f.write_all(bytes).map_err(err("writing"))?;
        f.sync_all().map_err(err("flushing to disk"))?;
        drop(f);
        if fail == Some(FailPoint::BeforeRename) {
            return Err(fail_with("replacing the file", "simulated failure".into()));
        }
        if old.is_some() && keep_bak {
            // Keep the previous version: copy it to a temporary backup, then rename that into
            // place, so the `.bak` is itself always whole.
            let bak = sibling(&target, ".bak");
            let bak_tmp = dir.join(temp_name(&name, "bak"));
            let _bak_guard = InFlight::new(bak_tmp.clone());
            let kept = fs::copy(&target, &bak_tmp).and_then(|_| fs::rename(&bak_tmp, &bak));
            if kept.is_err() {
                let _ = fs::remove_file(&bak_tmp);
            }
            kept.map_err(err("keeping the previous version as .bak"))?;
        }
        fs::rename(&tmp, &target).map_err(err("replacing the file"))?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    let mut warnings = Vec::new();
    if let Some(links) = old.as_ref().map(hard_links).filter(|&n| n > 1) {
        let others = links - 1;
        warnings.push(format!(
            "{file} also has {others} other name{s} (hard link{s}); the save gave {file} the new \
             content, but the other name{s} keep{v} the old content",
            s = if others == 1 { "" } else { "s" },
            v = if others == 1 { "s" } else { "" },
        ));
    }
    let stamp = FileStamp::of(&target).ok_or_else(|| {
        fail_with(
            "checking the saved file",
            "the file is not there after saving".into(),
        )
    })?;
    Ok(Saved { stamp, warnings })
}

/// How many names (hard links) a file has.
fn hard_links(meta: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// Flushes a folder's entries to disk so a rename survives a power cut (a no-op where folders
/// cannot be opened, as on Windows).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_temporary_names_are_recognised_with_their_writer() {
        let name = OsStr::new("data.ron");
        let tmp = temp_name(name, "save");
        assert_eq!(leftover_pid(&tmp, name), Some(std::process::id()));
        let bak = temp_name(name, "bak");
        assert_eq!(leftover_pid(&bak, name), Some(std::process::id()));
        assert_ne!(temp_name(name, "save"), tmp, "every name is new");
    }

    #[test]
    fn look_alikes_and_other_files_temporary_files_are_not_ours() {
        let name = OsStr::new("data.ron");
        for other in [
            "data.ron",
            "data.ron.bak",
            ".data.ron.aae-save-12-0123456789abcdef.tmp.keep",
            ".data.ron.aae-save-12-0123456789abcde.tmp",
            ".data.ron.aae-save-12-0123456789ABCDEF.tmp",
            ".data.ron.aae-save--0123456789abcdef.tmp",
            ".data.ron.aae-save-x1-0123456789abcdef.tmp",
            ".data.ron.aae-copy-12-0123456789abcdef.tmp",
            "data.ron.aae-save-12-0123456789abcdef.tmp",
            ".other.ron.aae-save-12-0123456789abcdef.tmp",
            ".data.ron.bak.aae-save-12-0123456789abcdef.tmp",
            ".data.ron.tmp-12-0",
            "data.ron.tmp-12-",
            "data.ron.tmp-12-0.keep",
            "data.ron.tmp-x-0",
            "data.ron.tmp-12-0a",
            "other.ron.tmp-12-0",
        ] {
            assert_eq!(leftover_pid(OsStr::new(other), name), None, "{other}");
        }
        assert_eq!(
            leftover_pid(
                OsStr::new(".data.ron.aae-save-12-0123456789abcdef.tmp"),
                name
            ),
            Some(12)
        );
        // The names versions before format 2 gave their temporary files are ours too.
        for legacy in ["data.ron.tmp-12-0", "data.ron.bak.tmp-12-37"] {
            assert_eq!(leftover_pid(OsStr::new(legacy), name), Some(12), "{legacy}");
        }
    }
}
