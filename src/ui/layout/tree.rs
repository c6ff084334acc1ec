//! The tiles tree of the panels: the default arrangement, checks on a restored one, minimum sizes
//! of a subtree, shares bent to respect them, and the narrow arrangement (columns folded into
//! tabs) derived from the user's own.

use egui_tiles::{Container, Linear, LinearDir, Tabs, Tile, TileId, Tiles, Tree};

use super::fit::{fit_shares, fold_columns, shares_differ};
use super::panes::Pane;

/// Id of the tree (egui ids of tabs and resize handles derive from it).
const TREE_ID: &str = "panels";

/// Height of a tab bar, in points (egui_tiles' default).
pub const TAB_BAR_HEIGHT: f32 = 24.0;

/// Width of the gap between tiles, in points.
pub const GAP: f32 = 1.0;

/// The default arrangement: the list, the detail view and the plots side by side, the problems
/// panel below all three (hidden until asked for).
pub fn default_tree() -> Tree<Pane> {
    let mut tiles = Tiles::default();
    let tab = |tiles: &mut Tiles<Pane>, pane| {
        let p = tiles.insert_pane(pane);
        tiles.insert_tab_tile(vec![p])
    };
    let list = tab(&mut tiles, Pane::List);
    let detail = tab(&mut tiles, Pane::Detail);
    let plots = tab(&mut tiles, Pane::Plots);
    let problems = tab(&mut tiles, Pane::Problems);
    let mut row = Linear::new(LinearDir::Horizontal, vec![list, detail, plots]);
    row.shares.set_share(list, 0.8);
    row.shares.set_share(detail, 1.25);
    row.shares.set_share(plots, 0.95);
    let row = tiles.insert_container(row);
    let mut column = Linear::new(LinearDir::Vertical, vec![row, problems]);
    column.shares.set_share(row, 1.64);
    column.shares.set_share(problems, 0.36);
    let root = tiles.insert_container(column);
    Tree::new(egui::Id::unique(TREE_ID), root, tiles)
}

/// Whether a restored tree holds every panel exactly once, all reachable from its root (else the
/// default is used: a panel must never get lost between runs).
pub fn is_complete(tree: &Tree<Pane>) -> bool {
    let Some(root) = tree.root() else {
        return false;
    };
    let mut found = Vec::new();
    collect_panes(&tree.tiles, root, &mut found, false);
    Pane::ALL
        .iter()
        .all(|p| found.iter().filter(|f| *f == p).count() == 1)
        && found.len() == Pane::ALL.len()
}

/// The panes under `tile`, in order (only the visible ones when `visible_only`).
fn collect_panes(tiles: &Tiles<Pane>, tile: TileId, out: &mut Vec<Pane>, visible_only: bool) {
    if visible_only && !tiles.is_visible(tile) {
        return;
    }
    match tiles.get(tile) {
        Some(Tile::Pane(p)) => out.push(*p),
        Some(Tile::Container(c)) => {
            for &child in c.children() {
                collect_panes(tiles, child, out, visible_only);
            }
        }
        None => {}
    }
}

/// Shows or hides each panel's tile as `shown` says.
pub fn sync_visibility(tree: &mut Tree<Pane>, shown: impl Fn(Pane) -> bool) {
    for pane in Pane::ALL {
        if let Some(tile) = tree.tiles.find_pane(&pane)
            && tree.tiles.is_visible(tile) != shown(pane)
        {
            tree.tiles.set_visible(tile, shown(pane));
        }
    }
}

/// The children of `tile` that get room this frame.
fn visible_children(tiles: &Tiles<Pane>, tile: TileId) -> Vec<TileId> {
    match tiles.get(tile) {
        Some(Tile::Container(c)) => c
            .children()
            .copied()
            .filter(|&t| tiles.is_visible_in_layout(t))
            .collect(),
        _ => Vec::new(),
    }
}

/// The narrowest `tile` may be: a row needs the sum of its columns, anything else its widest.
pub fn min_width(tiles: &Tiles<Pane>, tile: TileId) -> f32 {
    match tiles.get(tile) {
        Some(Tile::Pane(p)) => p.min_width(),
        Some(Tile::Container(Container::Linear(l))) if l.dir == LinearDir::Horizontal => {
            let kids = visible_children(tiles, tile);
            kids.iter().map(|&k| min_width(tiles, k)).sum::<f32>()
                + GAP * kids.len().saturating_sub(1) as f32
        }
        Some(Tile::Container(_)) => visible_children(tiles, tile)
            .iter()
            .map(|&k| min_width(tiles, k))
            .fold(0.0, f32::max),
        None => 0.0,
    }
}

