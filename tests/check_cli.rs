//! The real binary's `check` command: exit codes 0 (valid), 1 (invalid data), 2 (unreadable),
//! problems on stdout one a line as `FILE: <kind> <id>: <field>: message`, read errors as
//! `FILE:LINE:COL: message`.

use std::path::Path;
use std::process::Command;

use ai_adoption_explorer::io::{load_path, to_ron_string};
use ai_adoption_explorer::model::*;

const BIN: &str = env!("CARGO_BIN_EXE_ai-adoption-explorer");

/// Exit code, stdout and stderr of the binary run with `args` in `dir`.
fn run_in(dir: Option<&Path>, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().unwrap();
    (
        out.status
            .code()
            .expect("the binary was killed by a signal"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check(path: &Path) -> (i32, String, String) {
    run_in(None, &["check".as_ref(), path.as_os_str()])
}

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    run_in(None, &args)
}

/// Writes `bytes` to a file named `name` in a new temporary folder.
fn file_with(name: &str, bytes: impl AsRef<[u8]>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

mod common;
use common::sample;

/// Asserts a failed read: exit 2, one line on stdout `FILE...: message` containing `words`.
fn assert_unreadable(path: &Path, words: &str) -> String {
    let (code, out, err) = check(path);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    let file = path.display().to_string();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.ends_with('\n'), "{out:?}");
    assert!(out.starts_with(&file), "`{out}` should start with `{file}`");
    assert!(out.contains(words), "`{out}` should contain `{words}`");
    assert!(err.starts_with(&file), "{err}");
    out
}

#[test]
fn valid_file_exits_0_and_prints_nothing_on_stdout() {
    let (_dir, path) = file_with("data.ron", to_ron_string(&sample()).unwrap());
    let (code, out, err) = check(&path);
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    assert_eq!(out, "");
    assert!(err.contains("valid"), "{err}");
}

#[test]
fn invalid_data_exits_1_and_prints_each_problem_on_its_own_line() {
    let mut ds = sample();
    let mut twin = ds.organizations[0].clone();
    twin.name = "Acme again".into();
    ds.organizations.push(twin);
    ds.models[0].developer = OrgId::new("nobody");
    ds.claims[0].source = Some(Citation::new("gone"));
    let (_dir, path) = file_with("bad data.ron", to_ron_string(&ds).unwrap());
    let file = path.display().to_string();

    let (code, out, err) = check(&path);
    assert_eq!(code, 1, "stdout: {out}\nstderr: {err}");
    let lines: Vec<&str> = out.lines().collect();
    let want = [
        format!("{file}: organization acme: id: duplicate id"),
        format!("{file}: model fam-7b: developer: refers to an organization which does not exist"),
        format!("{file}: claim c-cost: source: refers to a source which does not exist"),
    ];
    assert_eq!(lines.len(), want.len(), "{out}");
    for (line, prefix) in lines.iter().zip(&want) {
        assert!(
            line.starts_with(prefix.as_str()),
            "`{line}` should start with `{prefix}`"
        );
    }
    // The lines are the problems the library finds, in the same order.
    let problems = load_path(&path).unwrap().problems;
    let from_lib: Vec<String> = problems.iter().map(|p| format!("{file}: {p}")).collect();
    assert_eq!(lines, from_lib);
    assert!(err.contains("3 problems"), "{err}");
}

#[test]
fn impossible_date_exits_1() {
    let mut ds = sample();
    ds.events[0].date = Some(PartialDate::day(2025, 2, 29));
    let (_dir, path) = file_with("data.ron", to_ron_string(&ds).unwrap());
    let (code, out, _err) = check(&path);
    assert_eq!(code, 1);
    let want = format!("{}: event release: date: impossible date", path.display());
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with(&want), "`{out}` should start with `{want}`");
}

#[test]
fn syntax_error_exits_2_and_prints_file_line_col() {
    let text = to_ron_string(&sample())
        .unwrap()
        .replacen("kind: Company,", "kind: Compny,", 1);
    let before = &text[..text.find("Compny").unwrap()];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    let (_dir, path) = file_with("data.ron", &text);
    let out = assert_unreadable(&path, "Compny");
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(
        out.starts_with(&prefix),
        "`{out}` should start with `{prefix}`"
    );
}

#[test]
fn unknown_field_exits_2() {
    let text = to_ron_string(&sample()).unwrap().replacen(
        "kind: Company,",
        "kind: Company,\n            colour: \"red\",",
        1,
    );
    let (_dir, path) = file_with("data.ron", text);
    let out = assert_unreadable(&path, "unknown field `colour`");
    assert!(out.starts_with(&format!("{}:", path.display())), "{out}");
}

#[test]
fn newer_format_version_exits_2() {
    let text = to_ron_string(&sample()).unwrap().replacen(
        &format!("format_version: {FORMAT_VERSION}"),
        &format!("format_version: {}", FORMAT_VERSION + 1),
        1,
    );
    let (_dir, path) = file_with("data.ron", text);
    assert_unreadable(&path, "newer version");
}

#[test]
fn missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    assert_unreadable(&path, "no such file");
}

