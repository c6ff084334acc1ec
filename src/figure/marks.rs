//! The marks of a figure drawn with egui_plot: points, bars, spans, event lines, cells, arrows
//! and their value labels, the legend entries of the dense image, and the rings around figures
//! in a conflict and around the selected record.

use std::collections::{BTreeMap, HashMap};

use egui::Color32;
use egui_plot::{Line, MarkerShape, PlotPoints, PlotUi, Points, Polygon, VLine};

use super::colors::{CONFLICT_RING, UNKNOWN, contrast, over, plot_background, with_contrast};
use crate::plots::{Mark, MarkKind, PlotData, Scale};

/// Whether marks of kind `k` are filled markers (the kinds a dense image can take over).
pub fn is_filled_point(k: MarkKind) -> bool {
    matches!(
        k,
        MarkKind::Point | MarkKind::TotalParams | MarkKind::ActiveParams | MarkKind::Adoption
    )
}

/// The marker radius of `m` in points (4 when the mark has no size).
pub fn marker_radius_of(m: &Mark) -> f32 {
    if m.size > 0.0 { m.size as f32 } else { 4.0 }
}

/// Draws the marks `which` of `data` (indices into `data.marks`) as vectors.
pub fn draw_marks(
    plot_ui: &mut PlotUi<'_>,
    data: &PlotData,
    which: &[usize],
    labels: &HashMap<String, String>,
    colors: &HashMap<String, Color32>,
) {
    let on_time_axis = data.x_axis.scale == Scale::Time;
    let dark = plot_ui.ctx().theme() == egui::Theme::Dark;
    let bg = plot_background(dark);
    // Height of the marks' y range, for arrow lengths.
    let y_span = {
        let ys = which
            .iter()
            .map(|&i| data.marks[i].y)
            .filter(|y| y.is_finite());
        let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        });
        if hi > lo { hi - lo } else { 1.0 }
    };
    // Filled points grouped per group and size, so the legend has one entry a group.
    let mut groups: BTreeMap<(String, MarkKind, u32), Vec<[f64; 2]>> = Default::default();
    for &i in which {
        let m = &data.marks[i];
        let color = colors.get(&m.group).copied().unwrap_or(UNKNOWN);
        let name = labels
            .get(&m.group)
            .cloned()
            .unwrap_or_else(|| m.group.clone());
        match m.kind {
            MarkKind::Point
            | MarkKind::TotalParams
            | MarkKind::ActiveParams
            | MarkKind::Adoption => {
                let r = marker_radius_of(m);
                groups
                    .entry((m.group.clone(), m.kind, (r * 10.0) as u32))
                    .or_default()
                    .push([m.x, m.y]);
                if let (MarkKind::ActiveParams, Some(l)) = (m.kind, m.link)
                    && let Some(t) = data.marks.get(l)
                {
                    plot_ui.line(
                        Line::new("", PlotPoints::new(vec![[m.x, m.y], [t.x, t.y]]))
                            .id(name.as_str())
                            .color(color)
                            .width(1.0),
                    );
                }
            }
            MarkKind::Hollow => {
                plot_ui.points(
                    Points::new(name.clone(), vec![[m.x, m.y]])
                        .color(color)
                        .radius(6.0)
                        .filled(false)
                        .shape(MarkerShape::Circle),
                );
                // Its value text is painted by `labels::paint_labels`.
            }
            MarkKind::YearSpan | MarkKind::TimeSpan => {
                let x2 = m.x2.unwrap_or(m.x + 1.0);
                if m.in_conflict.is_some() {
                    // A magenta halo under a span in a recorded conflict.
                    plot_ui.line(
                        Line::new("", PlotPoints::new(vec![[m.x, m.y], [x2, m.y]]))
                            .id(name.as_str())
                            .color(CONFLICT_RING)
                            .width(8.0),
                    );
                }
                plot_ui.line(
                    Line::new(name, PlotPoints::new(vec![[m.x, m.y], [x2, m.y]]))
                        .color(color)
                        .width(4.0),
                );
            }
            MarkKind::EventLine => {
                // Thin and dashed: context, not data; many of them must not crowd the axis.
                plot_ui.vline(
                    VLine::new(name, m.x)
                        .color(with_contrast(over(color.gamma_multiply(0.6), bg), bg, 3.0))
                        .width(1.0)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
            // On a time axis "up to" and "at least" are markers with an arrow towards where
            // the value may lie (a bar from zero means nothing on a log axis).
            MarkKind::UpTo | MarkKind::AtLeast if on_time_axis => {
                let dir = if m.kind == MarkKind::UpTo { -1.0 } else { 1.0 };
                let span = y_span.max(1e-9) * 0.08;
                plot_ui.points(
                    Points::new(name.clone(), vec![[m.x, m.y]])
                        .color(color)
                        .radius(4.0)
                        .filled(true)
                        .shape(MarkerShape::Circle),
                );
                plot_ui.arrows(
                    egui_plot::Arrows::new(name, vec![[m.x, m.y]], vec![[m.x, m.y + dir * span]])
                        .color(color),
                );
            }
            MarkKind::Bar
            | MarkKind::StackSegment
            | MarkKind::Cell
            | MarkKind::Range
            | MarkKind::UpTo
            | MarkKind::AtLeast => {
                let w = if m.width > 0.0 { m.width } else { 0.6 };
                // Matrix cells keep a thin gap to their neighbours.
                let inset = if m.kind == MarkKind::Cell {
                    w * 0.03
                } else {
                    0.0
                };
                let (x0, x1) = (m.x - w / 2.0 + inset, m.x + w / 2.0 - inset);
                let (y0, y1) = match m.kind {
                    MarkKind::Cell => (m.y - 0.45, m.y + 0.45),
                    _ => (m.y2.unwrap_or(0.0), m.y),
                };
                let rect = vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
                // Opaque fills (the colour over the background), so nothing shows through.
                let fill = match m.kind {
                    // Pale, so the cell's text and status mark read (`cells::paint_cell`).
                    MarkKind::Cell => super::cells::cell_fill(color, bg),
                    _ => over(
                        match m.kind {
                            // Open-ended: the value may be anywhere below (up to) or above (at least).
                            MarkKind::UpTo | MarkKind::AtLeast => color.gamma_multiply(0.25),
                            MarkKind::Range => color.gamma_multiply(0.5),
                            _ => color,
                        },
                        bg,
                    ),
                };
                if matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast) {
                    // Open at the top, as the key says: sides and base only.
                    plot_ui.polygon(
                        Polygon::new(name.clone(), PlotPoints::new(rect.clone()))
                            .fill_color(fill)
                            .stroke(egui::Stroke::NONE),
                    );
                    // Its sides and base: `labels::paint_labels`, after the plot.
                } else {
                    let width = if m.kind == MarkKind::Cell { 1.5 } else { 1.0 };
                    plot_ui.polygon(
                        Polygon::new(name.clone(), PlotPoints::new(rect.clone()))
                            .fill_color(fill)
                            .stroke(egui::Stroke::new(width, color)),
                    );
                }
                if m.in_conflict.is_some() && matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast) {
                    // Open at the top like the bar itself: sides and base in magenta.
                    plot_ui.line(
                        Line::new(
                            "",
                            PlotPoints::new(vec![[x0, y1], [x0, y0], [x1, y0], [x1, y1]]),
                        )
                        .id(name.as_str())
                        .color(CONFLICT_RING)
                        .width(3.5)
                        // (egui_plot would fill a line with vertical steps as a band.)
                        .allow_band(false),
                    );
                } else if m.in_conflict.is_some() {
                    // A figure in a recorded conflict is outlined in magenta (an unnamed item,
                    // so the legend keeps the series' colour).
                    plot_ui.polygon(
                        Polygon::new("", PlotPoints::new(rect))
                            .id(name.as_str())
                            .fill_color(Color32::TRANSPARENT)
                            .stroke(egui::Stroke::new(2.5, CONFLICT_RING)),
                    );
                }
                // Value labels and cell texts: `labels::paint_labels`, after the plot.
            }
        }
    }
    for ((group, kind, r10), pts) in groups {
        let color = colors.get(&group).copied().unwrap_or(UNKNOWN);
        let name = labels.get(&group).cloned().unwrap_or(group);
        plot_ui.points(
            Points::new(name, pts)
                .color(color)
                .radius(r10 as f32 / 10.0)
                // Active parameters are hollow, as the key says.
                .filled(kind != MarkKind::ActiveParams)
                .shape(MarkerShape::Circle),
        );
    }
}

