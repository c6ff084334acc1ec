//! The texts a plot draws on its marks, painted after the plot with the transform it was drawn
//! with: the open outline of "up to" and "at least" bars, value labels over bars ("up to 90%") and above hollow markers ("about 90%"), and the
//! text of matrix cells wrapped and ellipsized inside the cell. A label is placed only where it
//! covers no other label, ring or the plot's edge; one that cannot be is left out and counted
//! (the notes say "3 labels omitted").

use std::collections::HashMap;

use egui::{Color32, Rect, Shape};

use super::colors::{UNKNOWN, over, plot_background, text_color_of};
use super::marks::readable_on;
use super::plot_id;
use crate::plots::{Mark, MarkKind, PlotData, PlotKind, Scale};

/// Size (points) of the texts on marks: value labels and matrix cells.
pub const LABEL_TEXT: f32 = 11.0;

/// Radius (points) kept clear around a ringed mark (selection and conflict rings).
const RING_CLEARANCE: f32 = 10.0;

/// What [`paint_labels`] needs besides the plot's data.
pub struct LabelArgs<'a> {
    /// The marks drawn as vectors (indices into `data.marks`).
    pub vector: &'a [usize],
    /// Legend names hidden: their marks carry no labels.
    pub hidden: &'a [String],
    /// Legend name of each group key.
    pub labels: &'a HashMap<String, String>,
    /// Colour of each group key.
    pub colors: &'a HashMap<String, Color32>,
    /// Marks ringed as the selection.
    pub selected: &'a [usize],
}

/// Paints the value labels and cell texts of `data` over the plot drawn with `transform`, and
/// returns how many could not be placed without covering another.
pub fn paint_labels(
    ui: &egui::Ui,
    data: &PlotData,
    transform: &egui_plot::PlotTransform,
    args: &LabelArgs<'_>,
) -> usize {
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let dark = ui.visuals().dark_mode;
    let bg = plot_background(dark);
    let font = egui::FontId::proportional(LABEL_TEXT);
    let screen = |x: f64, y: f64| transform.position_from_point(&egui_plot::PlotPoint::new(x, y));
    let shown = |m: &Mark| {
        let name = args.labels.get(&m.group).unwrap_or(&m.group);
        name.is_empty() || !args.hidden.contains(name)
    };
    // Rings are obstacles: a label never sits under one.
    let mut taken: Vec<Rect> = args
        .selected
        .iter()
        .filter_map(|&i| data.mark(i))
        .chain(
            args.vector
                .iter()
                .map(|&i| std::borrow::Cow::Borrowed(&data.marks[i]))
                .filter(|m| m.in_conflict.is_some() && !m.kind.is_bar()),
        )
        .filter(|m| !m.kind.is_vertical_line() && m.kind != MarkKind::Cell)
        .map(|m| Rect::from_center_size(screen(m.x, m.y), egui::Vec2::splat(2.0 * RING_CLEARANCE)))
        .collect();
    let on_time_axis = data.x_axis.scale == Scale::Time;
    let mut omitted = 0;
    for &i in args.vector {
        let m = &data.marks[i];
        if !shown(m) {
            continue;
        }
        let color = args.colors.get(&m.group).copied().unwrap_or(UNKNOWN);
        match m.kind {
            MarkKind::Cell if !m.value_text.is_empty() => {
                let w = if m.width > 0.0 { m.width } else { 1.0 };
                let inset = w * 0.03;
                let a = screen(m.x - w / 2.0 + inset, m.y + 0.45);
                let b = screen(m.x + w / 2.0 - inset, m.y - 0.45);
                let cell = Rect::from_two_pos(a, b).shrink(4.0);
                let row_h = ui.fonts_mut(|f| f.row_height(&font));
                let rows = (cell.height() / row_h).floor() as usize;
                if cell.width() < 24.0 || rows == 0 {
                    omitted += 1;
                    continue;
                }
                let mut job = egui::text::LayoutJob::simple(
                    m.value_text.clone(),
                    font.clone(),
                    readable_on(over(color, bg)),
                    cell.width(),
                );
                job.wrap.max_rows = rows;
                job.wrap.break_anywhere = false;
                job.halign = egui::Align::Center;
                let galley = ui.fonts_mut(|f| f.layout_job(job));
                let top = cell.center().y - galley.size().y / 2.0;
                painter.add(Shape::galley(
                    egui::pos2(cell.center().x, top),
                    galley,
                    Color32::PLACEHOLDER,
                ));
            }
            MarkKind::Bar | MarkKind::Range | MarkKind::UpTo | MarkKind::AtLeast
                if !on_time_axis =>
            {
                if matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast) {
                    // Open at the top, as the key says: its sides and base.
                    let w = if m.width > 0.0 { m.width } else { 0.6 };
                    let (x0, x1) = (m.x - w / 2.0, m.x + w / 2.0);
                    let (y0, y1) = (m.y2.unwrap_or(0.0), m.y);
                    painter.line(
                        vec![
                            screen(x0, y1),
                            screen(x0, y0),
                            screen(x1, y0),
                            screen(x1, y1),
                        ],
                        egui::Stroke::new(1.5, color),
                    );
                }
                let text = if !m.value_text.is_empty() {
                    m.value_text.clone()
                } else if m.kind == MarkKind::UpTo {
                    "up to".to_owned()
                } else if m.kind == MarkKind::AtLeast {
                    m.qualifier.prefix().trim().to_owned()
                } else {
                    continue;
                };
                let anchor = screen(m.x, m.y) - egui::vec2(0.0, 2.0);
                let alpha = match m.kind {
                    MarkKind::UpTo | MarkKind::AtLeast => 0.25,
                    MarkKind::Range => 0.5,
                    _ => 1.0,
                };
                let fill = over(color.gamma_multiply(alpha), bg);
                if !place(
                    &painter, ui, &mut taken, frame, &text, &font, anchor, color, dark, fill,
                ) {
                    omitted += 1;
                }
            }
            MarkKind::Hollow if !on_time_axis && !m.value_text.is_empty() => {
                let anchor = screen(m.x, m.y) - egui::vec2(0.0, 8.0);
                if !place(
                    &painter,
                    ui,
                    &mut taken,
                    frame,
                    &m.value_text,
                    &font,
                    anchor,
                    color,
                    dark,
                    bg,
                ) {
                    omitted += 1;
                }
            }
            _ => {}
        }
    }
    omitted
}

