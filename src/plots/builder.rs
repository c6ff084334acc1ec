//! What every plot's build function works with: the [`Builder`] that collects marks, legend
//! groups and notes and finishes them into a [`PlotData`], and the helpers the plots share
//! (placing dates, count axes, hedged mark styles, note wording).
//!
//! Rules kept everywhere:
//! - a value goes on a time axis as a point only when its date is known to the month or the day;
//!   a year-only date is drawn as a span over that year ([`MarkKind::YearSpan`]) or counted in a
//!   note, and an undated value is counted in "n values without a date are not shown";
//! - a log axis shows no zero, negative or missing value: they are counted in "n items with zero
//!   or missing values not shown";
//! - a hedged value keeps its hedge: "up to" and "at least" are open-ended marks, "about" a
//!   hollow marker, a range a range;
//! - every mark carries the record it comes from and the sources that support it, and the
//!   exported CSV has exactly one row per mark.

use std::collections::{HashMap, HashSet};

use super::scale::{log_ticks, period_bounds};
use super::{
    Axis, DeriveOptions, Footer, GroupBy, GroupKind, LegendEntry, MAX_COLOURED_GROUPS, Mark,
    MarkKind, OTHER_GROUP, Panel, PlotData, PlotKind, PointRun, Scale,
};
use crate::app::explorer::Index;
use crate::model::{
    AdoptionTarget, Claim, ClaimValue, ConflictId, Dataset, NameStyle, OrgId, PartialDate,
    Precision, Qualifier, RecordRef, Subject, When, record_name, subject_name, target_ref,
};

/// What a plot function decides beyond its marks.
pub(super) struct Frame {
    /// Subtitle: what is shown and how it is encoded.
    pub(super) subtitle: String,
    /// Horizontal axis.
    pub(super) x_axis: Axis,
    /// Vertical axis.
    pub(super) y_axis: Axis,
    /// What the marks' group keys name.
    pub(super) group_kind: GroupKind,
}

/// Where a date goes on a time axis.
pub(super) enum Place {
    /// Known to the month or day: a point at this fractional year.
    At(f64),
    /// Known to the year only: this span.
    Year(f64, f64),
}

/// Places a date; `None` for an impossible one.
pub(super) fn place(d: &PartialDate) -> Option<Place> {
    if d.precision() == Precision::Year {
        let (a, b) = period_bounds(d)?;
        Some(Place::Year(a, b))
    } else {
        d.as_year_fraction().map(Place::At)
    }
}

