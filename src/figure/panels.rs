//! A plot drawn as small multiples ([`PlotData::panels`]): one egui_plot plot per panel,
//! stacked, their x axes linked (zoom and pan one, all follow) and their y axes equally wide so
//! the time axes line up; tick labels only under the bottom panel; each panel titled above
//! it; each series joined by a line where it has values at two dates or more, labelled with its
//! name at its last value (a label that would cover another, a ring or the edge is left out
//! and counted); emphasised series thicker in full colour, the others thinner and muted.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::{Color32, Rect};
use egui_plot::{Line, Plot, PlotPoints};

use super::axes::with_axes;
use super::cache::figure_cache;
use super::colors::{MARK_CONTRAST, UNKNOWN, over, plot_background, text_color_of, with_contrast};
use super::labels::{LABEL_TEXT, store_omitted};
use super::legend::{ellipsized, group_labels, hidden_names, set_hidden_names};
use super::marks::{draw_conflict_rings, draw_marks, draw_runs, draw_selection_rings};
use super::plot::{FigureArgs, FigureStats, PlotShown, figure_plot};
use super::plot_id;
use crate::plots::{Mark, PlotData, nearest_mark};

/// Height of a panel's title row, in points.
const TITLE_ROW: f32 = 20.0;

/// A panel is at least this high (its plot area and axis), in points, where the page grows to
/// fit the figure (the article preset; see [`panels_height`]).
pub const MIN_PANEL: f32 = 96.0;

/// Height of the time axis under the bottom panel, in points.
const TIME_AXIS: f32 = 36.0;

/// A tiny panel's height at the least, when the page is fixed and holds many panels.
const TINY_PANEL: f32 = 24.0;

/// The height the panels of `data` take at the least when the page grows to fit: `height`, or
/// more so that each panel is [`MIN_PANEL`] high with its title.
pub fn panels_height(data: &PlotData, height: f32) -> f32 {
    height.max(data.panels.len() as f32 * (MIN_PANEL + TITLE_ROW))
}

/// The least height the plot of `data` can be drawn in on a fixed page, in points: for panels,
/// each at [`TINY_PANEL`] with its title and the time axis under them (less overflows the page);
/// [`MIN_PLOT_POINTS`](super::scene::MIN_PLOT_POINTS) for any other plot.
pub(super) fn least_plot_height(data: &PlotData, item_spacing: f32) -> f32 {
    let least = super::scene::MIN_PLOT_POINTS;
    if !draws_panels(data) {
        return least;
    }
    let n = data.panels.len() as f32;
    least.max(n * (TINY_PANEL + TITLE_ROW + 2.0 * item_spacing) + TIME_AXIS)
}

/// Characters of a series label before it is ellipsized.
const LABEL_CHARS: usize = 22;

/// Line width of an emphasised series and of the others, in points.
const LINE_EMPHASISED: f32 = 2.5;
const LINE_MUTED: f32 = 1.25;

/// The panels of a plot as plots of their own, made once per plot data.
#[derive(Clone, Default)]
struct PanelPlots {
    of: Option<Arc<PlotData>>,
    plots: Arc<Vec<PlotData>>,
}

/// The panels of `data` as plots of their own ([`PlotData::panel_data`]), kept in `ctx`'s
/// memory while `data` is the same.
fn panel_plots(ctx: &egui::Context, data: &Arc<PlotData>) -> Arc<Vec<PlotData>> {
    let id = plot_id(data.kind).with("panel plots");
    ctx.data_mut(|d| {
        let cached: &mut PanelPlots = d.get_temp_mut_or_default(id);
        if !cached.of.as_ref().is_some_and(|o| Arc::ptr_eq(o, data)) {
            cached.of = Some(Arc::clone(data));
            cached.plots = Arc::new(
                (0..data.panels.len())
                    .filter_map(|i| data.panel_data(i))
                    .collect(),
            );
        }
        Arc::clone(&cached.plots)
    })
}

