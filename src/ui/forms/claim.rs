//! The form of a claim, and a new claim (with no source until the user picks one).

use egui::Ui;

use super::choices::{
    metric_choices, org_candidates, person_candidates, source_candidates, subject_candidates,
    when_choices,
};
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id, replace_record};
use crate::model::{
    Citation, Claim, ClaimId, ClaimValue, Dataset, Metric, Problem, Qualifier, RecordKind,
    RecordRef, Source, SourceId, Speaker, Subject, Unit, ValueKind, When, WhenKind,
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
                let mut about = other.as_record_ref();
                f.reference_ui(
                    ui,
                    "About",
                    "subject",
                    &mut about,
                    &subject_candidates(ds),
                    false,
                );
                if let Some(s) = about.as_ref().and_then(Subject::from_record_ref) {
                    x.subject = s;
                }
            }
        }
        // What it measures.
        let mut other = match &x.metric {
            Metric::Other(s) => s.clone(),
            _ => String::new(),
        };
        let mut metric = Some(x.metric.clone());
        let metrics = metric_choices(&other, "Other (named below)");
        f.choice_ui(ui, "Measure", "metric", &mut metric, &metrics, false);
        x.metric = match metric {
            Some(Metric::Other(_)) | None => {
                f.text_ui(ui, "Name of the measure", "metric", &mut other);
                Metric::Other(other)
            }
            Some(named) => named,
        };
        // The value.
        // The kind chosen is remembered until a value of that kind is typed: switching kind never
        // invents a value.
        let kind_id = ui.make_persistent_id(("claim_value_kind", &old.id));
        let mut vk = Some(
            ui.data(|d| d.get_temp::<ValueKind>(kind_id))
                .unwrap_or(x.value.kind()),
        );
        let kinds = ValueKind::ALL.map(|k| (k, k.label()));
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
        let vk = vk.unwrap_or(ValueKind::Text);
        match vk {
            ValueKind::Number => f.signed_number_ui(ui, "Value", "value", &mut a),
            ValueKind::Range => {
                f.signed_number_ui(ui, "From", "value", &mut a);
                f.signed_number_ui(ui, "To", "value_high", &mut b);
            }
            ValueKind::Date => f.date_ui(ui, "Date", "value", &mut d),
            ValueKind::Text => f.text_ui(ui, "Statement", "value", &mut t),
        }
        let typed = match (vk, a, b, d) {
            (ValueKind::Number, Some(a), _, _) => Some(ClaimValue::Number(a)),
            (ValueKind::Range, Some(a), Some(b), _) => Some(ClaimValue::Range(a, b)),
            (ValueKind::Date, _, _, Some(d)) => Some(ClaimValue::Date(d)),
            (ValueKind::Text, ..) => Some(ClaimValue::Text(t)),
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
        // A unit named in the file is not offered: it shows as "no unit" until another is picked.
        let mut unit = Some(match &x.unit {
            Unit::Other(_) => Unit::None,
            known => known.clone(),
        });
        let units = Unit::ALL.map(|u| {
            let label = u.label();
            (u, label)
        });
        f.choice_ui(ui, "Unit", "unit", &mut unit, &units, false);
        if !matches!(x.unit, Unit::Other(_)) || f.changed == Some("unit") {
            x.unit = unit.unwrap_or_default();
        }
        let mut q = Some(x.qualifier);
        let qualifiers = Qualifier::ALL.map(|q| (q, q.label()));
        f.choice_ui(ui, "Qualifier", "qualifier", &mut q, &qualifiers, false);
        x.qualifier = q.unwrap_or(x.qualifier);
        f.text_ui(ui, "Compared with (baseline)", "baseline", &mut x.baseline);
        f.text_ui(ui, "Scope", "scope", &mut x.scope);
        // When.
        let (mut w1, mut w2) = match &x.when {
            Some(When::On(d) | When::By(d) | When::Trailing(_, d)) => (Some(*d), None),
            Some(When::Between(a, b)) => (Some(*a), Some(*b)),
            None => (None, None),
        };
        let mut days: Option<f64> = match &x.when {
            Some(When::Trailing(n, _)) => Some(f64::from(*n)),
            _ => None,
        };
        let mut wk = Some(x.when.as_ref().map(When::kind));
        f.choice_ui(ui, "When", "when", &mut wk, &when_choices(), false);
        let wk = wk.flatten();
        if let Some(k) = wk {
            let label = match k {
                WhenKind::Between => "From",
                WhenKind::Trailing => "Period ends on",
                WhenKind::On | WhenKind::By => "Date",
            };
            f.date_ui(ui, label, "when", &mut w1);
        }
        if wk == Some(WhenKind::Trailing) {
            f.number_ui(ui, "Period length (days)", "when_days", &mut days);
        }
        // Whole days only: a length that is not one keeps the period as it was.
        let days = days
            .filter(|d| d.fract() == 0.0 && *d >= 1.0 && *d <= f64::from(u32::MAX))
            .map(|d| d as u32);
        if wk == Some(WhenKind::Between) {
            f.date_ui(ui, "To", "when_end", &mut w2);
        }
        x.when = match (wk, w1, w2) {
            (Some(WhenKind::On), Some(d), _) => Some(When::On(d)),
            (Some(WhenKind::By), Some(d), _) => Some(When::By(d)),
            (Some(WhenKind::Between), Some(a), Some(b)) => Some(When::Between(a, b)),
            (Some(WhenKind::Between), Some(a), None) => Some(When::Between(a, a)),
            (Some(WhenKind::Trailing), Some(d), _) => match (days, &x.when) {
                (Some(n), _) => Some(When::Trailing(n, d)),
                (None, Some(When::Trailing(n, _))) => Some(When::Trailing(*n, d)),
                // A new rolling period starts at 30 days, the most common such count.
                (None, _) => Some(When::Trailing(30, d)),
            },
            _ => None,
        };
        // Who said it.
        let mut speakers = person_candidates(ds);
        speakers.extend(org_candidates(ds));
        let mut speaker = x.said_by.as_ref().map(Speaker::as_record_ref);
        f.reference_ui(ui, "Said by", "said_by", &mut speaker, &speakers, true);
        x.said_by = speaker.as_ref().and_then(Speaker::from_record_ref);
        // Where.
        let sources = source_candidates(ds);
        let mut src = x
            .source
            .as_ref()
            .map(|c| RecordRef::Source(c.source.clone()));
        f.required_reference_ui(
            ui,
            "Source",
            "source",
            &mut src,
            &sources,
            "Choose the source this figure comes from",
        );
        if let Some(RecordRef::Source(s)) = src {
            // Another source: the place cited in the old one does not carry over.
            if x.source.as_ref().is_none_or(|c| c.source != s) {
                x.source = Some(Citation::new(s));
            }
        }
        if let Some(cite) = &mut x.source {
            f.text_ui(
                ui,
                "Where in the source (row, page)",
                "source_detail",
                &mut cite.detail,
            );
        }
        ui.label("");
        if ui
            .button("New source for this claim...")
            .on_hover_text("Create a source and cite it here, in one step; then fill it in")
            .clicked()
        {
            let id = fresh_id(ds, RecordKind::Source, "new-source");
            new_source = Some(Source::new_draft(SourceId(id)));
        }
        ui.label("");
        ui.end_row();
        f.multiline_ui(ui, "Quote (verbatim)", "quote", &mut x.quote);
        f.multiline_ui(
            ui,
            "Paraphrase (as summarised)",
            "paraphrase",
            &mut x.paraphrase,
        );
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
    });
    if let Some(src) = new_source {
        // One step: add the source and point the claim at it.
        let id = src.id.clone();
        let (_, mut edits) = crate::app::edit::insert_record(ds, AnyRecord::from(src));
        x.source = Some(Citation::new(id));
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

/// A new claim about `subject`, with no source until the user picks one (validation reports
/// "no source chosen yet" meanwhile; nothing is cited that the user did not choose).
pub fn new_claim(ds: &Dataset, subject: Subject) -> AnyRecord {
    AnyRecord::from(Claim {
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
        source: None,
        quote: String::new(),
        paraphrase: String::new(),
        notes: String::new(),
    })
}
