//! The text around a plot: the title and subtitle above it, the key, notes and source footer
//! below it (the footer lists only the sources of what the view still shows).

use egui::RichText;

use super::PlotView;
use super::legend::group_labels;
use crate::plots::PlotData;

/// The title and subtitle of a figure.
pub fn figure_header_ui(ui: &mut egui::Ui, data: &PlotData) {
    ui.label(RichText::new(&data.title).strong().size(16.0));
    if !data.subtitle.is_empty() {
        ui.weak(&data.subtitle);
    }
}

/// The footer of `data` with the legend entries `hidden`: only the sources of the values still
/// shown.
pub fn footer_for_view(data: &PlotData, hidden: &[String]) -> crate::plots::Footer {
    let labels = group_labels(data);
    let visible: std::collections::HashSet<&crate::model::SourceId> = data
        .marks
        .iter()
        .chain(data.runs.iter().map(|r| &r.template))
        .filter(|m| {
            let name = labels.get(&m.group).unwrap_or(&m.group);
            name.is_empty() || !hidden.contains(name)
        })
        .flat_map(|m| &m.sources)
        .collect();
    let mut f = data.footer.clone();
    let keep: Vec<bool> = f.sources.iter().map(|s| visible.contains(s)).collect();
    fn kept<T: Clone>(list: &[T], keep: &[bool]) -> Vec<T> {
        list.iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(x, _)| x.clone())
            .collect()
    }
    f.sources = kept(&f.sources, &keep);
    if f.source_labels.len() == keep.len() {
        f.source_labels = kept(&f.source_labels, &keep);
    }
    if f.source_names.len() == keep.len() {
        f.source_names = kept(&f.source_names, &keep);
    }
    f
}

/// The notes and the source footer of a figure (plus the legend entries hidden in `view`).
pub fn figure_footer_ui(ui: &mut egui::Ui, data: &PlotData, view: Option<&PlotView>) {
    // The legend's second half: what each mark style means.
    let styles: Vec<&str> = data
        .legend
        .iter()
        .filter(|e| e.group.is_none())
        .map(|e| e.label.as_str())
        .collect();
    let mut key: Vec<&str> = styles;
    if data.marks.iter().any(|m| m.in_conflict.is_some()) {
        key.push("Magenta ring, outline or halo: a figure in a recorded conflict between sources (see below)");
    }
    if !key.is_empty() {
        ui.label(format!("Key: {}", key.join(" · ")));
    }
    for n in &data.notes {
        ui.weak(n);
    }
    let footer = match view {
        Some(v) if !v.hidden.is_empty() => {
            ui.weak(format!("Hidden in this view: {}", v.hidden.join(", ")));
            footer_for_view(data, &v.hidden)
        }
        _ => data.footer.clone(),
    };
    for l in footer.lines() {
        ui.label(RichText::new(l).small());
    }
}
