//! The form of a conflict: how records disagree, and which records.

use egui::Ui;

use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::AnyRecord;
use crate::model::{ConflictKind, Dataset, NameStyle, Problem, RecordRef, ScanLists, record_name};

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
            &ConflictKind::ALL.map(|k| (k, k.label())),
            false,
        );
        x.kind = kind.unwrap_or(x.kind);
        f.multiline_ui(ui, "Description", "description", &mut x.description);
    });
    ui.label(egui::RichText::new("Records that disagree").strong());
    let mut remove = None;
    for (i, r) in x.records.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let name = record_name(ds, &ScanLists, r, NameStyle::Link);
            ui.label(format!("{}: {name}", r.kind_and_id().0));
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
        let mut add: Option<RecordRef> = None;
        f.reference_ui(
            ui,
            "Add a record",
            "records",
            &mut add,
            &conflict_candidates(ds),
            true,
        );
        if let Some(r) = add
            && !x.records.contains(&r)
        {
            x.records.push(r);
            f.changed = Some("records");
        }
    });
    f.emit(ds, AnyRecord::from(x));
}

/// Records a conflict can name, as (record, "<kind>: <description>").
fn conflict_candidates(ds: &Dataset) -> Vec<(RecordRef, String)> {
    let mut out: Vec<(RecordRef, String)> = Vec::new();
    out.extend(ds.claims.iter().map(|c| {
        (
            RecordRef::Claim(c.id.clone()),
            format!("claim: {}", crate::model::format::claim_text(c)),
        )
    }));
    out.extend(ds.adoptions.iter().map(|a| {
        (
            RecordRef::Adoption(a.id.clone()),
            format!(
                "adoption: {}",
                record_name(
                    ds,
                    &ScanLists,
                    &RecordRef::Adoption(a.id.clone()),
                    NameStyle::Plain
                )
            ),
        )
    }));
    out.extend(
        ds.models
            .iter()
            .map(|m| (RecordRef::Model(m.id.clone()), format!("model: {}", m.name))),
    );
    out.extend(ds.organizations.iter().map(|o| {
        (
            RecordRef::Organization(o.id.clone()),
            format!("organization: {}", o.name),
        )
    }));
    out.extend(ds.roles.iter().map(|r| {
        (
            RecordRef::Role(r.id.clone()),
            format!(
                "role: {}",
                record_name(
                    ds,
                    &ScanLists,
                    &RecordRef::Role(r.id.clone()),
                    NameStyle::Plain
                )
            ),
        )
    }));
    out.extend(ds.events.iter().map(|e| {
        (
            RecordRef::Event(e.id.clone()),
            format!("event: {}", e.title),
        )
    }));
    out.extend(ds.series.iter().map(|s| {
        (
            RecordRef::Series(s.id.clone()),
            format!("series: {}", s.name),
        )
    }));
    out
}
