//! Editing forms. Each field edits a copy of the record; a change becomes one undoable
//! `Action::Edit` (a typing burst in one field is one step), and leaving the field ends the burst.
//! Dates and numbers keep what is typed in a buffer while it is not yet valid, say why, and store
//! the value once it parses.

use egui::Ui;

use crate::app::Action;
use crate::app::edit::{AnyRecord, replace_record};
use crate::app::history::CoalesceKey;
use crate::model::{
    Architecture, Dataset, EventKind, FamilyId, Openness, OrgId, OrgKind, PartialDate, Problem,
    RecordKind, RecordRef, SourceId, SourceKind,
};

/// One form being drawn: the problems of its record, the field changed this frame, actions.
struct Form<'a> {
    problems: Vec<&'a Problem>,
    changed: Option<&'static str>,
    actions: &'a mut Vec<Action>,
    record: RecordRef,
}

impl<'a> Form<'a> {
    fn new(all: &'a [Problem], record: RecordRef, actions: &'a mut Vec<Action>) -> Self {
        let (kind, id) = record.kind_and_id();
        let problems = all
            .iter()
            .filter(|p| p.kind == kind && p.id == id)
            .collect();
        Self {
            problems,
            changed: None,
            actions,
            record,
        }
    }

    /// What validation says about `field`, in the third column.
    fn problem_ui(&self, ui: &mut Ui, field: &str) {
        let prefix = format!("{field}[");
        let msgs: Vec<&str> = self
            .problems
            .iter()
            .filter(|p| p.field == field || p.field.starts_with(&prefix))
            .map(|p| p.message.as_str())
            .collect();
        if msgs.is_empty() {
            ui.label("");
        } else {
            ui.colored_label(ui.visuals().error_fg_color, msgs.join("; "));
        }
    }

    fn finish_row(&mut self, ui: &mut Ui, field: &'static str, r: &egui::Response) {
        if r.changed() {
            self.changed = Some(field);
        }
        if r.lost_focus() {
            self.actions.push(Action::SealEdit);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    fn text(&mut self, ui: &mut Ui, label: &str, field: &'static str, value: &mut String) {
        let l = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(value).desired_width(360.0))
            .labelled_by(l.id);
        self.finish_row(ui, field, &r);
    }

    fn multiline(&mut self, ui: &mut Ui, label: &str, field: &'static str, value: &mut String) {
        let l = ui.label(label);
        let r = ui
            .add(
                egui::TextEdit::multiline(value)
                    .desired_rows(3)
                    .desired_width(360.0),
            )
            .labelled_by(l.id);
        self.finish_row(ui, field, &r);
    }

    /// A field whose text is kept while it does not parse; `parse` says why it is not valid.
    fn buffered<T: PartialEq + Clone + Send + Sync + 'static>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut T,
        show: impl Fn(&T) -> String,
        parse: impl Fn(&str) -> Result<T, String>,
    ) {
        let l = ui.label(label);
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
        } else if parse(text.trim()).is_err() {
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

    fn date(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<PartialDate>,
    ) {
        self.buffered(
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

    fn number(&mut self, ui: &mut Ui, label: &str, field: &'static str, value: &mut Option<f64>) {
        self.buffered(
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
                if !x.is_finite() || x <= 0.0 {
                    return Err("must be a positive number".into());
                }
                Ok(Some(x))
            },
        );
    }

    /// A choice among `options`, with "unknown" when `allow_none`.
    fn choice<T: PartialEq + Copy>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<T>,
        options: &[(T, &str)],
        allow_none: bool,
    ) {
        let l = ui.label(label);
        let current = options
            .iter()
            .find(|(o, _)| Some(*o) == *value)
            .map_or("unknown", |(_, n)| *n);
        let before = *value;
        egui::ComboBox::from_id_salt(("form_choice", field))
            .selected_text(current)
            .show_ui(ui, |ui| {
                if allow_none {
                    ui.selectable_value(value, None, "unknown");
                }
                for (o, n) in options {
                    ui.selectable_value(value, Some(*o), *n);
                }
            })
            .response
            .labelled_by(l.id);
        if *value != before {
            self.changed = Some(field);
            self.actions.push(Action::SealEdit);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    /// A searchable choice of another record: `candidates` are (id, name).
    fn reference(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<String>,
        candidates: &[(String, String)],
        allow_none: bool,
    ) {
        let l = ui.label(label);
        let current = value
            .as_ref()
            .map(|id| {
                candidates
                    .iter()
                    .find(|(c, _)| c == id)
                    .map_or_else(|| format!("{id} (missing)"), |(_, n)| n.clone())
            })
            .unwrap_or_else(|| "none".to_owned());
        let before = value.clone();
        let filter_id = ui.make_persistent_id(("form_ref_filter", &self.record, field));
        egui::ComboBox::from_id_salt(("form_ref", field))
            .selected_text(current)
            .width(360.0)
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
                        for (id, name) in candidates
                            .iter()
                            .filter(|(id, n)| {
                                needle.is_empty()
                                    || n.to_lowercase().contains(&needle)
                                    || id.contains(&needle)
                            })
                            .take(500)
                        {
                            ui.selectable_value(value, Some(id.clone()), name);
                        }
                    });
                ui.data_mut(|d| d.insert_temp(filter_id, filter));
            })
            .response
            .labelled_by(l.id);
        if *value != before {
            self.changed = Some(field);
            self.actions.push(Action::SealEdit);
        }
        self.problem_ui(ui, field);
        ui.end_row();
    }

    /// The list of sources supporting the record: remove one, or add one from a searchable list.
    fn sources(&mut self, ui: &mut Ui, ds: &Dataset, value: &mut Vec<SourceId>) {
        ui.label("Sources");
        ui.vertical(|ui| {
            // A fixed width, so the grid's columns settle in one frame.
            ui.set_width(360.0);
            let mut remove = None;
            for (i, s) in value.iter().enumerate() {
                ui.horizontal(|ui| {
                    let title = ds.sources.iter().position(|x| &x.id == s).map_or_else(
                        || format!("{s} (missing)"),
                        |p| {
                            format!(
                                "[{}] {}",
                                p + 1,
                                super::detail::source_title(&ds.sources[p])
                            )
                        },
                    );
                    ui.add_sized([330.0, 18.0], egui::Label::new(title).truncate());
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
                self.changed = Some("sources");
                self.actions.push(Action::SealEdit);
            }
            let candidates: Vec<(String, String)> = ds
                .sources
                .iter()
                .enumerate()
                .filter(|(_, s)| !value.contains(&s.id))
                .map(|(p, s)| {
                    (
                        s.id.to_string(),
                        format!("[{}] {}", p + 1, super::detail::source_title(s)),
                    )
                })
                .collect();
            let mut pick: Option<String> = None;
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
                value.push(SourceId(id));
                self.changed = Some("sources");
                self.actions.push(Action::SealEdit);
            }
        });
        self.problem_ui(ui, "sources");
        ui.end_row();
    }

    /// Emits the edit turning the stored record into `new`, when a field changed.
    fn emit(self, ds: &Dataset, new: AnyRecord) {
        let Some(field) = self.changed else {
            return;
        };
        if let Some((label, edits)) = replace_record(ds, new) {
            self.actions.push(Action::Edit {
                label,
                edits,
                coalesce: Some(CoalesceKey::field(self.record, field)),
            });
        }
    }
}

