//! The export dialog (File > Export figure…, Ctrl+E): its state and window here; `options` the
//! choices as figure options, `controls` the widgets, `preview` the scene to write, `write` it.

mod controls;
pub mod options;
pub mod preview;
mod write;

use std::sync::Arc;

use super::ExplorerApp;
use super::command::UiCommand;
use super::queue::CommandQueue;
use crate::app::{ExportChoices, ExportFormat};
use crate::figure::PlotView;
use crate::model::Dataset;
use crate::plots::{AltText, PlotData, PlotKind, alt_text};

pub use options::FigureTexts;
use preview::{ASSUMED_MAX_TEXTURE_SIDE, Preview, PreviewKey};

/// The state of the open export dialog (kept by the window, not the app state).
pub struct ExportDialog {
    /// The plot exported.
    pub kind: PlotKind,
    /// Format, size, scale, parts and background.
    pub choices: ExportChoices,
    /// The texts of this export.
    pub texts: FigureTexts,
    /// The plot's hidden series and zoom when the dialog opened.
    pub view: PlotView,
    /// The figure laid out for the current choices, or why it cannot be.
    preview: Option<Result<Preview, (PreviewKey, String)>>,
    /// What went wrong with the last export, in plain words.
    pub message: Option<String>,
    /// The largest PNG side of the renderer, once known.
    pub max_texture_side: Option<usize>,
}

impl std::fmt::Debug for ExportDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportDialog")
            .field("kind", &self.kind)
            .field("choices", &self.choices)
            .field("texts", &self.texts)
            .finish_non_exhaustive()
    }
}

/// What the dialog asks the window to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ask where to save and write the file.
    Export,
    /// Close without writing.
    Close,
}

impl ExportDialog {
    /// The dialog on `data` drawn with `view`, with the choices last used.
    pub fn open(data: &PlotData, view: PlotView, choices: ExportChoices) -> Self {
        Self {
            kind: data.kind,
            choices,
            texts: FigureTexts::of(data),
            view,
            preview: None,
            message: None,
            max_texture_side: None,
        }
    }

    /// The key of the preview the current choices need.
    fn key(&self, data: &Arc<PlotData>) -> PreviewKey {
        PreviewKey {
            format: self.choices.format,
            options: options::figure_options(&self.choices, &self.texts, data),
            data: Arc::as_ptr(data) as usize,
            max_side: self.max_texture_side.unwrap_or(ASSUMED_MAX_TEXTURE_SIDE),
        }
    }

    /// Lays the figure out again when the choices, the texts or the plot changed.
    pub fn refresh(&mut self, ctx: &egui::Context, ds: &Dataset, data: &Arc<PlotData>) {
        let key = self.key(data);
        let current = match &self.preview {
            Some(Ok(p)) => p.scene.is_some().then_some(&p.key),
            Some(Err((k, _))) => Some(k),
            None => None,
        };
        if current == Some(&key) {
            return;
        }
        self.preview = Some(match preview::layout(ds, data, &self.view, &key) {
            Ok(scene) => Ok(Preview::new(ctx, key, scene)),
            Err(e) => Err((key, plain_error(&e.to_string()))),
        });
    }

