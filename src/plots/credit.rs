//! Whom a figure's source line credits each source to: its publisher, the developers of a
//! primary source, the original of a reprint, a readable name for a local file, a site
//! ([`credit_of`]), and a source's full entry with its credit ([`full_source`]).

use std::ops::Range;

use super::source_line::{Credit, FullSource};
use crate::app::explorer::Index;
use crate::model::locator::{file_kind, kind_noun, local_file_extension};
use crate::model::{Dataset, NameStyle, OrgId, RecordRef, Source, SourceId, SourceKind, Subject};

/// Whom the source line credits `original` to: the source a mark cites, or, when that one is a
/// reprint (`via`), the source it reprints (the caller follows `via`). The rules, in order:
///
/// 1. a source with a **publisher** is credited to it, a primary one too (a blog of Hugging
///    Face about other developers' models is Hugging Face's);
/// 2. a **primary source** ([`SourceKind::Primary`]) is credited to `developers` (the
///    developer organizations of the records citing it), else to the owner of the repository
///    its locator names ("deepseek-ai/DeepSeek-R1@…" → deepseek-ai); all primary sources of a
///    figure make one group, "model cards and repositories of DeepSeek, Alibaba";
/// 3. a **local file** (a path such as `shared/sources/000_b9.txt`) is credited to its title,
///    else to a readable name, "news article (supplied as a text file)": never to its path;
/// 4. a **web address** is credited to its site ("openrouter.ai"; a few well-known sites by
///    name: huggingface.co is "Hugging Face"), "arXiv 2310.06825" to arXiv;
/// 5. else to its author, else its title, else what it is ("news article").
pub fn credit_of(original: &Source, developers: &[String]) -> Credit {
    let publisher = original.publisher.trim();
    if !publisher.is_empty() {
        return Credit::Named(publisher.to_owned());
    }
    let primary = original.kind == SourceKind::Primary;
    let locator = original.locator.trim();
    if primary {
        if !developers.is_empty() {
            return Credit::Primary(developers.to_vec());
        }
        if let Some(owner) = repository_owner(locator) {
            return Credit::Primary(vec![owner.to_owned()]);
        }
    }
    let title = original.title.trim();
    if let Some(ext) = local_file_extension(locator) {
        if !title.is_empty() {
            return Credit::Named(title.to_owned());
        }
        return Credit::Named(format!(
            "{} (supplied as {})",
            kind_noun(original.kind),
            file_kind(ext)
        ));
    }
    if let Some(site) = site_name(locator) {
        return Credit::Named(site);
    }
    let author = original.author.trim();
    if !author.is_empty() {
        return Credit::Named(author.to_owned());
    }
    if !title.is_empty() {
        return Credit::Named(title.to_owned());
    }
    Credit::Named(kind_noun(original.kind).to_owned())
}

/// The owner of the repository a locator names: "owner/repo@commit:path", "owner/repo git
/// log", "github.com/owner/repo", "huggingface.co/owner/repo" give "owner".
fn repository_owner(locator: &str) -> Option<&str> {
    let first = locator.split_whitespace().next()?;
    let first = first.split_once("://").map_or(first, |(_, rest)| rest);
    let mut parts = first.split('/');
    let mut owner = parts.next()?;
    if owner.contains('.') {
        // A host: the owner comes next.
        owner = parts.next()?;
    }
    let repo = parts.next()?;
    let repo = repo.split(['@', ':']).next()?;
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    (ok(owner) && ok(repo)).then_some(owner)
}

/// The site a web address names ("https://www.example.com/a" → "example.com"), a few
/// well-known ones by name, and "arXiv 2310.06825" as arXiv.
fn site_name(locator: &str) -> Option<String> {
    if locator
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("arxiv "))
    {
        return Some("arXiv".to_owned());
    }
    let rest = locator.split_once("://").map_or(locator, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ' ']).next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (name, tld) = host.rsplit_once('.')?;
    let label_ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !(name.split('.').all(label_ok) && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)) {
        return None;
    }
    const KNOWN: [(&str, &str); 4] = [
        ("huggingface.co", "Hugging Face"),
        ("github.com", "GitHub"),
        ("arxiv.org", "arXiv"),
        ("wikipedia.org", "Wikipedia"),
    ];
    for (domain, named) in KNOWN {
        if host == domain || host.ends_with(&format!(".{domain}")) {
            return Some(named.to_owned());
        }
    }
    Some(host.to_owned())
}