fn grid(id: &str) -> egui::Grid {
    egui::Grid::new(id).num_columns(3).spacing([12.0, 6.0])
}

const ORG_KINDS: [(OrgKind, &str); 7] = [
    (OrgKind::Company, "Company"),
    (OrgKind::AiLab, "AI lab"),
    (OrgKind::ModelHub, "Model hub / platform"),
    (OrgKind::ResearchInstitute, "Research institute"),
    (OrgKind::Government, "Government body"),
    (OrgKind::Media, "Media"),
    (OrgKind::Other, "Other"),
];

/// The form of an organization.
pub fn organization_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.organizations.get(pos) else {
        return;
    };
    let mut o = old.clone();
    let mut f = Form::new(problems, RecordRef::Organization(old.id.clone()), actions);
    grid("org_form").show(ui, |ui| {
        f.text(ui, "Name", "name", &mut o.name);
        f.text(
            ui,
            "Name in its own script",
            "native_name",
            &mut o.native_name,
        );
        f.text(ui, "Country", "country", &mut o.country);
        f.text(ui, "Headquarters", "headquarters", &mut o.headquarters);
        f.text(ui, "Sector", "sector", &mut o.sector);
        let mut kind = Some(o.kind);
        f.choice(ui, "Kind", "kind", &mut kind, &ORG_KINDS, false);
        o.kind = kind.unwrap_or(o.kind);
        f.date(
            ui,
            "Founded (YYYY, YYYY-MM or YYYY-MM-DD)",
            "founded",
            &mut o.founded,
        );
        f.multiline(ui, "Notes", "notes", &mut o.notes);
        f.sources(ui, ds, &mut o.sources);
    });
    f.emit(ds, AnyRecord::from(o));
}

fn org_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.organizations
        .iter()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect()
}

/// The form of a model.
pub fn model_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.models.get(pos) else {
        return;
    };
    let mut m = old.clone();
    let mut f = Form::new(problems, RecordRef::Model(old.id.clone()), actions);
    grid("model_form").show(ui, |ui| {
        f.text(ui, "Name", "name", &mut m.name);
        let mut dev = Some(m.developer.to_string());
        f.reference(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(d) = dev {
            m.developer = OrgId(d);
        }
        let families: Vec<(String, String)> = ds
            .families
            .iter()
            .map(|x| (x.id.to_string(), x.name.clone()))
            .collect();
        let mut fam = m.family.as_ref().map(ToString::to_string);
        f.reference(ui, "Family", "family", &mut fam, &families, true);
        m.family = fam.map(FamilyId);
        f.date(
            ui,
            "Released (YYYY, YYYY-MM or YYYY-MM-DD)",
            "release_date",
            &mut m.release_date,
        );
        let openness: Vec<(Openness, &str)> =
            Openness::ALL.iter().map(|o| (*o, o.label())).collect();
        f.choice(ui, "Openness", "openness", &mut m.openness, &openness, true);
        f.text(ui, "License", "license", &mut m.license);
        f.number(
            ui,
            "Total parameters (billions)",
            "total_params_b",
            &mut m.total_params_b,
        );
        f.number(
            ui,
            "Active parameters (billions)",
            "active_params_b",
            &mut m.active_params_b,
        );
        f.choice(
            ui,
            "Architecture",
            "architecture",
            &mut m.architecture,
            &[
                (Architecture::Dense, "Dense"),
                (Architecture::MixtureOfExperts, "Mixture of experts"),
            ],
            true,
        );
        f.number(
            ui,
            "Context length (thousands of tokens)",
            "context_k_tokens",
            &mut m.context_k_tokens,
        );
        f.multiline(ui, "Notes", "notes", &mut m.notes);
        f.sources(ui, ds, &mut m.sources);
    });
    f.emit(ds, AnyRecord::from(m));
}

