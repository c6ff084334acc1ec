//! The one source record an import creates for its file (title, publisher, dates, licence and
//! credit, locator = the file's name and origin), reused when the same file was imported before,
//! and the citation each imported value carries ("row 37").

use crate::model::{
    Citation, Dataset, PartialDate, RecordKind, Source, SourceId, SourceKind, fresh_id,
};

/// What the user (or a preset) says about the file, for its source record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceInfo {
    /// Title as published.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Date published, when known.
    pub published: Option<PartialDate>,
    /// Date the file was retrieved, when known.
    pub retrieved: Option<PartialDate>,
    /// Licence and credit ("Epoch AI data, CC BY 4.0 (credit: Epoch AI)").
    pub license: String,
    /// The file's name and, where known, its origin (a URL).
    pub locator: String,
}

/// The source record for the file: an existing one with the same title and locator (a re-run of
/// the same import), else a new one with an id made from its title.
pub fn source_for(ds: &Dataset, info: &SourceInfo) -> (Source, bool) {
    if let Some(s) = ds
        .sources
        .iter()
        .find(|s| s.title == info.title && s.locator == info.locator)
    {
        return (s.clone(), false);
    }
    let mut notes = Vec::new();
    if !info.license.is_empty() {
        notes.push(format!("Licence and credit: {}.", info.license));
    }
    if let Some(d) = info.retrieved {
        notes.push(format!("Retrieved {d}."));
    }
    notes.push("Values imported from this file cite its row.".to_owned());
    let id = SourceId::new(fresh_id(ds, RecordKind::Source, &info.title));
    let source = Source {
        id,
        title: info.title.clone(),
        publisher: info.publisher.clone(),
        author: String::new(),
        date: info.published,
        locator: info.locator.clone(),
        kind: SourceKind::Dataset,
        via: None,
        notes: notes.join(" "),
    };
    (source, true)
}

/// The citation of one row of the file.
pub fn row_citation(source: &SourceId, locator: &str) -> Citation {
    Citation::with_detail(source.clone(), locator)
}
