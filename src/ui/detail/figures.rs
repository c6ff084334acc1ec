//! The detail views of figures: one claim with its quote or paraphrase, and a series of dated
//! values.

use egui::{RichText, Ui};

use super::DetailCtx;
use super::citations::{said_ui, source_marker_ui, sources_ui};
use super::conflicts::conflicts_ui;
use super::names::source_title_of;
use super::widgets::{
    fact_ui, heading_ui, link_ui, long_line, notes_ui, record_link_ui, speaker_link_ui, unknown_ui,
};
use crate::app::explorer::RecordAt;
use crate::model::format::{citation_text, claim_text, format_number, value_text, when_text};
use crate::model::text::safe_line;
use crate::model::{RecordKind, RecordRef, Subject};

/// The detail view of a claim: every field, the quote in full, conflicts it is part of.
pub(super) fn claim_detail_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let cl = &c.ds.claims[pos];
    heading_ui(ui, "Claim", &claim_text(cl), "");
    egui::Grid::new("claim_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "About", |ui| match &cl.subject {
                Subject::Organization(o) => {
                    record_link_ui(ui, c, RecordRef::Organization(o.clone()))
                }
                Subject::Model(m) => record_link_ui(ui, c, RecordRef::Model(m.clone())),
                Subject::Family(f) => record_link_ui(ui, c, RecordRef::Family(f.clone())),
                Subject::Adoption(a) => record_link_ui(ui, c, RecordRef::Adoption(a.clone())),
                Subject::Country(k) => {
                    ui.label(format!("models developed in {}", safe_line(k)));
                }
            });
            fact_ui(ui, "Measure", |ui| {
                ui.label(safe_line(&cl.metric.label()));
            });
            fact_ui(ui, "Value", |ui| {
                let value = value_text(&cl.value, &cl.unit, cl.qualifier);
                ui.label(RichText::new(long_line(&value)).strong());
            });
            if !cl.baseline.is_empty() {
                fact_ui(ui, "Compared with", |ui| {
                    ui.label(long_line(&cl.baseline));
                });
            }
            if !cl.scope.is_empty() {
                fact_ui(ui, "Scope", |ui| {
                    ui.label(long_line(&cl.scope));
                });
            }
            fact_ui(ui, "When", |ui| match &cl.when {
                Some(w) => {
                    ui.label(safe_line(&when_text(w)));
                }
                None => unknown_ui(ui),
            });
            if let Some(sp) = &cl.said_by {
                fact_ui(ui, "Said by", |ui| speaker_link_ui(ui, c, sp));
            }
            fact_ui(ui, "Source", |ui| match &cl.source {
                Some(cite) => {
                    // "Epoch AI, row 37": the place in the source beside its name.
                    let t = citation_text(cite, &source_title_of(c, &cite.source));
                    link_ui(ui, c, &t, RecordRef::Source(cite.source.clone()));
                    source_marker_ui(ui, c, cite, Some(cl));
                }
                None => {
                    ui.colored_label(ui.visuals().warn_fg_color, "no source chosen yet");
                }
            });
        });
    ui.add_space(6.0);
    said_ui(ui, cl, Some(15.0));
    notes_ui(ui, &cl.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Claim, pos)]);
}

/// The detail view of a series: its sources and its dated values in a table.
pub(super) fn series_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let s = &c.ds.series[pos];
    heading_ui(ui, &format!("Series · {}", s.metric.label()), &s.name, "");
    let unit = s.unit.suffix();
    let unit = safe_line(&unit);
    ui.horizontal_wrapped(|ui| {
        ui.weak("Sources:");
        sources_ui(ui, c, &s.sources);
    });
    egui::Grid::new("series_points")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Date");
            ui.strong("Value");
            ui.end_row();
            for p in &s.points {
                ui.label(p.date.to_string());
                ui.label(format!("{}{unit}", format_number(p.value)));
                ui.end_row();
            }
        });
    notes_ui(ui, &s.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Series, pos)]);
}