const SOURCE_KINDS: [(SourceKind, &str); 6] = [
    (SourceKind::Primary, "Primary source"),
    (SourceKind::Press, "Press"),
    (SourceKind::Study, "Study"),
    (SourceKind::CompanyStatement, "Company statement"),
    (SourceKind::Dataset, "Dataset"),
    (SourceKind::Web, "Web page"),
];

/// The form of a source.
pub fn source_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.sources.get(pos) else {
        return;
    };
    let mut s = old.clone();
    let mut f = Form::new(problems, RecordRef::Source(old.id.clone()), actions);
    grid("source_form").show(ui, |ui| {
        f.text(ui, "Title", "title", &mut s.title);
        f.text(ui, "Publisher", "publisher", &mut s.publisher);
        f.text(ui, "Author", "author", &mut s.author);
        f.date(
            ui,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "date",
            &mut s.date,
        );
        f.text(
            ui,
            "Address or other locator (as found)",
            "locator",
            &mut s.locator,
        );
        let mut kind = Some(s.kind);
        f.choice(ui, "Kind", "kind", &mut kind, &SOURCE_KINDS, false);
        s.kind = kind.unwrap_or(s.kind);
        let others: Vec<(String, String)> = ds
            .sources
            .iter()
            .filter(|x| x.id != old.id)
            .map(|x| (x.id.to_string(), super::detail::source_title(x)))
            .collect();
        let mut via = s.via.as_ref().map(ToString::to_string);
        f.reference(ui, "Reprint or summary of", "via", &mut via, &others, true);
        s.via = via.map(SourceId);
        f.multiline(ui, "Notes", "notes", &mut s.notes);
    });
    f.emit(ds, AnyRecord::from(s));
}

/// The form of a person.
pub fn person_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.people.get(pos) else {
        return;
    };
    let mut p = old.clone();
    let mut f = Form::new(problems, RecordRef::Person(old.id.clone()), actions);
    grid("person_form").show(ui, |ui| {
        f.text(ui, "Name", "name", &mut p.name);
        f.text(
            ui,
            "Name in its own script",
            "native_name",
            &mut p.native_name,
        );
        f.multiline(ui, "Notes", "notes", &mut p.notes);
        f.sources(ui, ds, &mut p.sources);
    });
    f.emit(ds, AnyRecord::from(p));
}

const EVENT_KINDS: [(EventKind, &str); 7] = [
    (EventKind::Release, "Release"),
    (EventKind::Overtaking, "Overtaking"),
    (EventKind::Report, "Report"),
    (EventKind::Letter, "Letter"),
    (EventKind::Statement, "Statement"),
    (EventKind::Appointment, "Appointment"),
    (EventKind::Other, "Other"),
];

/// The form of an event.
pub fn event_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.events.get(pos) else {
        return;
    };
    let mut e = old.clone();
    let mut f = Form::new(problems, RecordRef::Event(old.id.clone()), actions);
    grid("event_form").show(ui, |ui| {
        f.text(ui, "Title", "title", &mut e.title);
        f.date(
            ui,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "date",
            &mut e.date,
        );
        let mut kind = Some(e.kind);
        f.choice(ui, "Kind", "kind", &mut kind, &EVENT_KINDS, false);
        e.kind = kind.unwrap_or(e.kind);
        f.multiline(ui, "Description", "description", &mut e.description);
        f.sources(ui, ds, &mut e.sources);
    });
    f.emit(ds, AnyRecord::from(e));
}

/// The form for the selected record, when its kind has one. Returns whether it drew one.
pub fn form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    record: &RecordRef,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) -> bool {
    match record.kind_and_id().0 {
        RecordKind::Organization => organization_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Model => model_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Source => source_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Person => person_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Event => event_form_ui(ui, ds, pos, problems, actions),
        _ => return false,
    }
    true
}

/// Whether [`form_ui`] has a form for records of this kind.
pub fn has_form(record: &RecordRef) -> bool {
    matches!(
        record.kind_and_id().0,
        RecordKind::Organization
            | RecordKind::Model
            | RecordKind::Source
            | RecordKind::Person
            | RecordKind::Event
    )
}