/// The full entry of source `id` cited by `marks`, credited by [`credit_of`] to its own group
/// or, for a reprint, to the group of the source it reprints (`via`, followed up to 8 steps).
pub(super) fn full_source(
    ds: &Dataset,
    ix: &Index,
    id: &SourceId,
    marks: Vec<Range<usize>>,
) -> FullSource {
    let Some(pos) = ix.source(id).filter(|&p| p < ds.sources.len()) else {
        return FullSource {
            credit: Credit::Named(format!("{id} (not in the dataset)")),
            ..bare_source(id, marks)
        };
    };
    let s = &ds.sources[pos];
    let (mut original, mut at) = (s, pos);
    for _ in 0..8 {
        let Some(next) = original
            .via
            .as_ref()
            .and_then(|v| ix.source(v))
            .filter(|&p| p < ds.sources.len() && p != at)
        else {
            break;
        };
        original = &ds.sources[next];
        at = next;
    }
    let mut developers = developers_citing(ds, ix, pos);
    if developers.is_empty() && at != pos {
        developers = developers_citing(ds, ix, at);
    }
    FullSource {
        id: s.id.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        author: s.author.clone(),
        date: s.date,
        locator: s.locator.clone(),
        kind: s.kind,
        via: s.via.clone(),
        credit: credit_of(original, &developers),
        marks,
    }
}

/// The developer organizations of the records citing source `pos` (a model's or family's
/// developer; an organization itself; the subject's developer for a claim or series), by
/// name, the most citing records first.
fn developers_citing(ds: &Dataset, ix: &Index, pos: usize) -> Vec<String> {
    let subject_developer = |s: &Subject| -> Option<OrgId> {
        match s {
            Subject::Organization(o) => Some(o.clone()),
            Subject::Model(m) => ix
                .model(m)
                .and_then(|p| ds.models.get(p))
                .map(|m| m.developer.clone()),
            Subject::Family(f) => ix
                .family(f)
                .and_then(|p| ds.families.get(p))
                .map(|f| f.developer.clone()),
            Subject::Adoption(_) | Subject::Country(_) => None,
        }
    };
    let mut counted: Vec<(OrgId, usize)> = Vec::new();
    for (r, _) in ix.citing_records(ds, pos) {
        let org = match &r {
            RecordRef::Model(m) => subject_developer(&Subject::Model(m.clone())),
            RecordRef::Family(f) => subject_developer(&Subject::Family(f.clone())),
            RecordRef::Organization(o) => Some(o.clone()),
            RecordRef::Claim(c) => ix
                .claim(c)
                .and_then(|p| ds.claims.get(p))
                .and_then(|c| subject_developer(&c.subject)),
            RecordRef::Series(s) => ix
                .series(s)
                .and_then(|p| ds.series.get(p))
                .and_then(|s| subject_developer(&s.subject)),
            _ => None,
        };
        if let Some(org) = org {
            match counted.iter_mut().find(|(o, _)| *o == org) {
                Some((_, n)) => *n += 1,
                None => counted.push((org, 1)),
            }
        }
    }
    counted.sort_by_key(|c| std::cmp::Reverse(c.1));
    counted
        .into_iter()
        .filter(|(o, _)| ix.org(o).is_some())
        .map(|(o, _)| {
            crate::model::record_name(ds, ix, &RecordRef::Organization(o), NameStyle::Plain)
        })
        .collect()
}

