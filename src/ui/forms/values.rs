//! A text field whose values repeat across records (an organization's country, its sector): a
//! picker over the values already in the dataset, with "Add a new ..." revealing a text box, so a
//! half-typed word never becomes a new value and a value differing only by case is not duplicated.

use egui::Ui;

use super::choices::match_existing;
use super::fields::Form;

/// The words of one such picker.
pub(super) struct ValueWords {
    /// What the empty value reads as ("unknown").
    pub(super) empty: &'static str,
    /// The entry that reveals the text box ("Add a new country...").
    pub(super) add: &'static str,
    /// The label of the text box ("New country:").
    pub(super) new_label: &'static str,
    /// What the count beside each value counts ("Organizations in this country"), as a tooltip.
    pub(super) counted: &'static str,
}

/// What is typed in the "Add a new ..." box of one field, kept between frames while it is open.
#[derive(Clone, Default)]
struct Adding {
    /// The text typed so far.
    text: String,
    /// The box has been given the keyboard once (it asks for it when it opens).
    focused: bool,
}

impl Form<'_> {
    /// A choice among `existing` (value, how many records hold it), "empty" (stored as an empty
    /// text), or "Add a new ...", which reveals a text box: what is typed there is stored when the
    /// box is left (Enter, or a click elsewhere; Esc cancels), trimmed, and as the existing value
    /// when it differs from one only by case or spacing. Each change is one undoable step.
    pub(super) fn value_choice_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut String,
        existing: &[(String, usize)],
        words: &ValueWords,
    ) {
        let l = ui.label(label);
        let adding_id = ui.make_persistent_id(("form_value_add", &self.record, field));
        let mut adding: Option<Adding> = ui.data(|d| d.get_temp(adding_id));
        let before = value.clone();
        let width = self.width;
        ui.vertical(|ui| {
            let current = value.trim().to_owned();
            let selected = if current.is_empty() {
                words.empty
            } else {
                current.as_str()
            };
            let mut open_add = false;
            egui::ComboBox::from_id_salt(("form_value", field))
                .selected_text(selected)
                .width(width)
                .truncate()
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(current.is_empty(), words.empty)
                        .clicked()
                    {
                        value.clear();
                    }
                    // First, so that it is in view however long the list below is and wherever
                    // the popup opens.
                    if ui.selectable_label(false, words.add).clicked() {
                        open_add = true;
                    }
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            for (v, n) in existing {
                                if ui
                                    .selectable_label(current == *v, format!("{v} ({n})"))
                                    .on_hover_text(format!("{}: {n}", words.counted))
                                    .clicked()
                                {
                                    v.clone_into(value);
                                }
                            }
                        });
                })
                .response
                .labelled_by(l.id);
            if open_add {
                adding = Some(Adding::default());
            }
            if let Some(add) = &mut adding
                && add_box_ui(ui, width, value, existing, words, add)
            {
                adding = None;
            }
        });
        ui.data_mut(|d| match &adding {
            Some(a) => {
                d.insert_temp(adding_id, a.clone());
            }
            None => d.remove::<Adding>(adding_id),
        });
        if *value != before {
            self.changed_in_one_step(field);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }
}

/// The "Add a new ..." text box and a line saying what leaving it will store. Returns whether the
/// box closed this frame (left with Enter or a click elsewhere: `value` takes what was typed,
/// matched to `existing`; with Esc or nothing typed, `value` is kept).
fn add_box_ui(
    ui: &mut Ui,
    width: f32,
    value: &mut String,
    existing: &[(String, usize)],
    words: &ValueWords,
    add: &mut Adding,
) -> bool {
    let r = ui
        .horizontal(|ui| {
            let nl = ui.label(words.new_label);
            ui.add(
                egui::TextEdit::singleline(&mut add.text).desired_width((width - 90.0).max(80.0)),
            )
            .labelled_by(nl.id)
        })
        .inner;
    if !add.focused {
        r.request_focus();
        add.focused = true;
    }
    let stored = match_existing(&add.text, existing);
    if r.lost_focus() {
        if !stored.is_empty() && !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            *value = stored;
        }
        return true;
    }
    if stored.is_empty() {
        ui.weak("Type it, then press Enter (Esc cancels)");
    } else if existing.iter().any(|(v, _)| *v == stored) {
        ui.weak(format!("Already in the data as “{stored}”: Enter picks it"));
    } else {
        ui.weak(format!("Enter adds “{stored}”"));
    }
    false
}
