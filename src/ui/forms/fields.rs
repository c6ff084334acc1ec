//! The field widgets of the forms: text, numbers, dates, choices, references to other records,
//! the list of sources. Each field edits a copy of the record; a change becomes one undoable
//! `Action::Edit` (a typing burst in one field is one step), and leaving the field ends the burst.
//! Dates and numbers keep what is typed in a buffer while it is not yet valid, say why, and store
//! the value once it parses.

use egui::Ui;

use super::choices::source_candidates;
use super::grid::GRID_GAP;
pub(super) use super::grid::{cell_buffer_ui, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, replace_record_at};
use crate::app::history::CoalesceKey;
use crate::model::{Citation, Dataset, PartialDate, Problem, RecordRef, SourceId};

/// One form being drawn: the problems of its record, the field changed this frame, actions.
pub(super) struct Form<'a> {
    /// Validation's findings about this record.
    problems: Vec<&'a Problem>,
    /// The field changed this frame, if any: it names the undo step.
    pub(super) changed: Option<&'static str>,
    /// Where the form's actions go.
    pub(super) actions: &'a mut Vec<Action>,
    /// The record being edited.
    pub(super) record: RecordRef,
    /// Width of the input fields: under half the panel, within 120..=360 points, so the form fits.
    pub(super) width: f32,
    /// Widest a field's label may be before it wraps, so label, field and problem fit the panel.
    pub(super) label_width: f32,
    /// Widest a field's problem text may be before it wraps.
    pub(super) problem_width: f32,
}

impl<'a> Form<'a> {
    /// A form for `record`, in a panel `panel_width` wide, showing its problems among `all`.
    pub(super) fn new(
        panel_width: f32,
        all: &'a [Problem],
        record: RecordRef,
        actions: &'a mut Vec<Action>,
    ) -> Self {
        let (kind, id) = record.kind_and_id();
        let width = (panel_width * 0.45).clamp(120.0, 360.0);
        let label_width = ((panel_width - width) * 0.6).clamp(80.0, 260.0);
        let problems = all
            .iter()
            .filter(|p| p.kind == kind && p.id == id)
            .collect();
        Self {
            problems,
            changed: None,
            actions,
            record,
            width,
            label_width,
            problem_width: (panel_width - width - label_width - 2.0 * GRID_GAP).max(60.0),
        }
    }

    /// A field's label in the form's first column, wrapped at `label_width`.
    pub(super) fn label_ui(&self, ui: &mut Ui, label: &str) -> egui::Response {
        ui.scope(|ui| {
            ui.set_max_width(self.label_width);
            ui.add(egui::Label::new(label).wrap())
        })
        .inner
    }

    /// `field` changed by one click or pick (not typing): the change is its own undo step.
    pub(super) fn changed_in_one_step(&mut self, field: &'static str) {
        self.changed = Some(field);
        self.actions.push(Action::SealEdit);
    }

