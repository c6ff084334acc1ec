//! The texts of a figure's axes fitted to their room: category names broken at their joints or
//! shortened in the middle, axis titles shortened to the plot's side, compact count labels.

/// A category label broken into lines at its natural joints ("Org: metric (source) —
/// baseline"), long parts word-wrapped at about 24 characters.
pub(super) fn wrap_label(l: &str) -> String {
    let joints = l
        .replacen(": ", ":\n", 1)
        .replacen(" (", "\n(", 1)
        .replacen(" — ", "\n", 1);
    let mut out: Vec<String> = Vec::new();
    for part in joints.lines() {
        let mut line = String::new();
        for word in part.split(' ').flat_map(split_long_word) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 24 {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out.join("\n")
}

/// A word longer than 40 characters (a URL, a name without spaces) in pieces of 24, so that a
/// category name cannot be one line wider than the figure.
fn split_long_word(word: &str) -> Vec<&str> {
    if word.chars().count() <= 40 {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let mut rest = word;
    while let Some((cut, _)) = rest.char_indices().nth(24) {
        pieces.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    pieces.push(rest);
    pieces
}

/// Formats a value on a linear count axis compactly: 2.5B, 300M, 12K, 0.5.
pub(super) fn compact_number(v: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            s
        }
    };
    // Past a thousand trillion, or not a number: scientific notation, never hundreds of digits.
    if !v.is_finite() || v.abs() >= 1e15 {
        return format!("{v:.1e}");
    }
    for (base, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if v.abs() >= base {
            return format!("{}{suffix}", trim(format!("{:.2}", v / base)));
        }
    }
    trim(format!("{v:.2}"))
}

/// Lines a category name under a column takes at most.
const COLUMN_NAME_LINES: usize = 4;

/// `label` as it fits under a column `width` points wide in `font`: broken at its joints
/// ([`wrap_label`]) when that fits, else wrapped at the width over at most
/// [`COLUMN_NAME_LINES`] lines, the last one ellipsized.
pub(super) fn fit_column_name(
    ctx: &egui::Context,
    font: &egui::FontId,
    label: &str,
    width: f32,
) -> String {
    let wrapped = wrap_label(label);
    let widest = |s: &str| {
        s.lines()
            .map(|l| {
                ctx.fonts_mut(|f| {
                    f.layout_no_wrap(l.to_owned(), font.clone(), egui::Color32::WHITE)
                })
                .size()
                .x
            })
            .fold(0.0f32, f32::max)
    };
    if widest(&wrapped) <= width && wrapped.lines().count() <= COLUMN_NAME_LINES {
        return wrapped;
    }
    let mut job = egui::text::LayoutJob::simple(
        label.replace('\n', " "),
        font.clone(),
        egui::Color32::WHITE,
        width.max(1.0),
    );
    job.wrap.max_rows = COLUMN_NAME_LINES;
    job.wrap.break_anywhere = false;
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    galley
        .rows
        .iter()
        .map(|r| {
            r.row
                .glyphs
                .iter()
                .map(|g| g.chr)
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An axis `title` as it fits along a plot side `length` points long (the plot's width, or its
/// height as last drawn for the vertical axis, whose title is written upwards; egui_plot cuts a
/// longer title at the plot's ends): whole, else without its parenthesis ("Parameters (log
/// scale)" → "Parameters"), else ellipsized.
pub(super) fn fit_axis_title(ui: &egui::Ui, title: &str, length: Option<f32>) -> String {
    let Some(room) = length.map(|h| h - 8.0) else {
        return title.to_owned();
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let fits = |s: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), font.clone(), egui::Color32::WHITE))
            .size()
            .x
            <= room
    };
    if fits(title) {
        return title.to_owned();
    }
    if let Some((short, _)) = title.split_once(" (")
        && fits(short)
    {
        return short.to_owned();
    }
    // The longest cut that fits, found by halving (the window fits its titles every frame).
    let cut = |n: usize| super::legend::ellipsized(title, n);
    let lengths: Vec<usize> = (1..title.chars().count()).collect();
    match lengths.partition_point(|&n| fits(&cut(n))) {
        0 => String::new(),
        k => cut(lengths[k - 1]),
    }
}

/// `s` cut to `max` characters by an ellipsis in the middle ("Qwen2.5-C…B-Instruct").
pub(super) fn middle_ellipsized(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_owned();
    }
    // The end keeps the extra character: "…Family 12" tells columns apart where a shared
    // beginning does not.
    let head = max.saturating_sub(1) / 2;
    let tail = max.saturating_sub(head + 1);
    let mut out: String = s
        .chars()
        .take(head)
        .collect::<String>()
        .trim_end()
        .to_owned();
    out.push('…');
    out.push_str(s.chars().skip(n - tail).collect::<String>().trim_start());
    out
}

#[cfg(test)]
mod tests {
    use super::compact_number;

    #[test]
    fn linear_count_labels_are_compact() {
        assert_eq!(compact_number(2.5e9), "2.5B");
        assert_eq!(compact_number(300e6), "300M");
        assert_eq!(compact_number(12_000.0), "12K");
        assert_eq!(compact_number(0.5), "0.5");
        assert_eq!(compact_number(0.0), "0");
        assert_eq!(compact_number(1.0e12), "1T");
        assert_eq!(compact_number(1.0e308), "1.0e308");
        assert!(compact_number(f64::MAX).len() < 10);
    }

    #[test]
    fn column_names_are_shortened_in_the_middle() {
        assert_eq!(super::middle_ellipsized("Qwen", 18), "Qwen");
        let s = super::middle_ellipsized("Northern Exceptionally Long Family 12", 18);
        assert!(s.chars().count() <= 18, "{s}");
        assert!(s.starts_with("Northern") && s.ends_with("Family 12"), "{s}");
    }

    #[test]
    fn long_words_in_category_names_are_broken() {
        let l = super::wrap_label(&"Q".repeat(200));
        assert!(l.lines().all(|line| line.chars().count() <= 24), "{l}");
        assert_eq!(l.replace('\n', ""), "Q".repeat(200));
        assert_eq!(super::wrap_label("Acme: Cost"), "Acme:\nCost");
    }
}
