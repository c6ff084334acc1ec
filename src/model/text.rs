//! Safe text: which characters a stored string may not hold (control characters, bidi overrides
//! and isolates, lone combining marks, names of invisible characters only), and how any string is
//! shown safely (control characters escaped, long lines capped, labels ellipsized).

use std::borrow::Cow;

use unicode_general_category::{GeneralCategory, get_general_category};

/// How many characters of a stored string a single printed or drawn line shows at most.
pub const LINE_CAP: usize = 200;

/// Why one character may not be stored in a text field, in plain words.
///
/// `multiline` fields (notes, descriptions, quotes) may hold newlines; every field may hold tabs.
pub fn forbidden_char(c: char, multiline: bool) -> Option<&'static str> {
    match c {
        '\t' => None,
        '\n' if multiline => None,
        '\n' | '\r' => Some("a line break"),
        c if is_control(c) => Some("a control character"),
        c if is_bidi_control(c) => Some("a bidirectional override or isolate"),
        _ => None,
    }
}

/// C0 and C1 control characters and DEL.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they reorder the text
/// around them, so "Pinterest\u{202e}exe.jpg" is drawn as "Pinterestgpj.exe".
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that draw nothing: white space, zero-width characters, fillers (U+3164 HANGUL
/// FILLER...), variation selectors, tags and other format characters.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{115f}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{ffa0}'
                | '\u{034f}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{e0100}'..='\u{e01ef}'
                | '\u{2800}'
        )
        || is_control(c)
        || get_general_category(c) == GeneralCategory::Format
}

/// A combining mark (accents and the like, categories Mn, Mc, Me): it belongs after a base letter.
pub fn is_combining_mark(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::EnclosingMark
    )
}

/// What is wrong with a stored string, if anything, in plain words with the first offending
/// character and its position: "contains a control character (U+001B) at character 4".
pub fn text_problem(s: &str, multiline: bool) -> Option<String> {
    let mut prev: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        if let Some(what) = forbidden_char(c, multiline) {
            return Some(format!(
                "contains {what} ({}) at character {}; remove it",
                code_point(c),
                i + 1
            ));
        }
        let after_base = prev.is_some_and(|p| !p.is_whitespace() && !is_control(p));
        if is_combining_mark(c) && !after_base {
            return Some(format!(
                "contains a combining mark ({}) with no letter before it at character {}; remove it",
                code_point(c),
                i + 1
            ));
        }
        prev = Some(c);
    }
    None
}

/// True when nothing visible is left of `s` once invisible characters are removed (an empty
/// string, spaces, U+200B ZERO WIDTH SPACE, U+3164 HANGUL FILLER...).
pub fn is_visibly_empty(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// `U+001B` for a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// `s` with every character that could act on a terminal or reorder a line written as a visible
/// escape (`\u{1b}`); tabs and, when `multiline`, newlines kept. Borrowed when nothing changes.
pub fn escape_controls(s: &str, multiline: bool) -> Cow<'_, str> {
    let needs = |c: char| forbidden_char(c, multiline).is_some() || c == '\t' && !multiline;
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if !multiline => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' if !multiline => out.push_str("\\t"),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` cut to its first `max_chars` characters, followed by "… (N characters)" when cut.
pub fn cap_chars(s: &str, max_chars: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max_chars) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => Cow::Owned(format!("{}… ({} characters)", &s[..cut], s.chars().count())),
    }
}

/// One line that is safe to print or draw: control characters escaped, newlines shown as `\n`,
/// at most [`LINE_CAP`] characters of the original and its length after them when longer.
pub fn safe_line(s: &str) -> Cow<'_, str> {
    safe_text(s, LINE_CAP, false)
}

/// How many characters of a multi-line text (notes, descriptions, quotes) a view draws at most.
pub const TEXT_CAP: usize = 4_000;

/// `s` safe to print or draw: control characters escaped (newlines kept when `multiline`, else
/// shown as `\n`), at most `max_chars` characters, followed by "… (N characters)", its length,
/// when longer. The escapes count towards `max_chars`, so that a string made of control
/// characters cannot print more than `max_chars` characters of escapes either.
pub fn safe_text(s: &str, max_chars: usize, multiline: bool) -> Cow<'_, str> {
    let head_end = s.char_indices().nth(max_chars).map(|(i, _)| i);
    let escaped = escape_controls(&s[..head_end.unwrap_or(s.len())], multiline);
    // Escapes make the head longer: cut it again.
    let (shown, cut) = match escaped.char_indices().nth(max_chars) {
        Some((i, _)) => (&escaped[..i], true),
        None => (&escaped[..], head_end.is_some()),
    };
    if !cut {
        return escaped;
    }
    Cow::Owned(format!("{shown}… ({} characters)", s.chars().count()))
}

