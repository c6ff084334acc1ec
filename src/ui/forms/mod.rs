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
    /// Width of the input fields: half the panel, within 140..=360 points, so the form fits.
    width: f32,
}

impl<'a> Form<'a> {
    fn new(
        panel_width: f32,
        all: &'a [Problem],
        record: RecordRef,
        actions: &'a mut Vec<Action>,
    ) -> Self {
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
            width: (panel_width * 0.5).clamp(140.0, 360.0),
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
            .add(egui::TextEdit::singleline(value).desired_width(self.width))
            .labelled_by(l.id);
        self.finish_row(ui, field, &r);
    }

    fn multiline(&mut self, ui: &mut Ui, label: &str, field: &'static str, value: &mut String) {
        let l = ui.label(label);
        let r = ui
            .add(
                egui::TextEdit::multiline(value)
                    .desired_rows(3)
                    .desired_width(self.width),
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
            .width(self.width)
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
            ui.set_width(self.width);
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
                    ui.add_sized(
                        [(self.width - 30.0).max(80.0), 18.0],
                        egui::Label::new(title).truncate(),
                    );
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
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Organization(old.id.clone()),
        actions,
    );
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
        f.choice(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &OrgKind::ALL.map(|k| (k, k.label())),
            false,
        );
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
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Model(old.id.clone()),
        actions,
    );
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
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Source(old.id.clone()),
        actions,
    );
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
        f.choice(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &SourceKind::ALL.map(|k| (k, k.label())),
            false,
        );
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
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Person(old.id.clone()),
        actions,
    );
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
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Event(old.id.clone()),
        actions,
    );
    grid("event_form").show(ui, |ui| {
        f.text(ui, "Title", "title", &mut e.title);
        f.date(
            ui,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "date",
            &mut e.date,
        );
        let mut kind = Some(e.kind);
        f.choice(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &EventKind::ALL.map(|k| (k, k.label())),
            false,
        );
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
        RecordKind::Family => family_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Role => role_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Adoption => adoption_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Claim => claim_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Series => series_form_ui(ui, ds, pos, problems, actions),
        RecordKind::Conflict => conflict_form_ui(ui, ds, pos, problems, actions),
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
            | RecordKind::Family
            | RecordKind::Role
            | RecordKind::Adoption
            | RecordKind::Claim
            | RecordKind::Series
            | RecordKind::Conflict
    )
}

// ---------------------------------------------------------------------------------------------
// Families, roles, adoptions and claims.

use crate::app::edit::fresh_id;
use crate::model::{
    Adoption, AdoptionId, AdoptionStatus, AdoptionTarget, Claim, ClaimId, ClaimValue, Metric,
    ModelId, PersonId, Qualifier, Source, Speaker, StatusEntry, Subject, Unit, When,
};

fn person_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.people
        .iter()
        .map(|x| (x.id.to_string(), x.name.clone()))
        .collect()
}

/// The form of a model family.
pub fn family_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.families.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Family(old.id.clone()),
        actions,
    );
    grid("family_form").show(ui, |ui| {
        f.text(ui, "Name", "name", &mut x.name);
        let mut dev = Some(x.developer.to_string());
        f.reference(
            ui,
            "Developer",
            "developer",
            &mut dev,
            &org_candidates(ds),
            false,
        );
        if let Some(d) = dev {
            x.developer = OrgId(d);
        }
        f.multiline(ui, "Notes", "notes", &mut x.notes);
        f.sources(ui, ds, &mut x.sources);
    });
    f.emit(ds, AnyRecord::from(x));
}

/// The form of a role (a title a person held at an organization).
pub fn role_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.roles.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Role(old.id.clone()),
        actions,
    );
    grid("role_form").show(ui, |ui| {
        let mut person = Some(x.person.to_string());
        f.reference(
            ui,
            "Person",
            "person",
            &mut person,
            &person_candidates(ds),
            false,
        );
        if let Some(p) = person {
            x.person = PersonId(p);
        }
        let mut org = Some(x.organization.to_string());
        f.reference(
            ui,
            "Organization",
            "organization",
            &mut org,
            &org_candidates(ds),
            false,
        );
        if let Some(o) = org {
            x.organization = OrgId(o);
        }
        f.text(ui, "Title (as the source words it)", "title", &mut x.title);
        f.date(ui, "Since", "since", &mut x.since);
        f.date(ui, "Until", "until", &mut x.until);
        f.multiline(ui, "Notes", "notes", &mut x.notes);
        f.sources(ui, ds, &mut x.sources);
    });
    f.emit(ds, AnyRecord::from(x));
}

/// Models and families as one list of adoption targets ("m:<id>" and "f:<id>").
fn target_candidates(ds: &Dataset) -> Vec<(String, String)> {
    ds.families
        .iter()
        .map(|x| (format!("f:{}", x.id), format!("{} (family)", x.name)))
        .chain(
            ds.models
                .iter()
                .map(|m| (format!("m:{}", m.id), m.name.clone())),
        )
        .collect()
}

