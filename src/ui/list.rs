//! The list panel: tabs, search as you type, filters, order, "n of N", and the virtualized rows.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::RichText;

use super::command::UiCommand;
use crate::app::explorer::{Explorer, Index, ListQuery, ListTab, ModelSort, OrgSort};
use crate::app::{Action, AppState};
use crate::figure::colors as palette;
use crate::model::text::safe_line;
use crate::model::{Dataset, FamilyId, RecordRef, SourceName, source_name};

/// Id of the search field, so Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("list_search")
}

/// How wide a row's name may be, in points; longer names (or wider than the panel) are truncated.
const NAME_MAX_WIDTH: f32 = 400.0;

/// What the list remembers between frames (not data).
#[derive(Clone, Debug, Default)]
pub struct ListView {
    /// Scroll position of the rows last frame, to bring the selection into view.
    offset: f32,
    /// How far each tab's rows could scroll when last drawn with that many rows.
    max_offset: std::collections::HashMap<(ListTab, usize), f32>,
    /// The selection last brought into view.
    shown_selection: Option<RecordRef>,
}

/// The record at position `pos` of `tab`.
pub fn record_at(ds: &Dataset, tab: ListTab, pos: usize) -> Option<RecordRef> {
    Some(match tab {
        ListTab::Organizations => RecordRef::Organization(ds.organizations.get(pos)?.id.clone()),
        ListTab::Models => RecordRef::Model(ds.models.get(pos)?.id.clone()),
        ListTab::Sources => RecordRef::Source(ds.sources.get(pos)?.id.clone()),
        ListTab::Events => RecordRef::Event(ds.events.get(pos)?.id.clone()),
    })
}

/// Name and a short grey detail of one row.
fn row_text(ds: &Dataset, ix: &Index, tab: ListTab, pos: usize) -> (String, String, egui::Color32) {
    match tab {
        ListTab::Organizations => {
            let o = &ds.organizations[pos];
            let name = if o.native_name.is_empty() {
                o.name.clone()
            } else {
                format!("{} {}", o.name, o.native_name)
            };
            (name, o.country.clone(), palette::country_color(&o.country))
        }
        ListTab::Models => {
            let m = &ds.models[pos];
            let country = ix.model_developer_country(pos).unwrap_or("");
            let date = m.release_date.map(|d| d.to_string()).unwrap_or_default();
            (m.name.clone(), date, palette::country_color(country))
        }
        ListTab::Sources => {
            let s = &ds.sources[pos];
            let name = source_name(ds, s, SourceName::Title);
            (name, s.kind.label().to_owned(), palette::UNKNOWN)
        }
        ListTab::Events => {
            let e = &ds.events[pos];
            let date = e
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            (e.title.clone(), date, palette::UNKNOWN)
        }
    }
}

