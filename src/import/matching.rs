//! Matching a row to a record: by id, then by name folded for case, punctuation, spacing,
//! full-width forms and diacritics (`Qwen2.5-72B` = `qwen 2.5 72b`; a name in its own script
//! against the record's native name), then close candidates ranked by `strsim`. Number tokens and
//! variant words must agree for any match: `Qwen2.5-7B` never matches `Qwen2.5-7B-Instruct`,
//! `Qwen2.5-72B` or `Qwen2-57B-A14B`.

use std::collections::HashMap;

/// A name cut into comparable tokens: words (lowercase ASCII) and numbers (`2.5`, `72`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Folded {
    /// The tokens, in order.
    pub tokens: Vec<String>,
}

impl Folded {
    /// The folded key: the tokens but filler words ("AI", "Inc", "Group"...) joined by spaces
    /// (`qwen 2.5 72 b`; "Meta AI" and "Meta" share `meta`).
    pub fn key(&self) -> String {
        let kept: Vec<&str> = self
            .tokens
            .iter()
            .map(String::as_str)
            .filter(|t| !FILLER.contains(t))
            .collect();
        if kept.is_empty() {
            self.tokens.join(" ")
        } else {
            kept.join(" ")
        }
    }

    fn numbers(&self) -> Vec<&str> {
        let mut n: Vec<&str> = self
            .tokens
            .iter()
            .filter(|t| is_number(t))
            .map(String::as_str)
            .collect();
        n.sort_unstable();
        n
    }

    fn words(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| !is_number(t) && !FILLER.contains(&t.as_str()))
            .map(String::as_str)
            .collect()
    }
}

fn is_number(t: &str) -> bool {
    t.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Words that say nothing about which release a name means.
const FILLER: &[&str] = &[
    "the",
    "model",
    "models",
    "ai",
    "llm",
    "inc",
    "ltd",
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "limited",
    "llc",
];

/// Folds a name: transliterated to ASCII (diacritics, full-width forms, other scripts), lower
/// case, cut at every change between letters and digits and at anything else (a `.` between
/// digits stays: `2.5`).
pub fn fold(name: &str) -> Folded {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let chars: Vec<char> = ascii.chars().collect();
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, tokens: &mut Vec<String>| {
        if !cur.is_empty() {
            tokens.push(std::mem::take(cur));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let digit_dot = c == '.'
            && cur.as_bytes().last().is_some_and(u8::is_ascii_digit)
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if digit_dot {
            cur.push(c);
        } else if c.is_ascii_alphanumeric() {
            let kind_changes = cur
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_digit() != c.is_ascii_digit() && p != '.');
            if kind_changes {
                flush(&mut cur, &mut tokens);
            }
            cur.push(c);
        } else {
            flush(&mut cur, &mut tokens);
        }
    }
    flush(&mut cur, &mut tokens);
    Folded { tokens }
}

/// Whether two folded names may name the same thing: the same numbers, and every word of each
/// close to a word of the other (so a variant word such as `instruct` on one side only, or
/// `coder` against `chat`, rules it out).
pub fn compatible(a: &Folded, b: &Folded) -> bool {
    a.numbers() == b.numbers() && words_agree(&a.words(), &b.words())
}

/// Whether every word of each list is close to a word of the other.
fn words_agree<A: AsRef<str>, B: AsRef<str>>(wa: &[A], wb: &[B]) -> bool {
    let covered = |x: &[&str], y: &[&str]| x.iter().all(|w| y.iter().any(|v| close_words(w, v)));
    let wa: Vec<&str> = wa.iter().map(AsRef::as_ref).collect();
    let wb: Vec<&str> = wb.iter().map(AsRef::as_ref).collect();
    covered(&wa, &wb) && covered(&wb, &wa)
}

fn close_words(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && strsim::jaro_winkler(a, b) >= 0.94)
}

/// How well two folded names agree, 0 to 1 (1: the same key).
pub fn score(a: &Folded, b: &Folded) -> f64 {
    strsim::normalized_levenshtein(&a.key(), &b.key())
}

/// How a row was matched.
#[derive(Clone, Debug, PartialEq)]
pub enum Found<T> {
    /// One record has this id or this folded name.
    Exact(T),
    /// No exact match; these compatible records, best first, with their scores.
    Candidates(Vec<(T, f64)>),
    /// Nothing like it.
    None,
}

/// An index of names for matching, built once per kind (ids, folded names and native names).
#[derive(Clone, Debug, Default)]
pub struct NameIndex<T> {
    by_id: HashMap<String, T>,
    by_key: HashMap<String, Vec<T>>,
    /// Every record's folded names, for candidates; bucketed by their numbers, so a fuzzy search
    /// only looks at names with the same numbers.
    by_numbers: HashMap<String, Vec<Entry<T>>>,
}

/// One indexed name as a fuzzy search compares it, folded once when added: its key and its
/// words (its numbers are its bucket's).
#[derive(Clone, Debug)]
struct Entry<T> {
    key: String,
    words: Vec<String>,
    value: T,
}

