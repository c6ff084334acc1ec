//! Malformed inputs of every kind give a `LoadError`, never a panic, and the error names the
//! file and, for syntax errors, `LINE:COL` and the offending text.

use std::path::Path;
use std::time::{Duration, Instant};

use ai_adoption_explorer::io::{
    LoadError, MAX_DATASET_BYTES, load_bytes, load_bytes_with_limit, load_path,
    load_path_with_limit, to_ron_string,
};
use ai_adoption_explorer::model::*;
use proptest::prelude::*;

/// File name passed to `load_bytes`; every message must name it.
const FILE: &str = "some dir/data.ron";

mod common;
use common::sample;

fn sample_text() -> String {
    to_ron_string(&sample()).unwrap()
}

/// Loads `bytes` and returns the error; fails the test when the bytes load.
fn load_err(bytes: impl AsRef<[u8]>) -> LoadError {
    match load_bytes(FILE, bytes.as_ref()) {
        Ok(loaded) => panic!("expected a LoadError, got {:?}", loaded.dataset),
        Err(e) => e,
    }
}

/// The parts of a syntax error; fails the test for any other error. Also checks that Display
/// starts with `FILE:LINE:COL: `.
fn syntax(bytes: impl AsRef<[u8]>) -> (usize, usize, String, String) {
    let e = load_err(bytes);
    let shown = e.to_string();
    match e {
        LoadError::Syntax {
            file,
            line,
            col,
            message,
            excerpt,
        } => {
            assert_eq!(file, FILE);
            let prefix = format!("{FILE}:{line}:{col}: ");
            assert!(
                shown.starts_with(&prefix),
                "`{shown}` should start with `{prefix}`"
            );
            (line, col, message, excerpt)
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// 1-based line and column (in characters) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().unwrap().chars().count();
    (line, col)
}

/// Asserts `e` is `NotText` at `line:col` for `byte`, and that Display says so.
fn assert_not_text(e: &LoadError, want_line: usize, want_col: usize, want_byte: u8) {
    match e {
        LoadError::NotText {
            file,
            line,
            col,
            byte,
        } => {
            assert_eq!(file, FILE);
            assert_eq!(
                (*line, *col, *byte),
                (want_line, want_col, want_byte),
                "{e}"
            );
        }
        other => panic!("expected NotText, got {other:?}"),
    }
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("{FILE}:{want_line}:{want_col}: ")),
        "{shown}"
    );
    assert!(shown.contains(&format!("0x{want_byte:02x}")), "{shown}");
    assert!(shown.contains("not UTF-8"), "{shown}");
}

/// How long `f` takes, the best of three runs (the least disturbed by other work on the machine).
fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A hang guard that does not depend on the machine's speed: rejecting input ten times larger
/// may take at most about ten times as long (with room for noise), so the work is linear, never
/// quadratic or worse. Speed itself is measured by criterion (`benches/io.rs`).
fn assert_rejection_scales_linearly(what: &str, make: impl Fn(usize) -> Vec<u8>, small: usize) {
    let small_bytes = make(small);
    let large_bytes = make(small * 10);
    let small_took = best_of_three(|| {
        assert_names_file(&load_err(&small_bytes));
    });
    let large_took = best_of_three(|| {
        assert_names_file(&load_err(&large_bytes));
    });
    // 10x the input: allow 30x the time, plus 50 ms for timers and allocation at small sizes.
    let bound = small_took * 30 + Duration::from_millis(50);
    eprintln!("{what}: {small_took:?} for {small} units, {large_took:?} for 10x");
    assert!(
        large_took <= bound,
        "{what}: 10x the input took {large_took:?}, more than 30x the {small_took:?} of the small one"
    );
}

/// Every error's Display names the file first.
fn assert_names_file(e: &LoadError) {
    let shown = e.to_string();
    assert!(shown.starts_with(FILE), "`{shown}` does not name {FILE}");
    if let Some((line, col)) = e.position() {
        assert!(line >= 1 && col >= 1, "{e:?}");
        assert!(
            shown.starts_with(&format!("{FILE}:{line}:{col}: ")),
            "`{shown}`"
        );
    }
}