/// The form of an adoption, with its dated status history.
pub fn adoption_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.adoptions.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Adoption(old.id.clone()),
        actions,
    );
    grid("adoption_form").show(ui, |ui| {
        let mut org = Some(x.organization.to_string());
        f.reference(
            ui,
            "Organization",
            "organization",
            &mut org,
            &org_candidates(ds),
            false,
        );
        if let Some(o) = org {
            x.organization = OrgId(o);
        }
        let mut target = Some(match &x.target {
            AdoptionTarget::Model(m) => format!("m:{m}"),
            AdoptionTarget::Family(fam) => format!("f:{fam}"),
        });
        f.reference(
            ui,
            "Uses (model or family)",
            "target",
            &mut target,
            &target_candidates(ds),
            false,
        );
        if let Some(t) = target {
            if let Some(m) = t.strip_prefix("m:") {
                x.target = AdoptionTarget::Model(ModelId(m.to_owned()));
            } else if let Some(fam) = t.strip_prefix("f:") {
                x.target = AdoptionTarget::Family(FamilyId(fam.to_owned()));
            }
        }
        let mut uses = x.use_cases.join(", ");
        f.text(ui, "Use cases (comma-separated)", "use_cases", &mut uses);
        if f.changed == Some("use_cases") {
            x.use_cases = uses
                .split(',')
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty())
                .collect();
        }
        f.multiline(ui, "Notes", "notes", &mut x.notes);
        f.sources(ui, ds, &mut x.sources);
    });
    ui.label(egui::RichText::new("Status history (oldest first)").strong());
    let mut remove = None;
    for (i, entry) in x.status.iter_mut().enumerate() {
        ui.push_id(("status_entry", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                grid("status_form").show(ui, |ui| {
                    let mut st = Some(entry.status);
                    f.choice(
                        ui,
                        "Status",
                        "status",
                        &mut st,
                        &AdoptionStatus::ALL.map(|k| (k, k.label())),
                        false,
                    );
                    entry.status = st.unwrap_or(entry.status);
                    f.date(ui, "Date", "status_date", &mut entry.date);
                    f.text(ui, "Notes", "status_notes", &mut entry.notes);
                    f.sources(ui, ds, &mut entry.sources);
                });
                if ui.button("Remove this step").clicked() {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        x.status.remove(i);
        f.changed = Some("status");
    }
    if ui.button("+ Add a status step").clicked() {
        x.status.push(StatusEntry {
            status: AdoptionStatus::Experimenting,
            date: None,
            notes: String::new(),
            sources: Vec::new(),
        });
        f.changed = Some("status");
        f.actions.push(Action::SealEdit);
    }
    f.emit(ds, AnyRecord::from(x));
}

const METRICS: [(&str, &str); 16] = [
    ("AccuracyGain", "Accuracy gain"),
    ("CostReduction", "Cost reduction"),
    ("SpeedGain", "Speed gain"),
    ("CumulativeDownloads", "Cumulative downloads"),
    ("MonthlyDownloads", "Monthly downloads"),
    ("PeriodDownloads", "Downloads in period"),
    ("DownloadShare", "Share of downloads"),
    ("DownloadRank", "Download rank"),
    ("Derivatives", "Derivative models"),
    ("DerivativeShare", "Share of derivatives"),
    ("ReleaseShare", "Share of releases"),
    ("ModelCount", "Number of models"),
    ("UsageShare", "Share of usage"),
    ("MonthlyActiveUsers", "Monthly active users"),
    ("TrendingModels", "Trending models"),
    ("Date", "Date"),
];

fn metric_key(m: &Metric) -> &'static str {
    match m {
        Metric::AccuracyGain => "AccuracyGain",
        Metric::CostReduction => "CostReduction",
        Metric::SpeedGain => "SpeedGain",
        Metric::CumulativeDownloads => "CumulativeDownloads",
        Metric::MonthlyDownloads => "MonthlyDownloads",
        Metric::PeriodDownloads => "PeriodDownloads",
        Metric::DownloadShare => "DownloadShare",
        Metric::DownloadRank => "DownloadRank",
        Metric::Derivatives => "Derivatives",
        Metric::DerivativeShare => "DerivativeShare",
        Metric::ReleaseShare => "ReleaseShare",
        Metric::ModelCount => "ModelCount",
        Metric::UsageShare => "UsageShare",
        Metric::MonthlyActiveUsers => "MonthlyActiveUsers",
        Metric::TrendingModels => "TrendingModels",
        Metric::Date => "Date",
        Metric::Other(_) => "Other",
    }
}

fn metric_from_key(k: &str, other: &str) -> Metric {
    match k {
        "AccuracyGain" => Metric::AccuracyGain,
        "CostReduction" => Metric::CostReduction,
        "SpeedGain" => Metric::SpeedGain,
        "CumulativeDownloads" => Metric::CumulativeDownloads,
        "MonthlyDownloads" => Metric::MonthlyDownloads,
        "PeriodDownloads" => Metric::PeriodDownloads,
        "DownloadShare" => Metric::DownloadShare,
        "DownloadRank" => Metric::DownloadRank,
        "Derivatives" => Metric::Derivatives,
        "DerivativeShare" => Metric::DerivativeShare,
        "ReleaseShare" => Metric::ReleaseShare,
        "ModelCount" => Metric::ModelCount,
        "UsageShare" => Metric::UsageShare,
        "MonthlyActiveUsers" => Metric::MonthlyActiveUsers,
        "TrendingModels" => Metric::TrendingModels,
        "Date" => Metric::Date,
        _ => Metric::Other(other.to_owned()),
    }
}

/// Subjects of a claim as one list ("o:", "m:", "f:", "a:" + id).
fn subject_candidates(ds: &Dataset) -> Vec<(String, String)> {
    // Adoptions first: most figures are what an adoption brought.
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(ds.adoptions.iter().map(|a| {
        let target = match &a.target {
            AdoptionTarget::Model(m) => m.to_string(),
            AdoptionTarget::Family(x) => x.to_string(),
        };
        (
            format!("a:{}", a.id),
            format!("adoption: {} uses {target}", a.organization),
        )
    }));
    out.extend(
        ds.organizations
            .iter()
            .map(|o| (format!("o:{}", o.id), o.name.clone())),
    );
    out.extend(
        ds.families
            .iter()
            .map(|x| (format!("f:{}", x.id), format!("{} (family)", x.name))),
    );
    out.extend(
        ds.models
            .iter()
            .map(|m| (format!("m:{}", m.id), format!("{} (model)", m.name))),
    );
    out
}

fn subject_key(s: &Subject) -> Option<String> {
    Some(match s {
        Subject::Organization(o) => format!("o:{o}"),
        Subject::Model(m) => format!("m:{m}"),
        Subject::Family(x) => format!("f:{x}"),
        Subject::Adoption(a) => format!("a:{a}"),
        Subject::Country(_) => return None,
    })
}

fn subject_from_key(k: &str) -> Option<Subject> {
    let (p, id) = k.split_once(':')?;
    Some(match p {
        "o" => Subject::Organization(OrgId(id.to_owned())),
        "m" => Subject::Model(ModelId(id.to_owned())),
        "f" => Subject::Family(FamilyId(id.to_owned())),
        "a" => Subject::Adoption(AdoptionId(id.to_owned())),
        _ => return None,
    })
}

const QUALIFIERS: [(Qualifier, &str); 5] = [
    (Qualifier::Exact, "exact"),
    (Qualifier::About, "about"),
    (Qualifier::UpTo, "up to"),
    (Qualifier::AtLeast, "at least"),
    (Qualifier::MoreThan, "more than"),
];

/// The form of a claim: what, how much, how sure, compared with what, when, who said it, where.
pub fn claim_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.claims.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut new_source: Option<Source> = None;
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Claim(old.id.clone()),
        actions,
    );
    grid("claim_form").show(ui, |ui| {
        // About what.
        match &x.subject {
            Subject::Country(c) => {
                let mut c = c.clone();
                f.text(ui, "About models developed in (country)", "subject", &mut c);
                x.subject = Subject::Country(c);
            }
            other => {
                let mut key = subject_key(other);
                f.reference(
                    ui,
                    "About",
                    "subject",
                    &mut key,
                    &subject_candidates(ds),
                    false,
                );
                if let Some(s) = key.as_deref().and_then(subject_from_key) {
                    x.subject = s;
                }
            }
        }
        // What it measures.
        let mut mk = Some(metric_key(&x.metric));
        let mut metrics: Vec<(&str, &str)> = METRICS.to_vec();
        metrics.push(("Other", "Other (named below)"));
        f.choice(ui, "Measure", "metric", &mut mk, &metrics, false);
        let mut other = match &x.metric {
            Metric::Other(s) => s.clone(),
            _ => String::new(),
        };
        if mk == Some("Other") {
            f.text(ui, "Name of the measure", "metric", &mut other);
        }
        x.metric = metric_from_key(mk.unwrap_or("Other"), &other);
        // The value.
        let kinds = [
            ("number", "a number"),
            ("range", "a range"),
            ("date", "a date"),
            ("text", "a text"),
        ];
        let stored_kind = match x.value {
            ClaimValue::Number(_) => "number",
            ClaimValue::Range(..) => "range",
            ClaimValue::Date(_) => "date",
            ClaimValue::Text(_) => "text",
        };
        // The kind chosen is remembered until a value of that kind is typed: switching kind never
        // invents a value.
        let kind_id = ui.make_persistent_id(("claim_value_kind", &old.id));
        let mut vk = Some(
            ui.data(|d| d.get_temp::<&'static str>(kind_id))
                .unwrap_or(stored_kind),
        );
        f.choice(ui, "Value is", "value_kind", &mut vk, &kinds, false);
        if let Some(k) = vk {
            ui.data_mut(|d| d.insert_temp(kind_id, k));
        }
        let mut a: Option<f64> = match x.value {
            ClaimValue::Number(n) | ClaimValue::Range(n, _) => Some(n),
            _ => None,
        };
        let mut b: Option<f64> = match x.value {
            ClaimValue::Range(_, h) => Some(h),
            _ => None,
        };
        let mut d = match x.value {
            ClaimValue::Date(d) => Some(d),
            _ => None,
        };
        let mut t = match &x.value {
            ClaimValue::Text(t) => t.clone(),
            _ => String::new(),
        };
        match vk.unwrap_or("text") {
            "number" => f.signed_number(ui, "Value", "value", &mut a),
            "range" => {
                f.signed_number(ui, "From", "value", &mut a);
                f.signed_number(ui, "To", "value_high", &mut b);
            }
            "date" => f.date(ui, "Date", "value", &mut d),
            _ => f.text(ui, "Statement", "value", &mut t),
        }
        let typed = match (vk.unwrap_or("text"), a, b, d) {
            ("number", Some(a), _, _) => Some(ClaimValue::Number(a)),
            ("range", Some(a), Some(b), _) => Some(ClaimValue::Range(a, b)),
            ("date", _, _, Some(d)) => Some(ClaimValue::Date(d)),
            ("text", ..) => Some(ClaimValue::Text(t)),
            _ => None,
        };
        match typed {
            Some(v) => x.value = v,
            None => {
                ui.label("");
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "type the value above; until then the old value is kept",
                );
                ui.label("");
                ui.end_row();
            }
        }
        let units = [
            ("none", "no unit"),
            ("percent", "%"),
            ("count", "count"),
            ("times", "× (times)"),
            ("params", "billion parameters"),
        ];
        let mut uk = Some(match &x.unit {
            Unit::None | Unit::Other(_) => "none",
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Times => "times",
            Unit::BillionParams => "params",
        });
        f.choice(ui, "Unit", "unit", &mut uk, &units, false);
        if !matches!(x.unit, Unit::Other(_)) || f.changed == Some("unit") {
            x.unit = match uk.unwrap_or("none") {
                "percent" => Unit::Percent,
                "count" => Unit::Count,
                "times" => Unit::Times,
                "params" => Unit::BillionParams,
                _ => Unit::None,
            };
        }
        let mut q = Some(x.qualifier);
        f.choice(ui, "Qualifier", "qualifier", &mut q, &QUALIFIERS, false);
        x.qualifier = q.unwrap_or(x.qualifier);
        f.text(ui, "Compared with (baseline)", "baseline", &mut x.baseline);
        f.text(ui, "Scope", "scope", &mut x.scope);
        // When.
        let whens = [
            ("none", "not stated"),
            ("on", "on / as of"),
            ("by", "by"),
            ("between", "between"),
        ];
        let (mut w1, mut w2) = match &x.when {
            Some(When::On(d)) | Some(When::By(d)) => (Some(*d), None),
            Some(When::Between(a, b)) => (Some(*a), Some(*b)),
            None => (None, None),
        };
        let mut wk = Some(match &x.when {
            None => "none",
            Some(When::On(_)) => "on",
            Some(When::By(_)) => "by",
            Some(When::Between(..)) => "between",
        });
        f.choice(ui, "When", "when", &mut wk, &whens, false);
        if wk != Some("none") {
            f.date(
                ui,
                if wk == Some("between") {
                    "From"
                } else {
                    "Date"
                },
                "when",
                &mut w1,
            );
        }
        if wk == Some("between") {
            f.date(ui, "To", "when_end", &mut w2);
        }
        x.when = match (wk.unwrap_or("none"), w1, w2) {
            ("on", Some(d), _) => Some(When::On(d)),
            ("by", Some(d), _) => Some(When::By(d)),
            ("between", Some(a), Some(b)) => Some(When::Between(a, b)),
            ("between", Some(a), None) => Some(When::Between(a, a)),
            _ => None,
        };
        // Who said it.
        let mut speakers: Vec<(String, String)> = ds
            .people
            .iter()
            .map(|p| (format!("p:{}", p.id), p.name.clone()))
            .collect();
        speakers.extend(
            ds.organizations
                .iter()
                .map(|o| (format!("o:{}", o.id), o.name.clone())),
        );
        let mut sk = x.said_by.as_ref().map(|s| match s {
            Speaker::Person(p) => format!("p:{p}"),
            Speaker::Organization(o) => format!("o:{o}"),
        });
        f.reference(ui, "Said by", "said_by", &mut sk, &speakers, true);
        x.said_by = sk.and_then(|k| {
            let (p, id) = k.split_once(':')?;
            Some(match p {
                "p" => Speaker::Person(PersonId(id.to_owned())),
                _ => Speaker::Organization(OrgId(id.to_owned())),
            })
        });
        // Where.
        let sources: Vec<(String, String)> = ds
            .sources
            .iter()
            .enumerate()
            .map(|(p, s)| {
                (
                    s.id.to_string(),
                    format!("[{}] {}", p + 1, super::detail::source_title(s)),
                )
            })
            .collect();
        let mut src = Some(x.source.to_string());
        f.reference(ui, "Source", "source", &mut src, &sources, false);
        if let Some(s) = src {
            x.source = SourceId(s);
        }
        ui.label("");
        if ui
            .button("New source for this claim...")
            .on_hover_text("Create a source and cite it here, in one step; then fill it in")
            .clicked()
        {
            let id = fresh_id(ds, RecordKind::Source, "new-source");
            new_source = Some(Source {
                id: SourceId(id),
                title: "New source".into(),
                publisher: String::new(),
                author: String::new(),
                date: None,
                locator: String::new(),
                kind: SourceKind::Press,
                via: None,
                notes: String::new(),
            });
        }
        ui.label("");
        ui.end_row();
        f.multiline(ui, "Quote (verbatim)", "quote", &mut x.quote);
        f.multiline(ui, "Notes", "notes", &mut x.notes);
    });
    if let Some(src) = new_source {
        // One step: add the source and point the claim at it.
        let id = src.id.clone();
        let (_, mut edits) = crate::app::edit::insert_record(ds, AnyRecord::from(src));
        x.source = id;
        if let Some((_, more)) = replace_record(ds, AnyRecord::from(x)) {
            edits.extend(more);
        }
        f.actions.push(Action::Edit {
            label: "Add a new source to a claim".into(),
            edits,
            coalesce: None,
        });
        return;
    }
    f.emit(ds, AnyRecord::from(x));
}

