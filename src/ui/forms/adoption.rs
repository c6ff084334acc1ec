//! The form of an adoption with its dated status history, and a new adoption (with no model or
//! family until the user picks one).

use egui::Ui;

use super::choices::org_candidates;
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id};
use crate::model::{
    Adoption, AdoptionId, AdoptionStatus, AdoptionTarget, Dataset, OrgId, Problem, RecordKind,
    RecordRef, StatusDate, StatusEntry,
};

/// The form of an adoption, with its dated status history.
pub fn adoption_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.adoptions.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Adoption(old.id.clone()),
        actions,
    );
    grid("adoption_form").show(ui, |ui| {
        let mut org = Some(RecordRef::Organization(x.organization.clone()));
        f.reference_ui(
            ui,
            "Organization",
            "organization",
            &mut org,
            &org_candidates(ds),
            false,
        );
        if let Some(RecordRef::Organization(o)) = org {
            x.organization = o;
        }
        let mut target = x.target.as_ref().map(AdoptionTarget::as_record_ref);
        f.required_reference_ui(
            ui,
            "Uses (model or family)",
            "target",
            &mut target,
            &target_candidates(ds),
            "Choose the model or family this organization uses",
        );
        if let Some(t) = target.as_ref().and_then(AdoptionTarget::from_record_ref) {
            x.target = Some(t);
        }
        let mut uses = x.use_cases.join(", ");
        f.text_ui(ui, "Use cases (comma-separated)", "use_cases", &mut uses);
        if f.changed == Some("use_cases") {
            x.use_cases = uses
                .split(',')
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty())
                .collect();
        }
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
        f.sources_ui(ui, ds, &mut x.sources);
    });
    ui.label(egui::RichText::new("Status history (oldest first)").strong());
    let mut remove = None;
    for (i, entry) in x.status.iter_mut().enumerate() {
        ui.push_id(("status_entry", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                grid("status_form").show(ui, |ui| {
                    let mut st = Some(entry.status);
                    f.choice_ui(
                        ui,
                        "Status",
                        "status",
                        &mut st,
                        &AdoptionStatus::ALL.map(|k| (k, k.label())),
                        false,
                    );
                    entry.status = st.unwrap_or(entry.status);
                    f.date_ui(ui, "Date", "status_date", &mut entry.date);
                    let mut means = Some(entry.date_means);
                    f.choice_ui(
                        ui,
                        "The date says",
                        "status_date_means",
                        &mut means,
                        &StatusDate::ALL.map(|k| (k, date_means_label(k))),
                        false,
                    );
                    entry.date_means = means.unwrap_or(entry.date_means);
                    f.text_ui(ui, "Notes", "status_notes", &mut entry.notes);
                    f.sources_ui(ui, ds, &mut entry.sources);
                });
                if ui.button("Remove this step").clicked() {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        x.status.remove(i);
        f.changed = Some("status");
    }
    if ui.button("+ Add a status step").clicked() {
        x.status.push(StatusEntry {
            status: AdoptionStatus::Experimenting,
            date: None,
            date_means: StatusDate::AsOf,
            notes: String::new(),
            sources: Vec::new(),
        });
        f.changed = Some("status");
        f.actions.push(Action::SealEdit);
    }
    f.emit(ds, AnyRecord::from(x));
}

/// What a status step's date means, as the form offers it.
fn date_means_label(k: StatusDate) -> &'static str {
    match k {
        StatusDate::Since => "since (the stage was reached then)",
        StatusDate::AsOf => "reported as of (perhaps reached earlier)",
    }
}

/// Families and models as one list of adoption targets.
fn target_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    ds.families
        .iter()
        .map(|x| {
            (
                RecordRef::Family(x.id.clone()),
                format!("{} (family)", x.name),
            )
        })
        .chain(
            ds.models
                .iter()
                .map(|m| (RecordRef::Model(m.id.clone()), m.name.clone())),
        )
        .collect()
}

/// A new adoption by `org`, with no model or family until the user picks one (validation reports
/// "no model or family chosen yet" meanwhile).
pub fn new_adoption(ds: &Dataset, org: &OrgId) -> AnyRecord {
    AnyRecord::from(Adoption {
        id: AdoptionId(fresh_id(
            ds,
            RecordKind::Adoption,
            &format!("{org}-adoption"),
        )),
        organization: org.clone(),
        target: None,
        use_cases: Vec::new(),
        status: Vec::new(),
        notes: String::new(),
        sources: Vec::new(),
    })
}
