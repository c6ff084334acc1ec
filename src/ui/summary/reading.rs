//! The first screen's plain-language reading, generated from the data (no egui): what the
//! counted releases say by developer country, Qwen's and Llama's latest comparable figures, and
//! who adopted models from where. Every number is followed by the sources it comes from, which
//! the view draws as "[n]" markers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::app::explorer::Index;
use crate::model::format::format_number;
use crate::model::{
    AdoptionTarget, ClaimValue, Dataset, Metric, PartialDate, Qualifier, SourceId, Subject,
};
use crate::plots::{OTHER_GROUP, PlotData, PopulationChoice, population_of};

/// Source markers shown after a number at most; the rest are said as "+N".
pub const MARKERS_SHOWN: usize = 3;

/// One piece of a sentence: words, or the sources of the number just before.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words.
    Text(String),
    /// The sources of the number before it (most used first).
    Cite(Vec<SourceId>),
}

/// A sentence of the reading, in pieces.
pub type Sentence = Vec<Piece>;

/// A sentence being written.
#[derive(Default)]
struct Writer(Vec<Piece>);

impl Writer {
    fn text(&mut self, t: impl Into<String>) -> &mut Self {
        let t = t.into();
        match self.0.last_mut() {
            Some(Piece::Text(prev)) => prev.push_str(&t),
            _ => self.0.push(Piece::Text(t)),
        }
        self
    }

    /// A number and its sources.
    fn number(&mut self, n: impl Into<String>, sources: Vec<SourceId>) -> &mut Self {
        self.text(n);
        self.0.push(Piece::Cite(sources));
        self
    }
}

/// The sources of `lists`, most cited first (ties in order of first use).
fn ranked(lists: &[&[SourceId]]) -> Vec<SourceId> {
    let mut count: HashMap<&SourceId, (usize, usize)> = HashMap::new();
    for (order, s) in lists.iter().flat_map(|l| l.iter()).enumerate() {
        count.entry(s).or_insert((0, order)).0 += 1;
    }
    let mut all: Vec<(&SourceId, (usize, usize))> = count.into_iter().collect();
    all.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    all.into_iter().map(|(s, _)| s.clone()).collect()
}

/// The reading: one sentence per story the data can tell, each left out when the data has
/// nothing for it. `releases` is the releases-per-quarter plot of the rows shown, derived with
/// the default population.
pub fn reading(ds: &Dataset, ix: &Index, releases: &PlotData) -> Vec<Sentence> {
    let mut out = Vec::new();
    let population = population_of(ds, &PopulationChoice::Default).phrase;
    out.extend(releases_sentences(releases, &population));
    out.extend(qwen_llama_sentence(ds, ix));
    out.extend(adopters_sentence(ds, ix));
    out
}

