//! The export dialog's Export…: asks where (the app's file dialogs, so tests script the
//! answer), then writes the very scene the preview shows as PNG, SVG or PDF with its metadata.
//! Run by the window as a command at the end of the frame.

use std::path::PathBuf;

use super::options::{file_name, with_extension};
use crate::app::{Action, DialogOutcome, ExportFormat};
use crate::export::{
    ExportError, FigureMetadata, Offscreen, encode_png_with, pdf::scene_to_pdf, render_scene,
    svg::scene_to_svg, write_file,
};
use crate::figure::scene::Scene;
use crate::ui::ExplorerApp;

impl ExplorerApp {
    /// Asks where to save the figure of the open export dialog and writes it; on success the
    /// dialog closes (its choices remembered) and the status bar says what was written, else
    /// the dialog says what went wrong.
    pub(in crate::ui) fn write_export(&mut self) {
        let Some(kind) = self.export_dialog.as_ref().map(|d| d.kind) else {
            return;
        };
        let data = self.dialog_plot(kind);
        let Some(dialog) = self.export_dialog.as_mut() else {
            return;
        };
        let format = dialog.choices.format;
        let name = file_name(&data, format);
        let path = match self
            .state
            .pick_export_path(&name, (format.label(), format.extension()))
        {
            DialogOutcome::Picked(p) => with_extension(p, format),
            DialogOutcome::Cancelled => return,
            DialogOutcome::Unavailable => {
                let home =
                    std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
                let p = home.join(&name);
                if p.exists() {
                    dialog.message = Some(format!(
                        "No Save dialog could be shown, and {} already exists: rename or move it, \
                         or install xdg-desktop-portal-gtk or zenity so the dialog can appear.",
                        p.display()
                    ));
                    return;
                }
                p
            }
        };
        let Some((laid_out, scene)) = dialog.take_scene() else {
            dialog.message = Some("The figure is not ready yet; try again.".into());
            return;
        };
        debug_assert_eq!(laid_out, format);
        let ds = self.state.doc.dataset.clone();
        let result = self.write_scene(&ds, scene, format, &path);
        let Some(dialog) = self.export_dialog.as_mut() else {
            return;
        };
        match result {
            Ok(done) => {
                let choices = dialog.choices.clone();
                self.export_dialog = None;
                self.state.apply(Action::RememberExportChoices(choices));
                self.state.apply(Action::ShowStatus(format!(
                    "Exported {done} to {}",
                    path.display()
                )));
            }
            Err(e) => dialog.message = Some(format!("Could not export: {e}")),
        }
    }

    /// Writes `scene` to `path`; returns what was written, in words.
    fn write_scene(
        &mut self,
        ds: &crate::model::Dataset,
        scene: Scene,
        format: ExportFormat,
        path: &std::path::Path,
    ) -> Result<String, ExportError> {
        let meta = FigureMetadata::of(ds, &scene.data);
        let what = format!("\"{}\"", meta.title);
        match format {
            ExportFormat::Png => {
                let offscreen = self.offscreen_renderer()?;
                let figure = render_scene(offscreen, scene)?;
                write_file(path, &encode_png_with(&figure.image, Some(&meta))?)?;
                let [w, h] = figure.image.size;
                Ok(format!("{what} as PNG ({w}x{h} px)"))
            }
            ExportFormat::Svg => {
                write_file(path, scene_to_svg(&scene, &meta)?.as_bytes())?;
                Ok(format!("{what} as SVG"))
            }
            ExportFormat::Pdf => {
                write_file(path, &scene_to_pdf(&scene, &meta)?)?;
                Ok(format!("{what} as PDF"))
            }
        }
    }

    /// The offscreen renderer: on eframe's device when there is one, else a headless one.
    pub(in crate::ui) fn offscreen_renderer(&mut self) -> Result<&mut Offscreen, ExportError> {
        if self.offscreen.is_none() {
            let o = match &self.render_state {
                Some(rs) => Offscreen::from_render_state(rs),
                None => Offscreen::headless()?,
            };
            self.offscreen = Some(o);
        }
        Ok(self.offscreen.as_mut().expect("just set"))
    }
}
