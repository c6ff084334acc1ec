//! The one registry of commands: every command the window offers owns its label, what it does
//! and its keyboard shortcuts here. The menus, the key handling, Help > Keyboard shortcuts and
//! every tooltip that names a key are generated from it, so they cannot disagree.
//!
//! Shortcuts use [`Modifiers::COMMAND`], which egui shows and matches as ⌘ on macOS and Ctrl
//! elsewhere; [`UiCommand::shortcut_text`] formats them with egui's own formatting.

use egui::{Key, KeyboardShortcut, Modifiers, PointerButton};
use strum::IntoEnumIterator;

use crate::app::explorer::{ListQuery, ListTab};
use crate::app::{Action, AppState, PathPurpose};
use crate::plots::PlotKind;

/// Where a command's shortcut is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortcutScope {
    /// By [`pressed_window_commands`], every frame while none of the app's dialogs is open.
    Window,
    /// Like `Window`, but not while a text field has the keyboard (it has its own undo).
    WindowUnlessTyping,
    /// By the widget it belongs to (the list, a dialog), with [`UiCommand::consume`] or
    /// [`UiCommand::key_pressed`].
    Local,
    /// By egui itself (focus moves, zoom); listed so the help shows it.
    Egui,
}

/// Every command of the window. The declaration order is the order in which shortcuts are
/// checked: a longer shortcut comes before a shorter one with the same key (Ctrl+Shift+S before
/// Ctrl+S), because egui ignores extra Shift and Alt when matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// Edit > Redo.
    Redo,
    /// Edit > Undo.
    Undo,
    /// File > Save As...
    SaveAs,
    /// File > Save.
    Save,
    /// File > Open...
    Open,
    /// File > Import data...
    ImportData,
    /// File > New.
    New,
    /// File > Quit.
    Quit,
    /// View > Back.
    Back,
    /// View > Forward.
    Forward,
    /// View > Organizations.
    ShowOrganizations,
    /// View > Models.
    ShowModels,
    /// View > Sources.
    ShowSources,
    /// View > Events.
    ShowEvents,
    /// View > Problems panel.
    ToggleProblems,
    /// View > Command palette... (after Ctrl+Shift+P, which also matches Ctrl+P).
    CommandPalette,
    /// Help > Keyboard shortcuts.
    ShowShortcuts,
    /// File > Export figure... (the export dialog).
    ExportFigure,
    /// File > Export plot image...
    ExportPlotImage,
    /// Edit > Find...
    Find,
    /// File > Open file by path...
    OpenByPath,
    /// File > Open built-in dataset.
    OpenBuiltin,
    /// File > Open Recent > Clear recent files.
    ClearRecent,
    /// File > Save to path...
    SaveToPath,
    /// File > Copy plot image.
    CopyPlotImage,
    /// File > Export plot data (CSV)...
    ExportPlotData,
    /// Edit > Clear search and filters.
    ClearSearchAndFilters,
    /// Edit > Copy id of selected record.
    CopySelectedId,
    /// View > Plots and summary panel.
    TogglePlots,
    /// View > Claims table.
    ShowClaimsTable,
    /// View > Reset layout.
    ResetLayout,
    /// View > Theme > Follow the system.
    ThemeSystem,
    /// View > Theme > Light.
    ThemeLight,
    /// View > Theme > Dark.
    ThemeDark,
    /// Help > About.
    ShowAbout,
    /// Up in the list.
    SelectPrevious,
    /// Down in the list.
    SelectNext,
    /// Esc in the search field.
    ClearSearch,
    /// Enter in a dialog.
    Confirm,
    /// Esc in a dialog.
    Cancel,
    /// Export… in the export dialog: ask where, then write the file it previews.
    WriteExport,
    /// Tab (egui).
    FocusNext,
    /// Shift+Tab (egui).
    FocusPrevious,
    /// View > Show plot > Release timeline.
    ShowReleaseTimeline,
    /// View > Show plot > Model size over time.
    ShowModelSize,
    /// View > Show plot > Who uses what.
    ShowWhoUsesWhat,
    /// View > Show plot > Reported outcomes.
    ShowOutcomes,
    /// View > Show plot > Downloads and derivatives.
    ShowDownloads,
    /// View > Show plot > Releases per quarter.
    ShowReleasesPerQuarter,
    /// View > Show plot > Share by country.
    ShowShareByCountry,
    /// View > Zoom In (egui).
    ZoomIn,
    /// View > Zoom Out (egui).
    ZoomOut,
    /// View > Reset Zoom (egui).
    ResetZoom,
}

