//! Every string and every date of every record, with where it sits, for the text and date rules.
//!
//! Each record type is destructured without `..`, so a new field fails to compile here until
//! someone says whether it holds text or dates; a new record kind fails to compile in
//! [`each_record`] until its type implements [`Walk`].

use std::fmt;

use crate::model::date::PartialDate;
use crate::model::ids::RecordKind;
use crate::model::record::{Record, by_kind};
use crate::model::types::*;

/// A text field that may hold several lines (notes, descriptions, quotes).
pub(super) const LINES: bool = true;
/// A text field of one line (names, titles, labels, locators).
pub(super) const LINE: bool = false;

/// Where a value sits in its record, formatted only when a problem is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum At {
    /// A field: `name`.
    Field(&'static str),
    /// An item of a list field: `use_cases[2]`.
    Item(&'static str, usize),
    /// A field of an item of a list: `status[1].notes`.
    ItemField(&'static str, usize, &'static str),
}

impl At {
    /// The field, or the list the item belongs to (`points` for `points[7].date`).
    pub(super) fn base(self) -> &'static str {
        match self {
            At::Field(f) | At::Item(f, _) | At::ItemField(f, _, _) => f,
        }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Field(name) => f.write_str(name),
            At::Item(list, i) => write!(f, "{list}[{i}]"),
            At::ItemField(list, i, name) => write!(f, "{list}[{i}].{name}"),
        }
    }
}

/// The strings and dates a record (or the dataset header) holds.
pub(super) trait Walk {
    /// Calls `f` with every string but ids and references: where it is, the text, and whether
    /// it may hold several lines ([`LINES`]) or one ([`LINE`]).
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool));
    /// Calls `f` with every date: where it is and the date.
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate));
}

/// Calls `f` with the dataset header (kind `Dataset`, id empty), then every record of every
/// kind in file order, each with its kind and id.
pub(super) fn each_record(ds: &Dataset, f: &mut dyn FnMut(RecordKind, &str, &dyn Walk)) {
    f(RecordKind::Dataset, "", &ds.meta);
    for kind in RecordKind::ALL {
        by_kind!(kind, T => each_of::<T>(T::list(ds), f), dataset => {});
    }
}

fn each_of<T: Record + Walk>(list: &[T], f: &mut dyn FnMut(RecordKind, &str, &dyn Walk)) {
    for r in list {
        f(T::KIND, r.id_str(), r);
    }
}

fn opt_date(f: &mut dyn FnMut(At, &PartialDate), name: &'static str, d: &Option<PartialDate>) {
    if let Some(d) = d {
        f(At::Field(name), d);
    }
}

fn citation_texts(f: &mut dyn FnMut(At, &str, bool), list: &'static str, sources: &[Citation]) {
    for (i, c) in sources.iter().enumerate() {
        f(At::ItemField(list, i, "detail"), &c.detail, LINE);
    }
}

fn subject_text(f: &mut dyn FnMut(At, &str, bool), subject: &Subject) {
    if let Subject::Country(c) = subject {
        f(At::Field("subject"), c, LINE);
    }
}

fn metric_text(f: &mut dyn FnMut(At, &str, bool), metric: &Metric) {
    if let Metric::Other(m) = metric {
        f(At::Field("metric"), m, LINE);
    }
}

fn unit_text(f: &mut dyn FnMut(At, &str, bool), unit: &Unit) {
    if let Unit::Other(u) = unit {
        f(At::Field("unit"), u, LINE);
    }
}

impl Walk for Meta {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Meta {
            title,
            description,
            date: _,
            credits,
        } = self;
        f(At::Field("meta.title"), title, LINE);
        f(At::Field("meta.description"), description, LINES);
        for (i, c) in credits.iter().enumerate() {
            f(At::Item("meta.credits", i), c, LINE);
        }
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "meta.date", &self.date);
    }
}

impl Walk for Source {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Source {
            id: _,
            title,
            publisher,
            author,
            date: _,
            locator,
            kind: _,
            via: _,
            notes,
        } = self;
        f(At::Field("title"), title, LINE);
        f(At::Field("publisher"), publisher, LINE);
        f(At::Field("author"), author, LINE);
        f(At::Field("locator"), locator, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "date", &self.date);
    }
}