impl Form<'_> {
    /// A number that may be negative or zero (claim values); validation checks the unit's range.
    fn signed_number(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &'static str,
        value: &mut Option<f64>,
    ) {
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
                if !x.is_finite() {
                    return Err("not a finite number".into());
                }
                Ok(Some(x))
            },
        );
    }
}

/// A new adoption by `org` of the first model, for the user to fill in.
pub fn new_adoption(ds: &Dataset, org: &OrgId) -> Option<AnyRecord> {
    let target = ds.models.first()?.id.clone();
    Some(AnyRecord::from(Adoption {
        id: AdoptionId(fresh_id(
            ds,
            RecordKind::Adoption,
            &format!("{org}-adoption"),
        )),
        organization: org.clone(),
        target: AdoptionTarget::Model(target),
        use_cases: Vec::new(),
        status: Vec::new(),
        notes: String::new(),
        sources: Vec::new(),
    }))
}

/// A new claim about `subject`, citing the first source until the user picks one.
pub fn new_claim(ds: &Dataset, subject: Subject) -> Option<AnyRecord> {
    let source = ds.sources.first()?.id.clone();
    Some(AnyRecord::from(Claim {
        id: ClaimId(fresh_id(ds, RecordKind::Claim, "claim")),
        subject,
        metric: Metric::Other("New figure".into()),
        // Empty until the user types the figure: validation says so, nothing is invented.
        value: ClaimValue::Text(String::new()),
        unit: Unit::None,
        qualifier: Qualifier::Exact,
        baseline: String::new(),
        scope: String::new(),
        when: None,
        said_by: None,
        source,
        quote: String::new(),
        notes: String::new(),
    }))
}

