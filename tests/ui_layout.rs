//! The layout holds at every size: the main screens (each list, a record of each kind in its
//! detail view and its form, each plot, the claims table, the problems panel) at three window
//! sizes and two zooms, and at the ends of the range (2560x1440 at 50%, 1024x640 at 200%),
//! checked from the accessibility tree. Every interactive widget and every
//! label lies inside the window and, outside scroll areas, inside its panel; inside a scroll area
//! it may only be cut along the axis that scrolls; no two interactive widgets overlap.
//!
//! One harness per size and zoom steps through the screens, so the whole test stays a matter
//! of seconds per configuration.

mod common;

use ai_adoption_explorer::app::explorer::ListTab;
use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::model::{Dataset, RecordRef};
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::layout::Pane;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use ai_adoption_explorer::ui::{ExplorerApp, HelpWindow};
use egui::accesskit::{Orientation, Role};
use egui::{Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT as _, Queryable as _};

/// Rounding slack, in points.
const SLACK: f32 = 1.0;

/// At most this many failures are printed per configuration.
const SHOWN: usize = 40;

fn is_interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::ComboBox
            | Role::Link
            | Role::Slider
            | Role::SpinButton
            | Role::MenuItem
            | Role::Tab
    )
}

fn rect_of(node: &AccessKitNode<'_>, ppp: f32) -> Option<Rect> {
    let b = node.bounding_box()?;
    Some(Rect::from_min_max(
        pos2(b.x0 as f32 / ppp, b.y0 as f32 / ppp),
        pos2(b.x1 as f32 / ppp, b.y1 as f32 / ppp),
    ))
}

/// `inner` lies inside `outer` along x (`axis` 0) or y (1), up to the slack.
fn within(inner: Rect, outer: Rect, axis: usize) -> bool {
    inner.min[axis] >= outer.min[axis] - SLACK && inner.max[axis] <= outer.max[axis] + SLACK
}

/// Where a widget is: its panel (name and rectangle) and the scroll views between them, each
/// with its visible rectangle and the axes it scrolls.
struct Place {
    panel: Option<(String, Rect)>,
    scrolls: Vec<(Rect, [bool; 2])>,
}

fn place_of(node: &AccessKitNode<'_>, ppp: f32) -> Place {
    let mut place = Place {
        panel: None,
        scrolls: Vec::new(),
    };
    let mut at = node.parent();
    while let Some(n) = at {
        match n.role() {
            Role::ScrollView => {
                if let Some(r) = rect_of(&n, ppp) {
                    let axes = match n.data().orientation() {
                        Some(Orientation::Vertical) => [false, true],
                        Some(Orientation::Horizontal) => [true, false],
                        None => [true, true],
                    };
                    place.scrolls.push((r, axes));
                }
            }
            Role::Pane => {
                if let (Some(label), Some(r)) = (n.label(), rect_of(&n, ppp))
                    && label.ends_with(" panel")
                {
                    place.panel = Some((label, r));
                    break;
                }
            }
            _ => {}
        }
        at = n.parent();
    }
    place
}

/// The area (panel tree or window) `node` is drawn in: its ancestor just below the root.
fn area_of(node: &AccessKitNode<'_>) -> String {
    let mut at = *node;
    while let Some(parent) = at.parent() {
        if parent.parent().is_none() {
            break;
        }
        at = parent;
    }
    format!("{:?}", at.id())
}

