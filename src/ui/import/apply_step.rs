//! Step 4 of the import dialog: the source record every imported value cites, the rule for
//! values that differ from the dataset's, and the summary of what Apply will do.

use std::sync::Arc;

use super::{ImportDialog, Job, MATCH_ON_THREAD_ROWS};
use crate::import::ConflictChoice;
use crate::model::Dataset;
use crate::model::text::safe_line;

/// The step's contents (Apply and Cancel are in the dialog's footer).
pub fn ui(ui: &mut egui::Ui, d: &mut ImportDialog, ds: &Arc<Dataset>) {
    let before = (d.source.clone(), d.on_conflict);
    ui.label(format!(
        "The import adds one source record for the file; every imported value cites it with its row (\"{}\", row 2).",
        d.file_name()
    ));
    egui::Grid::new("import_source")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (label, text, hint) in [
                (
                    "Title",
                    &mut d.source.title,
                    "the table's title as published",
                ),
                ("Publisher", &mut d.source.publisher, "who publishes it"),
                (
                    "Retrieved",
                    &mut d.source.retrieved,
                    "the date you downloaded it: 2026-02-10",
                ),
                (
                    "Licence and credit",
                    &mut d.source.license,
                    "CC BY 4.0 (credit: ...)",
                ),
            ] {
                let l = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(480.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
    if let Err(e) = d.settings() {
        ui.colored_label(ui.visuals().warn_fg_color, e);
    }
    ui.add_space(4.0);
    ui.label("When a value in the file differs from the one the dataset has:");
    ui.horizontal(|ui| {
        for (choice, words, hover) in [
            (
                ConflictChoice::Both,
                "Keep both, recorded as a conflict",
                "The dataset's value stays; the file's is kept as a conflicting claim citing the file",
            ),
            (
                ConflictChoice::Keep,
                "Keep the dataset's value",
                "The file's value is not imported",
            ),
            (
                ConflictChoice::New,
                "Take the file's value",
                "The dataset's value is replaced by the file's",
            ),
        ] {
            ui.radio_value(&mut d.on_conflict, choice, words)
                .on_hover_text(hover);
        }
    });
    if (d.source.clone(), d.on_conflict) != before {
        d.forget_plan();
    }
    ui.separator();
    let settings = d.settings().ok();
    let file_name = d.file_name();
    let Some(built) = d.built.as_mut() else {
        ui.label("Accept the columns in step 2 first.");
        return;
    };
    if d.plan.is_none() && d.planning.is_none() {
        if let Some(s) = settings
            && built.import.settings != s
        {
            Arc::make_mut(&mut built.import).settings = s;
        }
        if built.import.rows.len() >= MATCH_ON_THREAD_ROWS {
            // A large import's summary is built on a thread; the dialog shows how it goes.
            let (import, ds) = (Arc::clone(&built.import), Arc::clone(ds));
            let from = Arc::clone(&import);
            let job = Job::start(import.rows.len(), move |_| Some(import.plan(&ds)));
            d.planning = Some((job, from));
        } else {
            d.plan = Some(built.import.plan(ds));
        }
    }
    if d.planning.is_some() {
        d.working_ui(ui);
        return;
    }
    let Some(plan) = &d.plan else {
        return;
    };
    ui.strong(format!(
        "Apply will import {} of {} rows from {} as one step ({} undoes it):",
        plan.rows_imported,
        built.import.rows.len(),
        file_name,
        crate::ui::UiCommand::Undo.shortcut_text(ui.ctx())
    ));
    for line in plan.summary_lines() {
        ui.label(format!("• {line}"));
    }
    egui::ScrollArea::vertical()
        .id_salt("import_apply_lists")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            list_ui(
                ui,
                "import_skipped",
                &format!("{} rows skipped", plan.skipped.len()),
                plan.skipped.iter().map(|s| {
                    if s.row == 0 {
                        s.reason.clone()
                    } else {
                        format!("Row {}: {}", s.row, s.reason)
                    }
                }),
            );
            list_ui(
                ui,
                "import_conflicts",
                &format!("{} values differ from the dataset's", plan.conflicts.len()),
                plan.conflicts.iter().cloned(),
            );
            list_ui(
                ui,
                "import_cell_problems",
                &format!("{} cells do not parse", plan.problems.len()),
                plan.problems.iter().map(|p| {
                    format!(
                        "Row {}, column {} \"{}\": {}",
                        p.row, p.column, p.header, p.message
                    )
                }),
            );
        });
}

/// A collapsed list of lines, the first 500 shown.
fn list_ui(ui: &mut egui::Ui, id: &str, title: &str, lines: impl ExactSizeIterator<Item = String>) {
    let n = lines.len();
    if n == 0 {
        return;
    }
    egui::CollapsingHeader::new(title)
        .id_salt(id)
        .show(ui, |ui| {
            for line in lines.take(500) {
                ui.label(safe_line(&line));
            }
            if n > 500 {
                ui.weak(format!("and {} more", n - 500));
            }
        });
}