/// "1 {one}" or "n {many}".
/// The note for claims left off a plot because no source is chosen for them yet.
pub(super) fn unsourced_note(n: usize) -> String {
    format!(
        "{} with no source chosen yet not shown",
        plural(n, "claim", "claims")
    )
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "n values without a date are not shown".
pub(super) fn undated_note(n: usize) -> String {
    if n == 1 {
        "1 value without a date is not shown".to_owned()
    } else {
        format!("{n} values without a date are not shown")
    }
}

/// "n items with zero or missing values not shown".
pub(super) fn zero_note(n: usize) -> String {
    format!(
        "{} with zero or missing values not shown (log scale)",
        plural(n, "item", "items")
    )
}

/// "n items with negative or missing values not shown" (linear scale).
pub(super) fn missing_note(n: usize) -> String {
    format!(
        "{} with negative or missing values not shown",
        plural(n, "item", "items")
    )
}

/// Appends the `items` not yet in `out`, in order.
pub(super) fn push_distinct<T: PartialEq + Clone>(out: &mut Vec<T>, items: &[T]) {
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
}

/// The drawn y coordinate of a count `v`: `log10(v)` on a log axis (only for `v > 0`), `v`
/// itself on a linear one (for `v >= 0`); `None` when the value cannot be drawn.
pub fn count_coord(v: f64, linear: bool) -> Option<f64> {
    if !v.is_finite() {
        return None;
    }
    if linear {
        (v >= 0.0).then_some(v)
    } else {
        (v > 0.0).then(|| v.log10())
    }
}

/// The y axis of a count plot: log10 with power-of-ten ticks over `range`, or linear; `{scale}`
/// in `what` becomes "log scale" or "linear scale".
pub(super) fn count_axis(what: &str, range: Option<(f64, f64)>, linear: bool) -> Axis {
    if linear {
        Axis {
            title: what.replace("{scale}", "linear scale"),
            scale: Scale::Linear,
            ticks: Vec::new(),
        }
    } else {
        Axis {
            title: what.replace("{scale}", "log scale"),
            scale: Scale::Log10,
            ticks: range.map_or_else(Vec::new, |(lo, hi)| log_ticks(lo, hi)),
        }
    }
}

/// As [`outcome_mark_kind`](super::outcome_mark_kind), with `exact` for unhedged numbers (a bar or a point).
pub(super) fn qualified_kind(
    value: &ClaimValue,
    qualifier: Qualifier,
    exact: MarkKind,
) -> Option<MarkKind> {
    match value {
        ClaimValue::Range(..) => Some(MarkKind::Range),
        ClaimValue::Number(_) => Some(match qualifier {
            Qualifier::Exact => exact,
            Qualifier::About => MarkKind::Hollow,
            Qualifier::UpTo => MarkKind::UpTo,
            Qualifier::AtLeast | Qualifier::MoreThan => MarkKind::AtLeast,
        }),
        ClaimValue::Date(_) | ClaimValue::Text(_) => None,
    }
}

/// A country key as the legend says it ("Country unknown" for `""`).
pub(super) fn country_label(c: &str) -> String {
    if c.is_empty() {
        "Country unknown".to_owned()
    } else {
        c.to_owned()
    }
}

/// Collects one plot's marks, legend groups and notes, then [`Builder::finish`]es them into a
/// [`PlotData`]; also answers what the plots ask of the dataset (names, countries, whether a
/// record concerns the model rows).
pub(super) struct Builder<'a> {
    /// The dataset plotted.
    pub(super) ds: &'a Dataset,
    /// Its index, to resolve ids.
    pub(super) ix: &'a Index,
    /// The organization rows (positions in `ds.organizations`) the adoption plots show.
    pub(super) orgs: &'a [u32],
    /// The model rows (positions in `ds.models`) the model plots show.
    pub(super) models: &'a [u32],
    /// Grouping of the model-size plot (see [`DeriveOptions::group_by`]).
    pub(super) group_by: GroupBy,
    /// The first recorded conflict each record takes part in.
    pub(super) conflicts: HashMap<&'a RecordRef, &'a ConflictId>,
    /// The marks so far, in drawing order.
    marks: Vec<Mark>,
    /// Long series kept as compact runs of points (see [`PointRun`]).
    pub(super) runs: Vec<PointRun>,
    /// Notes under the plot, in order.
    pub(super) notes: Vec<String>,
    /// Legend groups registered so far: key and label.
    groups: Vec<(String, String)>,
    /// Whether the model rows are every model (nothing filtered out).
    pub(super) all_models: bool,
    /// Count axes on a linear scale (see [`DeriveOptions::linear`]).
    pub(super) linear: bool,
    /// The population the counting plots count (see [`DeriveOptions::population`]).
    pub(super) population: super::PopulationChoice,
    /// What share-by-country shares out (see [`DeriveOptions::share_measure`]).
    pub(super) share_measure: super::ShareMeasure,
    /// The model rows, as a set.
    pub(super) model_set: HashSet<usize>,
    /// The families of the model rows.
    pub(super) family_set: HashSet<usize>,
    /// Small multiples (see [`PlotData::panels`]); empty for a one-panel plot.
    pub(super) panels: Vec<Panel>,
}

