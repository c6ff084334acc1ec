//! The axes of a figure: tick marks and their labels (the plot's own ticks, calendar dates on a
//! time axis, compact numbers on a linear count axis) and the category names wrapped to fit.

use egui_plot::{GridInput, GridMark, Plot};

use super::axis_text::{
    compact_number, fit_axis_title, fit_column_name, middle_ellipsized, wrap_label,
};
use crate::plots::{PlotData, Scale};

fn tick_label(ticks: &[(f64, String)], v: f64) -> String {
    ticks
        .iter()
        .find(|(t, _)| (t - v).abs() < 1e-6)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

/// Grid marks on a time axis of fractional years: every month, quarter, year, 5 and 10 years
/// in the shown range (egui_plot shows each level whose lines are far enough apart).
fn time_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || hi - lo > 5_000.0 {
        return Vec::new();
    }
    // In whole months, coarsest level first; each date once, at its coarsest level.
    let (lo_m, hi_m) = ((lo * 12.0).floor() as i64, (hi * 12.0).ceil() as i64);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for step in [120i64, 60, 12, 3, 1] {
        // Skip levels too dense to draw at all.
        if (hi_m - lo_m) / step > 400 {
            continue;
        }
        for k in lo_m.div_euclid(step)..=hi_m.div_euclid(step) + 1 {
            let month = k * step;
            // Only inside the range: egui_plot would label ticks past the edges.
            if month < lo_m
                || month > hi_m
                || (month as f64) < lo * 12.0
                || (month as f64) > hi * 12.0
            {
                continue;
            }
            if seen.insert(month) {
                out.push(GridMark {
                    value: month as f64 / 12.0,
                    step_size: step as f64 / 12.0,
                });
            }
        }
    }
    out
}

/// The label of a time tick: the year at whole years, "2025-04" at months and quarters.
fn time_label(value: f64, step: f64) -> String {
    let year = value.floor();
    let month = ((value - year) * 12.0).round() as i64;
    if month == 0 || month == 12 {
        let y = if month == 12 { year + 1.0 } else { year };
        return format!("{y:.0}");
    }
    if step < 0.99 {
        format!("{year:.0}-{:02}", month + 1)
    } else {
        String::new()
    }
}

/// The smallest gap between neighbouring ticks (1 for a single tick or none).
fn tick_spacing(ticks: &[(f64, String)]) -> f64 {
    ticks
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).abs())
        .filter(|d| d.is_finite() && *d > 0.0)
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.min(d))))
        .unwrap_or(1.0)
}

/// Characters of a category name on the vertical axis before it is ellipsized (the full name
/// is in the tooltip of its marks).
pub const ROW_NAME_CHARS: usize = 28;

/// Points a number on the vertical axis keeps from the plot's top edge (about half its height).
const TOP_TICK_CLEARANCE: f32 = 9.0;

/// The width of the plot area of `data` drawn `width` points wide in `ui`: less the vertical
/// axis, measured as egui_plot lays it out (its widest tick label, 4 points either side, and
/// the axis title). The same in every pass of a layout, so that the names fitted to it (and
/// the axis height they take) do not change from one pass to the next.
fn plot_area_width(ui: &egui::Ui, data: &PlotData, width: f32, font: &egui::FontId) -> f32 {
    let measure = |s: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), font.clone(), egui::Color32::WHITE))
            .size()
    };
    let widest_tick = match &data.y_axis.scale {
        Scale::Category(_) => {
            let row_font = row_name_font(data).unwrap_or_else(|| font.clone());
            data.y_axis
                .ticks
                .iter()
                .map(|(_, l)| {
                    ui.fonts_mut(|f| {
                        f.layout_no_wrap(
                            super::legend::ellipsized(l, ROW_NAME_CHARS),
                            row_font.clone(),
                            egui::Color32::WHITE,
                        )
                    })
                    .size()
                    .x
                })
                .fold(0.0, f32::max)
        }
        _ if !data.y_axis.ticks.is_empty() => data
            .y_axis
            .ticks
            .iter()
            .map(|(_, l)| measure(l).x)
            .fold(0.0, f32::max),
        // Plain numbers: as wide as the largest value with a digit to spare.
        _ => {
            let top = data
                .marks
                .iter()
                .map(|m| m.y.abs().max(m.y2.unwrap_or(0.0).abs()))
                .filter(|v| v.is_finite())
                .fold(1.0, f64::max);
            measure(&format!("{}0", compact_number(top * 1.2))).x
        }
    };
    let title = if data.y_axis.title.is_empty() {
        0.0
    } else {
        measure(&data.y_axis.title).y * 1.25
    };
    (width - (widest_tick + 8.0).max(14.0) - title).max(1.0)
}