/// A small deterministic generator, so big junk files are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

// ---------------------------------------------------------------------------------------------
// Empty and binary input

#[test]
fn empty_file_is_empty_error() {
    let e = load_err(b"");
    assert_eq!(
        e,
        LoadError::Empty {
            file: FILE.to_owned()
        }
    );
    assert_names_file(&e);
    assert!(e.to_string().contains("empty"), "{e}");
}

#[test]
fn whitespace_only_is_empty_error() {
    for text in [
        &b" "[..],
        b"\n",
        b"\n\n\n",
        b" \t \r\n \r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF  \n",
    ] {
        let e = load_err(text);
        assert!(matches!(e, LoadError::Empty { .. }), "{text:?} gave {e:?}");
        assert_names_file(&e);
    }
}

#[test]
fn binary_bytes_are_errors_that_name_the_file() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        (
            "png header",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
        ),
        ("nul bytes", vec![0u8; 4096]),
        (
            "elf header",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec(),
        ),
        ("zip header", b"PK\x03\x04\x14\0\0\0\x08\0".to_vec()),
        ("utf-16 text", b"\xff\xfeD\0a\0t\0a\0".to_vec()),
    ];
    for i in 0..20 {
        inputs.push(("random bytes", rng.bytes(1 + i * 97)));
    }
    for (what, bytes) in &inputs {
        let e = load_err(bytes);
        assert_names_file(&e);
        assert!(
            matches!(e, LoadError::NotText { .. } | LoadError::Syntax { .. }),
            "{what}: {e:?}"
        );
    }
    // A PNG file fails on its very first byte.
    assert_not_text(&load_err(&inputs[0].1), 1, 1, 0x89);
    // NUL bytes are valid UTF-8, so they are a syntax error at the first character.
    let (line, col, _, _) = syntax(&inputs[1].1);
    assert_eq!((line, col), (1, 1));
}

// ---------------------------------------------------------------------------------------------
// Not UTF-8

#[test]
fn latin1_text_is_not_text_at_the_accented_letter() {
    let mut bytes = b"Dataset(format_version: 1, meta: Meta(title: \"caf".to_vec();
    let col = bytes.len() + 1;
    bytes.extend_from_slice(b"\xe9\"))\n");
    assert_not_text(&load_err(&bytes), 1, col, 0xe9);
}

#[test]
fn lone_ff_on_line_3_is_not_text_with_line_and_character_column() {
    // Line 3 has multi-byte characters before the bad byte: the column counts characters.
    let before = "Dataset(\n    format_version: 1,\n    meta: Meta(title: \"中文 😀 x";
    let mut bytes = before.as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b" y\"),\n)\n");
    let want_col = "    meta: Meta(title: \"中文 😀 x".chars().count() + 1;
    assert_not_text(&load_err(&bytes), 3, want_col, 0xFF);
}

#[test]
fn invalid_utf8_after_a_bom_and_crlf_lines_is_located() {
    let mut bytes = b"\xEF\xBB\xBFDataset(\r\n    format_version: 1,\r\n  ".to_vec();
    bytes.push(0xC0);
    assert_not_text(&load_err(&bytes), 3, 3, 0xC0);
}

#[test]
fn truncated_multibyte_character_at_the_end_is_not_text() {
    let mut bytes = b"Dataset(format_version: 1) ".to_vec();
    bytes.extend_from_slice(&"中".as_bytes()[..2]);
    assert_not_text(&load_err(&bytes), 1, 28, 0xE4);
}

// ---------------------------------------------------------------------------------------------
// Truncated files

#[test]
fn truncated_dataset_says_it_ends_too_early() {
    let text = sample_text();
    // Cut at the start of the line in the middle of the file.
    let middle = text.len() / 2;
    let cut = text[..middle].rfind('\n').unwrap() + 1;
    let (line, _col, message, _excerpt) = syntax(&text.as_bytes()[..cut]);
    assert!(message.contains("ends too early"), "{message}");
    let lines_kept = text[..cut].matches('\n').count();
    assert!(
        line == lines_kept || line == lines_kept + 1,
        "error at line {line}, the file has {lines_kept} whole lines"
    );
}

