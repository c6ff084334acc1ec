//! Small building blocks of the detail views: headings, sections, fact rows, notes, links to
//! records and the list of related events.

use egui::{RichText, Ui};

use super::Ctx;
use super::names::name_of;
use crate::app::Action;
use crate::app::explorer::RecordAt;
use crate::model::RecordRef;

pub(super) fn heading_ui(ui: &mut Ui, kind: &str, title: &str, native: &str) {
    ui.weak(kind);
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(title).strong());
        if !native.is_empty() {
            ui.heading(native);
        }
    });
}

pub(super) fn section_ui(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.separator();
}

/// A row "label: value" in a fact grid.
pub(super) fn fact_ui(ui: &mut Ui, label: &str, value: impl FnOnce(&mut Ui)) {
    ui.weak(label);
    ui.horizontal_wrapped(|ui| value(ui));
    ui.end_row();
}

pub(super) fn unknown_ui(ui: &mut Ui) {
    ui.weak("unknown");
}

pub(super) fn text_or_unknown(ui: &mut Ui, text: &str) {
    if text.trim().is_empty() {
        unknown_ui(ui);
    } else {
        ui.label(text);
    }
}

/// A link to a record: clicking selects it.
pub(super) fn link_ui(ui: &mut Ui, c: &mut Ctx<'_>, text: &str, r: RecordRef) {
    let text = if text.trim().is_empty() {
        "(no name)"
    } else {
        text
    };
    let exists = c.ix.resolve(&r).is_some();
    if !exists {
        ui.label(RichText::new(format!("{text} (missing)")).italics());
        return;
    }
    let kind = r.kind_and_id().0;
    if ui
        .link(text)
        .on_hover_text(format!("Show this {kind}"))
        .clicked()
    {
        c.actions.push(Action::Select(r));
    }
}

pub(super) fn record_link_ui(ui: &mut Ui, c: &mut Ctx<'_>, r: RecordRef) {
    let name = name_of(c.ds, c.ix, &r);
    link_ui(ui, c, &name, r);
}

pub(super) fn notes_ui(ui: &mut Ui, notes: &str) {
    if !notes.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(notes).italics());
    }
}

pub(super) fn events_ui(ui: &mut Ui, c: &mut Ctx<'_>, at: RecordAt) {
    let events = c.ix.events_related_to(at).to_vec();
    if events.is_empty() {
        return;
    }
    section_ui(ui, "Events");
    for e in events {
        let ev = &c.ds.events[e as usize];
        let date = ev
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let (id, title) = (ev.id.clone(), ev.title.clone());
        ui.horizontal_wrapped(|ui| {
            ui.monospace(date);
            link_ui(ui, c, &title, RecordRef::Event(id));
        });
    }
}
