//! The forms of a model and of a model family, and a new family.

use egui::Ui;

use super::choices::org_candidates;
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id};
use crate::model::{
    Architecture, Dataset, FamilyId, Openness, OrgId, Problem, RecordKind, RecordRef,
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
        let mut dev = Some(m.developer.to_string());
        f.reference_ui(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(d) = dev {
            m.developer = OrgId(d);
        }
        let families: Vec<(String, String)> = ds
            .families
            .iter()
            .map(|x| (x.id.to_string(), x.name.clone()))
            .collect();
        let mut fam = m.family.as_ref().map(ToString::to_string);
        f.reference_ui(ui, "Family", "family", &mut fam, &families, true);
        m.family = fam.map(FamilyId);
        f.date_ui(
            ui,
            "Released (YYYY, YYYY-MM or YYYY-MM-DD)",
            "release_date",
            &mut m.release_date,
        );
        let openness: Vec<(Openness, &str)> =
            Openness::ALL.iter().map(|o| (*o, o.label())).collect();
        f.choice_ui(ui, "Openness", "openness", &mut m.openness, &openness, true);
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
        f.choice_ui(
            ui,
            "Architecture",
            "architecture",
            &mut m.architecture,
            &[
                (Architecture::Dense, "Dense"),
                (Architecture::MixtureOfExperts, "Mixture of experts"),
            ],
            true,
        );
        f.number_ui(
            ui,
            "Context length (thousands of tokens)",
            "context_k_tokens",
            &mut m.context_k_tokens,
        );
        f.multiline_ui(ui, "Notes", "notes", &mut m.notes);
        f.sources_ui(ui, ds, &mut m.sources);
    });
    f.emit(ds, AnyRecord::from(m));
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
        let mut dev = Some(x.developer.to_string());
        f.reference_ui(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(d) = dev {
            x.developer = OrgId(d);
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
