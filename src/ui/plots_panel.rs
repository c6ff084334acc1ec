//! The plots area: a selector (the summary, then each plot), the plot drawn from the dataset as
//! the lists narrow it, with hover details, click-to-select, legend, notes and source footer.

use std::sync::Arc;

use egui::{Color32, RichText};
use egui_plot::{
    GridInput, GridMark, Legend, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Polygon,
    VLine,
};

use super::dense::{DENSE_MIN, DenseGroup, DenseImage, DenseLayer, covers, rasterize};
use super::palette;
use crate::app::explorer::{Explorer, ListQuery, ListTab};
use crate::app::{Action, AppState};
use crate::model::{Dataset, RecordRef};
use crate::plots::{
    DeriveOptions, GroupBy, GroupKind, Mark, MarkKind, PlotData, PlotKind, Scale, derive_with,
    nearest_mark,
};

/// What the plots area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlotChoice {
    /// The dataset in numbers.
    #[default]
    Summary,
    /// One of the plots.
    Plot(PlotKind),
}

/// How the plots are drawn and exported (kept between sessions).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PlotOptions {
    /// Count axes (model size, downloads) on a linear instead of a log scale.
    pub linear: bool,
    /// Model-size plot coloured by family instead of developer country.
    pub by_family: bool,
    /// Pixel density of exported images: 1, 2 or 4.
    pub export_scale: u8,
}

impl Default for PlotOptions {
    fn default() -> Self {
        Self {
            linear: false,
            by_family: false,
            export_scale: 2,
        }
    }
}

impl PlotOptions {
    /// The derivation options these stand for.
    pub fn derive_options(&self) -> DeriveOptions {
        DeriveOptions {
            group_by: if self.by_family {
                GroupBy::Family
            } else {
                GroupBy::Country
            },
            linear: self.linear,
        }
    }
}

/// What the plots area asks the window to do with the plot shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotCommand {
    /// Save the figure as a PNG (File > Export plot image...).
    ExportImage,
    /// Put the figure on the clipboard.
    CopyImage,
    /// Save the plotted values as CSV.
    ExportData,
}

/// The derived plot, kept until the data, the query or the plot changes.
#[derive(Debug, Default)]
pub struct PlotCache {
    key: Option<(u64, usize, ListQuery, PlotKind, DeriveOptions)>,
    data: Option<Arc<PlotData>>,
    /// Size (points) of the figure as last shown, for exports "as shown".
    pub figure_size: Option<egui::Vec2>,
    /// Height (points) of the plot as last shown.
    pub plot_height: Option<f32>,
}

impl PlotCache {
    /// The plot drawn last, if any.
    pub fn current(&self) -> Option<Arc<PlotData>> {
        self.data.clone()
    }

    /// The plot `kind` of the open dataset as the lists narrow it.
    pub fn get(
        &mut self,
        state: &AppState,
        explorer: &mut Explorer,
        kind: PlotKind,
        options: &DeriveOptions,
    ) -> Arc<PlotData> {
        let ds = &state.doc.dataset;
        let key = (
            state.doc.revision,
            Arc::as_ptr(ds) as usize,
            state.query.clone(),
            kind,
            options.clone(),
        );
        if self.key.as_ref() == Some(&key)
            && let Some(d) = &self.data
        {
            return Arc::clone(d);
        }
        let rev = state.doc.revision;
        let ix = explorer.index(ds, rev);
        let orgs = explorer
            .rows(ds, rev, ListTab::Organizations, &state.query)
            .to_vec();
        let models = explorer
            .rows(ds, rev, ListTab::Models, &state.query)
            .to_vec();
        let filters = state.query.describe(kind.list_tab(), ds);
        let data = Arc::new(derive_with(kind, ds, &ix, &orgs, &models, filters, options));
        self.key = Some(key);
        self.data = Some(Arc::clone(&data));
        data
    }
}

/// The colour of a mark's group.
pub fn group_color(kind: GroupKind, group: &str) -> Color32 {
    match kind {
        GroupKind::Country => palette::country_color(group),
        GroupKind::Family => palette::family_color(group),
        GroupKind::Metric | GroupKind::Series => palette::family_color(group),
    }
}

/// The colour of each group of `data`: countries and families keep their own colours
/// everywhere; metrics and series take the palette in legend order.
pub fn group_colors(data: &PlotData) -> std::collections::HashMap<String, Color32> {
    let mut out = std::collections::HashMap::new();
    let mut next = 0;
    for e in &data.legend {
        let Some(g) = &e.group else {
            continue;
        };
        let c = match data.group_kind {
            GroupKind::Country | GroupKind::Family => group_color(data.group_kind, g),
            GroupKind::Metric | GroupKind::Series => {
                next += 1;
                palette::OKABE_ITO[(next - 1) % palette::OKABE_ITO.len()]
            }
        };
        out.insert(g.clone(), c);
    }
    out
}