/// Black or white, whichever reads better on `fill` (a cell's text).
pub fn readable_on(fill: Color32) -> Color32 {
    if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// A magenta ring around each point-like mark of `vector` in a recorded conflict, so both sides
/// stand out (bars, spans and cells carry their own outline or halo).
pub fn draw_conflict_rings(
    plot_ui: &mut PlotUi<'_>,
    data: &PlotData,
    vector: &[usize],
    labels: &HashMap<String, String>,
) {
    let conflicted: Vec<&Mark> = vector
        .iter()
        .map(|&i| &data.marks[i])
        .filter(|m| {
            m.in_conflict.is_some()
                && !m.kind.is_vertical_line()
                && !m.kind.is_bar()
                && !matches!(
                    m.kind,
                    MarkKind::Cell | MarkKind::YearSpan | MarkKind::TimeSpan
                )
        })
        .collect();
    // Each ring hides with its series (same item id as the legend entry).
    for m in conflicted {
        let name = labels.get(&m.group).unwrap_or(&m.group);
        plot_ui.points(
            Points::new("", vec![[m.x, m.y]])
                .id(name.as_str())
                .color(CONFLICT_RING)
                .radius(8.0)
                .filled(false)
                .shape(MarkerShape::Circle),
        );
    }
}

/// The points of `data`'s long series one by one (when they are few enough not to need the
/// dense image).
pub fn draw_runs(
    plot_ui: &mut PlotUi<'_>,
    data: &PlotData,
    labels: &HashMap<String, String>,
    colors: &HashMap<String, Color32>,
) {
    for r in &data.runs {
        let m = &r.template;
        plot_ui.points(
            Points::new(
                labels
                    .get(&m.group)
                    .cloned()
                    .unwrap_or_else(|| m.group.clone()),
                r.points.iter().map(|p| [p.x, p.y]).collect::<Vec<_>>(),
            )
            .color(colors.get(&m.group).copied().unwrap_or(UNKNOWN))
            .radius(marker_radius_of(m))
            .filled(true),
        );
    }
}

/// A ring around the marks `selected_marks` of the selected record: it stands out in every plot.
pub fn draw_selection_rings(
    plot_ui: &mut PlotUi<'_>,
    data: &PlotData,
    selected_marks: &[usize],
    labels: &HashMap<String, String>,
) {
    for &i in selected_marks {
        let Some(m) = data.mark(i) else {
            continue;
        };
        let ring = if plot_ui.ctx().theme() == egui::Theme::Dark {
            Color32::WHITE
        } else {
            Color32::BLACK
        };
        let name = labels.get(&m.group).unwrap_or(&m.group);
        if m.kind == MarkKind::Cell {
            // A cell is outlined (a ring would sit on its text and status mark).
            let w = if m.width > 0.0 { m.width } else { 1.0 };
            let (x0, x1, y0, y1) = (m.x - w / 2.0, m.x + w / 2.0, m.y - 0.5, m.y + 0.5);
            plot_ui.polygon(
                Polygon::new(
                    "",
                    PlotPoints::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]),
                )
                .id(name.as_str())
                .fill_color(Color32::TRANSPARENT)
                .stroke(egui::Stroke::new(2.0, ring)),
            );
            continue;
        }
        plot_ui.points(
            Points::new("", vec![[m.x, m.y]])
                .id(name.as_str())
                .color(ring)
                .radius(9.0)
                .filled(false)
                .shape(MarkerShape::Circle),
        );
    }
}
