//! What every exported figure carries besides its picture: title, alt texts, the complete
//! source list, the dataset's name and date and the software that wrote it (PNG text chunks,
//! SVG `<title>`/`<desc>`/`<metadata>`, PDF document info and its "Sources" page).

use crate::model::Dataset;
use crate::plots::{AltText, FullSource, PlotData, alt_text};

/// The name and version of the software, as exports credit it.
pub fn software() -> String {
    format!("AI Adoption Explorer {}", env!("CARGO_PKG_VERSION"))
}

/// An exported figure's metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureMetadata {
    /// The figure's title (as drawn, after this export's changes).
    pub title: String,
    /// Its subtitle.
    pub subtitle: String,
    /// Its alt texts.
    pub alt: AltText,
    /// The short source line the figure draws.
    pub source_line: String,
    /// The complete source list, one entry a line: title, publisher, author, date, locator.
    pub sources: Vec<String>,
    /// The dataset's title.
    pub dataset: String,
    /// The dataset's date ("" when it has none).
    pub dataset_date: String,
    /// Software and version.
    pub software: String,
    /// Keywords: the plot's name and its colour groups.
    pub keywords: Vec<String>,
}

/// One source as a line of the complete list.
pub fn source_entry(s: &FullSource) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !s.title.is_empty() {
        parts.push(format!("\"{}\"", s.title));
    }
    for p in [&s.publisher, &s.author] {
        if !p.is_empty() && !parts.iter().any(|q| q == p) {
            parts.push(p.clone());
        }
    }
    if let Some(d) = &s.date {
        parts.push(d.to_string());
    }
    if !s.locator.is_empty() {
        parts.push(s.locator.clone());
    }
    if parts.is_empty() {
        parts.push(s.id.to_string());
    }
    parts.join(", ")
}

impl FigureMetadata {
    /// The metadata of the figure of `data` drawn from `ds`.
    pub fn of(ds: &Dataset, data: &PlotData) -> Self {
        let mut keywords = vec![data.kind.name().to_owned(), "AI adoption".to_owned()];
        keywords.extend(
            data.legend
                .iter()
                .filter(|e| e.group.is_some() && !e.label.is_empty())
                .map(|e| e.label.clone()),
        );
        Self {
            title: data.title.clone(),
            subtitle: data.subtitle.clone(),
            alt: alt_text(data),
            source_line: data.footer.lines().into_iter().next().unwrap_or_default(),
            sources: data.footer.full_sources.iter().map(source_entry).collect(),
            dataset: ds.meta.title.clone(),
            dataset_date: ds
                .meta
                .date
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            software: software(),
            keywords,
        }
    }

    /// The dataset as one line: "Title (date)".
    pub fn dataset_line(&self) -> String {
        if self.dataset_date.is_empty() {
            self.dataset.clone()
        } else {
            format!("{} ({})", self.dataset, self.dataset_date)
        }
    }
}
