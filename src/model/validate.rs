//! Validation: every rule a dataset must satisfy, reported as problems at a record and field.

use std::collections::{HashMap, HashSet};

use super::date::PartialDate;
use super::ids::RecordRef;
use super::ids::{RecordKind, check_id_shape};
use super::problem::{Problem, Severity};
use super::record::{Record, by_kind};
use super::types::*;

/// The ids present in a dataset, per kind.
struct Ids<'a> {
    by_kind: HashMap<RecordKind, HashSet<&'a str>>,
}

impl<'a> Ids<'a> {
    fn has(&self, kind: RecordKind, id: &str) -> bool {
        self.by_kind.get(&kind).is_some_and(|s| s.contains(id))
    }
}

/// "a source", "an organization": a record of `kind`, in a sentence.
fn a_kind(kind: RecordKind) -> String {
    let name = kind.to_string();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// What is wrong with `value` in `unit`, if anything.
fn number_problem(value: f64, unit: &Unit) -> Option<String> {
    if !value.is_finite() {
        return Some(format!("{value} is not a finite number"));
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&value) => {
            Some(format!("percentage {value} is outside 0..=100"))
        }
        Unit::Count | Unit::BillionParams | Unit::Times if value < 0.0 => {
            Some(format!("{value} is negative; a count cannot be"))
        }
        _ => None,
    }
}

struct Checker<'a> {
    ds: &'a Dataset,
    ids: Ids<'a>,
    problems: Vec<Problem>,
    kind: RecordKind,
    id: &'a str,
}

impl<'a> Checker<'a> {
    fn at(&mut self, kind: RecordKind, id: &'a str) {
        self.kind = kind;
        self.id = id;
    }

    fn problem(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            kind: self.kind,
            id: self.id.to_owned(),
            field: field.into(),
            message: message.into(),
        });
    }

    /// The name people know `r` by, for a message.
    fn name(&self, r: &RecordRef) -> String {
        super::names::display_name(self.ds, r)
    }

    fn required(&mut self, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(field, "is empty; a value is required");
        }
    }

    fn reference(&mut self, field: impl Into<String>, kind: RecordKind, id: &str) {
        if !self.ids.has(kind, id) {
            let field = field.into();
            self.problem(
                field,
                format!(
                    "refers to {} which does not exist in the dataset (it was deleted, or \
                     its id is mistyped); choose another",
                    a_kind(kind)
                ),
            );
        }
    }

    fn date(&mut self, field: impl Into<String>, date: &PartialDate) {
        if let Err(why) = date.check() {
            self.problem(field, format!("impossible date: {why}"));
        }
    }

    fn opt_date(&mut self, field: &str, date: &Option<PartialDate>) {
        if let Some(d) = date {
            self.date(field, d);
        }
    }

    fn sources(&mut self, field: &str, sources: &[Citation], required: bool) {
        if required && sources.is_empty() {
            self.problem(field, "no source is given; every record needs at least one");
        }
        // The same source may be cited at two places in it ("row 37", "row 38"), not twice at one.
        let mut seen = HashSet::new();
        for (i, c) in sources.iter().enumerate() {
            let s = c.source.as_str();
            self.reference(format!("{field}[{i}]"), RecordKind::Source, s);
            if !seen.insert((s, c.detail.as_str())) {
                let name = self.name(&RecordRef::Source(c.source.clone()));
                let message = if c.detail.is_empty() {
                    format!("cites {name} twice; remove one")
                } else {
                    format!("cites {name} at “{}” twice; remove one", c.detail)
                };
                self.problem(format!("{field}[{i}]"), message);
            }
        }
    }

    fn number(&mut self, field: &str, value: f64, unit: &Unit) {
        if let Some(why) = number_problem(value, unit) {
            self.problem(field, why);
        }
    }

    fn subject(&mut self, field: &str, subject: &Subject) {
        match subject {
            Subject::Organization(i) => self.reference(field, RecordKind::Organization, i.as_str()),
            Subject::Model(i) => self.reference(field, RecordKind::Model, i.as_str()),
            Subject::Family(i) => self.reference(field, RecordKind::Family, i.as_str()),
            Subject::Adoption(i) => self.reference(field, RecordKind::Adoption, i.as_str()),
            Subject::Country(c) => self.required(field, c),
        }
    }

    fn metric(&mut self, field: &str, metric: &Metric) {
        if let Metric::Other(name) = metric {
            self.required(field, name);
        }
    }
}