impl<'a> Builder<'a> {
    /// A builder for the rows `orgs` and `models` (positions in the dataset) under `options`.
    pub(super) fn new(
        ds: &'a Dataset,
        ix: &'a Index,
        orgs: &'a [u32],
        models: &'a [u32],
        options: &DeriveOptions,
    ) -> Self {
        let mut conflicts = HashMap::new();
        for c in &ds.conflicts {
            for r in &c.records {
                conflicts.entry(r).or_insert(&c.id);
            }
        }
        let model_set: HashSet<usize> = models.iter().map(|&m| m as usize).collect();
        let family_set = model_set
            .iter()
            .filter_map(|&m| ix.family_of_model(m))
            .collect();
        Self {
            ds,
            ix,
            orgs,
            models,
            group_by: options.group_by,
            conflicts,
            marks: Vec::new(),
            runs: Vec::new(),
            notes: Vec::new(),
            groups: Vec::new(),
            all_models: model_set.len() >= ds.models.len(),
            linear: options.linear,
            population: options.population.clone(),
            share_measure: options.share_measure,
            model_set,
            family_set,
            panels: Vec::new(),
        }
    }

    /// Adds a mark, flagging it when its record takes part in a conflict.
    pub(super) fn push(&mut self, mut m: Mark) -> usize {
        if m.in_conflict.is_none()
            && let Some(r) = &m.record
        {
            m.in_conflict = self.conflicts.get(r).map(|&c| c.clone());
        }
        self.marks.push(m);
        self.marks.len() - 1
    }

    /// Registers a group for the legend (first registration wins the label).
    pub(super) fn group(&mut self, key: &str, label: &str) {
        if !self.groups.iter().any(|(k, _)| k == key) {
            self.groups.push((key.to_owned(), label.to_owned()));
        }
    }

    /// A source as a reader names it in a label: its publisher, site or kind ("news article"),
    /// never its id or a file path.
    pub(super) fn source_credit(&self, id: &crate::model::SourceId) -> String {
        let Some(src) = self.ds.sources.iter().find(|s| &s.id == id) else {
            return "source not in the dataset".to_owned();
        };
        match super::credit::credit_of(src, &[]) {
            super::Credit::Named(n) => match n.find(" (supplied as") {
                Some(cut) => n[..cut].to_owned(),
                None => n,
            },
            super::Credit::Primary(devs) => format!("model card of {}", devs.join(", ")),
        }
    }

    /// Adds the note `text(n)` when `n` is not zero.
    pub(super) fn note(&mut self, n: usize, text: impl FnOnce(usize) -> String) {
        if n > 0 {
            self.notes.push(text(n));
        }
    }

    /// An organization's plain name ([`NameStyle::Plain`]), its id when unknown.
    pub(super) fn org_name(&self, id: &OrgId) -> String {
        record_name(
            self.ds,
            self.ix,
            &RecordRef::Organization(id.clone()),
            NameStyle::Plain,
        )
    }

    /// What an adoption adopts, by name ("X (family)" for a family: [`NameStyle::MarkFamily`]).
    pub(super) fn target_name(&self, t: &AdoptionTarget) -> String {
        record_name(self.ds, self.ix, &target_ref(t), NameStyle::MarkFamily)
    }

    /// A claim's or series' subject, by name (see [`subject_name`]).
    pub(super) fn subject_name(&self, s: &Subject) -> String {
        subject_name(self.ds, self.ix, s)
    }

    /// Country of a family's developer (`""` when unknown).
    pub(super) fn family_country(&self, f: usize) -> String {
        self.ds
            .families
            .get(f)
            .and_then(|fam| self.ix.org(&fam.developer))
            .and_then(|o| self.ix.org_country(o))
            .unwrap_or("")
            .to_owned()
    }

    /// Country of a model's developer (`""` when unknown).
    pub(super) fn model_country(&self, m: usize) -> String {
        self.ix.model_developer_country(m).unwrap_or("").to_owned()
    }

    /// Developer country of an adoption's target (`""` when unknown or unresolved).
    pub(super) fn target_country(&self, t: &AdoptionTarget) -> String {
        match t {
            AdoptionTarget::Model(m) => self
                .ix
                .model(m)
                .map(|p| self.model_country(p))
                .unwrap_or_default(),
            AdoptionTarget::Family(f) => self
                .ix
                .family(f)
                .map(|p| self.family_country(p))
                .unwrap_or_default(),
        }
    }

