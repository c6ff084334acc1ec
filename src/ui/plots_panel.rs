//! The plots area of the window: a selector (the summary, then each plot), the plot's options
//! and export buttons, and the chosen plot drawn by [`crate::figure`] from the dataset as the
//! lists narrow it, with hover details and click-to-select.

use std::sync::Arc;

use egui::RichText;

use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{Action, AppState};
use crate::figure::{
    FigureArgs, FigureStats, PlotShown, figure_footer_ui, figure_header_ui, pick_mark, plot_only_ui,
};
use crate::model::{Dataset, RecordRef};
use crate::plots::{
    DeriveOptions, GroupBy, Mark, PlotData, PlotKind, PopulationChoice, ShareMeasure, derive_with,
    populations, segment_filter,
};
use crate::ui::command::UiCommand;

/// What the plots area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlotChoice {
    /// The dataset in numbers.
    #[default]
    Summary,
    /// One of the plots.
    Plot(PlotKind),
}

/// How the plots are drawn and exported (kept between sessions).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PlotOptions {
    /// Count axes (model size, downloads) on a linear instead of a log scale.
    pub linear: bool,
    /// Model-size plot coloured by family instead of developer country.
    pub by_family: bool,
    /// Pixel density of exported images: 1, 2 or 4.
    pub export_scale: u8,
    /// Which models releases-per-quarter and share-by-country count.
    pub population: PopulationChoice,
    /// What share-by-country shares out.
    pub share_measure: ShareMeasure,
}

impl Default for PlotOptions {
    fn default() -> Self {
        Self {
            linear: false,
            by_family: false,
            export_scale: 2,
            population: PopulationChoice::Default,
            share_measure: ShareMeasure::Releases,
        }
    }
}

impl PlotOptions {
    /// The derivation options these stand for.
    pub fn derive_options(&self) -> DeriveOptions {
        DeriveOptions {
            group_by: if self.by_family {
                GroupBy::Family
            } else {
                GroupBy::Country
            },
            linear: self.linear,
            population: self.population.clone(),
            share_measure: self.share_measure,
        }
    }
}

/// The derived plot, kept until the data (its revision), the query or the plot changes.
#[derive(Debug, Default)]
pub struct PlotCache {
    key: Option<(u64, ListQuery, PlotKind, DeriveOptions)>,
    data: Option<Arc<PlotData>>,
    /// Size (points) of the figure as last shown, for exports "as shown".
    pub figure_size: Option<egui::Vec2>,
    /// Height (points) of the plot as last shown.
    pub plot_height: Option<f32>,
}

impl PlotCache {
    /// The plot drawn last, if any.
    pub fn current(&self) -> Option<Arc<PlotData>> {
        self.data.clone()
    }

    /// The plot `kind` of the open dataset as the lists narrow it.
    pub fn get(
        &mut self,
        state: &AppState,
        explorer: &mut Explorer,
        kind: PlotKind,
        options: &DeriveOptions,
    ) -> Arc<PlotData> {
        let ds = &state.doc.dataset;
        let key = (
            state.doc.revision,
            state.query.clone(),
            kind,
            options.clone(),
        );
        if self.key.as_ref() == Some(&key)
            && let Some(d) = &self.data
        {
            return Arc::clone(d);
        }
        let rev = state.doc.revision;
        let ix = explorer.index(ds, rev);
        // The stacked plots stay whole under the filter a click on one of their segments set
        // (so that another segment can be clicked); every other plot follows the list.
        let mut query = state.query.clone();
        if is_stacked(kind) {
            query.model_filter.segment = None;
        }
        let orgs = explorer
            .rows(ds, rev, ListTab::Organizations, &query)
            .to_vec();
        let models = explorer.rows(ds, rev, ListTab::Models, &query).to_vec();
        let filters = query.describe(kind.list_tab(), ds);
        let data = Arc::new(derive_with(kind, ds, &ix, &orgs, &models, filters, options));
        self.key = Some(key);
        self.data = Some(Arc::clone(&data));
        data
    }
}

/// Whether a click on plot `kind`'s segments filters the model list to what they count.
fn is_stacked(kind: PlotKind) -> bool {
    matches!(
        kind,
        PlotKind::ReleasesPerQuarter | PlotKind::ShareByCountry
    )
}

/// What the plots area reads and writes besides its own state, borrowed for one frame (as
/// Rerun's `ViewerContext`): the app state, the list cache and the actions to run.
pub struct PlotsAreaContext<'a> {
    /// The app state (document, query, selection).
    pub state: &'a AppState,
    /// Cached index and list rows of the open dataset.
    pub explorer: &'a mut Explorer,
    /// Actions for `AppState::apply` (a click on a mark selects its record).
    pub actions: &'a mut Vec<Action>,
    /// Commands of the registry the area's buttons ask for (export, copy image).
    pub commands: &'a mut Vec<UiCommand>,
}

