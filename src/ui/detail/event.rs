//! The detail view of an event: date, description, related records.

use egui::Ui;

use super::DetailCtx;
use super::citations::sources_ui;
use super::conflicts::conflicts_ui;
use super::widgets::{fact_ui, heading_ui, paragraph, record_link_ui, section_ui, unknown_ui};
use crate::app::explorer::RecordAt;
use crate::model::RecordKind;

/// The detail view of an event.
pub(super) fn event_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let e = &c.ds.events[pos];
    heading_ui(ui, &format!("Event · {}", e.kind.label()), &e.title, "");
    egui::Grid::new("event_facts")
        .num_columns(2)
        .show(ui, |ui| {
            fact_ui(ui, "Date", |ui| match e.date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &e.sources));
        });
    if !e.description.is_empty() {
        ui.add_space(4.0);
        ui.label(paragraph(&e.description));
    }
    section_ui(ui, "Related");
    if e.related.is_empty() {
        ui.weak("No related records.");
    }
    for r in &e.related {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("{}:", r.kind_and_id().0));
            record_link_ui(ui, c, r.clone());
        });
    }
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Event, pos)]);
}