/// `s` cut to at most `max_chars` characters with a trailing "…" when cut: for figure labels and
/// footer entries, which must not grow the image.
pub fn ellipsize(s: &str, max_chars: usize) -> Cow<'_, str> {
    if max_chars == 0 {
        return Cow::Borrowed("");
    }
    match s.char_indices().nth(max_chars) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let cut = s
                .char_indices()
                .nth(max_chars - 1)
                .map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", s[..cut].trim_end()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_pass() {
        for s in [
            "Pinterest",
            "通义千问",
            "Café",
            "e\u{301}t\u{e9}",
            "Qwen2.5-7B",
            "a\tb",
        ] {
            assert_eq!(text_problem(s, false), None, "{s:?}");
            assert!(!is_visibly_empty(s));
        }
        assert_eq!(text_problem("line one\nline two", true), None);
    }

    #[test]
    fn hostile_characters_are_named_with_their_position() {
        let p = text_problem("ab\u{1b}]0;x\u{7}", false).unwrap();
        assert!(
            p.contains("control character (U+001B) at character 3"),
            "{p}"
        );
        let p = text_problem("Pinterest\u{202e}gpj.exe", false).unwrap();
        assert!(p.contains("bidirectional"), "{p}");
        assert!(text_problem("\u{2067}x\u{2069}", false).is_some());
        assert!(text_problem("a\u{85}b", false).is_some(), "C1 NEL");
        assert!(
            text_problem("one\ntwo", false)
                .unwrap()
                .contains("line break")
        );
        let p = text_problem("\u{301}abc", false).unwrap();
        assert!(p.contains("combining mark (U+0301)"), "{p}");
        assert!(
            text_problem("a \u{301}", false).is_some(),
            "mark after a space"
        );
    }

    #[test]
    fn invisible_only_names_are_empty() {
        for s in [
            "",
            "   ",
            "\u{200b}",
            "\u{3164}\u{3164}",
            "\u{feff} \u{2060}",
            "\u{115f}",
        ] {
            assert!(is_visibly_empty(s), "{s:?}");
        }
        assert!(!is_visibly_empty("\u{200b}x"));
    }

    #[test]
    fn escaping_makes_lines_inert() {
        assert_eq!(escape_controls("plain", false), Cow::Borrowed("plain"));
        assert_eq!(
            escape_controls("\u{1b}]0;t\u{7}\u{1b}[2J", false),
            "\\u{1b}]0;t\\u{7}\\u{1b}[2J"
        );
        assert_eq!(escape_controls("a\nb\tc", false), "a\\nb\\tc");
        assert_eq!(escape_controls("a\nb\tc", true), "a\nb\tc");
        assert_eq!(escape_controls("x\u{202e}y", true), "x\\u{202e}y");
        let s = safe_line("a\u{1b}b");
        assert!(!s.contains('\u{1b}'));
        // A line of control characters prints no more than the cap of escapes.
        let controls = "\u{1b}".repeat(10_000);
        let escapes = safe_line(&controls);
        assert!(escapes.chars().count() < LINE_CAP + 30, "{escapes}");
        assert!(escapes.ends_with("… (10000 characters)"));
        assert_eq!(safe_text("a\nb\u{7}", 100, true), "a\nb\\u{7}");
        assert_eq!(safe_text("abc", 100, true), Cow::Borrowed("abc"));
    }

    #[test]
    fn long_lines_are_capped_with_their_length() {
        let long = "é".repeat(10_000);
        let s = safe_line(&long);
        assert!(s.starts_with(&"é".repeat(LINE_CAP)));
        assert!(
            s.ends_with("… (10000 characters)"),
            "{}",
            &s[s.len() - 30..]
        );
        assert_eq!(cap_chars("short", 200), Cow::Borrowed("short"));
    }

    #[test]
    fn labels_are_ellipsized_to_a_width() {
        assert_eq!(ellipsize("Pinterest", 20), "Pinterest");
        assert_eq!(ellipsize("abcdefghij", 5), "abcd…");
        assert_eq!(ellipsize("abcdefghij", 5).chars().count(), 5);
        assert_eq!(ellipsize("ab", 0), "");
    }
}
