//! Detail views: everything about the selected record, every figure with its qualifier and a
//! source marker, names of related records as links, conflicts side by side. This file picks the
//! view for the selected record's kind; one file per kind, shared widgets in their own files.

mod adoption;
mod citations;
mod conflicts;
mod event;
mod figures;
mod model;
mod names;
mod organization;
mod people;
mod source;
mod widgets;

use crate::ui::command::UiCommand;
use egui::Ui;

pub use names::is_web_url;

use crate::app::explorer::Index;
use crate::app::{Action, AppState};
use crate::model::text::{TEXT_CAP, safe_line, safe_text};
use crate::model::{Dataset, RecordKind, display_name};

/// Everything a detail view needs: the data, its index, and where clicks become actions.
struct DetailCtx<'a> {
    ds: &'a Dataset,
    ix: &'a Index,
    actions: &'a mut Vec<Action>,
}

/// What the detail view remembers between frames (not data).
#[derive(Clone, Debug, Default)]
pub struct DetailView {
    /// Show the editing form of the selected record (where one exists).
    pub editing: bool,
}

/// The detail view of the selected record.
pub fn detail_ui(
    ui: &mut Ui,
    state: &AppState,
    ix: &Index,
    view: &mut DetailView,
    actions: &mut Vec<Action>,
) {
    let ds = state.doc.dataset.as_ref();
    let Some(sel) = state.selection.current() else {
        welcome_ui(ui, ds);
        return;
    };
    ui.horizontal_wrapped(|ui| {
        if super::forms::has_form(sel) {
            ui.toggle_value(&mut view.editing, "Edit record")
                .on_hover_text(format!(
                    "Edit this record; every change can be undone ({})",
                    UiCommand::Undo.shortcut_text(ui.ctx())
                ));
        }
        if ui
            .button("Duplicate")
            .on_hover_text("Add a copy of this record, with a new id")
            .clicked()
        {
            actions.push(Action::Duplicate(sel.clone()));
        }
        if ui
            .button("Delete...")
            .on_hover_text("Delete this record (asks what to do with records that refer to it)")
            .clicked()
        {
            actions.push(Action::AskDelete(sel.clone()));
        }
    });
    let Some(at) = ix.resolve(sel) else {
        ui.label(format!(
            "The selected record ({}) is no longer in the dataset.",
            display_name(ds, sel)
        ));
        return;
    };
    let pos = at.pos as usize;
    // One scroll position per record: a newly selected record starts at its top. The form
    // scrolls with the view, so a long form is never cut off at the panel's bottom.
    egui::ScrollArea::vertical()
        .id_salt(("detail", sel))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::layout::a11y::scroll_view(ui, true, false);
            if view.editing && super::forms::form_ui(ui, ds, sel, pos, &state.doc.problems, actions)
            {
                ui.separator();
            }
            let mut c = DetailCtx { ds, ix, actions };
            record_ui(ui, &mut c, at.kind, pos);
        });
}

/// The detail view of the record of `kind` at `pos`.
fn record_ui(ui: &mut Ui, c: &mut DetailCtx<'_>, kind: RecordKind, pos: usize) {
    match kind {
        RecordKind::Organization => organization::organization_ui(ui, c, pos),
        RecordKind::Model => model::model_ui(ui, c, pos),
        RecordKind::Source => source::source_ui(ui, c, pos),
        RecordKind::Event => event::event_ui(ui, c, pos),
        RecordKind::Family => model::family_ui(ui, c, pos),
        RecordKind::Person => people::person_ui(ui, c, pos),
        RecordKind::Adoption => adoption::adoption_ui(ui, c, pos),
        RecordKind::Claim => figures::claim_detail_ui(ui, c, pos),
        RecordKind::Conflict => {
            conflicts::conflict_ui(ui, c, pos);
        }
        RecordKind::Series => figures::series_ui(ui, c, pos),
        RecordKind::Role => people::role_ui(ui, c, pos),
        RecordKind::Dataset => {}
    }
}

fn welcome_ui(ui: &mut Ui, ds: &Dataset) {
    ui.heading(if ds.meta.title.is_empty() {
        "AI Adoption Explorer".into()
    } else {
        safe_line(&ds.meta.title)
    });
    if !ds.meta.description.is_empty() {
        ui.label(safe_text(&ds.meta.description, TEXT_CAP, true));
    }
    ui.add_space(8.0);
    ui.label("Pick an organization, a model, a source or an event in the list on the left to see everything the dataset says about it, and where each figure comes from.");
    ui.label("Tip: the filter \"Uses a model from: China\" lists the organizations that adopted Chinese-developed models.");
}
