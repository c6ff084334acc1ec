//! Adoptions: the block with target, use cases and status history (shared by the views of
//! organizations, models and families) and the detail view of one adoption.

use egui::Ui;

use super::DetailCtx;
use super::citations::{claims_ui, sources_ui};
use super::conflicts::conflicts_ui;
use super::names::{name_of, status_text, target_ref};
use super::widgets::{heading_ui, notes_ui, paragraph, record_link_ui, section_ui};
use crate::app::Action;
use crate::app::explorer::RecordAt;
use crate::model::text::safe_line;
use crate::model::{AdoptionTarget, RecordKind, RecordRef, Subject, UNSET_TARGET};
use crate::ui::forms;

/// An adoption: target (or adopter), use cases, status history with sources.
pub(super) fn adoption_block_ui(
    ui: &mut Ui,
    c: &mut DetailCtx<'_>,
    pos: usize,
    show_adopter: bool,
) {
    let ds = c.ds;
    let a = &ds.adoptions[pos];
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if show_adopter {
                record_link_ui(ui, c, RecordRef::Organization(a.organization.clone()));
                ui.label("uses");
            }
            match &a.target {
                Some(t) => record_link_ui(ui, c, target_ref(t)),
                None => {
                    ui.colored_label(ui.visuals().warn_fg_color, UNSET_TARGET);
                }
            }
            if let Some(AdoptionTarget::Family(_)) = a.target {
                ui.weak("(a model family; no specific model named)");
            }
            sources_ui(ui, c, &a.sources);
        });
        if !a.use_cases.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak("Used for:");
                ui.label(safe_line(&a.use_cases.join(", ")));
            });
        }
        for s in &a.status {
            ui.horizontal_wrapped(|ui| {
                ui.label(status_text(s));
                if !s.notes.is_empty() {
                    ui.weak(paragraph(&s.notes));
                }
                sources_ui(ui, c, &s.sources);
            });
        }
        if a.status.is_empty() {
            ui.weak("Status not stated by the sources.");
        }
        notes_ui(ui, &a.notes);
    });
}

/// The detail view of an adoption: who uses what, its status history, the figures it brought.
pub(super) fn adoption_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    heading_ui(
        ui,
        "Adoption",
        &name_of(
            c.ds,
            c.ix,
            &RecordRef::Adoption(c.ds.adoptions[pos].id.clone()),
        ),
        "",
    );
    adoption_block_ui(ui, c, pos, true);
    let at = RecordAt::new(RecordKind::Adoption, pos);
    section_ui(ui, "Figures reported");
    if ui
        .small_button("+ Add a figure")
        .on_hover_text("Record a gain this adoption brought, with its source and quote")
        .clicked()
    {
        let r = forms::new_claim(c.ds, Subject::Adoption(c.ds.adoptions[pos].id.clone()));
        c.actions.push(Action::Insert(Box::new(r)));
    }
    let claims = c.ix.claims_about_record(at).to_vec();
    claims_ui(ui, c, &claims);
    let mut involved = vec![at];
    involved.extend(
        claims
            .iter()
            .map(|&p| RecordAt::new(RecordKind::Claim, p as usize)),
    );
    conflicts_ui(ui, c, &involved);
}
