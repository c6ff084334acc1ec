//! Detail views: everything about the selected record, every figure with its qualifier and a
//! source marker, names of related records as links, conflicts side by side.

use egui::{RichText, Ui};

use super::palette;
use crate::app::explorer::{Index, RecordAt};
use crate::app::{Action, AppState};
use crate::model::format::{claim_text, format_number, format_params_b, when_text};
use crate::model::*;

/// Everything a detail view needs.
struct Ctx<'a> {
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
    ui.horizontal(|ui| {
        if super::forms::has_form(sel) {
            ui.toggle_value(&mut view.editing, "Edit record")
                .on_hover_text("Edit this record; every change can be undone (Ctrl+Z)");
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
    if view.editing
        && let Some(at) = ix.resolve(sel)
        && super::forms::form_ui(ui, ds, sel, at.pos as usize, &state.doc.problems, actions)
    {
        ui.separator();
    }
    let Some(at) = ix.resolve(sel) else {
        ui.label(format!(
            "The selected record ({}) is no longer in the dataset.",
            sel.kind_and_id().1
        ));
        return;
    };
    let mut c = Ctx { ds, ix, actions };
    let pos = at.pos as usize;
    // One scroll position per record: a newly selected record starts at its top.
    egui::ScrollArea::vertical()
        .id_salt(("detail", sel))
        .auto_shrink([false, false])
        .show(ui, |ui| match at.kind {
            RecordKind::Organization => org_ui(ui, &mut c, pos),
            RecordKind::Model => model_ui(ui, &mut c, pos),
            RecordKind::Source => source_ui(ui, &mut c, pos),
            RecordKind::Event => event_ui(ui, &mut c, pos),
            RecordKind::Family => family_ui(ui, &mut c, pos),
            RecordKind::Person => person_ui(ui, &mut c, pos),
            RecordKind::Adoption => adoption_ui(ui, &mut c, pos),
            RecordKind::Claim => claim_detail_ui(ui, &mut c, pos),
            RecordKind::Conflict => {
                conflict_ui(ui, &mut c, pos);
            }
            RecordKind::Series => series_ui(ui, &mut c, pos),
            RecordKind::Role => role_ui(ui, &mut c, pos),
            RecordKind::Dataset => {}
        });
}

fn welcome_ui(ui: &mut Ui, ds: &Dataset) {
    ui.heading(if ds.meta.title.is_empty() {
        "AI Adoption Explorer"
    } else {
        &ds.meta.title
    });
    if !ds.meta.description.is_empty() {
        ui.label(&ds.meta.description);
    }
    ui.add_space(8.0);
    ui.label("Pick an organization, a model, a source or an event in the list on the left to see everything the dataset says about it, and where each figure comes from.");
    ui.label("Tip: the filter \"Uses a model from: China\" lists the organizations that adopted Chinese-developed models.");
}

// ---------------------------------------------------------------------------------------------
// Small building blocks.

fn heading_ui(ui: &mut Ui, kind: &str, title: &str, native: &str) {
    ui.weak(kind);
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(title).strong());
        if !native.is_empty() {
            ui.heading(native);
        }
    });
}

fn section_ui(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.separator();
}

/// A row "label: value" in a fact grid.
fn fact_ui(ui: &mut Ui, label: &str, value: impl FnOnce(&mut Ui)) {
    ui.weak(label);
    ui.horizontal_wrapped(|ui| value(ui));
    ui.end_row();
}

fn unknown_ui(ui: &mut Ui) {
    ui.weak("unknown");
}

fn text_or_unknown(ui: &mut Ui, text: &str) {
    if text.trim().is_empty() {
        unknown_ui(ui);
    } else {
        ui.label(text);
    }
}