/// The lowest `tile` may be: a column needs the sum of its rows, a tab group its tab bar more.
pub fn min_height(tiles: &Tiles<Pane>, tile: TileId) -> f32 {
    let kids = visible_children(tiles, tile);
    let tallest = || {
        kids.iter()
            .map(|&k| min_height(tiles, k))
            .fold(0.0, f32::max)
    };
    match tiles.get(tile) {
        Some(Tile::Pane(p)) => p.min_height(),
        Some(Tile::Container(Container::Linear(l))) if l.dir == LinearDir::Vertical => {
            kids.iter().map(|&k| min_height(tiles, k)).sum::<f32>()
                + GAP * kids.len().saturating_sub(1) as f32
        }
        Some(Tile::Container(Container::Tabs(_))) => tallest() + TAB_BAR_HEIGHT,
        Some(Tile::Container(_)) => tallest(),
        None => 0.0,
    }
}

/// Bends the shares of every row and column under `tile` (laid out in `size` points) so that no
/// panel is narrower or lower than its minimum while the room allows it; the user's proportions
/// stay among the rest.
pub fn enforce_minimums(tree: &mut Tree<Pane>, tile: TileId, size: egui::Vec2) {
    let kids = visible_children(&tree.tiles, tile);
    let mut child_sizes = vec![size; kids.len()];
    let linear = match tree.tiles.get(tile) {
        Some(Tile::Container(Container::Linear(l))) => Some(l.dir),
        Some(Tile::Container(Container::Tabs(_))) => {
            child_sizes = vec![egui::vec2(size.x, size.y - TAB_BAR_HEIGHT); kids.len()];
            None
        }
        _ => None,
    };
    if let Some(dir) = linear {
        let horizontal = dir == LinearDir::Horizontal;
        let room =
            if horizontal { size.x } else { size.y } - GAP * kids.len().saturating_sub(1) as f32;
        let mins: Vec<f32> = kids
            .iter()
            .map(|&k| {
                if horizontal {
                    min_width(&tree.tiles, k)
                } else {
                    min_height(&tree.tiles, k)
                }
            })
            .collect();
        if let Some(Tile::Container(Container::Linear(l))) = tree.tiles.get_mut(tile) {
            let shares: Vec<f32> = kids.iter().map(|&k| l.shares[k]).collect();
            let fitted = fit_shares(&shares, &mins, room);
            if shares_differ(&shares, &fitted) {
                for (&k, &s) in kids.iter().zip(&fitted) {
                    l.shares.set_share(k, s);
                }
            }
            let total: f32 = fitted.iter().sum::<f32>().max(f32::EPSILON);
            for (cs, s) in child_sizes.iter_mut().zip(&fitted) {
                let along = room * s / total;
                if horizontal {
                    cs.x = along;
                } else {
                    cs.y = along;
                }
            }
        }
    }
    for (k, s) in kids.into_iter().zip(child_sizes) {
        enforce_minimums(tree, k, s);
    }
}

/// The row of columns the responsive rule folds: the root if it is a row, else the first row
/// directly in a root column.
fn main_row(tree: &Tree<Pane>) -> Option<TileId> {
    let root = tree.root()?;
    let is_row = |t: TileId| matches!(tree.tiles.get(t), Some(Tile::Container(Container::Linear(l))) if l.dir == LinearDir::Horizontal);
    if is_row(root) {
        return Some(root);
    }
    match tree.tiles.get(root) {
        Some(Tile::Container(Container::Linear(l))) if l.dir == LinearDir::Vertical => {
            visible_children(&tree.tiles, root)
                .into_iter()
                .find(|&t| is_row(t))
        }
        _ => None,
    }
}

/// The panels as the narrow arrangement groups them: one entry per tab group, in order.
pub type Grouping = Vec<Vec<Pane>>;

