//! Where figures come from: source markers "[n]" with the place in the source they cite, what a
//! claim says its source says (a quote in quotation marks, a paraphrase "as summarised"), and the
//! one-line view of a claim.

use egui::{RichText, Ui};

use super::DetailCtx;
use super::names::{is_web_url, source_title, source_title_of};
use super::widgets::{long_line, paragraph, speaker_link_ui};
use crate::app::Action;
use crate::model::format::{citation_text, claim_text};
use crate::model::text::safe_line;
use crate::model::{Citation, Claim, RecordRef};

/// What a claim says its source says: the verbatim quote in quotation marks, then the
/// paraphrase without them, labelled "as summarised". `size` is the text size (`None`: normal).
pub(super) fn said_ui(ui: &mut Ui, cl: &Claim, size: Option<f32>) {
    let sized = |t: RichText| match size {
        Some(s) => t.size(s),
        None => t,
    };
    if !cl.quote.trim().is_empty() {
        ui.label(sized(
            RichText::new(format!("“{}”", paragraph(&cl.quote))).italics(),
        ));
    }
    if !cl.paraphrase.trim().is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("As summarised:");
            ui.label(sized(RichText::new(paragraph(&cl.paraphrase))));
        });
    }
}

/// A source marker "[n]": hover shows title, publisher, date, locator, the citation's detail and
/// what `said` says the source says; a click opens the address in the browser (http and https
/// only) and otherwise shows the source. Callers show the detail beside it
/// ([`cited_marker_ui`], or the source's name with [`citation_text`]).
///
/// [`citation_text`]: crate::model::format::citation_text
pub(super) fn source_marker_ui(
    ui: &mut Ui,
    c: &mut DetailCtx<'_>,
    cite: &Citation,
    said: Option<&Claim>,
) {
    let id = &cite.source;
    let detail = cite.detail.trim();
    let Some(pos) = c.ix.source(id) else {
        let missing = crate::model::missing_name(&RecordRef::Source(id.clone()));
        ui.label(RichText::new(format!("[{missing}]")).italics());
        return;
    };
    let s = &c.ds.sources[pos];
    let title = source_title(c.ds, s);
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
                    source_title(c.ds, &c.ds.sources[vp])
                ));
            }
            if !detail.is_empty() {
                ui.label(format!("Cited at: {}", safe_line(detail)));
            }
            if let Some(cl) = said {
                ui.add_space(4.0);
                said_ui(ui, cl, None);
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
            if detail.is_empty() {
                format!("Source [{}]: {title}", pos + 1)
            } else {
                format!("Source [{}]: {title}, {detail}", pos + 1)
            },
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

/// A source marker followed by the citation's detail ("[3] row 37"), when it has one.
pub(super) fn cited_marker_ui(
    ui: &mut Ui,
    c: &mut DetailCtx<'_>,
    cite: &Citation,
    said: Option<&Claim>,
) {
    source_marker_ui(ui, c, cite, said);
    if !cite.detail.trim().is_empty() {
        ui.weak(cite.detail.trim());
    }
}

/// The source markers of a record, each with its detail, or a warning that it has none.
pub(super) fn sources_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, sources: &[Citation]) {
    if sources.is_empty() {
        ui.colored_label(ui.visuals().warn_fg_color, "no source");
        return;
    }
    for s in sources {
        cited_marker_ui(ui, c, s, None);
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
        claim_source_ui(ui, c, cl, false);
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

/// A claim's source marker with its detail ("[3] row 37"), or a warning that no source is chosen
/// yet; with `named`, the source's name and the detail come first ("Epoch AI, row 37 [3]").
pub(super) fn claim_source_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, cl: &Claim, named: bool) {
    match &cl.source {
        Some(cite) if named => {
            ui.label(citation_text(cite, &source_title_of(c, &cite.source)));
            source_marker_ui(ui, c, cite, Some(cl));
        }
        Some(cite) => cited_marker_ui(ui, c, cite, Some(cl)),
        None => {
            ui.colored_label(ui.visuals().warn_fg_color, "no source chosen yet");
        }
    }
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
