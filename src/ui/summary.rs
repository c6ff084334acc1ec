//! The plots area. Until the plots come, it summarizes the dataset as the lists narrow it.

use crate::app::explorer::{Explorer, ListTab};
use crate::app::{Action, AppState};
use crate::model::RecordRef;

/// A summary of the dataset: what it holds, and who uses models from which country.
pub fn summary_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    actions: &mut Vec<Action>,
) {
    let ds = &state.doc.dataset;
    let ix = explorer.index(ds, state.doc.revision);
    ui.heading("Summary");
    ui.weak("Plots of the data will appear here. Until then, the dataset in numbers:");
    ui.add_space(6.0);
    egui::Grid::new("summary_counts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (label, n) in [
                ("Organizations", ds.organizations.len()),
                ("Models", ds.models.len()),
                ("Model families", ds.families.len()),
                ("Adoptions", ds.adoptions.len()),
                ("Claims (figures with quotes)", ds.claims.len()),
                ("Conflicts between sources", ds.conflicts.len()),
                ("Events", ds.events.len()),
                ("Sources", ds.sources.len()),
            ] {
                ui.label(label);
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    ui.strong("Adopters by the country of the models they use");
    let orgs = explorer
        .rows(ds, state.doc.revision, ListTab::Organizations, &state.query)
        .to_vec();
    let mut by_country: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for p in orgs {
        for c in ix.org_developer_countries(p as usize) {
            let c = if c.is_empty() { "(unknown)" } else { c };
            by_country.entry(c.to_owned()).or_default().push(p as usize);
        }
    }
    if by_country.is_empty() {
        ui.weak("No adoptions among the organizations listed.");
    }
    for (country, orgs) in by_country {
        ui.horizontal_wrapped(|ui| {
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.0, super::palette::country_color(&country));
            ui.label(format!("{country}:"));
            for p in orgs {
                let o = &ds.organizations[p];
                if ui.link(&o.name).clicked() {
                    actions.push(Action::Select(RecordRef::Organization(o.id.clone())));
                }
            }
        });
    }
    let credits = &ds.meta.credits;
    if !credits.is_empty() {
        ui.add_space(10.0);
        ui.weak(format!("Data credits: {}", credits.join("; ")));
    }
}
