//! Under the columns step: the preset list (built-in presets and the user's saved ones; choosing
//! one maps the columns as it says) and "Save mapping as preset…" with a name field.

use super::ImportDialog;
use crate::import::{PRESETS, save_user_preset};

/// The preset chooser and the save row.
pub fn ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    ui.separator();
    let saved = d.saved_presets.clone();
    let mut chosen = None;
    ui.horizontal(|ui| {
        egui::ComboBox::new("import_preset_list", "Preset (built-in or saved)")
            .selected_text(if d.mapping.name.is_empty() {
                "(none)".to_owned()
            } else {
                d.mapping.name.clone()
            })
            .show_ui(ui, |ui| {
                for p in PRESETS {
                    if ui
                        .selectable_label(d.mapping.name == p.name, p.name)
                        .on_hover_text(p.description)
                        .clicked()
                    {
                        chosen = Some(p.mapping(d.headers()));
                    }
                }
                for p in &saved {
                    if ui
                        .selectable_label(d.mapping.name == p.name, &p.name)
                        .on_hover_text("A mapping you saved")
                        .clicked()
                    {
                        chosen = Some(p.mapping.clone());
                    }
                }
            });
    });
    if let Some(m) = chosen {
        d.mapping = m;
        d.mapping_changed();
    }
    ui.horizontal(|ui| {
        let label = ui.label("Save mapping as preset…");
        ui.add(
            egui::TextEdit::singleline(&mut d.preset_name)
                .hint_text("name")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
        if ui
            .button("Save preset")
            .on_hover_text("Keep this mapping under a name, to choose it again for other files")
            .clicked()
        {
            let said = match d.presets_dir.as_deref() {
                None => {
                    Err("There is no folder for settings here; the preset cannot be saved.".into())
                }
                Some(dir) => save_user_preset(dir, &d.preset_name, &d.mapping),
            };
            d.message = Some(match said {
                Ok(_) => {
                    d.mapping.name = d.preset_name.trim().to_owned();
                    d.set_presets_dir(d.presets_dir.clone());
                    format!("Saved the mapping as the preset \"{}\".", d.mapping.name)
                }
                Err(why) => why,
            });
        }
    });
}
