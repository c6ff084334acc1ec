//! A likely cause for a syntax error, from the brackets and quotes before it: "a closing `)` is
//! probably missing before line 2022". Only what the text shows; no hint when nothing is likely.

/// What the text before byte `offset` leaves open.
struct Open {
    /// Brackets still open: the bracket and its 1-based line.
    brackets: Vec<(char, usize)>,
    /// The line of a string that is still open at `offset`, if one is.
    string_from: Option<usize>,
    /// The last character that is not white space or a comment, and its line.
    last: Option<(char, usize)>,
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Scans `text` up to `offset`, skipping strings, characters and comments.
fn scan(text: &str, offset: usize) -> Open {
    let mut open = Open {
        brackets: Vec::new(),
        string_from: None,
        last: None,
    };
    let mut line = 1;
    let mut chars = text[..offset.min(text.len())].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let from = line;
                let mut closed = false;
                while let Some(s) = chars.next() {
                    match s {
                        // An escaped character, a line break too, does not end the string.
                        '\\' if chars.next() == Some('\n') => line += 1,
                        '\\' => {}
                        '"' => {
                            closed = true;
                            break;
                        }
                        '\n' => line += 1,
                        _ => {}
                    }
                }
                if !closed {
                    open.string_from = Some(from);
                    return open;
                }
                open.last = Some(('"', line));
            }
            '/' if chars.peek() == Some(&'/') => {
                for s in chars.by_ref() {
                    if s == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for s in chars.by_ref() {
                    if s == '\n' {
                        line += 1;
                    }
                    if star && s == '/' {
                        break;
                    }
                    star = s == '*';
                }
            }
            '(' | '[' | '{' => {
                open.brackets.push((c, line));
                open.last = Some((c, line));
            }
            ')' | ']' | '}' => {
                if open.brackets.last().is_some_and(|&(o, _)| closer(o) == c) {
                    open.brackets.pop();
                }
                open.last = Some((c, line));
            }
            c if c.is_whitespace() => {}
            c => open.last = Some((c, line)),
        }
    }
    open
}

/// A likely cause of the syntax error at byte `offset` (on 1-based `line`) of `text`, whose
/// parser said `message`: a bracket or quote left open, or a missing comma.
pub(super) fn syntax_hint(text: &str, offset: usize, line: usize, message: &str) -> Option<String> {
    let open = scan(text, offset);
    if let Some(from) = open.string_from {
        return Some(format!(
            "a closing `\"` is probably missing for the text that starts on line {from}"
        ));
    }
    let here = text
        .get(offset..)
        .and_then(|t| t.trim_start().chars().next());
    let top = open.brackets.last().copied();
    match (here, top) {
        (Some(c @ (')' | ']' | '}')), Some((o, from))) if closer(o) != c => {
            return Some(format!(
                "a closing `{}` is probably missing before line {line} (for the `{o}` on line \
                 {from})",
                closer(o)
            ));
        }
        (Some(c @ (')' | ']' | '}')), None) => {
            return Some(format!(
                "this `{c}` closes nothing: an opening bracket is probably missing before it, or \
                 it is one too many"
            ));
        }
        (None, Some((o, from))) => {
            return Some(format!(
                "a closing `{}` is probably missing at the end (for the `{o}` on line {from})",
                closer(o)
            ));
        }
        _ => {}
    }
    // In a laid-out file, a bracket opened on a line indented as deep as the error's line (or
    // deeper) should have been closed before it.
    let indent_of = |l: usize| {
        text.lines()
            .nth(l.saturating_sub(1))
            .map_or(0, |t| t.len() - t.trim_start().len())
    };
    let here_indent = indent_of(line);
    if let Some(&(o, from)) = open
        .brackets
        .iter()
        .rev()
        .find(|&&(_, from)| from < line && indent_of(from) >= here_indent)
    {
        return Some(format!(
            "a closing `{}` is probably missing before line {line} (for the `{o}` on line {from})",
            closer(o)
        ));
    }
    let lower = message.to_ascii_lowercase();
    if lower.contains("comma")
        && let Some((c, at)) = open.last
        && !matches!(c, ',' | '(' | '[' | '{' | ':')
    {
        return Some(format!("a `,` is probably missing at the end of line {at}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_at(text: &str, marker: &str, message: &str) -> Option<String> {
        let offset = text.find(marker).unwrap();
        let line = text[..offset].matches('\n').count() + 1;
        syntax_hint(text, offset, line, message)
    }

    #[test]
    fn hints_name_the_bracket_quote_or_comma_left_out() {
        let text = "Dataset(\n  a: [\n    X(b: 1,\n  ],\n)";
        assert_eq!(
            hint_at(text, "  ],", "expected `)`").as_deref(),
            Some("a closing `)` is probably missing before line 4 (for the `(` on line 3)")
        );
        let text = "Dataset(\n  a: \"open,\n  b: 2,\n";
        assert_eq!(
            syntax_hint(text, text.len(), 4, "unexpected end").as_deref(),
            Some("a closing `\"` is probably missing for the text that starts on line 2")
        );
        let text = "Dataset(\n  a: [1, 2],\n";
        assert_eq!(
            syntax_hint(text, text.len(), 3, "unexpected end").as_deref(),
            Some("a closing `)` is probably missing at the end (for the `(` on line 1)")
        );
        let text = "Dataset(\n  a: 1\n  b: 2,\n)";
        assert_eq!(
            hint_at(text, "b: 2", "Expected comma").as_deref(),
            Some("a `,` is probably missing at the end of line 2")
        );
        let text = "Dataset(\n  a: [\n    S(\n      x: 1,\n    S(\n      x: 2,\n    ),\n  ],\n)";
        assert_eq!(
            hint_at(text, "S(\n      x: 2", "expected `:`").as_deref(),
            Some("a closing `)` is probably missing before line 5 (for the `(` on line 3)")
        );
        let text = "Dataset(\n  a: 1,\n  b: x,\n)";
        assert_eq!(hint_at(text, "x,", "unknown value"), None, "nothing likely");
        // Brackets inside strings and comments do not count.
        let text = "Dataset( // (\n  a: \"(\",\n  ]";
        assert!(hint_at(text, "]", "x").unwrap().contains("`)`"));
    }
}
