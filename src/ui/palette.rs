//! The command palette (Ctrl+K, Ctrl+P): a search box over every command of the registry, one
//! "Show plot: ..." entry per plot (the registry's plot commands) and every record by its name.
//! Choosing an entry hands back a [`PaletteChoice`]; the window queues it like a menu click.

use std::sync::Arc;

use egui::{Key, Modifiers};

use super::command::UiCommand;
use crate::app::explorer::{Index, RecordAt, normalize_query};
use crate::model::{
    Dataset, NameStyle, RecordKind, RecordRef, SourceName, record_name, source_name,
};

/// The order in which record kinds are listed: what people look for most first.
const KIND_ORDER: [RecordKind; 11] = [
    RecordKind::Organization,
    RecordKind::Family,
    RecordKind::Model,
    RecordKind::Person,
    RecordKind::Event,
    RecordKind::Source,
    RecordKind::Claim,
    RecordKind::Conflict,
    RecordKind::Series,
    RecordKind::Adoption,
    RecordKind::Role,
];

/// At most this many records are listed; the rest are counted ("and 12 more").
pub const MAX_RECORDS: usize = 50;

/// The window's title, and the accessible label of its search box's window.
pub const TITLE: &str = "Command palette";

/// The label of the search box.
pub const SEARCH_LABEL: &str = "Command, plot or record:";

/// What the user chose in the palette.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteChoice {
    /// A command of the registry (a plot command included), queued like a menu click.
    Command(UiCommand),
    /// A record to select, as `Action::Select`.
    Record(RecordRef),
}

/// One line of the palette.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// What the line says: a command's label, "Show plot: <title>" or a record's name.
    pub text: String,
    /// Its keys as the registry formats them (empty for records and key-less commands).
    pub keys: String,
    /// What it does (a command's tooltip; a record's kind).
    pub hint: String,
    /// What choosing it does.
    pub choice: PaletteChoice,
}

/// Every record's name, lowercased for search, for one revision of the dataset.
#[derive(Debug, Default)]
struct RecordNames {
    revision: Option<u64>,
    /// (record, shown name, lowercase name, kind), kinds in [`KIND_ORDER`].
    names: Vec<(RecordRef, String, String, RecordKind)>,
}

impl RecordNames {
    /// Names every record of `ds` (once per revision): its name by [`record_name`] as a link
    /// names it (claims by their text, conflicts by their description), a source by its
    /// [`SourceName::Short`] name; a name two records share gets their kind added.
    fn refresh(&mut self, ds: &Dataset, index: &Index, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.names.clear();
        for kind in KIND_ORDER {
            for pos in 0.. {
                let Some(r) = RecordAt::new(kind, pos).record_ref(ds) else {
                    break;
                };
                let name = match (&r, ds.sources.get(pos)) {
                    (RecordRef::Source(_), Some(s)) => source_name(ds, s, SourceName::Short),
                    _ => record_name(ds, index, &r, NameStyle::Link),
                };
                let lower = normalize_query(&name);
                self.names.push((r, name, lower, kind));
            }
        }
        let mut count = std::collections::HashMap::<String, usize>::new();
        for (_, _, lower, _) in &self.names {
            *count.entry(lower.clone()).or_default() += 1;
        }
        for (_, name, lower, kind) in &mut self.names {
            if count[lower.as_str()] > 1 {
                name.push_str(&format!(" ({kind})"));
            }
        }
    }
}

