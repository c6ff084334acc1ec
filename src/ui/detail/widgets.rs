//! Small building blocks of the detail views: headings, sections, fact rows, notes, links to
//! records and the list of related events.

use std::borrow::Cow;

use egui::{RichText, Ui};

use super::DetailCtx;
use super::names::name_of;
use crate::app::Action;
use crate::app::explorer::RecordAt;
use crate::figure::colors as palette;
use crate::model::text::{TEXT_CAP, escape_controls, safe_line, safe_text};
use crate::model::{RecordRef, Speaker};

/// At most this many characters of a heading or a claim's line (they wrap).
const HEADING_CAP: usize = 500;

/// A one-line text from the file as drawn, for headings and claim lines: control characters
/// and bidi overrides escaped, at most [`HEADING_CAP`] characters and the length.
pub(super) fn long_line(s: &str) -> Cow<'_, str> {
    safe_text(s, HEADING_CAP, false)
}

/// A multi-line text from the file (notes, descriptions, quotes) as drawn: control characters
/// escaped, newlines kept, at most [`TEXT_CAP`] characters and the length.
pub(super) fn paragraph(s: &str) -> Cow<'_, str> {
    safe_text(s, TEXT_CAP, true)
}

/// The kind of record in small print, then its name (and native name, if any) as a heading.
pub(super) fn heading_ui(ui: &mut Ui, kind: &str, title: &str, native: &str) {
    ui.weak(long_line(kind));
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(long_line(title)).strong());
        if !native.is_empty() {
            ui.heading(long_line(native));
        }
    });
}

/// A section title with a line under it.
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

/// "unknown", weak: for a fact the dataset does not record.
pub(super) fn unknown_ui(ui: &mut Ui) {
    ui.weak("unknown");
}

/// The text, or "unknown" when it is blank.
pub(super) fn text_or_unknown_ui(ui: &mut Ui, text: &str) {
    if text.trim().is_empty() {
        unknown_ui(ui);
    } else {
        ui.label(safe_line(text));
    }
}

/// A link to a record: clicking selects it. `text` is a name as [`name_of`] gives it (already
/// cut to one line); its control characters are escaped here all the same.
pub(super) fn link_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, text: &str, r: RecordRef) {
    let text = if text.trim().is_empty() {
        Cow::Borrowed("(no name)")
    } else {
        escape_controls(text, false)
    };
    let text = text.as_ref();
    let exists = c.ix.resolve(&r).is_some();
    if !exists {
        // `name_of` already says it is not in the dataset.
        ui.label(RichText::new(text).italics());
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

/// A link to a record, named as people see it.
pub(super) fn record_link_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, r: RecordRef) {
    let name = name_of(c.ds, c.ix, &r);
    link_ui(ui, c, &name, r);
}

/// Free notes in italics, if any.
pub(super) fn notes_ui(ui: &mut Ui, notes: &str) {
    if !notes.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(paragraph(notes)).italics());
    }
}

/// The events related to a record, dated, as links.
pub(super) fn events_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, at: RecordAt) {
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
            link_ui(ui, c, &safe_line(&title), RecordRef::Event(id));
        });
    }
}

/// A small dot in the country's colour (the colour plots use for that country).
pub(super) fn country_dot_ui(ui: &mut Ui, country: &str) {
    let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter()
        .circle_filled(dot.center(), 4.0, palette::country_color(country));
}

/// A link to whoever said a claim, a person or an organization.
pub(super) fn speaker_link_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, speaker: &Speaker) {
    match speaker {
        Speaker::Person(p) => record_link_ui(ui, c, RecordRef::Person(p.clone())),
        Speaker::Organization(o) => record_link_ui(ui, c, RecordRef::Organization(o.clone())),
    }
}
