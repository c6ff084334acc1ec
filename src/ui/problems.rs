//! The problems panel: what validation found, errors and warnings, each a click away from its
//! record.

use crate::app::{Action, AppState};
use crate::model::field_words::problem_text;
use crate::model::text::safe_line;
use crate::model::{RecordRef, ScanLists};

/// Lists the problems of the open dataset, warnings labelled and coloured as such; clicking one
/// selects its record.
pub fn problems_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let problems = &state.doc.problems;
    let warnings = problems.iter().filter(|p| p.is_warning()).count();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Problems ({})", problems.len() - warnings));
        if warnings > 0 {
            ui.strong(format!("Warnings ({warnings})"))
                .on_hover_text("Allowed, but worth a look: saving and `check` do not stop at them");
        }
        if problems.is_empty() {
            ui.weak("The dataset passes every check.");
        } else {
            ui.weak("Click a problem to show its record.");
        }
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let warn = ui.visuals().warn_fg_color;
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            crate::ui::layout::a11y::scroll_view(ui, true, false);
            for p in &problems[range] {
                // "Record name, field label: message", after "warning: " for a warning; names
                // and messages quote the file: escaped and cut to one line.
                let ds = state.doc.dataset.as_ref();
                let line = problem_text(ds, &ScanLists, p);
                let mut text = egui::RichText::new(safe_line(&line).into_owned());
                if p.is_warning() {
                    text = text.color(warn);
                }
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