#[test]
fn every_prefix_of_a_dataset_is_an_error_never_a_panic() {
    let text = sample_text();
    let end = text.trim_end().len();
    assert!(load_bytes(FILE, text.as_bytes()).is_ok());
    for cut in 0..end {
        let e = load_err(&text.as_bytes()[..cut]);
        assert_names_file(&e);
    }
}

// ---------------------------------------------------------------------------------------------
// Deep nesting

#[test]
fn nesting_100_000_levels_deep_errors_quickly_without_stack_overflow() {
    const DEPTH: usize = 100_000;
    for (i, text) in nesting_cases(DEPTH).iter().enumerate() {
        let e = load_err(text);
        assert_names_file(&e);
        assert!(
            matches!(e, LoadError::Syntax { .. } | LoadError::NewerVersion { .. }),
            "{e:?}"
        );
        // "Quickly", without depending on the machine's speed: ten times deeper takes at most
        // about ten times as long.
        assert_rejection_scales_linearly(
            &format!("nesting case {i} (`{}...`)", &text[..40]),
            |depth| nesting_cases(depth).swap_remove(i).into_bytes(),
            DEPTH / 10,
        );
    }
}

/// Files nested `depth` levels deep, in every shape the parser meets.
fn nesting_cases(depth: usize) -> Vec<String> {
    let open_sq = "[".repeat(depth);
    let open_par = "(".repeat(depth);
    let close_sq = "]".repeat(depth);
    vec![
        open_sq.clone(),
        format!("{open_sq}{close_sq}"),
        open_par.clone(),
        format!("Dataset(format_version: 1, meta: Meta(title: {open_par}"),
        format!("Dataset(format_version: 1, organizations: {open_sq}"),
        format!("Dataset(format_version: 1, organizations: {open_sq}{close_sq})"),
        format!("Dataset(format_version: 1, colour: {open_sq}"),
        format!("Dataset(format_version: 2, colour: {open_sq}"),
        format!("(format_version: 2, colour: {open_sq}{close_sq})"),
        format!("(format_version: 1, colour: {})", "Some(".repeat(depth)),
        format!(
            "Dataset(format_version: 1, meta: Meta(title: {})",
            "{".repeat(depth)
        ),
        format!("Dataset(format_version: 1, claims: [Claim(id: \"c\", subject: Country({open_sq}"),
    ]
}

// ---------------------------------------------------------------------------------------------
// Huge files

/// Bytes this thread has read through system calls so far (Linux), to prove a file was not read.
fn bytes_read_by_this_thread() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/thread-self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
}

#[test]
fn file_of_3_gib_is_too_large_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let size: u64 = 3 << 30;
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(size).unwrap(); // sparse: instant, and no disk space used
    drop(f);

    let read_before = bytes_read_by_this_thread();
    let e = load_path(&path).unwrap_err();
    let read_after = bytes_read_by_this_thread();

    assert_eq!(
        e,
        LoadError::TooLarge {
            file: path.display().to_string(),
            size,
            limit: MAX_DATASET_BYTES,
        }
    );
    let shown = e.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    assert!(shown.contains(&size.to_string()), "{shown}");
    assert!(shown.contains("1 GiB"), "{shown}");
    // Refused from its size alone: (almost) nothing of it was read, however fast the machine.
    if let (Some(a), Some(b)) = (read_before, read_after) {
        assert!(b - a < 1024 * 1024, "{} bytes were read", b - a);
    }
}

#[test]
fn file_one_byte_over_the_limit_is_too_large_and_one_at_the_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let over = dir.path().join("over.ron");
    std::fs::File::create(&over)
        .unwrap()
        .set_len(MAX_DATASET_BYTES + 1)
        .unwrap();
    assert!(matches!(
        load_path(&over),
        Err(LoadError::TooLarge { size, .. }) if size == MAX_DATASET_BYTES + 1
    ));
    // At the limit the file is read: NUL bytes are a syntax error (found from its first bytes),
    // not TooLarge.
    let at = dir.path().join("at.ron");
    std::fs::File::create(&at)
        .unwrap()
        .set_len(MAX_DATASET_BYTES)
        .unwrap();
    let e = load_path(&at).unwrap_err();
    assert!(matches!(e, LoadError::Syntax { .. }), "{e:?}");
}