/// Rows from which on the names of a category axis of rows are written at
/// [`super::layout::FIGURE_SMALL_TEXT`] (the smallest text of a figure) rather than the axis
/// text's size, so that close rows keep their names.
const MANY_ROWS: usize = 10;

/// The font of row names of `data` when it has more than [`MANY_ROWS`] rows.
fn row_name_font(data: &PlotData) -> Option<egui::FontId> {
    matches!(&data.y_axis.scale, Scale::Category(rows) if rows.len() > MANY_ROWS)
        .then(|| egui::FontId::proportional(super::layout::FIGURE_SMALL_TEXT))
}

/// Columns narrower than this (points) get their names written upwards under them.
const UPWARD_BELOW: f32 = 56.0;

/// Characters of a column name written upwards before it is shortened in the middle (the
/// start and the end of a name tell most apart; the tooltips have the full names).
pub const COLUMN_NAME_CHARS: usize = 16;

/// Points between the plot's bottom edge and the names written upwards.
const UPWARD_GAP: f32 = 6.0;

fn upward_key(kind: crate::plots::PlotKind) -> egui::Id {
    super::plot_id(kind).with("column names upwards")
}

/// Writes the column names of `data` upwards under the plot drawn with `transform`, when
/// [`with_axes`] found its columns too narrow for them (one name a column, ellipsized at
/// [`COLUMN_NAME_CHARS`] in the middle, ending just under the plot; every other one left out when even the
/// rotated names are wider than the columns).
pub fn paint_upward_names(ui: &egui::Ui, data: &PlotData, transform: &egui_plot::PlotTransform) {
    let upwards = ui
        .ctx()
        .data(|d| d.get_temp::<bool>(upward_key(data.kind)))
        .unwrap_or(false);
    if !upwards {
        return;
    }
    let frame = *transform.frame();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let column = (transform.dpos_dvalue_x().abs()) as f32;
    let row = ui.fonts_mut(|f| f.row_height(&font));
    let every = (row / column.max(1.0)).ceil().max(1.0) as usize;
    for (k, (v, name)) in data.x_axis.ticks.iter().enumerate() {
        if k % every != 0 {
            continue;
        }
        let x = transform
            .position_from_point(&egui_plot::PlotPoint::new(*v, 0.0))
            .x;
        if x < frame.left() || x > frame.right() {
            continue;
        }
        let galley = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                middle_ellipsized(name, COLUMN_NAME_CHARS),
                font.clone(),
                color,
            )
        });
        let size = galley.size();
        // Turned a quarter left about its top-left corner, the text runs up from there.
        let pos = egui::pos2(x - size.y / 2.0, frame.bottom() + UPWARD_GAP + size.x);
        ui.painter().add(
            egui::epaint::TextShape::new(pos, galley, color)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
}