/// The checks of one screen; what fails is added to `failures`. Returns how many widgets and
/// labels it checked inside a named panel (so a screen whose panels lost their nodes fails).
fn check_screen(h: &Harness<'_, ExplorerApp>, screen: &str, failures: &mut Vec<String>) -> usize {
    let mut in_panels = 0;
    let ppp = h.ctx.pixels_per_point();
    let window = h.ctx.content_rect();
    let root = h.root();
    let mut shown: Vec<(Rect, String, Role, AccessKitNode<'_>)> = Vec::new();
    for node in root.children_recursive() {
        let n = node.accesskit_node();
        let role = n.role();
        let interactive = is_interactive(role);
        if !interactive && role != Role::Label {
            continue;
        }
        let Some(r) = rect_of(&n, ppp) else {
            continue;
        };
        if r.width() <= 0.0 || r.height() <= 0.0 {
            continue;
        }
        let name = n.label().unwrap_or_default();
        let short: String = name.chars().take(50).collect();
        let what = format!("{role:?} \"{short}\"");
        let place = place_of(&n, ppp);
        in_panels += usize::from(place.panel.is_some());
        // The axes along which some scroll view may cut it.
        let mut scrolled = [false, false];
        let mut visible = window;
        for (view, axes) in &place.scrolls {
            for axis in 0..2 {
                if axes[axis] {
                    scrolled[axis] = true;
                } else if !within(r, *view, axis) {
                    failures.push(format!(
                        "{screen}: {what} at {r:?} is cut by its scroll area {view:?}, which does not scroll that way"
                    ));
                }
            }
            visible = visible.intersect(*view);
        }
        for (axis, _) in scrolled.iter().enumerate().filter(|(_, s)| !**s) {
            if !within(r, window, axis) {
                failures.push(format!(
                    "{screen}: {what} at {r:?} is outside the window {window:?}"
                ));
            } else if let Some((panel, p)) = &place.panel
                && !within(r, *p, axis)
            {
                failures.push(format!(
                    "{screen}: {what} at {r:?} sticks out of the {panel} {p:?}"
                ));
            }
        }
        if let Some((_, p)) = &place.panel {
            visible = visible.intersect(*p);
        }
        if interactive {
            let seen = r.intersect(visible);
            if seen.width() > 0.0 && seen.height() > 0.0 {
                shown.push((seen, what, role, n));
            }
        }
    }
    for (i, (a, what_a, _, node_a)) in shown.iter().enumerate() {
        for (b, what_b, _, node_b) in &shown[i + 1..] {
            let both = a.intersect(*b);
            if both.width() <= SLACK || both.height() <= SLACK {
                continue;
            }
            // A tab's close button lies on its tab, as egui_tiles draws it.
            let close_on_tab =
                |x: &AccessKitNode<'_>, xr: &Rect, y: &AccessKitNode<'_>, yr: &Rect| {
                    x.label().as_deref() == Some("Close")
                        && y.role() == Role::Button
                        && yr.contains_rect(*xr)
                };
            if close_on_tab(node_a, a, node_b, b) || close_on_tab(node_b, b, node_a, a) {
                continue;
            }
            if node_a.is_descendant_of(node_b) || node_b.is_descendant_of(node_a) {
                continue;
            }
            // A window floats over the panels: only widgets of one area can collide.
            if area_of(node_a) != area_of(node_b) {
                continue;
            }
            failures.push(format!(
                "{screen}: {what_a} at {a:?} overlaps {what_b} at {b:?}"
            ));
        }
    }
    in_panels
}

/// A screen: its name and what brings the app there.
type Screen = (String, Box<dyn Fn(&mut ExplorerApp)>);

/// Each screen the test visits, in order (each step starts from the screen before).
fn screens(ds: &Dataset) -> Vec<Screen> {
    let mut out: Vec<Screen> = Vec::new();
    for tab in ListTab::ALL {
        out.push((
            format!("the {} list", tab.label()),
            Box::new(move |app: &mut ExplorerApp| {
                app.state.apply(Action::SetTab(tab));
                app.view.layout.bring_to_front(Pane::List);
            }),
        ));
    }
    // A record of each kind; Pinterest has claims with long lines, the first developer of a
    // model has families and models to list.
    let developer = ds.models.first().map(|m| m.developer.clone());
    let mut records: Vec<RecordRef> = Vec::new();
    records.extend(
        ds.organizations
            .iter()
            .filter(|o| o.id.as_str() == "pinterest" || Some(&o.id) == developer.as_ref())
            .map(|o| RecordRef::Organization(o.id.clone())),
    );
    records.extend(ds.models.first().map(|x| RecordRef::Model(x.id.clone())));
    records.extend(ds.sources.first().map(|x| RecordRef::Source(x.id.clone())));
    records.extend(ds.events.first().map(|x| RecordRef::Event(x.id.clone())));
    records.extend(ds.families.first().map(|x| RecordRef::Family(x.id.clone())));
    records.extend(ds.people.first().map(|x| RecordRef::Person(x.id.clone())));
    records.extend(ds.roles.first().map(|x| RecordRef::Role(x.id.clone())));
    records.extend(
        ds.adoptions
            .first()
            .map(|x| RecordRef::Adoption(x.id.clone())),
    );
    records.extend(ds.claims.first().map(|x| RecordRef::Claim(x.id.clone())));
    records.extend(
        ds.conflicts
            .first()
            .map(|x| RecordRef::Conflict(x.id.clone())),
    );
    records.extend(ds.series.first().map(|x| RecordRef::Series(x.id.clone())));
    for r in records {
        for editing in [false, true] {
            let r2 = r.clone();
            out.push((
                format!(
                    "{} {:?} in its {}",
                    r.kind_and_id().0.name(),
                    r.kind_and_id().1,
                    if editing { "form" } else { "detail view" }
                ),
                Box::new(move |app: &mut ExplorerApp| {
                    app.state.apply(Action::Select(r2.clone()));
                    app.view.detail.editing = editing;
                    app.view.layout.bring_to_front(Pane::Detail);
                }),
            ));
        }
    }
    for choice in std::iter::once(PlotChoice::Summary).chain(PlotKind::ALL.map(PlotChoice::Plot)) {
        out.push((
            format!("{choice:?} in the plots panel"),
            Box::new(move |app: &mut ExplorerApp| {
                app.view.detail.editing = false;
                app.view.prefs.plot = choice;
                app.view.layout.bring_to_front(Pane::Plots);
            }),
        ));
    }
    out.push((
        "the claims table".into(),
        Box::new(|app: &mut ExplorerApp| app.view.help = HelpWindow::ClaimsTable),
    ));
    out.push((
        "the problems panel".into(),
        Box::new(|app: &mut ExplorerApp| {
            app.view.help = HelpWindow::Closed;
            app.view.prefs.show_problems = true;
            app.view.layout.bring_to_front(Pane::Problems);
        }),
    ));
    out
}

/// Steps through every screen at `size` points and `zoom`, and fails listing what it found.
fn every_screen_fits(size: egui::Vec2, zoom: f32) {
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let ds = state.doc.dataset.clone();
    // Zoom as Ctrl+= does it: the same pixels, each point `zoom` pixels wide.
    let mut h = Harness::builder()
        .with_size(size / zoom)
        .with_pixels_per_point(zoom)
        .build_eframe(move |cc| ExplorerApp::with_state(cc, state));
    h.run();
    let config = format!("{}x{} at {:.0}%", size.x, size.y, zoom * 100.0);
    let mut failures = Vec::new();
    for (name, go) in screens(&ds) {
        go(h.state_mut());
        h.run();
        let checked = check_screen(&h, &format!("{config}, {name}"), &mut failures);
        assert!(
            checked >= 20,
            "{config}, {name}: only {checked} widgets found in panels"
        );
    }
    let count = failures.len();
    failures.truncate(SHOWN);
    assert!(
        count == 0,
        "{count} layout failures, the first {}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_screen_fits_at_1024x640() {
    every_screen_fits(egui::vec2(1024.0, 640.0), 1.0);
}

#[test]
fn every_screen_fits_at_1024x640_zoomed_150() {
    every_screen_fits(egui::vec2(1024.0, 640.0), 1.5);
}

#[test]
fn every_screen_fits_at_1280x800() {
    every_screen_fits(egui::vec2(1280.0, 800.0), 1.0);
}

#[test]
fn every_screen_fits_at_1280x800_zoomed_150() {
    every_screen_fits(egui::vec2(1280.0, 800.0), 1.5);
}

#[test]
fn every_screen_fits_at_1920x1080() {
    every_screen_fits(egui::vec2(1920.0, 1080.0), 1.0);
}

#[test]
fn every_screen_fits_at_1920x1080_zoomed_150() {
    every_screen_fits(egui::vec2(1920.0, 1080.0), 1.5);
}

#[test]
fn a_narrow_window_shows_the_panels_as_tabs_and_a_wide_one_side_by_side() {
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut h = common::window::window(state, egui::vec2(1920.0, 1080.0), |app| {
        app.view.prefs.show_plots = true;
    });
    assert!(!h.state().view.layout.is_narrow(), "three columns fit");
    h.set_size(egui::vec2(700.0, 640.0));
    h.run();
    let grouping = h.state().view.layout.grouping().cloned();
    assert_eq!(
        grouping,
        Some(vec![vec![Pane::List], vec![Pane::Detail, Pane::Plots]]),
        "the plots become a tab beside the details"
    );
    assert!(h.query_by_label("Plots and summary").is_some(), "its tab");
}

#[test]
fn view_reset_layout_restores_the_default_arrangement() {
    use egui_tiles::{Container, LinearDir, Tile};
    let fresh = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let default = common::window::window(fresh, egui::vec2(1280.0, 800.0), |app| {
        app.view.prefs.show_plots = true;
    });
    let default_tree = format!("{:?}", default.state().view.layout.tree());
    let state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut h = common::window::window(state, egui::vec2(1280.0, 800.0), |app| {
        app.view.prefs.show_problems = true;
        // The user turned the column of panels into one row.
        let tree = app.view.layout.tree_mut();
        if let Some(root) = tree.root()
            && let Some(Tile::Container(Container::Linear(l))) = tree.tiles.get_mut(root)
        {
            l.dir = LinearDir::Horizontal;
        }
    });
    assert_ne!(format!("{:?}", h.state().view.layout.tree()), default_tree);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Reset layout").click();
    h.run();
    assert!(!h.state().view.prefs.show_problems, "problems hidden again");
    assert_eq!(
        format!("{:?}", h.state().view.layout.tree()),
        default_tree,
        "the default arrangement is back"
    );
}

#[test]
fn every_screen_fits_at_2560x1440_zoomed_50() {
    every_screen_fits(egui::vec2(2560.0, 1440.0), 0.5);
}

#[test]
fn every_screen_fits_at_1024x640_zoomed_200() {
    every_screen_fits(egui::vec2(1024.0, 640.0), 2.0);
}
