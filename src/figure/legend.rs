//! The legend of a figure: the name each group shows under, the names it can show, and the
//! legend's style.

use std::collections::HashMap;

use egui_plot::Legend;

use super::PlotView;
use crate::plots::PlotData;

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

/// The legend of `data`: smaller with many series, with the entries hidden in `view` hidden.
pub fn legend_of(data: &PlotData, view: Option<&PlotView>) -> Legend {
    // Many series: a smaller legend, so that it hides less of the plot.
    let entries = data.legend.iter().filter(|e| e.group.is_some()).count();
    let mut legend = Legend::default();
    if entries > 6 {
        legend = legend.text_style(egui::TextStyle::Small);
    }
    if let Some(v) = view {
        legend = legend.hidden_items(v.hidden.iter().map(egui_plot::ItemId::new));
    }
    legend
}
