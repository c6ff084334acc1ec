//! The detail views of a model and of a model family, with the family's release timeline.

use egui::Ui;

use super::DetailCtx;
use super::adoption::adoption_block_ui;
use super::citations::{claims_ui, sources_ui};
use super::conflicts::conflicts_ui;
use super::names::source_title_of;
use super::widgets::{
    country_dot_ui, events_ui, fact_ui, heading_ui, notes_ui, record_link_ui, section_ui,
    text_or_unknown_ui, unknown_ui,
};
use crate::app::Action;
use crate::app::explorer::RecordAt;
use crate::figure::colors as palette;
use crate::model::format::{context_text, openness_text, params_text};
use crate::model::text::safe_line;
use crate::model::{RecordKind, RecordRef, SourceId};

/// The detail view of a model: facts, its family's releases, who adopted it, figures about it.
pub(super) fn model_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let ds = c.ds;
    let m = &ds.models[pos];
    let at = RecordAt::new(RecordKind::Model, pos);
    heading_ui(ui, "Model", &m.name, "");
    egui::Grid::new("model_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "Developer", |ui| {
                record_link_ui(ui, c, RecordRef::Organization(m.developer.clone()));
                if let Some(country) = c.ix.model_developer_country(pos).filter(|s| !s.is_empty()) {
                    country_dot_ui(ui, country);
                    ui.label(safe_line(country));
                }
            });
            fact_ui(ui, "Family", |ui| match &m.family {
                Some(f) => record_link_ui(ui, c, RecordRef::Family(f.clone())),
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Released", |ui| match m.release_date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Openness", |ui| {
                match openness_text(m, |id| source_title_of(c, &SourceId::new(id))) {
                    Some(t) => {
                        ui.label(t);
                    }
                    None => unknown_ui(ui),
                }
            });
            fact_ui(ui, "License", |ui| text_or_unknown_ui(ui, &m.license));
            fact_ui(ui, "Parameters", |ui| {
                let q = m.params_qualifier;
                match (m.total_params_b, m.active_params_b) {
                    (Some(t), Some(a)) => {
                        ui.label(format!(
                            "{} total, {} active per token",
                            params_text(t, q),
                            params_text(a, q)
                        ));
                    }
                    (Some(t), None) => {
                        ui.label(format!("{} total", params_text(t, q)));
                    }
                    (None, Some(a)) => {
                        ui.label(format!(
                            "{} active per token, total unknown",
                            params_text(a, q)
                        ));
                    }
                    (None, None) => unknown_ui(ui),
                }
            });
            fact_ui(ui, "Architecture", |ui| match m.architecture {
                Some(a) => {
                    ui.label(a.label());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Context length", |ui| match m.context_k_tokens {
                Some(k) => {
                    ui.label(context_text(k, m.context_qualifier));
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &m.sources));
        });
    notes_ui(ui, &m.notes);

    if let Some(f) = c.ix.family_of_model(pos) {
        section_ui(ui, &format!("{} family releases", ds.families[f].name));
        family_timeline_ui(ui, c, f, Some(pos));
    }

    section_ui(ui, "Adopted by");
    let adopters = c.ix.adopters_of_model(pos);
    if adopters.is_empty() {
        ui.weak("No organization in the dataset is recorded as using it.");
    }
    let mut involved = vec![at];
    for a in &adopters {
        involved.push(RecordAt::new(RecordKind::Adoption, a.adoption as usize));
        adoption_block_ui(ui, c, a.adoption as usize, true);
    }
    section_ui(ui, "Figures about it");
    let claims = c.ix.claims_about_record(at).to_vec();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}

