//! The real app in a kittest window, as the UI tests drive it.

use ai_adoption_explorer::app::AppState;
use ai_adoption_explorer::ui::ExplorerApp;
use egui_kittest::Harness;

/// The app on `state` in a window of `size` points, plots panel hidden unless `setup` shows it;
/// `setup` may change the view before the first frame, which has run when this returns.
pub fn window(
    state: AppState,
    size: egui::Vec2,
    setup: impl FnOnce(&mut ExplorerApp) + 'static,
) -> Harness<'static, ExplorerApp> {
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
        let mut app = ExplorerApp::with_state(cc, state);
        app.view.prefs.show_plots = false;
        setup(&mut app);
        app
    });
    h.run();
    h
}

/// Types `text` at the end of the text field labelled `label`, as a user clicking into it
/// would, one frame per step.
pub fn type_at_end(h: &mut Harness<'static, ExplorerApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}
