//! The cells of a matrix ("Who uses what"), painted after the plot: a pale fill of the group's
//! colour outlined in the colour itself, the adoption's latest status as a mark (filled disc:
//! in production, half-filled: experimenting, ring: evaluating, cross: stopped), and the use
//! cases wrapped and ellipsized inside the cell in black or white, whichever reads.

use egui::{Color32, Pos2, Rect, Shape, Stroke};

use super::colors::over;
use super::marks::readable_on;
use crate::model::AdoptionStatus;
use crate::plots::Mark;

/// Opacity of a cell's fill: pale, so its text and status mark read at full strength.
pub const CELL_FILL_ALPHA: f32 = 0.22;

/// The fill of a cell of `color` over the plot's background `bg` (opaque).
pub fn cell_fill(color: Color32, bg: Color32) -> Color32 {
    over(color.gamma_multiply(CELL_FILL_ALPHA), bg)
}

/// The statuses in the order the key lists them (an adoption's stages, then stopped).
pub const STATUS_ORDER: [AdoptionStatus; 4] = [
    AdoptionStatus::Production,
    AdoptionStatus::Experimenting,
    AdoptionStatus::Evaluating,
    AdoptionStatus::Stopped,
];

/// The shapes of the status mark of `status` centred at `c`, `r` points in radius, in `color`.
pub fn status_mark(status: AdoptionStatus, c: Pos2, r: f32, color: Color32) -> Vec<Shape> {
    let stroke = Stroke::new((r * 0.3).clamp(1.25, 2.0), color);
    match status {
        AdoptionStatus::Production => vec![Shape::circle_filled(c, r, color)],
        AdoptionStatus::Experimenting => {
            // The left half filled, the ring around it.
            let n = 16;
            let mut half: Vec<Pos2> = (0..=n)
                .map(|k| {
                    let a =
                        std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * k as f32 / n as f32;
                    c + r * egui::vec2(a.cos(), a.sin())
                })
                .collect();
            half.push(c + egui::vec2(0.0, -r));
            vec![
                Shape::convex_polygon(half, color, Stroke::NONE),
                Shape::circle_stroke(c, r - stroke.width / 2.0, stroke),
            ]
        }
        AdoptionStatus::Evaluating => vec![Shape::circle_stroke(c, r - stroke.width / 2.0, stroke)],
        AdoptionStatus::Stopped => {
            let d = r * 0.8;
            vec![
                Shape::line_segment([c + egui::vec2(-d, -d), c + egui::vec2(d, d)], stroke),
                Shape::line_segment([c + egui::vec2(-d, d), c + egui::vec2(d, -d)], stroke),
            ]
        }
    }
}

/// A cell's text cut shorter than this many characters (its ellipsis included) is left out.
const MIN_CUT_CHARS: usize = 8;

/// The text a cell shows: the use cases (the status is its mark; the tooltip and CSV keep both).
fn cell_text(m: &Mark) -> &str {
    m.status
        .and_then(|s| m.value_text.strip_suffix(&format!(" · {}", s.label())))
        .unwrap_or(&m.value_text)
}