fn collect_ids<'a, T: Record>(
    kind: RecordKind,
    records: &'a [T],
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut set = HashSet::with_capacity(records.len());
    for (index, r) in records.iter().enumerate() {
        let id = r.id_str();
        if let Err(why) = check_id_shape(id) {
            problems.push(Problem {
                severity: Severity::Error,
                kind,
                id: id.to_owned(),
                field: "id".into(),
                message: format!("{why} (record #{} of its kind)", index + 1),
            });
        }
        if !set.insert(id) {
            problems.push(Problem {
                severity: Severity::Error,
                kind,
                id: id.to_owned(),
                field: "id".into(),
                message: format!(
                    "duplicate id: another {kind} already has this id; give each {kind} an \
                     id of its own"
                ),
            });
        }
    }
    set
}

/// Checks every rule but those about today's date and returns the problems found: the record and
/// reference rules in file order, then the text and value rules of [`super::rules`] in file order.
/// Clock-free (the same dataset always gives the same problems); [`validate_on`] adds the rules
/// that need today's date. An empty list means valid.
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    if ds.format_version == 0 || ds.format_version > FORMAT_VERSION {
        problems.push(Problem {
            severity: Severity::Error,
            kind: RecordKind::Dataset,
            id: String::new(),
            field: "format_version".into(),
            message: format!(
                "format version {} is not supported (this build writes {FORMAT_VERSION})",
                ds.format_version
            ),
        });
    }
    let mut by_kind = HashMap::new();
    for kind in RecordKind::ALL {
        let ids = by_kind!(
            kind,
            T => collect_ids::<T>(kind, T::list(ds), &mut problems),
            dataset => continue
        );
        by_kind.insert(kind, ids);
    }

    let mut c = Checker {
        ds,
        ids: Ids { by_kind },
        problems,
        kind: RecordKind::Dataset,
        id: "",
    };
    c.opt_date("meta.date", &ds.meta.date);

    let source_index: HashMap<&str, &Source> =
        ds.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for s in &ds.sources {
        c.at(RecordKind::Source, s.id.as_str());
        if s.title.trim().is_empty() && s.locator.trim().is_empty() && s.publisher.trim().is_empty()
        {
            c.problem(
                "title",
                "a source needs a title, a locator or a publisher so it can be found",
            );
        }
        c.opt_date("date", &s.date);
        if let Some(via) = &s.via {
            c.reference("via", RecordKind::Source, via.as_str());
            // Follow the chain of reprints: it must end, not loop.
            let mut seen = HashSet::from([s.id.as_str()]);
            let mut next = Some(via);
            while let Some(v) = next {
                if !seen.insert(v.as_str()) {
                    let name = c.name(&RecordRef::Source(v.clone()));
                    c.problem(
                        "via",
                        format!(
                            "the chain of reprints loops back through {name}; a source cannot \
                             be a reprint of its own reprint"
                        ),
                    );
                    break;
                }
                next = source_index.get(v.as_str()).and_then(|s| s.via.as_ref());
            }
        }
    }
    for o in &ds.organizations {
        c.at(RecordKind::Organization, o.id.as_str());
        c.required("name", &o.name);
        c.opt_date("founded", &o.founded);
        c.sources("sources", &o.sources, true);
    }
    for p in &ds.people {
        c.at(RecordKind::Person, p.id.as_str());
        c.required("name", &p.name);
        c.sources("sources", &p.sources, true);
    }
    for r in &ds.roles {
        c.at(RecordKind::Role, r.id.as_str());
        c.reference("person", RecordKind::Person, r.person.as_str());
        c.reference(
            "organization",
            RecordKind::Organization,
            r.organization.as_str(),
        );
        c.required("title", &r.title);
        c.opt_date("since", &r.since);
        c.opt_date("until", &r.until);
        if let (Some(a), Some(b)) = (r.since, r.until)
            && a.is_surely_after(&b)
        {
            c.problem("until", format!("ends ({b}) before it starts ({a})"));
        }
        c.sources("sources", &r.sources, true);
    }
    for f in &ds.families {
        c.at(RecordKind::Family, f.id.as_str());
        c.required("name", &f.name);
        c.reference("developer", RecordKind::Organization, f.developer.as_str());
        c.sources("sources", &f.sources, true);
    }
    for m in &ds.models {
        c.at(RecordKind::Model, m.id.as_str());
        c.required("name", &m.name);
        if let Some(f) = &m.family {
            c.reference("family", RecordKind::Family, f.as_str());
        }
        if let Some(OpennessBasis::Source(s)) = &m.openness_basis {
            c.reference("openness_basis", RecordKind::Source, s.as_str());
        }
        c.reference("developer", RecordKind::Organization, m.developer.as_str());
        c.opt_date("release_date", &m.release_date);
        for (field, v) in [
            ("total_params_b", m.total_params_b),
            ("active_params_b", m.active_params_b),
            ("context_k_tokens", m.context_k_tokens),
        ] {
            if let Some(v) = v
                && (!v.is_finite() || v <= 0.0)
            {
                c.problem(field, format!("{v} must be a positive number"));
            }
        }
        if let (Some(t), Some(a)) = (m.total_params_b, m.active_params_b)
            && a > t
        {
            c.problem(
                "active_params_b",
                format!("{a}B active is more than {t}B total"),
            );
        }
        if m.architecture == Some(Architecture::Dense)
            && let (Some(t), Some(a)) = (m.total_params_b, m.active_params_b)
            && a != t
        {
            c.problem(
                "active_params_b",
                "a dense model uses all its parameters; active must equal total or be empty",
            );
        }
        c.sources("sources", &m.sources, true);
    }
    for a in &ds.adoptions {
        c.at(RecordKind::Adoption, a.id.as_str());
        c.reference(
            "organization",
            RecordKind::Organization,
            a.organization.as_str(),
        );
        match &a.target {
            Some(AdoptionTarget::Model(m)) => c.reference("target", RecordKind::Model, m.as_str()),
            Some(AdoptionTarget::Family(f)) => {
                c.reference("target", RecordKind::Family, f.as_str())
            }
            None => c.problem("target", "no model or family chosen yet"),
        }
        for (i, u) in a.use_cases.iter().enumerate() {
            c.required(&format!("use_cases[{i}]"), u);
        }
        let mut last: Option<PartialDate> = None;
        for (i, s) in a.status.iter().enumerate() {
            c.opt_date(&format!("status[{i}].date"), &s.date);
            c.sources(&format!("status[{i}].sources"), &s.sources, false);
            if let Some(d) = s.date {
                if let Some(prev) = last
                    && prev.is_surely_after(&d)
                {
                    c.problem(format!("status[{i}].date"), format!("{d} is earlier than the step before ({prev}); keep the history oldest first"));
                }
                last = Some(d);
            }
        }
        c.sources("sources", &a.sources, true);
    }
    for cl in &ds.claims {
        c.at(RecordKind::Claim, cl.id.as_str());
        c.subject("subject", &cl.subject);
        c.metric("metric", &cl.metric);
        if let Unit::Other(u) = &cl.unit {
            c.required("unit", u);
        }
        match &cl.value {
            ClaimValue::Number(v) => c.number("value", *v, &cl.unit),
            ClaimValue::Range(lo, hi) => {
                c.number("value", *lo, &cl.unit);
                c.number("value", *hi, &cl.unit);
                if lo > hi {
                    c.problem("value", format!("range {lo}..{hi} runs backwards"));
                }
            }
            ClaimValue::Date(d) => c.date("value", d),
            ClaimValue::Text(t) => c.required("value", t),
        }
        match &cl.when {
            Some(When::On(d) | When::By(d)) => c.date("when", d),
            Some(When::Between(a, b)) => {
                c.date("when", a);
                c.date("when", b);
                if a.is_surely_after(b) {
                    c.problem("when", format!("period ends ({b}) before it starts ({a})"));
                }
            }
            Some(When::Trailing(days, d)) => {
                c.date("when", d);
                if *days == 0 {
                    c.problem(
                        "when",
                        "a rolling period of 0 days covers nothing; give its length in days",
                    );
                }
            }
            None => {}
        }
        match &cl.said_by {
            Some(Speaker::Person(p)) => c.reference("said_by", RecordKind::Person, p.as_str()),
            Some(Speaker::Organization(o)) => {
                c.reference("said_by", RecordKind::Organization, o.as_str())
            }
            None => {}
        }
        match &cl.source {
            Some(s) => c.reference("source", RecordKind::Source, s.source.as_str()),
            None => c.problem("source", "no source chosen yet"),
        }
        if cl.quote.trim().is_empty() && cl.paraphrase.trim().is_empty() {
            c.problem(
                "quote",
                "is empty, and so is the paraphrase; give the source's own words or a summary of them",
            );
        }
    }
    for k in &ds.conflicts {
        c.at(RecordKind::Conflict, k.id.as_str());
        c.required("description", &k.description);
        let distinct: HashSet<&RecordRef> = k.records.iter().collect();
        if distinct.len() < 2 {
            c.problem("records", "a conflict needs at least two different records");
        }
        let mut seen = HashSet::new();
        for (i, r) in k.records.iter().enumerate() {
            let (kind, id) = r.kind_and_id();
            c.reference(format!("records[{i}]"), kind, id);
            if kind == RecordKind::Conflict && id == k.id.as_str() {
                c.problem(
                    format!("records[{i}]"),
                    "names this conflict itself; a conflict is between other records",
                );
            } else if !seen.insert(r) {
                let name = c.name(r);
                c.problem(
                    format!("records[{i}]"),
                    format!("lists {name} twice; remove one"),
                );
            }
        }
    }
    for s in &ds.series {
        c.at(RecordKind::Series, s.id.as_str());
        c.required("name", &s.name);
        c.subject("subject", &s.subject);
        c.metric("metric", &s.metric);
        // Field names are formatted only for points with a problem: series can be long.
        let mut dates = HashSet::with_capacity(s.points.len());
        let mut first_shared: Option<(usize, PartialDate)> = None;
        let mut shared = 0usize;
        for (i, p) in s.points.iter().enumerate() {
            if p.date.check().is_err() {
                c.date(format!("points[{i}].date"), &p.date);
            }
            if let Some(why) = number_problem(p.value, &s.unit) {
                c.problem(format!("points[{i}].value"), why);
            }
            if !dates.insert(p.date) {
                shared += 1;
                first_shared.get_or_insert((i, p.date));
            }
        }
        // One problem for all the points sharing a date, however many.
        if let Some((i, date)) = first_shared {
            let more = if shared > 1 {
                format!(
                    " ({} more points share a date with an earlier point)",
                    shared - 1
                )
            } else {
                String::new()
            };
            c.problem(
                format!("points[{i}].date"),
                format!("two points share the date {date}{more}"),
            );
        }
        c.sources("sources", &s.sources, true);
    }
    for e in &ds.events {
        c.at(RecordKind::Event, e.id.as_str());
        c.required("title", &e.title);
        c.opt_date("date", &e.date);
        for (i, r) in e.related.iter().enumerate() {
            let (kind, id) = r.kind_and_id();
            c.reference(format!("related[{i}]"), kind, id);
        }
        c.sources("sources", &e.sources, true);
    }
    super::rules::check(ds, &mut c.problems);
    c.problems
}

/// Every rule, [`validate`]'s and those about `today` (dates far in the future are warnings).
/// The caller supplies today's date (the model reads no clock).
pub fn validate_on(ds: &Dataset, today: PartialDate) -> Vec<Problem> {
    let mut problems = validate(ds);
    super::rules::check_dates(ds, today, &mut problems);
    problems
}