/// Whether `haystack` (lowercase) holds every one of `words` (lowercase), in any order.
pub fn matches_words(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// The typed text as lowercase words.
fn words_of(query: &str) -> Vec<String> {
    normalize_query(query)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The palette's text of a command: its label, "Show plot: <title>" for a plot command and
/// "Theme: Dark" for a theme (the menu around them says what they are; the palette has none).
pub fn command_text(command: UiCommand) -> String {
    if let Some(kind) = command.plot() {
        return format!("Show plot: {}", kind.title());
    }
    match command {
        UiCommand::ThemeSystem | UiCommand::ThemeLight | UiCommand::ThemeDark => {
            format!("Theme: {}", command.label())
        }
        _ => command.label().to_owned(),
    }
}

/// The lines that match `query`: commands, then plots, whose own text has every typed word;
/// then the commands and plots only their tooltip matches; then at most [`MAX_RECORDS`]
/// records (none while nothing is typed), those whose name starts with the typed text first;
/// and how many more records match.
fn entries(ctx: &egui::Context, query: &str, records: &RecordNames) -> (Vec<Entry>, usize) {
    let words = words_of(query);
    // (whether its own text matches, the line) for each command the words find.
    let command = |c: UiCommand| {
        let text = command_text(c);
        let own = matches_words(&normalize_query(&text), &words);
        let haystack = normalize_query(&format!("{text} {}", c.tooltip()));
        (own || matches_words(&haystack, &words)).then(|| {
            let entry = Entry {
                text,
                keys: c.shortcut_text(ctx),
                hint: c.tooltip().to_owned(),
                choice: PaletteChoice::Command(c),
            };
            (!own, entry)
        })
    };
    let mut found: Vec<(bool, Entry)> = UiCommand::all()
        .filter(|c| c.in_palette() && c.plot().is_none())
        .chain(UiCommand::all().filter(|c| c.in_palette() && c.plot().is_some()))
        .filter_map(command)
        .collect();
    // Stable: commands before plots, in the registry's order, within each group.
    found.sort_by_key(|(tooltip_only, _)| *tooltip_only);
    let mut out: Vec<Entry> = found.into_iter().map(|(_, e)| e).collect();
    if words.is_empty() {
        return (out, 0);
    }
    // Names that start with what is typed first, then the others; kinds in KIND_ORDER.
    let typed = words.join(" ");
    let mut found: Vec<_> = records
        .names
        .iter()
        .filter(|(_, _, lower, _)| matches_words(lower, &words))
        .collect();
    found.sort_by_key(|(_, _, lower, _)| !lower.starts_with(&typed));
    let more = found.len().saturating_sub(MAX_RECORDS);
    out.extend(
        found
            .into_iter()
            .take(MAX_RECORDS)
            .map(|(r, name, _, kind)| Entry {
                text: name.clone(),
                keys: String::new(),
                hint: format!("Go to this {kind}"),
                choice: PaletteChoice::Record(r.clone()),
            }),
    );
    (out, more)
}

/// The palette's state between frames.
#[derive(Debug, Default)]
pub struct Palette {
    open: bool,
    focus_pending: bool,
    query: String,
    highlighted: usize,
    records: RecordNames,
}

impl Palette {
    /// Whether it is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens it empty with the search box focused, or closes it when it is open.
    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
        } else {
            *self = Self {
                open: true,
                focus_pending: true,
                records: std::mem::take(&mut self.records),
                ..Self::default()
            };
        }
    }

    /// Draws the palette when it is open; Up and Down move, Enter or a click chooses (and
    /// closes it), Esc closes it. Call it before the panels, so it takes those keys first.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        ds: &Dataset,
        index: &Arc<Index>,
        revision: u64,
    ) -> Option<PaletteChoice> {
        if !self.open {
            return None;
        }
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if escape {
            self.open = false;
            return None;
        }
        self.records.refresh(ds, index, revision);
        let shown = egui::Window::new(TITLE)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .default_width(480.0)
            .show(ctx, |ui| {
                let label = ui.label(SEARCH_LABEL);
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.query)
                            .hint_text("type a few letters of any word")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if edit.changed() {
                    self.highlighted = 0;
                }
                if std::mem::take(&mut self.focus_pending) {
                    edit.request_focus();
                }
                let (lines, more) = entries(ui.ctx(), &self.query, &self.records);
                if lines.is_empty() {
                    self.highlighted = 0;
                } else {
                    let last = lines.len() - 1;
                    if up {
                        self.highlighted = self.highlighted.saturating_sub(1);
                    }
                    if down {
                        self.highlighted = (self.highlighted + 1).min(last);
                    }
                    self.highlighted = self.highlighted.min(last);
                }
                let entered = lines
                    .get(self.highlighted)
                    .filter(|_| enter)
                    .map(|e| e.choice.clone());
                ui.separator();
                let clicked = self.lines_ui(ui, &lines, more, up || down);
                entered.or(clicked)
            });
        let mut chosen = None;
        if let Some(w) = shown {
            chosen = w.inner.flatten();
            if w.response.clicked_elsewhere() {
                self.open = false;
            }
        }
        if chosen.is_some() {
            self.open = false;
        }
        chosen
    }

    /// The list of matching lines; returns the one clicked.
    fn lines_ui(
        &mut self,
        ui: &mut egui::Ui,
        lines: &[Entry],
        more: usize,
        moved: bool,
    ) -> Option<PaletteChoice> {
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let width = ui.available_width();
                let mut records_started = false;
                for (at, line) in lines.iter().enumerate() {
                    if matches!(line.choice, PaletteChoice::Record(_)) && !records_started {
                        records_started = true;
                        ui.weak("Go to record...");
                    }
                    let selected = at == self.highlighted;
                    let mut button = egui::Button::selectable(selected, line.text.as_str())
                        .min_size(egui::vec2(width, 0.0));
                    if !line.keys.is_empty() {
                        button = button.shortcut_text(line.keys.as_str());
                    }
                    let response = ui.add(button).on_hover_text(&line.hint);
                    if selected && moved {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        clicked = Some(line.choice.clone());
                    }
                }
                if lines.is_empty() {
                    ui.weak("Nothing matches.");
                } else if more > 0 {
                    ui.weak(format!("and {more} more — type more to narrow"));
                } else if self.query.trim().is_empty() {
                    ui.weak("Type a name to go to a record.");
                }
            });
        clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ds: &Dataset) -> RecordNames {
        let mut r = RecordNames::default();
        r.refresh(ds, &Index::build(ds), 1);
        r
    }

    fn texts(query: &str, records: &RecordNames) -> Vec<String> {
        let ctx = egui::Context::default();
        entries(&ctx, query, records)
            .0
            .into_iter()
            .map(|e| e.text)
            .collect()
    }

    #[test]
    fn every_word_must_appear_in_any_order_whatever_the_case() {
        let words = words_of("  Plot SHOW ");
        assert!(matches_words("show plot: release timeline", &words));
        assert!(!matches_words("show release timeline", &words));
        assert!(matches_words("anything", &words_of("")));
    }

    #[test]
    fn commands_come_first_then_plots_then_records() {
        let ds = crate::app::Document::builtin().unwrap().dataset;
        let records = names(&ds);
        let all = texts("", &records);
        assert!(all.contains(&"Undo".to_owned()));
        assert!(all.contains(&"Show plot: Release timeline".to_owned()));
        assert!(
            !all.iter()
                .any(|t| t == "OK" || t == "×" || t == "Command palette…"),
            "keys that act where they are pressed, and the palette itself, are not listed: {all:?}"
        );
        let first_plot = all
            .iter()
            .position(|t| t.starts_with("Show plot:"))
            .unwrap();
        assert!(
            all[first_plot..]
                .iter()
                .all(|t| t.starts_with("Show plot:"))
        );
        let p = texts("p", &records);
        let last_plot = p.iter().rposition(|t| t.starts_with("Show plot:")).unwrap();
        let first_command = p.iter().position(|t| t == "Open...").unwrap();
        assert!(first_command < last_plot);
        // "show plot": the plots, then the commands only their tooltip matches ("Show or
        // hide the plots and summary panel").
        let s = texts("show plot", &records);
        assert!(s[..6].iter().all(|t| t.starts_with("Show plot:")), "{s:?}");
        assert!(s.contains(&"Plots and summary panel".to_owned()), "{s:?}");
        assert!(p.len() > last_plot + 1, "records follow: {p:?}");
        // "dark" is in Follow the system's tooltip, but Dark's own text comes first.
        assert_eq!(texts("dark", &records)[0], "Theme: Dark");
    }

    #[test]
    fn records_of_every_kind_are_found_by_name_and_capped() {
        let ds = crate::app::Document::builtin().unwrap().dataset;
        let records = names(&ds);
        let kinds: std::collections::BTreeSet<RecordKind> =
            records.names.iter().map(|n| n.3).collect();
        assert_eq!(KIND_ORDER.len(), RecordKind::ALL.len());
        for kind in RecordKind::ALL {
            let has = by_len(&ds, kind) > 0;
            assert_eq!(kinds.contains(&kind), has, "{kind}");
        }
        let found = texts("pinterest", &records);
        assert!(found.iter().any(|t| t == "Pinterest"), "{found:?}");
        let ctx = egui::Context::default();
        let (lines, more) = entries(&ctx, "e", &records);
        let shown = lines
            .iter()
            .filter(|l| matches!(l.choice, PaletteChoice::Record(_)))
            .count();
        assert_eq!(shown, MAX_RECORDS);
        let all = records.names.iter().filter(|n| n.2.contains('e')).count();
        assert_eq!(more, all - MAX_RECORDS);
    }

    fn by_len(ds: &Dataset, kind: RecordKind) -> usize {
        (0..)
            .take_while(|&p| RecordAt::new(kind, p).id(ds).is_some())
            .count()
    }

    #[test]
    fn names_no_id_and_tells_apart_records_that_share_a_name() {
        let mut ds = crate::app::Document::builtin()
            .unwrap()
            .dataset
            .as_ref()
            .clone();
        let mut twin = ds.organizations[0].clone();
        twin.id = crate::model::OrgId::new("twin-of-first");
        ds.organizations.push(twin);
        let first = ds.organizations[0].name.clone();
        let records = names(&ds);
        let found = texts(&first, &records);
        assert!(
            found
                .iter()
                .filter(|t| **t == format!("{first} (organization)"))
                .count()
                == 2,
            "{found:?}"
        );
        assert!(!found.iter().any(|t| t.contains("twin-of-first")));
    }
}
