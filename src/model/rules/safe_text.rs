//! Safe text: no string of any record may hold control characters (tabs aside, and newlines
//! where a field allows several lines), bidi overrides or isolates, or a combining mark with no
//! letter before it; and no text may be made only of invisible characters (U+200B, U+3164...).

use super::Reported;
use super::walk::{At, each_record};
use crate::model::ids::RecordKind;
use crate::model::problem::Problem;
use crate::model::text::{code_point, is_visibly_empty, text_problem};
use crate::model::types::Dataset;

/// What is wrong with the text `s`, if anything, in plain words.
pub(super) fn text_issue(s: &str, multiline: bool) -> Option<String> {
    // Printable ASCII (and tabs) is always fine: most text, checked without decoding.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t') {
        return None;
    }
    if let Some(why) = text_problem(s, multiline) {
        return Some(why);
    }
    if !s.trim().is_empty() && is_visibly_empty(s) {
        let first = s.chars().find(|c| !c.is_whitespace()).unwrap_or(' ');
        return Some(format!(
            "shows nothing: it is made only of invisible characters (such as {}); write visible \
             text or leave it empty",
            code_point(first)
        ));
    }
    None
}

/// Reports every text with an issue at its record and field.
pub(super) fn check(ds: &Dataset, reported: &Reported, problems: &mut Vec<Problem>) {
    each_record(ds, &mut |kind: RecordKind, id: &str, r| {
        r.texts(&mut |at: At, s: &str, multiline: bool| {
            if let Some(why) = text_issue(s, multiline) {
                let field = at.to_string();
                if !reported.has(kind, id, &field) {
                    problems.push(Problem::error(kind, id, field, why));
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_in_plain_words() {
        assert_eq!(text_issue("Pinterest", false), None);
        assert_eq!(text_issue("通义千问 Café", false), None);
        assert_eq!(text_issue("two\nlines", true), None);
        assert!(
            text_issue("two\nlines", false)
                .unwrap()
                .contains("line break")
        );
        assert!(
            text_issue("\u{1b}]0;x\u{7}", false)
                .unwrap()
                .contains("U+001B")
        );
        assert!(text_issue("\u{7f}", false).unwrap().contains("control"));
        let why = text_issue("\u{200b}\u{3164}", false).unwrap();
        assert!(why.contains("invisible") && why.contains("U+200B"), "{why}");
        // Blank text is the "empty" rule's business, not this one's.
        assert_eq!(text_issue("   ", false), None);
    }
}
