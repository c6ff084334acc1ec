//! Loading: bytes -> text -> dataset, with every failure named by file, line and column.

use std::path::Path;

use super::excerpt::{MAX_MESSAGE_CHARS, capped_display, excerpt, printable};
use super::input::{open_input_file_with_limit, too_large};
use super::limits::{MAX_DATASET_BYTES, human_bytes};
use super::sniff::{SNIFF_BYTES, Start, dataset_start};
use crate::model::{Dataset, FORMAT_VERSION, Problem, validate_on};

/// Nesting deeper than this is refused (the schema needs fewer than 10 levels).
const RECURSION_LIMIT: usize = 64;

/// A dataset that was read, with the validation problems it has (empty when valid).
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The dataset.
    pub dataset: Dataset,
    /// Problems found by validation; the file opens anyway.
    pub problems: Vec<Problem>,
    /// The format version the file was written in. An older one than [`FORMAT_VERSION`] is read
    /// as it is and held as the current version (`dataset.format_version`), so the next save
    /// writes the current format; [`Loaded::upgrade_note`] says so to the user.
    pub written_in: u32,
}

impl Loaded {
    /// What to tell the user when the file was written in an older format, which a save will
    /// replace by the current one; `None` when the file is in the current format.
    pub fn upgrade_note(&self) -> Option<String> {
        upgrade_note(self.written_in)
    }
}

/// The note for a file written in format `written_in`, when saving it changes its format.
fn upgrade_note(written_in: u32) -> Option<String> {
    (1..FORMAT_VERSION).contains(&written_in).then(|| {
        format!(
            "This file was written in format {written_in}; saving writes format {FORMAT_VERSION}, \
             which older versions of the app cannot open."
        )
    })
}

/// Why a file could not be read as a dataset. Display gives `FILE:LINE:COL: message` where a
/// place is known, else `FILE: message`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{file}: cannot read the file: {reason}")]
    Io {
        /// File name as shown to the user.
        file: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The file is larger than [`MAX_DATASET_BYTES`](super::MAX_DATASET_BYTES).
    #[error(
        "{file}: the file is {size} bytes ({}), more than the {limit} bytes ({}) a dataset may have; it was not read",
        human_bytes(*size),
        human_bytes(*limit)
    )]
    TooLarge {
        /// File name.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The path names a FIFO, a socket or a device: reading it could block for ever or never end.
    #[error(
        "{file}: this is not a regular file (it is {kind}), so it was not read; a dataset must be a file on disk"
    )]
    NotRegularFile {
        /// File name.
        file: String,
        /// What it is instead, in plain words ("a named pipe (FIFO)").
        kind: &'static str,
    },
    /// The file is empty or holds only white space.
    #[error("{file}: the file is empty; a dataset starts with `Dataset(format_version: ...`")]
    Empty {
        /// File name.
        file: String,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{file}:{line}:{col}: the file is not UTF-8 text (invalid byte 0x{byte:02x}); is it a binary file or in another encoding?"
    )]
    NotText {
        /// File name.
        file: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        col: usize,
        /// The first invalid byte.
        byte: u8,
    },
    /// The text is not valid RON for a dataset, or a field is unknown.
    #[error("{file}:{line}:{col}: {message}{}", excerpt_suffix(excerpt))]
    Syntax {
        /// File name.
        file: String,
        /// 1-based line where the problem starts.
        line: usize,
        /// 1-based column where it starts.
        col: usize,
        /// What is wrong.
        message: String,
        /// The offending text (the token or the start of the line), possibly empty.
        excerpt: String,
    },
    /// The file is from a newer version of the app.
    #[error(
        "{file}: the file has format_version {found}, but this version of AI Adoption Explorer reads up to {supported}; open it with a newer version"
    )]
    NewerVersion {
        /// File name.
        file: String,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

fn excerpt_suffix(excerpt: &str) -> String {
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(" (at `{excerpt}`)")
    }
}

impl LoadError {
    /// Line and column, when the error has a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotText { line, col, .. } | LoadError::Syntax { line, col, .. } => {
                Some((*line, *col))
            }
            _ => None,
        }
    }
}

