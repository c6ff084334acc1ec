//! The detail view of a source: its facts and every record that cites it.

use egui::Ui;

use super::DetailCtx;
use super::citations::said_ui;
use super::names::{is_web_url, source_title};
use super::widgets::{
    fact_ui, heading_ui, long_line, notes_ui, record_link_ui, section_ui, text_or_unknown_ui,
    unknown_ui,
};
use crate::app::Action;
use crate::model::RecordRef;
use crate::model::format::claim_text;
use crate::model::text::safe_line;

/// The detail view of a source: its facts and every record citing it.
pub(super) fn source_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let ds = c.ds;
    let s = &ds.sources[pos];
    heading_ui(
        ui,
        &format!("Source [{}] · {}", pos + 1, s.kind.label()),
        &source_title(c.ds, s),
        "",
    );
    egui::Grid::new("source_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "Title", |ui| text_or_unknown_ui(ui, &s.title));
            fact_ui(ui, "Publisher", |ui| text_or_unknown_ui(ui, &s.publisher));
            if !s.author.is_empty() {
                fact_ui(ui, "Author", |ui| {
                    ui.label(safe_line(&s.author));
                });
            }
            fact_ui(ui, "Date", |ui| match s.date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Kind", |ui| {
                ui.label(s.kind.label());
            });
            fact_ui(ui, "Locator", |ui| {
                if s.locator.is_empty() {
                    unknown_ui(ui);
                } else if is_web_url(&s.locator) {
                    // Shown escaped and cut; the address opened is the one stored.
                    ui.hyperlink_to(safe_line(&s.locator), s.locator.trim());
                } else {
                    ui.monospace(safe_line(&s.locator)).on_hover_text(
                        "Not a web address (or truncated as found): shown, not opened.",
                    );
                }
            });
            if let Some(v) = &s.via {
                fact_ui(ui, "Reprint of", |ui| {
                    record_link_ui(ui, c, RecordRef::Source(v.clone()))
                });
            }
        });
    notes_ui(ui, &s.notes);
    section_ui(ui, "Cited by");
    let citing = c.ix.citing_records(ds, pos);
    if citing.is_empty() {
        ui.weak("Nothing in the dataset cites this source.");
    }
    for (r, field) in citing {
        ui.horizontal_wrapped(|ui| {
            let kind = r.kind_and_id().0;
            let label = crate::model::field_words::field_label(kind, &field);
            ui.weak(format!("{kind}, in {label}:"));
            if let RecordRef::Claim(id) = &r
                && let Some(p) = c.ix.claim(id)
            {
                let cl = &ds.claims[p];
                ui.label(long_line(&claim_text(cl)));
                said_ui(ui, cl, None);
                if ui.small_button("details").clicked() {
                    c.actions.push(Action::Select(r.clone()));
                }
            } else {
                record_link_ui(ui, c, r.clone());
            }
        });
    }
}
