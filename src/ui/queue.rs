//! The frame's queue: what the menus, shortcuts and panels asked for, carried out once, in
//! order, at the end of the frame (see `ExplorerApp::window_ui`).

use super::command::UiCommand;
use crate::app::Action;

/// One thing asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Queued {
    /// A command of the registry (a menu item or a shortcut).
    Command(UiCommand),
    /// An app action emitted by a panel or a dialog.
    Action(Action),
}

/// What the window will carry out at the end of the frame, first asked first.
#[derive(Debug, Default)]
pub struct CommandQueue {
    items: Vec<Queued>,
}

impl CommandQueue {
    /// Asks for a command.
    pub fn push(&mut self, command: UiCommand) {
        self.items.push(Queued::Command(command));
    }

    /// Asks for an app action.
    pub fn push_action(&mut self, action: Action) {
        self.items.push(Queued::Action(action));
    }

    /// Runs `f` with a list that panels fill with actions, and queues them in their order.
    pub fn collect_actions<R>(&mut self, f: impl FnOnce(&mut Vec<Action>) -> R) -> R {
        let mut actions = Vec::new();
        let out = f(&mut actions);
        self.items.extend(actions.into_iter().map(Queued::Action));
        out
    }

    /// Everything asked for, emptying the queue.
    pub fn take(&mut self) -> Vec<Queued> {
        std::mem::take(&mut self.items)
    }
}