/// The whole list panel.
pub fn list_panel_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    view: &mut ListView,
    actions: &mut Vec<Action>,
) {
    let ds: &Arc<Dataset> = &state.doc.dataset;
    let revision = state.doc.revision;
    let ix = explorer.index(ds, revision);
    let mut query = state.query.clone();
    let tab = state.tab;

    ui.horizontal_wrapped(|ui| {
        for t in ListTab::ALL {
            let label = format!("{} ({})", t.label(), ix.count(t));
            if ui.selectable_label(tab == t, label).clicked() && tab != t {
                actions.push(Action::SetTab(t));
            }
        }
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        let label = ui.label("Search:");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut query.search)
                .id(search_id())
                .hint_text("names (any script), people, countries")
                .desired_width((ui.available_width() - 40.0).max(60.0)),
        );
        let edit = edit.labelled_by(label.id);
        if (edit.has_focus() || edit.lost_focus()) && UiCommand::ClearSearch.key_pressed(ui.ctx()) {
            query.search.clear();
        }
        let clear = UiCommand::ClearSearch;
        if ui
            .add_enabled(
                !query.search.is_empty(),
                egui::Button::new(clear.label()).small(),
            )
            .on_hover_text(clear.tooltip_with_shortcut(ui.ctx()))
            .clicked()
        {
            query.search.clear();
        }
    });
    match tab {
        ListTab::Organizations => org_filters_ui(ui, &ix, &mut query),
        ListTab::Models => model_filters_ui(ui, ds, &ix, &mut query),
        ListTab::Sources | ListTab::Events => {}
    }
    let total = ix.count(tab);
    let rows = explorer.rows(ds, revision, tab, &query);
    // A search or filter in force (one kept from the last session too) is said next to the
    // count, so that "0 of 28" never stands alone.
    let filtered = query.describe(tab, ds);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} of {total}", rows.len()));
        if !filtered.is_empty() {
            ui.label(format!("filtered: {}", filtered.join(", ")))
                .on_hover_text("The search and filters in force; they are kept between sessions");
        }
        let kind = tab.record_kind().name();
        if ui
            .small_button("+ New")
            .on_hover_text(format!(
                "Add a new {kind} ({} removes it again)",
                UiCommand::Undo
                    .main_shortcut_text(ui.ctx())
                    .unwrap_or_default()
            ))
            .clicked()
        {
            actions.push(Action::New(tab.record_kind()));
        }
        if !filtered.is_empty()
            && ui
                .small_button("clear")
                .on_hover_text("Clear the search and filters: show all")
                .clicked()
        {
            query.search.clear();
            match tab {
                ListTab::Organizations => query.org_filter = Default::default(),
                ListTab::Models => query.model_filter = Default::default(),
                _ => {}
            }
        }
    });
    // A click on a stacked bar's segment filters the list to what it counts: said in words,
    // with its own way back.
    if tab == ListTab::Models
        && let Some(seg) = &query.model_filter.segment
    {
        let text = seg.describe();
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("{text} —"));
            if ui
                .small_button("Clear filter")
                .on_hover_text("Show the models of every bar again")
                .clicked()
            {
                query.model_filter.segment = None;
            }
        });
    }
    if query != state.query {
        actions.push(Action::SetQuery(Box::new(query)));
    }
    ui.separator();
    let shown = ShownRows {
        ds,
        ix: &ix,
        tab,
        rows,
        state,
        filtered: &filtered,
    };
    rows_ui(ui, &shown, view, actions);
}