/// `plot` with the axes of `data`: titles, tick marks inside the shown range and their labels.
/// Category names under columns are fitted to the column width of the plot drawn at `ui`'s
/// available width; names of rows are ellipsized at [`ROW_NAME_CHARS`].
pub fn with_axes<'a>(mut plot: Plot<'a>, data: &PlotData, ui: &egui::Ui) -> Plot<'a> {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let plot_width = Some(plot_area_width(
        ui,
        data,
        ui.available_size_before_wrap().x,
        &body,
    ));
    let ctx = ui.ctx().clone();
    let x_ticks = data.x_axis.ticks.clone();
    let y_ticks = data.y_axis.ticks.clone();
    let x_scale = data.x_axis.scale.clone();
    // Ticks only inside the shown range: egui_plot would otherwise label ticks past the edges.
    // Each mark's step is the spacing of the ticks (egui_plot draws a label only when the
    // step is far enough apart on screen: ticks every 20 powers of ten are not 1 apart).
    // On a log axis with a tick every power of ten, 1K, 1M, 1B and 1T are the major ticks: where
    // the powers are too close to label each, egui_plot keeps labelling those.
    let in_range = |ticks: Vec<(f64, String)>, log: bool| {
        let step_size = tick_spacing(&ticks);
        move |input: GridInput| {
            let (lo, hi) = input.bounds;
            let eps = (hi - lo).abs() * 1e-9;
            ticks
                .iter()
                .filter(|(v, _)| *v >= lo - eps && *v <= hi + eps)
                .map(|(v, _)| GridMark {
                    value: *v,
                    step_size: if log && step_size == 1.0 && (v.round() as i64) % 3 == 0 {
                        3.0
                    } else {
                        step_size
                    },
                })
                .collect()
        }
    };
    // Years and wrapped category names are narrow: label ticks closer than egui_plot's default
    // (and never faded: a label is drawn at full strength or not at all).
    let mut x_axis = egui_plot::AxisHints::new_x()
        .label(fit_axis_title(ui, &data.x_axis.title, plot_width))
        .label_spacing(34.0..=34.5);
    // Named periods under bars (see `at_bottom`).
    let bottom_clear = !x_ticks.is_empty() && x_scale == Scale::Time;
    if !x_ticks.is_empty() {
        // Category names break into short lines so that neighbours do not collide; named
        // times ("Q1 2024", "Q1 2024 n=12") go one word a line, and their labels are drawn at full strength.
        let wrap = matches!(data.x_axis.scale, Scale::Category(_));
        let named_times = x_scale == Scale::Time;
        if named_times {
            x_axis = x_axis.label_spacing(20.0..=20.5);
        }
        if wrap {
            // Names are fitted to their column's width: narrow columns keep theirs too.
            x_axis = x_axis.label_spacing(8.0..=8.5);
        }
        // Columns too narrow for a word a line: the names are written upwards under them
        // (`paint_upward_names`), the axis made tall enough for them.
        let upwards = wrap && {
            let columns = x_ticks.len() as f32 + 0.2;
            plot_width.is_some_and(|w| w / columns < UPWARD_BELOW)
        };
        ui.ctx()
            .data_mut(|d| d.insert_temp(upward_key(data.kind), upwards));
        if upwards {
            let widest = x_ticks
                .iter()
                .map(|(_, l)| {
                    ui.fonts_mut(|f| {
                        f.layout_no_wrap(
                            middle_ellipsized(l, COLUMN_NAME_CHARS),
                            body.clone(),
                            egui::Color32::WHITE,
                        )
                    })
                    .size()
                    .x
                })
                .fold(0.0, f32::max);
            let title = ui.fonts_mut(|f| f.row_height(&body)) * 1.25;
            x_axis = x_axis.min_thickness(widest + UPWARD_GAP + 4.0 + title);
        }
        plot = plot.x_grid_spacer(in_range(x_ticks.clone(), data.x_axis.scale == Scale::Log10));
        x_axis = x_axis.formatter(move |m, range| {
            let l = tick_label(&x_ticks, m.value);
            let span = range.end() - range.start();
            if upwards {
                String::new()
            } else if wrap && let Some(w) = plot_width.filter(|_| span > 0.0) {
                // The column's width less a gap to its neighbours.
                let column = (f64::from(w) / span) as f32 - 6.0;
                fit_column_name(&ctx, &body, &l, column)
            } else if wrap {
                wrap_label(&l)
            } else if named_times {
                // One word a line ("Q1", "2024", "n=12"): egui_plot drops a label wider than
                // the gap between ticks.
                l.replace(' ', "\n")
            } else {
                l
            }
        });
    } else if x_scale == Scale::Time {
        // Calendar ticks: decades, years, quarters and months, labelled as dates.
        plot = plot.x_grid_spacer(time_grid);
        x_axis = x_axis.formatter(|m, _| time_label(m.value, m.step_size));
    }
    plot = plot.custom_x_axes(vec![x_axis]);
    // Powers of ten and category rows are labelled even when close together; plain numbers
    // keep egui_plot's spacing.
    // (Narrow ranges: a label is drawn at full strength or not at all, never faded below the
    // contrast rule.)
    let y_spacing = if data.y_axis.scale == Scale::Linear {
        18.0..=18.5
    } else {
        14.0..=14.5
    };
    // A number at the plot's very top would stand half above it, into the key: it is left out
    // (the plot's height as last drawn says how close is too close).
    let frame_height = super::plot_frame(ui.ctx(), data.kind).map(|r| r.height());
    let at_top = move |v: f64, range: &std::ops::RangeInclusive<f64>| {
        let span = range.end() - range.start();
        frame_height.is_some_and(|h| {
            span > 0.0 && (range.end() - v) / span * f64::from(h) < f64::from(TOP_TICK_CLEARANCE)
        })
    };
    // Under named periods (bars), the first period's label can reach left under the y axis, where
    // the number at the plot's very bottom stands half below the plot: that number (the bars'
    // baseline, 0 or 0%) is left out instead.
    let at_bottom = move |v: f64, range: &std::ops::RangeInclusive<f64>| {
        let span = range.end() - range.start();
        bottom_clear
            && frame_height.is_some_and(|h| {
                span > 0.0
                    && (v - range.start()) / span * f64::from(h) < f64::from(TOP_TICK_CLEARANCE)
            })
    };
    let y_title = fit_axis_title(ui, &data.y_axis.title, frame_height);
    let mut y_axis = egui_plot::AxisHints::new_y()
        .label(y_title)
        .label_spacing(y_spacing);
    if let Some(f) = row_name_font(data) {
        // Many rows: names in the figure's small text, so that close rows keep theirs.
        y_axis = y_axis.tick_label_font(f).label_spacing(10.0..=10.01);
    }
    if !y_ticks.is_empty() {
        plot = plot.y_grid_spacer(in_range(y_ticks.clone(), data.y_axis.scale == Scale::Log10));
        // A long category name is ellipsized (one line: rows may be close together), so that
        // it cannot make the axis wider than the plot (egui_plot then drops every axis).
        let rows = matches!(data.y_axis.scale, Scale::Category(_));
        y_axis = y_axis.formatter(move |m, range| {
            let l = tick_label(&y_ticks, m.value);
            if rows {
                super::legend::ellipsized(&l, ROW_NAME_CHARS)
            } else if at_top(m.value, range) || at_bottom(m.value, range) {
                String::new()
            } else {
                l
            }
        });
    } else if data.y_axis.scale == Scale::Linear {
        y_axis = y_axis.formatter(move |m, range| {
            if at_top(m.value, range) || at_bottom(m.value, range) {
                String::new()
            } else {
                compact_number(m.value)
            }
        });
    }
    plot = plot.custom_y_axes(vec![y_axis]);
    plot
}

