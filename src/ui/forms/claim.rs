//! The form of a claim, and a new claim.

use egui::Ui;

use super::choices::{
    METRICS, QUALIFIERS, metric_from_key, metric_key, numbered_source_candidates,
    subject_candidates, subject_from_key, subject_key,
};
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id, replace_record};
use crate::model::{
    Claim, ClaimId, ClaimValue, Dataset, Metric, OrgId, PersonId, Problem, Qualifier, RecordKind,
    RecordRef, Source, SourceId, SourceKind, Speaker, Subject, Unit, When,
};

/// The form of a claim: what, how much, how sure, compared with what, when, who said it, where.
pub fn claim_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.claims.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut new_source: Option<Source> = None;
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Claim(old.id.clone()),
        actions,
    );
    grid("claim_form").show(ui, |ui| {
        // About what.
        match &x.subject {
            Subject::Country(c) => {
                let mut c = c.clone();
                f.text_ui(ui, "About models developed in (country)", "subject", &mut c);
                x.subject = Subject::Country(c);
            }
            other => {
                let mut key = subject_key(other);
                f.reference_ui(
                    ui,
                    "About",
                    "subject",
                    &mut key,
                    &subject_candidates(ds),
                    false,
                );
                if let Some(s) = key.as_deref().and_then(subject_from_key) {
                    x.subject = s;
                }
            }
        }
        // What it measures.
        let mut mk = Some(metric_key(&x.metric));
        let mut metrics: Vec<(&str, &str)> = METRICS.to_vec();
        metrics.push(("Other", "Other (named below)"));
        f.choice_ui(ui, "Measure", "metric", &mut mk, &metrics, false);
        let mut other = match &x.metric {
            Metric::Other(s) => s.clone(),
            _ => String::new(),
        };
        if mk == Some("Other") {
            f.text_ui(ui, "Name of the measure", "metric", &mut other);
        }
        x.metric = metric_from_key(mk.unwrap_or("Other"), &other);
        // The value.
        let kinds = [
            ("number", "a number"),
            ("range", "a range"),
            ("date", "a date"),
            ("text", "a text"),
        ];
        let stored_kind = match x.value {
            ClaimValue::Number(_) => "number",
            ClaimValue::Range(..) => "range",
            ClaimValue::Date(_) => "date",
            ClaimValue::Text(_) => "text",
        };
        // The kind chosen is remembered until a value of that kind is typed: switching kind never
        // invents a value.
        let kind_id = ui.make_persistent_id(("claim_value_kind", &old.id));
        let mut vk = Some(
            ui.data(|d| d.get_temp::<&'static str>(kind_id))
                .unwrap_or(stored_kind),
        );
        f.choice_ui(ui, "Value is", "value_kind", &mut vk, &kinds, false);
        if let Some(k) = vk {
            ui.data_mut(|d| d.insert_temp(kind_id, k));
        }
        let mut a: Option<f64> = match x.value {
            ClaimValue::Number(n) | ClaimValue::Range(n, _) => Some(n),
            _ => None,
        };
        let mut b: Option<f64> = match x.value {
            ClaimValue::Range(_, h) => Some(h),
            _ => None,
        };
        let mut d = match x.value {
            ClaimValue::Date(d) => Some(d),
            _ => None,
        };
        let mut t = match &x.value {
            ClaimValue::Text(t) => t.clone(),
            _ => String::new(),
        };
        match vk.unwrap_or("text") {
            "number" => f.signed_number_ui(ui, "Value", "value", &mut a),
            "range" => {
                f.signed_number_ui(ui, "From", "value", &mut a);
                f.signed_number_ui(ui, "To", "value_high", &mut b);
            }
            "date" => f.date_ui(ui, "Date", "value", &mut d),
            _ => f.text_ui(ui, "Statement", "value", &mut t),
        }
        let typed = match (vk.unwrap_or("text"), a, b, d) {
            ("number", Some(a), _, _) => Some(ClaimValue::Number(a)),
            ("range", Some(a), Some(b), _) => Some(ClaimValue::Range(a, b)),
            ("date", _, _, Some(d)) => Some(ClaimValue::Date(d)),
            ("text", ..) => Some(ClaimValue::Text(t)),
            _ => None,
        };
        match typed {
            Some(v) => x.value = v,
            None => {
                ui.label("");
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "type the value above; until then the old value is kept",
                );
                ui.label("");
                ui.end_row();
            }
        }
        let units = [
            ("none", "no unit"),
            ("percent", "%"),
            ("count", "count"),
            ("times", "× (times)"),
            ("params", "billion parameters"),
        ];
        let mut uk = Some(match &x.unit {
            Unit::None | Unit::Other(_) => "none",
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Times => "times",
            Unit::BillionParams => "params",
        });
        f.choice_ui(ui, "Unit", "unit", &mut uk, &units, false);
        if !matches!(x.unit, Unit::Other(_)) || f.changed == Some("unit") {
            x.unit = match uk.unwrap_or("none") {
                "percent" => Unit::Percent,
                "count" => Unit::Count,
                "times" => Unit::Times,
                "params" => Unit::BillionParams,
                _ => Unit::None,
            };
        }
        let mut q = Some(x.qualifier);
        f.choice_ui(ui, "Qualifier", "qualifier", &mut q, &QUALIFIERS, false);
        x.qualifier = q.unwrap_or(x.qualifier);
        f.text_ui(ui, "Compared with (baseline)", "baseline", &mut x.baseline);
        f.text_ui(ui, "Scope", "scope", &mut x.scope);
        // When.
        let whens = [
            ("none", "not stated"),
            ("on", "on / as of"),
            ("by", "by"),
            ("between", "between"),
        ];
        let (mut w1, mut w2) = match &x.when {
            Some(When::On(d)) | Some(When::By(d)) => (Some(*d), None),
            Some(When::Between(a, b)) => (Some(*a), Some(*b)),
            None => (None, None),
        };
        let mut wk = Some(match &x.when {
            None => "none",
            Some(When::On(_)) => "on",
            Some(When::By(_)) => "by",
            Some(When::Between(..)) => "between",
        });
        f.choice_ui(ui, "When", "when", &mut wk, &whens, false);
        if wk != Some("none") {
            f.date_ui(
                ui,
                if wk == Some("between") {
                    "From"
                } else {
                    "Date"
                },
                "when",
                &mut w1,
            );
        }
        if wk == Some("between") {
            f.date_ui(ui, "To", "when_end", &mut w2);
        }
        x.when = match (wk.unwrap_or("none"), w1, w2) {
            ("on", Some(d), _) => Some(When::On(d)),
            ("by", Some(d), _) => Some(When::By(d)),
            ("between", Some(a), Some(b)) => Some(When::Between(a, b)),
            ("between", Some(a), None) => Some(When::Between(a, a)),
            _ => None,
        };
        // Who said it.
        let mut speakers: Vec<(String, String)> = ds
            .people
            .iter()
            .map(|p| (format!("p:{}", p.id), p.name.clone()))
            .collect();
        speakers.extend(
            ds.organizations
                .iter()
                .map(|o| (format!("o:{}", o.id), o.name.clone())),
        );
        let mut sk = x.said_by.as_ref().map(|s| match s {
            Speaker::Person(p) => format!("p:{p}"),
            Speaker::Organization(o) => format!("o:{o}"),
        });
        f.reference_ui(ui, "Said by", "said_by", &mut sk, &speakers, true);
        x.said_by = sk.and_then(|k| {
            let (p, id) = k.split_once(':')?;
            Some(match p {
                "p" => Speaker::Person(PersonId(id.to_owned())),
                _ => Speaker::Organization(OrgId(id.to_owned())),
            })
        });
        // Where.
        let sources = numbered_source_candidates(ds);
        let mut src = Some(x.source.to_string());
        f.reference_ui(ui, "Source", "source", &mut src, &sources, false);
        if let Some(s) = src {
            x.source = SourceId(s);
        }
        ui.label("");
        if ui
            .button("New source for this claim...")
            .on_hover_text("Create a source and cite it here, in one step; then fill it in")
            .clicked()
        {
            let id = fresh_id(ds, RecordKind::Source, "new-source");
            new_source = Some(Source {
                id: SourceId(id),
                title: "New source".into(),
                publisher: String::new(),
                author: String::new(),
                date: None,
                locator: String::new(),
                kind: SourceKind::Press,
                via: None,
                notes: String::new(),
            });
        }
        ui.label("");
        ui.end_row();
        f.multiline_ui(ui, "Quote (verbatim)", "quote", &mut x.quote);
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
    });
    if let Some(src) = new_source {
        // One step: add the source and point the claim at it.
        let id = src.id.clone();
        let (_, mut edits) = crate::app::edit::insert_record(ds, AnyRecord::from(src));
        x.source = id;
        if let Some((_, more)) = replace_record(ds, AnyRecord::from(x)) {
            edits.extend(more);
        }
        f.actions.push(Action::Edit {
            label: "Add a new source to a claim".into(),
            edits,
            coalesce: None,
        });
        return;
    }
    f.emit(ds, AnyRecord::from(x));
}

/// A new claim about `subject`, citing the first source until the user picks one.
pub fn new_claim(ds: &Dataset, subject: Subject) -> Option<AnyRecord> {
    let source = ds.sources.first()?.id.clone();
    Some(AnyRecord::from(Claim {
        id: ClaimId(fresh_id(ds, RecordKind::Claim, "claim")),
        subject,
        metric: Metric::Other("New figure".into()),
        // Empty until the user types the figure: validation says so, nothing is invented.
        value: ClaimValue::Text(String::new()),
        unit: Unit::None,
        qualifier: Qualifier::Exact,
        baseline: String::new(),
        scope: String::new(),
        when: None,
        said_by: None,
        source,
        quote: String::new(),
        notes: String::new(),
    }))
}
