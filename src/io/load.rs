//! Loading: bytes -> text -> dataset, with every failure named by file, line and column.

use std::path::Path;

use crate::model::{Dataset, FORMAT_VERSION, Problem, validate};

/// Files larger than this are refused before reading, so a wrong file cannot exhaust memory or
/// take minutes to parse. A generated dataset of 100 000 records is about 30 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

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
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{file}: the file is {size} bytes, more than the {limit} bytes a dataset may have")]
    TooLarge {
        /// File name.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
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
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let io_err = |e: std::io::Error| LoadError::Io {
        file: file.clone(),
        reason: describe_io_error(&e),
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        return Err(LoadError::Io {
            file,
            reason: "it is a folder, not a file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // Read at most one byte past the limit, in case the file grew since the metadata call.
    use std::io::Read;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_err)?;
    load_bytes(&file, &bytes)
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
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
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
            let problems = validate(&dataset);
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
    let message = match &err.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; known fields are: {} (nothing is dropped silently: remove or rename it)",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::ExceededRecursionLimit => "the data is nested too deeply to be a dataset".into(),
        E::Eof => EOF_MESSAGE.into(),
        // Whatever RON expected, nothing but white space follows: the file was cut short.
        _ if rest_is_blank(text, err.span.start.line, err.span.start.col) => EOF_MESSAGE.into(),
        other => other.to_string(),
    };
    let start = &err.span.start;
    let end = &err.span.end;
    let (line, col, excerpt) = locate(text, start.line, start.col, end.line, end.col);
    LoadError::Syntax {
        file: file.to_owned(),
        line,
        col,
        message: printable(&message, MAX_MESSAGE_CHARS),
        excerpt,
    }
}

/// Longest message shown (RON quotes whole identifiers, which a hostile file can make huge).
const MAX_MESSAGE_CHARS: usize = 300;
/// Longest excerpt of the offending text.
const MAX_EXCERPT_CHARS: usize = 60;

/// Shortens `text` to `max` characters and escapes control characters, so a message can neither
/// flood nor command the terminal it is printed on.
fn printable(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() && c != '\n' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the problem really is and its text: RON may point at the white space before the
/// offending token, so move forward past white space (across lines if need be). Returns the
/// 1-based line and column and the offending text, at most [`MAX_EXCERPT_CHARS`] characters of one
/// line: the span when it ends on the same line, else up to the end of the token.
fn locate(
    text: &str,
    line: usize,
    col: usize,
    end_line: usize,
    end_col: usize,
) -> (usize, usize, String) {
    let line = line.max(1);
    let col = col.max(1);
    // Byte offset of the reported position.
    let Some(line_start) = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map(|(i, _)| i + 1)
        .or((line == 1).then_some(0))
    else {
        return (line, col, String::new());
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
    let piece: String = if span_chars > 0 {
        line_rest
            .chars()
            .take(span_chars.min(MAX_EXCERPT_CHARS))
            .collect()
    } else {
        // No usable span: the token at this place (up to white space or punctuation that ends it).
        let token: String = line_rest
            .chars()
            .take_while(|ch| !ch.is_whitespace() && !matches!(ch, ',' | ')' | ']' | '}'))
            .take(MAX_EXCERPT_CHARS)
            .collect();
        if token.is_empty() {
            line_rest.chars().take(MAX_EXCERPT_CHARS).collect()
        } else {
            token
        }
    };
    (l, c, printable(piece.trim_end(), MAX_EXCERPT_CHARS))
}
