//! One plot drawn with egui_plot, the same in the window and in an export: bounds and headroom,
//! axes, legend, the marks as vectors, the dense image under them, and the rings on top.

use std::sync::Arc;

use egui_plot::Plot;

use super::PlotView;
use super::axes::with_axes;
use super::cache::figure_cache;
use super::dense::dense_image_shape;
use super::labels::{LabelArgs, paint_labels, store_omitted};
use super::layout::apply_figure_style;
use super::legend::{group_labels, set_hidden_names};
use super::marks::{draw_conflict_rings, draw_marks, draw_runs, draw_selection_rings};
use super::plot_id;
use crate::model::{Dataset, RecordRef};
use crate::plots::{Mark, MarkKind, PlotData, Scale};

/// What one drawing of a figure did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureStats {
    /// Marks drawn (vector marks plus markers in the dense image).
    pub marks_drawn: usize,
    /// Markers drawn as a dense image (part of `marks_drawn`).
    pub dense: usize,
}

/// What a drawing of one figure needs.
pub struct FigureArgs<'a> {
    /// The dataset (for the records that belong to the selected one).
    pub ds: &'a Dataset,
    /// The derived plot.
    pub data: &'a Arc<PlotData>,
    /// The selected record, ringed in the plot.
    pub selected: Option<&'a RecordRef>,
    /// The view to draw (an export); `None` in the window, where the user's zoom lives in
    /// egui_plot's memory.
    pub view: Option<&'a PlotView>,
    /// Interactive (the window: zoom, pan, and the hover and click it handles) or not (an
    /// export).
    pub interactive: bool,
    /// A layout pass of an export: the dense image is not rasterized (the final pass does).
    pub layout_only: bool,
    /// The wheel scrolls what holds the figure (in the window, a figure taller than its area)
    /// rather than panning the plot; dragging still pans.
    pub wheel_scrolls: bool,
}

/// What one drawing of the plot gives back: what was drawn, and egui's response and the plot's
/// transform (the window's hover and click work on them).
pub struct PlotShown {
    /// What was drawn.
    pub stats: FigureStats,
    /// The plot's response (hover, drag, click).
    pub response: egui::Response,
    /// Plot coordinates to screen positions and back, as drawn.
    pub transform: egui_plot::PlotTransform,
}

/// The plot area (inside the axes) of plot `kind` as last drawn in `ctx`, in points: what the
/// layout rules keep the legend and the figure's other texts out of.
pub fn plot_frame(ctx: &egui::Context, kind: crate::plots::PlotKind) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp(plot_id(kind).with("frame")))
}

/// Draws the plot itself (axes, marks) `height` points high.
pub fn plot_only_ui(ui: &mut egui::Ui, args: &FigureArgs<'_>, height: f32) -> PlotShown {
    ui.scope(|ui| {
        apply_figure_style(ui);
        plot_in_style_ui(ui, args, height)
    })
    .inner
}

/// `plot` as a figure draws it: `height` high, with or without its grid, zoom, pan and
/// reset only when `args` is interactive (the wheel pans unless it scrolls the figure), no
/// crosshair, and no background of its own (the figure paints it under the marks).
pub(super) fn figure_plot<'a>(
    plot: Plot<'a>,
    height: f32,
    grid: bool,
    args: &FigureArgs<'_>,
) -> Plot<'a> {
    let interactive = args.interactive;
    plot.height(height)
        .show_grid(grid)
        .allow_boxed_zoom(interactive)
        .allow_double_click_reset(interactive)
        .allow_drag(interactive)
        .allow_zoom(interactive)
        .allow_scroll(interactive && !args.wheel_scrolls)
        .show_crosshair(false)
        .show_background(false)
}

