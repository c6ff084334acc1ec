//! All claims as one editable table.

use egui::Ui;

use super::choices::subject_candidates;
use super::claim::new_claim;
use super::fields::cell_buffer_ui;
use crate::app::Action;
use crate::app::edit::{AnyRecord, replace_record};
use crate::app::history::CoalesceKey;
use crate::io::tsv::parse_cell_number;
use crate::model::{Claim, ClaimValue, Dataset, Qualifier, RecordRef, Subject};
use crate::ui::command::UiCommand;

/// Column the claims table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimSort {
    /// File order.
    #[default]
    File,
    /// By what the claim is about.
    About,
    /// By measure.
    Measure,
    /// By value.
    Value,
    /// By date.
    When,
}

/// The claims table: edit value, qualifier, baseline and quote in place, delete a row, sort by
/// a column, add a row (a claim about the selected record's subject is added from its detail view).
pub fn claims_table_ui(ui: &mut Ui, ds: &Dataset, sort: &mut ClaimSort, actions: &mut Vec<Action>) {
    let mut order: Vec<usize> = (0..ds.claims.len()).collect();
    // What a claim is about, by name ("Pinterest / Qwen (family)"), never by id.
    let about = |c: &Claim| crate::model::subject_name(ds, &crate::model::ScanLists, &c.subject);
    match sort {
        ClaimSort::File => {}
        ClaimSort::About => order.sort_by_cached_key(|&i| about(&ds.claims[i])),
        ClaimSort::Measure => order.sort_by_key(|&i| ds.claims[i].metric.label()),
        ClaimSort::Value => order.sort_by(|&a, &b| {
            let v = |i: usize| match ds.claims[i].value {
                ClaimValue::Number(n) | ClaimValue::Range(n, _) => n,
                _ => f64::NEG_INFINITY,
            };
            v(a).total_cmp(&v(b))
        }),
        ClaimSort::When => order.sort_by_key(|&i| ds.claims[i].when.as_ref().map(|w| w.end())),
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} claims.", ds.claims.len()));
        ui.weak(format!(
            "Click a column title to sort; edit cells in place ({} undoes).",
            UiCommand::Undo.shortcut_text(ui.ctx())
        ));
    });
    // Adding a row starts from what the new claim is about; the rest is filled in its form.
    let mut about_pick: Option<RecordRef> = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Add a claim about:");
        egui::ComboBox::from_id_salt("claims_table_add")
            .selected_text("choose a record")
            .width(320.0)
            .show_ui(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for (record, name) in subject_candidates(ds) {
                            if ui.selectable_label(false, name).clicked() {
                                about_pick = Some(record);
                            }
                        }
                    });
            })
            .response
            .labelled_by(l.id);
    });
    if let Some(subject) = about_pick.as_ref().and_then(Subject::from_record_ref) {
        actions.push(Action::Insert(Box::new(new_claim(ds, subject))));
    }
    let mut delete: Option<usize> = None;
    // One scroll area for both ways, so a narrow window scrolls the table instead of cutting
    // its columns off.
    egui::ScrollArea::both()
        .id_salt("claims_table_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::layout::a11y::scroll_view(ui, true, true);
            egui_extras::TableBuilder::new(ui)
                .id_salt("claims_table")
                .vscroll(false)
                .striped(true)
                .resizable(true)
                .column(egui_extras::Column::initial(130.0))
                .column(egui_extras::Column::initial(140.0))
                .column(egui_extras::Column::initial(110.0))
                .column(egui_extras::Column::initial(90.0))
                .column(egui_extras::Column::initial(170.0))
                .column(egui_extras::Column::initial(90.0))
                .column(egui_extras::Column::remainder())
                .column(egui_extras::Column::exact(60.0))
                .header(22.0, |mut h| {
                    for (title, s) in [
                        ("About", Some(ClaimSort::About)),
                        ("Measure", Some(ClaimSort::Measure)),
                        ("Value", Some(ClaimSort::Value)),
                        ("Qualifier", None),
                        ("Baseline", None),
                        ("When", Some(ClaimSort::When)),
                        ("Quote", None),
                        ("", None),
                    ] {
                        h.col(|ui| match s {
                            Some(s) => {
                                let text = if *sort == s {
                                    format!("{title} (sorted)")
                                } else {
                                    title.to_owned()
                                };
                                if ui
                                    .button(text)
                                    .on_hover_text("Sort by this column")
                                    .clicked()
                                {
                                    *sort = if *sort == s { ClaimSort::File } else { s };
                                }
                            }
                            None => {
                                ui.strong(title);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, order.len(), |mut row| {
                        let i = order[row.index()];
                        let old = &ds.claims[i];
                        let mut c = old.clone();
                        let mut field: Option<&'static str> = None;
                        row.col(|ui| {
                            ui.add(egui::Label::new(about(old)).truncate());
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(old.metric.label()).truncate());
                        });
                        row.col(|ui| match &mut c.value {
                            ClaimValue::Number(n) => {
                                let mut v = Some(*n);
                                let id = ui.make_persistent_id(("claim_value_cell", &old.id));
                                cell_buffer_ui(
                                    ui,
                                    id,
                                    &mut v,
                                    |v| v.map(|v| v.to_string()).unwrap_or_default(),
                                    |t| parse_cell_number(t).map(Some),
                                );
                                if let Some(v) = v
                                    && v != *n
                                {
                                    *n = v;
                                    field = Some("value");
                                }
                            }
                            other => {
                                ui.label(crate::model::format::value_text(
                                    other,
                                    &old.unit,
                                    Qualifier::Exact,
                                ));
                            }
                        });
                        row.col(|ui| {
                            let before = c.qualifier;
                            egui::ComboBox::from_id_salt(("claim_q", &old.id))
                                .selected_text(c.qualifier.label())
                                .show_ui(ui, |ui| {
                                    for q in Qualifier::ALL {
                                        ui.selectable_value(&mut c.qualifier, q, q.label());
                                    }
                                })
                                .response
                                .on_hover_text("Qualifier");
                            if c.qualifier != before {
                                field = Some("qualifier");
                            }
                        });
                        row.col(|ui| {
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(&mut c.baseline)
                                        .desired_width(160.0),
                                )
                                .on_hover_text("Baseline");
                            if r.changed() {
                                field = Some("baseline");
                            }
                            if r.lost_focus() {
                                actions.push(Action::SealEdit);
                            }
                        });
                        row.col(|ui| {
                            ui.label(
                                old.when
                                    .as_ref()
                                    .map(crate::model::format::when_text)
                                    .unwrap_or_default(),
                            );
                        });
                        row.col(|ui| {
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(&mut c.quote)
                                        .desired_width(f32::INFINITY),
                                )
                                .on_hover_text("Quote (verbatim)");
                            if r.changed() {
                                field = Some("quote");
                            }
                            if r.lost_focus() {
                                actions.push(Action::SealEdit);
                            }
                        });
                        row.col(|ui| {
                            if ui
                                .small_button("Delete")
                                .on_hover_text("Delete this claim")
                                .clicked()
                            {
                                delete = Some(i);
                            }
                        });
                        if let Some(field) = field
                            && let Some((label, edits)) = replace_record(ds, AnyRecord::from(c))
                        {
                            actions.push(Action::Edit {
                                label,
                                edits,
                                coalesce: Some(CoalesceKey::field(
                                    RecordRef::Claim(old.id.clone()),
                                    field,
                                )),
                            });
                        }
                    });
                });
        });
    if let Some(i) = delete {
        actions.push(Action::AskDelete(RecordRef::Claim(ds.claims[i].id.clone())));
    }
}
