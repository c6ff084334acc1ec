//! The export dialog (File > Export figure…, Ctrl+E) driven as a user does, through egui_kittest:
//! it opens from the shortcut and the menu, its preview follows the format, size and background,
//! the alt texts copy, Export… writes the previewed figure where the (scripted) Save dialog
//! says, in the chosen format, with the title typed; the dialog fits a small, zoomed window; a
//! name no font has is named before writing.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use ai_adoption_explorer::app::{
    Action, AppState, DialogOutcome, ExportFormat, ExportRequests, ScriptedDialogs, Settings,
    SizePreset,
};
use ai_adoption_explorer::figure::{NoFontDiscovery, set_export_font_discovery};
use ai_adoption_explorer::plots::PlotKind;
use ai_adoption_explorer::ui::ExplorerApp;
use ai_adoption_explorer::ui::export_dialog::preview::Preview;
use ai_adoption_explorer::ui::plots_panel::PlotChoice;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The window on the test dataset (saved to `dir` and opened as a user would), showing `kind`,
/// at `size` points and `zoom`, with the Save dialog answering `answers`.
fn harness(
    dir: &std::path::Path,
    ds: &ai_adoption_explorer::model::Dataset,
    kind: PlotKind,
    answers: Vec<DialogOutcome>,
    size: egui::Vec2,
    zoom: f32,
) -> Harness<'static, ExplorerApp> {
    // Only the bundled fonts: the files do not depend on this machine's fonts.
    set_export_font_discovery(Arc::new(NoFontDiscovery));
    let path = dir.join("data.ron");
    ai_adoption_explorer::io::save_atomic(ds, &path).unwrap();
    let dialogs = ScriptedDialogs::new(answers);
    let requests = Arc::clone(&dialogs.export_requests);
    let state = AppState::new(Box::new(dialogs), Settings::default());
    let mut h = Harness::builder()
        .with_size(size / zoom)
        .with_pixels_per_point(zoom)
        // As the app does: a character no font has is a box, not a crash (a test below has one
        // on purpose).
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            let mut app = ExplorerApp::with_state(cc, state);
            app.view.prefs.show_plots = true;
            app.view.prefs.plot = PlotChoice::Plot(kind);
            app
        });
    h.state_mut().state.apply(Action::Open(path));
    h.run();
    EXPORT_REQUESTS.with(|r| *r.borrow_mut() = requests);
    h
}

thread_local! {
    /// What this test's Save dialog was asked (the file name suggested, the filter's extension).
    static EXPORT_REQUESTS: std::cell::RefCell<ExportRequests> = std::cell::RefCell::default();
}

fn export_requests() -> Vec<(String, String)> {
    EXPORT_REQUESTS.with(|r| r.borrow().lock().unwrap().clone())
}

/// The shared sample, its texts in scripts the bundled fonts have (the window draws them too).
fn dataset() -> ai_adoption_explorer::model::Dataset {
    let mut ds = common::sample();
    ds.meta.title = "Sample AI adoption".into();
    for o in &mut ds.organizations {
        o.native_name.clear();
    }
    for p in &mut ds.people {
        p.native_name.clear();
    }
    for s in &mut ds.sources {
        if !s.publisher.is_ascii() {
            s.publisher = "News".into();
        }
    }
    ds
}

/// The release timeline of [`dataset`] in a 1280x800 window (the folder holds the dataset).
fn release_timeline(
    answers: Vec<DialogOutcome>,
) -> (tempfile::TempDir, Harness<'static, ExplorerApp>) {
    release_timeline_at(answers, egui::vec2(1280.0, 800.0), 1.0)
}

/// The release timeline of [`dataset`] in a window of `size` at `zoom`.
fn release_timeline_at(
    answers: Vec<DialogOutcome>,
    size: egui::Vec2,
    zoom: f32,
) -> (tempfile::TempDir, Harness<'static, ExplorerApp>) {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(
        dir.path(),
        &dataset(),
        PlotKind::ReleaseTimeline,
        answers,
        size,
        zoom,
    );
    (dir, h)
}

fn open_with_ctrl_e(h: &mut Harness<'static, ExplorerApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        h.state().export_dialog().is_some(),
        "Ctrl+E opens the dialog"
    );
}

/// The preview's size as the dialog states it ("Preview of the PNG: 1280 × 1200 px").
fn preview_label(h: &Harness<'static, ExplorerApp>) -> String {
    h.query_all_by_label_contains("Preview of the")
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .expect("a preview is shown")
}

/// The open dialog's preview.
fn preview<'a>(h: &'a Harness<'static, ExplorerApp>) -> &'a Preview {
    h.state()
        .export_dialog()
        .and_then(|d| d.preview())
        .expect("the figure was laid out")
}

fn preview_px(h: &Harness<'static, ExplorerApp>) -> [u32; 2] {
    preview(h).size_px
}