// ---------------------------------------------------------------------------------------------
// Series, with their points as an editable table.

use crate::model::SeriesPoint;

/// Parses rows copied from a spreadsheet: `date<TAB>value` a line (a header line, blank lines
/// and thousands separators are accepted). Returns the points and, per bad line, why.
pub fn parse_tsv_points(text: &str) -> (Vec<SeriesPoint>, Vec<String>) {
    let mut points = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(';').collect()
        };
        let (Some(d), Some(v)) = (cells.first(), cells.get(1)) else {
            errors.push(format!(
                "line {}: expected a date and a value separated by a tab",
                i + 1
            ));
            continue;
        };
        let date = PartialDate::parse(d.trim());
        let value: Result<f64, _> = v.trim().replace([',', ' '], "").parse();
        match (date, value) {
            (Ok(date), Ok(value)) if date.is_valid() && value.is_finite() => {
                points.push(SeriesPoint { date, value });
            }
            // A header line ("date<TAB>value") is skipped silently.
            (Err(_), Err(_)) if i == 0 => {}
            (Err(_), _) => errors.push(format!(
                "line {}: `{}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                i + 1,
                d.trim()
            )),
            (Ok(date), _) if !date.is_valid() => {
                errors.push(format!("line {}: {date} does not exist", i + 1))
            }
            _ => errors.push(format!("line {}: `{}` is not a number", i + 1, v.trim())),
        }
    }
    (points, errors)
}

