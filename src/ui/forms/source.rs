//! The form of a source.

use egui::Ui;

use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::AnyRecord;
use crate::model::{Dataset, Problem, RecordRef, SourceKind};

/// The form of a source.
pub fn source_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.sources.get(pos) else {
        return;
    };
    let mut s = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Source(old.id.clone()),
        actions,
    );
    grid("source_form").show(ui, |ui| {
        f.text_ui(ui, "Title", "title", &mut s.title);
        f.text_ui(ui, "Publisher", "publisher", &mut s.publisher);
        f.text_ui(ui, "Author", "author", &mut s.author);
        f.date_ui(
            ui,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "date",
            &mut s.date,
        );
        f.text_ui(
            ui,
            "Address or other locator (as found)",
            "locator",
            &mut s.locator,
        );
        let mut kind = Some(s.kind);
        f.choice_ui(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &SourceKind::ALL.map(|k| (k, k.label())),
            false,
        );
        s.kind = kind.unwrap_or(s.kind);
        let others: Vec<(RecordRef, String)> = ds
            .sources
            .iter()
            .filter(|x| x.id != old.id)
            .map(|x| {
                (
                    RecordRef::Source(x.id.clone()),
                    crate::model::source_name(ds, x, crate::model::SourceName::Title),
                )
            })
            .collect();
        let mut via = s.via.clone().map(RecordRef::Source);
        f.reference_ui(ui, "Reprint or summary of", "via", &mut via, &others, true);
        s.via = match via {
            Some(RecordRef::Source(id)) => Some(id),
            _ => None,
        };
        f.multiline_ui(ui, "Notes", "notes", &mut s.notes);
    });
    f.emit(ds, AnyRecord::from(s));
}
