//! The plots area: a selector (the summary, then each plot), the plot drawn from the dataset as
//! the lists narrow it, with hover details, click-to-select, legend, notes and source footer.

use std::sync::Arc;

use egui::{Color32, RichText};
use egui_plot::{
    GridInput, GridMark, Legend, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Polygon,
    VLine,
};

use super::palette;
use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{Action, AppState};
use crate::model::{Dataset, RecordRef};
use crate::plots::{GroupKind, Mark, MarkKind, PlotData, PlotKind, Scale, derive, nearest_mark};

/// What the plots area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlotChoice {
    /// The dataset in numbers.
    #[default]
    Summary,
    /// One of the plots.
    Plot(PlotKind),
}

/// The derived plot, kept until the data, the query or the plot changes.
#[derive(Debug, Default)]
pub struct PlotCache {
    key: Option<(u64, usize, ListQuery, PlotKind)>,
    data: Option<Arc<PlotData>>,
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
    ) -> Arc<PlotData> {
        let ds = &state.doc.dataset;
        let key = (
            state.doc.revision,
            Arc::as_ptr(ds) as usize,
            state.query.clone(),
            kind,
        );
        if self.key.as_ref() == Some(&key)
            && let Some(d) = &self.data
        {
            return Arc::clone(d);
        }
        let rev = state.doc.revision;
        let ix = explorer.index(ds, rev);
        let orgs = explorer
            .rows(ds, rev, ListTab::Organizations, &state.query)
            .to_vec();
        let models = explorer
            .rows(ds, rev, ListTab::Models, &state.query)
            .to_vec();
        let filters = state.query.describe(kind.list_tab(), ds);
        let data = Arc::new(derive(kind, ds, &ix, &orgs, &models, filters));
        self.key = Some(key);
        self.data = Some(Arc::clone(&data));
        data
    }
}

/// The colour of a mark's group.
pub fn group_color(kind: GroupKind, group: &str) -> Color32 {
    match kind {
        GroupKind::Country => palette::country_color(group),
        GroupKind::Family => palette::family_color(group),
        GroupKind::Metric | GroupKind::Series => palette::family_color(group),
    }
}

/// The selector and the chosen plot.
pub fn plots_area_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    cache: &mut PlotCache,
    choice: &mut PlotChoice,
    actions: &mut Vec<Action>,
) -> bool {
    let label = ui.label("Show:");
    let text = match choice {
        PlotChoice::Summary => "Summary".to_owned(),
        PlotChoice::Plot(k) => k.title().to_owned(),
    };
    egui::ComboBox::from_id_salt("plot_choice")
        .selected_text(text)
        .width(ui.available_width().min(260.0))
        .show_ui(ui, |ui| {
            ui.selectable_value(choice, PlotChoice::Summary, "Summary");
            for k in PlotKind::ALL {
                ui.selectable_value(choice, PlotChoice::Plot(k), k.title());
            }
        })
        .response
        .labelled_by(label.id);
    ui.separator();
    let PlotChoice::Plot(kind) = *choice else {
        return false;
    };
    let data = cache.get(state, explorer, kind);
    plot_ui(
        ui,
        &state.doc.dataset,
        &data,
        state.selection.current(),
        actions,
    );
    true
}