fn name_of(ds: &Dataset, ix: &Index, r: &RecordRef) -> String {
    let Some(at) = ix.resolve(r) else {
        return format!("{} (missing)", r.kind_and_id().1);
    };
    let p = at.pos as usize;
    match at.kind {
        RecordKind::Organization => ds.organizations[p].name.clone(),
        RecordKind::Model => ds.models[p].name.clone(),
        RecordKind::Family => format!("{} (family)", ds.families[p].name),
        RecordKind::Person => ds.people[p].name.clone(),
        RecordKind::Source => source_title(&ds.sources[p]),
        RecordKind::Event => ds.events[p].title.clone(),
        RecordKind::Claim => claim_text(&ds.claims[p]),
        RecordKind::Adoption => {
            let a = &ds.adoptions[p];
            let org = name_of(ds, ix, &RecordRef::Organization(a.organization.clone()));
            format!("{org} → {}", target_name(ds, ix, &a.target))
        }
        RecordKind::Role => {
            let r = &ds.roles[p];
            format!(
                "{}, {}",
                name_of(ds, ix, &RecordRef::Person(r.person.clone())),
                r.title
            )
        }
        RecordKind::Series => ds.series[p].name.clone(),
        RecordKind::Conflict => ds.conflicts[p].description.clone(),
        RecordKind::Dataset => String::new(),
    }
}

fn target_name(ds: &Dataset, ix: &Index, t: &AdoptionTarget) -> String {
    match t {
        AdoptionTarget::Model(m) => name_of(ds, ix, &RecordRef::Model(m.clone())),
        AdoptionTarget::Family(f) => name_of(ds, ix, &RecordRef::Family(f.clone())),
    }
}

fn target_ref(t: &AdoptionTarget) -> RecordRef {
    match t {
        AdoptionTarget::Model(m) => RecordRef::Model(m.clone()),
        AdoptionTarget::Family(f) => RecordRef::Family(f.clone()),
    }
}

/// Title of a source for people: its title, else its publisher and author, else its locator.
pub fn source_title(s: &Source) -> String {
    if !s.title.is_empty() {
        return s.title.clone();
    }
    let who: Vec<&str> = [s.publisher.as_str(), s.author.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if !who.is_empty() {
        let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
        return format!("{}{date}", who.join(", "));
    }
    s.locator.clone()
}

/// A link to a record: clicking selects it.
fn link_ui(ui: &mut Ui, c: &mut Ctx<'_>, text: &str, r: RecordRef) {
    let text = if text.trim().is_empty() {
        "(no name)"
    } else {
        text
    };
    let exists = c.ix.resolve(&r).is_some();
    if !exists {
        ui.label(RichText::new(format!("{text} (missing)")).italics());
        return;
    }
    let kind = r.kind_and_id().0;
    if ui
        .link(text)
        .on_hover_text(format!("Show this {kind}"))
        .clicked()
    {
        c.actions.push(Action::Select(r));
    }
}

fn record_link_ui(ui: &mut Ui, c: &mut Ctx<'_>, r: RecordRef) {
    let name = name_of(c.ds, c.ix, &r);
    link_ui(ui, c, &name, r);
}

/// Whether a locator may be opened in a browser: only http and https addresses.
pub fn is_web_url(locator: &str) -> bool {
    let l = locator.trim_start().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://"))
        && !locator.chars().any(char::is_whitespace)
}

/// A source marker "[n]": hover shows title, publisher, date, locator and the quote; a click opens
/// the address in the browser (http and https only) and otherwise shows the source here.
fn source_marker_ui(ui: &mut Ui, c: &mut Ctx<'_>, id: &SourceId, quote: Option<&str>) {
    let Some(pos) = c.ix.source(id) else {
        ui.label(RichText::new(format!("[missing source {id}]")).italics());
        return;
    };
    let s = &c.ds.sources[pos];
    let title = source_title(s);
    let marker = ui
        .add(
            egui::Button::new(RichText::new(format!("[{}]", pos + 1)).small())
                .small()
                .frame(false),
        )
        .on_hover_ui(|ui| {
            ui.set_max_width(460.0);
            ui.label(RichText::new(&title).strong());
            let meta: Vec<String> = [
                s.publisher.clone(),
                s.author.clone(),
                s.date.map(|d| d.to_string()).unwrap_or_default(),
                s.kind.label().to_owned(),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
            ui.label(meta.join(" · "));
            if !s.locator.is_empty() {
                ui.monospace(&s.locator);
            }
            if let Some(v) = &s.via
                && let Some(vp) = c.ix.source(v)
            {
                ui.label(format!(
                    "Reprint or summary of: {}",
                    source_title(&c.ds.sources[vp])
                ));
            }
            if let Some(q) = quote {
                ui.add_space(4.0);
                ui.label(RichText::new(format!("“{q}”")).italics());
            }
            ui.add_space(4.0);
            ui.weak(if is_web_url(&s.locator) {
                "Click to open in the browser; right-click for details."
            } else {
                "Click to show this source (its locator is not a web address, so it is not opened)."
            });
        });
    // Screen readers (and tests) hear which source it is, not just "[12]".
    marker.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Button,
            true,
            format!("Source [{}]: {title}", pos + 1),
        )
    });
    if marker.clicked() {
        if is_web_url(&s.locator) {
            ui.ctx().open_url(egui::OpenUrl::new_tab(s.locator.trim()));
        } else {
            c.actions
                .push(Action::Select(RecordRef::Source(id.clone())));
        }
    }
    marker.context_menu(|ui| {
        if ui.button("Show source details").clicked() {
            c.actions
                .push(Action::Select(RecordRef::Source(id.clone())));
        }
        if ui.button("Copy locator").clicked() {
            ui.ctx().copy_text(s.locator.clone());
        }
    });
}