fn org_filters_ui(ui: &mut egui::Ui, ix: &Index, q: &mut ListQuery) {
    let f = &mut q.org_filter;
    egui::CollapsingHeader::new(if f.is_empty() {
        "Filters"
    } else {
        "Filters (on)"
    })
    .id_salt("org_filters")
    .default_open(false)
    .show(ui, |ui| {
        egui::Grid::new("org_filter_grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Country");
                multi_select_ui(
                    ui,
                    "org_country",
                    &mut f.countries,
                    ix.org_countries().iter().cloned(),
                    |c| {
                        if c.is_empty() {
                            "(unknown)".into()
                        } else {
                            c.clone()
                        }
                    },
                );
                ui.end_row();
                ui.label("Kind");
                multi_select_ui(
                    ui,
                    "org_kind",
                    &mut f.kinds,
                    ix.org_kinds().iter().copied(),
                    |k| k.label().to_owned(),
                );
                ui.end_row();
                let label = ui.label("Uses a model from");
                let current = f.uses_model_from_country.clone().unwrap_or_default();
                egui::ComboBox::from_id_salt("uses_model_from")
                    .selected_text(if current.is_empty() {
                        "any country".to_owned()
                    } else {
                        current.clone()
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut f.uses_model_from_country, None, "any country");
                        for c in ix.model_developer_countries() {
                            if c.is_empty() {
                                continue;
                            }
                            ui.selectable_value(&mut f.uses_model_from_country, Some(c.clone()), c);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut f.uses_open_weights, "Uses open-weight models");
                ui.end_row();
            });
        if ui
            .add_enabled(!f.is_empty(), egui::Button::new("Clear filters"))
            .clicked()
        {
            *f = Default::default();
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Sort by");
        egui::ComboBox::from_id_salt("org_sort")
            .selected_text(q.org_sort.label())
            .show_ui(ui, |ui| {
                for s in [OrgSort::Name, OrgSort::Adoptions, OrgSort::FirstAdoption] {
                    ui.selectable_value(&mut q.org_sort, s, s.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut q.descending, "Descending");
    });
}

fn model_filters_ui(ui: &mut egui::Ui, ds: &Dataset, ix: &Index, q: &mut ListQuery) {
    let f = &mut q.model_filter;
    egui::CollapsingHeader::new(if f.is_empty() {
        "Filters"
    } else {
        "Filters (on)"
    })
    .id_salt("model_filters")
    .default_open(false)
    .show(ui, |ui| {
        egui::Grid::new("model_filter_grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Developer country");
                multi_select_ui(
                    ui,
                    "model_country",
                    &mut f.developer_countries,
                    ix.model_developer_countries().iter().cloned(),
                    |c| {
                        if c.is_empty() {
                            "(unknown)".into()
                        } else {
                            c.clone()
                        }
                    },
                );
                ui.end_row();
                ui.label("Family");
                let families: Vec<FamilyId> = ix
                    .families_by_name()
                    .iter()
                    .filter_map(|&p| ds.families.get(p as usize).map(|f| f.id.clone()))
                    .collect();
                multi_select_ui(
                    ui,
                    "model_family",
                    &mut f.families,
                    families.into_iter(),
                    |id| {
                        ds.families
                            .iter()
                            .find(|f| &f.id == id)
                            .map_or_else(|| id.to_string(), |f| f.name.clone())
                    },
                );
                ui.end_row();
                ui.label("Openness");
                multi_select_ui(
                    ui,
                    "model_openness",
                    &mut f.openness,
                    ix.openness_values().iter().copied(),
                    |o| o.label().to_owned(),
                );
                ui.end_row();
                ui.label("Release year");
                multi_select_ui(
                    ui,
                    "model_year",
                    &mut f.release_years,
                    ix.release_years().iter().copied(),
                    |y| y.to_string(),
                );
                ui.end_row();
            });
        if ui
            .add_enabled(!f.is_empty(), egui::Button::new("Clear filters"))
            .clicked()
        {
            *f = Default::default();
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Sort by");
        egui::ComboBox::from_id_salt("model_sort")
            .selected_text(q.model_sort.label())
            .show_ui(ui, |ui| {
                for s in [
                    ModelSort::Name,
                    ModelSort::Adoptions,
                    ModelSort::ReleaseDate,
                    ModelSort::Parameters,
                ] {
                    ui.selectable_value(&mut q.model_sort, s, s.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut q.descending, "Descending");
    });
}

/// A menu button listing `options` as checkboxes; the button says what is chosen.
fn multi_select_ui<T: Ord + Clone>(
    ui: &mut egui::Ui,
    id: &str,
    chosen: &mut BTreeSet<T>,
    options: impl Iterator<Item = T>,
    label: impl Fn(&T) -> String,
) {
    // Countries and family names come from the file: shown escaped and cut.
    let label = |x: &T| safe_line(&label(x)).into_owned();
    let text = if chosen.is_empty() {
        "any".to_owned()
    } else {
        let names: Vec<String> = chosen.iter().map(label).collect();
        let joined = names.join(", ");
        if joined.chars().count() > 28 {
            format!("{} chosen", chosen.len())
        } else {
            joined
        }
    };
    ui.push_id(id, |ui| {
        ui.menu_button(text, |ui| {
            let options: Vec<T> = options.collect();
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for o in options {
                        let mut on = chosen.contains(&o);
                        if ui.checkbox(&mut on, label(&o)).changed() {
                            if on {
                                chosen.insert(o);
                            } else {
                                chosen.remove(&o);
                            }
                        }
                    }
                });
            if !chosen.is_empty() && ui.button("Any").clicked() {
                chosen.clear();
            }
        });
    });
}

/// What the rows of the list show this frame.
struct ShownRows<'a> {
    /// The open dataset.
    ds: &'a Dataset,
    /// Its index.
    ix: &'a Index,
    /// The list shown.
    tab: ListTab,
    /// Positions of the records that pass the search and filters, in list order.
    rows: &'a [u32],
    /// The app state (selection, open dialog).
    state: &'a AppState,
    /// The search and filters in force, in words (empty when none).
    filtered: &'a [String],
}

/// The virtualized rows, with Up/Down moving the selection and a selection made elsewhere
/// scrolled into view.
fn rows_ui(
    ui: &mut egui::Ui,
    shown: &ShownRows<'_>,
    view: &mut ListView,
    actions: &mut Vec<Action>,
) {
    let ShownRows {
        ds,
        ix,
        tab,
        rows,
        state,
        filtered,
    } = *shown;
    let selected = state.selection.current();
    let selected_row = selected.and_then(|r| {
        let at = ix.resolve(r)?;
        (at.kind == tab.record_kind()).then(|| rows.iter().position(|&p| p == at.pos))?
    });
    // Up/Down move the selection through the list when no text field has the keyboard.
    if !ui.ctx().egui_wants_keyboard_input() && state.modal.is_none() && !rows.is_empty() {
        let up = UiCommand::SelectPrevious.consume(ui.ctx());
        let down = UiCommand::SelectNext.consume(ui.ctx());
        let next = match (selected_row, up, down) {
            (Some(r), true, false) => Some(r.saturating_sub(1)),
            (Some(r), false, true) => Some((r + 1).min(rows.len() - 1)),
            (None, _, true) | (None, true, _) => Some(0),
            _ => None,
        };
        if let Some(n) = next
            && Some(n) != selected_row
            && let Some(r) = record_at(ds, tab, rows[n] as usize)
        {
            actions.push(Action::Select(r));
        }
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("list_rows", tab))
        .auto_shrink([false, false]);
    // Bring a selection made elsewhere (a link, a plot, Back) into view once. The scrollable
    // range is known from the last frame this tab was drawn; scrolling past it would make the
    // list spring back, so until it is known (a tab just shown) wait one frame.
    if selected != view.shown_selection.as_ref() {
        match (selected_row, view.max_offset.get(&(tab, rows.len()))) {
            (Some(r), Some(&max)) => {
                let stride = row_height + ui.spacing().item_spacing.y;
                let top = r as f32 * stride;
                let viewport = ui.available_height();
                if top < view.offset || top + row_height > view.offset + viewport {
                    area = area.vertical_scroll_offset((top - viewport / 2.0).clamp(0.0, max));
                }
                view.shown_selection = selected.cloned();
            }
            (Some(_), None) => ui.ctx().request_repaint(),
            (None, _) => view.shown_selection = selected.cloned(),
        }
    }
    let out = area.show_rows(ui, row_height, rows.len(), |ui, range| {
        crate::ui::layout::a11y::scroll_view(ui, true, false);
        for i in range {
            let pos = rows[i] as usize;
            let (mut name, detail, color) = row_text(ds, ix, tab, pos);
            if name.trim().is_empty() {
                // A record being edited may have no name yet; it still needs a clickable label.
                name = "(no name)".to_owned();
            }
            let is_selected = selected_row == Some(i);
            ui.horizontal(|ui| {
                let (dot, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, row_height), egui::Sense::hover());
                ui.painter().circle_filled(dot.center(), 4.0, color);
                // Names come from the file: control characters escaped, one capped line. A
                // name wider than the panel is truncated at its edge (at `NAME_MAX_WIDTH` at
                // most), leaving the detail room for its "…".
                let reserve = if detail.is_empty() {
                    0.0
                } else {
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    ui.ctx().fonts_mut(|f| f.glyph_width(&font, '…')) + ui.spacing().item_spacing.x
                };
                let name_width = (ui.available_width() - reserve).clamp(40.0, NAME_MAX_WIDTH);
                let r = ui
                    .scope(|ui| {
                        ui.set_max_width(name_width);
                        ui.add(
                            egui::Button::selectable(is_selected, RichText::new(safe_line(&name)))
                                .truncate(),
                        )
                    })
                    .inner;
                if !detail.is_empty() {
                    // Truncated, so a long row never widens the panel.
                    ui.add(egui::Label::new(RichText::new(safe_line(&detail)).weak()).truncate());
                }
                if r.clicked()
                    && let Some(rec) = record_at(ds, tab, pos)
                {
                    actions.push(Action::Select(rec));
                }
            });
        }
        if rows.is_empty() {
            ui.weak(if filtered.is_empty() {
                "Nothing to list yet.".to_owned()
            } else {
                format!(
                    "Nothing matches the search and filters ({}); “clear” shows all.",
                    filtered.join(", ")
                )
            });
        }
    });
    view.offset = out.state.clamped_offset().y;
    if view.max_offset.len() > 64 {
        view.max_offset.clear();
    }
    view.max_offset.insert(
        (tab, rows.len()),
        (out.content_size.y - out.inner_rect.height()).max(0.0),
    );
}