#[cfg(test)]
mod tests {
    #[test]
    fn time_ticks_are_calendar_dates() {
        use super::{time_grid, time_label};
        assert_eq!(time_label(2025.0, 1.0), "2025");
        assert_eq!(time_label(2025.25, 0.25), "2025-04");
        assert_eq!(time_label(2025.0 + 11.0 / 12.0, 1.0 / 12.0), "2025-12");
        assert_eq!(time_label(2025.5, 1.0), "");
        let marks = time_grid(egui_plot::GridInput {
            bounds: (2024.9, 2026.1),
            base_step_size: 0.01,
        });
        // Months, quarters and years over a year and a bit; 2025 at the 5-year level.
        assert!(
            marks
                .iter()
                .any(|m| m.value == 2026.0 && m.step_size == 1.0)
        );
        assert!(
            marks
                .iter()
                .any(|m| m.value == 2025.0 && m.step_size == 5.0)
        );
        // Each date once.
        let mut values: Vec<i64> = marks
            .iter()
            .map(|m| (m.value * 12.0).round() as i64)
            .collect();
        let n = values.len();
        values.sort_unstable();
        values.dedup();
        assert_eq!(values.len(), n);
        assert!(
            marks
                .iter()
                .any(|m| (m.value - 2025.25).abs() < 1e-9 && m.step_size == 0.25)
        );
        // Every month once (at its coarsest level): 15 months from 2024-11 to 2026-02 (and
        // the ends rounded outwards).
        assert!(marks.len() >= 15, "{}", marks.len());
        assert!(marks.iter().filter(|m| m.step_size < 0.1).count() >= 8);
        assert!(
            time_grid(egui_plot::GridInput {
                bounds: (0.0, 1e9),
                base_step_size: 1.0
            })
            .is_empty()
        );
    }

    #[test]
    fn tick_spacing_is_the_gap_between_ticks() {
        let t =
            |v: &[f64]| -> Vec<(f64, String)> { v.iter().map(|&x| (x, String::new())).collect() };
        assert_eq!(super::tick_spacing(&t(&[0.0, 20.0, 40.0])), 20.0);
        assert_eq!(super::tick_spacing(&t(&[0.0, 1.0, 2.0])), 1.0);
        assert_eq!(super::tick_spacing(&t(&[3.0])), 1.0);
    }
}