/// Where each panel was last drawn (its plot-to-screen transform), for hover and click.
#[derive(Clone, Default)]
struct PanelTransforms(Arc<Vec<egui_plot::PlotTransform>>);

/// The mark of `data` (a plot with panels) nearest to `pos` in the panel under it, within 12
/// points, as last drawn in `ctx`.
pub(super) fn pick_in_panels(
    ctx: &egui::Context,
    data: &PlotData,
    pos: egui::Pos2,
) -> Option<usize> {
    let transforms: PanelTransforms =
        ctx.data(|d| d.get_temp(plot_id(data.kind).with("panel transforms")))?;
    let (i, t) = transforms
        .0
        .iter()
        .enumerate()
        .find(|(_, t)| t.frame().expand(6.0).contains(pos))?;
    let cached: Option<PanelPlots> =
        ctx.data(|d| d.get_temp(plot_id(data.kind).with("panel plots")));
    let sub = match cached.filter(|c| c.of.as_ref().is_some_and(|o| std::ptr::eq(&**o, data))) {
        Some(c) => c.plots.get(i).cloned(),
        None => data.panel_data(i),
    }?;
    let [dx, dy] = t.dvalue_dpos();
    let v = t.value_from_position(pos);
    let k = nearest_mark(&sub, v.x, v.y, dx.abs(), dy.abs(), 12.0)?;
    let panel = data.panels.get(i)?;
    if let Some(&m) = panel.marks.get(k) {
        return Some(m);
    }
    // A run's point: runs number their points after the marks, in order.
    let mut j = k - panel.marks.len();
    for &r in &panel.runs {
        let len = data.runs.get(r)?.points.len();
        if j < len {
            let before: usize = data.runs[..r].iter().map(|x| x.points.len()).sum();
            return Some(data.marks.len() + before + j);
        }
        j -= len;
    }
    None
}

/// Whether `data` is drawn as panels: two or more, or one without so many points that it
/// needs the dense image of a single plot (a million-point scatter of one measure).
pub(super) fn draws_panels(data: &PlotData) -> bool {
    match data.panels.len() {
        0 => false,
        1 => data.mark_count() < super::dense::DENSE_MIN,
        _ => true,
    }
}

/// The x range of every mark of `data`, with room on the right for the series labels.
fn x_range(data: &PlotData) -> Option<(f64, f64)> {
    let xs = data
        .marks
        .iter()
        .flat_map(|m| [Some(m.x), m.x2].into_iter().flatten())
        .filter(|x| x.is_finite());
    let (lo, hi) = xs.fold(None, |r: Option<(f64, f64)>, x| {
        Some(r.map_or((x, x), |(a, b)| (a.min(x), b.max(x))))
    })?;
    let span = (hi - lo).max(0.5);
    Some((lo - 0.03 * span, hi + 0.22 * span))
}

