//! What is shown rather than stored: layout choices remembered between runs ([`UiPrefs`]),
//! the theme, the open help window and the rest of the window's view state.

use serde::{Deserialize, Serialize};

use super::{detail, forms, layout, list, plots_panel};
use crate::app::explorer::{ListQuery, ListTab};

/// Which way the colours go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    pub(super) fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Layout choices remembered between runs (with eframe's storage; egui remembers panel sizes
/// and the zoom itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    /// Show the problems panel.
    pub show_problems: bool,
    /// Show the plots area.
    pub show_plots: bool,
    /// Light, dark or the system's.
    pub theme: ThemeChoice,
    /// The list shown.
    pub tab: ListTab,
    /// Search, filters and order of the lists.
    pub query: ListQuery,
    /// What the plots area shows.
    pub plot: plots_panel::PlotChoice,
    /// Plot scales, grouping and export density.
    pub plot_options: plots_panel::PlotOptions,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            show_problems: false,
            show_plots: true,
            theme: ThemeChoice::System,
            tab: ListTab::default(),
            query: ListQuery::default(),
            plot: plots_panel::PlotChoice::default(),
            plot_options: plots_panel::PlotOptions::default(),
        }
    }
}

impl UiPrefs {
    /// Key under which eframe stores these.
    pub const KEY: &'static str = "ai-adoption-explorer/ui";
}

/// Which help window is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HelpWindow {
    /// None.
    #[default]
    Closed,
    /// The keyboard shortcuts.
    Shortcuts,
    /// All claims as an editable table.
    ClaimsTable,
    /// About the app and its data.
    About,
}

/// View state that is not part of the data (what is shown, not what is stored).
#[derive(Debug, Default)]
pub struct ViewState {
    /// Layout choices.
    pub prefs: UiPrefs,
    /// The panels' arrangement (remembered between runs under its own key).
    pub layout: layout::PanelLayout,
    /// The open help window.
    pub help: HelpWindow,
    /// The list's scroll bookkeeping.
    pub list: list::ListView,
    /// The detail view's state (editing or not).
    pub detail: detail::DetailView,
    /// Order of the claims table.
    pub claim_sort: forms::ClaimSort,
    /// The import dialog, while open.
    pub import: Option<Box<super::import::ImportDialog>>,
    /// Title last sent to the window, to send it only when it changes.
    pub(super) sent_title: String,
    /// Theme last applied.
    pub(super) applied_theme: Option<ThemeChoice>,
}
