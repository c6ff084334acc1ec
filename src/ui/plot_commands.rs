//! The plots' File menu commands: export the plot shown as a PNG, copy it to the clipboard, or
//! export its values as CSV.

use std::path::PathBuf;

use super::ExplorerApp;
use super::command::UiCommand;
use super::plots_panel;
use crate::app::{Action, AppState, DialogOutcome};

impl ExplorerApp {
    /// Exports the plot shown: a PNG through the Save dialog, the same picture on the
    /// clipboard, or the plotted values as CSV. The outcome goes to the status bar.
    /// `cmd` is one of the registry's plot commands: `ExportPlotImage`, `CopyPlotImage` or
    /// `ExportPlotData`.
    pub(super) fn run_plot_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        use crate::export::{
            FigureMetadata, FigureOptions, Offscreen, encode_png_with, render_figure, write_file,
        };
        let shown = self.view.prefs.show_plots
            && matches!(self.view.prefs.plot, plots_panel::PlotChoice::Plot(_));
        let Some(data) = self.plots.current().filter(|_| shown) else {
            self.state.apply(Action::ShowStatus(
                "Nothing to export: choose a plot in the plots area first".into(),
            ));
            return;
        };
        let name = data.kind.name();
        // Where to write: the native Save dialog (which confirms a replacement itself), or the
        // home folder when none can be shown; a file already there is replaced only after the
        // user said so in the replace prompt (`replace_prompt_ui`), which runs `cmd` again.
        let confirmed: Option<PathBuf> = ctx.data_mut(|d| d.remove_temp(confirmed_id()));
        let pick = |state: &mut AppState, file: String, filter: (&str, &str)| {
            if let Some(p) = confirmed.clone().filter(|p| p.ends_with(&file)) {
                return Some(p);
            }
            match state.pick_export_path(&file, filter) {
                DialogOutcome::Picked(p) => Some(p),
                DialogOutcome::Cancelled => None,
                DialogOutcome::Unavailable => {
                    let dir = std::env::var_os("HOME")
                        .map(PathBuf::from)
                        .unwrap_or_else(|| PathBuf::from("."));
                    let p = dir.join(file);
                    if p.exists() {
                        ctx.data_mut(|d| d.insert_temp(pending_id(), (cmd, p)));
                        return None;
                    }
                    Some(p)
                }
            }
        };
        if cmd == UiCommand::ExportPlotData {
            let Some(path) = pick(&mut self.state, format!("{name}.csv"), ("CSV table", "csv"))
            else {
                return;
            };
            let message = match write_file(&path, crate::plots::to_csv(&data).as_bytes()) {
                Ok(()) => format!(
                    "Exported {} rows of \"{}\" to {}",
                    data.mark_count(),
                    data.title,
                    path.display()
                ),
                Err(e) => format!("Export failed: {e}"),
            };
            self.state.apply(Action::ShowStatus(message));
            return;
        }
        let view = crate::figure::PlotView::capture(ctx, &data);
        let size = self
            .plots
            .figure_size
            .unwrap_or(egui::vec2(900.0, 600.0))
            .max(egui::vec2(480.0, 360.0));
        let scale = f32::from(self.view.prefs.plot_options.export_scale.clamp(1, 4));
        let mut options = FigureOptions::from_points(size.x, size.y, scale, ctx.theme());
        // The plot as high as on screen, with every note and source below it.
        options.plot_height = self.plots.plot_height;
        if self.offscreen.is_none() {
            self.offscreen = match &self.render_state {
                Some(rs) => Some(Offscreen::from_render_state(rs)),
                None => match Offscreen::headless() {
                    Ok(o) => Some(o),
                    Err(e) => {
                        self.state
                            .apply(Action::ShowStatus(format!("Export failed: {e}")));
                        return;
                    }
                },
            };
        }
        let Some(offscreen) = self.offscreen.as_mut() else {
            return;
        };
        let figure = match render_figure(
            offscreen,
            &self.state.doc.dataset,
            &data,
            &view,
            self.state.selection.current(),
            &options,
        ) {
            Ok(f) => f,
            Err(e) => {
                self.state
                    .apply(Action::ShowStatus(format!("Export failed: {e}")));
                return;
            }
        };
        let [w, h] = figure.image.size;
        if cmd == UiCommand::CopyPlotImage {
            ctx.copy_image(figure.image);
            self.state.apply(Action::ShowStatus(format!(
                "Copied \"{}\" ({w}x{h} px) to the clipboard",
                data.title
            )));
            return;
        }
        let Some(path) = pick(&mut self.state, format!("{name}.png"), ("PNG image", "png")) else {
            return;
        };
        // The title, alt texts, sources, dataset and software go into the PNG's text chunks.
        let meta = FigureMetadata::of(&self.state.doc.dataset, &data);
        let png = encode_png_with(&figure.image, Some(&meta));
        let message = match png.and_then(|b| write_file(&path, &b)) {
            Ok(()) => format!(
                "Exported \"{}\" ({w}x{h} px, {scale}x) to {}",
                data.title,
                path.display()
            ),
            Err(e) => format!("Export failed: {e}"),
        };
        self.state.apply(Action::ShowStatus(message));
    }

    /// Asks before an export without a Save dialog replaces a file in the home folder:
    /// "Replace" runs the export again onto that file, "Cancel" writes nothing.
    pub(super) fn replace_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some((cmd, path)) = ctx.data(|d| d.get_temp::<(UiCommand, PathBuf)>(pending_id()))
        else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("replace_export_prompt")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Replace the file?");
            ui.label(format!(
                "{} already exists (no Save dialog could be shown, so the export goes to your \
                 home folder). Replace it? It is not kept as a backup.",
                path.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        let Some(replace) = answer else {
            return;
        };
        ctx.data_mut(|d| d.remove::<(UiCommand, PathBuf)>(pending_id()));
        if replace {
            ctx.data_mut(|d| d.insert_temp(confirmed_id(), path));
            self.run_plot_command(ctx, cmd);
        } else {
            self.state.apply(Action::ShowStatus(format!(
                "Nothing exported: {} is kept as it was",
                path.display()
            )));
        }
    }
}

/// Where the export waiting for the replace prompt's answer is kept (its command and file).
fn pending_id() -> egui::Id {
    egui::Id::unique("export_waiting_for_replace")
}

/// Where the file the user agreed to replace is kept until the export runs again.
fn confirmed_id() -> egui::Id {
    egui::Id::unique("export_replace_confirmed")
}