/// The selector, the plot's options and export buttons, and the chosen plot. Returns whether a
/// plot (not the summary) is shown; an export button queues its command in `ctx.commands`.
pub fn plots_area_ui(
    ui: &mut egui::Ui,
    ctx: &mut PlotsAreaContext<'_>,
    cache: &mut PlotCache,
    choice: &mut PlotChoice,
    options: &mut PlotOptions,
) -> bool {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Show:");
        let text = match choice {
            PlotChoice::Summary => "Summary".to_owned(),
            PlotChoice::Plot(k) => k.title().to_owned(),
        };
        egui::ComboBox::from_id_salt("plot_choice")
            .selected_text(text)
            .width(ui.available_width().min(220.0))
            .show_ui(ui, |ui| {
                ui.selectable_value(choice, PlotChoice::Summary, "Summary");
                for k in PlotKind::ALL {
                    ui.selectable_value(choice, PlotChoice::Plot(k), k.title());
                }
            })
            .response
            .labelled_by(label.id);
    });
    let PlotChoice::Plot(kind) = *choice else {
        ui.separator();
        return false;
    };
    ui.horizontal_wrapped(|ui| {
        if matches!(kind, PlotKind::ModelSize | PlotKind::Downloads) {
            let mut log = !options.linear;
            if ui
                .checkbox(&mut log, "Log scale")
                .on_hover_text(
                    "Counts on a log scale (ticks at powers of ten); off: a linear scale,                      where zero values show too",
                )
                .changed()
            {
                options.linear = !log;
            }
        }
        if kind == PlotKind::ModelSize {
            ui.checkbox(&mut options.by_family, "Colour by family")
                .on_hover_text("Colour the points by model family instead of developer country");
        }
        if kind == PlotKind::ShareByCountry {
            let label = ui.label("Share of:");
            egui::ComboBox::from_id_salt("share_measure")
                .selected_text(options.share_measure.label())
                .show_ui(ui, |ui| {
                    for m in ShareMeasure::ALL {
                        ui.selectable_value(&mut options.share_measure, m, m.label());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("What each bar shares out by developer country (never mixed)");
        }
        if is_stacked(kind)
            && (kind == PlotKind::ReleasesPerQuarter
                || options.share_measure == ShareMeasure::Releases)
        {
            population_picker_ui(ui, &ctx.state.doc.dataset, &mut options.population);
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Export image…")
            .on_hover_text(with_shortcut(
                ui.ctx(),
                "Save the figure as shown (title, legend, source footer) as a PNG",
                UiCommand::ExportPlotImage,
            ))
            .clicked()
        {
            ctx.commands.push(UiCommand::ExportPlotImage);
        }
        let label = ui.label("at");
        egui::ComboBox::from_id_salt("export_scale")
            .selected_text(format!("{}x", options.export_scale))
            .width(48.0)
            .show_ui(ui, |ui| {
                for s in [1u8, 2, 4] {
                    ui.selectable_value(&mut options.export_scale, s, format!("{s}x"));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Pixel density of exported and copied images");
        if ui
            .button("Copy image")
            .on_hover_text("Put the figure on the clipboard, to paste into slides")
            .clicked()
        {
            ctx.commands.push(UiCommand::CopyPlotImage);
        }
        if ui
            .button("Export data…")
            .on_hover_text("Save the plotted values as CSV: one row per mark, with its sources")
            .clicked()
        {
            ctx.commands.push(UiCommand::ExportPlotData);
        }
    });
    ui.separator();
    let data = cache.get(ctx.state, ctx.explorer, kind, &options.derive_options());
    let size = ui.available_size();
    cache.figure_size = Some(size);
    let (_, plot_height) = plot_ui(
        ui,
        &ctx.state.doc.dataset,
        &data,
        ctx.state.selection.current(),
        ctx.actions,
    );
    // A click on a stacked segment filters the model list to what it counts.
    if let Some(seg) = ui
        .ctx()
        .data_mut(|d| d.remove_temp::<usize>(segment_click_id()))
        && let Some(m) = data.mark(seg)
        && let Some(filter) = segment_filter(kind, options.share_measure, &m)
    {
        ctx.actions
            .extend(segment_actions(&ctx.state.query, filter));
    }
    // The export keeps the plot as high as it was drawn here.
    cache.plot_height = Some(plot_height);
    true
}

/// Draws one plot in the window: title, subtitle, the plot, notes and the source footer.
/// Returns what was drawn and the plot's height in points.
pub fn plot_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    data: &Arc<PlotData>,
    selected: Option<&RecordRef>,
    actions: &mut Vec<Action>,
) -> (FigureStats, f32) {
    figure_header_ui(ui, data);
    // The plot takes most of the height; notes and the source footer scroll below it. Panels
    // and rows that would be too low to read keep their least height (as on the article page)
    // and the whole figure scrolls.
    let height = (ui.available_height() * 0.7).max(220.0);
    let needed = crate::figure::scene::grown_plot_height(data, height);
    let args = FigureArgs {
        ds,
        data,
        selected,
        view: None,
        interactive: true,
        layout_only: false,
        wheel_scrolls: needed > height,
    };
    let mut draw = |ui: &mut egui::Ui, notes_scroll: bool| {
        let shown = plot_only_ui(ui, &args, needed);
        plot_hover_ui(ui, ds, data, &shown, actions);
        if notes_scroll {
            egui::ScrollArea::vertical()
                .id_salt(("plot_notes", data.kind))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    crate::ui::layout::a11y::scroll_view(ui, true, false);
                    figure_footer_ui(ui, data, None);
                });
        } else {
            figure_footer_ui(ui, data, None);
        }
        shown.stats
    };
    let stats = if needed > height {
        egui::ScrollArea::vertical()
            .id_salt(("plot_figure", data.kind))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                crate::ui::layout::a11y::scroll_view(ui, true, false);
                draw(ui, false)
            })
            .inner
    } else {
        draw(ui, true)
    };
    (stats, needed)
}

/// Hover over the plot drawn: the nearest mark's value, qualifier, date and sources. Click:
/// select its record.
fn plot_hover_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    data: &PlotData,
    shown: &PlotShown,
    actions: &mut Vec<Action>,
) {
    let response = &shown.response;
    let busy = response.dragged() || ui.input(|i| i.pointer.any_down());
    let pick = |pos: egui::Pos2| pick_mark(ui.ctx(), data, &shown.transform, pos);
    let hovered = if busy {
        None
    } else {
        response.hover_pos().and_then(pick)
    };
    if let Some(m) = hovered.and_then(|i| data.mark(i)) {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| mark_tooltip_ui(ui, ds, &m));
    }
    if response.clicked()
        && let Some(i) = response.interact_pointer_pos().and_then(pick)
        && let Some(m) = data.mark(i)
    {
        if let Some(r) = &m.record {
            actions.push(Action::Select(r.clone()));
        } else if !m.members.is_empty() {
            // What the segment counts becomes a filter (see `plots_area_ui`).
            ui.ctx().data_mut(|d| d.insert_temp(segment_click_id(), i));
        }
    }
}