fn sources_ui(ui: &mut Ui, c: &mut Ctx<'_>, sources: &[SourceId]) {
    if sources.is_empty() {
        ui.colored_label(ui.visuals().warn_fg_color, "no source");
        return;
    }
    for s in sources {
        source_marker_ui(ui, c, s, None);
    }
}

/// One claim: metric, value with its qualifier, baseline, period, who said it, source marker.
fn claim_line_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let cl = &c.ds.claims[pos];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(claim_text(cl)).strong());
        if let Some(sp) = &cl.said_by {
            ui.weak("said by");
            match sp {
                Speaker::Person(p) => record_link_ui(ui, c, RecordRef::Person(p.clone())),
                Speaker::Organization(o) => {
                    record_link_ui(ui, c, RecordRef::Organization(o.clone()))
                }
            }
        }
        source_marker_ui(ui, c, &cl.source, Some(&cl.quote));
        if ui
            .small_button("details")
            .on_hover_text("Show this claim with its quote")
            .clicked()
        {
            c.actions
                .push(Action::Select(RecordRef::Claim(cl.id.clone())));
        }
    });
}

fn claims_ui(ui: &mut Ui, c: &mut Ctx<'_>, claims: &[u32]) {
    if claims.is_empty() {
        ui.weak("No figures recorded.");
    }
    for &p in claims {
        claim_line_ui(ui, c, p as usize);
    }
}

/// Conflicts involving any of `records`, each shown with its records side by side.
fn conflicts_ui(ui: &mut Ui, c: &mut Ctx<'_>, records: &[RecordAt]) {
    let mut seen = std::collections::BTreeSet::new();
    for at in records {
        for &k in c.ix.conflicts_involving(*at) {
            seen.insert(k);
        }
    }
    if seen.is_empty() {
        return;
    }
    section_ui(ui, "Sources disagree");
    for k in seen {
        conflict_ui(ui, c, k as usize);
        ui.add_space(6.0);
    }
}

fn conflict_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let k = &c.ds.conflicts[pos];
    let (icon, color) = match k.kind {
        ConflictKind::Contradiction => ("⚠ Contradiction", ui.visuals().warn_fg_color),
        ConflictKind::DifferentMeasure => (
            "≠ Different measure of the same thing",
            ui.visuals().hyperlink_color,
        ),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(color, RichText::new(icon).strong());
        ui.label(&k.description);
        let n = k.records.len().max(1);
        ui.columns(n, |cols| {
            for (col, r) in cols.iter_mut().zip(k.records.iter()) {
                // Columns justify their content; text reads better left-aligned.
                col.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    record_summary_ui(ui, c, r);
                });
            }
        });
    });
}

