//! Values every row gets (`--set FIELD=TEXT`): a text that may name the row's cells as
//! `{COLUMN}` placeholders (`{COLUMN:,}` writes a number with thousands separators; `{{` and
//! `}}` are literal braces), checked against the table's columns and filled in row by row.

use super::table::Table;

/// A part of a template.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    /// Text as written.
    Text(String),
    /// The row's cell of this column; `grouped` writes a number as 19,284,289.
    Column { name: String, grouped: bool },
}

/// Splits a template into text and placeholders; `Err` says what is wrong with it.
fn pieces(template: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => {
                            return Err(format!(
                                "`{template}` opens a placeholder with {{ that is not closed; write {{COLUMN}}, or {{{{ for a brace"
                            ));
                        }
                    }
                }
                let (name, grouped) = match name.strip_suffix(":,") {
                    Some(n) => (n.to_owned(), true),
                    None => (name, false),
                };
                if name.trim().is_empty() {
                    return Err(format!(
                        "`{template}` has an empty placeholder {{}}; write {{COLUMN}} with a column's header"
                    ));
                }
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Column {
                    name: name.trim().to_owned(),
                    grouped,
                });
            }
            '}' => {
                return Err(format!(
                    "`{template}` has a }} without its {{; write }}}} for a brace"
                ));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

/// Whether the template names any column.
pub fn has_placeholders(template: &str) -> bool {
    pieces(template).is_ok_and(|p| p.iter().any(|p| matches!(p, Piece::Column { .. })))
}

/// Checks a template against a table: it is well formed and every placeholder names a column.
pub fn check_template(template: &str, table: &Table) -> Result<(), String> {
    for p in pieces(template)? {
        if let Piece::Column { name, .. } = p
            && table.column(&name).is_none()
        {
            return Err(format!(
                "the placeholder {{{name}}} names no column; the columns are: {}",
                table.headers.join(", ")
            ));
        }
    }
    Ok(())
}

/// The template filled in with the row's cells (`cells` in the table's column order). A
/// placeholder whose column is not there (the template was not checked) is left empty.
pub fn fill(template: &str, table: &Table, cells: &[String]) -> String {
    let Ok(pieces) = pieces(template) else {
        return template.to_owned();
    };
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&t),
            Piece::Column { name, grouped } => {
                let cell = table
                    .column(&name)
                    .and_then(|i| cells.get(i))
                    .map(|c| c.trim())
                    .unwrap_or("");
                if grouped {
                    out.push_str(&group_digits(cell));
                } else {
                    out.push_str(cell);
                }
            }
        }
    }
    out
}

/// A whole number written with thousands separators (`19284289` → `19,284,289`); any other
/// text as it stands.
fn group_digits(cell: &str) -> String {
    let (sign, digits) = match cell.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", cell),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return cell.to_owned();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_bytes;

    fn table() -> Table {
        read_bytes(
            "t.csv",
            "t.csv",
            b"name,hf_downloads\nQwen/Qwen3-0.6B,11033882\n",
            false,
            &Default::default(),
        )
        .expect("reads")
    }

    #[test]
    fn placeholders_are_filled_with_the_rows_cells() {
        let t = table();
        let cells = &t.rows[0].cells;
        assert_eq!(
            fill("{name} had {hf_downloads} downloads", &t, cells),
            "Qwen/Qwen3-0.6B had 11033882 downloads"
        );
        assert_eq!(
            fill("{hf_downloads:,} {{not a column}}", &t, cells),
            "11,033,882 {not a column}"
        );
        assert_eq!(fill("Count", &t, cells), "Count");
        assert!(has_placeholders("{name}"));
        assert!(!has_placeholders("{{name}}"));
    }

    #[test]
    fn a_placeholder_naming_no_column_is_an_error() {
        let t = table();
        let why = check_template("{nmae} had", &t).unwrap_err();
        assert!(
            why.contains("{nmae}") && why.contains("hf_downloads"),
            "{why}"
        );
        assert!(check_template("{name", &t).is_err());
        assert!(check_template("a } b", &t).is_err());
        assert!(check_template("{}", &t).is_err());
        assert!(check_template("{name} {hf_downloads:,}", &t).is_ok());
    }

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(group_digits("0"), "0");
        assert_eq!(group_digits("999"), "999");
        assert_eq!(group_digits("1000"), "1,000");
        assert_eq!(group_digits("-1234567"), "-1,234,567");
        assert_eq!(group_digits("12.5"), "12.5");
    }
}