/// The form of a series: what it measures, and its points as a table (edit cells in place, add
/// and delete rows, sort by date, paste rows from a spreadsheet).
pub fn series_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.series.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Series(old.id.clone()),
        actions,
    );
    grid("series_form").show(ui, |ui| {
        f.text(ui, "Name", "name", &mut x.name);
        let mut mk = Some(metric_key(&x.metric));
        let mut metrics: Vec<(&str, &str)> = METRICS.to_vec();
        metrics.push(("Other", "Other"));
        f.choice(ui, "Measure", "metric", &mut mk, &metrics, false);
        let other = match &x.metric {
            Metric::Other(s) => s.clone(),
            _ => "Other".to_owned(),
        };
        x.metric = metric_from_key(mk.unwrap_or("Other"), &other);
        f.multiline(ui, "Notes", "notes", &mut x.notes);
        f.sources(ui, ds, &mut x.sources);
    });
    ui.label(egui::RichText::new(format!("Points ({})", x.points.len())).strong());
    let mut delete = None;
    let mut sort = false;
    let row_h = 24.0;
    egui_extras::TableBuilder::new(ui)
        .id_salt(("series_points", &old.id))
        .striped(true)
        .column(egui_extras::Column::exact(140.0))
        .column(egui_extras::Column::exact(160.0))
        .column(egui_extras::Column::remainder())
        .max_scroll_height(260.0)
        .header(22.0, |mut h| {
            h.col(|ui| {
                if ui
                    .button("Date (sort)")
                    .on_hover_text("Sort the points by date")
                    .clicked()
                {
                    sort = true;
                }
            });
            h.col(|ui| {
                ui.strong("Value");
            });
            h.col(|ui| {
                ui.strong("");
            });
        })
        .body(|body| {
            body.rows(row_h, x.points.len(), |mut row| {
                let i = row.index();
                let p = &mut x.points[i];
                row.col(|ui| {
                    let mut d = Some(p.date);
                    let id = ui.make_persistent_id(("pt_date", i));
                    cell_buffer_ui(
                        ui,
                        id,
                        &mut d,
                        |d| d.map(|d| d.to_string()).unwrap_or_default(),
                        |t| {
                            PartialDate::parse(t)
                                .ok()
                                .filter(PartialDate::is_valid)
                                .map(Some)
                        },
                    );
                    if let Some(d) = d
                        && d != p.date
                    {
                        p.date = d;
                        f.changed = Some("points");
                    }
                });
                row.col(|ui| {
                    let mut v = Some(p.value);
                    let id = ui.make_persistent_id(("pt_value", i));
                    cell_buffer_ui(
                        ui,
                        id,
                        &mut v,
                        |v| v.map(|v| v.to_string()).unwrap_or_default(),
                        |t| {
                            t.replace([',', ' '], "")
                                .parse::<f64>()
                                .ok()
                                .filter(|x| x.is_finite())
                                .map(Some)
                        },
                    );
                    if let Some(v) = v
                        && v != p.value
                    {
                        p.value = v;
                        f.changed = Some("points");
                    }
                });
                row.col(|ui| {
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this point")
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
            });
        });
    if let Some(i) = delete {
        x.points.remove(i);
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    if sort {
        x.points.sort_by_key(|p| p.date);
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    // A new point is added only once both its date and its value are typed: nothing invented.
    let new_id = ui.make_persistent_id(("series_new_point", &old.id));
    let (mut nd, mut nv): (String, String) = ui.data(|d| d.get_temp(new_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let l = ui.label("New point: date");
        ui.add(
            egui::TextEdit::singleline(&mut nd)
                .desired_width(100.0)
                .hint_text("YYYY-MM"),
        )
        .labelled_by(l.id);
        let l = ui.label("value");
        ui.add(egui::TextEdit::singleline(&mut nv).desired_width(120.0))
            .labelled_by(l.id);
        let date = PartialDate::parse(nd.trim())
            .ok()
            .filter(PartialDate::is_valid);
        let value = nv
            .trim()
            .replace([',', ' '], "")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite());
        if ui
            .add_enabled(
                date.is_some() && value.is_some(),
                egui::Button::new("Add point"),
            )
            .clicked()
            && let (Some(date), Some(value)) = (date, value)
        {
            x.points.push(SeriesPoint { date, value });
            f.changed = Some("points");
            f.actions.push(Action::SealEdit);
            nd.clear();
            nv.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(new_id, (nd, nv)));
    let paste_id = ui.make_persistent_id(("series_paste", &old.id));
    let mut paste: String = ui.data(|d| d.get_temp(paste_id)).unwrap_or_default();
    let l = ui.label("Paste rows from a spreadsheet (date, tab, value; one point a line):");
    ui.add(
        egui::TextEdit::multiline(&mut paste)
            .desired_rows(3)
            .desired_width(360.0),
    )
    .labelled_by(l.id);
    let (parsed, errors) = parse_tsv_points(&paste);
    for e in errors.iter().take(10) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if ui
        .add_enabled(
            !parsed.is_empty() && errors.is_empty(),
            egui::Button::new(format!("Add {} pasted point(s)", parsed.len())),
        )
        .clicked()
    {
        x.points.extend(parsed);
        paste.clear();
        f.changed = Some("points");
        f.actions.push(Action::SealEdit);
    }
    ui.data_mut(|d| d.insert_temp(paste_id, paste));
    f.emit(ds, AnyRecord::from(x));
}

/// A table cell holding typed text until it parses (`parse` gives `None` while invalid).
fn cell_buffer_ui<T: PartialEq + Clone + Send + Sync + 'static>(
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

// ---------------------------------------------------------------------------------------------
// All claims as one editable table.

/// Column the claims table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimSort {
    /// File order.
    #[default]
    File,
    /// By what the claim is about.
    About,
    /// By measure.
    Measure,
    /// By value.
    Value,
    /// By date.
    When,
}

/// The claims table: edit value, qualifier, baseline and quote in place, delete a row, sort by
/// a column, add a row (a claim about the selected record's subject is added from its detail view).
pub fn claims_table_ui(ui: &mut Ui, ds: &Dataset, sort: &mut ClaimSort, actions: &mut Vec<Action>) {
    let mut order: Vec<usize> = (0..ds.claims.len()).collect();
    let about = |c: &Claim| match &c.subject {
        Subject::Organization(o) => o.to_string(),
        Subject::Model(m) => m.to_string(),
        Subject::Family(f) => f.to_string(),
        Subject::Adoption(a) => a.to_string(),
        Subject::Country(c) => c.clone(),
    };
    match sort {
        ClaimSort::File => {}
        ClaimSort::About => order.sort_by_key(|&i| about(&ds.claims[i])),
        ClaimSort::Measure => order.sort_by_key(|&i| ds.claims[i].metric.label()),
        ClaimSort::Value => order.sort_by(|&a, &b| {
            let v = |i: usize| match ds.claims[i].value {
                ClaimValue::Number(n) | ClaimValue::Range(n, _) => n,
                _ => f64::NEG_INFINITY,
            };
            v(a).total_cmp(&v(b))
        }),
        ClaimSort::When => order.sort_by_key(|&i| ds.claims[i].when.as_ref().map(|w| w.end())),
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} claims.", ds.claims.len()));
        ui.weak("Click a column title to sort; edit cells in place (Ctrl+Z undoes).");
    });
    // Adding a row starts from what the new claim is about; the rest is filled in its form.
    let mut about_pick: Option<String> = None;
    ui.horizontal(|ui| {
        let l = ui.label("Add a claim about:");
        egui::ComboBox::from_id_salt("claims_table_add")
            .selected_text("choose a record")
            .width(320.0)
            .show_ui(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for (key, name) in subject_candidates(ds) {
                            if ui.selectable_label(false, name).clicked() {
                                about_pick = Some(key);
                            }
                        }
                    });
            })
            .response
            .labelled_by(l.id);
    });
    if let Some(subject) = about_pick.as_deref().and_then(subject_from_key)
        && let Some(r) = new_claim(ds, subject)
    {
        actions.push(Action::Insert(Box::new(r)));
    }
    let mut delete: Option<usize> = None;
    egui_extras::TableBuilder::new(ui)
        .id_salt("claims_table")
        .striped(true)
        .resizable(true)
        .column(egui_extras::Column::initial(130.0))
        .column(egui_extras::Column::initial(140.0))
        .column(egui_extras::Column::initial(110.0))
        .column(egui_extras::Column::initial(90.0))
        .column(egui_extras::Column::initial(170.0))
        .column(egui_extras::Column::initial(90.0))
        .column(egui_extras::Column::remainder())
        .column(egui_extras::Column::exact(60.0))
        .header(22.0, |mut h| {
            for (title, s) in [
                ("About", Some(ClaimSort::About)),
                ("Measure", Some(ClaimSort::Measure)),
                ("Value", Some(ClaimSort::Value)),
                ("Qualifier", None),
                ("Baseline", None),
                ("When", Some(ClaimSort::When)),
                ("Quote", None),
                ("", None),
            ] {
                h.col(|ui| match s {
                    Some(s) => {
                        let text = if *sort == s {
                            format!("{title} (sorted)")
                        } else {
                            title.to_owned()
                        };
                        if ui
                            .button(text)
                            .on_hover_text("Sort by this column")
                            .clicked()
                        {
                            *sort = if *sort == s { ClaimSort::File } else { s };
                        }
                    }
                    None => {
                        ui.strong(title);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(24.0, order.len(), |mut row| {
                let i = order[row.index()];
                let old = &ds.claims[i];
                let mut c = old.clone();
                let mut field: Option<&'static str> = None;
                row.col(|ui| {
                    ui.add(egui::Label::new(about(old)).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(old.metric.label()).truncate());
                });
                row.col(|ui| match &mut c.value {
                    ClaimValue::Number(n) => {
                        let mut v = Some(*n);
                        let id = ui.make_persistent_id(("claim_value_cell", &old.id));
                        cell_buffer_ui(
                            ui,
                            id,
                            &mut v,
                            |v| v.map(|v| v.to_string()).unwrap_or_default(),
                            |t| {
                                t.replace([',', ' '], "")
                                    .parse::<f64>()
                                    .ok()
                                    .filter(|x| x.is_finite())
                                    .map(Some)
                            },
                        );
                        if let Some(v) = v
                            && v != *n
                        {
                            *n = v;
                            field = Some("value");
                        }
                    }
                    other => {
                        ui.label(crate::model::format::value_text(
                            other,
                            &old.unit,
                            Qualifier::Exact,
                        ));
                    }
                });
                row.col(|ui| {
                    let before = c.qualifier;
                    egui::ComboBox::from_id_salt(("claim_q", &old.id))
                        .selected_text(
                            c.qualifier.prefix().trim().to_owned()
                                + if c.qualifier == Qualifier::Exact {
                                    "exact"
                                } else {
                                    ""
                                },
                        )
                        .show_ui(ui, |ui| {
                            for (q, n) in QUALIFIERS {
                                ui.selectable_value(&mut c.qualifier, q, n);
                            }
                        })
                        .response
                        .on_hover_text("Qualifier");
                    if c.qualifier != before {
                        field = Some("qualifier");
                    }
                });
                row.col(|ui| {
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut c.baseline).desired_width(160.0))
                        .on_hover_text("Baseline");
                    if r.changed() {
                        field = Some("baseline");
                    }
                    if r.lost_focus() {
                        actions.push(Action::SealEdit);
                    }
                });
                row.col(|ui| {
                    ui.label(
                        old.when
                            .as_ref()
                            .map(crate::model::format::when_text)
                            .unwrap_or_default(),
                    );
                });
                row.col(|ui| {
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut c.quote).desired_width(f32::INFINITY))
                        .on_hover_text("Quote (verbatim)");
                    if r.changed() {
                        field = Some("quote");
                    }
                    if r.lost_focus() {
                        actions.push(Action::SealEdit);
                    }
                });
                row.col(|ui| {
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this claim")
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
                if let Some(field) = field
                    && let Some((label, edits)) = replace_record(ds, AnyRecord::from(c))
                {
                    actions.push(Action::Edit {
                        label,
                        edits,
                        coalesce: Some(CoalesceKey::field(RecordRef::Claim(old.id.clone()), field)),
                    });
                }
            });
        });
    if let Some(i) = delete {
        actions.push(Action::AskDelete(RecordRef::Claim(ds.claims[i].id.clone())));
    }
}

// ---------------------------------------------------------------------------------------------
// Conflicts.

use crate::model::{ConflictKind, RecordRef as Ref};

/// Records a conflict can name, as ("<kind>:<id>", description).
fn conflict_candidates(ds: &Dataset) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(ds.claims.iter().map(|c| {
        (
            format!("claim:{}", c.id),
            format!("claim: {}", crate::model::format::claim_text(c)),
        )
    }));
    out.extend(
        ds.adoptions
            .iter()
            .map(|a| (format!("adoption:{}", a.id), format!("adoption: {}", a.id))),
    );
    out.extend(
        ds.models
            .iter()
            .map(|m| (format!("model:{}", m.id), format!("model: {}", m.name))),
    );
    out.extend(ds.organizations.iter().map(|o| {
        (
            format!("organization:{}", o.id),
            format!("organization: {}", o.name),
        )
    }));
    out.extend(ds.roles.iter().map(|r| {
        (
            format!("role:{}", r.id),
            format!("role: {} ({})", r.title, r.person),
        )
    }));
    out.extend(
        ds.events
            .iter()
            .map(|e| (format!("event:{}", e.id), format!("event: {}", e.title))),
    );
    out.extend(
        ds.series
            .iter()
            .map(|s| (format!("series:{}", s.id), format!("series: {}", s.name))),
    );
    out
}