/// A compact view of any record, for conflicts: what it says and its sources.
fn record_summary_ui(ui: &mut Ui, c: &mut Ctx<'_>, r: &RecordRef) {
    let Some(at) = c.ix.resolve(r) else {
        ui.label(format!("{} (missing)", r.kind_and_id().1));
        return;
    };
    let p = at.pos as usize;
    match at.kind {
        RecordKind::Claim => {
            let cl = &c.ds.claims[p];
            ui.label(RichText::new(claim_text(cl)).strong());
            ui.label(RichText::new(format!("“{}”", cl.quote)).italics());
            ui.horizontal_wrapped(|ui| {
                ui.weak("Source:");
                let title = source_title_of(c, &cl.source);
                ui.label(title);
                source_marker_ui(ui, c, &cl.source, Some(&cl.quote));
            });
        }
        RecordKind::Adoption => {
            let a = &c.ds.adoptions[p];
            ui.horizontal_wrapped(|ui| {
                record_link_ui(ui, c, RecordRef::Organization(a.organization.clone()));
                ui.label("uses");
                record_link_ui(ui, c, target_ref(&a.target));
            });
            if !a.use_cases.is_empty() {
                ui.label(format!("for {}", a.use_cases.join(", ")));
            }
            if let Some(last) = a.status.last() {
                ui.label(status_text(last));
            }
            if !a.notes.is_empty() {
                ui.weak(&a.notes);
            }
            ui.horizontal_wrapped(|ui| {
                ui.weak("Sources:");
                let srcs = a.sources.clone();
                sources_ui(ui, c, &srcs);
            });
        }
        _ => {
            record_link_ui(ui, c, r.clone());
        }
    }
}

fn source_title_of(c: &Ctx<'_>, id: &SourceId) -> String {
    c.ix.source(id)
        .map_or_else(|| id.to_string(), |p| source_title(&c.ds.sources[p]))
}

fn status_text(s: &StatusEntry) -> String {
    match s.date {
        Some(d) => format!("{} since {d}", s.status.label()),
        None => s.status.label().to_owned(),
    }
}

fn notes_ui(ui: &mut Ui, notes: &str) {
    if !notes.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(notes).italics());
    }
}

