//! The problems panel: what validation found, each a click away from its record.

use crate::app::{Action, AppState};
use crate::model::RecordRef;
use crate::model::text::{safe_line, safe_text};

/// At most this many characters of a record's id or a field path are shown in a problem.
const ID_CAP: usize = 60;

/// Lists the problems of the open dataset; clicking one selects its record.
pub fn problems_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let problems = &state.doc.problems;
    ui.horizontal(|ui| {
        ui.strong(format!("Problems ({})", problems.len()));
        if problems.is_empty() {
            ui.weak("The dataset passes every check.");
        } else {
            ui.weak("Click a problem to show its record.");
        }
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for p in &problems[range] {
                // Ids and messages quote the file: escaped and cut, as `check` prints them.
                let text = format!(
                    "{} {}: {}: {}",
                    p.kind,
                    safe_text(&p.id, ID_CAP, false),
                    safe_text(&p.field, ID_CAP, false),
                    safe_line(&p.message)
                );
                match RecordRef::from_kind_and_id(p.kind, &p.id) {
                    Some(r) => {
                        if ui.link(text).on_hover_text("Show this record").clicked() {
                            actions.push(Action::Select(r));
                        }
                    }
                    None => {
                        ui.label(text);
                    }
                }
            }
        });
}
