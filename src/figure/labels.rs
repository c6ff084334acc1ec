//! The texts a plot draws on its marks, painted after the plot with the transform it was drawn
//! with: the open outline of "up to" and "at least" bars, value labels over bars ("up to 90%")
//! and hollow markers ("about 90%"), and matrix cells (`cells`). A label goes to the first spot
//! of its mark's list (above, inside the top, beside, below) where it covers no other label,
//! ring, mark or the plot's edge; one that cannot be placed is left out and counted (the notes
//! say "3 labels omitted").

use std::collections::HashMap;

use egui::{Color32, Rect};

use super::cells::paint_cell;
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
    super::axes::paint_upward_names(ui, data, transform);
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
    let taken: Vec<Rect> = args
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
    // Bars and hollow markers too: a label beside its own mark never covers another one.
    let marks: Vec<(usize, Rect)> = if data.x_axis.scale == Scale::Time {
        Vec::new()
    } else {
        args.vector
            .iter()
            .map(|&i| (i, &data.marks[i]))
            .filter(|(_, m)| shown(m))
            .filter_map(|(i, m)| {
                let r = match m.kind {
                    k if k.is_bar() => {
                        let w = if m.width > 0.0 { m.width } else { 0.6 };
                        Rect::from_two_pos(
                            screen(m.x - w / 2.0, m.y),
                            screen(m.x + w / 2.0, m.y2.unwrap_or(0.0)),
                        )
                    }
                    MarkKind::Hollow => {
                        Rect::from_center_size(screen(m.x, m.y), egui::Vec2::splat(14.0))
                    }
                    _ => return None,
                };
                Some((i, r))
            })
            .collect()
    };
    let mut placer = Placer {
        painter: &painter,
        ui,
        frame,
        font: &font,
        dark,
        taken,
        marks,
    };
    let on_time_axis = data.x_axis.scale == Scale::Time;
    let mut omitted = 0;
    for &i in args.vector {
        let m = &data.marks[i];
        if !shown(m) {
            continue;
        }
        let color = args.colors.get(&m.group).copied().unwrap_or(UNKNOWN);
        match m.kind {
            MarkKind::Cell => {
                let w = if m.width > 0.0 { m.width } else { 1.0 };
                let inset = w * 0.03;
                let a = screen(m.x - w / 2.0 + inset, m.y + 0.45);
                let b = screen(m.x + w / 2.0 - inset, m.y - 0.45);
                let cell = Rect::from_two_pos(a, b);
                if paint_cell(ui, &painter, m, cell, color, bg, &font) {
                    omitted += 1;
                }
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
                let alpha = match m.kind {
                    MarkKind::UpTo | MarkKind::AtLeast => 0.25,
                    MarkKind::Range => 0.5,
                    _ => 1.0,
                };
                let fill = over(color.gamma_multiply(alpha), bg);
                let w = if m.width > 0.0 { m.width } else { 0.6 };
                let top = screen(m.x, m.y);
                let half = (screen(m.x + w / 2.0, m.y).x - top.x).abs();
                let spots = [
                    Spot::Above(top - egui::vec2(0.0, 2.0)),
                    Spot::Inside(top + egui::vec2(0.0, 4.0)),
                    Spot::Right(top + egui::vec2(half + 3.0, 0.0)),
                    Spot::Left(top - egui::vec2(half + 3.0, 0.0)),
                ];
                let label = Label {
                    text: &text,
                    color,
                    inside_fill: fill,
                };
                if !placer.place(i, &label, &spots) {
                    omitted += 1;
                }
            }
            MarkKind::Hollow if !on_time_axis && !m.value_text.is_empty() => {
                // Above the marker, else above, beside or below the ring it may carry.
                let c = screen(m.x, m.y);
                let r = RING_CLEARANCE;
                let spots = [
                    Spot::Above(c - egui::vec2(0.0, 8.0)),
                    Spot::Above(c - egui::vec2(0.0, r + 1.0)),
                    Spot::Right(c + egui::vec2(r + 1.0, 0.0)),
                    Spot::Left(c - egui::vec2(r + 1.0, 0.0)),
                    Spot::Below(c + egui::vec2(0.0, r + 1.0)),
                ];
                let label = Label {
                    text: &m.value_text,
                    color,
                    inside_fill: bg,
                };
                if !placer.place(i, &label, &spots) {
                    omitted += 1;
                }
            }
            _ => {}
        }
    }
    omitted
}

/// Where a value label may go, tried in order: the point it hangs from and how.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Spot {
    /// Centred above the point (over a bar's top, over a marker).
    Above(egui::Pos2),
    /// Centred below the point, on the mark's fill (inside a bar's top).
    Inside(egui::Pos2),
    /// Left edge at the point, centred vertically (beside a bar's top or a marker).
    Right(egui::Pos2),
    /// Right edge at the point, centred vertically.
    Left(egui::Pos2),
    /// Centred below the point, on the plot's background (under a marker).
    Below(egui::Pos2),
}

impl Spot {
    /// The box a label of `size` takes at this spot.
    fn rect(self, size: egui::Vec2) -> Rect {
        let min = match self {
            Spot::Above(p) => p - egui::vec2(size.x / 2.0, size.y),
            Spot::Inside(p) | Spot::Below(p) => p - egui::vec2(size.x / 2.0, 0.0),
            Spot::Right(p) => p - egui::vec2(0.0, size.y / 2.0),
            Spot::Left(p) => p - egui::vec2(size.x, size.y / 2.0),
        };
        Rect::from_min_size(min, size)
    }
}

/// A value label: its text, its mark's colour and the fill it would sit on inside the mark.
struct Label<'a> {
    text: &'a str,
    color: Color32,
    inside_fill: Color32,
}

/// Places value labels where they cover nothing: the plot's edge, rings, marks other than
/// their own, labels placed before.
struct Placer<'a> {
    painter: &'a egui::Painter,
    ui: &'a egui::Ui,
    frame: Rect,
    font: &'a egui::FontId,
    dark: bool,
    /// Rings and the labels placed so far.
    taken: Vec<Rect>,
    /// Marks a label must not cover (each with its mark's index).
    marks: Vec<(usize, Rect)>,
}

impl Placer<'_> {
    /// Places the label of mark `own` at the first of `spots` where it covers nothing and
    /// stays inside the plot; returns whether it was placed.
    fn place(&mut self, own: usize, label: &Label<'_>, spots: &[Spot]) -> bool {
        let galley = self.ui.fonts_mut(|f| {
            f.layout_no_wrap(
                label.text.to_owned(),
                self.font.clone(),
                text_color_of(label.color, self.dark),
            )
        });
        let size = galley.size();
        let free = |r: &Rect| {
            self.frame.contains_rect(*r)
                && !self.taken.iter().any(|t| t.intersects(*r))
                && !self
                    .marks
                    .iter()
                    .any(|(i, m)| *i != own && m.shrink(0.5).intersects(*r))
        };
        let Some((spot, rect)) = spots
            .iter()
            .map(|s| (*s, s.rect(size)))
            .find(|(_, r)| free(r))
        else {
            return false;
        };
        self.taken.push(rect.expand(1.0));
        if let Spot::Inside(_) = spot {
            // On the mark: black or white, whichever reads on its fill.
            let text = readable_on(label.inside_fill);
            self.painter.add(
                egui::epaint::TextShape::new(rect.min, galley, text).with_override_text_color(text),
            );
        } else {
            self.painter.galley(rect.min, galley, label.color);
        }
        true
    }
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