fn ref_from_key(k: &str) -> Option<Ref> {
    let (kind, id) = k.split_once(':')?;
    let kind = match kind {
        "claim" => RecordKind::Claim,
        "adoption" => RecordKind::Adoption,
        "model" => RecordKind::Model,
        "organization" => RecordKind::Organization,
        "role" => RecordKind::Role,
        "event" => RecordKind::Event,
        "series" => RecordKind::Series,
        _ => return None,
    };
    Ref::from_kind_and_id(kind, id)
}

/// The form of a conflict: how the records disagree, and which records.
pub fn conflict_form_ui(
    ui: &mut Ui,
    ds: &Dataset,
    pos: usize,
    problems: &[Problem],
    actions: &mut Vec<Action>,
) {
    let Some(old) = ds.conflicts.get(pos) else {
        return;
    };
    let mut x = old.clone();
    let mut f = Form::new(
        ui.available_width(),
        problems,
        RecordRef::Conflict(old.id.clone()),
        actions,
    );
    grid("conflict_form").show(ui, |ui| {
        let mut kind = Some(x.kind);
        f.choice(
            ui,
            "How they disagree",
            "kind",
            &mut kind,
            &[
                (ConflictKind::Contradiction, "Contradiction"),
                (
                    ConflictKind::DifferentMeasure,
                    "Different measure of the same thing",
                ),
            ],
            false,
        );
        x.kind = kind.unwrap_or(x.kind);
        f.multiline(ui, "Description", "description", &mut x.description);
    });
    ui.label(egui::RichText::new("Records that disagree").strong());
    let mut remove = None;
    for (i, r) in x.records.iter().enumerate() {
        ui.horizontal(|ui| {
            let (kind, id) = r.kind_and_id();
            ui.label(format!("{kind} {id}"));
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this record from the conflict")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        x.records.remove(i);
        f.changed = Some("records");
        f.actions.push(Action::SealEdit);
    }
    grid("conflict_add").show(ui, |ui| {
        let mut add: Option<String> = None;
        f.reference(
            ui,
            "Add a record",
            "records",
            &mut add,
            &conflict_candidates(ds),
            true,
        );
        if let Some(r) = add.as_deref().and_then(ref_from_key)
            && !x.records.contains(&r)
        {
            x.records.push(r);
            f.changed = Some("records");
        }
    });
    f.emit(ds, AnyRecord::from(x));
}

/// A new model family developed by `developer`, for the user to name and source.
pub fn new_family(ds: &Dataset, developer: &OrgId) -> AnyRecord {
    AnyRecord::from(crate::model::ModelFamily {
        id: FamilyId(fresh_id(ds, RecordKind::Family, "new-family")),
        name: "New family".into(),
        developer: developer.clone(),
        notes: String::new(),
        sources: Vec::new(),
    })
}

/// A new, empty series about `subject`; points are typed or pasted in its form.
pub fn new_series(ds: &Dataset, subject: Subject) -> AnyRecord {
    AnyRecord::from(crate::model::Series {
        id: crate::model::SeriesId(fresh_id(ds, RecordKind::Series, "series")),
        name: "New series".into(),
        subject,
        metric: Metric::Other("New measure".into()),
        unit: Unit::None,
        points: Vec::new(),
        notes: String::new(),
        sources: Vec::new(),
    })
}

/// A new role of `person` at `org`; its title is typed in its form (empty until then, which
/// validation reports).
pub fn new_role(ds: &Dataset, person: &PersonId, org: &OrgId) -> AnyRecord {
    AnyRecord::from(crate::model::Role {
        id: crate::model::RoleId(fresh_id(
            ds,
            RecordKind::Role,
            &format!("{person}-at-{org}"),
        )),
        person: person.clone(),
        organization: org.clone(),
        title: String::new(),
        since: None,
        until: None,
        notes: String::new(),
        sources: Vec::new(),
    })
}
