//! Whether a text shown to people is in words: it names no record by its id and shows no field
//! path (`[0]`, `.sources`, `status[`, `release_date`). Used on every validation message and on
//! the texts of the kittest screens.

use ai_adoption_explorer::model::*;

/// What a dataset's texts may and may not show: its record ids, and the texts of its records
/// (names, locators, notes...) that may hold an id legitimately ("openrouter.ai/deepseek/r1").
pub struct Words {
    /// Every record id of the dataset that can be told from a word (it holds a digit, `-`,
    /// `_` or `.`); plain-word ids ("acme") are checked only where quoted.
    ids: Vec<String>,
    /// Every id, for the quoted check.
    all_ids: Vec<String>,
    /// The dataset's own texts, longest first: removed from a text before it is checked.
    texts: Vec<String>,
}

impl Words {
    /// The ids and texts of `ds`.
    pub fn of(ds: &Dataset) -> Self {
        let mut all_ids = Vec::new();
        let mut texts = Vec::new();
        for kind in RecordKind::ALL {
            for at in 0.. {
                let Some(r) = record_at(ds, kind, at) else {
                    break;
                };
                all_ids.push(r.id().to_owned());
                let rr = r.record_ref();
                for style in [NameStyle::Plain, NameStyle::Link, NameStyle::MarkFamily] {
                    texts.push(record_name(ds, &ScanLists, &rr, style));
                }
            }
        }
        for s in &ds.sources {
            for style in [SourceName::Short, SourceName::Title] {
                texts.push(source_name(ds, s, style));
            }
        }
        // Every string the file holds that is not an id: what records say, as written.
        let ron = ai_adoption_explorer::io::to_ron_string(ds).unwrap();
        for literal in string_literals(&ron) {
            if !all_ids.contains(&literal) {
                texts.push(literal);
            }
        }
        texts.retain(|t| t.len() >= 3);
        texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
        texts.dedup();
        let ids = all_ids
            .iter()
            .filter(|i| i.chars().any(|c| !c.is_ascii_lowercase()))
            .cloned()
            .collect();
        Self {
            ids,
            all_ids,
            texts,
        }
    }

    /// Also counts `id` as an id (one a reference names that no record has).
    pub fn also_id(mut self, id: &str) -> Self {
        self.ids.push(id.to_owned());
        self.all_ids.push(id.to_owned());
        self
    }

    /// What is wrong with `text` as words for people: the ids and field paths it shows.
    pub fn faults(&self, text: &str) -> Vec<String> {
        let mut rest = text.to_owned();
        for t in &self.texts {
            if rest.len() >= t.len() && rest.contains(t.as_str()) {
                rest = rest.replace(t.as_str(), " ");
            }
        }
        let mut faults = Vec::new();
        let is_id_char = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
        let tokens: Vec<&str> = rest
            .split(|c: char| !is_id_char(c))
            .map(|t| t.trim_matches('.'))
            .filter(|t| !t.is_empty())
            .collect();
        for id in &self.ids {
            if tokens.contains(&id.as_str()) {
                faults.push(format!("the id `{id}`"));
            }
        }
        for id in &self.all_ids {
            for quoted in [format!("`{id}`"), format!("“{id}”"), format!("'{id}'")] {
                if rest.contains(&quoted) {
                    faults.push(format!("the quoted id {quoted}"));
                }
            }
        }
        for path in field_paths(&rest) {
            faults.push(format!("the field path `{path}`"));
        }
        faults
    }

    /// Panics when `text` (shown at `place`) is not in words.
    #[track_caller]
    pub fn assert_words(&self, place: &str, text: &str) {
        let faults = self.faults(text);
        assert!(
            faults.is_empty(),
            "{place} shows {} in: {text:?}",
            faults.join(", ")
        );
    }
}

/// The field paths in `text`: `name[3]`, `x.sources`, `status[`, and snake_case field names
/// (`release_date`).
pub fn field_paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let b = text.as_bytes();
    for (i, _) in text.match_indices('[') {
        let before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let digits = text[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        let closed = digits > 0 && text[i + 1 + digits..].starts_with(']');
        if before || (closed && digits > 0 && text[i + 1..].starts_with('0')) {
            let start = text[..i]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .map_or(0, |s| s + 1);
            let end = if closed {
                i + 2 + digits
            } else {
                i + 1 + digits
            };
            found.push(text[start..end].to_owned());
        }
    }
    for needle in [".sources", "status["] {
        if text.contains(needle) {
            found.push(needle.to_owned());
        }
    }
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        let snake = word.contains('_')
            && !word.starts_with('_')
            && !word.ends_with('_')
            && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if snake {
            found.push(word.to_owned());
        }
    }
    found
}

/// The string literals of a RON text, unescaped (`\"` and `\\` and `\'`; other escapes kept).
fn string_literals(ron: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some(e @ ('"' | '\\' | '\'')) => lit.push(e),
                    Some('n') => lit.push('\n'),
                    Some(e) => {
                        lit.push('\\');
                        lit.push(e);
                    }
                    None => break,
                },
                c => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}