/// With a small limit a real dataset can be on both sides of it: one byte over is refused, at
/// the limit it loads.
#[test]
fn a_dataset_at_the_limit_loads_and_one_byte_more_is_refused() {
    let text = sample_text();
    let n = text.len() as u64;
    assert_eq!(
        load_bytes_with_limit(FILE, text.as_bytes(), n)
            .unwrap()
            .dataset,
        sample()
    );
    let e = load_bytes_with_limit(FILE, text.as_bytes(), n - 1).unwrap_err();
    assert_eq!(
        e,
        LoadError::TooLarge {
            file: FILE.to_owned(),
            size: n,
            limit: n - 1
        }
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ron");
    std::fs::write(&path, &text).unwrap();
    assert_eq!(load_path_with_limit(&path, n).unwrap().dataset, sample());
    assert!(matches!(
        load_path_with_limit(&path, n - 1),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn too_large_bytes_in_memory_are_refused() {
    // Zeroed memory is mapped lazily: this costs no real memory, and only its length is looked at.
    let bytes = vec![0u8; usize::try_from(MAX_DATASET_BYTES).unwrap() + 1];
    let e = load_err(&bytes);
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e:?}");
    assert_names_file(&e);
}

/// A hang guard, not a speed claim: junk just below the size limit is an error naming the file,
/// and rejecting ten times more junk takes at most about ten times as long (linear work, whatever
/// the machine's speed; criterion in `benches/io.rs` measures the speed itself).
#[test]
fn junk_of_200_mb_errors_in_linear_time() {
    const SIZE: usize = 200 * 1024 * 1024;
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    // 1 MB of random bytes, repeated: as junk as fully random bytes, and quicker to make.
    let random_mb = rng.bytes(1024 * 1024);

    // On disk, through `load_path`: random bytes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.ron");
    std::fs::write(&path, random_mb.repeat(SIZE / random_mb.len())).unwrap();
    let e = load_path(&path).unwrap_err();
    assert!(e.to_string().starts_with(&path.display().to_string()));
    std::fs::remove_file(&path).unwrap();

    // In memory: junk text of several shapes, at the full size and in the scaling check.
    for (what, make) in junk_shapes(&random_mb) {
        let bytes = make(SIZE);
        assert_names_file(&load_err(&bytes));
        drop(bytes);
        assert_rejection_scales_linearly(what, make, 2 * 1024 * 1024);
    }
}

/// A file that is not a dataset from its first bytes is refused after reading only its start,
/// whatever its size: here 200 MB of junk of several kinds, of which (almost) nothing is read.
#[test]
fn junk_is_refused_after_reading_only_its_first_bytes() {
    const SIZE: usize = 200 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.ron");
    for (what, unit) in [
        (
            "csv",
            &b"2025-01-01,acme,\"Qwen 2.5\",production,1234.5\n"[..],
        ),
        ("json", b"[{\"a\": 1}, "),
        ("one huge word", b"x"),
        ("binary", b"\x89PNG\r\n\x1a\n"),
        ("markdown", b"# Title\n\nSome text.\n"),
    ] {
        std::fs::write(&path, unit.repeat(SIZE / unit.len())).unwrap();
        let read_before = bytes_read_by_this_thread();
        let e = load_path(&path).unwrap_err();
        let read_after = bytes_read_by_this_thread();
        let shown = e.to_string();
        assert!(
            shown.starts_with(&path.display().to_string()),
            "{what}: {shown}"
        );
        assert!(shown.len() < 600, "{what}: {} bytes: {shown}", shown.len());
        assert!(
            matches!(
                e,
                LoadError::Syntax {
                    line: 1,
                    col: 1,
                    ..
                } | LoadError::NotText { .. }
            ),
            "{what}: {e:?}"
        );
        if let (Some(a), Some(b)) = (read_before, read_after) {
            assert!(b - a < 1024 * 1024, "{what}: {} bytes were read", b - a);
        }
    }
}

/// A huge token is quoted with at most 80 characters and its length.
#[test]
fn a_huge_token_is_quoted_short_with_its_length() {
    let huge = "x".repeat(1024 * 1024);
    let text = format!("Dataset(format_version: 1, meta: Meta(title: {huge}))");
    let (line, col, message, excerpt) = syntax(&text);
    assert_eq!((line, col), position_of(&text, &huge));
    assert_eq!(excerpt, format!("{}…", "x".repeat(80)));
    assert!(message.contains("1048576 characters"), "{message}");
    // And at the very start of a file, the same.
    let (_, _, message, excerpt) = syntax(&huge);
    assert_eq!(excerpt, format!("{}…", "x".repeat(80)));
    assert!(message.contains("not a dataset file"), "{message}");
}

/// A maker of junk of one shape: `size` bytes (about) of it.
type JunkMaker<'a> = Box<dyn Fn(usize) -> Vec<u8> + 'a>;

/// Junk text of several shapes, each made at any size from one random megabyte.
fn junk_shapes(random_mb: &[u8]) -> Vec<(&'static str, JunkMaker<'_>)> {
    let repeat = |unit: &[u8], size: usize| -> Vec<u8> {
        let mut out = Vec::with_capacity(size + unit.len());
        while out.len() < size {
            out.extend_from_slice(unit);
        }
        out
    };
    vec![
        (
            "printable ascii",
            Box::new(move |size| {
                let unit: Vec<u8> = random_mb.iter().map(|b| b' ' + b % 95).collect();
                repeat(&unit, size)
            }),
        ),
        (
            "csv",
            Box::new(move |size| repeat(b"2025-01-01,acme,\"Qwen 2.5\",production,1234.5\n", size)),
        ),
        (
            "unterminated string",
            Box::new(|size| {
                let mut v = b"Dataset(format_version: 1, meta: Meta(title: \"".to_vec();
                v.resize(size, b'a');
                v
            }),
        ),
        ("brackets", Box::new(|size| vec![b'['; size])),
        ("parentheses", Box::new(|size| vec![b'('; size])),
        (
            "bad byte at the end",
            Box::new(move |size| {
                let mut v = repeat("Dataset 中文 (x)\n".as_bytes(), size);
                v.push(0xFF);
                v
            }),
        ),
    ]
}

/// The excerpt is at most 80 characters so a message stays readable; the whole message must stay
/// short too, even when the offending token is huge.
#[test]
fn error_message_stays_short_for_a_huge_token() {
    let huge = "x".repeat(1024 * 1024);
    for text in [
        huge.clone(),
        format!("Dataset(format_version: 1, {huge}: 1)"),
        format!(
            "Dataset(format_version: 1, organizations: [Organization(id: \"a\", name: \"A\", kind: {huge})])"
        ),
    ] {
        let e = load_err(&text);
        let shown = e.to_string();
        assert!(
            shown.len() < 2000,
            "message is {} bytes long: {}...",
            shown.len(),
            &shown[..200]
        );
    }
}

/// `check` prints messages to a terminal: text quoted from the file must not carry control
/// characters (an escape sequence in a file would otherwise drive the user's terminal).
#[test]
fn error_message_quotes_no_control_characters() {
    for text in [
        &b"\x1b]0;title\x07\x1b[31mDataset(format_version: 1)"[..],
        b"Dataset(format_version: 1, \x1b[2J: 1)",
        b"\0\0\0\0",
        b"Dataset(format_version: 1, meta: Meta(title: 5\x08\x08))",
    ] {
        let shown = load_err(text).to_string();
        assert!(
            !shown.chars().any(char::is_control),
            "control characters in `{}`",
            shown.escape_debug()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Unknown fields and newer versions

#[test]
fn unknown_field_at_top_level_is_named_with_its_position() {
    let text = "Dataset(\n    format_version: 1,\n    colour: \"red\",\n)\n";
    let (line, col, message, excerpt) = syntax(text);
    assert_eq!((line, col), position_of(text, "colour"));
    assert!(message.contains("`colour`"), "{message}");
    assert!(message.contains("Dataset"), "{message}");
    assert_eq!(excerpt, "colour");
    assert!(load_err(text).to_string().contains("(at `colour`)"));
}

#[test]
fn unknown_field_in_nested_records_is_named_with_its_position() {
    let mut ds = sample();
    ds.organizations.truncate(1);
    let good = to_ron_string(&ds).unwrap();
    // Organization, Meta, and a StatusEntry two levels down.
    for (anchor, record) in [
        ("        Organization(\n", "Organization"),
        ("    meta: Meta(\n", "Meta"),
        ("                StatusEntry(\n", "StatusEntry"),
    ] {
        assert!(good.contains(anchor), "{anchor}");
        let text = good.replacen(
            anchor,
            &format!("{anchor}            colour: \"red\",\n"),
            1,
        );
        let (line, col, message, excerpt) = syntax(&text);
        assert_eq!((line, col), position_of(&text, "colour"), "{message}");
        assert!(message.contains("unknown field `colour`"), "{message}");
        assert!(message.contains(record), "{message}");
        assert_eq!(excerpt, "colour");
    }
}

#[test]
fn newer_format_version_says_to_use_a_newer_version() {
    for text in [
        "Dataset(format_version: 3)".to_owned(),
        "Dataset(\n    format_version: 7,\n    meta: Meta(title: \"future\"),\n)\n".to_owned(),
        sample_text().replacen(
            &format!("format_version: {FORMAT_VERSION}"),
            &format!("format_version: {}", FORMAT_VERSION + 1),
            1,
        ),
    ] {
        let e = load_err(&text);
        let found = if text.contains("format_version: 7") {
            7
        } else {
            FORMAT_VERSION + 1
        };
        assert_eq!(
            e,
            LoadError::NewerVersion {
                file: FILE.to_owned(),
                found,
                supported: FORMAT_VERSION,
            }
        );
        let shown = e.to_string();
        assert!(shown.starts_with(FILE), "{shown}");
        assert!(shown.contains("newer version"), "{shown}");
        assert!(
            shown.contains(&format!("format_version {found}")),
            "{shown}"
        );
    }
}

/// A newer version may add fields and variants; the user must hear "newer version", not
/// "unknown field".
#[test]
fn newer_format_version_with_unknown_fields_says_newer_version() {
    for text in [
        "Dataset(format_version: 3, colour: \"red\")".to_owned(),
        "Dataset(\n    format_version: 3,\n    robots: [Robot(id: \"r\")],\n)\n".to_owned(),
        sample_text()
            .replacen(
                &format!("format_version: {FORMAT_VERSION}"),
                &format!("format_version: {}", FORMAT_VERSION + 1),
                1,
            )
            .replacen(
                "kind: Company,",
                "kind: Company,\n            colour: \"red\",",
                1,
            ),
        sample_text()
            .replacen(
                &format!("format_version: {FORMAT_VERSION}"),
                &format!("format_version: {}", FORMAT_VERSION + 1),
                1,
            )
            .replacen("kind: Company,", "kind: Cooperative,", 1),
    ] {
        let e = load_err(&text);
        assert_eq!(
            e,
            LoadError::NewerVersion {
                file: FILE.to_owned(),
                found: FORMAT_VERSION + 1,
                supported: FORMAT_VERSION,
            },
            "{e}"
        );
        assert!(e.to_string().contains("newer version"));
    }
}

// ---------------------------------------------------------------------------------------------
// BOM and CRLF

#[test]
fn bom_and_crlf_load_like_lf() {
    let lf = sample_text();
    let want = load_bytes(FILE, lf.as_bytes()).unwrap();
    assert!(want.problems.is_empty(), "{:?}", want.problems);
    assert_eq!(want.dataset, sample());
    let crlf = lf.replace('\n', "\r\n");
    let mut bom_lf = b"\xEF\xBB\xBF".to_vec();
    bom_lf.extend_from_slice(lf.as_bytes());
    let mut bom_crlf = b"\xEF\xBB\xBF".to_vec();
    bom_crlf.extend_from_slice(crlf.as_bytes());
    for bytes in [crlf.as_bytes(), &bom_lf, &bom_crlf] {
        let got = load_bytes(FILE, bytes).unwrap();
        assert_eq!(got.dataset, want.dataset);
        assert_eq!(got.problems, want.problems);
    }
}

#[test]
fn crlf_inside_a_multi_line_string_reads_as_lf() {
    let lf = "Dataset(\n    format_version: 1,\n    meta: Meta(title: \"one\ntwo\"),\n)\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = load_bytes(FILE, lf.as_bytes()).unwrap().dataset;
    let b = load_bytes(FILE, crlf.as_bytes()).unwrap().dataset;
    assert_eq!(a.meta.title, "one\ntwo");
    assert_eq!(a, b);
}

#[test]
fn crlf_errors_have_the_same_position_as_lf() {
    let lf = "Dataset(\n    format_version: 1,\n    meta: Meta(title: \"x\", colour: 1),\n)\n";
    let crlf = lf.replace('\n', "\r\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(crlf.as_bytes());
    let a = syntax(lf);
    assert_eq!((a.0, a.1), position_of(lf, "colour"));
    assert_eq!(syntax(&crlf), a);
    assert_eq!(syntax(&bom), a);
}

// ---------------------------------------------------------------------------------------------
// Wrong variants, types and dates

#[test]
fn wrong_enum_variant_is_a_syntax_error_at_the_variant() {
    let text = sample_text().replacen("kind: Company,", "kind: Compny,", 1);
    let (line, col, message, excerpt) = syntax(&text);
    assert_eq!((line, col), position_of(&text, "Compny"));
    assert!(message.contains("Compny"), "{message}");
    assert!(message.contains("Company"), "{message}");
    assert_eq!(excerpt, "Compny");
}

#[test]
fn string_where_a_number_is_expected_is_a_syntax_error_at_the_value() {
    let text = sample_text().replacen(
        "total_params_b: Some(7.0)",
        "total_params_b: Some(\"big\")",
        1,
    );
    let (line, col, message, excerpt) = syntax(&text);
    assert_eq!((line, col), position_of(&text, "\"big\""));
    assert!(message.to_lowercase().contains("float"), "{message}");
    assert!(excerpt.contains("\"big\""), "{excerpt}");
}

#[test]
fn number_where_a_string_is_expected_is_a_syntax_error() {
    let text = sample_text().replacen("name: \"Acme\"", "name: 42", 1);
    let (line, _col, message, excerpt) = syntax(&text);
    assert_eq!(line, position_of(&text, "name: 42").0);
    assert!(message.to_lowercase().contains("string"), "{message}");
    assert!(excerpt.contains("42"), "{excerpt}");
}

/// The column must point at the offending value, and the excerpt must show it, also when the
/// value follows a space on a long line.
#[test]
fn wrong_type_after_a_space_points_at_the_value() {
    let long = "a".repeat(100);
    for (text, token) in [
        ("Dataset(format_version: \"1\")".to_owned(), "\"1\""),
        (
            format!("Dataset(format_version: 1, meta: Meta(title: \"{long}\", description: 5))"),
            "5))",
        ),
        ("Dataset(format_version: 1) x".to_owned(), "x"),
    ] {
        let (line, col, message, excerpt) = syntax(&text);
        assert_eq!((line, col), position_of(&text, token), "{message}");
        assert!(excerpt.starts_with(&token[..1]), "excerpt `{excerpt}`");
    }
}

#[test]
fn date_of_the_wrong_shape_is_a_syntax_error_with_the_date() {
    let base = sample_text();
    for (from, to, bad) in [
        (
            "date: Some(\"2025-06-30\")",
            "date: Some(\"Jan 2025\")",
            "Jan 2025",
        ),
        ("(\"2024-02\", ", "(\"2024/02\", ", "2024/02"),
        ("Date(\"2024-03-01\")", "Date(\"2024-3-1\")", "2024-3-1"),
        ("since: Some(\"2020\")", "since: Some(\"20\")", "\"20\""),
    ] {
        assert!(base.contains(from), "{from}");
        let text = base.replacen(from, to, 1);
        let (line, col, message, excerpt) = syntax(&text);
        let (want_line, want_col) = position_of(&text, to);
        assert_eq!(line, want_line, "{message}");
        assert!(
            col > want_col && col <= want_col + to.chars().count(),
            "column {col} is not within `{to}` at {want_col}"
        );
        let bare = bad.trim_matches('"');
        assert!(message.contains(bare), "{message}");
        assert!(message.contains("YYYY-MM-DD"), "{message}");
        assert!(excerpt.contains(bare), "{excerpt}");
    }
}

#[test]
fn missing_and_directory_paths_are_io_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let e = load_path(&missing).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }), "{e:?}");
    assert!(e.to_string().starts_with(&missing.display().to_string()));
    assert!(e.to_string().contains("no such file"), "{e}");
    let e = load_path(dir.path()).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }), "{e:?}");
    assert!(e.to_string().contains("folder"), "{e}");
}