    /// The figure laid out for the current choices, when it could be.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref().and_then(|p| p.as_ref().ok())
    }

    /// Takes the laid-out scene and its format to write it (the preview is laid out again on
    /// the next frame).
    pub fn take_scene(&mut self) -> Option<(ExportFormat, crate::figure::scene::Scene)> {
        let p = self.preview.as_mut()?.as_mut().ok()?;
        Some((p.key.format, p.scene.take()?))
    }

    /// The size of the file as the preview lays it out: pixels for a PNG, points otherwise.
    pub fn file_size_text(&self) -> Option<String> {
        let p = self.preview()?;
        Some(match self.choices.format {
            ExportFormat::Png => format!("{} × {} px", p.size_px[0], p.size_px[1]),
            ExportFormat::Svg | ExportFormat::Pdf => {
                format!("{:.0} × {:.0} points", p.size_points.x, p.size_points.y)
            }
        })
    }

    /// The alt texts of the figure with this export's texts.
    pub fn alt_texts(&self, data: &PlotData) -> AltText {
        let options = options::figure_options(&self.choices, &self.texts, data);
        alt_text(&options.parts.apply_texts(data))
    }

    /// The dialog for one frame; what the window is to do, if anything.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        ds: &Dataset,
        data: &Arc<PlotData>,
    ) -> Option<Outcome> {
        self.refresh(ctx, ds, data);
        let escape = !egui::Popup::is_any_open(ctx) && UiCommand::Cancel.key_pressed(ctx);
        let screen = ctx.content_rect();
        let size = egui::vec2(
            (screen.width() - 40.0).clamp(320.0, 1200.0),
            (screen.height() - 56.0).clamp(240.0, 860.0),
        );
        let mut outcome = None;
        let before = (self.choices.clone(), self.texts.clone());
        egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
            ui.set_width(size.x);
            ui.set_height(size.y);
            ui.heading(format!("Export figure: {}", self.kind.title()));
            ui.separator();
            // Room for the buttons, and for a warning or an error above them.
            let notes =
                self.message.is_some() || self.preview().is_some_and(|p| !p.missing.is_empty());
            let footer = if notes { 84.0 } else { 40.0 };
            let body = (ui.available_height() - footer).max(120.0);
            let wide = size.x >= 560.0;
            let down = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), body), down, |ui| {
                ui.set_min_height(body);
                if wide {
                    self.two_columns_ui(ui, data, body);
                } else {
                    self.one_column_ui(ui, data);
                }
            });
            ui.separator();
            outcome = self.footer_ui(ui);
        });
        if (self.choices.clone(), self.texts.clone()) != before {
            self.message = None;
        }
        if escape {
            return Some(Outcome::Close);
        }
        outcome
    }

    fn options_ui(&mut self, ui: &mut egui::Ui) {
        controls::choices_ui(ui, &mut self.choices);
        ui.add_space(6.0);
        let texts_shown = !self.choices.plain;
        controls::texts_ui(ui, &mut self.texts, texts_shown);
    }

    fn preview_ui(&mut self, ui: &mut egui::Ui, data: &PlotData, max_height: f32) {
        let size = self.file_size_text();
        match self.preview.as_mut() {
            Some(Ok(p)) => {
                let what = self.choices.format.extension().to_uppercase();
                let label = format!("Preview of the {what}: {}", size.unwrap_or_default());
                ui.label(&label);
                let width = ui.available_width();
                let response = p.ui(ui, width, max_height);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
            }
            Some(Err((_, e))) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
        ui.add_space(6.0);
        controls::alt_texts_ui(ui, &self.alt_texts(data));
    }

    fn two_columns_ui(&mut self, ui: &mut egui::Ui, data: &PlotData, body: f32) {
        let left = (ui.available_width() * 0.36).clamp(220.0, 340.0);
        let down = egui::Layout::top_down(egui::Align::Min);
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(egui::vec2(left, body), down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("export_options")
                    .max_height(body)
                    .show(ui, |ui| {
                        ui.set_width(left - 16.0);
                        self.options_ui(ui);
                    });
            });
            ui.separator();
            ui.vertical(|ui| {
                egui::ScrollArea::vertical()
                    .id_salt("export_preview")
                    .max_height(body)
                    .show(ui, |ui| {
                        let preview_height = (body * 0.72).max(120.0);
                        self.preview_ui(ui, data, preview_height);
                    });
            });
        });
    }

    fn one_column_ui(&mut self, ui: &mut egui::Ui, data: &PlotData) {
        egui::ScrollArea::vertical()
            .id_salt("export_all")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.options_ui(ui);
                ui.separator();
                self.preview_ui(ui, data, 360.0);
            });
    }

    fn footer_ui(&mut self, ui: &mut egui::Ui) -> Option<Outcome> {
        let mut outcome = None;
        let missing = self
            .preview()
            .map(|p| p.missing.clone())
            .unwrap_or_default();
        if let Some(w) = crate::export::missing_glyph_warning(&missing) {
            ui.colored_label(ui.visuals().warn_fg_color, w);
        }
        if let Some(m) = &self.message {
            ui.colored_label(ui.visuals().error_fg_color, m);
        }
        ui.horizontal(|ui| {
            let ready = self.preview().is_some();
            let format = self.choices.format;
            if ui
                .add_enabled(ready, egui::Button::new(UiCommand::WriteExport.label()))
                .on_hover_text(format!(
                    "Choose where to save the {} and write it",
                    format.label()
                ))
                .on_disabled_hover_text("The figure cannot be drawn with these choices")
                .clicked()
            {
                outcome = Some(Outcome::Export);
            }
            if ui
                .button(UiCommand::Cancel.label())
                .on_hover_text("Close without exporting (Esc)")
                .clicked()
            {
                outcome = Some(Outcome::Close);
            }
        });
        outcome
    }
}