/// Where a click on a stacked segment leaves the mark's number for the plots area.
fn segment_click_id() -> egui::Id {
    egui::Id::unique("plot_segment_clicked")
}

/// The actions a click on a segment asks for: the model list filtered to the models it counts
/// (the other filters and the search kept), and the model list shown.
pub fn segment_actions(
    query: &ListQuery,
    filter: crate::app::explorer::SegmentFilter,
) -> Vec<Action> {
    let mut q = query.clone();
    q.model_filter.segment = Some(filter);
    vec![
        Action::SetQuery(Box::new(q)),
        Action::SetTab(ListTab::Models),
    ]
}

/// "Count:" and the populations of the dataset (Epoch AI's large-scale models, other tables,
/// all models), each with its size.
fn population_picker_ui(ui: &mut egui::Ui, ds: &Dataset, choice: &mut PopulationChoice) {
    let all = populations(ds);
    let current = crate::plots::population_of(ds, choice);
    let label = ui.label("Count:");
    egui::ComboBox::from_id_salt("population")
        .selected_text(format!("{} ({})", current.label, current.len()))
        .show_ui(ui, |ui| {
            for p in &all {
                let this = PopulationChoice::of(p);
                let on = PopulationChoice::of(&current) == this;
                if ui
                    .selectable_label(on, format!("{} ({})", p.label, p.len()))
                    .clicked()
                {
                    *choice = this;
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Which models the plot counts: one population, never mixed");
}

fn mark_tooltip_ui(ui: &mut egui::Ui, ds: &Dataset, m: &Mark) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&m.label).strong());
    if let Some(was) = &m.merged_from {
        ui.label(format!("In \"Other\" (grey): {was}"));
    }
    if !m.value_text.is_empty() {
        ui.label(&m.value_text);
    }
    if !m.date_text.is_empty() {
        ui.label(&m.date_text);
    }
    if let Some(c) = &m.in_conflict {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "Sources disagree (in conflict: {})",
                crate::model::display_name(ds, &crate::model::RecordRef::Conflict(c.clone()))
            ),
        );
    }
    for s in &m.sources {
        if let Some(src) = ds.sources.iter().find(|x| &x.id == s) {
            ui.weak(format!(
                "Source: {}",
                crate::model::source_name(ds, src, crate::model::SourceName::Title)
            ));
        }
    }
    if m.record.is_some() {
        ui.weak("Click to select it.");
    } else if !m.members.is_empty() {
        ui.weak("Click to list these models.");
    }
}

/// A tooltip that ends with the command's shortcut as this platform writes it ("(Ctrl+E)",
/// "(⌘E)"), when it has one.
fn with_shortcut(ctx: &egui::Context, text: &str, command: UiCommand) -> String {
    match command.main_shortcut_text(ctx) {
        Some(keys) => format!("{text} ({keys})"),
        None => text.to_owned(),
    }
}