/// The y range of `marks`, with some room above and below.
fn y_range(marks: &[Mark]) -> Option<(f64, f64)> {
    let (lo, hi) = marks
        .iter()
        .filter(|m| !m.kind.is_vertical_line())
        .flat_map(|m| [Some(m.y), m.y2].into_iter().flatten())
        .filter(|y| y.is_finite())
        .fold(None, |r: Option<(f64, f64)>, y| {
            Some(r.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
        })?;
    let span = if hi > lo { hi - lo } else { hi.abs().max(1.0) };
    Some((lo - 0.12 * span, hi + 0.15 * span))
}

/// Draws the panels of `data` in `height` points (the bottom axis included): returns what was drawn and the response and transform of the panel under
/// the pointer (else the bottom one); `None` when there is no panel to draw.
pub(super) fn panels_ui(
    ui: &mut egui::Ui,
    args: &FigureArgs<'_>,
    height: f32,
) -> Option<PlotShown> {
    let data: &Arc<PlotData> = args.data;
    let ctx = ui.ctx().clone();
    let dark = ui.visuals().dark_mode;
    let (colors, selected) = {
        let cache = figure_cache(&ctx, data.kind);
        let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.refresh(args.ds, data, args.selected, dark);
        (cache.colors.clone(), cache.selected_marks.clone())
    };
    let plots = panel_plots(&ctx, data);
    let hidden = match args.view {
        Some(v) => {
            set_hidden_names(&ctx, data, &v.hidden);
            v.hidden.clone()
        }
        None => hidden_names(&ctx, data),
    };
    let labels = group_labels(data);
    let shown = |m: &Mark| {
        let name = labels.get(&m.group).unwrap_or(&m.group);
        name.is_empty() || !hidden.contains(name)
    };
    // Emphasised groups keep their colour; the others are muted (still 3:1 on the plot).
    let bg = plot_background(dark);
    let emphasised: HashSet<&str> = data
        .panels
        .iter()
        .flat_map(|p| &p.series)
        .filter(|s| s.emphasised)
        .map(|s| s.group.as_str())
        .collect();
    let drawn_colors: HashMap<String, Color32> = colors
        .iter()
        .map(|(g, &c)| {
            let c = if emphasised.contains(g.as_str()) {
                c
            } else {
                with_contrast(over(c.gamma_multiply(0.6), bg), bg, MARK_CONTRAST)
            };
            (g.clone(), c)
        })
        .collect();

    let n = data.panels.len().max(1) as f32;
    // The bottom panel's plot also holds the time axis: its share is one axis taller.
    let axis = TIME_AXIS;
    // Each title row and plot is followed by the ui's item spacing.
    let spacing = ui.spacing().item_spacing.y;
    let inner = ((height - n * (TITLE_ROW + 2.0 * spacing) - axis) / n).max(TINY_PANEL);
    let panel_h = |i: usize| {
        if i + 1 == data.panels.len() {
            inner + axis
        } else {
            inner
        }
    };
    let x_bounds = x_range(data);
    let view_x = args
        .view
        .and_then(|v| v.bounds)
        .map(|[x0, _, x1, _]| (x0, x1));
    let link = plot_id(data.kind).with("panels x");
    let width_id = plot_id(data.kind).with("panels y axis width");
    let y_width: f32 = ctx.data(|d| d.get_temp(width_id)).unwrap_or(48.0);
    let title_font = egui::FontId::proportional(12.5);
    let title_color = ui.visuals().strong_text_color();

    let mut stats = FigureStats::default();
    let mut transforms = Vec::new();
    let mut responses: Vec<egui::Response> = Vec::new();
    let mut widest: f32 = 0.0;
    let mut omitted = 0;
    let mut union: Option<Rect> = None;
    let last = data.panels.len().saturating_sub(1);
    for (i, (panel, sub)) in data.panels.iter().zip(plots.iter()).enumerate() {
        // The title, above the panel's plot area.
        let (row, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), TITLE_ROW),
            egui::Sense::hover(),
        );
        let title_at = egui::pos2(row.left() + y_width, row.bottom() - 3.0);
        let title_clip = Rect::from_min_max(egui::pos2(title_at.x, row.top()), row.max);
        ui.painter_at(title_clip).text(
            title_at,
            egui::Align2::LEFT_BOTTOM,
            ellipsized(&panel.title, 80),
            title_font.clone(),
            title_color,
        );

        let id = if i == 0 {
            plot_id(data.kind)
        } else {
            plot_id(data.kind).with(("panel", i))
        };
        let mut plot = figure_plot(
            Plot::new(("panel", data.kind, i)).id(id),
            panel_h(i),
            true,
            args,
        )
        .link_axis(link, [true, false]);
        if let Some((x0, x1)) = x_bounds {
            plot = plot.include_x(x0).include_x(x1);
        }
        if let Some((y0, y1)) = y_range(&sub.marks) {
            plot = plot.include_y(y0).include_y(y1);
            // A linear axis reaches its first and last tick (a share axis starts at 0%); a log
            // axis at most one span further.
            if let (Some(a), Some(b)) = (sub.y_axis.ticks.first(), sub.y_axis.ticks.last()) {
                let reach = if sub.y_axis.scale == crate::plots::Scale::Linear {
                    f64::INFINITY
                } else {
                    y1 - y0
                };
                plot = plot
                    .include_y(a.0.max(y0 - reach))
                    .include_y(b.0.min(y1 + reach));
            }
        }
        plot = with_axes(plot, sub, ui).y_axis_min_width(y_width);
        if i != last {
            // The shared time axis is labelled once, under the bottom panel.
            plot = plot.show_axes([false, true]);
        }
        let vector: Vec<usize> = (0..sub.marks.len())
            .filter(|&k| shown(&sub.marks[k]))
            .collect();
        let ringed: Vec<usize> = panel
            .marks
            .iter()
            .enumerate()
            .filter(|(_, m)| selected.contains(m))
            .map(|(k, _)| k)
            .collect();
        // Where each of the panel's marks sits in the sub plot.
        let local: HashMap<usize, usize> = panel
            .marks
            .iter()
            .enumerate()
            .map(|(k, &m)| (m, k))
            .collect();
        let background_slot = ui.painter().add(egui::Shape::Noop);
        let response = plot.show(ui, |plot_ui| {
            if let Some((x0, x1)) = view_x {
                plot_ui.set_plot_bounds_x(x0..=x1);
            }
            for s in &panel.series {
                let Some(first) = s.line.first().and_then(|m| data.marks.get(*m)) else {
                    continue;
                };
                if !shown(first) {
                    continue;
                }
                let points: Vec<[f64; 2]> = s
                    .line
                    .iter()
                    .filter_map(|m| data.marks.get(*m))
                    .map(|m| [m.x, m.y])
                    .collect();
                let color = drawn_colors.get(&s.group).copied().unwrap_or(UNKNOWN);
                let name = labels.get(&s.group).cloned().unwrap_or_default();
                plot_ui.line(
                    Line::new("", PlotPoints::new(points))
                        .id(name.as_str())
                        .color(color)
                        .width(if s.emphasised {
                            LINE_EMPHASISED
                        } else {
                            LINE_MUTED
                        }),
                );
            }
            draw_marks(plot_ui, sub, &vector, &labels, &drawn_colors);
            // Long series, drawn point by point (a plot of one dense panel is drawn as one
            // plot, with its dense image, instead).
            draw_runs(plot_ui, sub, &labels, &drawn_colors);
            draw_conflict_rings(plot_ui, sub, &vector, &labels);
            draw_selection_rings(plot_ui, sub, &ringed, &labels);
        });
        let t = response.transform;
        let frame = *t.frame();
        ui.painter().set(
            background_slot,
            egui::Shape::rect_filled(frame, 0.0, ui.visuals().extreme_bg_color),
        );
        widest = widest.max(frame.left() - response.response.rect.left());
        union = Some(union.map_or(frame, |u| u.union(frame)));
        stats.marks_drawn += vector.len()
            + sub
                .runs
                .iter()
                .filter(|r| shown(&r.template))
                .map(|r| r.points.len())
                .sum::<usize>();
        omitted += paint_series_labels(ui, panel, &local, sub, &t, &shown, &drawn_colors, &ringed);
        transforms.push(t);
        responses.push(response.response);
    }
    // Next pass, every y axis as wide as the widest, so the time axes line up.
    if widest > 0.0 && (widest - y_width).abs() > 0.5 {
        ctx.data_mut(|d| d.insert_temp(width_id, widest.max(y_width)));
        ctx.request_discard("panels' y axes aligned");
    }
    store_omitted(&ctx, data.kind, omitted);
    if let Some(u) = union {
        ctx.data_mut(|d| d.insert_temp(plot_id(data.kind).with("frame"), u));
    }
    ctx.data_mut(|d| {
        d.insert_temp(
            plot_id(data.kind).with("panel transforms"),
            PanelTransforms(Arc::new(transforms.clone())),
        );
    });
    let pointer = ctx.pointer_hover_pos();
    let at = pointer
        .and_then(|p| transforms.iter().position(|t| t.frame().contains(p)))
        .unwrap_or(last);
    Some(PlotShown {
        stats,
        response: responses.get(at)?.clone(),
        transform: *transforms.get(at)?,
    })
}

