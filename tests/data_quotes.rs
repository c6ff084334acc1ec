//! Every `quote` in the built-in `data.ron` is its source's own words (issue #10): a quote citing
//! the article must appear verbatim in the article, any other quote verbatim inside a quoted
//! fragment of the fact sheet's Value column (the only words there that are the source's own) or
//! in the article. Copies of both texts are in `tests/fixtures/` (see its README).
//! Only whitespace, typographic quotes and apostrophes and the ellipsis are normalised.

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::Dataset;

const ARTICLE: &str = include_str!("fixtures/article.txt");
const FACTS: &str = include_str!("fixtures/facts.md");
/// The id of the article's source record in `data.ron`.
const ARTICLE_SOURCE: &str = "article-000";

/// Folds the typographic variants of quotes, apostrophes and the ellipsis into ASCII and every
/// run of whitespace into one space. Nothing else changes: case, punctuation and words stay.
fn normalise(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => folded.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => folded.push('"'),
            '\u{2026}' => folded.push_str("..."),
            _ => folded.push(c),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quoted fragments of the fact sheet's Value column (the second cell of each table row),
/// normalised. Panics if a Value cell has an unpaired quotation mark, since the fragments could
/// then not be told apart from the summary around them.
fn sheet_fragments(facts: &str) -> Vec<String> {
    let mut fragments = Vec::new();
    for line in facts.lines() {
        let line = line.trim();
        if !line.starts_with('|') || line.starts_with("|---") || line.starts_with("| Fact ") {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        assert!(
            cells.len() >= 3,
            "a fact sheet row without a Value cell: {line}"
        );
        let value = normalise(cells[1]);
        let parts: Vec<&str> = value.split('"').collect();
        assert!(
            parts.len() % 2 == 1,
            "unpaired quotation mark in the fact sheet's Value cell: {value}"
        );
        fragments.extend(parts.iter().skip(1).step_by(2).map(|p| p.to_string()));
    }
    fragments
}

/// What a quote may be checked against.
struct Texts {
    article: String,
    fragments: Vec<String>,
}

impl Texts {
    fn new(article: &str, facts: &str) -> Self {
        Texts {
            article: normalise(article),
            fragments: sheet_fragments(facts),
        }
    }

    /// True when `quote` is the source's own words: in the article for the article's claims,
    /// in a quoted fragment of the fact sheet (or in the article) for any other source.
    fn is_verbatim(&self, quote: &str, cites_article: bool) -> bool {
        let quote = normalise(quote);
        if quote.is_empty() {
            return false;
        }
        if self.article.contains(&quote) {
            return true;
        }
        !cites_article && self.fragments.iter().any(|f| f.contains(&quote))
    }
}

fn builtin() -> Dataset {
    load_bytes("data.ron", BUILTIN_RON.as_bytes())
        .expect("the built-in dataset parses")
        .dataset
}

/// (claim id, source id, quote) of every claim of the built-in data that has a quote.
fn quotes(ds: &Dataset) -> Vec<(String, String, String)> {
    ds.claims
        .iter()
        .filter(|c| !c.quote.is_empty())
        .map(|c| {
            let source = c
                .source
                .as_ref()
                .map(|s| s.source.as_str().to_owned())
                .unwrap_or_default();
            (c.id.as_str().to_owned(), source, c.quote.clone())
        })
        .collect()
}

#[test]
fn quotes_citing_the_article_are_in_the_article() {
    let texts = Texts::new(ARTICLE, FACTS);
    let all = quotes(&builtin());
    let of_article: Vec<_> = all.iter().filter(|q| q.1 == ARTICLE_SOURCE).collect();
    // The check must have something to check: data.ron quotes the article a dozen times.
    assert!(
        of_article.len() >= 10,
        "only {} article quotes",
        of_article.len()
    );
    let wrong: Vec<String> = of_article
        .iter()
        .filter(|(_, _, quote)| !texts.is_verbatim(quote, true))
        .map(|(id, _, quote)| format!("{id}: {quote:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "quotes not found verbatim in the article:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn other_quotes_are_quoted_fragments_of_the_fact_sheet() {
    let texts = Texts::new(ARTICLE, FACTS);
    let all = quotes(&builtin());
    let others: Vec<_> = all.iter().filter(|q| q.1 != ARTICLE_SOURCE).collect();
    assert!(others.len() >= 3, "only {} other quotes", others.len());
    let wrong: Vec<String> = others
        .iter()
        .filter(|(_, _, quote)| !texts.is_verbatim(quote, false))
        .map(|(id, source, quote)| format!("{id} ({source}): {quote:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "quotes that are not inside quotation marks in the fact sheet's Value column \
         (move them to `paraphrase`):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_matcher_rejects_a_changed_word_and_accepts_only_typographic_differences() {
    let texts = Texts::new(ARTICLE, FACTS);
    // Verbatim, and with the article's curly apostrophe typed straight: accepted.
    assert!(texts.is_verbatim("hundreds of millions of monthly users", true));
    assert!(texts.is_verbatim("Alibaba's Qwen surpassed Meta's Llama", true));
    assert!(texts.is_verbatim("the  DeepSeek R-1\nmodel", true));
    // One word changed, dropped or in another case: rejected.
    assert!(!texts.is_verbatim("hundreds of millions of weekly users", true));
    assert!(!texts.is_verbatim("hundreds of millions monthly users", true));
    assert!(!texts.is_verbatim("Hundreds of millions of monthly users", true));
    // A fact sheet fragment is accepted for other sources, not for the article's claims.
    assert!(texts.is_verbatim("relies heavily", false));
    assert!(!texts.is_verbatim("relies heavily", true));
    assert!(!texts.is_verbatim("relies greatly", false));
    // The sheet's own summary around its quoted fragments is not a quote.
    assert!(!texts.is_verbatim("Qwen passed Llama in cumulative downloads", false));
    assert!(texts.is_verbatim("by October 2025", false));
    // An empty quote proves nothing.
    assert!(!texts.is_verbatim("  ", false));
}

#[test]
fn the_fixtures_are_the_article_and_the_fact_sheet() {
    assert!(ARTICLE.starts_with("In a significant shift within the artificial intelligence"));
    assert!(FACTS.starts_with("# Fact sheet for the default dataset"));
    assert!(sheet_fragments(FACTS).len() >= 30);
}