/// A source known only by its id, cited by `marks`.
pub(super) fn bare_source(id: &SourceId, marks: Vec<Range<usize>>) -> FullSource {
    FullSource {
        id: id.clone(),
        title: String::new(),
        publisher: String::new(),
        author: String::new(),
        date: None,
        locator: String::new(),
        kind: SourceKind::Web,
        via: None,
        credit: Credit::Named(id.to_string()),
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(kind: SourceKind, publisher: &str, locator: &str) -> Source {
        Source {
            publisher: publisher.into(),
            locator: locator.into(),
            kind,
            title: String::new(),
            ..Source::new_draft(SourceId::new("s"))
        }
    }

    #[test]
    fn locators_are_read_as_files_repositories_or_sites() {
        assert_eq!(
            local_file_extension("shared/sources/000_b9b3d6cb2cdf0734.txt"),
            Some("txt")
        );
        assert_eq!(local_file_extension("fixtures/hf.json"), Some("json"));
        assert_eq!(local_file_extension("notes.csv"), Some("csv"));
        assert_eq!(local_file_extension("botflow.io"), None);
        assert_eq!(local_file_extension("openrouter.ai/deepseek/r1"), None);
        assert_eq!(local_file_extension("owner/repo@1234:README.md"), None);
        assert_eq!(local_file_extension("https://x.org/a.txt"), None);
        assert_eq!(
            repository_owner("deepseek-ai/DeepSeek-R1 git log, commit 23807ced"),
            Some("deepseek-ai")
        );
        assert_eq!(
            repository_owner("QwenLM/Qwen@03cd81f5:README.md"),
            Some("QwenLM")
        );
        assert_eq!(
            repository_owner("https://huggingface.co/Qwen/Qwen-72B/blob/main/README.md"),
            Some("Qwen")
        );
        assert_eq!(repository_owner("arXiv 2310.06825"), None);
        assert_eq!(
            site_name("https://www.Example.com/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site_name("en.wikipedia.org/wiki/X").as_deref(),
            Some("Wikipedia")
        );
        assert_eq!(
            site_name("huggingface.co/posts/x").as_deref(),
            Some("Hugging Face")
        );
        assert_eq!(site_name("arXiv 2310.06825").as_deref(), Some("arXiv"));
        assert_eq!(site_name("botflow.io").as_deref(), Some("botflow.io"));
        assert_eq!(site_name("a page somewhere"), None);
        assert_eq!(site_name("000_b9.txt2"), None);
    }

    #[test]
    fn credits_follow_the_rules_in_order() {
        let devs = ["DeepSeek".to_owned()];
        // A publisher wins, even for a primary source about someone else's models.
        let hf_blog = source(SourceKind::Primary, "Hugging Face", "");
        assert_eq!(
            credit_of(&hf_blog, &devs),
            Credit::Named("Hugging Face".into())
        );
        let readme = source(
            SourceKind::Primary,
            "",
            "deepseek-ai/DeepSeek-R1@0cf78561:LICENSE",
        );
        assert_eq!(credit_of(&readme, &devs), Credit::Primary(devs.to_vec()));
        assert_eq!(
            credit_of(&readme, &[]),
            Credit::Primary(vec!["deepseek-ai".into()])
        );
        let article = source(
            SourceKind::Press,
            "",
            "shared/sources/000_b9b3d6cb2cdf0734.txt",
        );
        assert_eq!(
            credit_of(&article, &[]),
            Credit::Named("news article (supplied as a text file)".into())
        );
        let data = source(SourceKind::Dataset, "", "fixtures/hf_models.json");
        assert_eq!(
            credit_of(&data, &[]),
            Credit::Named("dataset (supplied as a JSON file)".into())
        );
        let titled = Source {
            title: "Leaderboard".into(),
            ..data.clone()
        };
        assert_eq!(credit_of(&titled, &[]), Credit::Named("Leaderboard".into()));
        let web = source(
            SourceKind::Web,
            "",
            "https://www.europesays.com/uk/?p=716407",
        );
        assert_eq!(
            credit_of(&web, &devs),
            Credit::Named("europesays.com".into())
        );
        let study = Source {
            author: "MIT + Hugging Face".into(),
            title: "Economies of Open Intelligence".into(),
            ..source(SourceKind::Study, "", "")
        };
        assert_eq!(
            credit_of(&study, &[]),
            Credit::Named("MIT + Hugging Face".into())
        );
        let bare = source(SourceKind::Web, "", "");
        assert_eq!(credit_of(&bare, &[]), Credit::Named("web page".into()));
    }
}