/// Paints each shown series' name at its last value in the panel drawn with `t`, right of it
/// (or a little above or below when that is taken); returns how many could not be placed
/// without covering another label, a ring, a marker or the plot's edge. `ringed`: the sub
/// plot's marks with the selection ring.
#[allow(clippy::too_many_arguments)] // one panel's drawing state, passed once per panel
fn paint_series_labels(
    ui: &egui::Ui,
    panel: &crate::plots::Panel,
    local: &HashMap<usize, usize>,
    sub: &PlotData,
    t: &egui_plot::PlotTransform,
    shown: &dyn Fn(&Mark) -> bool,
    colors: &HashMap<String, Color32>,
    ringed: &[usize],
) -> usize {
    let frame = *t.frame();
    let painter = ui.painter_at(frame);
    let dark = ui.visuals().dark_mode;
    let font = egui::FontId::proportional(LABEL_TEXT);
    let screen = |x: f64, y: f64| t.position_from_point(&egui_plot::PlotPoint::new(x, y));
    // Markers and rings are obstacles.
    let mut taken: Vec<Rect> = sub
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| shown(m) && !m.kind.is_vertical_line())
        .map(|(k, m)| {
            // A conflict ring or the selection ring is wider than the marker.
            let r = if m.in_conflict.is_some() || ringed.contains(&k) {
                11.0
            } else {
                4.0
            };
            let at = Rect::from_center_size(screen(m.x, m.y), egui::Vec2::splat(2.0 * r));
            // A span is an obstacle along its length.
            m.x2.map_or(at, |x2| {
                at.union(Rect::from_center_size(screen(x2, m.y), at.size()))
            })
        })
        .collect();
    let mut omitted = 0;
    for s in &panel.series {
        // The last value: the rightmost end of any of its marks.
        let Some(m) = s
            .marks
            .iter()
            .filter_map(|i| local.get(i).and_then(|&k| sub.marks.get(k)))
            .filter(|m| shown(m))
            .max_by(|a, b| a.x2.unwrap_or(a.x).total_cmp(&b.x2.unwrap_or(b.x)))
        else {
            continue;
        };
        let anchor = screen(m.x2.unwrap_or(m.x), m.y);
        let color = colors.get(&s.group).copied().unwrap_or(UNKNOWN);
        let galley = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                ellipsized(&s.name, LABEL_CHARS),
                font.clone(),
                text_color_of(color, dark),
            )
        });
        let size = galley.size();
        let ringed_last = sub
            .marks
            .iter()
            .position(|x| std::ptr::eq(x, m))
            .is_some_and(|k| ringed.contains(&k));
        let clear = if m.in_conflict.is_some() || ringed_last {
            12.0
        } else {
            6.0
        };
        let spot = [0.0, -1.0, 1.0, -2.0, 2.0]
            .into_iter()
            .map(|k| {
                Rect::from_min_size(
                    anchor + egui::vec2(clear, -size.y / 2.0 + k * (size.y * 0.8)),
                    size,
                )
            })
            .find(|r| frame.contains_rect(*r) && !taken.iter().any(|o| o.intersects(*r)));
        match spot {
            Some(r) => {
                taken.push(r.expand(1.0));
                painter.galley(r.min, galley, color);
            }
            None => omitted += 1,
        }
    }
    omitted
}