/// "Among <population>, 120 models were released from Q1 2023 to Q4 2025 [1]: United States 60
/// [1], China 40 [1] ...", then the latest quarter's largest country.
fn releases_sentences(p: &PlotData, population: &str) -> Vec<Sentence> {
    let segs: Vec<_> = p.marks.iter().filter(|m| !m.members.is_empty()).collect();
    if segs.is_empty() {
        return Vec::new();
    }
    let name = |m: &crate::plots::Mark| -> String {
        match &m.merged_from {
            Some(was) => was.clone(),
            None if m.group.is_empty() || m.group == OTHER_GROUP => "unknown countries".into(),
            None => m.group.clone(),
        }
    };
    let total: usize = segs.iter().map(|m| m.members.len()).sum();
    let all_sources: Vec<&[SourceId]> = segs.iter().map(|m| m.sources.as_slice()).collect();
    let mut by_country: BTreeMap<String, (usize, Vec<&[SourceId]>)> = BTreeMap::new();
    for m in &segs {
        let e = by_country.entry(name(m)).or_default();
        e.0 += m.members.len();
        e.1.push(&m.sources);
    }
    let mut countries: Vec<(String, usize, Vec<SourceId>)> = by_country
        .into_iter()
        .map(|(c, (n, s))| (c, n, ranked(&s)))
        .collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (first, last) = (&segs[0].date_text, &segs[segs.len() - 1].date_text);
    let mut w = Writer::default();
    w.text(format!("Among {population}, "));
    w.number(
        format!("{total} {}", if total == 1 { "was" } else { "were" }),
        ranked(&all_sources),
    );
    w.text(if first == last {
        format!(" released in {first}: ")
    } else {
        format!(" released from {first} to {last}: ")
    });
    for (i, (c, n, s)) in countries.iter().take(3).enumerate() {
        if i > 0 {
            w.text(", ");
        }
        w.text(format!("developers in {c} "));
        w.number(n.to_string(), s.clone());
    }
    if countries.len() > 3 {
        w.text(format!(
            ", {} other countries the rest",
            countries.len() - 3
        ));
    }
    w.text(".");
    let mut out = vec![w.0];
    // The latest period: who released most of it.
    let latest: Vec<_> = segs.iter().filter(|m| &m.date_text == last).collect();
    let n_last: usize = latest.iter().map(|m| m.members.len()).sum();
    let most = latest.iter().map(|m| m.members.len()).max().unwrap_or(0);
    let leaders: Vec<_> = latest.iter().filter(|m| m.members.len() == most).collect();
    // Said only when one country released most of it (a tie leads nowhere).
    if let [top] = leaders.as_slice()
        && latest.len() > 1
    {
        let mut w = Writer::default();
        w.text(format!("In {last}, developers in {} released ", name(top)));
        w.number(top.members.len().to_string(), top.sources.clone());
        w.text(" of the ");
        let srcs: Vec<&[SourceId]> = latest.iter().map(|m| m.sources.as_slice()).collect();
        w.number(n_last.to_string(), ranked(&srcs));
        w.text(".");
        out.push(w.0);
    }
    out
}

/// One figure of a family: its value as said, its date, its sources.
struct Figure {
    value: f64,
    /// What the figure covers ("GGUF downloads on Hugging Face"), as the claim says.
    scope: String,
    qualifier: Qualifier,
    date: PartialDate,
    sources: Vec<SourceId>,
}

/// Qwen's and Llama's figures of one measure at the latest month both have one: "In 2025-12,
/// Qwen had 385,300,000 cumulative downloads [4] against 346,200,000 for Llama [4]."
fn qwen_llama_sentence(ds: &Dataset, ix: &Index) -> Option<Sentence> {
    let family = |prefix: &str| {
        ds.families
            .iter()
            .position(|f| f.name.trim().to_lowercase().starts_with(prefix))
    };
    let (qwen, llama) = (family("qwen")?, family("llama")?);
    let measures = [
        Metric::MonthlyDownloads,
        Metric::CumulativeDownloads,
        Metric::Derivatives,
    ];
    // (family, metric, month) -> the figure.
    let mut figures: BTreeMap<(usize, usize, (i32, u8)), Figure> = BTreeMap::new();
    let mut add = |f: usize, metric: usize, fig: Figure| {
        let key = (f, metric, (fig.date.year, fig.date.month.unwrap_or(0)));
        figures.entry(key).or_insert(fig);
    };
    for c in &ds.claims {
        let Subject::Family(id) = &c.subject else {
            continue;
        };
        let (Some(f), Some(metric), ClaimValue::Number(v), Some(when), Some(src)) = (
            ix.family(id),
            measures.iter().position(|m| m == &c.metric),
            &c.value,
            &c.when,
            &c.source,
        ) else {
            continue;
        };
        add(
            f,
            metric,
            Figure {
                value: *v,
                scope: c.scope.trim().to_owned(),
                qualifier: c.qualifier,
                date: when.end(),
                sources: vec![src.source.clone()],
            },
        );
    }
    for s in &ds.series {
        let Subject::Family(id) = &s.subject else {
            continue;
        };
        let (Some(f), Some(metric)) = (ix.family(id), measures.iter().position(|m| m == &s.metric))
        else {
            continue;
        };
        for pt in &s.points {
            add(
                f,
                metric,
                Figure {
                    value: pt.value,
                    scope: String::new(),
                    qualifier: Qualifier::Exact,
                    date: pt.date,
                    sources: crate::model::Citation::ids(&s.sources),
                },
            );
        }
    }
    // The latest (month, measure) both families have, with the same scope (never two
    // populations side by side).
    let both = figures
        .iter()
        .filter(|((f, ..), _)| *f == qwen)
        .filter(|((_, m, d), q)| {
            figures
                .get(&(llama, *m, *d))
                .is_some_and(|l| l.scope.eq_ignore_ascii_case(&q.scope))
        })
        .map(|(k, _)| k)
        .max_by_key(|(_, m, d)| (*d, std::cmp::Reverse(*m)))
        .copied()?;
    let (_, metric, month) = both;
    let q = &figures[&(qwen, metric, month)];
    let l = &figures[&(llama, metric, month)];
    let said = |fig: &Figure| format!("{}{}", fig.qualifier.prefix(), format_number(fig.value));
    let what = match q.scope.as_str() {
        "" => measures[metric].label().to_lowercase(),
        scope => format!("{} ({scope})", measures[metric].label().to_lowercase()),
    };
    let date = if q.date == l.date {
        q.date.to_string()
    } else {
        format!("{}-{:02}", month.0, month.1)
    };
    let mut w = Writer::default();
    w.text(format!("In {date}, {} had ", ds.families[qwen].name));
    w.number(format!("{} {what}", said(q)), q.sources.clone());
    w.text(" against ");
    w.number(said(l), l.sources.clone());
    w.text(format!(" for {}.", ds.families[llama].name));
    Some(w.0)
}