#[test]
fn empty_binary_and_folder_exit_2() {
    let (_d1, empty) = file_with("empty.ron", b"");
    assert_unreadable(&empty, "empty");
    let (_d2, binary) = file_with("image.ron", b"\x89PNG\r\n\x1a\n\0\0");
    assert_unreadable(&binary, "not UTF-8");
    let dir = tempfile::tempdir().unwrap();
    assert_unreadable(dir.path(), "folder");
}

#[test]
fn file_name_is_printed_as_given() {
    let (dir, _path) = file_with("données 中文.ron", b"Dataset(format_version: 1, colour: 1)");
    let (code, out, _err) = run_in(
        Some(dir.path()),
        &["check".as_ref(), "données 中文.ron".as_ref()],
    );
    assert_eq!(code, 2);
    assert!(
        out.starts_with("données 中文.ron:1:28: unknown field `colour`"),
        "{out}"
    );
}

#[test]
fn help_and_version_exit_0() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ai-adoption-explorer"), "{out}");
    assert!(out.contains("check"), "{out}");
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("FILE"), "{out}");
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("ai-adoption-explorer {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_without_a_file_is_a_usage_error() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("Usage"), "{err}");
}

#[test]
fn built_in_data_passes_check() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data.ron"));
    let (code, out, err) = check(path);
    assert_eq!(out, "", "problems in the built-in data.ron");
    assert_eq!(code, 0, "stderr: {err}");
}

#[test]
fn check_builtin_checks_the_data_inside_the_binary() {
    let (code, out, err) = run(&["check", "--builtin"]);
    assert_eq!(out, "", "problems in the built-in dataset");
    assert_eq!(code, 0, "stderr: {err}");
    assert!(err.starts_with("Built-in dataset: valid ("), "{err}");
    let (code, _, err) = run(&["check", "--builtin", "data.ron"]);
    assert_eq!(code, 2, "a file and --builtin together are a usage error");
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn warnings_alone_exit_0_and_are_printed_as_warnings() {
    // A claim dated 9999-12-31 is more than a year after any day this test runs on.
    let mut ds = sample();
    ds.claims[0].when = Some(When::On(PartialDate::day(9999, 12, 31)));
    let (_dir, path) = file_with("ahead.ron", to_ron_string(&ds).unwrap());
    let file = path.display().to_string();
    let (code, out, err) = check(&path);
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    let want =
        format!("{file}: warning: claim c-cost: when: 9999-12-31 is more than a year after today");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with(&want), "`{out}` should start with `{want}`");
    assert!(err.contains("valid") && err.contains("1 warning"), "{err}");

    // With an error as well, the error decides the exit code; the warning is still printed.
    ds.models[0].developer = OrgId::new("nobody");
    let (_dir, path) = file_with("both.ron", to_ron_string(&ds).unwrap());
    let (code, out, err) = check(&path);
    assert_eq!(code, 1, "stdout: {out}\nstderr: {err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains(": warning: claim c-cost: when:")),
        "{out}"
    );
    assert!(err.contains("1 problem, 1 warning"), "{err}");
}