/// Reads and parses the file at `path`. Problems in the data do not fail the load; they come back
/// in [`Loaded::problems`].
///
/// The file must be a regular file of at most [`MAX_DATASET_BYTES`] (checked before reading);
/// a file that cannot be a dataset from its first bytes is refused after reading only those.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_with_limit(path, MAX_DATASET_BYTES)
}

/// [`load_path`] with another size limit (tests use a small one).
#[doc(hidden)]
pub fn load_path_with_limit(path: &Path, limit: u64) -> Result<Loaded, LoadError> {
    let mut input = open_input_file_with_limit(path, limit)?;
    let mut bytes = Vec::new();
    // Look at the start first; the chunk grows (doubling, so the work stays linear) only while
    // the file is all white space.
    let mut chunk = SNIFF_BYTES;
    loop {
        let at_end = input.read_some(&mut bytes, chunk)?;
        match dataset_start(&input.name, &bytes, at_end) {
            Start::Rejected(e) => return Err(e),
            Start::Plausible => break,
            Start::NeedMore if at_end => break,
            Start::NeedMore => chunk = chunk.saturating_mul(2),
        }
    }
    input.read_rest(&mut bytes)?;
    load_bytes_with_limit(&input.name, &bytes, limit)
}

/// Describes an I/O error in plain words, with what to do where that is clear.
pub(crate) fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => {
            "permission denied (check the file's and folder's permissions)".into()
        }
        K::StorageFull => "the disk is full; free some space and try again".into(),
        K::ReadOnlyFilesystem => "the disk or folder is read-only; choose another place".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        _ => e.to_string(),
    }
}

/// Parses a dataset from the bytes of a file named `file` (used in messages).
///
/// Accepts a UTF-8 byte-order mark and Windows line endings. Never panics, whatever the bytes.
/// More than [`MAX_DATASET_BYTES`] are refused, and bytes that cannot start a dataset are refused
/// from their start alone.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_bytes_with_limit(file, bytes, MAX_DATASET_BYTES)
}

/// [`load_bytes`] with another size limit (tests use a small one).
#[doc(hidden)]
pub fn load_bytes_with_limit(file: &str, bytes: &[u8], limit: u64) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > limit {
        return Err(too_large(file, bytes.len() as u64, limit));
    }
    let start = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Start::Rejected(e) = dataset_start(file, start, start.len() == bytes.len()) {
        return Err(e);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // `good` is valid UTF-8 by construction.
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = 1 + good.matches('\n').count();
            let col = 1 + good.rsplit('\n').next().map_or(0, |l| l.chars().count());
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(LoadError::NotText {
                file: file.to_owned(),
                line,
                col,
                byte,
            });
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            file: file.to_owned(),
        });
    }
    // Windows line endings: RON treats `\r` as white space, but multi-line strings would keep it.
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        text
    };
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<Dataset>(text) {
        Ok(mut dataset) => {
            let written_in = dataset.format_version;
            if written_in > FORMAT_VERSION {
                return Err(LoadError::NewerVersion {
                    file: file.to_owned(),
                    found: dataset.format_version,
                    supported: FORMAT_VERSION,
                });
            }
            // Every older version reads into the current schema unchanged; held as current, it
            // is written in the current format on the next save.
            if upgrade_note(written_in).is_some() {
                dataset.format_version = FORMAT_VERSION;
            }
            let problems = validate_on(&dataset, super::clock::today());
            Ok(Loaded {
                dataset,
                problems,
                written_in,
            })
        }
        Err(err) => {
            // A file from a newer version may fail on fields this build does not know: say so
            // rather than naming the field.
            if let Some(found) = probe_version(text)
                && found > FORMAT_VERSION
            {
                return Err(LoadError::NewerVersion {
                    file: file.to_owned(),
                    found,
                    supported: FORMAT_VERSION,
                });
            }
            Err(syntax_error(file, text, &err))
        }
    }
}

/// Reads just `format_version` from a file that may not match this build's schema.
fn probe_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    #[serde(rename = "Dataset")]
    struct Probe {
        format_version: u32,
    }
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str::<Probe>(text)
        .ok()
        .map(|p| p.format_version)
}