/// "12 organizations adopted, evaluated or dropped an AI model [2]: 8 of them models from
/// China [2], 5 from the United States [3]."
fn adopters_sentence(ds: &Dataset, ix: &Index) -> Option<Sentence> {
    let mut orgs: BTreeSet<&str> = BTreeSet::new();
    let mut sources: Vec<Vec<SourceId>> = Vec::new();
    let mut by_country: BTreeMap<String, (BTreeSet<&str>, Vec<Vec<SourceId>>)> = BTreeMap::new();
    for a in &ds.adoptions {
        let Some(t) = &a.target else {
            continue;
        };
        let country = match t {
            AdoptionTarget::Model(m) => ix.model(m).and_then(|p| ix.model_developer_country(p)),
            AdoptionTarget::Family(f) => ix
                .family(f)
                .and_then(|p| ds.families.get(p))
                .and_then(|fam| ix.org(&fam.developer))
                .and_then(|o| ix.org_country(o)),
        };
        let mut s = crate::model::Citation::ids(&a.sources);
        for step in &a.status {
            s.extend(crate::model::Citation::ids(&step.sources));
        }
        orgs.insert(a.organization.as_str());
        sources.push(s.clone());
        if let Some(c) = country.filter(|c| !c.trim().is_empty()) {
            let e = by_country.entry(c.to_owned()).or_default();
            e.0.insert(a.organization.as_str());
            e.1.push(s);
        }
    }
    if orgs.is_empty() {
        return None;
    }
    let refs = |l: &[Vec<SourceId>]| -> Vec<SourceId> {
        let v: Vec<&[SourceId]> = l.iter().map(Vec::as_slice).collect();
        ranked(&v)
    };
    let mut countries: Vec<(String, usize, Vec<SourceId>)> = by_country
        .into_iter()
        .map(|(c, (o, s))| (c, o.len(), refs(&s)))
        .collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut w = Writer::default();
    let n = orgs.len();
    w.number(
        if n == 1 {
            "1 organization".to_owned()
        } else {
            format!("{n} organizations")
        },
        refs(&sources),
    );
    w.text(if n == 1 {
        " in this dataset adopted, evaluated or dropped an AI model"
    } else {
        " in this dataset adopted, evaluated or dropped AI models"
    });
    for (i, (c, k, s)) in countries.iter().take(3).enumerate() {
        w.text(if i == 0 { ": " } else { ", " });
        w.number(k.to_string(), s.clone());
        w.text(if i == 0 {
            format!(" of them models from {c}")
        } else {
            format!(" from {c}")
        });
    }
    w.text(".");
    Some(w.0)
}

#[cfg(test)]
#[path = "reading_tests.rs"]
mod tests;