/// The selector, the plot's options and export buttons, and the chosen plot. Returns whether a
/// plot (not the summary) is shown; an export button sets `command`.
#[allow(clippy::too_many_arguments)]
pub fn plots_area_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    explorer: &mut Explorer,
    cache: &mut PlotCache,
    choice: &mut PlotChoice,
    options: &mut PlotOptions,
    command: &mut Option<PlotCommand>,
    actions: &mut Vec<Action>,
) -> bool {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Show:");
        let text = match choice {
            PlotChoice::Summary => "Summary".to_owned(),
            PlotChoice::Plot(k) => k.title().to_owned(),
        };
        egui::ComboBox::from_id_salt("plot_choice")
            .selected_text(text)
            .width(ui.available_width().min(220.0))
            .show_ui(ui, |ui| {
                ui.selectable_value(choice, PlotChoice::Summary, "Summary");
                for k in PlotKind::ALL {
                    ui.selectable_value(choice, PlotChoice::Plot(k), k.title());
                }
            })
            .response
            .labelled_by(label.id);
    });
    let PlotChoice::Plot(kind) = *choice else {
        ui.separator();
        return false;
    };
    ui.horizontal_wrapped(|ui| {
        if matches!(kind, PlotKind::ModelSize | PlotKind::Downloads) {
            let mut log = !options.linear;
            if ui
                .checkbox(&mut log, "Log scale")
                .on_hover_text(
                    "Counts on a log scale (ticks at powers of ten); off: a linear scale,                      where zero values show too",
                )
                .changed()
            {
                options.linear = !log;
            }
        }
        if kind == PlotKind::ModelSize {
            ui.checkbox(&mut options.by_family, "Colour by family")
                .on_hover_text("Colour the points by model family instead of developer country");
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Export image…")
            .on_hover_text(
                "Save the figure as shown (title, legend, source footer) as a PNG (Ctrl+E)",
            )
            .clicked()
        {
            *command = Some(PlotCommand::ExportImage);
        }
        let label = ui.label("at");
        egui::ComboBox::from_id_salt("export_scale")
            .selected_text(format!("{}x", options.export_scale))
            .width(48.0)
            .show_ui(ui, |ui| {
                for s in [1u8, 2, 4] {
                    ui.selectable_value(&mut options.export_scale, s, format!("{s}x"));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Pixel density of exported and copied images");
        if ui
            .button("Copy image")
            .on_hover_text("Put the figure on the clipboard, to paste into slides")
            .clicked()
        {
            *command = Some(PlotCommand::CopyImage);
        }
        if ui
            .button("Export data…")
            .on_hover_text("Save the plotted values as CSV: one row per mark, with its sources")
            .clicked()
        {
            *command = Some(PlotCommand::ExportData);
        }
    });
    ui.separator();
    let data = cache.get(state, explorer, kind, &options.derive_options());
    let size = ui.available_size();
    cache.figure_size = Some(size);
    let (_, plot_height) = plot_ui(
        ui,
        &state.doc.dataset,
        &data,
        state.selection.current(),
        actions,
    );
    // The export keeps the plot as high as it was drawn here.
    cache.plot_height = Some(plot_height);
    true
}

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

/// A category label broken into lines at its natural joints ("Org: metric (source) —
/// baseline"), long parts word-wrapped at about 24 characters.
fn wrap_label(l: &str) -> String {
    let joints = l
        .replacen(": ", ":\n", 1)
        .replacen(" (", "\n(", 1)
        .replacen(" — ", "\n", 1);
    let mut out: Vec<String> = Vec::new();
    for part in joints.lines() {
        let mut line = String::new();
        for word in part.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 24 {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out.join("\n")
}

/// The ring around figures in a recorded conflict (magenta: in no palette, readable on light
/// and dark).
const CONFLICT_RING: Color32 = Color32::from_rgb(0xE0, 0x1E, 0xC8);

/// The egui id of plot `kind`'s drawing (its zoom, pan and hidden series live under it).
pub fn plot_id(kind: PlotKind) -> egui::Id {
    egui::Id::unique(("aae-plot", kind))
}

/// What the user set up on a plot beyond the data: its bounds and hidden legend entries. An
/// export draws the plot with the same view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlotView {
    /// Bounds shown, `[min_x, min_y, max_x, max_y]` in plot coordinates; `None` fits the data.
    pub bounds: Option<[f64; 4]>,
    /// Legend entries hidden (by legend name).
    pub hidden: Vec<String>,
}

impl PlotView {
    /// The view of `data`'s plot as last drawn in `ctx` (default when never drawn).
    pub fn capture(ctx: &egui::Context, data: &PlotData) -> Self {
        let Some(mem) = egui_plot::PlotMemory::load(ctx, plot_id(data.kind)) else {
            return Self::default();
        };
        let b = mem.bounds();
        let bounds = b
            .is_valid()
            .then(|| [b.min()[0], b.min()[1], b.max()[0], b.max()[1]]);
        let hidden = legend_names(data)
            .into_iter()
            .filter(|n| mem.hidden_items.contains(&egui_plot::ItemId::new(n)))
            .collect();
        Self { bounds, hidden }
    }
}

/// Every name the legend can show for `data`, in order.
fn legend_names(data: &PlotData) -> Vec<String> {
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
fn group_labels(data: &PlotData) -> std::collections::HashMap<String, String> {
    data.legend
        .iter()
        .filter_map(|e| e.group.clone().map(|g| (g, e.label.clone())))
        .collect()
}

/// What one drawing of a figure did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureStats {
    /// Marks drawn (vector marks plus markers in the dense image).
    pub marks_drawn: usize,
    /// Markers drawn as a dense image (part of `marks_drawn`).
    pub dense: usize,
}

/// What a drawing of one figure needs.
pub struct FigureArgs<'a> {
    /// The dataset (for source titles in tooltips).
    pub ds: &'a Dataset,
    /// The derived plot.
    pub data: &'a Arc<PlotData>,
    /// The selected record, ringed in the plot.
    pub selected: Option<&'a RecordRef>,
    /// The view to draw (an export); `None` in the window, where the user's zoom lives in
    /// egui_plot's memory.
    pub view: Option<&'a PlotView>,
    /// Interactive (the window: hover, click) or not (an export).
    pub interactive: bool,
    /// A layout pass of an export: the dense image is not rasterized (the final pass does).
    pub layout_only: bool,
}

/// What a plot's drawing keeps between frames: which marks are drawn as vectors and which as a
/// dense image, the marks of the selected record, the last hover pick and the dense image.
#[derive(Default)]
struct FigureCache {
    data: Option<Arc<PlotData>>,
    dense: Arc<DenseLayer>,
    vector: Vec<usize>,
    selected: Option<RecordRef>,
    selected_marks: Vec<usize>,
    last_pick: Option<([f32; 2], [f64; 4], Option<usize>)>,
    image: Option<DenseImage>,
    /// Colour of each group.
    colors: std::collections::HashMap<String, Color32>,
    /// The names the legend can show.
    legend: Vec<String>,
    /// Lowest and highest y of the marks (lines across the plot aside).
    y_extent: Option<(f64, f64)>,
}

type SharedCache = Arc<std::sync::Mutex<FigureCache>>;

fn figure_cache(ctx: &egui::Context, kind: PlotKind) -> SharedCache {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(plot_id(kind).with("cache"), SharedCache::default)
            .clone()
    })
}

fn is_filled_point(k: MarkKind) -> bool {
    matches!(
        k,
        MarkKind::Point | MarkKind::TotalParams | MarkKind::ActiveParams | MarkKind::Adoption
    )
}

fn marker_radius_of(m: &Mark) -> f32 {
    if m.size > 0.0 { m.size as f32 } else { 4.0 }
}

impl FigureCache {
    fn refresh(&mut self, ds: &Dataset, data: &Arc<PlotData>, selected: Option<&RecordRef>) {
        let same = self.data.as_ref().is_some_and(|d| Arc::ptr_eq(d, data));
        if !same {
            let colors = group_colors(data);
            let run_points: usize = data.runs.iter().map(|r| r.points.len()).sum();
            let filled = data
                .marks
                .iter()
                .filter(|m| is_filled_point(m.kind))
                .count()
                + run_points;
            let mut layer = DenseLayer::default();
            let mut vector = Vec::new();
            if filled >= DENSE_MIN {
                let labels = group_labels(data);
                let mut slot: std::collections::HashMap<(String, u32), usize> = Default::default();
                let mut add =
                    |layer: &mut DenseLayer, m: &Mark, pts: &mut dyn Iterator<Item = [f64; 2]>| {
                        let r = marker_radius_of(m);
                        let key = (m.group.clone(), (r * 10.0) as u32);
                        let at = *slot.entry(key).or_insert_with(|| {
                            layer.groups.push(DenseGroup {
                                name: labels
                                    .get(&m.group)
                                    .cloned()
                                    .unwrap_or_else(|| m.group.clone()),
                                color: colors.get(&m.group).copied().unwrap_or(palette::UNKNOWN),
                                // Small markers: in a crowd, overlap hides more than size shows.
                                radius: r.min(1.0),
                                points: Vec::new(),
                            });
                            layer.groups.len() - 1
                        });
                        layer.groups[at].points.extend(pts);
                    };
                for (i, m) in data.marks.iter().enumerate() {
                    if is_filled_point(m.kind) {
                        add(&mut layer, m, &mut std::iter::once([m.x, m.y]));
                    } else {
                        vector.push(i);
                    }
                }
                for r in &data.runs {
                    add(
                        &mut layer,
                        &r.template,
                        &mut r.points.iter().map(|p| [p.x, p.y]),
                    );
                }
                layer.update_extent();
            } else {
                vector = (0..data.marks.len()).collect();
            }
            let mut y_extent: Option<(f64, f64)> = None;
            for m in data.marks.iter().filter(|m| !m.kind.is_vertical_line()) {
                for y in [Some(m.y), m.y2].into_iter().flatten() {
                    if y.is_finite() {
                        y_extent = Some(y_extent.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                    }
                }
            }
            for r in &data.runs {
                for p in &r.points {
                    if p.y.is_finite() {
                        let y = p.y;
                        y_extent = Some(y_extent.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                    }
                }
            }
            self.y_extent = y_extent;
            self.colors = colors;
            self.legend = legend_names(data);
            self.data = Some(Arc::clone(data));
            self.dense = Arc::new(layer);
            self.vector = vector;
            self.selected = None;
            self.selected_marks.clear();
            self.last_pick = None;
            self.image = None;
            self.refresh_selection(ds, data, selected, true);
        } else {
            self.refresh_selection(ds, data, selected, false);
        }
    }

    /// The marks to ring: those of the selected record and of the records that belong to it
    /// (an organization's models, adoptions and the figures about them...).
    fn refresh_selection(
        &mut self,
        ds: &Dataset,
        data: &PlotData,
        selected: Option<&RecordRef>,
        force: bool,
    ) {
        if !force && self.selected.as_ref() == selected {
            return;
        }
        self.selected = selected.cloned();
        self.selected_marks = match selected {
            None => Vec::new(),
            Some(r) => {
                let related = crate::plots::related_records(ds, r);
                let belongs = |m: &Mark| m.record.as_ref().is_some_and(|x| related.contains(x));
                let mut out: Vec<usize> = data
                    .marks
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| belongs(m))
                    .map(|(i, _)| i)
                    .collect();
                // A long series is ringed only when few enough points to read the rings.
                let mut start = data.marks.len();
                for run in &data.runs {
                    if belongs(&run.template) && run.points.len() <= 500 {
                        out.extend(start..start + run.points.len());
                    }
                    start += run.points.len();
                }
                out
            }
        };
    }
}

/// Formats a value on a linear count axis compactly: 2.5B, 300M, 12K, 0.5.
fn compact_number(v: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            s
        }
    };
    for (base, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if v.abs() >= base {
            return format!("{}{suffix}", trim(format!("{:.2}", v / base)));
        }
    }
    trim(format!("{v:.2}"))
}

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

