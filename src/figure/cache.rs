//! What a plot's drawing keeps between frames, in egui's memory under the plot's id: which marks
//! are drawn as vectors and which in the dense image, the marks of the selected record, the last
//! hover pick and the dense image itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use egui::Color32;

use super::colors::{UNKNOWN, group_colors};
use super::dense::{DENSE_MIN, DenseGroup, DenseImage, DenseLayer};
use super::legend::{group_labels, legend_names};
use super::marks::{is_filled_point, marker_radius_of};
use super::plot_id;
use crate::model::{Dataset, RecordRef};
use crate::plots::{Mark, PlotData, PlotKind, nearest_mark};

/// What a plot's drawing keeps between frames: which marks are drawn as vectors and which as a
/// dense image, the marks of the selected record, the last hover pick and the dense image.
#[derive(Default)]
pub(super) struct FigureCache {
    /// The plot the rest was made for.
    data: Option<Arc<PlotData>>,
    /// Whether it was made for the dark theme (the colours depend on it).
    dark: bool,
    /// The filled markers drawn as an image (empty below [`DENSE_MIN`]).
    pub(super) dense: Arc<DenseLayer>,
    /// The marks drawn as vectors (indices into `data.marks`).
    pub(super) vector: Vec<usize>,
    /// The record `selected_marks` were found for.
    selected: Option<RecordRef>,
    /// The marks to ring: the selected record's and those of records belonging to it.
    pub(super) selected_marks: Vec<usize>,
    /// The last hover pick: pointer position, plot bounds and the mark found.
    last_pick: Option<([f32; 2], [f64; 4], Option<usize>)>,
    /// The dense image as last rasterized.
    pub(super) image: Option<DenseImage>,
    /// Colour of each group.
    pub(super) colors: HashMap<String, Color32>,
    /// The names the legend can show.
    pub(super) legend: Vec<String>,
    /// Lowest and highest y of the marks (lines across the plot aside).
    pub(super) y_extent: Option<(f64, f64)>,
}

/// A [`FigureCache`] shared through egui's memory.
pub(super) type SharedCache = Arc<Mutex<FigureCache>>;

/// The cache of plot `kind`'s drawing in `ctx` (created empty on first use).
pub(super) fn figure_cache(ctx: &egui::Context, kind: PlotKind) -> SharedCache {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(plot_id(kind).with("cache"), SharedCache::default)
            .clone()
    })
}

impl FigureCache {
    pub(super) fn refresh(
        &mut self,
        ds: &Dataset,
        data: &Arc<PlotData>,
        selected: Option<&RecordRef>,
        dark: bool,
    ) {
        let same = self.data.as_ref().is_some_and(|d| Arc::ptr_eq(d, data)) && self.dark == dark;
        if !same {
            self.dark = dark;
            let colors = group_colors(data, dark);
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
                let mut slot: HashMap<(String, u32), usize> = Default::default();
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
                                color: colors.get(&m.group).copied().unwrap_or(UNKNOWN),
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

/// The mark of `data` nearest to `pos` (within 12 points) in the plot drawn last with
/// `transform`, for hover and click. A pointer resting at the same place over the same bounds
/// reuses the last pick.
pub fn pick_mark(
    ctx: &egui::Context,
    data: &PlotData,
    transform: &egui_plot::PlotTransform,
    pos: egui::Pos2,
) -> Option<usize> {
    if super::panels::draws_panels(data) {
        // Each panel has its own y axis: the pick is in the panel under the pointer.
        return super::panels::pick_in_panels(ctx, data, pos);
    }
    let cache = figure_cache(ctx, data.kind);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    let [x_per_px, y_per_px] = transform.dvalue_dpos();
    let b = transform.bounds();
    let bounds_key = [b.min()[0], b.min()[1], b.max()[0], b.max()[1]];
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
}
