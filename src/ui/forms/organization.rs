//! The form of an organization: its country and sector are chosen among those already in the
//! dataset (or added on purpose), its kind from the fixed list.

use egui::Ui;

use super::choices::{country_counts, sector_counts};
use super::fields::{Form, grid};
use super::values::ValueWords;
use crate::app::Action;
use crate::app::edit::AnyRecord;
use crate::model::{Dataset, OrgKind, Problem, RecordRef};

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
        f.text_ui(ui, "Name", "name", &mut o.name);
        f.text_ui(
            ui,
            "Name in its own script",
            "native_name",
            &mut o.native_name,
        );
        f.value_choice_ui(
            ui,
            "Country",
            "country",
            &mut o.country,
            &country_counts(ds),
            &ValueWords {
                empty: "unknown",
                add: "Add a new country...",
                new_label: "New country:",
                counted: "Organizations in this country",
            },
        );
        f.text_ui(ui, "Headquarters", "headquarters", &mut o.headquarters);
        f.value_choice_ui(
            ui,
            "Sector",
            "sector",
            &mut o.sector,
            &sector_counts(ds),
            &ValueWords {
                empty: "not stated",
                add: "Add a new sector...",
                new_label: "New sector:",
                counted: "Organizations in this sector",
            },
        );
        let mut kind = Some(o.kind);
        f.choice_ui(
            ui,
            "Kind",
            "kind",
            &mut kind,
            &OrgKind::ALL.map(|k| (k, k.label())),
            false,
        );
        o.kind = kind.unwrap_or(o.kind);
        f.date_ui(
            ui,
            "Founded (YYYY, YYYY-MM or YYYY-MM-DD)",
            "founded",
            &mut o.founded,
        );
        f.multiline_ui(ui, "Notes", "notes", &mut o.notes);
        f.sources_ui(ui, ds, &mut o.sources);
    });
    f.emit(ds, AnyRecord::from(o));
}
