//! Step 3 of the import dialog: each row's decision (matched to a record, new, ambiguous with
//! its candidates, skipped), changeable one row at a time or in bulk.

use super::{ImportDialog, RowFilter};
use crate::import::{Decision, ImportKind, Proposal, RowMatch};
use crate::model::Dataset;
use crate::model::text::safe_line;

/// The name of the record at `i` of the kind's list.
fn name_at(ds: &Dataset, kind: ImportKind, i: usize) -> String {
    let name = match kind {
        ImportKind::Organizations => ds.organizations.get(i).map(|o| o.name.as_str()),
        _ => ds.models.get(i).map(|m| m.name.as_str()),
    };
    safe_line(name.unwrap_or("a record no longer there")).into_owned()
}

/// A decision in words: "matched to Qwen2.5-72B", "new record", "skipped".
fn decision_words(ds: &Dataset, kind: ImportKind, d: &Decision) -> String {
    match d {
        Decision::Match(i) => format!("matched to {}", name_at(ds, kind, *i)),
        Decision::New => "new record".into(),
        Decision::Skip => "skipped".into(),
    }
}

/// What matching found, in words.
fn proposal_words(ds: &Dataset, kind: ImportKind, p: &Proposal) -> String {
    match p {
        Proposal::ById(i) => format!("same id as {}", name_at(ds, kind, *i)),
        Proposal::ByName(i) => format!("same name as {}", name_at(ds, kind, *i)),
        Proposal::Candidates(c) => {
            let names: Vec<String> = c
                .iter()
                .map(|(i, s)| format!("{} ({:.0}%)", name_at(ds, kind, *i), s * 100.0))
                .collect();
            format!("ambiguous: could be {}", names.join(", "))
        }
        Proposal::Nothing => "nothing like it in the dataset".into(),
        Proposal::NoName => "the row has no name".into(),
    }
}

fn shown(filter: RowFilter, m: &RowMatch) -> bool {
    match filter {
        RowFilter::All => true,
        RowFilter::Ambiguous => matches!(m.proposal, Proposal::Candidates(_)),
        RowFilter::New => m.decision == Decision::New,
        RowFilter::Matched => matches!(m.decision, Decision::Match(_)),
        RowFilter::Skipped => m.decision == Decision::Skip,
    }
}

fn filter_words(f: RowFilter) -> &'static str {
    match f {
        RowFilter::All => "all rows",
        RowFilter::Ambiguous => "ambiguous rows",
        RowFilter::New => "new records",
        RowFilter::Matched => "matched rows",
        RowFilter::Skipped => "skipped rows",
    }
}

/// The step's contents.
pub fn ui(ui: &mut egui::Ui, d: &mut ImportDialog, ds: &Dataset) {
    let Some(built) = d.built.as_mut() else {
        ui.label("Accept the columns in step 2 first.");
        return;
    };
    let import = std::sync::Arc::make_mut(&mut built.import);
    let kind = import.mapping.kind;
    let count = |f: RowFilter| import.matches.iter().filter(|m| shown(f, m)).count();
    ui.label(format!(
        "{} rows: {} matched, {} new, {} ambiguous, {} skipped.",
        import.matches.len(),
        count(RowFilter::Matched),
        count(RowFilter::New),
        count(RowFilter::Ambiguous),
        count(RowFilter::Skipped),
    ));
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui
            .button("Accept all exact matches")
            .on_hover_text("Every row with the same id or name as a record updates that record")
            .clicked()
        {
            import.accept_all_exact();
            changed = true;
        }
        if ui
            .button("All unmatched as new")
            .on_hover_text(
                "Every row without a match, ambiguous ones included, becomes a new record",
            )
            .clicked()
        {
            import.all_unmatched_as_new();
            changed = true;
        }
        ui.separator();
        let l = ui.label("Show:");
        egui::ComboBox::from_id_salt("import_row_filter")
            .selected_text(filter_words(d.row_filter))
            .show_ui(ui, |ui| {
                for f in [
                    RowFilter::All,
                    RowFilter::Ambiguous,
                    RowFilter::New,
                    RowFilter::Matched,
                    RowFilter::Skipped,
                ] {
                    ui.selectable_value(&mut d.row_filter, f, filter_words(f));
                }
            })
            .response
            .labelled_by(l.id);
    });
    let order: Vec<usize> = (0..import.matches.len())
        .filter(|&i| shown(d.row_filter, &import.matches[i]))
        .collect();
    let mut decided: Option<(usize, Decision)> = None;
    egui_extras::TableBuilder::new(ui)
        .id_salt("import_rows")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .column(egui_extras::Column::exact(50.0))
        .column(egui_extras::Column::initial(220.0).clip(true))
        .column(egui_extras::Column::initial(260.0))
        .column(egui_extras::Column::remainder().clip(true))
        .header(22.0, |mut h| {
            for title in ["Row", "Name in the file", "Decision", "What matching found"] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, order.len(), |mut row| {
                let i = order[row.index()];
                let m = &import.matches[i];
                let problems = import.rows.get(i).map_or(0, |r| r.problems.len());
                row.col(|ui| {
                    ui.weak(m.row.to_string());
                });
                let mut name_id = None;
                row.col(|ui| {
                    name_id = Some(ui.add(egui::Label::new(safe_line(&m.name)).truncate()).id);
                });
                row.col(|ui| {
                    if let Some(d) = decision_ui(ui, ds, kind, i, m, name_id) {
                        decided = Some((i, d));
                    }
                });
                row.col(|ui| {
                    let mut text = proposal_words(ds, kind, &m.proposal);
                    match problems {
                        0 => {}
                        1 => text.push_str("; 1 cell does not parse"),
                        n => text.push_str(&format!("; {n} cells do not parse")),
                    }
                    ui.add(egui::Label::new(text).truncate());
                });
            });
        });
    if let Some((i, decision)) = decided {
        import.decide(i, decision);
        changed = true;
    }
    if changed {
        d.forget_plan();
    }
}

/// The decision chooser of one row: new, skip, or match one of the records found.
fn decision_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    kind: ImportKind,
    i: usize,
    m: &RowMatch,
    label: Option<egui::Id>,
) -> Option<Decision> {
    let mut choices = vec![Decision::New, Decision::Skip];
    match &m.proposal {
        Proposal::ById(r) | Proposal::ByName(r) => choices.push(Decision::Match(*r)),
        Proposal::Candidates(c) => choices.extend(c.iter().map(|(r, _)| Decision::Match(*r))),
        Proposal::Nothing | Proposal::NoName => {}
    }
    if !choices.contains(&m.decision) {
        choices.push(m.decision.clone());
    }
    let mut picked = None;
    let mut response = egui::ComboBox::from_id_salt(("import_decision", i))
        .selected_text(decision_words(ds, kind, &m.decision))
        .width(250.0)
        .show_ui(ui, |ui| {
            for c in choices {
                let on = c == m.decision;
                if ui
                    .selectable_label(on, decision_words(ds, kind, &c))
                    .clicked()
                    && !on
                {
                    picked = Some(c);
                }
            }
        })
        .response;
    if let Some(id) = label {
        response = response.labelled_by(id);
    }
    let _ = response;
    picked
}
