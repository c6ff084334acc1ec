//! Panels and scroll areas as nodes of the accessibility tree, with their rectangles: a screen
//! reader can name the panel it is in, and a test can tell which panel a widget belongs to and
//! where a scroll area's visible part ends.

use egui::accesskit::{Orientation, Rect as AccessRect, Role};
use egui::{Rect, Ui, UiBuilder};

/// The accessibility name of a panel titled `title` ("Details panel").
pub fn panel_name(title: &str) -> String {
    format!("{title} panel")
}

/// Runs `add_contents` in a child `Ui` that is a named panel node (role `Pane`) covering the
/// whole of `ui`'s room, so every widget added inside is a descendant of it.
pub fn panel_ui<R>(ui: &mut Ui, title: &str, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    let rect = ui.max_rect();
    ui.scope_builder(
        UiBuilder::new()
            .accessibility_label(panel_name(title))
            .accessibility_role(Role::Pane),
        |ui| {
            set_bounds(ui, rect);
            add_contents(ui)
        },
    )
    .inner
}

/// Marks the `Ui` given to a scroll area's contents as a scroll view whose bounds are the part
/// that can be seen (its clip rectangle), scrolling `vertical`ly, horizontally or both. Call it
/// first thing inside `ScrollArea::show`.
pub fn scroll_view(ui: &Ui, vertical: bool, horizontal: bool) {
    let rect = ui.clip_rect();
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(Role::ScrollView);
        match (vertical, horizontal) {
            (true, false) => node.set_orientation(Orientation::Vertical),
            (false, true) => node.set_orientation(Orientation::Horizontal),
            _ => node.clear_orientation(),
        }
    });
    set_bounds(ui, rect);
}

fn set_bounds(ui: &Ui, rect: Rect) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_bounds(AccessRect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}
