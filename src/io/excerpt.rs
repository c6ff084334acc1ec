//! Text quoted from a file in a message: cut short (a hostile file can hold a token of hundreds
//! of megabytes) and with control characters escaped, so a message can neither flood nor command
//! the terminal it is printed on.

use std::fmt::{self, Display, Write};

/// Longest message shown (RON quotes whole identifiers, which a hostile file can make huge).
pub(crate) const MAX_MESSAGE_CHARS: usize = 300;
/// Longest excerpt of the offending text.
pub(crate) const MAX_EXCERPT_CHARS: usize = 80;

/// Shortens `text` to `max` characters (then `…`) and escapes control characters other than the
/// newline.
pub(crate) fn printable(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if c.is_control() && c != '\n' {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// An excerpt of the file for a message: at most [`MAX_EXCERPT_CHARS`] characters of `piece`,
/// escaped, and when that cut it, a note that says how long the whole piece is (`more_follows`:
/// the piece goes on past what was read, so its length is a lower bound).
pub(crate) fn excerpt(piece: &str, more_follows: bool) -> (String, Option<String>) {
    let mut shown = String::new();
    let mut taken = 0;
    let mut chars = piece.chars();
    for c in chars.by_ref().take(MAX_EXCERPT_CHARS) {
        push_escaped(&mut shown, c);
        taken += 1;
    }
    let rest = chars.count();
    if rest == 0 && !more_follows {
        return (shown, None);
    }
    shown.push('…');
    let total = taken + rest;
    let note = if more_follows {
        format!("the text there is more than {total} characters long; its start is shown")
    } else {
        format!(
            "the text there is {total} characters long; its first {MAX_EXCERPT_CHARS} are shown"
        )
    };
    (shown, Some(note))
}

/// `value` as text, cut at `max` characters without ever building the whole text (a message
/// of the RON parser can quote an identifier of any size), escaped as [`printable`] does.
pub(crate) fn capped_display(value: &dyn Display, max: usize) -> String {
    struct Capped {
        out: String,
        chars: usize,
        max: usize,
        cut: bool,
    }
    impl Write for Capped {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            for c in s.chars() {
                if self.chars == self.max {
                    self.cut = true;
                    return Err(fmt::Error); // stops the formatting: the rest is not needed
                }
                push_escaped(&mut self.out, c);
                self.chars += 1;
            }
            Ok(())
        }
    }
    let mut w = Capped {
        out: String::new(),
        chars: 0,
        max,
        cut: false,
    };
    let _ = write!(w, "{value}");
    if w.cut {
        w.out.push('…');
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_control_characters_are_escaped() {
        assert_eq!(printable("a\u{1b}[2Jb", 10), "a\\u{1b}[2Jb");
        assert_eq!(excerpt("colour", false), ("colour".to_owned(), None));
    }

    #[test]
    fn a_long_piece_is_cut_with_its_length() {
        let long = "x".repeat(1000);
        let (shown, note) = excerpt(&long, false);
        assert_eq!(shown.chars().count(), MAX_EXCERPT_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert!(note.unwrap().contains("1000 characters"));
        let (_, note) = excerpt("abc", true);
        assert!(note.unwrap().contains("more than"));
    }

    #[test]
    fn capped_display_stops_at_the_cap() {
        let huge = "y".repeat(100_000);
        let shown = capped_display(&format_args!("found `{huge}`"), 20);
        assert_eq!(shown, format!("found `{}…", "y".repeat(13)));
        assert_eq!(capped_display(&"short", 20), "short");
    }
}
