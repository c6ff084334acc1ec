//! Why a file, a mapping or a cell cannot be used: one message with the file, row and column it
//! is about, printed as `FILE:ROW:COLUMN: message` by the command line.

use std::fmt;

/// Where in an imported file something is: its row as a spreadsheet numbers it (the header
/// being row 1) and its column counting from 1; either may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// Row number, as a spreadsheet shows it (JSON: the item's number, counting from 1).
    pub row: Option<u32>,
    /// Column number, counting from 1.
    pub column: Option<u32>,
}

/// Something about a file, a mapping or a cell that stops an import or a row, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// The file, as shown in messages.
    pub file: String,
    /// Where in it, when known.
    pub place: Place,
    /// What is wrong and what to do.
    pub message: String,
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            place: Place::default(),
            message: message.into(),
        }
    }

    /// An error at a row and column (either may be unknown).
    pub fn at(
        file: &str,
        row: Option<u32>,
        column: Option<u32>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            place: Place { row, column },
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    /// `FILE:ROW:COLUMN: message`, leaving out what is not known (`FILE:ROW: message`,
    /// `FILE: message`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.place.row, self.place.column) {
            (Some(r), Some(c)) => write!(f, ":{r}:{c}")?,
            (Some(r), None) => write!(f, ":{r}")?,
            (None, Some(c)) => write!(f, ":1:{c}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_print_file_row_and_column_when_known() {
        assert_eq!(
            ImportError::file("a.csv", "empty").to_string(),
            "a.csv: empty"
        );
        assert_eq!(
            ImportError::at("a.csv", Some(3), Some(2), "bad").to_string(),
            "a.csv:3:2: bad"
        );
        assert_eq!(
            ImportError::at("a.csv", Some(3), None, "bad").to_string(),
            "a.csv:3: bad"
        );
    }
}
