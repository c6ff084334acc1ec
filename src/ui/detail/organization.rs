//! The detail view of an organization: facts, people, the models it uses, its figures.

use egui::Ui;

use super::DetailCtx;
use super::adoption::adoption_block_ui;
use super::citations::{claims_ui, sources_ui};
use super::conflicts::conflicts_ui;
use super::widgets::{
    country_dot_ui, events_ui, fact_ui, heading_ui, notes_ui, record_link_ui, section_ui,
    text_or_unknown_ui,
};
use crate::app::Action;
use crate::app::explorer::RecordAt;
use crate::model::format::role_title_text;
use crate::model::text::safe_line;
use crate::model::{RecordKind, RecordRef, Subject};
use crate::ui::forms;

/// The detail view of an organization: facts, people, the models it uses, figures, conflicts.
pub(super) fn organization_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, pos: usize) {
    let ds = c.ds;
    let o = &ds.organizations[pos];
    let at = RecordAt::new(RecordKind::Organization, pos);
    heading_ui(ui, o.kind.label(), &o.name, &o.native_name);
    egui::Grid::new("org_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "Country", |ui| {
                if !o.country.is_empty() {
                    country_dot_ui(ui, &o.country);
                }
                text_or_unknown_ui(ui, &o.country);
            });
            fact_ui(ui, "Headquarters", |ui| {
                text_or_unknown_ui(ui, &o.headquarters)
            });
            fact_ui(ui, "Sector", |ui| text_or_unknown_ui(ui, &o.sector));
            if let Some(f) = o.founded {
                fact_ui(ui, "Founded", |ui| {
                    ui.label(f.to_string());
                });
            }
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &o.sources));
        });
    notes_ui(ui, &o.notes);

    let roles = c.ix.roles_of_org(pos).to_vec();
    section_ui(ui, "People");
    if roles.is_empty() {
        ui.weak("No people recorded.");
    }
    // A role needs a person: pick one to add a role at this organization.
    let mut pick: Option<usize> = None;
    let label = ui.label("Add a role for:");
    egui::ComboBox::from_id_salt(("add_role", &o.id))
        .selected_text("choose a person")
        .show_ui(ui, |ui| {
            for (i, p) in ds.people.iter().enumerate() {
                if ui.selectable_label(false, safe_line(&p.name)).clicked() {
                    pick = Some(i);
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(i) = pick {
        c.actions.push(Action::Insert(Box::new(forms::new_role(
            ds,
            &ds.people[i].id,
            &o.id,
        ))));
    }
    for r in roles {
        let role = &ds.roles[r as usize];
        ui.horizontal_wrapped(|ui| {
            record_link_ui(ui, c, RecordRef::Person(role.person.clone()));
            ui.label(format!("– {}", safe_line(&role_title_text(role))));
            match (role.since, role.until) {
                (Some(a), Some(b)) => {
                    ui.weak(format!("{a} to {b}"));
                }
                (Some(a), None) => {
                    ui.weak(format!("since {a}"));
                }
                (None, Some(b)) => {
                    ui.weak(format!("until {b}"));
                }
                (None, None) => {}
            }
            sources_ui(ui, c, &role.sources);
        });
    }

    let adoptions = c.ix.adoptions_of_org(pos).to_vec();
    section_ui(ui, "Uses these models");
    if adoptions.is_empty() {
        ui.weak("No adoptions recorded.");
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .small_button("+ Add an adoption")
            .on_hover_text("Record that this organization uses a model or family")
            .clicked()
        {
            let r = forms::new_adoption(ds, &o.id);
            c.actions.push(Action::Insert(Box::new(r)));
        }
        if ui
            .small_button("+ Add a model family it develops")
            .clicked()
        {
            c.actions
                .push(Action::Insert(Box::new(forms::new_family(ds, &o.id))));
        }
        if ui
            .small_button("+ Add a series about it")
            .on_hover_text("Dated values of one measure (downloads, share...)")
            .clicked()
        {
            c.actions.push(Action::Insert(Box::new(forms::new_series(
                ds,
                Subject::Organization(o.id.clone()),
            ))));
        }
    });
    let mut involved = vec![at];
    let mut claims: Vec<u32> = c.ix.claims_about_record(at).to_vec();
    for a in adoptions {
        let a_at = RecordAt::new(RecordKind::Adoption, a as usize);
        involved.push(a_at);
        claims.extend_from_slice(c.ix.claims_about_record(a_at));
        adoption_block_ui(ui, c, a as usize, false);
    }
    section_ui(ui, "Figures reported");
    if ui
        .small_button("+ Add a figure")
        .on_hover_text("Record a figure this organization reported, with its source and quote")
        .clicked()
    {
        let r = forms::new_claim(ds, Subject::Organization(o.id.clone()));
        c.actions.push(Action::Insert(Box::new(r)));
    }
    claims.sort_unstable();
    claims.dedup();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    let spoken: Vec<u32> =
        c.ix.claims_by_org_speaker(pos)
            .iter()
            .copied()
            .filter(|x| !claims.contains(x))
            .collect();
    if !spoken.is_empty() {
        section_ui(ui, "Figures it published about others");
        claims_ui(ui, c, &spoken);
    }
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}
