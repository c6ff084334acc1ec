//! Telling a dataset from any other file by its first bytes, so that junk of any size is refused
//! after reading one chunk instead of being read and parsed whole.

use super::LoadError;
use super::excerpt::excerpt;

/// How much of a file is read before deciding whether it can be a dataset.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// What the first bytes of a file say.
#[derive(Debug)]
pub(crate) enum Start {
    /// It starts as a dataset can (or is empty): read and parse it all.
    Plausible,
    /// Only white space so far: look at more of the file.
    NeedMore,
    /// It cannot be a dataset: the error says why and where.
    Rejected(LoadError),
}

/// White space as RON skips it.
fn is_ron_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Whether `bytes`, the start of a file named `file` (`complete`: the whole file), can begin a
/// dataset: after an optional byte-order mark and white space it must hold `(`, `Dataset(` (or
/// `Dataset` then white space or a comment), a RON attribute `#![`, or a comment `//` or `/*`.
pub(crate) fn dataset_start(file: &str, bytes: &[u8], complete: bool) -> Start {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, bad_byte) = match std::str::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            // A character cut by the end of the chunk is no error yet.
            let bad = (complete || e.error_len().is_some()).then(|| bytes[e.valid_up_to()]);
            (good, bad)
        }
    };
    let (mut line, mut col) = (1, 1);
    let mut at = text.len();
    for (i, c) in text.char_indices() {
        if !is_ron_space(c) {
            at = i;
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    let rest = &text[at..];
    if rest.is_empty() {
        return match bad_byte {
            Some(byte) => Start::Rejected(LoadError::NotText {
                file: file.to_owned(),
                line,
                col,
                byte,
            }),
            None if complete => Start::Plausible, // empty: the parser says so
            None => Start::NeedMore,
        };
    }
    // `rest` may stop in the middle of a word when more of the file follows: decide only on
    // what is there, and on the lenient side.
    let more = !complete || bad_byte.is_some();
    let begins = |word: &str| -> bool {
        rest.starts_with(word) || (more && rest.len() < word.len() && word.starts_with(rest))
    };
    let after_name = |name: &str| -> bool {
        begins(name)
            && match rest.get(name.len()..).and_then(|r| r.chars().next()) {
                None => true,
                Some(c) => is_ron_space(c) || c == '(' || c == '/',
            }
    };
    let attribute = || -> bool {
        let mut chars = rest.chars().skip(1).filter(|c| !is_ron_space(*c));
        matches!(
            (chars.next(), chars.next()),
            (Some('!'), Some('[')) | (Some('!'), None) | (None, _)
        )
    };
    let ok = rest.starts_with('(')
        || begins("//")
        || begins("/*")
        || after_name("Dataset")
        || after_name("r#Dataset")
        || (rest.starts_with('#') && attribute());
    if ok {
        return Start::Plausible;
    }
    // The offending word: up to white space or punctuation that ends it.
    let end = rest
        .find(|c: char| is_ron_space(c) || matches!(c, ',' | ')' | ']' | '}' | '(' | '[' | '{'))
        .unwrap_or(rest.len());
    let token = if end == 0 {
        &rest[..rest.chars().next().map_or(0, char::len_utf8)]
    } else {
        &rest[..end]
    };
    let (shown, note) = excerpt(token, end == rest.len() && more);
    let mut message = "this is not a dataset file: a dataset starts with `Dataset(` \
                       (comments and `#![...]` attributes may come first)"
        .to_owned();
    if let Some(note) = note {
        message.push_str("; ");
        message.push_str(&note);
    }
    Start::Rejected(LoadError::Syntax {
        file: file.to_owned(),
        line,
        col,
        message,
        excerpt: shown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plausible(bytes: &[u8], complete: bool) -> bool {
        matches!(dataset_start("f", bytes, complete), Start::Plausible)
    }

    #[test]
    fn dataset_starts_are_plausible() {
        for text in [
            &b"Dataset(format_version: 1)"[..],
            b"\xEF\xBB\xBF\r\n  Dataset (",
            b"Dataset/* c */(",
            b"(format_version: 1)",
            b"// a comment\nDataset(",
            b"/* block */",
            b"#![enable(implicit_some)]\nDataset(",
            b"# ! [enable(implicit_some)]",
            b"r#Dataset(",
            b"Dataset",
            b"",
            b"  \n ",
        ] {
            assert!(plausible(text, true), "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_chunk_cut_inside_the_first_word_is_not_judged_on_half_a_word() {
        for text in [&b"Data"[..], b"/", b"#", b"# !", b"  r#Dat"] {
            assert!(plausible(text, false), "{}", String::from_utf8_lossy(text));
        }
        // The same bytes as the whole file are judged as they are.
        assert!(!plausible(b"Data", true));
        assert!(!plausible(b"/", true));
        assert!(matches!(
            dataset_start("f", b"   \n  ", false),
            Start::NeedMore
        ));
    }

    #[test]
    fn other_starts_are_rejected_at_their_place() {
        for (text, line, col) in [
            (&b"[1, 2, 3]"[..], 1, 1),
            (b"\n\n   hello world", 3, 4),
            (b"Datasets(", 1, 1),
            (b"DatasetX", 1, 1),
            (b"{\"json\": 1}", 1, 1),
            (b"#!/bin/sh\n", 1, 1),
            (b"# Title\n", 1, 1),
            (b"\0\0\0", 1, 1),
            (b"date,value\n2025-01-01,3\n", 1, 1),
        ] {
            match dataset_start("f", text, false) {
                Start::Rejected(LoadError::Syntax {
                    line: l, col: c, ..
                }) => {
                    assert_eq!((l, c), (line, col), "{}", String::from_utf8_lossy(text))
                }
                other => panic!("{}: {other:?}", String::from_utf8_lossy(text)),
            }
        }
    }

    #[test]
    fn a_binary_start_is_not_text() {
        assert!(matches!(
            dataset_start("f", b"\x89PNG", false),
            Start::Rejected(LoadError::NotText { byte: 0x89, .. })
        ));
        // A character cut by the end of the chunk is not judged yet.
        assert!(matches!(
            dataset_start("f", &"  中".as_bytes()[..4], false),
            Start::NeedMore
        ));
    }

    #[test]
    fn a_huge_first_word_is_quoted_short_with_its_length() {
        let huge = "x".repeat(SNIFF_BYTES);
        let Start::Rejected(e) = dataset_start("f", huge.as_bytes(), false) else {
            panic!("accepted")
        };
        let shown = e.to_string();
        assert!(shown.len() < 400, "{shown}");
        assert!(shown.contains("more than 65536 characters"), "{shown}");
    }
}