#[test]
fn ctrl_e_and_the_menu_open_it_and_the_preview_follows_the_choices() {
    let (_dir, mut h) = release_timeline(vec![]);
    // From the menu.
    h.get_by_label("File").click();
    h.run();
    h.query_all_by_label_contains("Export figure...")
        .next()
        .expect("the menu item")
        .click();
    h.run();
    assert!(h.state().export_dialog().is_some(), "the menu opens it");
    // Esc closes it; Ctrl+E opens it again.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().export_dialog().is_none(), "Esc closes it");
    open_with_ctrl_e(&mut h);

    // Article at 2x by default: 640 points wide.
    assert_eq!(preview_px(&h)[0], 1280);
    assert!(
        preview_label(&h).contains("1280 × "),
        "{}",
        preview_label(&h)
    );
    h.get_by_label("Slide (1920×1080)").click();
    h.run();
    assert_eq!(preview_px(&h), [3840, 2160]);
    h.get_by_label("1x").click();
    h.run();
    assert_eq!(preview_px(&h), [1920, 1080]);
    assert!(preview_label(&h).contains("1920 × 1080 px"));
    h.get_by_label("Square (1080×1080)").click();
    h.run();
    assert_eq!(preview_px(&h), [1080, 1080]);
    // SVG: sizes in points, no scale to choose.
    h.get_by_label("SVG").click();
    h.run();
    assert!(preview_label(&h).contains("1080 × 1080 points"));
    assert!(h.query_by_label("4x").is_none());
    // Dark and transparent backgrounds lay out on another page colour.
    let light = preview(&h).background;
    h.get_by_label("Dark").click();
    h.run();
    let dark = preview(&h).background;
    assert_ne!(light, dark);
    h.get_by_label("Transparent").click();
    h.run();
    let clear = preview(&h).background;
    assert_eq!(clear.a(), 0);
    // Plain: the texts cannot be changed (the figure has none).
    h.get_by_label("Plain (plot only)").click();
    h.run();
    assert!(
        h.query_by_label_contains("A plain figure has no texts")
            .is_some()
    );
    let d = h.state().export_dialog().unwrap();
    assert_eq!(d.choices.format, ExportFormat::Svg);
    assert_eq!(d.choices.preset, SizePreset::Square);
    assert!(d.choices.plain);
    // Closing remembers the choices for next time.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().export_dialog().is_none());
    let remembered = &h.state().state.export_choices;
    assert_eq!(remembered.format, ExportFormat::Svg);
    assert_eq!(remembered.preset, SizePreset::Square);
    open_with_ctrl_e(&mut h);
    assert_eq!(
        h.state().export_dialog().unwrap().choices.format,
        ExportFormat::Svg
    );
}

#[test]
fn the_alt_texts_are_shown_and_copied() {
    let (_dir, mut h) = release_timeline(vec![]);
    open_with_ctrl_e(&mut h);
    let data = h.state().shown_plot().unwrap();
    let alt = h.state().export_dialog().unwrap().alt_texts(&data);
    assert!(!alt.short.is_empty() && alt.short.chars().count() <= 150);
    assert!(alt.long.len() > alt.short.len());
    assert!(
        h.query_by_label(&alt.short).is_some(),
        "the short text is shown"
    );
    for (button, text) in [
        ("Copy short alt text", &alt.short),
        ("Copy long alt text", &alt.long),
    ] {
        h.get_by_label(button).click();
        h.run_steps(1);
        let copied = h
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(t) => Some(t.clone()),
                _ => None,
            });
        assert_eq!(copied.as_ref(), Some(text), "{button}");
        h.run();
    }
}

/// Opens the dialog, chooses `format`, types `title` at the end of the title, exports through
/// the scripted Save dialog to `path` and returns the bytes of `written`, the title and the
/// preview's size in pixels.
fn export(
    format: &str,
    title: &str,
    path: PathBuf,
    written: PathBuf,
) -> (Vec<u8>, String, [u32; 2]) {
    let (_dir, mut h) = release_timeline(vec![DialogOutcome::Picked(path.clone())]);
    open_with_ctrl_e(&mut h);
    h.get_by_label(format).click();
    h.run();
    common::window::type_at_end(&mut h, "Title", title);
    let typed = h.state().export_dialog().unwrap().texts.title.clone();
    assert!(typed.ends_with(title), "{typed}");
    let shown = preview_px(&h);
    h.get_by_label("Export…").click();
    h.run();
    let status = h.state().state.status.clone();
    // The Save dialog was asked with the format's extension.
    let ext = format.to_lowercase();
    assert_eq!(
        export_requests(),
        [(format!("release-timeline.{ext}"), ext.clone())]
    );
    assert!(h.state().export_dialog().is_none(), "closed after writing");
    assert!(status.starts_with("Exported"), "{status}");
    (
        std::fs::read(&written).expect("the file was written"),
        typed,
        shown,
    )
}