/// When the user's tree does not fit in `width` points, the arrangement that does: neighbouring
/// columns of its main row merged into tab groups (see [`fold_columns`]), anything beside the
/// row (the problems panel below it) kept as its own tab group. `None` when the tree fits.
pub fn narrowed(wide: &Tree<Pane>, width: f32) -> Option<(Grouping, Tree<Pane>)> {
    let row = main_row(wide)?;
    let columns = visible_children(&wide.tiles, row);
    let mins: Vec<f32> = columns.iter().map(|&c| min_width(&wide.tiles, c)).collect();
    let groups = fold_columns(&mins, GAP, width);
    if groups.len() == columns.len() {
        return None;
    }
    let Some(Tile::Container(Container::Linear(wide_row))) = wide.tiles.get(row) else {
        return None;
    };
    let mut tiles = Tiles::default();
    let mut grouping = Grouping::new();
    let tab_group = |tiles: &mut Tiles<Pane>, panes: Vec<Pane>, grouping: &mut Grouping| {
        let ids = panes.iter().map(|&p| tiles.insert_pane(p)).collect();
        grouping.push(panes);
        tiles.insert_container(Tabs::new(ids))
    };
    let mut row_children = Vec::new();
    let mut row_shares = Vec::new();
    for g in groups {
        let mut panes = Vec::new();
        for &c in &columns[g.clone()] {
            collect_panes(&wide.tiles, c, &mut panes, true);
        }
        row_children.push(tab_group(&mut tiles, panes, &mut grouping));
        row_shares.push(columns[g].iter().map(|&c| wide_row.shares[c]).sum::<f32>());
    }
    let new_row = if row_children.len() == 1 {
        row_children[0]
    } else {
        let mut l = Linear::new(LinearDir::Horizontal, row_children.clone());
        for (c, s) in row_children.iter().zip(row_shares) {
            l.shares.set_share(*c, s);
        }
        tiles.insert_container(l)
    };
    let root = match wide.root() {
        Some(r) if r != row => {
            let Some(Tile::Container(Container::Linear(wide_column))) = wide.tiles.get(r) else {
                return None;
            };
            let mut children = Vec::new();
            let mut shares = Vec::new();
            for t in visible_children(&wide.tiles, r) {
                let id = if t == row {
                    new_row
                } else {
                    let mut panes = Vec::new();
                    collect_panes(&wide.tiles, t, &mut panes, true);
                    tab_group(&mut tiles, panes, &mut grouping)
                };
                children.push(id);
                shares.push(wide_column.shares[t]);
            }
            let mut l = Linear::new(LinearDir::Vertical, children.clone());
            for (c, s) in children.iter().zip(shares) {
                l.shares.set_share(*c, s);
            }
            tiles.insert_container(l)
        }
        _ => new_row,
    };
    Some((grouping, Tree::new(egui::Id::unique(TREE_ID), root, tiles)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_tree_is_complete_and_survives_a_round_trip() {
        let tree = default_tree();
        assert!(is_complete(&tree));
        let text = ron::to_string(&tree).unwrap();
        let back: Tree<Pane> = ron::from_str(&text).unwrap();
        assert!(is_complete(&back));
    }

    #[test]
    fn a_tree_missing_a_panel_is_not_complete() {
        let mut tree = default_tree();
        let plots = tree.tiles.find_pane(&Pane::Plots).unwrap();
        tree.remove_recursively(plots);
        assert!(!is_complete(&tree));
    }

    #[test]
    fn a_narrow_window_folds_the_plots_into_the_detail_tabs() {
        let mut tree = default_tree();
        sync_visibility(&mut tree, |p| p != Pane::Problems);
        assert!(narrowed(&tree, 1280.0).is_none());
        let (grouping, _) = narrowed(&tree, 700.0).unwrap();
        assert_eq!(
            grouping,
            vec![vec![Pane::List], vec![Pane::Detail, Pane::Plots]]
        );
        let (grouping, narrow) = narrowed(&tree, 400.0).unwrap();
        assert_eq!(grouping, vec![vec![Pane::List, Pane::Detail, Pane::Plots]]);
        assert!(narrow.tiles.find_pane(&Pane::Problems).is_none());
    }

    #[test]
    fn minimums_are_enforced_on_a_squeezed_column() {
        let mut tree = default_tree();
        let row = main_row(&tree).unwrap();
        let list = visible_children(&tree.tiles, row)[0];
        if let Some(Tile::Container(Container::Linear(l))) = tree.tiles.get_mut(row) {
            l.shares.set_share(list, 0.05);
        }
        let root = tree.root().unwrap();
        enforce_minimums(&mut tree, root, egui::vec2(1200.0, 700.0));
        let Some(Tile::Container(Container::Linear(l))) = tree.tiles.get(row) else {
            panic!("the row is still a row");
        };
        let kids = visible_children(&tree.tiles, row);
        let total: f32 = kids.iter().map(|&k| l.shares[k]).sum();
        let list_width = (1200.0 - 2.0) * l.shares[list] / total;
        assert!(list_width >= Pane::List.min_width() - 0.1, "{list_width}");
    }
}