fn events_ui(ui: &mut Ui, c: &mut Ctx<'_>, at: RecordAt) {
    let events = c.ix.events_related_to(at).to_vec();
    if events.is_empty() {
        return;
    }
    section_ui(ui, "Events");
    for e in events {
        let ev = &c.ds.events[e as usize];
        let date = ev
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let (id, title) = (ev.id.clone(), ev.title.clone());
        ui.horizontal_wrapped(|ui| {
            ui.monospace(date);
            link_ui(ui, c, &title, RecordRef::Event(id));
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Views per record kind.

fn org_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
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
                    let (dot, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle_filled(
                        dot.center(),
                        4.0,
                        palette::country_color(&o.country),
                    );
                }
                text_or_unknown(ui, &o.country);
            });
            fact_ui(ui, "Headquarters", |ui| {
                text_or_unknown(ui, &o.headquarters)
            });
            fact_ui(ui, "Sector", |ui| text_or_unknown(ui, &o.sector));
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
                if ui.selectable_label(false, &p.name).clicked() {
                    pick = Some(i);
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(i) = pick {
        c.actions
            .push(Action::Insert(Box::new(super::forms::new_role(
                ds,
                &ds.people[i].id,
                &o.id,
            ))));
    }
    for r in roles {
        let role = &ds.roles[r as usize];
        ui.horizontal_wrapped(|ui| {
            record_link_ui(ui, c, RecordRef::Person(role.person.clone()));
            ui.label(format!("– {}", role.title));
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
    ui.horizontal(|ui| {
        if ui
            .small_button("+ Add an adoption")
            .on_hover_text("Record that this organization uses a model or family")
            .clicked()
            && let Some(r) = super::forms::new_adoption(ds, &o.id)
        {
            c.actions.push(Action::Insert(Box::new(r)));
        }
        if ui
            .small_button("+ Add a model family it develops")
            .clicked()
        {
            c.actions
                .push(Action::Insert(Box::new(super::forms::new_family(
                    ds, &o.id,
                ))));
        }
        if ui
            .small_button("+ Add a series about it")
            .on_hover_text("Dated values of one measure (downloads, share...)")
            .clicked()
        {
            c.actions
                .push(Action::Insert(Box::new(super::forms::new_series(
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
        && let Some(r) = super::forms::new_claim(ds, Subject::Organization(o.id.clone()))
    {
        c.actions.push(Action::Insert(Box::new(r)));
    }
    claims.sort_unstable();
    claims.dedup();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    let spoken = c.ix.claims_by_org_speaker(pos).to_vec();
    let spoken: Vec<u32> = spoken.into_iter().filter(|x| !claims.contains(x)).collect();
    if !spoken.is_empty() {
        section_ui(ui, "Figures it published about others");
        claims_ui(ui, c, &spoken);
    }
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}

/// An adoption: target (or adopter), use cases, status history with sources.
fn adoption_block_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize, show_adopter: bool) {
    let ds = c.ds;
    let a = &ds.adoptions[pos];
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if show_adopter {
                record_link_ui(ui, c, RecordRef::Organization(a.organization.clone()));
                ui.label("uses");
            }
            record_link_ui(ui, c, target_ref(&a.target));
            if let AdoptionTarget::Family(_) = a.target {
                ui.weak("(a model family; no specific model named)");
            }
            sources_ui(ui, c, &a.sources);
        });
        if !a.use_cases.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak("Used for:");
                ui.label(a.use_cases.join(", "));
            });
        }
        for s in &a.status {
            ui.horizontal_wrapped(|ui| {
                ui.label(status_text(s));
                if !s.notes.is_empty() {
                    ui.weak(&s.notes);
                }
                sources_ui(ui, c, &s.sources);
            });
        }
        if a.status.is_empty() {
            ui.weak("Status not stated by the sources.");
        }
        notes_ui(ui, &a.notes);
    });
}

fn model_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let ds = c.ds;
    let m = &ds.models[pos];
    let at = RecordAt::new(RecordKind::Model, pos);
    heading_ui(ui, "Model", &m.name, "");
    egui::Grid::new("model_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "Developer", |ui| {
                record_link_ui(ui, c, RecordRef::Organization(m.developer.clone()));
                if let Some(country) = c.ix.model_developer_country(pos).filter(|s| !s.is_empty()) {
                    let (dot, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .circle_filled(dot.center(), 4.0, palette::country_color(country));
                    ui.label(country);
                }
            });
            fact_ui(ui, "Family", |ui| match &m.family {
                Some(f) => record_link_ui(ui, c, RecordRef::Family(f.clone())),
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Released", |ui| match m.release_date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Openness", |ui| match m.openness {
                Some(o) => {
                    ui.label(o.label());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "License", |ui| text_or_unknown(ui, &m.license));
            fact_ui(ui, "Parameters", |ui| {
                match (m.total_params_b, m.active_params_b) {
                    (Some(t), Some(a)) => {
                        ui.label(format!(
                            "{} total, {} active per token",
                            format_params_b(t),
                            format_params_b(a)
                        ));
                    }
                    (Some(t), None) => {
                        ui.label(format!("{} total", format_params_b(t)));
                    }
                    (None, Some(a)) => {
                        ui.label(format!(
                            "{} active per token, total unknown",
                            format_params_b(a)
                        ));
                    }
                    (None, None) => unknown_ui(ui),
                }
            });
            fact_ui(ui, "Architecture", |ui| match m.architecture {
                Some(a) => {
                    ui.label(a.label());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Context length", |ui| match m.context_k_tokens {
                Some(k) => {
                    ui.label(format!("{}K tokens", format_number(k)));
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &m.sources));
        });
    notes_ui(ui, &m.notes);

    if let Some(f) = c.ix.family_of_model(pos) {
        section_ui(ui, &format!("{} family releases", ds.families[f].name));
        family_timeline_ui(ui, c, f, Some(pos));
    }

    section_ui(ui, "Adopted by");
    let adopters = c.ix.adopters_of_model(pos);
    if adopters.is_empty() {
        ui.weak("No organization in the dataset is recorded as using it.");
    }
    let mut involved = vec![at];
    for a in &adopters {
        involved.push(RecordAt::new(RecordKind::Adoption, a.adoption as usize));
        adoption_block_ui(ui, c, a.adoption as usize, true);
    }
    section_ui(ui, "Figures about it");
    let claims = c.ix.claims_about_record(at).to_vec();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}

/// The family's releases on a small timeline; `current` is highlighted. Click a dot to select.
fn family_timeline_ui(ui: &mut Ui, c: &mut Ctx<'_>, family: usize, current: Option<usize>) {
    let ds = c.ds;
    let mut dated: Vec<(f64, usize)> =
        c.ix.models_of_family(family)
            .iter()
            .filter_map(|&m| {
                ds.models[m as usize]
                    .release_date?
                    .as_year_fraction()
                    .map(|x| (x, m as usize))
            })
            .collect();
    let undated = c.ix.models_of_family(family).len() - dated.len();
    if dated.is_empty() {
        ui.weak("No release dates recorded for this family.");
        return;
    }
    dated.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (min, max) = (
        dated[0].0.floor(),
        dated[dated.len() - 1]
            .0
            .ceil()
            .max(dated[0].0.floor() + 1.0),
    );
    let width = ui.available_width().clamp(200.0, 900.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 46.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let x_of =
        |x: f64| rect.left() + 18.0 + ((x - min) / (max - min)) as f32 * (rect.width() - 36.0);
    let y = rect.top() + 14.0;
    let stroke = ui.visuals().widgets.noninteractive.fg_stroke;
    painter.line_segment(
        [
            egui::pos2(rect.left() + 6.0, y),
            egui::pos2(rect.right() - 6.0, y),
        ],
        stroke,
    );
    let text_color = ui.visuals().weak_text_color();
    let mut year = min as i32;
    while f64::from(year) <= max {
        let x = x_of(f64::from(year));
        painter.line_segment([egui::pos2(x, y - 4.0), egui::pos2(x, y + 4.0)], stroke);
        painter.text(
            egui::pos2(x, y + 8.0),
            egui::Align2::CENTER_TOP,
            year.to_string(),
            egui::FontId::proportional(11.0),
            text_color,
        );
        year += 1;
    }
    let color = palette::family_color(ds.families[family].id.as_str());
    for (x, m) in &dated {
        let p = egui::pos2(x_of(*x), y);
        let is_current = current == Some(*m);
        let r = if is_current { 6.0 } else { 4.0 };
        painter.circle_filled(p, r, color);
        if is_current {
            painter.circle_stroke(
                p,
                r + 2.0,
                egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
            );
        }
        let hit = egui::Rect::from_center_size(p, egui::vec2(12.0, 12.0));
        let model = &ds.models[*m];
        let resp = ui
            .interact(
                hit,
                ui.scope_id().with(("timeline", *m)),
                egui::Sense::click(),
            )
            .on_hover_text(format!(
                "{} – {}",
                model.name,
                model
                    .release_date
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            ));
        if resp.clicked() && !is_current {
            c.actions
                .push(Action::Select(RecordRef::Model(model.id.clone())));
        }
    }
    if undated > 0 {
        ui.weak(format!(
            "{undated} release{} of this family without a date not shown",
            if undated == 1 { "" } else { "s" }
        ));
    }
}

fn family_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let ds = c.ds;
    let f = &ds.families[pos];
    let at = RecordAt::new(RecordKind::Family, pos);
    heading_ui(ui, "Model family", &f.name, "");
    egui::Grid::new("family_facts")
        .num_columns(2)
        .show(ui, |ui| {
            fact_ui(ui, "Developer", |ui| {
                record_link_ui(ui, c, RecordRef::Organization(f.developer.clone()))
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &f.sources));
        });
    notes_ui(ui, &f.notes);
    section_ui(ui, "Releases");
    family_timeline_ui(ui, c, pos, None);
    let models = c.ix.models_of_family(pos).to_vec();
    for m in models {
        let model = &ds.models[m as usize];
        ui.horizontal_wrapped(|ui| {
            record_link_ui(ui, c, RecordRef::Model(model.id.clone()));
            if let Some(d) = model.release_date {
                ui.weak(d.to_string());
            }
        });
    }
    section_ui(ui, "Adopted as a family by");
    let adoptions = c.ix.adoptions_of_family(pos).to_vec();
    if adoptions.is_empty() {
        ui.weak("No adoption names this family as a whole.");
    }
    let mut involved = vec![at];
    for a in adoptions {
        involved.push(RecordAt::new(RecordKind::Adoption, a as usize));
        adoption_block_ui(ui, c, a as usize, true);
    }
    section_ui(ui, "Figures about it");
    let claims = c.ix.claims_about_record(at).to_vec();
    for cl in &claims {
        involved.push(RecordAt::new(RecordKind::Claim, *cl as usize));
    }
    claims_ui(ui, c, &claims);
    conflicts_ui(ui, c, &involved);
    events_ui(ui, c, at);
}

fn source_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let ds = c.ds;
    let s = &ds.sources[pos];
    heading_ui(
        ui,
        &format!("Source [{}] · {}", pos + 1, s.kind.label()),
        &source_title(s),
        "",
    );
    egui::Grid::new("source_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "Title", |ui| text_or_unknown(ui, &s.title));
            fact_ui(ui, "Publisher", |ui| text_or_unknown(ui, &s.publisher));
            if !s.author.is_empty() {
                fact_ui(ui, "Author", |ui| {
                    ui.label(&s.author);
                });
            }
            fact_ui(ui, "Date", |ui| match s.date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Kind", |ui| {
                ui.label(s.kind.label());
            });
            fact_ui(ui, "Locator", |ui| {
                if s.locator.is_empty() {
                    unknown_ui(ui);
                } else if is_web_url(&s.locator) {
                    ui.hyperlink_to(&s.locator, s.locator.trim());
                } else {
                    ui.monospace(&s.locator).on_hover_text(
                        "Not a web address (or truncated as found): shown, not opened.",
                    );
                }
            });
            if let Some(v) = &s.via {
                fact_ui(ui, "Reprint of", |ui| {
                    record_link_ui(ui, c, RecordRef::Source(v.clone()))
                });
            }
        });
    notes_ui(ui, &s.notes);
    section_ui(ui, "Cited by");
    let citing = c.ix.citing_records(ds, pos);
    if citing.is_empty() {
        ui.weak("Nothing in the dataset cites this source.");
    }
    for (r, field) in citing {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("{} ({field}):", r.kind_and_id().0));
            if let RecordRef::Claim(id) = &r
                && let Some(p) = c.ix.claim(id)
            {
                let cl = &ds.claims[p];
                ui.label(claim_text(cl));
                ui.label(RichText::new(format!("“{}”", cl.quote)).italics());
                if ui.small_button("details").clicked() {
                    c.actions.push(Action::Select(r.clone()));
                }
            } else {
                record_link_ui(ui, c, r.clone());
            }
        });
    }
}