    /// What validation says about `field`, in the third column: in the error colour, or the
    /// warning colour when there are only warnings (each labelled "warning:").
    pub(super) fn problem_ui(&self, ui: &mut Ui, field: &str) {
        let prefix = format!("{field}[");
        let mine: Vec<&Problem> = self
            .problems
            .iter()
            .copied()
            .filter(|p| p.field == field || p.field.starts_with(&prefix))
            .collect();
        if mine.is_empty() {
            ui.label("");
            return;
        }
        let msgs: Vec<String> = mine
            .iter()
            .map(|p| {
                // A problem at one item of the field says which: "the second source: ...".
                if p.field == field {
                    format!("{}{}", p.label(), p.message)
                } else {
                    let item = crate::model::field_words::field_label(p.kind, &p.field);
                    format!("{}{item}: {}", p.label(), p.message)
                }
            })
            .collect();
        let color = if mine.iter().any(|p| p.is_error()) {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.scope(|ui| {
            ui.set_max_width(self.problem_width);
            ui.add(egui::Label::new(egui::RichText::new(msgs.join("; ")).color(color)).wrap());
        });
    }

    /// Ends a field's row: notes a change, ends the typing burst on leaving, shows problems.
    pub(super) fn finish_row_ui(&mut self, ui: &mut Ui, field: &'static str, r: &egui::Response) {
        if r.changed() {
            self.changed = Some(field);
        }
        if r.lost_focus() {
            self.actions.push(Action::SealEdit);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    /// A check box: `label` in the first column, `text` beside the box.
    pub(super) fn check_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut bool,
        text: &str,
    ) {
        self.label_ui(ui, label);
        let r = ui.checkbox(value, text);
        if r.changed() {
            self.changed_in_one_step(field);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    /// A one-line text field.
    pub(super) fn text_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut String,
    ) {
        let l = self.label_ui(ui, label);
        let r = ui
            .add(egui::TextEdit::singleline(value).desired_width(self.width))
            .labelled_by(l.id);
        self.finish_row_ui(ui, field, &r);
    }

    /// A text field of several lines.
    pub(super) fn multiline_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut String,
    ) {
        let l = self.label_ui(ui, label);
        let r = ui
            .add(
                egui::TextEdit::multiline(value)
                    .desired_rows(3)
                    .desired_width(self.width),
            )
            .labelled_by(l.id);
        self.finish_row_ui(ui, field, &r);
    }

    /// A field whose text is kept while it does not parse; `parse` says why it is not valid.
    pub(super) fn buffered_ui<T: PartialEq + Clone + Send + Sync + 'static>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut T,
        show: impl Fn(&T) -> String,
        parse: impl Fn(&str) -> Result<T, String>,
    ) {
        let l = self.label_ui(ui, label);
        let id = ui.make_persistent_id(("form_buffer", &self.record, field));
        // (text typed, the stored value it was typed against)
        let (mut text, seen) = ui
            .data(|d| d.get_temp::<(String, T)>(id))
            .filter(|(_, seen)| seen == value)
            .unwrap_or_else(|| (show(value), value.clone()));
        let r = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(200.0))
            .labelled_by(l.id);
        let mut error = None;
        let mut stored = seen;
        if r.changed() {
            match parse(text.trim()) {
                Ok(v) => {
                    if v != *value {
                        *value = v.clone();
                        self.changed = Some(field);
                    }
                    stored = v;
                }
                Err(e) => error = Some(e),
            }
        } else {
            error = parse(text.trim()).err();
        }
        ui.data_mut(|d| d.insert_temp(id, (text, stored)));
        if r.lost_focus() {
            self.actions.push(Action::SealEdit);
        }
        match error {
            Some(e) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("not stored: {e}"));
            }
            None => self.problem_ui(ui, field),
        }
        ui.end_row();
    }

    /// An optional date typed as YYYY, YYYY-MM or YYYY-MM-DD (empty: none).
    pub(super) fn date_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<PartialDate>,
    ) {
        self.buffered_ui(
            ui,
            label,
            field,
            value,
            |v| v.map(|d| d.to_string()).unwrap_or_default(),
            |t| {
                if t.is_empty() {
                    return Ok(None);
                }
                let d = PartialDate::parse(t)
                    .map_err(|_| "use YYYY, YYYY-MM or YYYY-MM-DD".to_owned())?;
                d.check()?;
                Ok(Some(d))
            },
        );
    }

    /// An optional positive number; thousands separators are accepted.
    pub(super) fn number_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<f64>,
    ) {
        self.optional_number_ui(ui, label, field, value, true);
    }

    /// A number that may be negative or zero (claim values); validation checks the unit's range.
    pub(super) fn signed_number_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<f64>,
    ) {
        self.optional_number_ui(ui, label, field, value, false);
    }

    /// An optional number typed as text (thousands separators accepted), kept as typed until it
    /// parses; `positive` refuses zero and negative numbers.
    fn optional_number_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<f64>,
        positive: bool,
    ) {
        self.buffered_ui(
            ui,
            label,
            field,
            value,
            |v| v.map(|x| x.to_string()).unwrap_or_default(),
            |t| {
                if t.is_empty() {
                    return Ok(None);
                }
                let x: f64 = t
                    .replace(',', "")
                    .parse()
                    .map_err(|_| "not a number".to_owned())?;
                if positive && (!x.is_finite() || x <= 0.0) {
                    return Err("must be a positive number".into());
                }
                if !x.is_finite() {
                    return Err("not a finite number".into());
                }
                Ok(Some(x))
            },
        );
    }

    /// A choice among `options` (value, label), with "unknown" when `allow_none`.
    pub(super) fn choice_ui<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<T>,
        options: &[(T, impl AsRef<str>)],
        allow_none: bool,
    ) {
        let l = self.label_ui(ui, label);
        let current = options
            .iter()
            .find(|(o, _)| value.as_ref() == Some(o))
            .map_or("unknown", |(_, n)| n.as_ref());
        let before = value.clone();
        egui::ComboBox::from_id_salt(("form_choice", field))
            .selected_text(current)
            .width(self.width)
            .truncate()
            .show_ui(ui, |ui| {
                if allow_none {
                    ui.selectable_value(value, None, "unknown");
                }
                for (o, n) in options {
                    ui.selectable_value(value, Some(o.clone()), n.as_ref());
                }
            })
            .response
            .labelled_by(l.id);
        if *value != before {
            self.changed_in_one_step(field);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    /// A searchable choice of another record: `candidates` are (record, name); the filter matches
    /// names and ids. With `allow_none`, "none" is offered too.
    pub(super) fn reference_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<RecordRef>,
        candidates: &[(RecordRef, String)],
        allow_none: bool,
    ) {
        let unset = if allow_none {
            Unset::None
        } else {
            Unset::Refused
        };
        self.any_reference_ui(ui, label, field, value, candidates, unset);
    }

    /// A choice of another record that a new record starts without and must be given (a claim's
    /// source, an adoption's model): while it is unset, the picker reads "Choose..." and `prompt`
    /// stands beside it in the error colour, saying in plain words what to choose.
    pub(super) fn required_reference_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<RecordRef>,
        candidates: &[(RecordRef, String)],
        prompt: &str,
    ) {
        self.any_reference_ui(ui, label, field, value, candidates, Unset::Ask(prompt));
    }

    /// [`Self::reference_ui`] and [`Self::required_reference_ui`]: what an unset value shows.
    fn any_reference_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<RecordRef>,
        candidates: &[(RecordRef, String)],
        unset: Unset<'_>,
    ) {
        let allow_none = matches!(unset, Unset::None);
        let l = self.label_ui(ui, label);
        let current = value
            .as_ref()
            .map(|record| {
                candidates
                    .iter()
                    .find(|(c, _)| c == record)
                    .map_or_else(|| crate::model::missing_name(record), |(_, n)| n.clone())
            })
            .unwrap_or_else(|| match unset {
                Unset::Ask(_) => "Choose...".to_owned(),
                Unset::None | Unset::Refused => "none".to_owned(),
            });
        let before = value.clone();
        let filter_id = ui.make_persistent_id(("form_ref_filter", &self.record, field));
        egui::ComboBox::from_id_salt(("form_ref", field))
            .selected_text(current)
            .width(self.width)
            .truncate()
            .show_ui(ui, |ui| {
                let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
                let fl = ui.label("Find:");
                ui.add(egui::TextEdit::singleline(&mut filter).hint_text("type to narrow"))
                    .labelled_by(fl.id)
                    .request_focus();
                let needle = filter.to_lowercase();
                if allow_none {
                    ui.selectable_value(value, None, "none");
                }
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for (record, name) in candidates
                            .iter()
                            .filter(|(record, n)| {
                                needle.is_empty()
                                    || n.to_lowercase().contains(&needle)
                                    || record.kind_and_id().1.contains(&needle)
                            })
                            .take(500)
                        {
                            ui.selectable_value(value, Some(record.clone()), name);
                        }
                    });
                ui.data_mut(|d| d.insert_temp(filter_id, filter));
            })
            .response
            .labelled_by(l.id);
        if *value != before {
            self.changed_in_one_step(field);
        }
        match unset {
            // Validation's "no ... chosen yet" says the same in fewer words: the prompt replaces it.
            Unset::Ask(prompt) if value.is_none() => {
                ui.colored_label(ui.visuals().error_fg_color, prompt);
            }
            _ => self.problem_ui(ui, field),
        }
        ui.end_row();
    }

    /// The list of sources supporting the record, each with where in it ("row 37"): edit that,
    /// remove one, or add one from a searchable list.
    pub(super) fn sources_ui(&mut self, ui: &mut Ui, ds: &Dataset, value: &mut Vec<Citation>) {
        ui.label("Sources");
        ui.vertical(|ui| {
            // A fixed width, so the grid's columns settle in one frame.
            ui.set_width(self.width);
            let mut remove = None;
            for (i, c) in value.iter_mut().enumerate() {
                let s = &c.source;
                ui.horizontal_wrapped(|ui| {
                    let title = ds.sources.iter().position(|x| &x.id == s).map_or_else(
                        || "a source that is not in the dataset".to_owned(),
                        |p| {
                            crate::model::source_name(
                                ds,
                                &ds.sources[p],
                                crate::model::SourceName::Title,
                            )
                        },
                    );
                    ui.add_sized(
                        [(self.width - 150.0).max(80.0), 18.0],
                        egui::Label::new(title).truncate(),
                    );
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut c.detail)
                                .desired_width(110.0)
                                .hint_text("where: row, page"),
                        )
                        .on_hover_text("Where in the source (\"row 37\", \"p. 4\"); may be empty");
                    if r.changed() {
                        self.changed = Some("sources");
                    }
                    if r.lost_focus() {
                        self.actions.push(Action::SealEdit);
                    }
                    if ui
                        .small_button("×")
                        .on_hover_text("Remove this source")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                value.remove(i);
                self.changed_in_one_step("sources");
            }
            let candidates: Vec<(SourceId, String)> = source_candidates(ds)
                .into_iter()
                .filter_map(|(record, name)| match record {
                    RecordRef::Source(id) if !value.iter().any(|c| c.source == id) => {
                        Some((id, name))
                    }
                    _ => None,
                })
                .collect();
            let mut pick: Option<SourceId> = None;
            let filter_id = ui.make_persistent_id(("form_add_source", &self.record));
            egui::CollapsingHeader::new("Add a source...")
                .id_salt(("form_add_source_list", &self.record))
                .show(ui, |ui| {
                    let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
                    let fl = ui.label("Find:");
                    ui.add(
                        egui::TextEdit::singleline(&mut filter)
                            .hint_text("title, publisher, address"),
                    )
                    .labelled_by(fl.id);
                    let needle = filter.to_lowercase();
                    egui::ScrollArea::vertical()
                        .max_height(200.0)
                        .show(ui, |ui| {
                            for (id, name) in candidates
                                .iter()
                                .filter(|(_, n)| {
                                    needle.is_empty() || n.to_lowercase().contains(&needle)
                                })
                                .take(300)
                            {
                                if ui.button(name).clicked() {
                                    pick = Some(id.clone());
                                }
                            }
                        });
                    ui.data_mut(|d| d.insert_temp(filter_id, filter));
                });
            if let Some(id) = pick {
                value.push(Citation::from(id));
                self.changed_in_one_step("sources");
            }
        });
        self.problem_ui(ui, "sources");
        ui.end_row();
    }

    /// Emits the edit turning the stored record into `new`, when a field changed.
    pub(super) fn emit(self, ds: &Dataset, new: AnyRecord) {
        let Some(field) = self.changed else {
            return;
        };
        // A new name may give the record a new id (see `follow_name`); the typing burst in
        // the name stays one undo step, keyed by where the record is rather than its id.
        let mut key = CoalesceKey::field(self.record.clone(), field);
        let new = match crate::model::find_record(ds, &self.record) {
            Some((at, old)) if matches!(field, "name" | "title") => {
                key = CoalesceKey::named(format!("{} at {at}: {field}", old.kind()));
                crate::app::edit::follow_name(ds, &old, new)
            }
            _ => new,
        };
        if let Some((label, edits)) = replace_record_at(ds, &self.record, new) {
            self.actions.push(Action::Edit {
                label,
                edits,
                coalesce: Some(key),
            });
        }
    }
}

/// What a reference picker offers and shows while no record is chosen.
#[derive(Clone, Copy)]
enum Unset<'p> {
    /// "none" is a choice.
    None,
    /// The value is always set (a form never empties it).
    Refused,
    /// The record starts unset and the user must choose: the prompt says what to choose.
    Ask(&'p str),
}