impl<T: Clone + PartialEq> NameIndex<T> {
    /// An empty index.
    pub fn new() -> Self {
        Self {
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            by_numbers: HashMap::new(),
        }
    }

    /// Adds a record under its id and names (its name, its native name, its aliases).
    pub fn add(&mut self, id: &str, names: &[&str], value: T) {
        self.by_id.insert(id.to_owned(), value.clone());
        for n in names.iter().filter(|n| !n.trim().is_empty()) {
            let f = fold(n);
            if f.tokens.is_empty() {
                continue;
            }
            let key = f.key();
            let list = self.by_key.entry(key.clone()).or_default();
            if !list.contains(&value) {
                list.push(value.clone());
            }
            let words = f.words().into_iter().map(str::to_owned).collect();
            self.by_numbers
                .entry(f.numbers().join(" "))
                .or_default()
                .push(Entry {
                    key,
                    words,
                    value: value.clone(),
                });
        }
    }

    /// The record with this id.
    pub fn by_id(&self, id: &str) -> Option<&T> {
        self.by_id.get(id)
    }

    /// Finds `name` (or any of `aliases`): an exact folded match when exactly one record has it;
    /// else the compatible records, best first.
    pub fn find(&self, name: &str, aliases: &[&str]) -> Found<T> {
        let f = fold(name);
        let f_key = f.key();
        let mut exact: Vec<T> = Vec::new();
        let mut add_exact = |key: &str| {
            for v in self.by_key.get(key).into_iter().flatten() {
                if !exact.contains(v) {
                    exact.push(v.clone());
                }
            }
        };
        add_exact(&f_key);
        for a in aliases {
            add_exact(&fold(a).key());
        }
        if exact.len() == 1 {
            return Found::Exact(exact.remove(0));
        }
        if !exact.is_empty() {
            return Found::Candidates(exact.into_iter().map(|v| (v, 1.0)).collect());
        }
        let f_words = f.words();
        let mut found: Vec<(T, f64)> = Vec::new();
        for g in self
            .by_numbers
            .get(&f.numbers().join(" "))
            .into_iter()
            .flatten()
        {
            // The same numbers (the bucket's), then the words: what `compatible` checks.
            if words_agree(&f_words, &g.words) {
                let s = strsim::normalized_levenshtein(&f_key, &g.key);
                match found.iter_mut().find(|(x, _)| *x == g.value) {
                    Some(slot) => slot.1 = slot.1.max(s),
                    None => found.push((g.value.clone(), s)),
                }
            }
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1));
        found.truncate(5);
        if found.is_empty() {
            Found::None
        } else {
            Found::Candidates(found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_punctuation_spacing_width_and_diacritics() {
        assert_eq!(fold("Qwen2.5-72B").key(), fold("qwen 2.5 72b").key());
        assert_eq!(fold("Ｑｗｅｎ２．５-72B").key(), fold("Qwen2.5-72B").key());
        assert_eq!(fold("Mistral Médium").key(), fold("mistral medium").key());
        assert_eq!(fold("Llama-3.1-8B").key(), fold("Llama 3.1 8B").key());
        assert_eq!(fold("Qwen2.5-72B").tokens, ["qwen", "2.5", "72", "b"]);
    }

    #[test]
    fn numbers_and_variant_words_must_agree() {
        let q = fold("Qwen2.5-7B");
        for other in [
            "Qwen2.5-7B-Instruct",
            "Qwen2.5-72B",
            "Qwen2-57B-A14B",
            "Qwen2.5-Coder-7B",
        ] {
            assert!(!compatible(&q, &fold(other)), "{other}");
        }
        assert!(compatible(&q, &fold("qwen 2.5 7b")));
        assert!(compatible(
            &fold("DeepSeek R1 Distilled 7B"),
            &fold("DeepSeek-R1-Distill 7B")
        ));
    }

    #[test]
    fn the_index_finds_exact_folded_and_close_names() {
        let mut ix = NameIndex::new();
        ix.add("qwen2.5-7b", &["Qwen2.5-7B"], 0);
        ix.add("qwen2.5-7b-instruct", &["Qwen2.5-7B-Instruct"], 1);
        ix.add("alibaba", &["Alibaba", "阿里巴巴集团"], 2);
        assert_eq!(ix.find("qwen 2.5 7b", &[]), Found::Exact(0));
        assert_eq!(ix.find("QWEN2.5-7B-INSTRUCT", &[]), Found::Exact(1));
        assert_eq!(ix.find("阿里巴巴集团", &[]), Found::Exact(2));
        assert_eq!(ix.find("Qwen2.5-72B", &[]), Found::None);
        match ix.find("Qwen2.5-7B-Instructt", &[]) {
            Found::Candidates(c) => assert_eq!(c[0].0, 1),
            other => panic!("{other:?}"),
        }
        assert_eq!(ix.by_id("alibaba"), Some(&2));
    }
}