/// Paints the status mark and text of matrix cell `m` on `rect` (in points), a cell of its
/// group's `color` over the plot's background `bg`. Returns whether its text had to be
/// left out (the cell is too small for one line of it).
pub fn paint_cell(
    ui: &egui::Ui,
    painter: &egui::Painter,
    m: &Mark,
    rect: Rect,
    color: Color32,
    bg: Color32,
    font: &egui::FontId,
) -> bool {
    // (Its fill and outline are the plot's polygon: `marks::draw_marks`.)
    let fill = cell_fill(color, bg);
    let ink = readable_on(fill);
    let inner = rect.shrink(4.0);
    let row_h = ui.fonts_mut(|f| f.row_height(font));
    // The status mark at the left of the first line (centred when there is no room for text).
    let mark_area = rect.shrink(2.0);
    let r = (row_h * 0.36)
        .min(mark_area.height() / 2.0)
        .min(mark_area.width() / 2.0);
    let mut text_area = inner;
    if let Some(status) = m.status
        && r >= 2.5
    {
        let text_fits = inner.width() >= 2.0 * r + 4.0 + 24.0;
        let c = if text_fits {
            let rows = ((inner.height() / row_h).floor() as usize).max(1);
            let lines = rows.min(2) as f32;
            Pos2::new(
                inner.left() + r,
                inner.center().y - (lines - 1.0) * row_h / 2.0,
            )
        } else {
            rect.center()
        };
        painter.extend(status_mark(status, c, r, ink));
        text_area.min.x += 2.0 * r + 4.0;
    }
    let text = cell_text(m);
    let rows = (text_area.height() / row_h).floor() as usize;
    if text.is_empty() {
        return false;
    }
    if text_area.width() < 24.0 || rows == 0 {
        return true;
    }
    let mut job =
        egui::text::LayoutJob::simple(text.to_owned(), font.clone(), ink, text_area.width());
    job.wrap.max_rows = rows.min(2);
    // On one line, as much of the text as fits ("AI customer-serv…", not "AI…").
    job.wrap.break_anywhere = job.wrap.max_rows == 1;
    job.halign = egui::Align::Center;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    // A word or so cut to a few letters ("use …") says nothing: left out and counted instead.
    let shown: usize = galley.rows.iter().map(|r| r.row.glyphs.len()).sum();
    if galley.elided && shown < MIN_CUT_CHARS {
        return true;
    }
    let top = text_area.center().y - galley.size().y / 2.0;
    painter.add(Shape::galley(
        Pos2::new(text_area.center().x, top),
        galley,
        Color32::PLACEHOLDER,
    ));
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cell_text_leaves_the_status_to_its_mark() {
        let m = Mark {
            value_text: "search, chat · In production".into(),
            status: Some(AdoptionStatus::Production),
            ..Mark::default()
        };
        assert_eq!(cell_text(&m), "search, chat");
        let m = Mark {
            value_text: "search · status not stated".into(),
            ..Mark::default()
        };
        assert_eq!(cell_text(&m), "search · status not stated");
    }

    /// Whether `paint_cell` leaves the text of a cell `width` points wide out.
    fn left_out_at(width: f32) -> bool {
        let m = Mark {
            value_text: "customer-service assistants and search".into(),
            ..Mark::default()
        };
        let ctx = egui::Context::default();
        let mut out = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::FontId::proportional(11.0);
            let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(width, 30.0));
            out = Some(paint_cell(
                ui,
                ui.painter(),
                &m,
                rect,
                Color32::BLUE,
                Color32::WHITE,
                &font,
            ));
        });
        // Nothing is rendered: the font atlas is dropped unused.
        output.textures_delta.clear();
        out.expect("painted")
    }

    #[test]
    fn a_cell_text_cut_to_a_few_letters_is_left_out() {
        assert!(!left_out_at(400.0), "whole");
        assert!(!left_out_at(90.0), "cut after a word or more");
        assert!(left_out_at(36.0), "\"cus…\" says nothing");
    }

    #[test]
    fn each_status_has_its_own_mark() {
        let c = Pos2::new(10.0, 10.0);
        let marks: Vec<String> = STATUS_ORDER
            .iter()
            .map(|&s| format!("{:?}", status_mark(s, c, 5.0, Color32::BLACK)))
            .collect();
        for (i, a) in marks.iter().enumerate() {
            assert!(marks[i + 1..].iter().all(|b| b != a), "{i}");
        }
        // Production is filled, evaluating only a ring.
        let filled = |s: AdoptionStatus| match &status_mark(s, c, 5.0, Color32::BLACK)[0] {
            Shape::Circle(k) => k.fill != Color32::TRANSPARENT,
            _ => false,
        };
        assert!(filled(AdoptionStatus::Production));
        assert!(!filled(AdoptionStatus::Evaluating));
    }
}