fn tick_label(ticks: &[(f64, String)], v: f64) -> String {
    ticks
        .iter()
        .find(|(t, _)| (t - v).abs() < 1e-6)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

/// Draws one plot: title, subtitle, the plot, notes and the source footer.
pub fn plot_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    data: &PlotData,
    selected: Option<&RecordRef>,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(&data.title).strong().size(16.0));
    if !data.subtitle.is_empty() {
        ui.weak(&data.subtitle);
    }
    let footer_lines = data.footer.lines();
    // The plot takes most of the height; notes and the source footer scroll below it.
    let height = (ui.available_height() * 0.7).max(220.0);
    let x_ticks = data.x_axis.ticks.clone();
    let y_ticks = data.y_axis.ticks.clone();
    let x_scale = data.x_axis.scale.clone();
    let mut plot = Plot::new(("plot", data.kind))
        .height(height)
        .legend(Legend::default())
        .x_axis_label(data.x_axis.title.clone())
        .y_axis_label(data.y_axis.title.clone())
        .allow_boxed_zoom(true)
        .allow_double_click_reset(true)
        .show_crosshair(false);
    if !x_ticks.is_empty() {
        let spacer_ticks = x_ticks.clone();
        plot = plot
            .x_grid_spacer(move |_input: GridInput| {
                spacer_ticks
                    .iter()
                    .map(|(v, _)| GridMark {
                        value: *v,
                        step_size: 1.0,
                    })
                    .collect()
            })
            .x_axis_formatter(move |m, _| tick_label(&x_ticks, m.value));
    } else if x_scale == Scale::Time {
        plot = plot.x_axis_formatter(|m, _| {
            if (m.value - m.value.round()).abs() < 1e-6 {
                format!("{:.0}", m.value)
            } else {
                String::new()
            }
        });
    }
    if !y_ticks.is_empty() {
        let spacer_ticks = y_ticks.clone();
        // Ticks are powers of ten (log) or categories: one step apart either way.
        let step = 1.0;
        plot = plot
            .y_grid_spacer(move |_input: GridInput| {
                spacer_ticks
                    .iter()
                    .map(|(v, _)| GridMark {
                        value: *v,
                        step_size: step,
                    })
                    .collect()
            })
            .y_axis_formatter(move |m, _| tick_label(&y_ticks, m.value));
    }
    let group_kind = data.group_kind;
    let response = plot.show(ui, |plot_ui| {
        draw_marks(plot_ui, data, group_kind, selected);
    });
    // Hover: the nearest mark's value, qualifier, date and sources. Click: select its record.
    let transform = response.transform;
    let [x_per_px, y_per_px] = transform.dvalue_dpos();
    let pick = |pos: egui::Pos2| {
        let p = transform.value_from_position(pos);
        nearest_mark(data, p.x, p.y, x_per_px.abs(), y_per_px.abs(), 12.0)
    };
    let hovered = response.response.hover_pos().and_then(pick);
    if let Some(i) = hovered {
        let m = &data.marks[i];
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| mark_tooltip_ui(ui, ds, m));
    }
    if response.response.clicked()
        && let Some(i) = response.response.interact_pointer_pos().and_then(pick)
        && let Some(r) = &data.marks[i].record
    {
        actions.push(Action::Select(r.clone()));
    }
    egui::ScrollArea::vertical()
        .id_salt(("plot_notes", data.kind))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for n in &data.notes {
                ui.weak(n);
            }
            for l in &footer_lines {
                ui.label(RichText::new(l).small());
            }
        });
}

fn mark_tooltip_ui(ui: &mut egui::Ui, ds: &Dataset, m: &Mark) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&m.label).strong());
    if !m.value_text.is_empty() {
        ui.label(&m.value_text);
    }
    if !m.date_text.is_empty() {
        ui.label(&m.date_text);
    }
    if let Some(c) = &m.in_conflict {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Sources disagree (conflict {c})"),
        );
    }
    for s in &m.sources {
        if let Some(src) = ds.sources.iter().find(|x| &x.id == s) {
            ui.weak(format!("Source: {}", super::detail::source_title(src)));
        }
    }
    if m.record.is_some() {
        ui.weak("Click to select it.");
    }
}

