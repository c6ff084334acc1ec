//! The legend of a figure, outside the plot area: a row of swatches under the subtitle (one per
//! coloured group, names ellipsized; then what the status marks of matrix cells mean), a click
//! hides or shows the group's marks; the name each
//! group shows under and the names it can show.

use std::collections::HashMap;

use egui::{Color32, Sense, TextStyle};

use super::cells::{STATUS_ORDER, status_mark};
use super::colors::{UNKNOWN, group_colors};
use super::marks::is_filled_point;
use super::plot_id;
use crate::model::AdoptionStatus;
use crate::plots::{MarkKind, PlotData};

/// Characters of a legend entry before it is ellipsized.
pub const LEGEND_ENTRY_CHARS: usize = 32;

/// Every name the legend can show for `data`, in order.
pub fn legend_names(data: &PlotData) -> Vec<String> {
    let labels = group_labels(data);
    let mut out: Vec<String> = Vec::new();
    for m in data
        .marks
        .iter()
        .chain(data.runs.iter().map(|r| &r.template))
    {
        let n = labels
            .get(&m.group)
            .cloned()
            .unwrap_or_else(|| m.group.clone());
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Legend label of each group key (a family id shows as the family's name).
pub fn group_labels(data: &PlotData) -> HashMap<String, String> {
    data.legend
        .iter()
        .filter_map(|e| e.group.clone().map(|g| (g, e.label.clone())))
        .collect()
}

/// `s` cut to `max` characters with an ellipsis.
pub fn ellipsized(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The legend names hidden in the plot of `data` as `ctx` last drew it (egui_plot keeps them
/// under the plot's id).
pub fn hidden_names(ctx: &egui::Context, data: &PlotData) -> Vec<String> {
    let Some(mem) = egui_plot::PlotMemory::load(ctx, plot_id(data.kind)) else {
        return Vec::new();
    };
    legend_names(data)
        .into_iter()
        .filter(|n| mem.hidden_items.contains(&egui_plot::ItemId::new(n)))
        .collect()
}

/// Stores `hidden` as the hidden legend names of `data`'s plot (when it has been drawn once).
pub fn set_hidden_names(ctx: &egui::Context, data: &PlotData, hidden: &[String]) {
    let id = plot_id(data.kind);
    if let Some(mut mem) = egui_plot::PlotMemory::load(ctx, id) {
        let want: egui_plot::ItemIdSet = hidden.iter().map(egui_plot::ItemId::new).collect();
        if mem.hidden_items != want {
            mem.hidden_items = want;
            mem.store(ctx, id);
        }
    }
}

/// The legend row of `data` under the subtitle: a swatch and the name of each coloured group,
/// wrapped over as many rows as the width needs. A click on an entry hides or shows its marks
/// (the window); groups hidden are drawn faded (an export's footer names them too).
pub fn legend_row_ui(ui: &mut egui::Ui, data: &PlotData) {
    let entries: Vec<_> = data
        .legend
        .iter()
        .filter_map(|e| e.group.as_ref().map(|g| (g, e)))
        .collect();
    let statuses = statuses_shown(data);
    // One group needs no key: the title says what is shown.
    let swatches = entries.len() >= 2;
    if !swatches && statuses.is_empty() {
        return;
    }
    let dark = ui.visuals().dark_mode;
    let colors = group_colors(data, dark);
    let hidden = hidden_names(ui.ctx(), data);
    let mut toggled: Option<String> = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 14.0;
        for (group, e) in entries.into_iter().filter(|_| swatches) {
            let is_hidden = hidden.contains(&e.label);
            let color = colors.get(group).copied().unwrap_or(UNKNOWN);
            if entry_ui(ui, &e.label, color, e.mark, is_hidden)
                .on_hover_text(if is_hidden {
                    format!("{}: hidden; click to show", e.label)
                } else {
                    format!("{}: {} marks; click to hide", e.label, e.count)
                })
                .clicked()
            {
                toggled = Some(e.label.clone());
            }
        }
        // What the marks in matrix cells mean.
        for status in statuses {
            status_entry_ui(ui, status);
        }
    });
    if let Some(name) = toggled {
        let mut now = hidden;
        if let Some(at) = now.iter().position(|n| n == &name) {
            now.remove(at);
        } else {
            now.push(name);
        }
        set_hidden_names(ui.ctx(), data, &now);
    }
}

/// The statuses of the matrix cells of `data`, in the key's order.
fn statuses_shown(data: &PlotData) -> Vec<AdoptionStatus> {
    STATUS_ORDER
        .into_iter()
        .filter(|s| {
            data.marks
                .iter()
                .any(|m| m.kind == MarkKind::Cell && m.status == Some(*s))
        })
        .collect()
}

/// One entry of the status key: the mark a cell carries and the status it stands for.
fn status_entry_ui(ui: &mut egui::Ui, status: AdoptionStatus) {
    let font = TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let galley = ui
        .painter()
        .layout_no_wrap(status.label().to_owned(), font, color);
    let swatch = 12.0;
    let gap = 5.0;
    let size = egui::vec2(swatch + gap + galley.size().x, galley.size().y.max(swatch));
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, status.label()));
    let c = egui::pos2(rect.left() + swatch / 2.0, rect.center().y);
    ui.painter()
        .extend(status_mark(status, c, swatch / 2.0 - 1.0, color));
    ui.painter().galley(
        egui::pos2(
            rect.left() + swatch + gap,
            rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        color,
    );
    response.on_hover_text(format!(
        "Cell mark: status {}",
        status.label().to_lowercase()
    ));
}

/// One legend entry: the swatch (a disk for points, a square for bars and cells, a bar for
/// spans) and the name, ellipsized.
fn entry_ui(
    ui: &mut egui::Ui,
    label: &str,
    color: Color32,
    mark: MarkKind,
    hidden: bool,
) -> egui::Response {
    let text = ellipsized(label, LEGEND_ENTRY_CHARS);
    let font = TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(text, font, text_color);
    let swatch = 12.0;
    let gap = 5.0;
    let size = egui::vec2(swatch + gap + galley.size().x, galley.size().y.max(swatch));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, !hidden, label));
    let color = if hidden {
        color.gamma_multiply(0.3)
    } else {
        color
    };
    let c = egui::pos2(rect.left() + swatch / 2.0, rect.center().y);
    let painter = ui.painter();
    if is_filled_point(mark) || matches!(mark, MarkKind::Hollow) {
        painter.circle_filled(c, swatch / 2.0 - 1.0, color);
    } else if matches!(mark, MarkKind::YearSpan | MarkKind::TimeSpan) {
        painter.rect_filled(
            egui::Rect::from_center_size(c, egui::vec2(swatch, 4.0)),
            1.0,
            color,
        );
    } else {
        painter.rect_filled(
            egui::Rect::from_center_size(c, egui::vec2(swatch - 2.0, swatch - 2.0)),
            1.0,
            color,
        );
    }
    let text_pos = egui::pos2(
        rect.left() + swatch + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    let shown = if hidden {
        ui.visuals().weak_text_color()
    } else {
        text_color
    };
    painter.galley(text_pos, galley, shown);
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_names_are_ellipsized() {
        assert_eq!(super::ellipsized("China", 32), "China");
        let long = super::ellipsized(&"x".repeat(50), 32);
        assert_eq!(long.chars().count(), 32);
        assert!(long.ends_with('…'));
    }
}