fn event_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let e = &c.ds.events[pos];
    heading_ui(ui, &format!("Event · {}", e.kind.label()), &e.title, "");
    egui::Grid::new("event_facts")
        .num_columns(2)
        .show(ui, |ui| {
            fact_ui(ui, "Date", |ui| match e.date {
                Some(d) => {
                    ui.label(d.to_string());
                }
                None => unknown_ui(ui),
            });
            fact_ui(ui, "Sources", |ui| sources_ui(ui, c, &e.sources));
        });
    if !e.description.is_empty() {
        ui.add_space(4.0);
        ui.label(&e.description);
    }
    section_ui(ui, "Related");
    if e.related.is_empty() {
        ui.weak("No related records.");
    }
    for r in &e.related {
        ui.horizontal(|ui| {
            ui.weak(format!("{}:", r.kind_and_id().0));
            record_link_ui(ui, c, r.clone());
        });
    }
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Event, pos)]);
}

fn person_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
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
            ui.label(&role.title);
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

fn role_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let r = &c.ds.roles[pos];
    heading_ui(ui, "Role", &r.title, "");
    ui.horizontal_wrapped(|ui| {
        record_link_ui(ui, c, RecordRef::Person(r.person.clone()));
        ui.weak("at");
        record_link_ui(ui, c, RecordRef::Organization(r.organization.clone()));
        sources_ui(ui, c, &r.sources);
    });
    notes_ui(ui, &r.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Role, pos)]);
}

