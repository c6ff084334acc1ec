//! The form of a conflict: how records disagree, and which records.

use egui::Ui;

use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::AnyRecord;
use crate::model::{ConflictKind, Dataset, Problem, RecordKind, RecordRef};

/// The form of a conflict: how the records disagree, and which records.
pub fn conflict_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.conflicts.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Conflict(old.id.clone()),
        actions,
    );
    grid("conflict_form").show(ui, |ui| {
        let mut kind = Some(x.kind);
        f.choice_ui(
            ui,
            "How they disagree",
            "kind",
            &mut kind,
            &[
                (ConflictKind::Contradiction, "Contradiction"),
                (
                    ConflictKind::DifferentMeasure,
                    "Different measure of the same thing",
                ),
            ],
            false,
        );
        x.kind = kind.unwrap_or(x.kind);
        f.multiline_ui(ui, "Description", "description", &mut x.description);
    });
    ui.label(egui::RichText::new("Records that disagree").strong());
    let mut remove = None;
    for (i, r) in x.records.iter().enumerate() {
        ui.horizontal(|ui| {
            let (kind, id) = r.kind_and_id();
            ui.label(format!("{kind} {id}"));
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this record from the conflict")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        x.records.remove(i);
        f.changed = Some("records");
        f.actions.push(Action::SealEdit);
    }
    grid("conflict_add").show(ui, |ui| {
        let mut add: Option<String> = None;
        f.reference_ui(
            ui,
            "Add a record",
            "records",
            &mut add,
            &conflict_candidates(ds),
            true,
        );
        if let Some(r) = add.as_deref().and_then(ref_from_key)
            && !x.records.contains(&r)
        {
            x.records.push(r);
            f.changed = Some("records");
        }
    });
    f.emit(ds, AnyRecord::from(x));
}

/// Records a conflict can name, as ("<kind>:<id>", description).
fn conflict_candidates(ds: &Dataset) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(ds.claims.iter().map(|c| {
        (
            format!("claim:{}", c.id),
            format!("claim: {}", crate::model::format::claim_text(c)),
        )
    }));
    out.extend(
        ds.adoptions
            .iter()
            .map(|a| (format!("adoption:{}", a.id), format!("adoption: {}", a.id))),
    );
    out.extend(
        ds.models
            .iter()
            .map(|m| (format!("model:{}", m.id), format!("model: {}", m.name))),
    );
    out.extend(ds.organizations.iter().map(|o| {
        (
            format!("organization:{}", o.id),
            format!("organization: {}", o.name),
        )
    }));
    out.extend(ds.roles.iter().map(|r| {
        (
            format!("role:{}", r.id),
            format!("role: {} ({})", r.title, r.person),
        )
    }));
    out.extend(
        ds.events
            .iter()
            .map(|e| (format!("event:{}", e.id), format!("event: {}", e.title))),
    );
    out.extend(
        ds.series
            .iter()
            .map(|s| (format!("series:{}", s.id), format!("series: {}", s.name))),
    );
    out
}

/// The record a picker key (from [`conflict_candidates`]) stands for.
fn ref_from_key(k: &str) -> Option<RecordRef> {
    let (kind, id) = k.split_once(':')?;
    let kind = match kind {
        "claim" => RecordKind::Claim,
        "adoption" => RecordKind::Adoption,
        "model" => RecordKind::Model,
        "organization" => RecordKind::Organization,
        "role" => RecordKind::Role,
        "event" => RecordKind::Event,
        "series" => RecordKind::Series,
        _ => return None,
    };
    RecordRef::from_kind_and_id(kind, id)
}
