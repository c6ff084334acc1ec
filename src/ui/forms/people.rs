//! The forms of a person and of a role (a title a person held at an organization), and a new role.

use egui::Ui;

use super::choices::{org_candidates, person_candidates};
use super::fields::{Form, grid};
use crate::app::Action;
use crate::app::edit::{AnyRecord, fresh_id};
use crate::model::{Dataset, OrgId, PersonId, Problem, RecordKind, RecordRef};

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
        f.text_ui(ui, "Name", "name", &mut p.name);
        f.text_ui(
            ui,
            "Name in its own script",
            "native_name",
            &mut p.native_name,
        );
        f.multiline_ui(ui, "Notes", "notes", &mut p.notes);
        f.sources_ui(ui, ds, &mut p.sources);
    });
    f.emit(ds, AnyRecord::from(p));
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
        let mut person = Some(RecordRef::Person(x.person.clone()));
        f.reference_ui(
            ui,
            "Person",
            "person",
            &mut person,
            &person_candidates(ds),
            false,
        );
        if let Some(RecordRef::Person(p)) = person {
            x.person = p;
        }
        let mut org = Some(RecordRef::Organization(x.organization.clone()));
        f.reference_ui(
            ui,
            "Organization",
            "organization",
            &mut org,
            &org_candidates(ds),
            false,
        );
        if let Some(RecordRef::Organization(o)) = org {
            x.organization = o;
        }
        f.text_ui(ui, "Title (as the source words it)", "title", &mut x.title);
        f.date_ui(ui, "Since", "since", &mut x.since);
        f.date_ui(ui, "Until", "until", &mut x.until);
        f.check_ui(
            ui,
            "Former",
            "former",
            &mut x.former,
            "the role has ended (end date unknown)",
        );
        f.multiline_ui(ui, "Notes", "notes", &mut x.notes);
        f.sources_ui(ui, ds, &mut x.sources);
    });
    f.emit(ds, AnyRecord::from(x));
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
        former: false,
        notes: String::new(),
        sources: Vec::new(),
    })
}
