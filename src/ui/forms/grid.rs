//! The form's three-column grid (label, field, what validation says) and a table cell that keeps
//! typed text until it parses.

use egui::Ui;

/// Room between a form's columns, in points.
pub(super) const GRID_GAP: f32 = 12.0;

/// The three-column grid of a form: label, field, what validation says.
pub(super) fn grid(id: &str) -> egui::Grid {
    egui::Grid::new(id).num_columns(3).spacing([GRID_GAP, 6.0])
}

/// A table cell holding typed text until it parses (`parse` gives `None` while invalid).
pub(super) fn cell_buffer_ui<T: PartialEq + Clone + Send + Sync + 'static>(
    ui: &mut Ui,
    id: egui::Id,
    value: &mut Option<T>,
    show: impl Fn(&Option<T>) -> String,
    parse: impl Fn(&str) -> Option<Option<T>>,
) {
    let (mut text, seen) = ui
        .data(|d| d.get_temp::<(String, Option<T>)>(id))
        .filter(|(_, seen)| seen == value)
        .unwrap_or_else(|| (show(value), value.clone()));
    let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(130.0));
    let r = r.on_hover_text("Edit in place");
    let mut stored = seen;
    let valid = parse(text.trim());
    if r.changed()
        && let Some(v) = valid.clone()
    {
        *value = v.clone();
        stored = v;
    }
    if valid.is_none() {
        ui.colored_label(ui.visuals().error_fg_color, "?")
            .on_hover_text("Not valid; not stored");
    }
    ui.data_mut(|d| d.insert_temp(id, (text, stored)));
}