const EOF_MESSAGE: &str = "the file ends too early (is it truncated?)";

/// Whether only white space follows 1-based `line`:`col` (a column counts characters).
fn rest_is_blank(text: &str, line: usize, col: usize) -> bool {
    let Some(line_start) = (if line <= 1 {
        Some(0)
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
    }) else {
        return true;
    };
    let rest = &text[line_start..];
    let at = rest
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    rest[at..].trim().is_empty()
}

fn syntax_error(file: &str, text: &str, err: &ron::error::SpannedError) -> LoadError {
    use ron::Error as E;
    // Each part quoted from the file is cut before it is put in the message.
    let message = match &err.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{}`{}; known fields are: {} (nothing is dropped silently: remove or rename it)",
            printable(found, MAX_EXCERPT_CHARS),
            outer
                .as_ref()
                .map(|o| format!(" in {}", printable(o, MAX_EXCERPT_CHARS)))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::ExceededRecursionLimit => "the data is nested too deeply to be a dataset".into(),
        E::Eof => EOF_MESSAGE.into(),
        // Whatever RON expected, nothing but white space follows: the file was cut short.
        _ if rest_is_blank(text, err.span.start.line, err.span.start.col) => EOF_MESSAGE.into(),
        other => capped_display(other, MAX_MESSAGE_CHARS),
    };
    let start = &err.span.start;
    let end = &err.span.end;
    let (line, col, piece) = locate(text, start.line, start.col, end.line, end.col);
    let (excerpt, note) = excerpt(piece.trim_end(), false);
    let mut message = printable(&message, MAX_MESSAGE_CHARS);
    if let Some(note) = note {
        message.push_str("; ");
        message.push_str(&note);
    }
    if let Some(hint) = super::hint::syntax_hint(text, byte_offset(text, line, col), line, &message)
    {
        message.push_str("; ");
        message.push_str(&hint);
    }
    LoadError::Syntax {
        file: file.to_owned(),
        line,
        col,
        message,
        excerpt,
    }
}

/// The byte offset of 1-based `line`:`col` (a column counts characters) in `text`, or its end.
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}

/// Longest part of an identifier quoted in a message.
const MAX_EXCERPT_CHARS: usize = super::excerpt::MAX_EXCERPT_CHARS;

/// Where the problem really is and its text: RON may point at the white space before the
/// offending token, so move forward past white space (across lines if need be). Returns the
/// 1-based line and column and the offending text, within one line: the span when it ends on
/// the same line, else the token there (the caller cuts it for the message).
fn locate(
    text: &str,
    line: usize,
    col: usize,
    end_line: usize,
    end_col: usize,
) -> (usize, usize, &str) {
    let line = line.max(1);
    let col = col.max(1);
    // Byte offset of the reported position.
    let Some(line_start) = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map(|(i, _)| i + 1)
        .or((line == 1).then_some(0))
    else {
        return (line, col, "");
    };
    let rest_of_line = &text[line_start..];
    let offset = line_start
        + rest_of_line
            .char_indices()
            .nth(col - 1)
            .map_or(rest_of_line.len(), |(i, _)| i);
    let (mut l, mut c) = (line, col);
    let mut pos = offset;
    for ch in text[offset..].chars() {
        if !ch.is_whitespace() {
            break;
        }
        if ch == '\n' {
            l += 1;
            c = 1;
        } else {
            c += 1;
        }
        pos += ch.len_utf8();
    }
    let here = &text[pos..];
    let line_rest = here.split('\n').next().unwrap_or("");
    let span_chars = if end_line == l && end_col > c {
        end_col - c
    } else {
        0
    };
    let upto = |n: usize| -> &str {
        line_rest
            .char_indices()
            .nth(n)
            .map_or(line_rest, |(i, _)| &line_rest[..i])
    };
    let piece = if span_chars > 0 {
        upto(span_chars)
    } else {
        // No usable span: the token at this place (up to white space or punctuation that ends it).
        let token_end = line_rest
            .find(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ')' | ']' | '}'))
            .unwrap_or(line_rest.len());
        if token_end == 0 {
            line_rest
        } else {
            &line_rest[..token_end]
        }
    };
    (l, c, piece)
}
