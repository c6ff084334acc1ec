//! Lines the subcommands print: file names, problems, load errors and the app's own messages,
//! escaped and capped so that no file can act on the terminal.

use std::path::Path;

use crate::io::LoadError;
use crate::model::Problem;
use crate::model::text::{safe_line, safe_text};

/// At most this many characters of a file name are printed.
pub(super) const PATH_CAP: usize = 120;
/// At most this many characters of a record's id or a field path are printed in a problem line.
pub(super) const ID_CAP: usize = 60;
/// At most this many characters of a name given on the command line are printed back.
pub(super) const NAME_CAP: usize = 60;

/// A file name as printed: control characters escaped, long names cut (see
/// [`safe_text`]), so that a file name cannot act on the terminal either.
pub(super) fn shown_path(path: &Path) -> String {
    safe_text(&path.display().to_string(), PATH_CAP, false).into_owned()
}

/// One problem as `check` and `format` print it, "FILE: kind id: field: message", safe for a
/// terminal whatever the file holds: every part with its control characters escaped and cut to
/// a length that keeps the line short and still says the record and field.
///
/// The command line keeps the record's id and the field path as a locator (`organization
/// acme: sources[1]:`), since scripts and editors search the file by them and an id is what
/// the file holds; the message after them is in words, the same text the problems panel shows
/// after the record's name and the field's label.
pub fn problem_line(file: &str, p: &Problem) -> String {
    format!(
        "{file}: {}{} {}: {}: {}",
        p.label(),
        p.kind,
        safe_text(&p.id, ID_CAP, false),
        safe_text(&p.field, ID_CAP, false),
        safe_line(&p.message)
    )
}

/// At most this many characters of one of the app's own messages (which may hold a file name
/// or the renderer's words) are printed.
pub(super) const MESSAGE_CAP: usize = 600;

/// One of the app's own error messages as printed: escaped, and cut only past
/// [`MESSAGE_CAP`] characters (it may name a file).
pub(super) fn message_line(message: &str) -> String {
    safe_text(message, MESSAGE_CAP, false).into_owned()
}

/// At most this many characters of a load error are printed: the loader already bounds its own
/// message (an excerpt of the file is at most 80 characters), so this leaves room for the file
/// name and the place in the file while keeping the line short.
pub(super) const LOAD_ERROR_CAP: usize = 340;

/// A load error as printed: its message (which may quote the file) with control characters
/// escaped and cut to one line of at most [`LOAD_ERROR_CAP`] characters.
pub fn load_error_line(e: &LoadError) -> String {
    safe_text(&e.to_string(), LOAD_ERROR_CAP, false).into_owned()
}

pub(super) fn kind_of(e: &LoadError) -> &'static str {
    match e {
        LoadError::Io { .. } => "read error",
        LoadError::TooLarge { .. } => "too large",
        LoadError::NotRegularFile { .. } => "not a regular file",
        LoadError::Empty { .. } => "empty file",
        LoadError::NotText { .. } => "not text",
        LoadError::Syntax { .. } => "syntax error",
        LoadError::NewerVersion { .. } => "newer format version",
    }
}
