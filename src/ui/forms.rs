//! Editing forms. Each field edits a copy of the record; a change becomes one undoable
//! `Action::Edit` (a typing burst in one field is one step), and leaving the field ends the burst.

use egui::Ui;

use crate::app::Action;
use crate::app::edit::{AnyRecord, replace_record};
use crate::app::history::CoalesceKey;
use crate::model::{Dataset, OrgKind, Organization, PartialDate, Problem, RecordKind, RecordRef};

/// Shows, in the form's third column, what validation says about `field` (nothing when valid).
fn field_problem_ui(ui: &mut Ui, problems: &[&Problem], field: &str) {
    let msgs: Vec<&str> = problems
        .iter()
        .filter(|p| p.field == field || p.field.starts_with(&format!("{field}[")))
        .map(|p| p.message.as_str())
        .collect();
    if msgs.is_empty() {
        ui.label("");
    } else {
        ui.colored_label(ui.visuals().error_fg_color, msgs.join("; "));
    }
}

/// A single-line text field bound to `value`; returns true when it changed. Ends the typing
/// burst when the field loses focus.
fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    field: &str,
    value: &mut String,
    problems: &[&Problem],
    actions: &mut Vec<Action>,
) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(egui::TextEdit::singleline(value).desired_width(360.0))
        .labelled_by(l.id);
    field_problem_ui(ui, problems, field);
    ui.end_row();
    if r.lost_focus() {
        actions.push(Action::SealEdit);
    }
    r.changed()
}

/// The form of an organization.
pub fn organization_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    all_problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.organizations.get(pos) else {
        return;
    };
    let problems: Vec<&Problem> = all_problems
        .iter()
        .filter(|p| p.kind == RecordKind::Organization && p.id == old.id.as_str())
        .collect();
    let mut o: Organization = old.clone();
    let mut changed_field: Option<&str> = None;
    egui::Grid::new("org_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if text_field_ui(ui, "Name", "name", &mut o.name, &problems, actions) {
                changed_field = Some("name");
            }
            if text_field_ui(
                ui,
                "Name in its own script",
                "native_name",
                &mut o.native_name,
                &problems,
                actions,
            ) {
                changed_field = Some("native_name");
            }
            if text_field_ui(ui, "Country", "country", &mut o.country, &problems, actions) {
                changed_field = Some("country");
            }
            if text_field_ui(
                ui,
                "Headquarters",
                "headquarters",
                &mut o.headquarters,
                &problems,
                actions,
            ) {
                changed_field = Some("headquarters");
            }
            if text_field_ui(ui, "Sector", "sector", &mut o.sector, &problems, actions) {
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