#[test]
fn load_path_reads_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.ron");
    std::fs::write(&path, sample_text()).unwrap();
    let loaded = load_path(Path::new(&path)).unwrap();
    assert_eq!(loaded.dataset, sample());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

// ---------------------------------------------------------------------------------------------
// Fuzz-style properties

/// Loads any bytes; whatever happens, no panic, and an error names the file.
fn load_never_panics(bytes: &[u8]) -> Result<(), TestCaseError> {
    let result = std::panic::catch_unwind(|| load_bytes(FILE, bytes));
    let Ok(result) = result else {
        return Err(TestCaseError::fail(format!(
            "load_bytes panicked on {:?}",
            String::from_utf8_lossy(bytes)
        )));
    };
    if let Err(e) = result {
        assert_names_file(&e);
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    InsertText(usize, &'static str),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let tokens = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "\"",
        ",",
        ":",
        "Some(",
        "None",
        "r#\"",
        "\\",
        "//",
        "/*",
        "\u{FEFF}",
        "中",
        "😀",
        "\r",
        "\n",
        "-",
        "1e999",
        "NaN",
        "format_version: 2,",
        "#![enable(implicit_some)]",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), tokens).prop_map(|(i, t)| Edit::InsertText(i, t)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    if bytes.is_empty() {
        return;
    }
    let n = bytes.len();
    match *e {
        Edit::Replace(i, b) => bytes[i % n] = b,
        Edit::Insert(i, b) => bytes.insert(i % (n + 1), b),
        Edit::Delete(i) => {
            bytes.remove(i % n);
        }
        Edit::InsertText(i, t) => {
            let at = i % (n + 1);
            bytes.splice(at..at, t.bytes());
        }
        Edit::Truncate(i) => bytes.truncate(i % n),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_never_panics(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in prop_oneof!["\\PC*", any::<String>(), "[ -~\n]*"]) {
        load_never_panics(text.as_bytes())?;
        load_never_panics(format!("Dataset(format_version: 1, meta: Meta(title: {text}").as_bytes())?;
        load_never_panics(format!("Dataset({text})").as_bytes())?;
    }

    #[test]
    fn mutated_dataset_text_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let mut bytes = sample_text().into_bytes();
        for e in &edits {
            apply(&mut bytes, e);
        }
        load_never_panics(&bytes)?;
    }
}

#[test]
fn a_syntax_error_says_its_likely_cause() {
    let text = ai_adoption_explorer::app::BUILTIN_RON;
    // Drop the `)` that closes the first source.
    let at = text.find("        ),\n        Source(").unwrap();
    let broken = format!(
        "{}        ,{}",
        &text[..at],
        &text[at + "        ),".len()..]
    );
    let err = ai_adoption_explorer::io::load_bytes("cut.ron", broken.as_bytes()).unwrap_err();
    let line = text[..at].matches('\n').count() + 1;
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "a closing `)` is probably missing before line {line}"
        )),
        "{message}"
    );
}