impl Walk for Organization {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Organization {
            id: _,
            name,
            native_name,
            country,
            kind: _,
            sector,
            headquarters,
            founded: _,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("name"), name, LINE);
        f(At::Field("native_name"), native_name, LINE);
        f(At::Field("country"), country, LINE);
        f(At::Field("sector"), sector, LINE);
        f(At::Field("headquarters"), headquarters, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "founded", &self.founded);
    }
}

impl Walk for Person {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Person {
            id: _,
            name,
            native_name,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("name"), name, LINE);
        f(At::Field("native_name"), native_name, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, _f: &mut dyn FnMut(At, &PartialDate)) {}
}

impl Walk for Role {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Role {
            id: _,
            person: _,
            organization: _,
            title,
            since: _,
            until: _,
            former: _,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("title"), title, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "since", &self.since);
        opt_date(f, "until", &self.until);
    }
}

impl Walk for ModelFamily {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let ModelFamily {
            id: _,
            name,
            developer: _,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("name"), name, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, _f: &mut dyn FnMut(At, &PartialDate)) {}
}

impl Walk for Model {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Model {
            id: _,
            name,
            family: _,
            developer: _,
            release_date: _,
            openness: _,
            license,
            total_params_b: _,
            active_params_b: _,
            architecture: _,
            context_k_tokens: _,
            params_qualifier: _,
            context_qualifier: _,
            openness_basis: _,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("name"), name, LINE);
        f(At::Field("license"), license, LINE);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "release_date", &self.release_date);
    }
}

impl Walk for Adoption {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Adoption {
            id: _,
            organization: _,
            target: _,
            use_cases,
            status,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        for (i, u) in use_cases.iter().enumerate() {
            f(At::Item("use_cases", i), u, LINE);
        }
        for (i, s) in status.iter().enumerate() {
            let StatusEntry {
                status: _,
                date: _,
                date_means: _,
                notes,
                sources,
            } = s;
            f(At::ItemField("status", i, "notes"), notes, LINES);
            for c in sources {
                f(At::ItemField("status", i, "sources"), &c.detail, LINE);
            }
        }
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        for (i, s) in self.status.iter().enumerate() {
            if let Some(d) = &s.date {
                f(At::ItemField("status", i, "date"), d);
            }
        }
    }
}

impl Walk for Claim {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Claim {
            id: _,
            subject,
            metric,
            value,
            unit,
            qualifier: _,
            baseline,
            scope,
            when: _,
            said_by: _,
            source,
            quote,
            paraphrase,
            notes,
        } = self;
        if let Some(c) = source {
            f(At::Field("source.detail"), &c.detail, LINE);
        }
        subject_text(f, subject);
        metric_text(f, metric);
        if let ClaimValue::Text(t) = value {
            f(At::Field("value"), t, LINE);
        }
        unit_text(f, unit);
        f(At::Field("baseline"), baseline, LINE);
        f(At::Field("scope"), scope, LINE);
        f(At::Field("quote"), quote, LINES);
        f(At::Field("paraphrase"), paraphrase, LINES);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        if let ClaimValue::Date(d) = &self.value {
            f(At::Field("value"), d);
        }
        match &self.when {
            Some(When::On(d) | When::By(d) | When::Trailing(_, d)) => f(At::Field("when"), d),
            Some(When::Between(a, b)) => {
                f(At::Field("when"), a);
                f(At::Field("when"), b);
            }
            None => {}
        }
    }
}

impl Walk for Conflict {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Conflict {
            id: _,
            kind: _,
            records: _,
            description,
        } = self;
        f(At::Field("description"), description, LINES);
    }
    fn dates(&self, _f: &mut dyn FnMut(At, &PartialDate)) {}
}

impl Walk for Series {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Series {
            id: _,
            name,
            subject,
            metric,
            unit,
            points: _,
            notes,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("name"), name, LINE);
        subject_text(f, subject);
        metric_text(f, metric);
        unit_text(f, unit);
        f(At::Field("notes"), notes, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        for (i, p) in self.points.iter().enumerate() {
            f(At::ItemField("points", i, "date"), &p.date);
        }
    }
}

impl Walk for Event {
    fn texts(&self, f: &mut dyn FnMut(At, &str, bool)) {
        let Event {
            id: _,
            date: _,
            kind: _,
            title,
            description,
            related: _,
            sources,
        } = self;
        citation_texts(f, "sources", sources);
        f(At::Field("title"), title, LINE);
        f(At::Field("description"), description, LINES);
    }
    fn dates(&self, f: &mut dyn FnMut(At, &PartialDate)) {
        opt_date(f, "date", &self.date);
    }
}
