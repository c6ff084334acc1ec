//! How the detail views name records: through `model::names` (links, source titles), plus the
//! status lines. Plain text, no drawing.

use super::DetailCtx;
use crate::app::explorer::Index;
use crate::model::format::status_date_text;
use crate::model::{
    Dataset, NameStyle, RecordRef, Source, SourceId, SourceName, StatusDate, StatusEntry,
    record_name, source_name,
};

pub(super) use crate::model::target_ref;

/// The name of a link to any record ("a source that is not in the dataset" when the
/// reference points nowhere): the
/// [`NameStyle::Link`] form of the one record name.
pub(super) fn name_of(ds: &Dataset, ix: &Index, r: &RecordRef) -> String {
    record_name(ds, ix, r, NameStyle::Link)
}

/// Title of a source for people ([`SourceName::Title`]).
pub(super) fn source_title(ds: &Dataset, s: &Source) -> String {
    source_name(ds, s, SourceName::Title)
}

/// Whether a locator may be opened in a browser: only http and https addresses.
pub fn is_web_url(locator: &str) -> bool {
    let l = locator.trim_start().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://"))
        && !locator.chars().any(char::is_whitespace)
}

/// The title of the source `id`, or the id itself when the source is missing.
pub(super) fn source_title_of(c: &DetailCtx<'_>, id: &SourceId) -> String {
    c.ix.source(id).map_or_else(
        || crate::model::text::safe_line(id.as_str()).into_owned(),
        |p| source_name(c.ds, &c.ds.sources[p], SourceName::Title),
    )
}

/// A status entry as text, saying what its date means: "In production since 2025-03" (reached
/// then), "In production, reported as of 2025-10" (reported then, perhaps reached earlier).
pub(super) fn status_text(s: &StatusEntry) -> String {
    match (status_date_text(s), s.date_means) {
        (Some(d), StatusDate::Since) => format!("{} {d}", s.status.label()),
        (Some(d), StatusDate::AsOf) => format!("{}, {d}", s.status.label()),
        (None, _) => s.status.label().to_owned(),
    }
}
