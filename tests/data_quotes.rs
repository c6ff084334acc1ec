//! Every `quote` in the built-in `data.ron` is its source's own words (issue #10): a quote citing
//! the article must appear verbatim in the article; any other quote verbatim inside a quoted
//! fragment of the fact sheet's Value column (the only words there that are the source's own) in
//! a row whose Source column names the claim's source (by its locator, its publisher, or the
//! publisher or locator of the original it is derived from). The article's words are not another
//! source's words, and a fragment is not the words of a source its row does not cite.
//! Pages read later with the search tool (issue #14) have their verbatim excerpts in a table of
//! the same form, `excerpts.md`, checked the same way.
//! Copies of the texts are in `tests/fixtures/` (see its README).
//! Only whitespace, typographic quotes and apostrophes and the ellipsis are normalised.

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::Dataset;

const ARTICLE: &str = include_str!("fixtures/article.txt");
const FACTS: &str = include_str!("fixtures/facts.md");
/// Verbatim excerpts of the stored pages found in later research, one table row per page.
const EXCERPTS: &str = include_str!("fixtures/excerpts.md");
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

/// The cells of each data row of the Markdown tables in `text` (not the header or rule rows).
fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| Fact |"))
        .map(|l| l.trim_matches('|').split('|').collect())
}

/// A quoted fragment of the fact sheet's Value column, with the Source cell of its row, both
/// normalised.
struct Fragment {
    words: String,
    row_sources: String,
}

/// The quoted fragments of the fact sheet's Value column (the second cell of each table row),
/// normalised. Panics if a Value cell has an unpaired quotation mark, since the fragments could
/// then not be told apart from the summary around them.
fn sheet_fragments(facts: &str) -> Vec<Fragment> {
    let mut fragments = Vec::new();
    for cells in table_rows(facts) {
        assert!(
            cells.len() >= 3,
            "a fact sheet row without a Value cell: {cells:?}"
        );
        let value = normalise(cells[1]);
        let row_sources = normalise(&cells[2..].join("|"));
        let parts: Vec<&str> = value.split('"').collect();
        assert!(
            parts.len() % 2 == 1,
            "unpaired quotation mark in the fact sheet's Value cell: {value}"
        );
        fragments.extend(parts.iter().skip(1).step_by(2).map(|p| Fragment {
            words: p.to_string(),
            row_sources: row_sources.clone(),
        }));
    }
    fragments
}

/// What a quote may be checked against.
struct Texts {
    article: String,
    fragments: Vec<Fragment>,
}

impl Texts {
    /// The article, and the quoted fragments of every table given (the fact sheet, the excerpts).
    fn new(article: &str, tables: &[&str]) -> Self {
        Texts {
            article: normalise(article),
            fragments: tables.iter().flat_map(|t| sheet_fragments(t)).collect(),
        }
    }

    /// True when `quote` is verbatim in the article.
    fn in_article(&self, quote: &str) -> bool {
        let quote = normalise(quote);
        !quote.is_empty() && self.article.contains(&quote)
    }

    /// True when `quote` is verbatim inside a quoted fragment of a fact sheet row whose Source
    /// column contains one of `names` (how the row names the quote's source).
    fn in_fragment_citing(&self, quote: &str, names: &[String]) -> bool {
        let quote = normalise(quote);
        if quote.is_empty() {
            return false;
        }
        self.fragments.iter().any(|f| {
            f.words.contains(&quote)
                && names
                    .iter()
                    .any(|n| !n.is_empty() && f.row_sources.contains(n.as_str()))
        })
    }
}