#[test]
fn export_writes_the_previewed_figure_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("figure.svg");
    let (svg, typed, _) = export("SVG", " in 2024", svg_path.clone(), svg_path);
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<svg"), "an SVG");
    assert!(svg.contains(&typed), "the typed title is in the SVG");
    // The extension follows the format even when the path chosen has none.
    let (pdf, _, _) = export(
        "PDF",
        " (draft)",
        dir.path().join("figure"),
        dir.path().join("figure.pdf"),
    );
    assert!(pdf.starts_with(b"%PDF"));
    let png_path = dir.path().join("figure.png");
    let (png, _, shown) = export("PNG", "!", png_path.clone(), png_path);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    // Article at 2x: 1280 pixels wide, as tall as the preview said.
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!(img.width(), 1280);
    assert_eq!(
        [img.width(), img.height()],
        shown,
        "the file is the previewed figure"
    );
}

#[test]
fn a_name_no_font_has_is_named_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ds = dataset();
    ds.organizations[0].name = "네이버 Acme".into();
    let mut h = harness(
        dir.path(),
        &ds,
        PlotKind::WhoUsesWhat,
        vec![],
        egui::vec2(1280.0, 800.0),
        1.0,
    );
    open_with_ctrl_e(&mut h);
    let missing = &h
        .state()
        .export_dialog()
        .unwrap()
        .preview()
        .unwrap()
        .missing;
    assert!(missing.iter().any(|m| m == "네이버"), "{missing:?}");
    assert!(
        h.query_by_label_contains("These names will show boxes: 네이버")
            .is_some()
    );
}

fn is_interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button | Role::CheckBox | Role::RadioButton | Role::TextInput | Role::SpinButton
    )
}

/// Every control of the dialog is inside the window (a scroll area may hide part of a column,
/// never cut a control across) and no two overlap.
fn dialog_fits(size: egui::Vec2, zoom: f32) {
    let (_dir, mut h) = release_timeline_at(vec![], size, zoom);
    open_with_ctrl_e(&mut h);
    h.run();
    let ppp = h.ctx.pixels_per_point();
    let window = h.ctx.content_rect().expand(1.0);
    let mut rects: Vec<(String, egui::Rect)> = Vec::new();
    for label in [
        "PNG",
        "SVG",
        "PDF",
        "Article (640 wide)",
        "Slide (1920×1080)",
        "Square (1080×1080)",
        "Custom",
        "Complete",
        "Plain (plot only)",
        "Light",
        "Dark",
        "Transparent",
        "Export…",
        "Cancel",
    ] {
        let node = h.get_by_label(label);
        assert!(is_interactive(node.accesskit_node().role()), "{label}");
        let b = node.accesskit_node().bounding_box().expect("placed");
        let r = egui::Rect::from_min_max(
            egui::pos2(b.x0 as f32 / ppp, b.y0 as f32 / ppp),
            egui::pos2(b.x1 as f32 / ppp, b.y1 as f32 / ppp),
        );
        // A control scrolled out of view has an empty or cut box; the footer's never is.
        if matches!(label, "Export…" | "Cancel") {
            assert!(
                window.contains_rect(r),
                "{label} at {r:?} outside {window:?}"
            );
        }
        if window.contains_rect(r) {
            rects.push((label.to_owned(), r));
        } else {
            assert!(
                r.min.x >= window.min.x && r.max.x <= window.max.x,
                "{label} at {r:?} cut across ({window:?})"
            );
        }
    }
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(
                ra.intersect(*rb).area() <= 1.0,
                "{a} at {ra:?} overlaps {b} at {rb:?}"
            );
        }
    }
    assert!(rects.len() >= 8, "most controls are in view: {rects:?}");
    let preview = h
        .query_all_by_label_contains("Preview of the")
        .next()
        .expect("a preview");
    let b = preview.accesskit_node().bounding_box().unwrap();
    assert!(b.x1 as f32 / ppp <= window.max.x, "the preview fits across");
}

#[test]
fn the_dialog_fits_at_1024x640() {
    dialog_fits(egui::vec2(1024.0, 640.0), 1.0);
}

#[test]
fn the_dialog_fits_at_1024x640_zoomed_150() {
    dialog_fits(egui::vec2(1024.0, 640.0), 1.5);
}

/// The dialog, light, its status bar empty, as a snapshot named `name`.
fn dialog_snapshot(size: egui::Vec2, zoom: f32, name: &str) {
    let (_dir, mut h) = release_timeline_at(vec![], size, zoom);
    h.state_mut().view.prefs.theme = ai_adoption_explorer::ui::ThemeChoice::Light;
    // The status bar names the temporary folder, which changes from run to run.
    h.state_mut().state.status.clear();
    h.run();
    open_with_ctrl_e(&mut h);
    h.run();
    h.run();
    h.snapshot(name);
}

#[test]
fn the_dialog_at_1024x640_snapshot() {
    dialog_snapshot(egui::vec2(1024.0, 640.0), 1.0, "export_dialog_1024x640");
}

#[test]
fn the_dialog_at_1024x640_zoomed_150_snapshot() {
    dialog_snapshot(egui::vec2(1024.0, 640.0), 1.5, "export_dialog_1024x640_150");
}
