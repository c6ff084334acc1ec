//! The detail views of a person and of a role (a person's title at an organization).

use egui::Ui;

use super::DetailCtx;
use super::citations::{claims_ui, sources_ui};
use super::conflicts::conflicts_ui;
use super::widgets::{heading_ui, notes_ui, record_link_ui, section_ui};
use crate::app::explorer::RecordAt;
use crate::model::format::{role_is_former, role_title_text};
use crate::model::text::safe_line;
use crate::model::{RecordKind, RecordRef};

/// The detail view of a person: roles and what they said.
pub(super) fn person_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let p = &c.ds.people[pos];
    heading_ui(ui, "Person", &p.name, &p.native_name);
    ui.horizontal_wrapped(|ui| {
        ui.weak("Sources:");
        sources_ui(ui, c, &p.sources);
    });
    notes_ui(ui, &p.notes);
    section_ui(ui, "Roles");
    let roles = c.ix.roles_of_person(pos).to_vec();
    let mut involved = vec![RecordAt::new(RecordKind::Person, pos)];
    for r in roles {
        involved.push(RecordAt::new(RecordKind::Role, r as usize));
        let role = &c.ds.roles[r as usize];
        ui.horizontal_wrapped(|ui| {
            ui.label(safe_line(&role_title_text(role)));
            ui.weak("at");
            record_link_ui(ui, c, RecordRef::Organization(role.organization.clone()));
            if let Some(s) = role.since {
                ui.weak(format!("since {s}"));
            }
            if let Some(u) = role.until {
                ui.weak(format!("until {u}"));
            }
            sources_ui(ui, c, &role.sources);
        });
        notes_ui(ui, &role.notes);
    }
    section_ui(ui, "What they said");
    let claims = c.ix.claims_by_person(pos).to_vec();
    claims_ui(ui, c, &claims);
    conflicts_ui(ui, c, &involved);
}

/// The detail view of a role: who, where, sources.
pub(super) fn role_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let r = &c.ds.roles[pos];
    let kind = if role_is_former(r) {
        "Role (former)"
    } else {
        "Role"
    };
    heading_ui(ui, kind, &role_title_text(r), "");
    ui.horizontal_wrapped(|ui| {
        record_link_ui(ui, c, RecordRef::Person(r.person.clone()));
        ui.weak("at");
        record_link_ui(ui, c, RecordRef::Organization(r.organization.clone()));
        if let Some(s) = r.since {
            ui.weak(format!("since {s}"));
        }
        if let Some(u) = r.until {
            ui.weak(format!("until {u}"));
        }
        sources_ui(ui, c, &r.sources);
    });
    notes_ui(ui, &r.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Role, pos)]);
}
