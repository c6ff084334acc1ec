//! A plain view of the loaded records by kind (the explorer proper builds on this).

use crate::app::Document;
use crate::model::{AdoptionTarget, ClaimValue, Dataset, RecordKind};

/// Record kinds in the order the list offers them.
pub const LIST_KINDS: [RecordKind; 11] = [
    RecordKind::Organization,
    RecordKind::Model,
    RecordKind::Family,
    RecordKind::Adoption,
    RecordKind::Claim,
    RecordKind::Person,
    RecordKind::Role,
    RecordKind::Source,
    RecordKind::Event,
    RecordKind::Series,
    RecordKind::Conflict,
];

/// Number of records of `kind` in `ds`.
pub fn count(ds: &Dataset, kind: RecordKind) -> usize {
    match kind {
        RecordKind::Dataset => 1,
        RecordKind::Source => ds.sources.len(),
        RecordKind::Organization => ds.organizations.len(),
        RecordKind::Person => ds.people.len(),
        RecordKind::Role => ds.roles.len(),
        RecordKind::Family => ds.families.len(),
        RecordKind::Model => ds.models.len(),
        RecordKind::Adoption => ds.adoptions.len(),
        RecordKind::Claim => ds.claims.len(),
        RecordKind::Conflict => ds.conflicts.len(),
        RecordKind::Series => ds.series.len(),
        RecordKind::Event => ds.events.len(),
    }
}

fn plural(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Dataset => "Dataset",
        RecordKind::Source => "Sources",
        RecordKind::Organization => "Organizations",
        RecordKind::Person => "People",
        RecordKind::Role => "Roles",
        RecordKind::Family => "Model families",
        RecordKind::Model => "Models",
        RecordKind::Adoption => "Adoptions",
        RecordKind::Claim => "Claims",
        RecordKind::Conflict => "Conflicts",
        RecordKind::Series => "Series",
        RecordKind::Event => "Events",
    }
}

/// The list of record kinds with their counts; picks the one shown.
pub fn kinds_ui(ui: &mut egui::Ui, ds: &Dataset, selected: &mut RecordKind) {
    ui.heading("Records");
    if !ds.meta.title.is_empty() {
        ui.weak(&ds.meta.title);
    }
    ui.separator();
    for kind in LIST_KINDS {
        let label = format!("{} ({})", plural(kind), count(ds, kind));
        if ui.selectable_label(*selected == kind, label).clicked() {
            *selected = kind;
        }
    }
}

/// Joins the non-empty parts with " · ".
fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One line describing record `i` of `kind`: a name and a short detail.
pub fn row_text(ds: &Dataset, kind: RecordKind, i: usize) -> (String, String) {
    let opt = |d: &Option<crate::model::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
    match kind {
        RecordKind::Dataset => (ds.meta.title.clone(), String::new()),
        RecordKind::Source => {
            let s = &ds.sources[i];
            let name = if s.title.is_empty() {
                s.locator.clone()
            } else {
                s.title.clone()
            };
            (name, join(&[s.kind.label(), &s.publisher, &opt(&s.date)]))
        }
        RecordKind::Organization => {
            let o = &ds.organizations[i];
            let name = if o.native_name.is_empty() {
                o.name.clone()
            } else {
                format!("{} ({})", o.name, o.native_name)
            };
            (name, join(&[o.kind.label(), &o.country, &o.headquarters]))
        }
        RecordKind::Person => (ds.people[i].name.clone(), String::new()),
        RecordKind::Role => {
            let r = &ds.roles[i];
            (
                format!("{} – {}", r.person, r.title),
                r.organization.to_string(),
            )
        }
        RecordKind::Family => (
            ds.families[i].name.clone(),
            ds.families[i].developer.to_string(),
        ),
        RecordKind::Model => {
            let m = &ds.models[i];
            let params = m
                .total_params_b
                .map(|p| format!("{p}B"))
                .unwrap_or_default();
            (
                m.name.clone(),
                join(&[m.developer.as_str(), &opt(&m.release_date), &params]),
            )
        }
        RecordKind::Adoption => {
            let a = &ds.adoptions[i];
            let target = match &a.target {
                AdoptionTarget::Model(m) => m.to_string(),
                AdoptionTarget::Family(f) => format!("{f} (family)"),
            };
            (
                format!("{} → {target}", a.organization),
                a.use_cases.join(", "),
            )
        }
        RecordKind::Claim => {
            let c = &ds.claims[i];
            let v = match &c.value {
                ClaimValue::Number(n) => format!("{}{n}{}", c.qualifier.prefix(), c.unit.suffix()),
                ClaimValue::Range(a, b) => {
                    format!("{}{a}–{b}{}", c.qualifier.prefix(), c.unit.suffix())
                }
                ClaimValue::Date(d) => d.to_string(),
                ClaimValue::Text(t) => t.clone(),
            };
            (
                format!("{}: {v}", c.metric.label()),
                format!("source: {}", c.source),
            )
        }
        RecordKind::Conflict => (
            ds.conflicts[i].description.clone(),
            ds.conflicts[i].kind.label().to_owned(),
        ),
        RecordKind::Series => (
            ds.series[i].name.clone(),
            format!("{} points", ds.series[i].points.len()),
        ),
        RecordKind::Event => {
            let e = &ds.events[i];
            (e.title.clone(), opt(&e.date))
        }
    }
}

/// The records of one kind, one per line; only the visible lines are laid out.
pub fn records_ui(ui: &mut egui::Ui, doc: &Document, kind: RecordKind) {
    let ds = &doc.dataset;
    ui.heading(plural(kind));
    let n = count(ds, kind);
    if n == 0 {
        ui.label("No records of this kind.");
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let problems_height = if doc.problems.is_empty() { 0.0 } else { 180.0 };
    egui::ScrollArea::vertical()
        .id_salt(("records", kind))
        .auto_shrink([false, false])
        .max_height((ui.available_height() - problems_height).max(80.0))
        .show_rows(ui, row_height, n, |ui, rows| {
            for i in rows {
                let (name, detail) = row_text(ds, kind, i);
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(name).strong());
                    ui.weak(detail);
                });
            }
        });
    if !doc.problems.is_empty() {
        ui.separator();
        ui.label(egui::RichText::new(format!("Problems ({})", doc.problems.len())).strong());
        egui::ScrollArea::vertical()
            .id_salt("problems")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for p in &doc.problems {
                    ui.label(p.to_string());
                }
            });
    }
}
