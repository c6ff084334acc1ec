//! The window's layout: menu and status bars, and the panels in an `egui_tiles` tree the user
//! resizes, closes and rearranges, folded into tabs when the window is too narrow for them.
//! `fit` is the arithmetic, `tree` the tiles, `behavior` how panes draw, `a11y` their nodes.

pub mod a11y;
mod behavior;
mod fit;
mod panes;
mod tree;
mod window;

use egui_tiles::{Tile, Tree};

pub use panes::Pane;
pub use tree::Grouping;

/// The panels' arrangement: the user's own (remembered between runs) and, while the window is
/// too narrow for it, the folded one shown instead.
#[derive(Debug)]
pub struct PanelLayout {
    /// The arrangement the user made (or the default).
    wide: Tree<Pane>,
    /// The folded arrangement shown this frame, with its grouping, while the window is narrow.
    narrow: Option<(Grouping, Tree<Pane>)>,
}

impl Default for PanelLayout {
    fn default() -> Self {
        Self {
            wide: tree::default_tree(),
            narrow: None,
        }
    }
}

impl PanelLayout {
    /// Key under which eframe stores the user's arrangement.
    pub const KEY: &'static str = "ai-adoption-explorer/layout";

    /// The arrangement saved last time, or the default when there is none or it lacks a panel.
    pub fn restore(storage: Option<&dyn eframe::Storage>) -> Self {
        let wide = storage
            .and_then(|s| eframe::get_value::<Tree<Pane>>(s, Self::KEY))
            .filter(tree::is_complete);
        match wide {
            Some(wide) => Self { wide, narrow: None },
            None => Self::default(),
        }
    }

    /// Stores the user's arrangement (not the folded one: that follows from the window's size).
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Self::KEY, &self.wide);
    }

    /// Back to the default arrangement (View > Reset layout).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether the panels are folded into tabs because the window is too narrow.
    pub fn is_narrow(&self) -> bool {
        self.narrow.is_some()
    }

    /// How the folded arrangement groups the panels into tabs, while there is one.
    pub fn grouping(&self) -> Option<&Grouping> {
        self.narrow.as_ref().map(|(g, _)| g)
    }

    /// The user's arrangement.
    pub fn tree(&self) -> &Tree<Pane> {
        &self.wide
    }

    /// The user's arrangement, to change it as a drag would (tests).
    pub fn tree_mut(&mut self) -> &mut Tree<Pane> {
        &mut self.wide
    }

    /// Brings `pane` to the front where it is one of several tabs (a record picked in the list
    /// shows its details when both share the window as tabs).
    pub fn bring_to_front(&mut self, pane: Pane) {
        let is_it = |_, tile: &Tile<Pane>| matches!(tile, Tile::Pane(p) if *p == pane);
        self.wide.make_active(is_it);
        if let Some((_, narrow)) = &mut self.narrow {
            narrow.make_active(is_it);
        }
    }

    /// The tree to show in `size` points this frame with the panels `shown` says: the user's
    /// own with its shares bent to the panels' minimums, or the folded one when it does not fit
    /// (then the flag is true).
    fn prepare(
        &mut self,
        size: egui::Vec2,
        shown: impl Fn(Pane) -> bool,
    ) -> (bool, &mut Tree<Pane>) {
        tree::sync_visibility(&mut self.wide, &shown);
        match tree::narrowed(&self.wide, size.x) {
            None => self.narrow = None,
            Some((grouping, fresh)) => {
                if self.grouping() != Some(&grouping) {
                    self.narrow = Some((grouping, fresh));
                }
            }
        }
        let (narrow, shown_tree) = match &mut self.narrow {
            Some((_, t)) => (true, t),
            None => (false, &mut self.wide),
        };
        if let Some(root) = shown_tree.root() {
            tree::enforce_minimums(shown_tree, root, size);
        }
        (narrow, shown_tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// eframe's storage as a map, as the RON file on disk holds it.
    #[derive(Default)]
    struct MemoryStorage(HashMap<String, String>);

    impl eframe::Storage for MemoryStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn an_arrangement_is_remembered_between_runs() {
        let mut layout = PanelLayout::default();
        // The user put the problems panel beside the others.
        let root = layout.wide.root().unwrap();
        if let Some(Tile::Container(egui_tiles::Container::Linear(l))) =
            layout.wide.tiles.get_mut(root)
        {
            l.dir = egui_tiles::LinearDir::Horizontal;
        }
        let mut storage = MemoryStorage::default();
        layout.save(&mut storage);
        let back = PanelLayout::restore(Some(&storage));
        assert_eq!(format!("{:?}", back.wide), format!("{:?}", layout.wide));
    }

    #[test]
    fn a_saved_arrangement_missing_a_panel_gives_the_default() {
        let mut layout = PanelLayout::default();
        let plots = layout.wide.tiles.find_pane(&Pane::Plots).unwrap();
        layout.wide.remove_recursively(plots);
        let mut storage = MemoryStorage::default();
        layout.save(&mut storage);
        let back = PanelLayout::restore(Some(&storage));
        assert_eq!(
            format!("{:?}", back.wide),
            format!("{:?}", PanelLayout::default().wide)
        );
        assert!(tree::is_complete(&PanelLayout::restore(None).wide));
    }
}
