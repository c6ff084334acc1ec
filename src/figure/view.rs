//! What the user set up on a plot beyond the data (zoom, pan, hidden series), kept by egui_plot
//! under the plot's id, so that an export draws the plot as the window shows it.

use super::legend::legend_names;
use crate::plots::{PlotData, PlotKind};

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