fn adoption_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    heading_ui(
        ui,
        "Adoption",
        &name_of(
            c.ds,
            c.ix,
            &RecordRef::Adoption(c.ds.adoptions[pos].id.clone()),
        ),
        "",
    );
    adoption_block_ui(ui, c, pos, true);
    let at = RecordAt::new(RecordKind::Adoption, pos);
    section_ui(ui, "Figures reported");
    if ui
        .small_button("+ Add a figure")
        .on_hover_text("Record a gain this adoption brought, with its source and quote")
        .clicked()
        && let Some(r) =
            super::forms::new_claim(c.ds, Subject::Adoption(c.ds.adoptions[pos].id.clone()))
    {
        c.actions.push(Action::Insert(Box::new(r)));
    }
    let claims = c.ix.claims_about_record(at).to_vec();
    claims_ui(ui, c, &claims);
    let mut involved = vec![at];
    involved.extend(
        claims
            .iter()
            .map(|&p| RecordAt::new(RecordKind::Claim, p as usize)),
    );
    conflicts_ui(ui, c, &involved);
}

fn claim_detail_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let cl = &c.ds.claims[pos];
    heading_ui(ui, "Claim", &claim_text(cl), "");
    egui::Grid::new("claim_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            fact_ui(ui, "About", |ui| match &cl.subject {
                Subject::Organization(o) => {
                    record_link_ui(ui, c, RecordRef::Organization(o.clone()))
                }
                Subject::Model(m) => record_link_ui(ui, c, RecordRef::Model(m.clone())),
                Subject::Family(f) => record_link_ui(ui, c, RecordRef::Family(f.clone())),
                Subject::Adoption(a) => record_link_ui(ui, c, RecordRef::Adoption(a.clone())),
                Subject::Country(k) => {
                    ui.label(format!("models developed in {k}"));
                }
            });
            fact_ui(ui, "Measure", |ui| {
                ui.label(cl.metric.label());
            });
            fact_ui(ui, "Value", |ui| {
                ui.label(
                    RichText::new(crate::model::format::value_text(
                        &cl.value,
                        &cl.unit,
                        cl.qualifier,
                    ))
                    .strong(),
                );
            });
            if !cl.baseline.is_empty() {
                fact_ui(ui, "Compared with", |ui| {
                    ui.label(&cl.baseline);
                });
            }
            if !cl.scope.is_empty() {
                fact_ui(ui, "Scope", |ui| {
                    ui.label(&cl.scope);
                });
            }
            fact_ui(ui, "When", |ui| match &cl.when {
                Some(w) => {
                    ui.label(when_text(w));
                }
                None => unknown_ui(ui),
            });
            if let Some(sp) = &cl.said_by {
                fact_ui(ui, "Said by", |ui| match sp {
                    Speaker::Person(p) => record_link_ui(ui, c, RecordRef::Person(p.clone())),
                    Speaker::Organization(o) => {
                        record_link_ui(ui, c, RecordRef::Organization(o.clone()))
                    }
                });
            }
            fact_ui(ui, "Source", |ui| {
                let t = source_title_of(c, &cl.source);
                link_ui(ui, c, &t, RecordRef::Source(cl.source.clone()));
                source_marker_ui(ui, c, &cl.source, Some(&cl.quote));
            });
        });
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("“{}”", cl.quote))
            .italics()
            .size(15.0),
    );
    notes_ui(ui, &cl.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Claim, pos)]);
}

fn series_ui(ui: &mut Ui, c: &mut Ctx<'_>, pos: usize) {
    let s = &c.ds.series[pos];
    heading_ui(ui, &format!("Series · {}", s.metric.label()), &s.name, "");
    ui.horizontal_wrapped(|ui| {
        ui.weak("Sources:");
        sources_ui(ui, c, &s.sources);
    });
    egui::Grid::new("series_points")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Date");
            ui.strong("Value");
            ui.end_row();
            for p in &s.points {
                ui.label(p.date.to_string());
                ui.label(format!("{}{}", format_number(p.value), s.unit.suffix()));
                ui.end_row();
            }
        });
    notes_ui(ui, &s.notes);
    conflicts_ui(ui, c, &[RecordAt::new(RecordKind::Series, pos)]);
}