#[test]
fn hostile_text_and_implausible_values_exit_1_at_their_record_and_field() {
    let mut ds = sample();
    ds.organizations[0].name = "Pinterest\u{202e}exe.jpg".into();
    ds.people[0].name = "\u{200b}".into();
    ds.claims[1].value = ClaimValue::Number(0.5);
    ds.models[1].total_params_b = Some(1e308);
    let (_dir, path) = file_with("hostile.ron", to_ron_string(&ds).unwrap());
    let file = path.display().to_string();
    let (code, out, err) = check(&path);
    assert_eq!(code, 1, "stdout: {out}\nstderr: {err}");
    let want = [
        format!("{file}: organization acme: name: contains a bidirectional override"),
        format!("{file}: person ada: name: shows nothing"),
        format!("{file}: claim c-downloads: value: 0.5 is not a whole number"),
        format!("{file}: model fam-moe: total_params_b: 1e308 billion is more than 100 trillion"),
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), want.len(), "{out}");
    for w in &want {
        assert!(
            lines.iter().any(|l| l.starts_with(w.as_str())),
            "no line `{w}` in {out}"
        );
    }
    assert!(err.contains("4 problems"), "{err}");
}

#[test]
fn the_benchmarks_synth_scatter_output_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scatter.ron");
    let (code, out, err) = run(&["synth-scatter", "--points", "20000", path.to_str().unwrap()]);
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    let (code, out, err) = check(&path);
    assert_eq!((code, out.as_str()), (0, ""), "stderr: {err}");
    let loaded = load_path(&path).unwrap();
    let points: usize = loaded.dataset.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(points, 20_000);
}

/// Runs `args` and waits at most `limit`: a hang is killed and fails the test instead of
/// hanging the test run. Returns the exit code, stdout and stderr.
fn run_with_timeout(
    args: &[&std::ffi::OsStr],
    limit: std::time::Duration,
) -> (i32, String, String) {
    use std::io::Read;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`{args:?}` did not finish within {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (mut out, mut err) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code().expect("killed by a signal"), out, err)
}

#[cfg(unix)]
#[test]
fn check_of_a_fifo_is_refused_at_once_and_never_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    // Nobody writes to the FIFO: opening it to read would block for ever.
    let (code, out, err) = run_with_timeout(
        &["check".as_ref(), fifo.as_os_str()],
        std::time::Duration::from_secs(20),
    );
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    assert!(out.starts_with(&fifo.display().to_string()), "{out}");
    assert!(out.contains("is not a regular file"), "{out}");
    assert!(out.contains("named pipe (FIFO)"), "{out}");
    assert!(err.contains("not a regular file"), "{err}");
    // `format` refuses it the same way.
    let (code, _, err) = run_with_timeout(
        &["format".as_ref(), fifo.as_os_str()],
        std::time::Duration::from_secs(20),
    );
    assert_eq!(code, 2);
    assert!(err.contains("is not a regular file"), "{err}");
}

#[cfg(unix)]
#[test]
fn check_of_a_device_is_refused_at_once() {
    // /dev/zero never ends and /dev/null is empty: neither is read.
    for dev in ["/dev/zero", "/dev/null"] {
        if !Path::new(dev).exists() {
            continue;
        }
        let (code, out, _) = run_with_timeout(
            &["check".as_ref(), dev.as_ref()],
            std::time::Duration::from_secs(20),
        );
        assert_eq!(code, 2, "{dev}: {out}");
        assert!(
            out.contains("is not a regular file (it is a character device)"),
            "{out}"
        );
    }
}

#[test]
fn check_of_a_folder_says_it_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    assert_unreadable(dir.path(), "folder");
}

#[test]
fn check_of_junk_quotes_its_start_short_with_its_length() {
    // One huge word of junk: the message quotes at most 80 characters of it and says how long
    // the text is, so a terminal is never flooded.
    let (_dir, path) = file_with("junk.ron", "J".repeat(5 * 1024 * 1024));
    let out = assert_unreadable(&path, "not a dataset file");
    assert!(out.len() < 600, "{} bytes: {out}", out.len());
    assert!(out.contains(&format!("`{}…`", "J".repeat(80))), "{out}");
    assert!(out.contains("more than"), "{out}");
    assert!(
        out.starts_with(&format!("{}:1:1: ", path.display())),
        "{out}"
    );
}

/// Asserts that `text` holds no byte that could act on a terminal (ESC, BEL, other C0 controls
/// but the line feed, C1 controls, bidi overrides) and no line longer than `max` bytes.
fn assert_terminal_safe(text: &str, max: usize) {
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "raw {:?} printed in: {}",
            c,
            text.escape_debug()
        );
    }
    for line in text.lines() {
        assert!(
            line.len() <= max,
            "a line of {} bytes: {}…",
            line.len(),
            line.chars().take(120).collect::<String>()
        );
    }
}