/// Draws the plot itself (axes, marks, legend) `height` points high. Returns what was drawn.
pub fn plot_only_ui(
    ui: &mut egui::Ui,
    args: &FigureArgs<'_>,
    height: f32,
    actions: &mut Vec<Action>,
) -> FigureStats {
    let data: &PlotData = args.data;
    let cache = figure_cache(ui.ctx(), data.kind);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    cache.refresh(args.ds, args.data, args.selected);
    let dense = Arc::clone(&cache.dense);

    let x_ticks = data.x_axis.ticks.clone();
    let y_ticks = data.y_axis.ticks.clone();
    let x_scale = data.x_axis.scale.clone();
    // Many series: a smaller legend, so that it hides less of the plot.
    let entries = data.legend.iter().filter(|e| e.group.is_some()).count();
    let mut legend = Legend::default();
    if entries > 6 {
        legend = legend.text_style(egui::TextStyle::Small);
    }
    if let Some(v) = args.view {
        legend = legend.hidden_items(v.hidden.iter().map(egui_plot::ItemId::new));
    }
    let mut plot = Plot::new(("plot", data.kind))
        .id(plot_id(data.kind))
        .height(height)
        .legend(legend)
        .allow_boxed_zoom(args.interactive)
        .allow_double_click_reset(args.interactive)
        .allow_drag(args.interactive)
        .allow_zoom(args.interactive)
        .allow_scroll(args.interactive)
        .show_crosshair(false)
        // The background is painted under the dense image (see below).
        .show_background(false);
    if let Some([x0, y0, x1, y1]) = dense.extent {
        plot = plot.include_x(x0).include_x(x1).include_y(y0).include_y(y1);
    }
    if let Scale::Category(names) = &data.x_axis.scale
        && !names.is_empty()
    {
        plot = plot.include_x(-0.6).include_x(names.len() as f64 - 0.4);
    }
    // A linear axis starts at the data (bars start at zero: no "-1" below them); the top gets
    // the legend's headroom below.
    if data.y_axis.scale == Scale::Linear {
        plot = plot.set_margin_fraction(egui::vec2(0.05, 0.0));
    }
    // Headroom above the marks for the legend in the top corner.
    if let Some((lo, hi)) = cache.y_extent {
        let span = if hi > lo { hi - lo } else { 1.0 };
        plot = plot.include_y(hi + 0.22 * span);
    }
    // Ticks only inside the shown range: egui_plot would otherwise label ticks past the edges.
    let in_range = |ticks: Vec<(f64, String)>| {
        move |input: GridInput| {
            let (lo, hi) = input.bounds;
            let eps = (hi - lo).abs() * 1e-9;
            ticks
                .iter()
                .filter(|(v, _)| *v >= lo - eps && *v <= hi + eps)
                .map(|(v, _)| GridMark {
                    value: *v,
                    step_size: 1.0,
                })
                .collect()
        }
    };
    // Years and wrapped category names are narrow: label ticks closer than egui_plot's default.
    let mut x_axis = egui_plot::AxisHints::new_x()
        .label(data.x_axis.title.clone())
        .label_spacing(34.0..=48.0);
    if !x_ticks.is_empty() {
        // Category names break into short lines so that neighbours do not collide.
        let wrap = matches!(data.x_axis.scale, Scale::Category(_));
        plot = plot.x_grid_spacer(in_range(x_ticks.clone()));
        x_axis = x_axis.formatter(move |m, _| {
            let l = tick_label(&x_ticks, m.value);
            if wrap { wrap_label(&l) } else { l }
        });
    } else if x_scale == Scale::Time {
        // Calendar ticks: decades, years, quarters and months, labelled as dates.
        plot = plot.x_grid_spacer(time_grid);
        x_axis = x_axis.formatter(|m, _| time_label(m.value, m.step_size));
    }
    plot = plot.custom_x_axes(vec![x_axis]);
    // Powers of ten and category rows are labelled even when close together; plain numbers
    // keep egui_plot's spacing.
    let y_spacing = if data.y_axis.scale == Scale::Linear {
        20.0..=30.0
    } else {
        12.0..=20.0
    };
    let mut y_axis = egui_plot::AxisHints::new_y()
        .label(data.y_axis.title.clone())
        .label_spacing(y_spacing);
    if !y_ticks.is_empty() {
        plot = plot.y_grid_spacer(in_range(y_ticks.clone()));
        y_axis = y_axis.formatter(move |m, _| tick_label(&y_ticks, m.value));
    } else if data.y_axis.scale == Scale::Linear {
        y_axis = y_axis.formatter(|m, _| compact_number(m.value));
    }
    plot = plot.custom_y_axes(vec![y_axis]);

    // A slot under everything the plot draws, for its background and the dense image.
    let background_slot = ui.painter().add(egui::Shape::Noop);
    let view_bounds = args.view.and_then(|v| v.bounds);
    let labels = group_labels(data);
    let colors = std::mem::take(&mut cache.colors);
    let vector = std::mem::take(&mut cache.vector);
    let selected_marks = std::mem::take(&mut cache.selected_marks);
    let response = plot.show(ui, |plot_ui| {
        if let Some([x0, y0, x1, y1]) = view_bounds {
            plot_ui.set_plot_bounds(egui_plot::PlotBounds::from_min_max([x0, y0], [x1, y1]));
        }
        // Legend entries for the groups of the dense image.
        // (egui_plot drops empty items: each entry carries the group's first point.)
        for g in &dense.groups {
            plot_ui.points(
                Points::new(
                    g.name.clone(),
                    g.points.first().copied().into_iter().collect::<Vec<_>>(),
                )
                .color(g.color)
                .radius(g.radius)
                .filled(true),
            );
        }
        draw_marks(plot_ui, data, &vector, &labels, &colors);
        // Figures in a recorded conflict carry a magenta ring, so both sides stand out.
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
        if dense.is_empty() {
            // Long series, few enough points in all to draw one by one.
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
                    .color(colors.get(&m.group).copied().unwrap_or(palette::UNKNOWN))
                    .radius(marker_radius_of(m))
                    .filled(true),
                );
            }
        }
        // The selected record stands out in every plot.
        for &i in &selected_marks {
            let Some(m) = data.mark(i) else {
                continue;
            };
            let ring = if plot_ui.ctx().theme() == egui::Theme::Dark {
                Color32::WHITE
            } else {
                Color32::BLACK
            };
            let name = labels.get(&m.group).unwrap_or(&m.group);
            plot_ui.points(
                Points::new("", vec![[m.x, m.y]])
                    .id(name.as_str())
                    .color(ring)
                    .radius(9.0)
                    .filled(false)
                    .shape(MarkerShape::Circle),
            );
        }
    });
    // What is drawn: legend entries hidden (in the view exported, or by the user's clicks)
    // take their marks out.
    let hidden: Vec<String> = match args.view {
        Some(v) => v.hidden.clone(),
        None => egui_plot::PlotMemory::load(ui.ctx(), plot_id(data.kind))
            .map(|mem| {
                cache
                    .legend
                    .iter()
                    .filter(|n| mem.hidden_items.contains(&egui_plot::ItemId::new(n)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    };
    let shown = |m: &Mark| {
        let name = labels.get(&m.group).unwrap_or(&m.group);
        name.is_empty() || !hidden.contains(name)
    };
    let vector_drawn = vector.iter().filter(|&&i| shown(&data.marks[i])).count();
    let runs_drawn: usize = data
        .runs
        .iter()
        .filter(|r| shown(&r.template))
        .map(|r| r.points.len())
        .sum();
    let mut stats = FigureStats {
        marks_drawn: vector_drawn + if dense.is_empty() { runs_drawn } else { 0 },
        dense: 0,
    };
    cache.vector = vector;
    cache.colors = colors;
    cache.selected_marks = selected_marks;

    // Background, then the dense markers rasterized for the bounds shown, under the grid.
    let transform = response.transform;
    let frame = *transform.frame();
    let mut under = vec![egui::Shape::rect_filled(
        frame,
        0.0,
        ui.visuals().extreme_bg_color,
    )];
    if !dense.is_empty() {
        stats.dense = dense
            .groups
            .iter()
            .filter(|g| !hidden.contains(&g.name))
            .map(|g| g.points.len())
            .sum();
        stats.marks_drawn += stats.dense;
        if !args.layout_only
            && let Some(shape) = dense_image_shape(
                ui.ctx(),
                &mut cache,
                &dense,
                hidden,
                &transform,
                args.interactive,
            )
        {
            under.push(shape);
        }
    }
    ui.painter().set(background_slot, egui::Shape::Vec(under));

    if !args.interactive {
        return stats;
    }
    // Hover: the nearest mark's value, qualifier, date and sources. Click: select its record.
    let [x_per_px, y_per_px] = transform.dvalue_dpos();
    let b = transform.bounds();
    let bounds_key = [b.min()[0], b.min()[1], b.max()[0], b.max()[1]];
    let busy = response.response.dragged() || ui.input(|i| i.pointer.any_down());
    let pick = |cache: &mut FigureCache, pos: egui::Pos2| {
        if let Some((p, bk, hit)) = cache.last_pick
            && p == [pos.x, pos.y]
            && bk == bounds_key
        {
            return hit;
        }
        let v = transform.value_from_position(pos);
        let hit = nearest_mark(data, v.x, v.y, x_per_px.abs(), y_per_px.abs(), 12.0);
        cache.last_pick = Some(([pos.x, pos.y], bounds_key, hit));
        hit
    };
    let hovered = if busy {
        None
    } else {
        response
            .response
            .hover_pos()
            .and_then(|p| pick(&mut cache, p))
    };
    if let Some(m) = hovered.and_then(|i| data.mark(i)) {
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| mark_tooltip_ui(ui, args.ds, &m));
    }
    if response.response.clicked()
        && let Some(m) = response
            .response
            .interact_pointer_pos()
            .and_then(|p| pick(&mut cache, p))
            .and_then(|i| data.mark(i))
        && let Some(r) = &m.record
    {
        actions.push(Action::Select(r.clone()));
    }
    stats
}

/// The dense markers as an image shape over the plot frame, from the cache when it still
/// covers the view at this zoom.
fn dense_image_shape(
    ctx: &egui::Context,
    cache: &mut FigureCache,
    dense: &Arc<DenseLayer>,
    hidden: Vec<String>,
    transform: &egui_plot::PlotTransform,
    interactive: bool,
) -> Option<egui::Shape> {
    let frame = *transform.frame();
    let ppp = ctx.pixels_per_point();
    let b = transform.bounds();
    let view = [b.min()[0], b.min()[1], b.max()[0], b.max()[1]];
    let (w_px, h_px) = (
        (frame.width() * ppp).round().max(1.0),
        (frame.height() * ppp).round().max(1.0),
    );
    if !(b.width() > 0.0 && b.height() > 0.0 && b.is_finite()) {
        return None;
    }
    let density = [f64::from(w_px) / b.width(), f64::from(h_px) / b.height()];
    let key = (Arc::as_ptr(dense) as usize, hidden, ppp.to_bits());
    let fresh = cache
        .image
        .as_ref()
        .is_some_and(|img| covers(img, &key, view, density));
    if !fresh {
        // The window rasterizes half a view more on every side so that panning reuses it; not
        // while zooming (each zoom step needs a new image anyway).
        let zooming = cache.image.as_ref().is_some_and(|img| {
            (0..2).any(|i| (img.density[i] - density[i]).abs() > 1e-6 * density[i].abs())
        });
        let margin = if interactive && !zooming { 0.5 } else { 0.0 };
        let max_side = 4096.0;
        let mx = (margin * f64::from(w_px))
            .min((max_side - f64::from(w_px)) / 2.0)
            .max(0.0);
        let my = (margin * f64::from(h_px))
            .min((max_side - f64::from(h_px)) / 2.0)
            .max(0.0);
        let (mx, my) = (mx.floor(), my.floor());
        let region = [
            view[0] - mx / density[0],
            view[1] - my / density[1],
            view[2] + mx / density[0],
            view[3] + my / density[1],
        ];
        let size = [
            (f64::from(w_px) + 2.0 * mx) as usize,
            (f64::from(h_px) + 2.0 * my) as usize,
        ];
        let hidden = &key.1;
        let image = rasterize(
            dense,
            &|n| !hidden.contains(&n.to_owned()),
            region,
            size,
            ppp,
        );
        // Cut into tiles no side of which exceeds what the GPU takes.
        let max_tex = ctx.input(|i| i.max_texture_side).max(256);
        let [w, h] = image.size;
        let (nx, ny) = (w.div_ceil(max_tex).max(1), h.div_ceil(max_tex).max(1));
        let mut tiles = Vec::with_capacity(nx * ny);
        let mut whole = Some(image);
        let mut old: Vec<egui::TextureHandle> = cache
            .image
            .take()
            .map(|i| i.tiles.into_iter().map(|(t, _)| t).collect())
            .unwrap_or_default();
        for ty in 0..ny {
            for tx in 0..nx {
                let (x0, y0) = (tx * w / nx, ty * h / ny);
                let (x1, y1) = ((tx + 1) * w / nx, (ty + 1) * h / ny);
                let tile = if nx * ny == 1 {
                    whole.take().unwrap_or_default()
                } else {
                    let image = whole.as_ref().expect("kept until the last tile");
                    let mut t = egui::ColorImage::filled([x1 - x0, y1 - y0], Color32::TRANSPARENT);
                    for (row, y) in (y0..y1).enumerate() {
                        t.pixels[row * (x1 - x0)..(row + 1) * (x1 - x0)]
                            .copy_from_slice(&image.pixels[y * w + x0..y * w + x1]);
                    }
                    t
                };
                // Tile region in plot coordinates (y up: image rows grow downwards).
                let tr = [
                    region[0] + x0 as f64 / density[0],
                    region[3] - y1 as f64 / density[1],
                    region[0] + x1 as f64 / density[0],
                    region[3] - y0 as f64 / density[1],
                ];
                let texture = match old.pop() {
                    Some(mut t) => {
                        t.set(tile, egui::TextureOptions::NEAREST);
                        t
                    }
                    None => ctx.load_texture("dense-markers", tile, egui::TextureOptions::NEAREST),
                };
                tiles.push((texture, tr));
            }
        }
        cache.image = Some(DenseImage {
            key,
            region,
            density,
            tiles,
        });
    }
    let img = cache.image.as_ref()?;
    // The part of each tile inside the frame, with matching texture coordinates.
    let mut shapes = Vec::new();
    for (texture, [rx0, ry0, rx1, ry1]) in &img.tiles {
        let full =
            transform.rect_from_values(&PlotPoint::new(*rx0, *ry0), &PlotPoint::new(*rx1, *ry1));
        let shown = full.intersect(frame);
        if !shown.is_positive() {
            continue;
        }
        let uv = egui::Rect::from_min_max(
            egui::pos2(
                (shown.min.x - full.min.x) / full.width(),
                (shown.min.y - full.min.y) / full.height(),
            ),
            egui::pos2(
                (shown.max.x - full.min.x) / full.width(),
                (shown.max.y - full.min.y) / full.height(),
            ),
        );
        let mut mesh = egui::Mesh::with_texture(texture.id());
        mesh.add_rect_with_uv(shown, uv, Color32::WHITE);
        shapes.push(egui::Shape::mesh(mesh));
    }
    (!shapes.is_empty()).then(|| egui::Shape::Vec(shapes))
}

/// Draws one plot in the window: title, subtitle, the plot, notes and the source footer.
/// Returns what was drawn and the plot's height in points.
pub fn plot_ui(
    ui: &mut egui::Ui,
    ds: &Dataset,
    data: &Arc<PlotData>,
    selected: Option<&RecordRef>,
    actions: &mut Vec<Action>,
) -> (FigureStats, f32) {
    figure_header_ui(ui, data);
    // The plot takes most of the height; notes and the source footer scroll below it.
    let height = (ui.available_height() * 0.7).max(220.0);
    let args = FigureArgs {
        ds,
        data,
        selected,
        view: None,
        interactive: true,
        layout_only: false,
    };
    let stats = plot_only_ui(ui, &args, height, actions);
    egui::ScrollArea::vertical()
        .id_salt(("plot_notes", data.kind))
        .auto_shrink([false, true])
        .show(ui, |ui| figure_footer_ui(ui, data, None));
    (stats, height)
}

fn mark_tooltip_ui(ui: &mut egui::Ui, ds: &Dataset, m: &Mark) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&m.label).strong());
    if !m.value_text.is_empty() {
        ui.label(&m.value_text);
    }
    if !m.date_text.is_empty() {
        ui.label(&m.date_text);
    }
    if let Some(c) = &m.in_conflict {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Sources disagree (conflict {c})"),
        );
    }
    for s in &m.sources {
        if let Some(src) = ds.sources.iter().find(|x| &x.id == s) {
            ui.weak(format!("Source: {}", super::detail::source_title(src)));
        }
    }
    if m.record.is_some() {
        ui.weak("Click to select it.");
    }
}