    /// Whether an adoption's target is among the plotted models (or a family of one).
    pub(super) fn target_in_models(&self, t: &AdoptionTarget) -> bool {
        if self.all_models {
            return true;
        }
        match t {
            AdoptionTarget::Model(m) => self
                .ix
                .model(m)
                .is_some_and(|p| self.model_set.contains(&p)),
            AdoptionTarget::Family(f) => self
                .ix
                .family(f)
                .is_some_and(|p| self.family_set.contains(&p)),
        }
    }

    /// Whether a claim's or series' subject concerns the plotted models: the model itself, its
    /// family, its developer, its developer's country, or an adoption of it.
    pub(super) fn subject_in_models(&self, s: &Subject) -> bool {
        if self.all_models {
            return true;
        }
        match s {
            Subject::Model(m) => self
                .ix
                .model(m)
                .is_some_and(|p| self.model_set.contains(&p)),
            Subject::Family(f) => self
                .ix
                .family(f)
                .is_some_and(|p| self.family_set.contains(&p)),
            Subject::Organization(o) => self
                .model_set
                .iter()
                .any(|&p| self.ds.models.get(p).is_some_and(|m| &m.developer == o)),
            Subject::Country(c) => {
                let c = c.trim();
                self.model_set
                    .iter()
                    .any(|&p| self.ix.model_developer_country(p) == Some(c))
            }
            Subject::Adoption(a) => self
                .ix
                .adoption(a)
                .and_then(|p| self.ds.adoptions.get(p))
                .is_some_and(|ad| ad.target.as_ref().is_some_and(|t| self.target_in_models(t))),
        }
    }

    /// The date a claim holds at; without one, the publication date of its source (following
    /// reprints to the original), flagged as such.
    pub(super) fn claim_date(&self, c: &Claim) -> Option<(When, bool)> {
        if let Some(w) = &c.when {
            return Some((w.clone(), false));
        }
        let mut id = &c.source.as_ref()?.source;
        for _ in 0..8 {
            let s = self.ix.source(id).and_then(|p| self.ds.sources.get(p))?;
            if let Some(d) = s.date {
                return Some((When::By(d), true));
            }
            id = s.via.as_ref()?;
        }
        None
    }

