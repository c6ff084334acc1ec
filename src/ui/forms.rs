//! Editing forms. Each field edits a copy of the record; a change becomes one undoable
//! `Action::Edit` (a typing burst in one field is one step), and leaving the field ends the burst.

use egui::Ui;

use crate::app::Action;
use crate::app::edit::{AnyRecord, replace_record};
use crate::app::history::CoalesceKey;
use crate::model::{Dataset, OrgKind, Organization, PartialDate, RecordRef};

/// A single-line text field bound to `value`; returns true when it changed. Ends the typing
/// burst when the field loses focus.
fn text_field_ui(ui: &mut Ui, label: &str, value: &mut String, actions: &mut Vec<Action>) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(egui::TextEdit::singleline(value).desired_width(360.0))
        .labelled_by(l.id);
    ui.end_row();
    if r.lost_focus() {
        actions.push(Action::SealEdit);
    }
    r.changed()
}

/// The form of an organization.
pub fn organization_form_ui(ui: &mut Ui, ds: &Dataset, pos: usize, actions: &mut Vec<Action>) {
    let Some(old) = ds.organizations.get(pos) else {
        return;
    };
    let mut o: Organization = old.clone();
    let mut changed_field: Option<&str> = None;
    egui::Grid::new("org_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if text_field_ui(ui, "Name", &mut o.name, actions) {
                changed_field = Some("name");
            }
            if text_field_ui(ui, "Name in its own script", &mut o.native_name, actions) {
                changed_field = Some("native_name");
            }
            if text_field_ui(ui, "Country", &mut o.country, actions) {
                changed_field = Some("country");
            }
            if text_field_ui(ui, "Headquarters", &mut o.headquarters, actions) {
                changed_field = Some("headquarters");
            }
            if text_field_ui(ui, "Sector", &mut o.sector, actions) {
                changed_field = Some("sector");
            }
            let l = ui.label("Kind");
            egui::ComboBox::from_id_salt("org_kind_edit")
                .selected_text(o.kind.label())
                .show_ui(ui, |ui| {
                    for k in [
                        OrgKind::Company,
                        OrgKind::AiLab,
                        OrgKind::ModelHub,
                        OrgKind::ResearchInstitute,
                        OrgKind::Government,
                        OrgKind::Media,
                        OrgKind::Other,
                    ] {
                        if ui.selectable_value(&mut o.kind, k, k.label()).changed() {
                            changed_field = Some("kind");
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Founded (YYYY, YYYY-MM or YYYY-MM-DD)");
            let mut founded = o.founded.map(|d| d.to_string()).unwrap_or_default();
            let r = ui
                .add(egui::TextEdit::singleline(&mut founded))
                .labelled_by(l.id);
            if r.changed() {
                match founded.trim() {
                    "" => {
                        o.founded = None;
                        changed_field = Some("founded");
                    }
                    t => {
                        if let Ok(d) = PartialDate::parse(t) {
                            o.founded = Some(d);
                            changed_field = Some("founded");
                        }
                    }
                }
            }
            if r.lost_focus() {
                actions.push(Action::SealEdit);
            }
            ui.end_row();
            let l = ui.label("Notes");
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut o.notes)
                        .desired_rows(3)
                        .desired_width(360.0),
                )
                .labelled_by(l.id);
            if r.changed() {
                changed_field = Some("notes");
            }
            if r.lost_focus() {
                actions.push(Action::SealEdit);
            }
            ui.end_row();
        });
    if let Some(field) = changed_field
        && let Some((label, edits)) = replace_record(ds, AnyRecord::from(o))
    {
        actions.push(Action::Edit {
            label,
            edits,
            coalesce: Some(CoalesceKey::field(
                RecordRef::Organization(old.id.clone()),
                field,
            )),
        });
    }
}