/// A shortcut as a struct literal of constants, so `&[shortcut!(..)]` is a `'static` slice.
macro_rules! shortcut {
    ($modifiers:expr, $key:ident) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: Key::$key,
        }
    };
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    /// Every command, in the order their shortcuts are checked.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        Self::iter()
    }

    /// The text of its menu item or button.
    pub fn label(self) -> &'static str {
        use UiCommand::*;
        match self {
            Redo => "Redo",
            Undo => "Undo",
            SaveAs => "Save As...",
            Save => "Save",
            Open => "Open...",
            ImportData => "Import data…",
            New => "New",
            Quit => "Quit",
            Back => "Back",
            Forward => "Forward",
            ShowOrganizations | ShowModels | ShowSources | ShowEvents => {
                self.tab().map_or("", ListTab::label)
            }
            ToggleProblems => "Problems panel",
            CommandPalette => "Command palette…",
            ShowShortcuts => "Keyboard shortcuts",
            ExportFigure => "Export figure...",
            ExportPlotImage => "Export plot image...",
            Find => "Find...",
            OpenByPath => "Open file by path...",
            OpenBuiltin => "Open built-in dataset",
            ClearRecent => "Clear recent files",
            SaveToPath => "Save to path...",
            CopyPlotImage => "Copy plot image",
            ExportPlotData => "Export plot data (CSV)...",
            ClearSearchAndFilters => "Clear search and filters",
            CopySelectedId => "Copy id of selected record",
            TogglePlots => "Plots and summary panel",
            ShowClaimsTable => "Claims table",
            ResetLayout => "Reset layout",
            ThemeSystem => "Follow the system",
            ThemeLight => "Light",
            ThemeDark => "Dark",
            ShowAbout => "About AI Adoption Explorer",
            SelectPrevious => "Previous record",
            SelectNext => "Next record",
            ClearSearch => "×",
            Confirm => "OK",
            Cancel => "Cancel",
            WriteExport => "Export…",
            FocusNext => "Next field",
            FocusPrevious => "Previous field",
            ShowReleaseTimeline
            | ShowModelSize
            | ShowWhoUsesWhat
            | ShowOutcomes
            | ShowDownloads
            | ShowReleasesPerQuarter
            | ShowShareByCountry => self.plot().map_or("", PlotKind::title),
            ZoomIn => "Zoom In",
            ZoomOut => "Zoom Out",
            ResetZoom => "Reset Zoom",
        }
    }

    /// What it does, in a sentence: the tooltip, and the text in Help > Keyboard shortcuts.
    pub fn tooltip(self) -> &'static str {
        use UiCommand::*;
        match self {
            Redo => "Redo the last undone change",
            Undo => "Undo the last change",
            SaveAs => "Save As",
            Save => "Save (Save As for the built-in dataset)",
            Open => "Open a dataset file",
            ImportData => {
                "Bring rows of a CSV, TSV, spreadsheet or JSON file into the dataset, matched to its records"
            }
            New => "New empty dataset",
            Quit => "Quit",
            Back => "Back to the previous selection",
            Forward => "Forward",
            ShowOrganizations => "Show organizations",
            ShowModels => "Show models",
            ShowSources => "Show sources",
            ShowEvents => "Show events",
            ToggleProblems => "Show or hide the problems panel",
            CommandPalette => "Search every command, plot and record, and run or open one",
            ShowShortcuts => "This list of shortcuts",
            ExportFigure => {
                "Export the plot shown as PNG, SVG or PDF: size, background and texts, with a \
                 preview and its alt texts"
            }
            ExportPlotImage => "Export the plot shown as a PNG image, as it is on screen",
            Find => "Search the list",
            OpenByPath => "Type the path of a dataset file to open",
            OpenBuiltin => "Open the dataset that comes with the app",
            ClearRecent => "Forget the recent files",
            SaveToPath => "Type the path to save the dataset to",
            CopyPlotImage => "Copy the plot shown to the clipboard as an image",
            ExportPlotData => "Export the values of the plot shown as a CSV table",
            ClearSearchAndFilters => "Clear the search and filters",
            CopySelectedId => "Copy the id of the selected record",
            TogglePlots => "Show or hide the plots and summary panel",
            ShowClaimsTable => "All claims as an editable table",
            ResetLayout => {
                "Put the panels back as they first were: records, details and plots side by side"
            }
            ThemeSystem => "Follow the system's light or dark setting",
            ThemeLight => "Always light",
            ThemeDark => "Always dark",
            ShowAbout => "About the app and its data",
            SelectPrevious => "Select the previous record in the list",
            SelectNext => "Select the next record in the list",
            ClearSearch => "Clear the search",
            Confirm => "Confirm a dialog (OK, or the typed path)",
            Cancel => "Close a dialog without saving or going on",
            WriteExport => "Choose where to save the figure the export dialog shows, and write it",
            FocusNext => "Move to the next field or panel",
            FocusPrevious => "Move to the previous field or panel",
            ShowReleaseTimeline => "Show the release timeline plot",
            ShowModelSize => "Show the model size plot",
            ShowWhoUsesWhat => "Show the who-uses-what plot",
            ShowOutcomes => "Show the reported outcomes plot",
            ShowDownloads => "Show the downloads and derivatives plot",
            ShowReleasesPerQuarter => "Show the releases per quarter plot",
            ShowShareByCountry => "Show the share by country plot",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            ResetZoom => "Reset the zoom",
        }
    }

    /// Its keyboard shortcuts, the main one first (the one menus show). Empty for commands that
    /// only have a menu item.
    pub const fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use UiCommand::*;
        use egui::gui_zoom::kb_shortcuts;
        match self {
            Redo => &[
                shortcut!(COMMAND_SHIFT, Z),
                shortcut!(Modifiers::COMMAND, Y),
            ],
            Undo => &[shortcut!(Modifiers::COMMAND, Z)],
            SaveAs => &[shortcut!(COMMAND_SHIFT, S)],
            Save => &[shortcut!(Modifiers::COMMAND, S)],
            Open => &[shortcut!(Modifiers::COMMAND, O)],
            ImportData => &[shortcut!(Modifiers::COMMAND, I)],
            New => &[shortcut!(Modifiers::COMMAND, N)],
            Quit => &[shortcut!(Modifiers::COMMAND, Q)],
            Back => &[shortcut!(Modifiers::ALT, ArrowLeft)],
            Forward => &[shortcut!(Modifiers::ALT, ArrowRight)],
            ShowOrganizations => &[shortcut!(Modifiers::COMMAND, Num1)],
            ShowModels => &[shortcut!(Modifiers::COMMAND, Num2)],
            ShowSources => &[shortcut!(Modifiers::COMMAND, Num3)],
            ShowEvents => &[shortcut!(Modifiers::COMMAND, Num4)],
            ToggleProblems => &[shortcut!(COMMAND_SHIFT, P)],
            CommandPalette => &[
                shortcut!(Modifiers::COMMAND, K),
                shortcut!(Modifiers::COMMAND, P),
            ],
            ShowShortcuts => &[shortcut!(Modifiers::NONE, F1)],
            ExportFigure => &[shortcut!(Modifiers::COMMAND, E)],
            Find => &[shortcut!(Modifiers::COMMAND, F)],
            SelectPrevious => &[shortcut!(Modifiers::NONE, ArrowUp)],
            SelectNext => &[shortcut!(Modifiers::NONE, ArrowDown)],
            ClearSearch | Cancel => &[shortcut!(Modifiers::NONE, Escape)],
            Confirm => &[shortcut!(Modifiers::NONE, Enter)],
            FocusNext => &[shortcut!(Modifiers::NONE, Tab)],
            FocusPrevious => &[shortcut!(Modifiers::SHIFT, Tab)],
            // Alt+digit: no layout needs it to type (Ctrl+Alt is AltGr on many layouts).
            ShowReleaseTimeline => &[shortcut!(Modifiers::ALT, Num1)],
            ShowModelSize => &[shortcut!(Modifiers::ALT, Num2)],
            ShowWhoUsesWhat => &[shortcut!(Modifiers::ALT, Num3)],
            ShowOutcomes => &[shortcut!(Modifiers::ALT, Num4)],
            ShowDownloads => &[shortcut!(Modifiers::ALT, Num5)],
            ShowReleasesPerQuarter => &[shortcut!(Modifiers::ALT, Num6)],
            ShowShareByCountry => &[shortcut!(Modifiers::ALT, Num7)],
            ZoomIn => &[kb_shortcuts::ZOOM_IN],
            ZoomOut => &[kb_shortcuts::ZOOM_OUT],
            ResetZoom => &[kb_shortcuts::ZOOM_RESET],
            ExportPlotImage
            | WriteExport
            | OpenByPath
            | OpenBuiltin
            | ClearRecent
            | SaveToPath
            | CopyPlotImage
            | ExportPlotData
            | ClearSearchAndFilters
            | CopySelectedId
            | TogglePlots
            | ShowClaimsTable
            | ResetLayout
            | ThemeSystem
            | ThemeLight
            | ThemeDark
            | ShowAbout => &[],
        }
    }

    /// The mouse button that does the same (the Back and Forward buttons of a mouse).
    pub fn mouse_button(self) -> Option<(PointerButton, &'static str)> {
        match self {
            UiCommand::Back => Some((PointerButton::Extra1, "mouse Back")),
            UiCommand::Forward => Some((PointerButton::Extra2, "mouse Forward")),
            _ => None,
        }
    }

    /// Where its shortcut is checked.
    pub fn scope(self) -> ShortcutScope {
        use UiCommand::*;
        match self {
            // Alt+digit types a character in a text field on some systems (macOS's Option).
            Undo
            | Redo
            | ShowReleaseTimeline
            | ShowModelSize
            | ShowWhoUsesWhat
            | ShowOutcomes
            | ShowDownloads
            | ShowReleasesPerQuarter
            | ShowShareByCountry => ShortcutScope::WindowUnlessTyping,
            SelectPrevious | SelectNext | ClearSearch | Confirm | Cancel | WriteExport => {
                ShortcutScope::Local
            }
            FocusNext | FocusPrevious | ZoomIn | ZoomOut | ResetZoom => ShortcutScope::Egui,
            _ => ShortcutScope::Window,
        }
    }

    /// The list it shows, for View > Organizations and the like.
    pub fn tab(self) -> Option<ListTab> {
        match self {
            UiCommand::ShowOrganizations => Some(ListTab::Organizations),
            UiCommand::ShowModels => Some(ListTab::Models),
            UiCommand::ShowSources => Some(ListTab::Sources),
            UiCommand::ShowEvents => Some(ListTab::Events),
            _ => None,
        }
    }

    /// The command that shows `tab`.
    pub fn show_tab(tab: ListTab) -> UiCommand {
        match tab {
            ListTab::Organizations => UiCommand::ShowOrganizations,
            ListTab::Models => UiCommand::ShowModels,
            ListTab::Sources => UiCommand::ShowSources,
            ListTab::Events => UiCommand::ShowEvents,
        }
    }

    /// The plot it shows, for View > Show plot > Release timeline and the like.
    pub fn plot(self) -> Option<PlotKind> {
        Some(match self {
            UiCommand::ShowReleaseTimeline => PlotKind::ReleaseTimeline,
            UiCommand::ShowModelSize => PlotKind::ModelSize,
            UiCommand::ShowWhoUsesWhat => PlotKind::WhoUsesWhat,
            UiCommand::ShowOutcomes => PlotKind::Outcomes,
            UiCommand::ShowDownloads => PlotKind::Downloads,
            UiCommand::ShowReleasesPerQuarter => PlotKind::ReleasesPerQuarter,
            UiCommand::ShowShareByCountry => PlotKind::ShareByCountry,
            _ => return None,
        })
    }

    /// The command that shows the plot `kind` (a new plot kind needs its command here).
    pub fn show_plot(kind: PlotKind) -> UiCommand {
        match kind {
            PlotKind::ReleaseTimeline => UiCommand::ShowReleaseTimeline,
            PlotKind::ModelSize => UiCommand::ShowModelSize,
            PlotKind::WhoUsesWhat => UiCommand::ShowWhoUsesWhat,
            PlotKind::Outcomes => UiCommand::ShowOutcomes,
            PlotKind::Downloads => UiCommand::ShowDownloads,
            PlotKind::ReleasesPerQuarter => UiCommand::ShowReleasesPerQuarter,
            PlotKind::ShareByCountry => UiCommand::ShowShareByCountry,
        }
    }

    /// Whether it can be run on its own from the command palette: not the keys that act where
    /// they are pressed (a list's Up, a dialog's Enter, Tab), nor the palette itself.
    pub fn in_palette(self) -> bool {
        !matches!(
            self,
            UiCommand::CommandPalette | UiCommand::FocusNext | UiCommand::FocusPrevious
        ) && self.scope() != ShortcutScope::Local
    }

    /// The app [`Action`] it stands for, given the state now; `None` for commands that only
    /// change the window (panels, theme, zoom, help windows, exports, the clipboard).
    pub fn action(self, state: &AppState) -> Option<Action> {
        use UiCommand::*;
        Some(match self {
            Redo => Action::Redo,
            Undo => Action::Undo,
            SaveAs => Action::SaveAs,
            Save => Action::Save,
            Open => Action::OpenDialog,
            New => Action::NewDataset,
            Quit => Action::Quit,
            Back => Action::Back,
            Forward => Action::Forward,
            OpenByPath => Action::PromptPath(PathPurpose::Open),
            OpenBuiltin => Action::OpenBuiltin,
            ClearRecent => Action::ClearRecent,
            SaveToPath => Action::PromptPath(PathPurpose::Save),
            ClearSearchAndFilters => Action::SetQuery(Box::new(ListQuery {
                org_sort: state.query.org_sort,
                model_sort: state.query.model_sort,
                descending: state.query.descending,
                ..ListQuery::default()
            })),
            ShowOrganizations | ShowModels | ShowSources | ShowEvents => {
                Action::SetTab(self.tab()?)
            }
            _ => return None,
        })
    }

    /// Its main shortcut as egui writes it on this system (`Ctrl+S`, `⌘S`), or `None`.
    pub fn main_shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// All its keys as egui writes them, then its mouse button: `Ctrl+Shift+Z, Ctrl+Y`.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let mut parts: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        if let Some((_, name)) = self.mouse_button() {
            parts.push(name.to_owned());
        }
        parts.join(", ")
    }

    /// Its tooltip followed by its main shortcut: "Back to the previous selection (Alt+Left)".
    pub fn tooltip_with_shortcut(self, ctx: &egui::Context) -> String {
        match self.main_shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }

    /// Whether one of its shortcuts was pressed this frame; consumes it, so no widget sees it.
    pub fn consume(self, ctx: &egui::Context) -> bool {
        ctx.input_mut(|i| self.shortcuts().iter().any(|s| i.consume_shortcut(s)))
    }

    /// Whether the key of one of its shortcuts went down this frame, whatever the modifiers,
    /// without consuming it (for keys a text field or egui's dialog also reads: Enter, Esc).
    pub fn key_pressed(self, ctx: &egui::Context) -> bool {
        ctx.input(|i| {
            self.shortcuts()
                .iter()
                .any(|s| i.key_pressed(s.logical_key))
        })
    }
}

/// The window-wide commands whose mouse button or shortcut was pressed this frame, in registry
/// order (mouse buttons first), each shortcut consumed. Call it only while none of the app's
/// dialogs is open.
pub fn pressed_window_commands(ctx: &egui::Context) -> Vec<UiCommand> {
    let mut pressed: Vec<UiCommand> = UiCommand::all()
        .filter(|c| {
            c.mouse_button()
                .is_some_and(|(b, _)| ctx.input(|i| i.pointer.button_pressed(b)))
        })
        .collect();
    let typing = ctx.egui_wants_keyboard_input();
    for cmd in UiCommand::all() {
        let checked = match cmd.scope() {
            ShortcutScope::Window => true,
            ShortcutScope::WindowUnlessTyping => !typing,
            ShortcutScope::Local | ShortcutScope::Egui => false,
        };
        if checked && cmd.consume(ctx) {
            pressed.push(cmd);
        }
    }
    pressed
}

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