    /// The plot: the builder's marks and notes with the conflict note, the legend (groups,
    /// then the mark styles used) and the footer of the sources shown.
    pub(super) fn finish(mut self, kind: PlotKind, frame: Frame, filters: Vec<String>) -> PlotData {
        // Flagged conflicts, said once under the plot.
        let mut conflict_ids: Vec<ConflictId> = Vec::new();
        let mut flagged = 0;
        for m in &self.marks {
            if let Some(c) = &m.in_conflict {
                flagged += 1;
                push_distinct(&mut conflict_ids, std::slice::from_ref(c));
            }
        }
        for r in &self.runs {
            if let Some(c) = &r.template.in_conflict {
                flagged += r.points.len();
                push_distinct(&mut conflict_ids, std::slice::from_ref(c));
            }
        }
        if flagged > 0 {
            // Said in words, not by the conflicts' ids; a mark's tooltip says what disagrees.
            self.notes.push(format!(
                "{} in a recorded conflict, flagged ({})",
                plural(flagged, "mark is", "marks are"),
                plural(conflict_ids.len(), "conflict", "conflicts"),
            ));
        }
        if self.marks.is_empty() && self.runs.is_empty() {
            self.notes
                .push("Nothing to show for the current search and filters".to_owned());
        }

        self.merge_small_groups();
        let mut legend: Vec<LegendEntry> = Vec::new();
        // Every mark, a run's points standing for as many marks as it has points.
        let all: Vec<(&Mark, usize)> = self
            .marks
            .iter()
            .map(|m| (m, 1))
            .chain(self.runs.iter().map(|r| (&r.template, r.points.len())))
            .collect();
        for (key, label) in &self.groups {
            let mine: Vec<&(&Mark, usize)> = all.iter().filter(|(m, _)| &m.group == key).collect();
            if let Some((first, _)) = mine.first() {
                legend.push(LegendEntry {
                    group: Some(key.clone()),
                    label: label.clone(),
                    mark: first.kind,
                    count: mine.iter().map(|(_, n)| n).sum(),
                });
            }
        }
        let mut styles: Vec<MarkKind> = Vec::new();
        for (m, _) in &all {
            push_distinct(&mut styles, &[m.kind]);
        }
        for style in styles {
            legend.push(LegendEntry {
                group: None,
                label: style.explanation().to_owned(),
                mark: style,
                count: all
                    .iter()
                    .filter(|(m, _)| m.kind == style)
                    .map(|(_, n)| n)
                    .sum(),
            });
        }

        drop(all);
        // A panel's series takes its marks' group as merged ("Other").
        for p in &mut self.panels {
            for s in &mut p.series {
                if let Some(m) = s.marks.first().and_then(|&i| self.marks.get(i)) {
                    s.group.clone_from(&m.group);
                }
            }
        }
        let footer = Footer::collect(self.ds, self.ix, &self.marks, &self.runs, filters);
        PlotData {
            kind,
            title: kind.title().to_owned(),
            subtitle: frame.subtitle,
            x_axis: frame.x_axis,
            y_axis: frame.y_axis,
            group_kind: frame.group_kind,
            legend,
            marks: self.marks,
            runs: self.runs,
            notes: self.notes,
            footer,
            panels: self.panels,
        }
    }

    /// More groups than a figure can colour: the [`MAX_COLOURED_GROUPS`] largest keep theirs,
    /// the rest (and unknown values) become [`OTHER_GROUP`], each mark remembering its group,
    /// and a note lists them.
    fn merge_small_groups(&mut self) {
        let size = |key: &str| -> usize {
            self.marks.iter().filter(|m| m.group == key).count()
                + self
                    .runs
                    .iter()
                    .filter(|r| r.template.group == key)
                    .map(|r| r.points.len())
                    .sum::<usize>()
        };
        let mut named: Vec<(usize, usize, String, String)> = self
            .groups
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| !k.is_empty())
            .map(|(order, (k, l))| (size(k), order, k.clone(), l.clone()))
            .filter(|(n, ..)| *n > 0)
            .collect();
        if named.len() <= MAX_COLOURED_GROUPS {
            return;
        }
        named.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let merged: Vec<(String, String)> = named
            .split_off(MAX_COLOURED_GROUPS)
            .into_iter()
            .map(|(_, _, k, l)| (k, l))
            .chain(
                self.groups
                    .iter()
                    .filter(|(k, _)| k.is_empty())
                    .map(|(k, l)| (k.clone(), l.clone())),
            )
            .collect();
        let label_of: HashMap<&str, &str> = merged
            .iter()
            .map(|(k, l)| (k.as_str(), l.as_str()))
            .collect();
        let mut moved = 0;
        let mut retag = |m: &mut Mark| {
            if let Some(l) = label_of.get(m.group.as_str()) {
                m.merged_from = Some((*l).to_owned());
                m.group = OTHER_GROUP.to_owned();
                moved += 1;
            }
        };
        for m in &mut self.marks {
            retag(m);
        }
        for r in &mut self.runs {
            retag(&mut r.template);
        }
        let names: Vec<&str> = merged.iter().map(|(_, l)| l.as_str()).collect();
        self.groups
            .retain(|(k, _)| !label_of.contains_key(k.as_str()));
        self.groups
            .push((OTHER_GROUP.to_owned(), "Other".to_owned()));
        if moved > 0 {
            self.notes.push(format!(
                "Other (grey): {} — only the {MAX_COLOURED_GROUPS} largest groups get colours",
                names.join(", ")
            ));
        }
    }
}