fn draw_marks(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    data: &PlotData,
    which: &[usize],
    labels: &std::collections::HashMap<String, String>,
    colors: &std::collections::HashMap<String, Color32>,
) {
    let on_time_axis = data.x_axis.scale == Scale::Time;
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
    let mut groups: std::collections::BTreeMap<(String, MarkKind, u32), Vec<[f64; 2]>> =
        Default::default();
    for &i in which {
        let m = &data.marks[i];
        let color = colors.get(&m.group).copied().unwrap_or(palette::UNKNOWN);
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
                            .color(color.gamma_multiply(0.5)),
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
                if !on_time_axis && !m.value_text.is_empty() {
                    // "about 90%" above the marker.
                    plot_ui.text(
                        egui_plot::Text::new(
                            "",
                            PlotPoint::new(m.x, m.y + y_span * 0.04),
                            RichText::new(&m.value_text).small(),
                        )
                        .id(name.as_str())
                        .anchor(egui::Align2::CENTER_BOTTOM)
                        .color(color),
                    );
                }
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
                        .color(color.gamma_multiply(0.45))
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
                let fill = match m.kind {
                    // Open-ended: the value may be anywhere below (up to) or above (at least).
                    MarkKind::UpTo | MarkKind::AtLeast => color.gamma_multiply(0.25),
                    MarkKind::Range => color.gamma_multiply(0.5),
                    _ => color.gamma_multiply(0.8),
                };
                plot_ui.polygon(
                    Polygon::new(name.clone(), PlotPoints::new(rect.clone()))
                        .fill_color(fill)
                        .stroke(egui::Stroke::new(1.0, color)),
                );
                if m.in_conflict.is_some() {
                    // A figure in a recorded conflict is outlined in magenta (an unnamed item,
                    // so the legend keeps the series' colour).
                    plot_ui.polygon(
                        Polygon::new("", PlotPoints::new(rect))
                            .id(name.as_str())
                            .fill_color(Color32::TRANSPARENT)
                            .stroke(egui::Stroke::new(2.5, CONFLICT_RING)),
                    );
                }
                if matches!(
                    m.kind,
                    MarkKind::Bar | MarkKind::Range | MarkKind::UpTo | MarkKind::AtLeast
                ) && !m.value_text.is_empty()
                {
                    // The value as stated ("up to 90%") above the bar.
                    plot_ui.text(
                        egui_plot::Text::new(
                            "",
                            PlotPoint::new(m.x, y1),
                            RichText::new(&m.value_text).small(),
                        )
                        .id(name.as_str())
                        .anchor(egui::Align2::CENTER_BOTTOM)
                        .color(color),
                    );
                } else if matches!(m.kind, MarkKind::UpTo | MarkKind::AtLeast) {
                    let word = if m.kind == MarkKind::UpTo {
                        "up to"
                    } else {
                        m.qualifier.prefix().trim()
                    };
                    plot_ui.text(
                        egui_plot::Text::new(
                            "",
                            PlotPoint::new(m.x, y1),
                            RichText::new(word).small(),
                        )
                        .id(name.as_str())
                        .anchor(egui::Align2::CENTER_BOTTOM)
                        .color(color),
                    );
                }
                if m.kind == MarkKind::Cell && !m.label.is_empty() {
                    plot_ui.text(
                        egui_plot::Text::new(
                            "",
                            PlotPoint::new(m.x, m.y),
                            RichText::new(&m.value_text).small(),
                        )
                        .id(name.as_str()),
                    );
                }
            }
        }
    }
    for ((group, kind, r10), pts) in groups {
        let color = colors.get(&group).copied().unwrap_or(palette::UNKNOWN);
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

#[cfg(test)]
mod tests {
    use super::compact_number;

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
    fn linear_count_labels_are_compact() {
        assert_eq!(compact_number(2.5e9), "2.5B");
        assert_eq!(compact_number(300e6), "300M");
        assert_eq!(compact_number(12_000.0), "12K");
        assert_eq!(compact_number(0.5), "0.5");
        assert_eq!(compact_number(0.0), "0");
        assert_eq!(compact_number(1.0e12), "1T");
    }
}