fn plot_in_style_ui(ui: &mut egui::Ui, args: &FigureArgs<'_>, height: f32) -> PlotShown {
    // Small multiples: one plot per panel (`panels`).
    if super::panels::draws_panels(args.data)
        && let Some(shown) = super::panels::panels_ui(ui, args, height)
    {
        return shown;
    }
    let data: &PlotData = args.data;
    let cache = figure_cache(ui.ctx(), data.kind);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    cache.refresh(args.ds, args.data, args.selected, ui.visuals().dark_mode);
    let dense = Arc::clone(&cache.dense);

    // An export draws the view's hidden groups hidden (the legend row reads them too).
    if let Some(v) = args.view {
        set_hidden_names(ui.ctx(), data, &v.hidden);
    }
    // Bars and matrix cells carry their values: no grid lines through them.
    let grid = !data
        .marks
        .iter()
        .any(|m| m.kind.is_bar() || m.kind == MarkKind::Cell);
    // The legend is a row above the plot (`legend::legend_row_ui`), never over the data.
    // The background is painted under the dense image (see below).
    let mut plot = figure_plot(
        Plot::new(("plot", data.kind)).id(plot_id(data.kind)),
        height,
        grid,
        args,
    );
    if let Some([x0, y0, x1, y1]) = dense.extent {
        plot = plot.include_x(x0).include_x(x1).include_y(y0).include_y(y1);
    }
    if let Scale::Category(names) = &data.x_axis.scale
        && !names.is_empty()
    {
        plot = plot.include_x(-0.6).include_x(names.len() as f64 - 0.4);
    }
    // A linear axis starts at the data (bars start at zero: no "-1" below them); the top gets
    // the legend's headroom below.
    if data.y_axis.scale == Scale::Linear {
        plot = plot.set_margin_fraction(egui::vec2(0.05, 0.0));
    }
    // Headroom above the marks for the value labels over bars.
    if let Some((lo, hi)) = cache.y_extent {
        let span = if hi > lo { hi - lo } else { 1.0 };
        plot = plot.include_y(hi + 0.15 * span);
    }
    plot = with_axes(plot, data, ui);
    if data.marks.is_empty() && data.runs.is_empty() {
        // Nothing to show (the notes say so): no axes of made-up numbers.
        plot = plot.show_axes(false);
    }

    // A slot under everything the plot draws, for its background and the dense image.
    let background_slot = ui.painter().add(egui::Shape::Noop);
    let view_bounds = args.view.and_then(|v| v.bounds);
    let labels = group_labels(data);
    let colors = std::mem::take(&mut cache.colors);
    let vector = std::mem::take(&mut cache.vector);
    let selected_marks = std::mem::take(&mut cache.selected_marks);
    let response = plot.show(ui, |plot_ui| {
        if let Some([x0, y0, x1, y1]) = view_bounds {
            plot_ui.set_plot_bounds(egui_plot::PlotBounds::from_min_max([x0, y0], [x1, y1]));
        }
        draw_marks(plot_ui, data, &vector, &labels, &colors);
        // Figures in a recorded conflict carry a magenta ring, so both sides stand out.
        draw_conflict_rings(plot_ui, data, &vector, &labels);
        if dense.is_empty() {
            // Long series, few enough points in all to draw one by one.
            draw_runs(plot_ui, data, &labels, &colors);
        }
        // The selected record stands out in every plot.
        draw_selection_rings(plot_ui, data, &selected_marks, &labels);
    });
    // What is drawn: legend entries hidden (in the view exported, or by the user's clicks)
    // take their marks out.
    let hidden: Vec<String> = match args.view {
        Some(v) => v.hidden.clone(),
        None => egui_plot::PlotMemory::load(ui.ctx(), plot_id(data.kind))
            .map(|mem| {
                cache
                    .legend
                    .iter()
                    .filter(|n| mem.hidden_items.contains(&egui_plot::ItemId::new(n)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    };
    let shown = |m: &Mark| {
        let name = labels.get(&m.group).unwrap_or(&m.group);
        name.is_empty() || !hidden.contains(name)
    };
    let vector_drawn = vector.iter().filter(|&&i| shown(&data.marks[i])).count();
    let runs_drawn: usize = data
        .runs
        .iter()
        .filter(|r| shown(&r.template))
        .map(|r| r.points.len())
        .sum();
    let mut stats = FigureStats {
        marks_drawn: vector_drawn + if dense.is_empty() { runs_drawn } else { 0 },
        dense: 0,
    };
    let omitted = paint_labels(
        ui,
        data,
        &response.transform,
        &LabelArgs {
            vector: &vector,
            hidden: &hidden,
            labels: &labels,
            colors: &colors,
            selected: &selected_marks,
        },
    );
    store_omitted(ui.ctx(), data.kind, omitted);
    cache.vector = vector;
    cache.colors = colors;
    cache.selected_marks = selected_marks;

    // Background, then the dense markers rasterized for the bounds shown, under the grid.
    let transform = response.transform;
    let frame = *transform.frame();
    ui.ctx()
        .data_mut(|d| d.insert_temp(plot_id(data.kind).with("frame"), frame));
    let mut under = vec![egui::Shape::rect_filled(
        frame,
        0.0,
        ui.visuals().extreme_bg_color,
    )];
    if !dense.is_empty() {
        stats.dense = dense
            .groups
            .iter()
            .filter(|g| !hidden.contains(&g.name))
            .map(|g| g.points.len())
            .sum();
        stats.marks_drawn += stats.dense;
        if !args.layout_only
            && let Some(shape) = dense_image_shape(
                ui.ctx(),
                &mut cache.image,
                &dense,
                hidden,
                &transform,
                args.interactive,
            )
        {
            under.push(shape);
        }
    }
    ui.painter().set(background_slot, egui::Shape::Vec(under));
    PlotShown {
        stats,
        response: response.response,
        transform,
    }
}