/// The family's releases on a small timeline; `current` is highlighted. Click a dot to select.
pub(super) fn family_timeline_ui(
    ui: &mut Ui,
    c: &mut DetailCtx<'_>,
    family: usize,
    current: Option<usize>,
) {
    let ds = c.ds;
    let mut dated: Vec<(f64, usize)> =
        c.ix.models_of_family(family)
            .iter()
            .filter_map(|&m| {
                ds.models[m as usize]
                    .release_date?
                    .as_year_fraction()
                    .map(|x| (x, m as usize))
            })
            .collect();
    let undated = c.ix.models_of_family(family).len() - dated.len();
    if dated.is_empty() {
        ui.weak("No release dates recorded for this family.");
        return;
    }
    dated.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (min, max) = (
        dated[0].0.floor(),
        dated[dated.len() - 1]
            .0
            .ceil()
            .max(dated[0].0.floor() + 1.0),
    );
    let width = ui.available_width().clamp(200.0, 900.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 46.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let x_of =
        |x: f64| rect.left() + 18.0 + ((x - min) / (max - min)) as f32 * (rect.width() - 36.0);
    let y = rect.top() + 14.0;
    let stroke = ui.visuals().widgets.noninteractive.fg_stroke;
    painter.line_segment(
        [
            egui::pos2(rect.left() + 6.0, y),
            egui::pos2(rect.right() - 6.0, y),
        ],
        stroke,
    );
    let text_color = ui.visuals().weak_text_color();
    let mut year = min as i32;
    while f64::from(year) <= max {
        let x = x_of(f64::from(year));
        painter.line_segment([egui::pos2(x, y - 4.0), egui::pos2(x, y + 4.0)], stroke);
        painter.text(
            egui::pos2(x, y + 8.0),
            egui::Align2::CENTER_TOP,
            year.to_string(),
            egui::FontId::proportional(11.0),
            text_color,
        );
        year += 1;
    }
    let color = palette::family_color(ds.families[family].id.as_str());
    for (x, m) in &dated {
        let p = egui::pos2(x_of(*x), y);
        let is_current = current == Some(*m);
        let r = if is_current { 6.0 } else { 4.0 };
        painter.circle_filled(p, r, color);
        if is_current {
            painter.circle_stroke(
                p,
                r + 2.0,
                egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
            );
        }
        let hit = egui::Rect::from_center_size(p, egui::vec2(12.0, 12.0));
        let model = &ds.models[*m];
        let resp = ui
            .interact(
                hit,
                ui.scope_id().with(("timeline", *m)),
                egui::Sense::click(),
            )
            .on_hover_text(format!(
                "{} – {}",
                safe_line(&model.name),
                model
                    .release_date
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            ));
        if resp.clicked() && !is_current {
            c.actions
                .push(Action::Select(RecordRef::Model(model.id.clone())));
        }
    }
    if undated > 0 {
        ui.weak(format!(
            "{undated} release{} of this family without a date not shown",
            if undated == 1 { "" } else { "s" }
        ));
    }
}

/// The detail view of a model family: developer, releases, adoptions of the family as a whole.
pub(super) fn family_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let ds = c.ds;
    let f = &ds.families[pos];
    let at = RecordAt::new(RecordKind::Family, pos);
    heading_ui(ui, "Model family", &f.name, "");
    egui::Grid::new("family_facts")
        .num_columns(2)
        .show(ui, |ui| {
            fact_ui(ui, "Developer", |ui| {
                record_link_ui(ui, c, RecordRef::Organization(f.developer.clone()))
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &f.sources));
        });
    notes_ui(ui, &f.notes);
    section_ui(ui, "Releases");
    family_timeline_ui(ui, c, pos, None);
    let models = c.ix.models_of_family(pos).to_vec();
    for m in models {
        let model = &ds.models[m as usize];
        ui.horizontal_wrapped(|ui| {
            record_link_ui(ui, c, RecordRef::Model(model.id.clone()));
            if let Some(d) = model.release_date {
                ui.weak(d.to_string());
            }
        });
    }
    section_ui(ui, "Adopted as a family by");
    let adoptions = c.ix.adoptions_of_family(pos).to_vec();
    if adoptions.is_empty() {
        ui.weak("No adoption names this family as a whole.");
    }
    let mut involved = vec![at];
    for a in adoptions {
        involved.push(RecordAt::new(RecordKind::Adoption, a as usize));
        adoption_block_ui(ui, c, a as usize, true);
    }
    section_ui(ui, "Figures about it");
    let claims = c.ix.claims_about_record(at).to_vec();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}