/// The ways a fact sheet row may name `source`: its locator, its publisher, and the publisher and
/// locator of the original it is derived from (`via`), normalised like the sheet.
fn names_of(ds: &Dataset, source: &str) -> Vec<String> {
    let find = |id: &str| ds.sources.iter().find(|s| s.id.as_str() == id);
    let mut names = Vec::new();
    if let Some(s) = find(source) {
        names.push(normalise(&s.locator));
        names.push(normalise(&s.publisher));
        if let Some(original) = s.via.as_ref().and_then(|v| find(v.as_str())) {
            names.push(normalise(&original.locator));
            names.push(normalise(&original.publisher));
        }
    }
    names.retain(|n| !n.is_empty());
    names
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
    let texts = Texts::new(ARTICLE, &[FACTS, EXCERPTS]);
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
        .filter(|(_, _, quote)| !texts.in_article(quote))
        .map(|(id, _, quote)| format!("{id}: {quote:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "quotes not found verbatim in the article:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn other_quotes_are_quoted_fragments_of_rows_citing_their_source() {
    let texts = Texts::new(ARTICLE, &[FACTS, EXCERPTS]);
    let ds = builtin();
    let all = quotes(&ds);
    let others: Vec<_> = all.iter().filter(|q| q.1 != ARTICLE_SOURCE).collect();
    assert!(others.len() >= 3, "only {} other quotes", others.len());
    let wrong: Vec<String> = others
        .iter()
        .filter(|(_, source, quote)| !texts.in_fragment_citing(quote, &names_of(&ds, source)))
        .map(|(id, source, quote)| format!("{id} ({source}): {quote:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "quotes that are not inside quotation marks in the Value column of a fact sheet row \
         citing their source (move them to `paraphrase`, or cite the source the row names):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_matcher_rejects_a_changed_word_and_accepts_only_typographic_differences() {
    let texts = Texts::new(ARTICLE, &[FACTS, EXCERPTS]);
    let scmp = ["SCMP".to_owned()];
    let bbc_reprint = ["europesays.com/uk/?p=716407".to_owned(), "BBC".to_owned()];
    // Verbatim, and with the article's curly apostrophe typed straight: accepted.
    assert!(texts.in_article("hundreds of millions of monthly users"));
    assert!(texts.in_article("Alibaba's Qwen surpassed Meta's Llama"));
    assert!(texts.in_article("the  DeepSeek R-1\nmodel"));
    // One word changed, dropped or in another case: rejected.
    assert!(!texts.in_article("hundreds of millions of weekly users"));
    assert!(!texts.in_article("hundreds of millions monthly users"));
    assert!(!texts.in_article("Hundreds of millions of monthly users"));
    // A fact sheet fragment is accepted for a source its row cites, not for the article's claims.
    assert!(texts.in_fragment_citing("relies heavily", &scmp));
    assert!(!texts.in_article("relies heavily"));
    assert!(!texts.in_fragment_citing("relies greatly", &scmp));
    // ... and not for a source its row does not cite.
    assert!(!texts.in_fragment_citing("relies heavily", &bbc_reprint));
    assert!(texts.in_fragment_citing("30% more accurate", &bbc_reprint));
    // The article's words are not another source's words.
    assert!(!texts.in_fragment_citing("30% greater accuracy", &bbc_reprint));
    // The sheet's own summary around its quoted fragments is not a quote.
    let xinhua = ["Xinhua".to_owned()];
    assert!(!texts.in_fragment_citing("Qwen passed Llama in cumulative downloads", &xinhua));
    assert!(texts.in_fragment_citing("by October 2025", &xinhua));
    // An empty quote proves nothing.
    assert!(!texts.in_article("  "));
    assert!(!texts.in_fragment_citing("  ", &xinhua));
}

#[test]
fn the_fixtures_are_the_article_and_the_fact_sheet() {
    assert!(ARTICLE.starts_with("In a significant shift within the artificial intelligence"));
    assert!(FACTS.starts_with("# Fact sheet for the default dataset"));
    assert!(sheet_fragments(FACTS).len() >= 30);
    assert!(EXCERPTS.starts_with("# Excerpts of stored public pages"));
}

/// The Source cell of every table row of the excerpts file, as written.
fn excerpt_row_sources() -> Vec<String> {
    table_rows(EXCERPTS)
        .map(|cells| cells.get(2).map_or("", |c| c.trim()).to_owned())
        .collect()
}

#[test]
fn every_excerpt_is_of_a_page_the_dataset_cites_and_is_quoted_from_it() {
    let ds = builtin();
    let rows = excerpt_row_sources();
    assert!(rows.len() >= 15, "only {} excerpt rows", rows.len());
    for row in &rows {
        let cited = ds
            .sources
            .iter()
            .any(|s| !s.locator.is_empty() && s.locator == *row);
        assert!(
            cited,
            "an excerpt of a page no source of data.ron has as its locator: {row}"
        );
    }
    // And the excerpts are what the quotes are checked against: claims quote many of these
    // pages (the others carry series points and paraphrases).
    let quoted: std::collections::BTreeSet<String> = quotes(&ds)
        .into_iter()
        .filter_map(|(_, source, _)| {
            let s = ds.sources.iter().find(|s| s.id.as_str() == source)?;
            rows.contains(&s.locator).then(|| s.locator.clone())
        })
        .collect();
    assert!(
        quoted.len() >= 10,
        "only {} excerpt pages are quoted",
        quoted.len()
    );
}

#[test]
fn an_excerpt_is_the_words_of_its_own_page_only() {
    let texts = Texts::new(ARTICLE, &[FACTS, EXCERPTS]);
    let bnp = ["https://maddyness.com/uk/?p=732749".to_owned()];
    let hsbc = ["https://pulse24.ai/news/2025/12/1/6/hsbc-adopts-mistral-ai".to_owned()];
    assert!(texts.in_fragment_citing("This model runs on-prem within BNP Paribas", &bnp));
    assert!(!texts.in_fragment_citing("This model runs on-prem within BNP Paribas", &hsbc));
    assert!(!texts.in_fragment_citing("This model runs in the cloud within BNP Paribas", &bnp));
    // A row's label (outside the quotation marks) is not the page's words.
    assert!(!texts.in_fragment_citing("BNP Paribas and Mistral", &bnp));
}