/// Names and ids that would retitle and clear a terminal, a bidi override, and 2 MB names and
/// ids, all in records with problems: each problem is printed at its record and field, escaped
/// and cut, on a short line.
#[test]
fn hostile_names_and_ids_are_printed_escaped_and_cut() {
    const ESCAPES: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let huge = "n".repeat(2_000_000);
    let mut ds = sample();
    ds.organizations[0].name = format!("Acme{ESCAPES}");
    // A second organization with the first's id (a duplicate), named hostilely.
    let mut twin = ds.organizations[0].clone();
    twin.id = OrgId::new(format!("evil{ESCAPES}"));
    twin.name = huge.clone();
    ds.organizations.push(twin.clone());
    ds.organizations.push(twin);
    ds.models[0].name = "Pinterest\u{202e}gpj.exe".into();
    // A reference to an organization whose id is 2 MB long.
    ds.models[0].developer = OrgId::new(huge.clone());
    ds.sources[0].title = format!("{ESCAPES}{huge}");
    let (_dir, path) = file_with("hostile.ron", to_ron_string(&ds).unwrap());
    let file = path.display().to_string();

    let (code, out, err) = check(&path);
    assert_eq!(code, 1, "stdout: {out}\nstderr: {err}");
    assert_terminal_safe(&out, 400);
    assert_terminal_safe(&err, 400);
    let lines: Vec<&str> = out.lines().collect();
    let dup =
        format!("{file}: organization evil\\u{{1b}}]0;pwned\\u{{7}}\\u{{1b}}[2J: id: duplicate id");
    assert!(
        lines.iter().any(|l| l.starts_with(&dup)),
        "no line starts with `{dup}`:\n{out}"
    );
    let missing = lines
        .iter()
        .find(|l| {
            l.starts_with(&format!(
                "{file}: model fam-7b: developer: refers to an organization which does not exist"
            ))
        })
        .unwrap_or_else(|| panic!("the missing developer is reported:\n{out}"));
    // The message is in words: the missing (and hostile, long) id is not printed at all.
    assert!(!missing.contains("nnnn"), "{missing}");

    // `format` lists the same problems on stderr, as safely.
    let (_dir2, copy) = file_with("hostile.ron", to_ron_string(&ds).unwrap());
    let (_, fout, ferr) = run_in(None, &["format".as_ref(), copy.as_os_str()]);
    assert_terminal_safe(&fout, 400);
    assert_terminal_safe(&ferr, 400);
    assert!(ferr.contains("duplicate id"), "{ferr}");
}

/// Read errors quote the file: what they quote is escaped and cut too, and so is the file name.
#[test]
fn load_errors_and_file_names_are_printed_escaped_and_cut() {
    let text = to_ron_string(&sample()).unwrap();
    // An unknown field named by terminal escapes.
    let escaped_field = text.replacen(
        "kind: Company,",
        "kind: Company,\n            \u{1b}]0;pwned\u{7}: 1,",
        1,
    );
    // An unknown field with a 1 MB name.
    let huge_field = text.replacen(
        "kind: Company,",
        &format!("kind: Company,\n            {}: 1,", "f".repeat(1_000_000)),
        1,
    );
    for bad in [escaped_field, huge_field] {
        let (_dir, path) = file_with("bad.ron", &bad);
        let (code, out, err) = check(&path);
        assert_eq!(code, 2, "{}", out.chars().take(300).collect::<String>());
        assert_terminal_safe(&out, 400);
        assert_terminal_safe(&err, 400);
        assert!(out.starts_with(&format!("{}:", path.display())), "{out}");
    }
    // A file name holding escapes is printed escaped, in problems and in the summary.
    let mut ds = sample();
    ds.models[0].developer = OrgId::new("nobody");
    let (_dir, path) = file_with("x\u{1b}[2J.ron", to_ron_string(&ds).unwrap());
    let (code, out, err) = check(&path);
    assert_eq!(code, 1);
    assert_terminal_safe(&out, 400);
    assert_terminal_safe(&err, 400);
    assert!(
        out.contains("x\\u{1b}[2J.ron: model fam-7b: developer"),
        "{out}"
    );
}
