//! Which models a counting figure counts: its [`Population`]. A model belongs to the population
//! of a published table when it cites that table (a source of kind `Dataset`); the figures that
//! count or share models count one population only, and name it in their subtitle.
//!
//! The rule (`populations`, `population_of`):
//! - every `Dataset` source cited by at least one model is a population: "the models in that
//!   table"; Epoch AI's Large-Scale AI Models table is named by what it holds (Epoch's own
//!   description: models trained with more than 10^23 FLOP, known or likely);
//! - "all models in this dataset" is always one too;
//! - a figure counts the population the user chose when the dataset has it, else Epoch AI's
//!   large-scale table when the dataset has models from it, else all models.

use std::collections::HashSet;

use super::{Mark, MarkKind, PlotKind, ShareMeasure};
use crate::app::explorer::SegmentFilter;
use crate::model::{Dataset, RecordRef, Source, SourceId, SourceKind, SourceName, source_name};

/// The subtitle's words for Epoch AI's Large-Scale AI Models table. Epoch describes it as
/// documenting "models trained with more than 10^23 floating point operations", with models of
/// unconfirmed compute that "likely exceed" it (epochai.org/data/large-scale-ai-models;
/// epoch.ai/blog/tracking-large-scale-ai-models); the copy in `shared/fixtures` (485 rows, 190
/// without a training-compute figure) is that table.
pub const EPOCH_LARGE_SCALE_PHRASE: &str =
    "models trained with more than 10^23 FLOP (known or likely), per Epoch AI";

/// The subtitle's words for every model of the dataset taken together.
pub const ALL_MODELS_PHRASE: &str = "all models in this dataset";

/// Which population a figure is asked to count (a plot option).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PopulationChoice {
    /// Epoch AI's large-scale table when the dataset has models from it, else all models.
    #[default]
    Default,
    /// Every model of the dataset.
    AllModels,
    /// The models citing this table (the default when the dataset has no such models).
    Table(SourceId),
}

impl PopulationChoice {
    /// The choice that picks `p`.
    pub fn of(p: &Population) -> Self {
        match &p.source {
            Some(id) => PopulationChoice::Table(id.clone()),
            None => PopulationChoice::AllModels,
        }
    }
}

/// One population a counting figure can count.
#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    /// The table whose models it is; `None`: every model of the dataset.
    pub source: Option<SourceId>,
    /// How a subtitle names it ("models trained with more than 10^23 FLOP ..., per Epoch AI").
    pub phrase: String,
    /// Short name for a picker ("Epoch AI large-scale models").
    pub label: String,
    /// Positions (in `ds.models`) of its models.
    pub models: HashSet<usize>,
}

impl Population {
    /// Whether the model at position `p` belongs to it.
    pub fn contains(&self, p: usize) -> bool {
        self.models.contains(&p)
    }

    /// Number of models in it.
    pub fn len(&self) -> usize {
        self.models.len()
    }

    /// Whether it has no model.
    pub fn is_empty(&self) -> bool {
        self.models.is_empty()
    }
}

/// Whether `s` is Epoch AI's Large-Scale AI Models table: published by Epoch AI, a dataset, and
/// its title or locator says "large-scale" (or the file name `large_scale`). Notes are not read:
/// they may mention the table without being it.
pub fn is_epoch_large_scale(s: &Source) -> bool {
    let folded = |t: &str| t.to_lowercase().replace(['_', '-'], " ");
    let by_epoch = folded(&s.publisher).contains("epoch") || folded(&s.title).contains("epoch ai");
    let words = format!("{} {}", folded(&s.title), folded(&s.locator));
    by_epoch && s.kind == SourceKind::Dataset && words.contains("large scale")
}

/// Whether `s` is a one-date snapshot of Hugging Face models (its title, publisher or locator
/// names Hugging Face, and it is a dataset).
fn is_hugging_face_snapshot(s: &Source) -> bool {
    let t = format!("{} {} {}", s.title, s.publisher, s.locator).to_lowercase();
    s.kind == SourceKind::Dataset && (t.contains("hugging face") || t.contains("hf_models"))
}

/// The populations of `ds`: Epoch AI's large-scale table first, then the other tables cited by
/// models (largest first), then all models.
pub fn populations(ds: &Dataset) -> Vec<Population> {
    let mut out: Vec<Population> = Vec::new();
    for s in ds.sources.iter().filter(|s| s.kind == SourceKind::Dataset) {
        let models: HashSet<usize> = ds
            .models
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sources.iter().any(|c| c.source == s.id))
            .map(|(p, _)| p)
            .collect();
        if models.is_empty() {
            continue;
        }
        let name = source_name(ds, s, SourceName::Title);
        let (phrase, label) = if is_epoch_large_scale(s) {
            (
                EPOCH_LARGE_SCALE_PHRASE.to_owned(),
                "Epoch AI large-scale models".to_owned(),
            )
        } else if is_hugging_face_snapshot(s) {
            let when = s.date.map(|d| format!(" of {d}")).unwrap_or_default();
            (
                format!("models in one Hugging Face snapshot{when} ({name})"),
                format!("Hugging Face snapshot{when}"),
            )
        } else {
            (format!("models listed in {name}"), name)
        };
        out.push(Population {
            source: Some(s.id.clone()),
            phrase,
            label,
            models,
        });
    }
    // Epoch's large-scale table first, then by size (ties in file order).
    out.sort_by_key(|p| {
        let epoch = p
            .source
            .as_ref()
            .and_then(|id| ds.sources.iter().find(|s| &s.id == id))
            .is_some_and(is_epoch_large_scale);
        (!epoch, std::cmp::Reverse(p.len()))
    });
    out.push(Population {
        source: None,
        phrase: ALL_MODELS_PHRASE.to_owned(),
        label: "All models".to_owned(),
        models: (0..ds.models.len()).collect(),
    });
    out
}

