//! The first screen of the plots area: a plain-language reading generated from the data
//! (`reading`, every number with its "[n]" source markers), three small charts (releases per
//! quarter by developer country, downloads and derivatives, who uses what), each a click away
//! from its full plot, then the dataset in numbers and the adopters by country.

mod reading;

use std::sync::Arc;

use egui::RichText;

use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{Action, AppState};
use crate::figure::{FigureArgs, plot_only_ui};
use crate::model::text::safe_line;
use crate::model::{Dataset, RecordRef, SourceId, SourceName, source_name};
use crate::plots::{DeriveOptions, PlotData, PlotKind, derive_with};
use crate::ui::plots_panel::PlotChoice;

pub use reading::{MARKERS_SHOWN, Piece, Sentence, reading};

/// How many adopter names are listed per country before "and N more".
const NAMES_SHOWN: usize = 12;

/// The small charts of the first screen, in order.
pub const SMALL_CHARTS: [PlotKind; 3] = [
    PlotKind::ReleasesPerQuarter,
    PlotKind::Downloads,
    PlotKind::WhoUsesWhat,
];

/// Height of a small chart's plot, in points.
const SMALL_CHART_HEIGHT: f32 = 150.0;

/// The summary's data, computed once per dataset revision and query (a revision names one
/// state of one dataset, so it alone tells the data apart).
#[derive(Debug, Default)]
pub struct SummaryCache {
    key: Option<(u64, ListQuery)>,
    /// (country, number of adopters, the first adopters' positions).
    by_country: Vec<(String, usize, Vec<u32>)>,
    /// The small charts, as [`SMALL_CHARTS`].
    charts: Vec<Arc<PlotData>>,
    /// The reading.
    reading: Vec<Sentence>,
}

impl SummaryCache {
    fn update(
        &mut self,
        ds: &Arc<Dataset>,
        revision: u64,
        query: &ListQuery,
        explorer: &mut Explorer,
    ) {
        // As the plots: a segment filter narrows the list, not the stacked charts.
        let mut query = query.clone();
        query.model_filter.segment = None;
        let key = (revision, query.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let ix = explorer.index(ds, revision);
        let orgs = explorer
            .rows(ds, revision, ListTab::Organizations, &query)
            .to_vec();
        let models = explorer
            .rows(ds, revision, ListTab::Models, &query)
            .to_vec();
        let mut map: std::collections::BTreeMap<String, (usize, Vec<u32>)> = Default::default();
        for &p in &orgs {
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
        self.charts = SMALL_CHARTS
            .iter()
            .map(|&kind| {
                let filters = query.describe(kind.list_tab(), ds);
                let mut data = derive_with(
                    kind,
                    ds,
                    &ix,
                    &orgs,
                    &models,
                    filters,
                    &DeriveOptions::default(),
                );
                // A small chart's y axis is shorter than its title, which would stand into the
                // legend above: the heading and subtitle say what is counted.
                data.y_axis.title.clear();
                Arc::new(data)
            })
            .collect();
        self.reading = reading(ds, &ix, &self.charts[0]);
        self.key = Some(key);
    }
}

/// The first screen: the reading, the three small charts (a click on one, or on its "Open"
/// link, shows its full plot through `choice`), the dataset in numbers and the adopters by the
/// country of the models they use.
pub fn summary_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    cache: &mut SummaryCache,
    actions: &mut Vec<Action>,
    choice: &mut PlotChoice,
) {
    let ds = &state.doc.dataset;
    cache.update(ds, state.doc.revision, &state.query, explorer);
    egui::ScrollArea::vertical()
        .id_salt("summary_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::layout::a11y::scroll_view(ui, true, false);
            ui.heading("Summary");
            reading_ui(ui, ds, &cache.reading, actions);
            ui.add_space(6.0);
            for data in &cache.charts {
                small_chart_ui(ui, ds, data, choice);
                ui.add_space(8.0);
            }
            counts_ui(ui, ds);
            adopters_ui(ui, ds, cache, actions);
        });
}

/// The reading, a sentence a paragraph, each number followed by its source markers.
fn reading_ui(ui: &mut egui::Ui, ds: &Dataset, sentences: &[Sentence], actions: &mut Vec<Action>) {
    if sentences.is_empty() {
        ui.weak("Nothing to read yet: the dataset has no dated releases, figures or adoptions.");
        return;
    }
    for s in sentences {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for piece in s {
                match piece {
                    Piece::Text(t) => {
                        ui.label(safe_line(t));
                    }
                    Piece::Cite(ids) => markers_ui(ui, ds, ids, actions),
                }
            }
        });
        ui.add_space(2.0);
    }
}

/// Source markers "[n]" (n: the source's place in the dataset's list, as in the detail views):
/// hover names the source, a click shows it; beyond [`MARKERS_SHOWN`], "+N" with the rest on
/// hover.
fn markers_ui(ui: &mut egui::Ui, ds: &Dataset, ids: &[SourceId], actions: &mut Vec<Action>) {
    let name = |id: &SourceId| {
        ds.sources
            .iter()
            .find(|s| &s.id == id)
            .map(|s| source_name(ds, s, SourceName::Title))
            .unwrap_or_else(|| crate::model::missing_name(&RecordRef::Source(id.clone())))
    };
    for id in ids.iter().take(MARKERS_SHOWN) {
        let Some(pos) = ds.sources.iter().position(|s| &s.id == id) else {
            continue;
        };
        let title = name(id);
        let marker = ui
            .add(
                egui::Button::new(RichText::new(format!("[{}]", pos + 1)).small())
                    .small()
                    .frame(false),
            )
            .on_hover_text(format!("Source: {title}"));
        if marker.clicked() {
            actions.push(Action::Select(RecordRef::Source(id.clone())));
        }
    }
    if ids.len() > MARKERS_SHOWN {
        let rest: Vec<String> = ids[MARKERS_SHOWN..].iter().map(name).collect();
        ui.weak(RichText::new(format!("+{}", rest.len())).small())
            .on_hover_text(format!("Also: {}", rest.join("; ")));
    }
}

/// One small chart: its title with an "Open" link, its legend and the plot, not interactive;
/// a click on it shows the full plot.
fn small_chart_ui(ui: &mut egui::Ui, ds: &Dataset, data: &Arc<PlotData>, choice: &mut PlotChoice) {
    let kind = data.kind;
    ui.horizontal_wrapped(|ui| {
        ui.strong(kind.title());
        if ui
            .link(format!("Open the full plot: {}", kind.title()))
            .clicked()
        {
            *choice = PlotChoice::Plot(kind);
        }
    });
    if !data.subtitle.is_empty() {
        ui.weak(crate::model::text::safe_text(&data.subtitle, 400, false));
    }
    crate::figure::legend::legend_row_ui(ui, data);
    let args = FigureArgs {
        ds,
        data,
        selected: None,
        view: None,
        interactive: false,
        layout_only: false,
        wheel_scrolls: false,
    };
    let shown = plot_only_ui(ui, &args, SMALL_CHART_HEIGHT);
    let response = shown
        .response
        .interact(egui::Sense::click())
        .on_hover_text(format!("Click to open the full plot: {}", kind.title()));
    if response.clicked() {
        *choice = PlotChoice::Plot(kind);
    }
}

/// The dataset in numbers.
fn counts_ui(ui: &mut egui::Ui, ds: &Dataset) {
    ui.strong("The dataset in numbers");
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
}

/// Adopters by the country of the models they use, and the data credits.
fn adopters_ui(ui: &mut egui::Ui, ds: &Dataset, cache: &SummaryCache, actions: &mut Vec<Action>) {
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