/// An export error as the dialog says it: what to change here rather than command-line flags.
fn plain_error(e: &str) -> String {
    let e = e
        .replace(
            "give --height or a smaller --scale",
            "choose a larger size or a smaller scale",
        )
        .replace(
            " (width and height are in pixels, divided by the scale)",
            "",
        )
        // The dialog's custom size is in points: the scale does not change the page.
        .replace(" (the page is the size in pixels divided by the scale)", "")
        .replace("image size not possible: ", "");
    format!("The figure cannot be drawn with these choices: {e}.")
}

impl ExplorerApp {
    /// File > Export figure…: opens the dialog on the plot chosen in the plots area (shown, or
    /// one of several tabs in a narrow window), with the last choices.
    pub(super) fn open_export_dialog(&mut self, ctx: &egui::Context) {
        let super::plots_panel::PlotChoice::Plot(kind) = self.view.prefs.plot else {
            self.state.apply(crate::app::Action::ShowStatus(
                "Nothing to export: choose a plot in the plots area first".into(),
            ));
            return;
        };
        let data = self.dialog_plot(kind);
        let view = PlotView::capture(ctx, &data);
        let mut dialog = ExportDialog::open(&data, view, self.state.export_choices.clone());
        dialog.max_texture_side = self.offscreen.as_ref().map(|o| o.max_texture_side());
        self.export_dialog = Some(Box::new(dialog));
    }

    /// The plot `kind` as the plots area derives it (the same cache, so the same data).
    pub(super) fn dialog_plot(&mut self, kind: PlotKind) -> Arc<PlotData> {
        let options = self.view.prefs.plot_options.derive_options();
        self.plots
            .get(&self.state, &mut self.explorer, kind, &options)
    }

    /// The export dialog, when open: Export asks for a path and writes the file at the end of
    /// the frame (through the queue), Cancel and Esc close it.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context, queue: &mut CommandQueue) {
        let Some(kind) = self.export_dialog.as_ref().map(|d| d.kind) else {
            return;
        };
        let data = self.dialog_plot(kind);
        let ds = self.state.doc.dataset.clone();
        let Some(dialog) = self.export_dialog.as_mut() else {
            return;
        };
        match dialog.ui(ctx, &ds, &data) {
            Some(Outcome::Export) => queue.push(UiCommand::WriteExport),
            Some(Outcome::Close) => {
                queue.push_action(crate::app::Action::RememberExportChoices(
                    dialog.choices.clone(),
                ));
                self.export_dialog = None;
            }
            None => {}
        }
    }

    /// The open export dialog (tests read its choices and preview).
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        self.export_dialog.as_deref()
    }
}
