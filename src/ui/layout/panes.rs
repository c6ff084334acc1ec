//! The panels of the window: their titles and the room each needs to keep its controls usable.

use serde::{Deserialize, Serialize};

/// One panel of the window, a pane of the tiles tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pane {
    /// The lists: tabs, search, filters, rows.
    List,
    /// The selected record's detail view and form, with Back and Forward.
    Detail,
    /// The plot chooser, the plot or the summary.
    Plots,
    /// What validation found.
    Problems,
}

impl Pane {
    /// Every panel, in the default left-to-right, top-to-bottom order.
    pub const ALL: [Pane; 4] = [Pane::List, Pane::Detail, Pane::Plots, Pane::Problems];

    /// Its tab title (also its accessibility name, with " panel").
    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Records",
            Pane::Detail => "Details",
            Pane::Plots => "Plots and summary",
            Pane::Problems => "Problems",
        }
    }

    /// The narrowest it may be, in points: room for its widest row of controls (the list's
    /// search field and buttons, the detail view's buttons and form fields, the plot options).
    pub fn min_width(self) -> f32 {
        match self {
            Pane::List => 250.0,
            Pane::Detail => 380.0,
            Pane::Plots => 330.0,
            Pane::Problems => 250.0,
        }
    }

    /// The lowest it may be, in points (below its tab bar).
    pub fn min_height(self) -> f32 {
        match self {
            Pane::Problems => 90.0,
            _ => 200.0,
        }
    }

    /// Whether its tab has a close button (which hides it, like its View menu entry).
    pub fn closable(self) -> bool {
        matches!(self, Pane::Plots | Pane::Problems)
    }
}