/// The population a figure counts: the one `wanted` when the dataset has it, else Epoch AI's
/// large-scale table when models cite it, else all models.
pub fn population_of(ds: &Dataset, wanted: &PopulationChoice) -> Population {
    let mut all = populations(ds);
    let asked = match wanted {
        PopulationChoice::Default => None,
        PopulationChoice::AllModels => Some(None),
        PopulationChoice::Table(id) => Some(Some(id.clone())),
    };
    if let Some(w) = asked
        && let Some(i) = all.iter().position(|p| p.source == w)
    {
        return all.swap_remove(i);
    }
    let epoch = all.iter().position(|p| {
        p.source
            .as_ref()
            .and_then(|id| ds.sources.iter().find(|s| &s.id == id))
            .is_some_and(is_epoch_large_scale)
    });
    match epoch {
        Some(i) => all.swap_remove(i),
        None => all.pop().expect("all models is always a population"),
    }
}

/// The filter of the model list a click on stacked segment `m` of plot `kind` sets: the models
/// it counts, said in words ("Models released in Q1 2024 by developers in China"). `None` for
/// a mark that counts no models.
pub fn segment_filter(kind: PlotKind, measure: ShareMeasure, m: &Mark) -> Option<SegmentFilter> {
    if m.kind != MarkKind::StackSegment || m.members.is_empty() {
        return None;
    }
    let models = m
        .members
        .iter()
        .filter_map(|r| match r {
            RecordRef::Model(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    let country = m.merged_from.as_deref().unwrap_or(m.group.as_str());
    let by = if country.is_empty() || country == "Country unknown" {
        "by developers of unknown country".to_owned()
    } else {
        format!("by developers in {country}")
    };
    let what = match (kind, measure) {
        (PlotKind::ShareByCountry, ShareMeasure::Downloads) => "Models with download figures for",
        (PlotKind::ShareByCountry, ShareMeasure::Derivatives) => {
            "Models with derivative counts for"
        }
        _ => "Models released in",
    };
    Some(SegmentFilter {
        label: format!("{what} {} {by}", m.date_text),
        models,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Model, ModelId, OrgId};

    fn source(id: &str, publisher: &str, title: &str, locator: &str) -> Source {
        Source {
            id: SourceId::new(id),
            title: title.into(),
            publisher: publisher.into(),
            author: String::new(),
            date: None,
            locator: locator.into(),
            kind: SourceKind::Dataset,
            via: None,
            notes: String::new(),
        }
    }

    fn model(id: &str, sources: &[&str]) -> Model {
        let mut m = Model::new(ModelId::new(id), id.to_owned(), OrgId::new("lab"));
        m.sources = sources.iter().map(|&s| Citation::new(s)).collect();
        m
    }

    #[test]
    fn epoch_large_scale_is_chosen_when_models_cite_it_else_all_models() {
        let epoch = source(
            "epoch-ls",
            "Epoch AI",
            "Epoch AI, AI models table",
            "data/epoch_large_scale_ai_models_2026-02.csv",
        );
        let notable = source(
            "epoch-notable",
            "Epoch AI",
            "Notable AI Models",
            "notable.csv",
        );
        let mut ds = Dataset {
            sources: vec![notable, epoch],
            models: vec![
                model("a", &["epoch-ls"]),
                model("b", &["epoch-notable"]),
                model("c", &[]),
                model("d", &["epoch-ls", "epoch-notable"]),
            ],
            ..Dataset::default()
        };
        let p = population_of(&ds, &PopulationChoice::Default);
        assert_eq!(p.source, Some(SourceId::new("epoch-ls")));
        assert_eq!(p.phrase, EPOCH_LARGE_SCALE_PHRASE);
        let mut members: Vec<usize> = p.models.iter().copied().collect();
        members.sort();
        assert_eq!(members, [0, 3]);
        // Asked for: all models, or the notable table.
        assert_eq!(population_of(&ds, &PopulationChoice::AllModels).len(), 4);
        assert_eq!(
            population_of(
                &ds,
                &PopulationChoice::Table(SourceId::new("epoch-notable"))
            )
            .len(),
            2
        );
        let names: Vec<String> = populations(&ds).into_iter().map(|p| p.label).collect();
        assert_eq!(names[0], "Epoch AI large-scale models");
        assert_eq!(names.last().map(String::as_str), Some("All models"));
        // Without Epoch's large-scale models: all models.
        ds.models
            .retain(|m| !m.sources.iter().any(|c| c.source.as_str() == "epoch-ls"));
        let p = population_of(&ds, &PopulationChoice::Default);
        assert_eq!((p.source, p.phrase.as_str()), (None, ALL_MODELS_PHRASE));
    }
}
