//! The forms of a model and of a model family, and a new family.

use egui::Ui;

use super::choices::{family_candidates, org_candidates, source_candidates};
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id};
use crate::model::{
    Architecture, Dataset, FamilyId, Openness, OpennessBasis, OrgId, Problem, Qualifier,
    RecordKind, RecordRef,
};

/// The form of a model.
pub fn model_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.models.get(pos) else {
        return;
    };
    let mut m = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Model(old.id.clone()),
        actions,
    );
    grid("model_form").show(ui, |ui| {
        f.text_ui(ui, "Name", "name", &mut m.name);
        let mut dev = Some(RecordRef::Organization(m.developer.clone()));
        f.reference_ui(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(RecordRef::Organization(d)) = dev {
            m.developer = d;
        }
        let mut fam = m.family.clone().map(RecordRef::Family);
        let families = family_candidates(ds);
        f.reference_ui(ui, "Family", "family", &mut fam, &families, true);
        m.family = match fam {
            Some(RecordRef::Family(id)) => Some(id),
            _ => None,
        };
        f.date_ui(
            ui,
            "Released (YYYY, YYYY-MM or YYYY-MM-DD)",
            "release_date",
            &mut m.release_date,
        );
        let openness = Openness::ALL.map(|o| (o, o.label()));
        f.choice_ui(ui, "Openness", "openness", &mut m.openness, &openness, true);
        f.choice_ui(
            ui,
            "Openness according to",
            "openness_basis",
            &mut m.openness_basis,
            &basis_choices(ds),
            true,
        );
        f.text_ui(ui, "License", "license", &mut m.license);
        f.number_ui(
            ui,
            "Total parameters (billions)",
            "total_params_b",
            &mut m.total_params_b,
        );
        f.number_ui(
            ui,
            "Active parameters (billions)",
            "active_params_b",
            &mut m.active_params_b,
        );
        let qualifiers = Qualifier::ALL.map(|q| (q, q.label()));
        let mut pq = Some(m.params_qualifier);
        f.choice_ui(
            ui,
            "Parameters are",
            "params_qualifier",
            &mut pq,
            &qualifiers,
            false,
        );
        m.params_qualifier = pq.unwrap_or(m.params_qualifier);
        f.choice_ui(
            ui,
            "Architecture",
            "architecture",
            &mut m.architecture,
            &Architecture::ALL.map(|a| (a, a.label())),
            true,
        );
        f.number_ui(
            ui,
            "Context length (thousands of tokens)",
            "context_k_tokens",
            &mut m.context_k_tokens,
        );
        let mut cq = Some(m.context_qualifier);
        f.choice_ui(
            ui,
            "Context length is",
            "context_qualifier",
            &mut cq,
            &qualifiers,
            false,
        );
        m.context_qualifier = cq.unwrap_or(m.context_qualifier);
        f.multiline_ui(ui, "Notes", "notes", &mut m.notes);
        f.sources_ui(ui, ds, &mut m.sources);
    });
    f.emit(ds, AnyRecord::from(m));
}

/// Where a model's openness category can come from: its licence, or any source ("per [n] title").
fn basis_choices(ds: &Dataset) -> Vec<(OpennessBasis, String)> {
    std::iter::once((
        OpennessBasis::License,
        "inferred from the licence".to_owned(),
    ))
    .chain(
        source_candidates(ds)
            .into_iter()
            .filter_map(|(r, name)| match r {
                RecordRef::Source(id) => Some((OpennessBasis::Source(id), format!("per {name}"))),
                _ => None,
            }),
    )
    .collect()
}

/// The form of a model family.
pub fn family_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.families.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Family(old.id.clone()),
        actions,
    );
    grid("family_form").show(ui, |ui| {
        f.text_ui(ui, "Name", "name", &mut x.name);
        let mut dev = Some(RecordRef::Organization(x.developer.clone()));
        f.reference_ui(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(RecordRef::Organization(d)) = dev {
            x.developer = d;
        }
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
        f.sources_ui(ui, ds, &mut x.sources);
    });
    f.emit(ds, AnyRecord::from(x));
}

/// A new model family developed by `developer`, for the user to name and source.
pub fn new_family(ds: &Dataset, developer: &OrgId) -> AnyRecord {
    AnyRecord::from(crate::model::ModelFamily {
        id: FamilyId(fresh_id(ds, RecordKind::Family, "new-family")),
        name: "New family".into(),
        developer: developer.clone(),
        notes: String::new(),
        sources: Vec::new(),
    })
}
