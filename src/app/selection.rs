//! What is selected, and the history that Back and Forward walk.

use crate::model::RecordRef;

/// How many selections Back can go through.
pub const MAX_HISTORY: usize = 200;

/// The selected record (shared by the lists, detail views and plots) and its history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    history: Vec<RecordRef>,
    /// Position of the current selection in `history`; meaningful only when `history` is not empty.
    pos: usize,
}

impl Selection {
    /// The selected record, if any.
    pub fn current(&self) -> Option<&RecordRef> {
        self.history.get(self.pos)
    }

    /// Selects `record`. Selecting what is already selected changes nothing; otherwise anything
    /// Forward could have reached is dropped, as in a web browser.
    pub fn select(&mut self, record: RecordRef) {
        if self.current() == Some(&record) {
            return;
        }
        if !self.history.is_empty() {
            self.history.truncate(self.pos + 1);
        }
        self.history.push(record);
        if self.history.len() > MAX_HISTORY {
            let extra = self.history.len() - MAX_HISTORY;
            self.history.drain(..extra);
        }
        self.pos = self.history.len() - 1;
    }

    /// Whether Back has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty() && self.pos > 0
    }

    /// Whether Forward has somewhere to go.
    pub fn can_go_forward(&self) -> bool {
        self.pos + 1 < self.history.len()
    }

    /// Goes back one selection.
    pub fn back(&mut self) {
        if self.can_go_back() {
            self.pos -= 1;
        }
    }

    /// Goes forward one selection.
    pub fn forward(&mut self) {
        if self.can_go_forward() {
            self.pos += 1;
        }
    }

    /// Forgets everything (a new dataset was opened).
    pub fn clear(&mut self) {
        self.history.clear();
        self.pos = 0;
    }

    /// `old` is now known as `new` (its id followed its name): every place in the history that
    /// held `old` holds `new`.
    pub fn rename(&mut self, old: &RecordRef, new: &RecordRef) {
        for r in &mut self.history {
            if r == old {
                *r = new.clone();
            }
        }
    }

    /// Drops records that no longer exist (after an edit or a reload), keeping the order.
    pub fn retain(&mut self, exists: impl Fn(&RecordRef) -> bool) {
        let current = self.current().cloned();
        self.history.retain(|r| exists(r));
        self.history.dedup();
        self.pos = current
            .and_then(|c| self.history.iter().rposition(|r| *r == c))
            .unwrap_or(self.history.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ModelId, OrgId};

    fn org(s: &str) -> RecordRef {
        RecordRef::Organization(OrgId::new(s))
    }

    #[test]
    fn back_and_forward_walk_the_history() {
        let mut s = Selection::default();
        assert_eq!(s.current(), None);
        assert!(!s.can_go_back());
        s.select(org("a"));
        s.select(RecordRef::Model(ModelId::new("m")));
        s.select(org("b"));
        s.back();
        assert_eq!(s.current(), Some(&RecordRef::Model(ModelId::new("m"))));
        s.back();
        assert_eq!(s.current(), Some(&org("a")));
        s.back();
        assert_eq!(s.current(), Some(&org("a")), "nothing before the first");
        s.forward();
        s.forward();
        assert_eq!(s.current(), Some(&org("b")));
        assert!(!s.can_go_forward());
    }

    #[test]
    fn a_new_selection_drops_the_forward_history() {
        let mut s = Selection::default();
        s.select(org("a"));
        s.select(org("b"));
        s.back();
        s.select(org("c"));
        assert!(!s.can_go_forward());
        s.back();
        assert_eq!(s.current(), Some(&org("a")));
    }

    #[test]
    fn reselecting_the_same_record_adds_no_step() {
        let mut s = Selection::default();
        s.select(org("a"));
        s.select(org("a"));
        assert!(!s.can_go_back());
    }

    #[test]
    fn history_is_capped() {
        let mut s = Selection::default();
        for i in 0..(MAX_HISTORY + 50) {
            s.select(org(&format!("o{i}")));
        }
        let mut steps = 0;
        while s.can_go_back() {
            s.back();
            steps += 1;
        }
        assert_eq!(steps, MAX_HISTORY - 1);
    }

    #[test]
    fn retain_drops_deleted_records_and_keeps_the_current_one() {
        let mut s = Selection::default();
        s.select(org("a"));
        s.select(org("gone"));
        s.select(org("b"));
        s.retain(|r| *r != org("gone"));
        assert_eq!(s.current(), Some(&org("b")));
        s.back();
        assert_eq!(s.current(), Some(&org("a")));
    }
}
