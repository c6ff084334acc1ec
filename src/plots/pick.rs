//! Picking the mark under a click, by distance in screen pixels.

use super::{Mark, MarkKind, PlotData};

/// The extent a mark covers in drawn coordinates: `(x0, x1, y0, y1)`.
fn extent(m: &Mark) -> (f64, f64, f64, f64) {
    let half = m.width.max(0.0) / 2.0;
    let x2 = m.x2.unwrap_or(m.x);
    let (x0, x1) = (m.x.min(x2) - half, m.x.max(x2) + half);
    if m.kind.is_vertical_line() {
        return (x0, x1, f64::NEG_INFINITY, f64::INFINITY);
    }
    if m.kind == MarkKind::Cell {
        return (x0, x1, m.y - 0.5, m.y + 0.5);
    }
    let y2 = m.y2.unwrap_or(m.y);
    (x0, x1, m.y.min(y2), m.y.max(y2))
}

/// Distance from `v` to the interval `lo..=hi` (0 inside).
fn gap(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo - v
    } else if v > hi {
        v - hi
    } else {
        0.0
    }
}

/// Preference among marks at the same distance: points over bars, cells and spans, and those
/// over lines that cross the whole plot.
fn rank(m: &Mark) -> u8 {
    if m.kind.is_vertical_line() {
        2
    } else if m.x2.is_some() || m.y2.is_some() || m.width > 0.0 {
        1
    } else {
        0
    }
}

