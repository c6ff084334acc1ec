//! Where figures come from: source markers "[n]" and the one-line view of a claim.

use egui::{RichText, Ui};

use super::DetailCtx;
use super::names::{is_web_url, source_title};
use super::widgets::{long_line, paragraph, speaker_link_ui};
use crate::app::Action;
use crate::model::format::claim_text;
use crate::model::text::safe_line;
use crate::model::{RecordRef, SourceId};

/// A source marker "[n]": hover shows title, publisher, date, locator and the quote; a click opens
/// the address in the browser (http and https only) and otherwise shows the source here.
pub(super) fn source_marker_ui(
    ui: &mut Ui,
    c: &mut DetailCtx<'_>,
    id: &SourceId,
    quote: Option<&str>,
) {
    let Some(pos) = c.ix.source(id) else {
        ui.label(RichText::new(format!("[missing source {}]", safe_line(id.as_str()))).italics());
        return;
    };
    let s = &c.ds.sources[pos];
    let title = source_title(s);
    let marker = ui
        .add(
            egui::Button::new(RichText::new(format!("[{}]", pos + 1)).small())
                .small()
                .frame(false),
        )
        .on_hover_ui(|ui| {
            ui.set_max_width(460.0);
            ui.label(RichText::new(&title).strong());
            let meta: Vec<String> = [
                s.publisher.clone(),
                s.author.clone(),
                s.date.map(|d| d.to_string()).unwrap_or_default(),
                s.kind.label().to_owned(),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
            ui.label(safe_line(&meta.join(" · ")));
            if !s.locator.is_empty() {
                ui.monospace(safe_line(&s.locator));
            }
            if let Some(v) = &s.via
                && let Some(vp) = c.ix.source(v)
            {
                ui.label(format!(
                    "Reprint or summary of: {}",
                    source_title(&c.ds.sources[vp])
                ));
            }
            if let Some(q) = quote {
                ui.add_space(4.0);
                ui.label(RichText::new(format!("“{}”", paragraph(q))).italics());
            }
            ui.add_space(4.0);
            ui.weak(if is_web_url(&s.locator) {
                "Click to open in the browser; right-click for details."
            } else {
                "Click to show this source (its locator is not a web address, so it is not opened)."
            });
        });
    // Screen readers (and tests) hear which source it is, not just "[12]".
    marker.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Button,
            true,
            format!("Source [{}]: {title}", pos + 1),
        )
    });
    if marker.clicked() {
        if is_web_url(&s.locator) {
            ui.ctx().open_url(egui::OpenUrl::new_tab(s.locator.trim()));
        } else {
            c.actions
                .push(Action::Select(RecordRef::Source(id.clone())));
        }
    }
    marker.context_menu(|ui| {
        if ui.button("Show source details").clicked() {
            c.actions
                .push(Action::Select(RecordRef::Source(id.clone())));
        }
        if ui.button("Copy locator").clicked() {
            ui.ctx().copy_text(s.locator.clone());
        }
    });
}

/// The source markers of a record, or a warning that it has none.
pub(super) fn sources_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, sources: &[SourceId]) {
    if sources.is_empty() {
        ui.colored_label(ui.visuals().warn_fg_color, "no source");
        return;
    }
    for s in sources {
        source_marker_ui(ui, c, s, None);
    }
}

/// One claim: metric, value with its qualifier, baseline, period, who said it, source marker.
pub(super) fn claim_line_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let cl = &c.ds.claims[pos];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(long_line(&claim_text(cl))).strong());
        if let Some(sp) = &cl.said_by {
            ui.weak("said by");
            speaker_link_ui(ui, c, sp);
        }
        source_marker_ui(ui, c, &cl.source, Some(&cl.quote));
        if ui
            .small_button("details")
            .on_hover_text("Show this claim with its quote")
            .clicked()
        {
            c.actions
                .push(Action::Select(RecordRef::Claim(cl.id.clone())));
        }
    });
}

/// The claims at `claims` (positions in the dataset), one line each.
pub(super) fn claims_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, claims: &[u32]) {
    if claims.is_empty() {
        ui.weak("No figures recorded.");
    }
    for &p in claims {
        claim_line_ui(ui, c, p as usize);
    }
}
