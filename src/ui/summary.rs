//! The plots area. Until the plots come, it summarizes the dataset as the lists narrow it.

use std::sync::Arc;

use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{Action, AppState};
use crate::model::text::safe_line;
use crate::model::{Dataset, RecordRef};

/// How many adopter names are listed per country before "and N more".
const NAMES_SHOWN: usize = 12;

/// The adopters per model-developer country, computed once per dataset revision and query
/// (a revision names one state of one dataset, so it alone tells the data apart).
#[derive(Debug, Default)]
pub struct SummaryCache {
    key: Option<(u64, ListQuery)>,
    /// (country, number of adopters, the first adopters' positions).
    by_country: Vec<(String, usize, Vec<u32>)>,
}

impl SummaryCache {
    fn update(
        &mut self,
        ds: &Arc<Dataset>,
        revision: u64,
        query: &ListQuery,
        explorer: &mut Explorer,
    ) {
        let key = (revision, query.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let ix = explorer.index(ds, revision);
        let orgs = explorer.rows(ds, revision, ListTab::Organizations, query);
        let mut map: std::collections::BTreeMap<String, (usize, Vec<u32>)> = Default::default();
        for &p in orgs {
            for c in ix.org_developer_countries(p as usize) {
                let c = if c.is_empty() { "(unknown)" } else { c };
                let entry = map.entry(c.to_owned()).or_default();
                entry.0 += 1;
                if entry.1.len() < NAMES_SHOWN {
                    entry.1.push(p);
                }
            }
        }
        self.by_country = map
            .into_iter()
            .map(|(c, (n, first))| (c, n, first))
            .collect();
        self.key = Some(key);
    }
}

/// A summary of the dataset: what it holds, and who uses models from which country.
pub fn summary_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    cache: &mut SummaryCache,
    actions: &mut Vec<Action>,
) {
    let ds = &state.doc.dataset;
    cache.update(ds, state.doc.revision, &state.query, explorer);
    ui.heading("Summary");
    ui.weak("The dataset in numbers. Choose a plot above to see it drawn.");
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
                ("Claims (sourced figures)", ds.claims.len()),
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
    if cache.by_country.is_empty() {
        ui.weak("No adoptions among the organizations listed.");
    }
    for (country, n, first) in &cache.by_country {
        ui.horizontal_wrapped(|ui| {
            // Each name moves to the next row whole: a name broken across rows gets a rect that
            // spans both and overlaps its neighbours.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().circle_filled(
                dot.center(),
                4.0,
                crate::figure::colors::country_color(country),
            );
            ui.label(format!("{} ({n}):", safe_line(country)));
            for &p in first {
                let Some(o) = ds.organizations.get(p as usize) else {
                    continue;
                };
                let name = if o.name.trim().is_empty() {
                    "(no name)"
                } else {
                    o.name.as_str()
                };
                if ui.link(safe_line(name)).clicked() {
                    actions.push(Action::Select(RecordRef::Organization(o.id.clone())));
                }
            }
            if *n > first.len() {
                ui.weak(format!("and {} more", n - first.len()));
            }
        });
    }
    let credits = &ds.meta.credits;
    if !credits.is_empty() {
        ui.add_space(10.0);
        ui.weak(format!("Data credits: {}", credits.join("; ")));
    }
}
