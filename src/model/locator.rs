//! What a source's locator is, read for people: a local file and its kind, a path in a
//! repository, and what a source of each kind is called. Shared by names and figure credits.

use super::types::SourceKind;

/// What a source of `kind` is, in words ("news article"), for a source known by nothing else.
pub fn kind_noun(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Primary => "primary document",
        SourceKind::Press => "news article",
        SourceKind::Study => "study",
        SourceKind::CompanyStatement => "company statement",
        SourceKind::Dataset => "dataset",
        SourceKind::Web => "web page",
    }
}

/// "a text file", "a CSV file"... for a file name extension.
pub fn file_kind(ext: &str) -> String {
    let lower = ext.to_ascii_lowercase();
    match lower.as_str() {
        "txt" => "a text file".to_owned(),
        "md" => "a Markdown file".to_owned(),
        "htm" | "html" => "an HTML file".to_owned(),
        "ron" => "a RON file".to_owned(),
        _ => {
            let upper = lower.to_ascii_uppercase();
            let article = if upper
                .starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X'])
            {
                "an"
            } else {
                "a"
            };
            format!("{article} {upper} file")
        }
    }
}

/// The extension of a local file's name, when `locator` is a path on disk rather than a web
/// address or a repository: no scheme (or `file:`), no `@` or spaces, a first part that is no
/// domain, and a last part with an extension ("shared/sources/000_b9.txt" → "txt").
pub fn local_file_extension(locator: &str) -> Option<&str> {
    let path = locator.strip_prefix("file://").unwrap_or(locator);
    if path.is_empty()
        || path.contains("://")
        || path.contains('@')
        || path.contains(char::is_whitespace)
    {
        return None;
    }
    let first = path.trim_start_matches('/').split(['/', '\\']).next()?;
    let last = path.rsplit(['/', '\\']).next()?;
    let (stem, ext) = last.rsplit_once('.')?;
    let ext_ok = (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric());
    if stem.is_empty() || !ext_ok {
        return None;
    }
    let bare_name = first == last;
    // A bare "name.ext" is a file only when the extension is a file type, not a top-level
    // domain ("botflow.io" is a site).
    const FILE_TYPES: [&str; 12] = [
        "txt", "csv", "tsv", "json", "pdf", "md", "html", "htm", "ron", "xlsx", "xls", "docx",
    ];
    let is_file_type = FILE_TYPES.contains(&ext.to_ascii_lowercase().as_str());
    let first_is_domain = !bare_name && first.contains('.') && !first.starts_with('.');
    ((bare_name && is_file_type) || (!bare_name && !first_is_domain)).then_some(ext)
}

/// The repository and the path in it of a locator "owner/repo@commit:path": for
/// "meta-llama/llama-models@a9c89c47:models/llama2/LICENSE", ("meta-llama/llama-models",
/// "models/llama2/LICENSE"). The commit is left out: it tells versions apart, not files.
pub fn repository_path(locator: &str) -> Option<(&str, &str)> {
    if locator.contains(char::is_whitespace) || locator.contains("://") {
        return None;
    }
    let (repo, rest) = locator.split_once('@')?;
    let (_commit, path) = rest.split_once(':')?;
    let (owner, name) = repo.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    (ok(owner) && ok(name) && !path.is_empty()).then_some((repo, path))
}

/// A locator as people read it: a repository path as "path (owner/repo)", a web address
/// without its scheme and "www.", anything else as written (trimmed).
pub fn readable_locator(locator: &str) -> String {
    let locator = locator.trim();
    if let Some((repo, path)) = repository_path(locator) {
        return format!("{path} ({repo})");
    }
    let rest = locator.split_once("://").map_or(locator, |(_, rest)| rest);
    rest.strip_prefix("www.").unwrap_or(rest).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locators_read_as_people_say_them() {
        assert_eq!(
            readable_locator("meta-llama/llama-models@a9c89c47:models/llama2/LICENSE"),
            "models/llama2/LICENSE (meta-llama/llama-models)"
        );
        assert_eq!(
            readable_locator("https://www.example.com/a"),
            "example.com/a"
        );
        assert_eq!(
            readable_locator("deepseek-ai/DeepSeek-R1 git log, commit 23807ced"),
            "deepseek-ai/DeepSeek-R1 git log, commit 23807ced"
        );
        assert_eq!(repository_path("https://x.org/a@b:c"), None);
        assert_eq!(file_kind("txt"), "a text file");
        assert_eq!(file_kind("json"), "a JSON file");
    }
}
