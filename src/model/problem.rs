//! A validation problem: which record and field, what is wrong, how seriously, and how a list of
//! them is summed up in words.

use std::fmt;

use super::ids::RecordKind;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The data breaks a rule: `check` fails on it.
    #[default]
    Error,
    /// The data is allowed but looks wrong (a date far in the future): shown, labelled
    /// "warning", and `check` still passes.
    Warning,
}

/// One validation problem: which record, which field, what is wrong, and how seriously.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// An error, or only a warning.
    pub severity: Severity,
    /// Kind of the record concerned.
    pub kind: RecordKind,
    /// Id of the record concerned (empty for the dataset header).
    pub id: String,
    /// Field path within the record, for example `status[1].date`.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// An error at `kind` `id`, `field`.
    pub fn error(
        kind: RecordKind,
        id: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            kind,
            id: id.into(),
            field: field.into(),
            message: message.into(),
        }
    }

    /// A warning at `kind` `id`, `field`.
    pub fn warning(
        kind: RecordKind,
        id: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(kind, id, field, message)
        }
    }

    /// Whether this is an error (not just a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this is only a warning.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// What a printed or listed problem starts with: `warning: ` for a warning, nothing for an
    /// error (the line format `check` prints and the problems panel shows).
    pub fn label(&self) -> &'static str {
        match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        }
    }
}

/// How many errors and warnings `problems` holds, in words: "No problems", "1 problem",
/// "3 problems, 1 warning", "No problems, 2 warnings". Errors are the problems; warnings are
/// counted apart.
pub fn problems_summary(problems: &[Problem]) -> String {
    let warnings = problems.iter().filter(|p| p.is_warning()).count();
    let errors = problems.len() - warnings;
    let mut text = match errors {
        0 => "No problems".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    match warnings {
        0 => {}
        1 => text.push_str(", 1 warning"),
        n => text.push_str(&format!(", {n} warnings")),
    }
    text
}

/// `kind id: field: message`, after `warning: ` for a warning.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{} {}: {}: {}",
            self.label(),
            self.kind,
            self.id,
            self.field,
            self.message
        )
    }
}