/// The index of the mark nearest to the click at (`x`, `y`), if within `max_px` screen pixels.
///
/// Callers pass plot coordinates as drawn: fractional years on a time axis, `log10(value)` on a
/// log axis (the marks' own coordinates), and the size of one pixel in each direction
/// (`x_per_px`, `y_per_px`, in plot units per pixel), so that distance is measured on the
/// screen whatever the axes' scales. Bars, cells and spans count their whole area (a click
/// inside is at distance 0), event lines their whole height. Ties go to the smaller mark, then
/// to the later one (drawn on top).
pub fn nearest_mark(
    data: &PlotData,
    x: f64,
    y: f64,
    x_per_px: f64,
    y_per_px: f64,
    max_px: f64,
) -> Option<usize> {
    if !(x.is_finite() && y.is_finite() && x_per_px > 0.0 && y_per_px > 0.0) {
        return None;
    }
    let mut best: Option<(f64, u8, usize)> = None;
    for (i, m) in data.marks.iter().enumerate() {
        if !(m.x.is_finite() && (m.y.is_finite() || m.kind.is_vertical_line())) {
            continue;
        }
        let (x0, x1, y0, y1) = extent(m);
        let dx = gap(x, x0, x1) / x_per_px;
        let dy = gap(y, y0, y1) / y_per_px;
        let d = dx.hypot(dy);
        if d > max_px {
            continue;
        }
        let r = rank(m);
        let better = match best {
            None => true,
            Some((bd, br, _)) => d < bd || (d == bd && r <= br),
        };
        if better {
            best = Some((d, r, i));
        }
    }
    // The points of long series: plain points, numbered after the marks.
    // (A box test first: a million points are scanned on each pointer move.)
    let (bx, by) = (max_px * x_per_px, max_px * y_per_px);
    let mut i = data.marks.len();
    for r in &data.runs {
        for p in &r.points {
            let (dx, dy) = (p.x - x, p.y - y);
            if dx.abs() <= bx && dy.abs() <= by {
                let d = (dx / x_per_px).hypot(dy / y_per_px);
                if d <= max_px && best.is_none_or(|(bd, _, _)| d <= bd) {
                    best = Some((d, 0, i));
                }
            }
            i += 1;
        }
    }
    best.map(|(_, _, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plots::{Axis, Footer, GroupKind, PlotKind, Scale};

    fn plot(marks: Vec<Mark>) -> PlotData {
        PlotData {
            kind: PlotKind::ModelSize,
            title: String::new(),
            subtitle: String::new(),
            x_axis: Axis {
                title: String::new(),
                scale: Scale::Time,
                ticks: Vec::new(),
            },
            y_axis: Axis {
                title: String::new(),
                scale: Scale::Log10,
                ticks: Vec::new(),
            },
            group_kind: GroupKind::Country,
            legend: Vec::new(),
            marks,
            runs: Vec::new(),
            notes: Vec::new(),
            footer: Footer::default(),
            panels: Vec::new(),
        }
    }

    fn point(x: f64, y: f64) -> Mark {
        Mark {
            x,
            y,
            ..Mark::default()
        }
    }

    #[test]
    fn picks_the_nearest_within_reach() {
        let p = plot(vec![point(0.0, 0.0), point(10.0, 10.0)]);
        assert_eq!(nearest_mark(&p, 1.0, 1.0, 1.0, 1.0, 5.0), Some(0));
        assert_eq!(nearest_mark(&p, 9.0, 9.0, 1.0, 1.0, 5.0), Some(1));
        assert_eq!(nearest_mark(&p, 5.0, 5.0, 1.0, 1.0, 5.0), None);
        // Pixel scale matters: 5 units is 50 px at 0.1 unit per px.
        assert_eq!(nearest_mark(&p, 5.0, 0.0, 0.1, 1.0, 10.0), None);
        assert_eq!(nearest_mark(&p, 5.0, 0.0, 10.0, 1.0, 1.0), Some(0));
        assert_eq!(nearest_mark(&p, 0.0, 0.0, 0.0, 1.0, 1.0), None);
        assert_eq!(
            nearest_mark(&plot(Vec::new()), 0.0, 0.0, 1.0, 1.0, 9.0),
            None
        );
    }

    #[test]
    fn points_of_runs_are_numbered_after_the_marks() {
        use crate::model::PartialDate;
        use crate::plots::{PointRun, RunPoint};
        let mut p = plot(vec![point(0.0, 0.0)]);
        let pt = |x: f64, y: f64| RunPoint {
            x,
            y,
            value: 1.0,
            date: PartialDate::day(2025, 1, 1),
        };
        p.runs.push(PointRun {
            template: Mark::default(),
            name: "s".into(),
            unit_suffix: String::new(),
            points: vec![pt(50.0, 50.0), pt(100.0, 100.0)],
        });
        assert_eq!(nearest_mark(&p, 99.0, 101.0, 1.0, 1.0, 5.0), Some(2));
        assert_eq!(nearest_mark(&p, 52.0, 49.0, 1.0, 1.0, 5.0), Some(1));
        // Out of reach in one direction only: the box test must not let it through.
        assert_eq!(nearest_mark(&p, 50.0, 60.0, 1.0, 1.0, 5.0), None);
        // A nearer plain mark wins.
        assert_eq!(nearest_mark(&p, 0.5, 0.0, 1.0, 1.0, 5.0), Some(0));
        assert_eq!(p.mark_count(), 3);
        assert_eq!(p.mark(2).map(|m| m.x), Some(100.0));
    }

    #[test]
    fn areas_and_lines_count_their_extent() {
        let bar = Mark {
            kind: MarkKind::Bar,
            x: 0.0,
            y: 10.0,
            y2: Some(0.0),
            width: 0.6,
            ..Mark::default()
        };
        let line = Mark {
            kind: MarkKind::EventLine,
            x: 5.0,
            ..Mark::default()
        };
        let span = Mark {
            kind: MarkKind::YearSpan,
            x: 2020.0,
            x2: Some(2021.0),
            y: 3.0,
            ..Mark::default()
        };
        let p = plot(vec![bar, line, span, point(0.0, 5.0)]);
        assert_eq!(nearest_mark(&p, 0.25, 2.0, 0.01, 0.1, 1.0), Some(0));
        assert_eq!(nearest_mark(&p, 5.0, 1e6, 0.01, 0.1, 1.0), Some(1));
        assert_eq!(nearest_mark(&p, 2020.7, 3.0, 0.01, 0.1, 1.0), Some(2));
        // A point inside a bar wins over the bar.
        assert_eq!(nearest_mark(&p, 0.0, 5.0, 0.01, 0.1, 1.0), Some(3));
    }
}