fn draw_marks(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    data: &PlotData,
    group_kind: GroupKind,
    selected: Option<&RecordRef>,
) {
    // Filled points grouped per group and kind, so the legend has one entry a group.
    let mut groups: std::collections::BTreeMap<(String, MarkKind, u32), Vec<[f64; 2]>> =
        Default::default();
    for m in &data.marks {
        let color = group_color(group_kind, &m.group);
        let name = m.group.clone();
        match m.kind {
            MarkKind::Point
            | MarkKind::TotalParams
            | MarkKind::ActiveParams
            | MarkKind::Adoption => {
                let r = if m.size > 0.0 { m.size as f32 } else { 4.0 };
                groups
                    .entry((name, m.kind, (r * 10.0) as u32))
                    .or_default()
                    .push([m.x, m.y]);
                if let (MarkKind::ActiveParams, Some(l)) = (m.kind, m.link)
                    && let Some(t) = data.marks.get(l)
                {
                    plot_ui.line(
                        Line::new("", PlotPoints::new(vec![[m.x, m.y], [t.x, t.y]]))
                            .color(color.gamma_multiply(0.5)),
                    );
                }
            }
            MarkKind::Hollow => {
                plot_ui.points(
                    Points::new(name, vec![[m.x, m.y]])
                        .color(color)
                        .radius(6.0)
                        .filled(false)
                        .shape(MarkerShape::Circle),
                );
            }
            MarkKind::YearSpan | MarkKind::TimeSpan => {
                let x2 = m.x2.unwrap_or(m.x + 1.0);
                plot_ui.line(
                    Line::new(name, PlotPoints::new(vec![[m.x, m.y], [x2, m.y]]))
                        .color(color)
                        .width(4.0),
                );
            }
            MarkKind::EventLine => {
                plot_ui.vline(
                    VLine::new(name, m.x)
                        .color(color.gamma_multiply(0.6))
                        .width(1.0),
                );
            }
            MarkKind::Bar
            | MarkKind::StackSegment
            | MarkKind::Cell
            | MarkKind::Range
            | MarkKind::UpTo
            | MarkKind::AtLeast => {
                let w = if m.width > 0.0 { m.width } else { 0.6 };
                let (x0, x1) = (m.x - w / 2.0, m.x + w / 2.0);
                let (y0, y1) = match m.kind {
                    MarkKind::Cell => (m.y - 0.45, m.y + 0.45),
                    _ => (m.y2.unwrap_or(0.0), m.y),
                };
                let rect = vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
                let fill = match m.kind {
                    // Open-ended: the value may be anywhere below (up to) or above (at least).
                    MarkKind::UpTo | MarkKind::AtLeast => color.gamma_multiply(0.25),
                    MarkKind::Range => color.gamma_multiply(0.5),
                    _ => color.gamma_multiply(0.8),
                };
                plot_ui.polygon(
                    Polygon::new(name, PlotPoints::new(rect))
                        .fill_color(fill)
                        .stroke(egui::Stroke::new(1.0, color)),
                );
                if matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast) {
                    let word = if m.kind == MarkKind::UpTo {
                        "up to"
                    } else {
                        m.qualifier.prefix().trim()
                    };
                    plot_ui.text(
                        egui_plot::Text::new(
                            "",
                            PlotPoint::new(m.x, y1),
                            RichText::new(word).small(),
                        )
                        .color(color),
                    );
                }
                if m.kind == MarkKind::Cell && !m.label.is_empty() {
                    plot_ui.text(egui_plot::Text::new(
                        "",
                        PlotPoint::new(m.x, m.y),
                        RichText::new(&m.value_text).small(),
                    ));
                }
            }
        }
        // The selected record stands out in every plot.
        if selected.is_some() && m.record.as_ref() == selected {
            plot_ui.points(
                Points::new("", vec![[m.x, m.y]])
                    .color(Color32::WHITE)
                    .radius(9.0)
                    .filled(false)
                    .shape(MarkerShape::Circle),
            );
        }
    }
    for ((name, _kind, r10), pts) in groups {
        let color = group_color(group_kind, &name);
        plot_ui.points(
            Points::new(name, pts)
                .color(color)
                .radius(r10 as f32 / 10.0)
                .filled(true)
                .shape(MarkerShape::Circle),
        );
    }
}
