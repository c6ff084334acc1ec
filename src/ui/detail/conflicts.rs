//! Conflicts between sources, each shown with the records involved side by side.

use egui::{RichText, Ui};

use super::DetailCtx;
use super::citations::{claim_source_ui, said_ui, sources_ui};
use super::names::{status_text, target_ref};
use super::widgets::{long_line, paragraph, record_link_ui, section_ui};
use crate::app::explorer::RecordAt;
use crate::model::format::claim_text;
use crate::model::text::safe_line;
use crate::model::{ConflictKind, RecordKind, RecordRef, UNSET_TARGET};

/// Conflicts involving any of `records`, each shown with its records side by side.
pub(super) fn conflicts_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, records: &[RecordAt]) {
    let mut seen = std::collections::BTreeSet::new();
    for at in records {
        for &k in c.ix.conflicts_involving(*at) {
            seen.insert(k);
        }
    }
    if seen.is_empty() {
        return;
    }
    section_ui(ui, "Sources disagree");
    for k in seen {
        conflict_ui(ui, c, k as usize);
        ui.add_space(6.0);
    }
}

/// One conflict: its kind, its description and its records in columns.
pub(super) fn conflict_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let k = &c.ds.conflicts[pos];
    let (icon, color) = match k.kind {
        ConflictKind::Contradiction => ("⚠ Contradiction", ui.visuals().warn_fg_color),
        ConflictKind::DifferentMeasure => (
            "≠ Different measure of the same thing",
            ui.visuals().hyperlink_color,
        ),
        ConflictKind::DifferingAccounts => (
            "≈ Accounts differ without contradicting",
            ui.visuals().hyperlink_color,
        ),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(color, RichText::new(icon).strong());
        ui.label(paragraph(&k.description));
        let n = k.records.len().max(1);
        ui.columns(n, |cols| {
            for (col, r) in cols.iter_mut().zip(k.records.iter()) {
                // Columns justify their content; text reads better left-aligned.
                col.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    record_summary_ui(ui, c, r);
                });
            }
        });
    });
}

/// A compact view of any record, for conflicts: what it says and its sources.
pub(super) fn record_summary_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, r: &RecordRef) {
    let Some(at) = c.ix.resolve(r) else {
        ui.label(crate::model::missing_name(r));
        return;
    };
    let p = at.pos as usize;
    match at.kind {
        RecordKind::Claim => {
            let cl = &c.ds.claims[p];
            ui.label(RichText::new(long_line(&claim_text(cl))).strong());
            said_ui(ui, cl, None);
            ui.horizontal_wrapped(|ui| {
                ui.weak("Source:");
                claim_source_ui(ui, c, cl, true);
            });
        }
        RecordKind::Adoption => {
            let a = &c.ds.adoptions[p];
            ui.horizontal_wrapped(|ui| {
                record_link_ui(ui, c, RecordRef::Organization(a.organization.clone()));
                ui.label("uses");
                match &a.target {
                    Some(t) => record_link_ui(ui, c, target_ref(t)),
                    None => {
                        ui.weak(UNSET_TARGET);
                    }
                }
            });
            if !a.use_cases.is_empty() {
                ui.label(format!("for {}", safe_line(&a.use_cases.join(", "))));
            }
            if let Some(last) = a.status.last() {
                ui.label(status_text(last));
            }
            if !a.notes.is_empty() {
                ui.weak(paragraph(&a.notes));
            }
            ui.horizontal_wrapped(|ui| {
                ui.weak("Sources:");
                sources_ui(ui, c, &a.sources);
            });
        }
        _ => {
            record_link_ui(ui, c, r.clone());
        }
    }
}
