//! Every text a figure draws made safe and bounded, once, at the end of a derivation: control
//! characters escaped and each label, legend entry, title, note and footer entry ellipsized past
//! a sane width, so that no name, URL or note in a file can grow the figure (a 10 MB name would
//! otherwise make an export take seconds and gigabytes, a 10 MB URL a footer a million pixels
//! tall). The window, the image export and the CSV all see the same fitted texts.

use std::borrow::Cow;

use super::{Credit, Footer, Mark, PlotData, Scale};
use crate::model::text::{LINE_CAP, ellipsize, escape_controls};

/// Characters of a label drawn on one line: a legend entry, a group, an axis title.
pub const LABEL_CAP: usize = 80;
/// Characters of an entry of the footer (a source's name, a filter, the dataset, a credit),
/// of a mark's label shown on hover, of a title, and of a tick or category name (drawn wrapped
/// into short lines).
pub const ENTRY_CAP: usize = LINE_CAP;
/// Characters of one note under the plot, or the subtitle (they wrap over a few lines).
pub const NOTE_CAP: usize = 600;

/// `s` escaped (one line) and ellipsized to `max` characters; borrowed when already fine.
fn fit_str(s: &str, max: usize) -> Cow<'_, str> {
    // Fast path: short printable ASCII, the common case, needs nothing.
    if s.len() <= max && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(s);
    }
    // Cut first (bounded work on a huge string), escape, then cut what the escapes grew.
    let escaped = match ellipsize(s, max) {
        Cow::Borrowed(head) => escape_controls(head, false),
        Cow::Owned(head) => Cow::Owned(escape_controls(&head, false).into_owned()),
    };
    if escaped.chars().count() <= max {
        return escaped;
    }
    Cow::Owned(ellipsize(&escaped, max).into_owned())
}

/// Fits `s` in place (see [`fit_str`]).
fn fit(s: &mut String, max: usize) {
    if let Cow::Owned(o) = fit_str(s, max) {
        *s = o;
    }
}

fn fit_mark(m: &mut Mark) {
    fit(&mut m.group, LABEL_CAP);
    fit(&mut m.label, ENTRY_CAP);
    fit(&mut m.value_text, ENTRY_CAP);
    fit(&mut m.date_text, LABEL_CAP);
    if let Some(was) = &mut m.merged_from {
        fit(was, LABEL_CAP);
    }
}

fn fit_footer(f: &mut Footer) {
    for s in &mut f.full_sources {
        for t in [
            &mut s.title,
            &mut s.publisher,
            &mut s.author,
            &mut s.locator,
        ] {
            fit(t, ENTRY_CAP);
        }
        // A group's name is drawn in the source line: a label's length.
        match &mut s.credit {
            Credit::Named(n) => fit(n, LABEL_CAP),
            Credit::Primary(devs) => devs.iter_mut().for_each(|d| fit(d, LABEL_CAP)),
        }
    }
    for s in f
        .source_labels
        .iter_mut()
        .chain(&mut f.filters)
        .chain(&mut f.credits)
        .chain(std::iter::once(&mut f.dataset))
    {
        fit(s, ENTRY_CAP);
    }
}

/// Fits every text of `data` (see the module's documentation).
pub(super) fn fit_texts(data: &mut PlotData) {
    fit(&mut data.title, ENTRY_CAP);
    fit(&mut data.subtitle, NOTE_CAP);
    for axis in [&mut data.x_axis, &mut data.y_axis] {
        fit(&mut axis.title, LABEL_CAP);
        // Category names ("Org: metric (source) — baseline") are drawn wrapped into short
        // lines under their tick: they get an entry's length.
        for (_, l) in &mut axis.ticks {
            fit(l, ENTRY_CAP);
        }
        if let Scale::Category(names) = &mut axis.scale {
            for n in names {
                fit(n, ENTRY_CAP);
            }
        }
    }
    for e in &mut data.legend {
        match &mut e.group {
            // A group's name is a label; a style's entry is the app's own sentence.
            Some(g) => {
                fit(g, LABEL_CAP);
                fit(&mut e.label, LABEL_CAP);
            }
            None => fit(&mut e.label, NOTE_CAP),
        }
    }
    data.marks.iter_mut().for_each(fit_mark);
    for r in &mut data.runs {
        fit_mark(&mut r.template);
        fit(&mut r.name, ENTRY_CAP);
        fit(&mut r.unit_suffix, LABEL_CAP);
    }
    for n in &mut data.notes {
        fit(n, NOTE_CAP);
    }
    fit_footer(&mut data.footer);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_cut() {
        assert!(matches!(fit_str("Qwen2.5-7B", 80), Cow::Borrowed(_)));
        assert!(matches!(fit_str("通义千问", 80), Cow::Borrowed(_)));
        assert_eq!(
            fit_str("Pinterest\u{202e}gpj.exe", 80),
            "Pinterest\\u{202e}gpj.exe"
        );
        let long = "x".repeat(1_000_000);
        let l = fit_str(&long, LABEL_CAP);
        assert_eq!(l.chars().count(), LABEL_CAP);
        assert!(l.ends_with('…'));
        let escapes = "\u{1b}".repeat(1_000);
        let e = fit_str(&escapes, LABEL_CAP);
        assert!(
            e.chars().count() <= LABEL_CAP && !e.contains('\u{1b}'),
            "{e}"
        );
    }
}
