//! The form of an event.

use egui::Ui;

use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::AnyRecord;
use crate::model::{Dataset, EventKind, Problem, RecordRef};

/// The form of an event.
pub fn event_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.events.get(pos) else {
        return;
    };
    let mut e = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Event(old.id.clone()),
        actions,
    );
    grid("event_form").show(ui, |ui| {
        f.text_ui(ui, "Title", "title", &mut e.title);
        f.date_ui(
            ui,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "date",
            &mut e.date,
        );
        let mut kind = Some(e.kind);
        f.choice_ui(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &EventKind::ALL.map(|k| (k, k.label())),
            false,
        );
        e.kind = kind.unwrap_or(e.kind);
        f.multiline_ui(ui, "Description", "description", &mut e.description);
        f.sources_ui(ui, ds, &mut e.sources);
    });
    f.emit(ds, AnyRecord::from(e));
}
