//! Editing forms, one file per record kind (or small group of kinds), built from the field
//! widgets in `fields` and `values` (text that repeats across records); `form_ui` picks the form
//! of the selected record. The claims table edits all claims at once.

use egui::Ui;

use crate::app::Action;
use crate::model::{Dataset, Problem, RecordKind, RecordRef};

mod adoption;
mod choices;
mod claim;
mod claims_table;
mod conflict;
mod event;
mod fields;
mod grid;
mod model;
mod organization;
mod people;
mod series;
mod source;
mod values;

pub use adoption::{adoption_form_ui, new_adoption};
pub use claim::{claim_form_ui, new_claim};
pub use claims_table::{ClaimSort, claims_table_ui};
pub use conflict::conflict_form_ui;
pub use event::event_form_ui;
pub use model::{family_form_ui, model_form_ui, new_family};
pub use organization::organization_form_ui;
pub use people::{new_role, person_form_ui, role_form_ui};
pub use series::{new_series, series_form_ui};
pub use source::source_form_ui;

/// A form: draws the fields of the record at a position of its kind's list, queueing edits.
type FormFn = fn(&mut Ui, &Dataset, usize, &[Problem], &mut Vec<Action>);

/// The form of each record kind that has one: the one table `form_ui` and `has_form` read.
fn form_of(kind: RecordKind) -> Option<FormFn> {
    Some(match kind {
        RecordKind::Organization => organization_form_ui,
        RecordKind::Model => model_form_ui,
        RecordKind::Source => source_form_ui,
        RecordKind::Person => person_form_ui,
        RecordKind::Event => event_form_ui,
        RecordKind::Family => family_form_ui,
        RecordKind::Role => role_form_ui,
        RecordKind::Adoption => adoption_form_ui,
        RecordKind::Claim => claim_form_ui,
        RecordKind::Series => series_form_ui,
        RecordKind::Conflict => conflict_form_ui,
        RecordKind::Dataset => return None,
    })
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
    let Some(form) = form_of(record.kind_and_id().0) else {
        return false;
    };
    form(ui, ds, pos, problems, actions);
    true
}

/// Whether [`form_ui`] has a form for records of this kind.
pub fn has_form(record: &RecordRef) -> bool {
    form_of(record.kind_and_id().0).is_some()
}
