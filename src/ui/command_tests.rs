//! Tests of the command registry: shortcuts that do not collide, labels and tooltips for every
//! command.

use super::*;

/// Whether pressing `pressed` also matches `pattern` (egui ignores extra Shift and Alt).
fn taken_by(pattern: &KeyboardShortcut, pressed: &KeyboardShortcut) -> bool {
    pattern.logical_key == pressed.logical_key
        && pressed.modifiers.matches_logically(pattern.modifiers)
}

#[test]
fn no_window_shortcut_is_taken_by_one_checked_before_it() {
    // Window commands are checked in registry order, egui's own (zoom) at the end of the frame.
    // egui orders its own keys (Tab before Shift+Tab is egui's business).
    let checked: Vec<UiCommand> = UiCommand::all()
        .filter(|c| c.scope() != ShortcutScope::Local)
        .collect();
    for (i, earlier) in checked.iter().enumerate() {
        for later in &checked[i + 1..] {
            if earlier.scope() == ShortcutScope::Egui && later.scope() == ShortcutScope::Egui {
                continue;
            }
            for a in earlier.shortcuts() {
                for b in later.shortcuts() {
                    assert!(
                        !taken_by(a, b),
                        "{later:?} ({b:?}) would be taken by {earlier:?} ({a:?})"
                    );
                }
            }
        }
    }
}

#[test]
fn no_shortcut_needs_ctrl_and_alt_together() {
    // Ctrl+Alt is AltGr on many keyboard layouts, which types characters ([, @, €...).
    for c in UiCommand::all() {
        for s in c.shortcuts() {
            let m = s.modifiers;
            assert!(!(m.alt && (m.ctrl || m.command)), "{c:?} uses Ctrl+Alt");
        }
    }
}

#[test]
fn every_command_has_a_label_and_a_tooltip_and_tabs_round_trip() {
    for c in UiCommand::all() {
        assert!(!c.label().is_empty(), "{c:?} has no label");
        assert!(!c.tooltip().is_empty(), "{c:?} has no tooltip");
    }
    for t in ListTab::ALL {
        assert_eq!(UiCommand::show_tab(t).tab(), Some(t));
    }
    for k in PlotKind::ALL {
        assert_eq!(UiCommand::show_plot(k).plot(), Some(k));
        assert_eq!(UiCommand::show_plot(k).label(), k.title());
    }
    let plot_commands = UiCommand::all().filter(|c| c.plot().is_some()).count();
    assert_eq!(plot_commands, PlotKind::ALL.len(), "one command per plot");
}

#[test]
fn shortcuts_read_ctrl_here_and_cmd_on_macos() {
    let ctx = egui::Context::default();
    // Fonts (which egui asks whether it can draw ⌘) exist after the first frame.
    let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
    out.textures_delta.clear();
    ctx.set_os(egui::os::OperatingSystem::Nix);
    assert_eq!(UiCommand::SaveAs.shortcut_text(&ctx), "Ctrl+Shift+S");
    assert_eq!(UiCommand::Redo.shortcut_text(&ctx), "Ctrl+Shift+Z, Ctrl+Y");
    assert_eq!(UiCommand::Back.shortcut_text(&ctx), "Alt+Left, mouse Back");
    assert_eq!(
        UiCommand::CommandPalette.shortcut_text(&ctx),
        "Ctrl+K, Ctrl+P"
    );
    assert_eq!(UiCommand::ShowReleaseTimeline.shortcut_text(&ctx), "Alt+1");
    ctx.set_os(egui::os::OperatingSystem::Mac);
    let mac = UiCommand::Save.shortcut_text(&ctx);
    assert!(!mac.contains("Ctrl"), "{mac}");
    assert!(mac.contains('S'), "{mac}");
}
