//! The text around a plot: the title and subtitle above it, the key, notes and source footer
//! below it (the footer credits only the sources of what the view still shows, in a source
//! line of at most two lines at the figure's width).

use egui::RichText;

use super::PlotView;
use super::legend::{group_labels, legend_row_ui};
use crate::plots::PlotData;

/// The smallest text of a figure at 1x, in points (notes, source line): at 10 points its rows
/// round alike at every pixel density, so a 4x export is exactly twice the 2x one. Texts in the
/// plot (value labels, cells) take [`super::labels::LABEL_TEXT`].
pub const FIGURE_SMALL_TEXT: f32 = 10.0;

/// The figure's text style on `ui`: small text at [`FIGURE_SMALL_TEXT`], secondary text with the
/// contrast rule's colour in this theme (egui's own weak text is fainter than 4.5:1).
pub fn apply_figure_style(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    let style = ui.style_mut();
    if let Some(f) = style.text_styles.get_mut(&egui::TextStyle::Small) {
        f.size = f.size.max(FIGURE_SMALL_TEXT);
    }
    style.visuals.weak_text_color = Some(super::colors::weak_text_color(dark));
}

/// The title and subtitle of a figure, and its legend row.
pub fn figure_header_ui(ui: &mut egui::Ui, data: &PlotData) {
    ui.scope(|ui| {
        apply_figure_style(ui);
        ui.label(RichText::new(&data.title).strong().size(16.0));
        if !data.subtitle.is_empty() {
            ui.weak(&data.subtitle);
        }
        legend_row_ui(ui, data);
    });
}

/// The footer of `data` with the legend entries `hidden`: only the sources of the values still
/// shown.
pub fn footer_for_view(data: &PlotData, hidden: &[String]) -> crate::plots::Footer {
    let labels = group_labels(data);
    data.footer.for_shown(data, &|m| {
        let name = labels.get(&m.group).unwrap_or(&m.group);
        name.is_empty() || !hidden.contains(name)
    })
}

/// Lines of the footer's source line at most, at the figure's width.
pub const SOURCE_LINE_ROWS: usize = 2;

/// The footer's lines as `ui` draws them: the source line as long as fits in
/// [`SOURCE_LINE_ROWS`] lines of the footer's small text at `ui`'s available width (measured by
/// egui's own text layout), the rest as [`crate::plots::Footer::lines`].
pub fn footer_lines_ui(ui: &egui::Ui, footer: &crate::plots::Footer) -> Vec<String> {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let width = ui.available_width();
    let color = ui.visuals().text_color();
    footer.lines_fitting(&|line: &str| {
        ui.fonts_mut(|f| f.layout(line.to_owned(), font.clone(), color, width))
            .rows
            .len()
            <= SOURCE_LINE_ROWS
    })
}

/// The notes and the source footer of a figure (plus the legend entries hidden in `view`).
pub fn figure_footer_ui(ui: &mut egui::Ui, data: &PlotData, view: Option<&PlotView>) {
    ui.scope(|ui| {
        apply_figure_style(ui);
        footer_ui(ui, data, view);
    });
}

fn footer_ui(ui: &mut egui::Ui, data: &PlotData, view: Option<&PlotView>) {
    // The legend's second half: what each mark style means.
    let styles: Vec<&str> = data
        .legend
        .iter()
        .filter(|e| e.group.is_none())
        .map(|e| e.label.as_str())
        .collect();
    let mut key: Vec<&str> = styles;
    let filled = data
        .marks
        .iter()
        .filter(|m| super::marks::is_filled_point(m.kind))
        .count()
        + data.runs.iter().map(|r| r.points.len()).sum::<usize>();
    if filled >= super::dense::DENSE_MIN {
        key.push(super::dense::density_key(ui.visuals().dark_mode));
    }
    if data.marks.iter().any(|m| m.in_conflict.is_some()) {
        key.push("Magenta ring, outline or halo: a figure in a recorded conflict between sources (see below)");
    }
    if !key.is_empty() {
        ui.label(format!("Key: {}", key.join(" · ")));
    }
    for n in &data.notes {
        ui.weak(n);
    }
    let omitted = super::labels::labels_omitted(ui.ctx(), data.kind);
    if omitted > 0 {
        ui.weak(if omitted == 1 {
            "1 label omitted: no room without covering another".to_owned()
        } else {
            format!("{omitted} labels omitted: no room without covering others")
        });
    }
    let footer = match view {
        Some(v) if !v.hidden.is_empty() => {
            ui.weak(format!("Hidden in this view: {}", v.hidden.join(", ")));
            footer_for_view(data, &v.hidden)
        }
        _ => data.footer.clone(),
    };
    for l in footer_lines_ui(ui, &footer) {
        ui.label(RichText::new(l).small());
    }
}