/// Places `text` centred above `anchor` when it covers nothing in `taken` and stays inside
/// `frame`; returns whether it was placed.
#[expect(clippy::too_many_arguments)] // one call site per kind of label
fn place(
    painter: &egui::Painter,
    ui: &egui::Ui,
    taken: &mut Vec<Rect>,
    frame: Rect,
    text: &str,
    font: &egui::FontId,
    anchor: egui::Pos2,
    color: Color32,
    dark: bool,
    inside_fill: Color32,
) -> bool {
    let galley = ui
        .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), text_color_of(color, dark)));
    let size = galley.size();
    let free = |r: &Rect| frame.contains_rect(*r) && !taken.iter().any(|t| t.intersects(*r));
    // Above the mark, else just inside its top (a bar reaching the plot's top).
    let above = Rect::from_min_size(anchor - egui::vec2(size.x / 2.0, size.y), size);
    let inside = above.translate(egui::vec2(0.0, size.y + 6.0));
    let Some(rect) = [above, inside].into_iter().find(free) else {
        return false;
    };
    taken.push(rect.expand(1.0));
    if rect == above {
        painter.galley(rect.min, galley, color);
    } else {
        // On the bar: black or white, whichever reads on its fill.
        let text = readable_on(inside_fill);
        painter.add(
            egui::epaint::TextShape::new(rect.min, galley, text).with_override_text_color(text),
        );
    }
    true
}

/// Stores how many labels plot `kind` left out when last drawn.
pub fn store_omitted(ctx: &egui::Context, kind: PlotKind, omitted: usize) {
    ctx.data_mut(|d| d.insert_temp(plot_id(kind).with("labels omitted"), omitted));
}

/// How many labels plot `kind` left out when last drawn in `ctx` (for the notes).
pub fn labels_omitted(ctx: &egui::Context, kind: PlotKind) -> usize {
    ctx.data(|d| d.get_temp(plot_id(kind).with("labels omitted")))
        .unwrap_or(0)
}
