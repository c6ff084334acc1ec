//! The dialog's controls: format, size, scale, parts, background, the texts of this export, and
//! the alt texts with their Copy buttons. They change only the dialog's own choices.

use crate::app::{ExportBackground, ExportChoices, ExportFormat, SizePreset};
use crate::plots::AltText;

use super::options::{CUSTOM_SIDE, FigureTexts, SCALES};

/// A row of radio buttons named by `label` (one accessible group).
fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> String,
) {
    ui.label(egui::RichText::new(label).strong());
    ui.horizontal_wrapped(|ui| {
        for &v in all {
            ui.radio_value(value, v, name(v));
        }
    });
}

/// Format, size, scale, parts and background.
pub fn choices_ui(ui: &mut egui::Ui, c: &mut ExportChoices) {
    choice_row(ui, "Format", &mut c.format, &ExportFormat::ALL, |f| {
        f.extension().to_uppercase()
    });
    ui.add_space(4.0);
    ui.label(egui::RichText::new("Size").strong());
    for p in SizePreset::ALL {
        ui.radio_value(&mut c.preset, p, p.label());
    }
    if c.preset == SizePreset::Custom {
        ui.horizontal(|ui| {
            let range = CUSTOM_SIDE;
            let w = ui.label("Width");
            ui.add(egui::DragValue::new(&mut c.width).range(range.clone()))
                .labelled_by(w.id);
            let h = ui.label("Height");
            ui.add(egui::DragValue::new(&mut c.height).range(range))
                .labelled_by(h.id);
        });
        ui.weak("In points: pixels at 1x.");
    }
    ui.add_space(4.0);
    if c.format == ExportFormat::Png {
        choice_row(ui, "Scale", &mut c.scale, &SCALES, |s| format!("{s}x"));
        ui.add_space(4.0);
    }
    ui.label(egui::RichText::new("Parts").strong());
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut c.plain, false, "Complete");
        ui.radio_value(&mut c.plain, true, "Plain (plot only)");
    });
    ui.add_space(4.0);
    choice_row(
        ui,
        "Background",
        &mut c.background,
        &ExportBackground::ALL,
        |b| b.label().to_owned(),
    );
}

/// One labelled text field, as wide as the column.
fn text_field(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
}

/// The texts of this export.
pub fn texts_ui(ui: &mut egui::Ui, t: &mut FigureTexts, enabled: bool) {
    ui.label(egui::RichText::new("Texts of this export").strong());
    ui.add_enabled_ui(enabled, |ui| {
        text_field(ui, "Title", &mut t.title, "");
        text_field(ui, "Subtitle", &mut t.subtitle, "none");
        text_field(ui, "Note", &mut t.note, "added under the plot's notes");
        text_field(ui, "Byline", &mut t.byline, "Chart: your name");
    });
    if !enabled {
        ui.weak("A plain figure has no texts.");
    }
}

/// The two alt texts, each with a Copy button (the clipboard gets the text as shown).
pub fn alt_texts_ui(ui: &mut egui::Ui, alt: &AltText) {
    for (what, text) in [("short", &alt.short), ("long", &alt.long)] {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(format!("Alt text ({what})")).strong());
            if ui
                .button(format!("Copy {what} alt text"))
                .on_hover_text("Put this description on the clipboard, for a web page or a post")
                .clicked()
            {
                ui.ctx().copy_text(text.clone());
            }
        });
        ui.add(egui::Label::new(text.as_str()).wrap().selectable(true));
        ui.add_space(4.0);
    }
}
