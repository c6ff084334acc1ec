//! How the tiles tree shows our panes: each in its own named panel node with a margin, tab
//! titles from [`Pane::title`], a close button on the panels that can be hidden.

use egui_tiles::{SimplificationOptions, Tile, TileId, Tiles, UiResponse};

use super::a11y;
use super::panes::Pane;
use super::tree::{GAP, TAB_BAR_HEIGHT};
use crate::ui::ExplorerApp;
use crate::ui::command::UiCommand;
use crate::ui::queue::CommandQueue;

/// The app's side of the tiles tree for one frame.
pub(super) struct PanesBehavior<'a> {
    /// The app whose panels are drawn.
    pub app: &'a mut ExplorerApp,
    /// Where panels queue what they ask for.
    pub queue: &'a mut CommandQueue,
    /// The folded arrangement is shown: tiles cannot be dragged (the user's own is not shown).
    pub narrow: bool,
}

impl egui_tiles::Behavior<Pane> for PanesBehavior<'_> {
    fn pane_ui(&mut self, ui: &mut egui::Ui, _tile_id: TileId, pane: &mut Pane) -> UiResponse {
        let pane = *pane;
        a11y::panel_ui(ui, pane.title(), |ui| {
            egui::Frame::new()
                .inner_margin(egui::Margin::same(6))
                .show(ui, |ui| {
                    ui.set_min_size(ui.available_size());
                    self.app.pane_contents_ui(ui, pane, self.queue);
                });
        });
        UiResponse::None
    }

    fn tab_title_for_pane(&mut self, pane: &Pane) -> egui::WidgetText {
        pane.title().into()
    }

    fn is_tab_closable(&self, tiles: &Tiles<Pane>, tile_id: TileId) -> bool {
        matches!(tiles.get(tile_id), Some(Tile::Pane(p)) if p.closable())
    }

    fn on_tab_close(&mut self, tiles: &mut Tiles<Pane>, tile_id: TileId) -> bool {
        // Closing hides the panel, as its View menu entry does; the tile stays in the tree.
        match tiles.get(tile_id) {
            Some(Tile::Pane(Pane::Plots)) => self.queue.push(UiCommand::TogglePlots),
            Some(Tile::Pane(Pane::Problems)) => self.queue.push(UiCommand::ToggleProblems),
            _ => {}
        }
        false
    }

    fn is_tile_draggable(&self, _tiles: &Tiles<Pane>, _tile_id: TileId) -> bool {
        !self.narrow
    }

    fn tab_bar_height(&self, _style: &egui::Style) -> f32 {
        TAB_BAR_HEIGHT
    }

    fn gap_width(&self, _style: &egui::Style) -> f32 {
        GAP
    }

    fn simplification_options(&self) -> SimplificationOptions {
        SimplificationOptions {
            all_panes_must_have_tabs: true,
            ..SimplificationOptions::default()
        }
    }
}
